#pragma once

#include <QByteArray>
#include <QString>

namespace stackplan {

// Writes `bytes` to `path` so that a crash or kill at any moment leaves either the old or the new
// file, never a mix (docs/file-format.md, "Saving"):
//  - the data goes to a temporary file in the same directory (".NAME.stackplan-save-PID-XXXXXX"),
//    is fsynced, gets the old file's mode, owner and group, and is renamed over `path`; then the
//    directory is fsynced so the rename itself survives a power cut;
//  - a symlink is followed: its target is replaced, the link stays;
//  - a file with several hard links, or one whose owner we cannot give to the new file, is
//    rewritten in place instead (links and owner kept), after the new text was written and synced
//    to a temporary file first;
//  - temporary files that a killed save left behind (their process is gone) are removed first.
// On failure the old file is untouched and `error` says why ("cannot write: ...").
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error = nullptr);

// Removes the temporary files of earlier saves of `path` whose writing process no longer runs.
// Returns how many were removed. Called by every save and when a document is opened.
int removeStaleSaveTemps(const QString &path);

} // namespace stackplan
