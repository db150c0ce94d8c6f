#include "io/fileerror.h"

namespace stackplan {

QString FileError::toString() const
{
    QString out = file;
    if (line > 0)
        out += QStringLiteral(":%1:%2").arg(line).arg(column);
    out += QStringLiteral(": ") + message;
    if (!path.isEmpty())
        out += QStringLiteral(" (at %1)").arg(path);
    return out;
}

} // namespace stackplan
