#include "export/bundle.h"

#include "export/export_p.h"
#include "rules/validate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <archive.h>
#include <archive_entry.h>

namespace stackplan {

int Bundle::count(BundleNote::Kind kind) const
{
    return int(std::count_if(notes.begin(), notes.end(),
                             [kind](const BundleNote &n) { return n.kind == kind; }));
}

Bundle makeBundle(const Project &project, const Option &option, const Catalogue &catalogue)
{
    return makeBundle(project, option, catalogue, validateOption(project, option, catalogue));
}

Bundle makeBundle(const Project &project, const Option &option, const Catalogue &catalogue,
                  const std::vector<Finding> &findings)
{
    exporter::Context ctx(project, option, catalogue, findings);
    exporter::writeWrangler(ctx);
    exporter::writeCloudRun(ctx);
    exporter::writeFly(ctx);
    exporter::writeRender(ctx);
    exporter::writeRailway(ctx);
    exporter::writeCompose(ctx);
    exporter::writePlainImages(ctx);
    ctx.finish();
    exporter::writeEnvExample(ctx);
    exporter::writeDeployDoc(ctx);
    return std::move(ctx.bundle);
}

namespace {

// A bundle path is relative, uses "/" and never climbs out of the bundle.
bool safePath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\')))
        return false;
    const QStringList parts = path.split(QLatin1Char('/'));
    return std::none_of(parts.begin(), parts.end(), [](const QString &p) {
        return p.isEmpty() || p == QLatin1String(".") || p == QLatin1String("..");
    });
}

QString prefixFor(const std::vector<Bundle> &bundles, const Bundle &b)
{
    return bundles.size() == 1 ? QString() : b.option + QLatin1Char('/');
}

bool checkPaths(const std::vector<Bundle> &bundles, QString *error)
{
    for (const Bundle &b : bundles)
        for (const auto &[path, bytes] : b.files)
            if (!safePath(path) || !isValidId(b.option)) {
                *error = QStringLiteral("refusing to write the unsafe bundle path \"%1\"").arg(path);
                return false;
            }
    return true;
}

bool isEmptyDir(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)
        .isEmpty();
}

} // namespace

bool writeBundles(const std::vector<Bundle> &bundles, const QString &dir, bool force,
                  QString *error)
{
    if (!checkPaths(bundles, error))
        return false;
    const QFileInfo target(dir);
    if (target.exists() && !target.isDir()) {
        *error = QStringLiteral("%1 exists and is not a folder").arg(dir);
        return false;
    }
    if (target.exists() && !isEmptyDir(dir) && !force) {
        *error = QStringLiteral("%1 is not empty (use --force to replace its content)").arg(dir);
        return false;
    }
    const QString parent = target.absoluteDir().absolutePath();
    if (!QDir().mkpath(parent)) {
        *error = QStringLiteral("cannot create %1").arg(parent);
        return false;
    }
    // Everything is written into a hidden sibling first, then renamed into place: a failure
    // leaves no half-written bundle and the old content untouched.
    QTemporaryDir staging(parent + QStringLiteral("/.") + target.fileName()
                          + QStringLiteral(".stackplan-XXXXXX"));
    if (!staging.isValid()) {
        *error = QStringLiteral("cannot write in %1: %2").arg(parent, staging.errorString());
        return false;
    }
    for (const Bundle &b : bundles) {
        const QString prefix = prefixFor(bundles, b);
        for (const auto &[path, bytes] : b.files) {
            const QString full = staging.filePath(prefix + path);
            if (!QDir().mkpath(QFileInfo(full).absolutePath())) {
                *error = QStringLiteral("cannot create the folder of %1").arg(prefix + path);
                return false;
            }
            QFile f(full);
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.flush()) {
                *error = QStringLiteral("cannot write %1: %2").arg(prefix + path, f.errorString());
                return false;
            }
            QFileDevice::Permissions perms = QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                             | QFileDevice::ReadGroup | QFileDevice::ReadOther;
            if (b.executables.contains(path))
                perms |= QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
            f.setPermissions(perms);
        }
    }
    QFile::setPermissions(staging.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                              | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                              | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                              | QFileDevice::ExeOther);
    QString old;
    if (target.exists()) {
        old = parent + QStringLiteral("/.") + target.fileName() + QStringLiteral(".stackplan-old");
        QDir(old).removeRecursively();
        if (!QDir().rename(target.absoluteFilePath(), old)) {
            *error = QStringLiteral("cannot replace %1").arg(dir);
            return false;
        }
    }
    if (!QDir().rename(staging.path(), target.absoluteFilePath())) {
        if (!old.isEmpty())
            QDir().rename(old, target.absoluteFilePath());
        *error = QStringLiteral("cannot move the bundle into %1").arg(dir);
        return false;
    }
    staging.setAutoRemove(false);
    if (!old.isEmpty())
        QDir(old).removeRecursively();
    return true;
}

