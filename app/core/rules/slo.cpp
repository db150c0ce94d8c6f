#include "rules/slo.h"

#include "profiles/profile.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace stackplan {

std::vector<std::vector<QString>> requestPaths(const Option &option, size_t limit)
{
    std::map<QString, std::vector<QString>> next;
    std::set<QString> hasIncoming;
    for (const auto &conn : option.connections) {
        next[conn.from].push_back(conn.to);
        hasIncoming.insert(conn.to);
    }
    std::vector<std::vector<QString>> paths;
    std::function<void(std::vector<QString> &)> walk = [&](std::vector<QString> &path) {
        if (paths.size() >= limit)
            return;
        const auto it = next.find(path.back());
        bool extended = false;
        if (it != next.end()) {
            for (const auto &n : it->second) {
                if (std::find(path.begin(), path.end(), n) != path.end())
                    continue;
                path.push_back(n);
                walk(path);
                path.pop_back();
                extended = true;
            }
        }
        if (!extended && path.size() > 1)
            paths.push_back(path);
    };
    for (const auto &c : option.components) {
        if (hasIncoming.count(c.id) || !next.count(c.id))
            continue;
        std::vector<QString> path{c.id};
        walk(path);
    }
    return paths;
}

bool countsForAvailability(const Component &component)
{
    return component.role != Role::Client && component.role != Role::ExternalApi;
}

std::optional<double> coldStartMs(const Workload &workload, const Capabilities &capabilities)
{
    if (capabilities.coldStartMs && capabilities.scaleToZero && capabilities.scaleToZero->value
        && workload.minInstances.value_or(0) == 0)
        return capabilities.coldStartMs->value;
    return std::nullopt;
}

std::optional<double> wakeMs(const Capabilities &capabilities)
{
    if (capabilities.sleep && capabilities.sleep->value.sleeps && capabilities.sleep->value.wakeS)
        return *capabilities.sleep->value.wakeS * 1000;
    return std::nullopt;
}

} // namespace stackplan
