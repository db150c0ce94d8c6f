#pragma once

#include <QString>
#include <QTextDocument>

namespace stackplan {

// Text from a file (a name, a finding's message) shown where Qt would guess "rich text": as an
// explicit HTML paragraph with every <, > and & escaped and newlines as line breaks, so a name
// like "<img src=...>" or "<b>0 errors</b>" shows as typed and is never interpreted (issue 17).
inline QString plainToolTip(const QString &text)
{
    return text.isEmpty() ? QString() : Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

} // namespace stackplan
