#pragma once

#include <QString>

namespace stackplan {

// Where the data that ships with Stackplan (`profiles`, `examples`) is read from. An installed
// Stackplan reads the files installed beside it, <bindir>/../share/stackplan/<kind> (so a
// package can update them and `profiles show` names a file a user can open and copy into the
// user folder); a build that is not installed reads the copy compiled in as a resource,
// ":/<kind>". The path is relative to the executable, never an absolute build or source path.
QString bundledDataDir(const QString &kind);
// The same for an executable in `appDir` (the resource copy when `appDir` is empty).
QString bundledDataDir(const QString &kind, const QString &appDir);

} // namespace stackplan