bool writeBundlesZip(const std::vector<Bundle> &bundles, const QString &zipPath, bool force,
                     QString *error)
{
    if (!checkPaths(bundles, error))
        return false;
    const QFileInfo target(zipPath);
    if (target.exists() && (target.isDir() || !force)) {
        *error = target.isDir() ? QStringLiteral("%1 is a folder").arg(zipPath)
                                : QStringLiteral("%1 exists (use --force to replace it)").arg(zipPath);
        return false;
    }
    QTemporaryFile staging(target.absolutePath() + QStringLiteral("/.") + target.fileName()
                           + QStringLiteral(".XXXXXX"));
    if (!staging.open()) {
        *error = QStringLiteral("cannot write in %1: %2").arg(target.absolutePath(), staging.errorString());
        return false;
    }
    staging.close();
    archive *a = archive_write_new();
    archive_write_set_format_zip(a);
    if (archive_write_open_filename(a, QFile::encodeName(staging.fileName()).constData()) != ARCHIVE_OK) {
        *error = QStringLiteral("cannot write %1: %2").arg(zipPath, QString::fromLocal8Bit(archive_error_string(a)));
        archive_write_free(a);
        return false;
    }
    bool ok = true;
    // A fixed time stamp (1980-01-01, the earliest a zip holds) keeps the archive deterministic.
    const time_t stamp = 315532800;
    for (const Bundle &b : bundles) {
        const QString prefix = prefixFor(bundles, b);
        for (const auto &[path, bytes] : b.files) {
            archive_entry *e = archive_entry_new();
            const QByteArray name = (prefix + path).toUtf8();
            archive_entry_set_pathname_utf8(e, name.constData());
            archive_entry_set_size(e, bytes.size());
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_perm(e, b.executables.contains(path) ? 0755 : 0644);
            archive_entry_set_mtime(e, stamp, 0);
            if (archive_write_header(a, e) != ARCHIVE_OK
                || archive_write_data(a, bytes.constData(), size_t(bytes.size())) != bytes.size()) {
                *error = QStringLiteral("cannot add %1 to the zip: %2")
                             .arg(prefix + path, QString::fromLocal8Bit(archive_error_string(a)));
                ok = false;
            }
            archive_entry_free(e);
            if (!ok)
                break;
        }
        if (!ok)
            break;
    }
    if (archive_write_close(a) != ARCHIVE_OK && ok) {
        *error = QStringLiteral("cannot finish %1: %2").arg(zipPath, QString::fromLocal8Bit(archive_error_string(a)));
        ok = false;
    }
    archive_write_free(a);
    if (!ok)
        return false;
    if (target.exists())
        QFile::remove(zipPath);
    if (!QFile::rename(staging.fileName(), target.absoluteFilePath())) {
        *error = QStringLiteral("cannot move the zip to %1").arg(zipPath);
        return false;
    }
    staging.setAutoRemove(false);
    QFile::setPermissions(target.absoluteFilePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                         | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    return true;
}

} // namespace stackplan
