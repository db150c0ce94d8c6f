#pragma once

// Internal to the component inspector's translation units.
#include "model/project.h"

#include <optional>
#include <vector>

namespace stackplan::inspector {

// The value every selected component shares, or nullopt when they differ ("mixed").
template<typename T, typename Get>
std::optional<T> common(const std::vector<const Component *> &sel, const Get &get)
{
    if (sel.empty())
        return std::nullopt;
    T first = get(*sel.front());
    for (const Component *c : sel)
        if (!(get(*c) == first))
            return std::nullopt;
    return first;
}

} // namespace stackplan::inspector
