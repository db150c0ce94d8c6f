#include "io/fileerror.h"

#include "util/format.h"

namespace stackplan {

QString FileError::toString() const
{
    // One line, whatever the file and its keys contain (issue 17).
    QString out = escapeControls(file);
    if (line > 0)
        out += QStringLiteral(":%1:%2").arg(line).arg(column);
    out += QStringLiteral(": ") + escapeControls(message);
    if (!path.isEmpty())
        out += QStringLiteral(" (at %1)").arg(escapeControls(path));
    return out;
}

} // namespace stackplan
