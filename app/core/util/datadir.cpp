#include "util/datadir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace stackplan {

QString bundledDataDir(const QString &kind)
{
    return bundledDataDir(
        kind, QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString());
}

QString bundledDataDir(const QString &kind, const QString &appDir)
{
    if (!appDir.isEmpty()) {
        // STACKPLAN_DATA_RELDIR is the install data folder relative to the install bindir
        // ("../share/stackplan"), set by app/core/CMakeLists.txt from GNUInstallDirs.
        const QString installed
            = QDir::cleanPath(appDir + QStringLiteral("/" STACKPLAN_DATA_RELDIR "/") + kind);
        if (QFileInfo(installed).isDir())
            return installed;
    }
    return QStringLiteral(":/") + kind;
}

} // namespace stackplan
