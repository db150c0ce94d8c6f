#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stackplan {

struct TextPosition {
    int line = 1;   // 1-based
    int column = 1; // 1-based, in characters
};

// Maps a byte offset in UTF-8 text to a line and column.
TextPosition positionOfOffset(std::string_view text, size_t offset);

// Finds where the value at a JSON pointer (given as unescaped segments) starts in a JSON text
// that is known to parse. nlohmann::json keeps no source positions; this small scanner gives
// semantic errors the same file:line:col precision as syntax errors.
std::optional<size_t> locateJsonPointer(std::string_view text,
                                        const std::vector<std::string> &segments);

// "/options/0/name" for {"options", "0", "name"}, with ~ and / escaped.
std::string jsonPointerString(const std::vector<std::string> &segments);

} // namespace stackplan
