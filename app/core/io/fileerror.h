#pragma once

#include <QString>

namespace stackplan {

// A problem in an input file, located as precisely as the format allows: line and column where
// known (1-based), and for structured formats the path to the value (a JSON pointer or a TOML
// key path). Printed as "file:line:col: message (at path)".
struct FileError {
    QString file;
    int line = 0;
    int column = 0;
    QString path;
    QString message;

    QString toString() const;
    bool operator==(const FileError &) const = default;
};

} // namespace stackplan
