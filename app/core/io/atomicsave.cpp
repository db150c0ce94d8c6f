#include "io/atomicsave.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace stackplan {

namespace {

QString errnoText(int e)
{
    return QString::fromLocal8Bit(strerror(e));
}

QString tempPrefix(const QString &fileName)
{
    return QLatin1Char('.') + fileName + QStringLiteral(".stackplan-save-");
}

bool writeAll(int fd, const QByteArray &bytes)
{
    const char *p = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += n;
        left -= n;
    }
    return true;
}

void syncDirectory(const QByteArray &dir)
{
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

mode_t defaultMode()
{
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

} // namespace

int removeStaleSaveTemps(const QString &path)
{
    const QFileInfo info(path);
    const QString prefix = tempPrefix(info.fileName());
    const QDir dir = info.absoluteDir();
    int removed = 0;
    const QStringList names
        = dir.entryList({prefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        // ".NAME.stackplan-save-PID-XXXXXX": only files whose writer is gone.
        const QString rest = name.mid(prefix.size());
        bool ok = false;
        const qint64 pid = rest.section(QLatin1Char('-'), 0, 0).toLongLong(&ok);
        if (!ok || pid <= 0)
            continue;
        const bool alive = pid != ::getpid() && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
        if (alive)
            continue;
        if (QFile::remove(dir.filePath(name)))
            ++removed;
    }
    return removed;
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    auto fail = [&](const QString &what, int e) {
        if (error)
            *error = QStringLiteral("%1: %2: %3").arg(path, what, errnoText(e));
        return false;
    };
    // Follow a symlink to the file it names, so the link survives the rename.
    QString target = path;
    {
        const QByteArray native = QFile::encodeName(path);
        char resolved[PATH_MAX];
        struct stat lst {};
        if (::lstat(native.constData(), &lst) == 0 && S_ISLNK(lst.st_mode)
            && ::realpath(native.constData(), resolved))
            target = QFile::decodeName(resolved);
    }
    const QFileInfo info(target);
    const QByteArray nativeTarget = QFile::encodeName(info.absoluteFilePath());
    const QByteArray nativeDir = QFile::encodeName(info.absolutePath());
    removeStaleSaveTemps(target);

    struct stat old {};
    const bool exists = ::stat(nativeTarget.constData(), &old) == 0;
    if (exists && !S_ISREG(old.st_mode))
        return fail(QStringLiteral("cannot write"), EINVAL);

    QByteArray tmpl = QFile::encodeName(
        info.absoluteDir().filePath(tempPrefix(info.fileName())
                                    + QStringLiteral("%1-XXXXXX").arg(qint64(::getpid()))));
    const int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
    if (fd < 0)
        return fail(QStringLiteral("cannot write"), errno);
    auto abandon = [&](int e) {
        ::close(fd);
        ::unlink(tmpl.constData());
        return fail(QStringLiteral("cannot write"), e);
    };
    if (!writeAll(fd, bytes) || ::fsync(fd) != 0)
        return abandon(errno);
    if (::fchmod(fd, exists ? (old.st_mode & 07777) : defaultMode()) != 0)
        return abandon(errno);
    bool inPlace = false;
    if (exists) {
        if (old.st_nlink > 1)
            inPlace = true; // a rename would cut the other links off
        else if ((old.st_uid != ::geteuid() || old.st_gid != ::getegid())
                 && ::fchown(fd, old.st_uid, old.st_gid) != 0)
            inPlace = true; // someone else's file we may write: keep it theirs
    }
    if (!inPlace) {
        ::close(fd);
        if (::rename(tmpl.constData(), nativeTarget.constData()) != 0) {
            const int e = errno;
            ::unlink(tmpl.constData());
            return fail(QStringLiteral("cannot write"), e);
        }
        syncDirectory(nativeDir);
        return true;
    }
    // In place: the complete new text is already safe in the temporary file, so a crash here
    // leaves it beside the damaged original (removed only by a later save of the same file).
    const int out = ::open(nativeTarget.constData(), O_WRONLY | O_CLOEXEC);
    if (out < 0)
        return abandon(errno);
    if (!writeAll(out, bytes) || ::ftruncate(out, off_t(bytes.size())) != 0 || ::fsync(out) != 0) {
        const int e = errno;
        ::close(out);
        ::close(fd);
        return fail(QStringLiteral("cannot write"), e); // keep the temporary copy
    }
    ::close(out);
    ::close(fd);
    ::unlink(tmpl.constData());
    syncDirectory(nativeDir);
    return true;
}

} // namespace stackplan
