#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stackplan {

// Defences that run before a parser sees untrusted input (issue 17): bounded reads of regular
// files only, and nesting / key-depth limits that keep recursive parsers off the stack's edge.

// Reads at most `maxBytes` from `path`. Refuses anything that is not a regular file (devices,
// FIFOs, sockets, directories; symlinks are followed and judged by their target). The limit is
// enforced on the bytes actually read, not on the size the file system reports, so /dev/zero or
// a file that grows while being read cannot make us allocate without bound. On failure returns
// nothing and sets `error` to a message without the file name ("not a regular file", ...).
std::optional<QByteArray> readBoundedFile(const QString &path, qint64 maxBytes, QString *error);

struct InputProblem {
    size_t offset = 0; // byte offset in the text
    QString message;
};

// JSON: arrays/objects nested deeper than `maxDepth` (checked on the raw bytes, strings skipped).
inline constexpr int kMaxJsonDepth = 64;
std::optional<InputProblem> checkJsonNesting(std::string_view text, int maxDepth = kMaxJsonDepth);

// JSON known to parse: the first key that repeats a key of the same object. `path` receives the
// pointer segments of the repeated key; the offset is where the second occurrence starts.
std::optional<InputProblem> findDuplicateJsonKey(std::string_view text,
                                                 std::vector<std::string> *path);

// TOML: a dotted key with more than `maxKeyParts` parts, or arrays / inline tables nested deeper
// than `maxNesting`. toml++ 3.3 recurses once per key part and per nesting level; these limits
// are far above any real profile (the deepest bundled key has 4 parts) and far below the stack.
inline constexpr int kMaxTomlKeyParts = 16;
inline constexpr int kMaxTomlNesting = 16;
std::optional<InputProblem> checkTomlDepth(std::string_view text,
                                           int maxKeyParts = kMaxTomlKeyParts,
                                           int maxNesting = kMaxTomlNesting);

} // namespace stackplan
