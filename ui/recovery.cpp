#include "recovery.h"

#include "document.h"
#include "io/projectfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <atomic>

namespace stackplan {

namespace {

constexpr int kDefaultIntervalMs = 60 * 1000;
const QLatin1String kProjectSuffix(".stackplan.json");
const QLatin1String kMetaSuffix(".recovery.json");
const QLatin1String kLockSuffix(".lock");

QString newSessionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("session-%1-%2-%3")
        .arg(QCoreApplication::applicationPid())
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(++counter);
}

} // namespace

RecoveryManager::RecoveryManager(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(defaultDirectory())
    , m_session(newSessionName())
{
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryManager::autosaveNow);
    connect(document->editor(), &ProjectEditor::changed, this, [this] { ++m_changes; });
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            removeOwnFiles(); // saved, or back at the saved state: nothing to recover
        updateTimer();
    });
    updateTimer();
}

RecoveryManager::~RecoveryManager()
{
    removeOwnFiles(); // a clean end of the session
}

QString RecoveryManager::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
           + QStringLiteral("/recovery");
}

void RecoveryManager::setDirectory(const QString &directory)
{
    removeOwnFiles();
    m_directory = directory;
}

void RecoveryManager::setInterval(int milliseconds)
{
    m_timer.setInterval(milliseconds);
    updateTimer();
}

void RecoveryManager::updateTimer()
{
    if (m_document->isModified()) {
        if (!m_timer.isActive())
            m_timer.start();
    } else {
        m_timer.stop();
    }
}

QString RecoveryManager::sessionPath(const QString &suffix) const
{
    return m_directory + QLatin1Char('/') + m_session + suffix;
}

QString RecoveryManager::recoveryFile() const
{
    return sessionPath(kProjectSuffix);
}

bool RecoveryManager::autosaveNow()
{
    if (!m_document->isModified() || (m_lock && m_autosavedChanges == m_changes))
        return false;
    if (!QDir().mkpath(m_directory))
        return false;
    if (!m_lock) {
        m_lock = std::make_unique<QLockFile>(sessionPath(kLockSuffix));
        m_lock->setStaleLockTime(0); // held for the whole session; stale only once we are gone
        if (!m_lock->tryLock(0)) {
            m_lock.reset();
            return false;
        }
    }
    QString error;
    if (!saveProjectFile(m_document->project(), recoveryFile(), &error))
        return false;
    QJsonObject meta;
    meta.insert(QStringLiteral("original"), m_document->filePath());
    meta.insert(QStringLiteral("name"), m_document->project().name);
    meta.insert(QStringLiteral("saved"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QSaveFile file(sessionPath(kMetaSuffix));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(meta).toJson());
    if (!file.commit())
        return false;
    m_autosavedChanges = m_changes;
    emit autosaved(recoveryFile());
    return true;
}

void RecoveryManager::removeOwnFiles()
{
    if (!m_lock)
        return;
    QFile::remove(sessionPath(kProjectSuffix));
    QFile::remove(sessionPath(kMetaSuffix));
    m_lock.reset(); // unlocks and removes the lock file
}

QList<RecoveryEntry> RecoveryManager::pendingRecoveries() const
{
    QList<RecoveryEntry> entries;
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({QStringLiteral("*") + kMetaSuffix}, QDir::Files)) {
        const QString base = dir.filePath(name.chopped(kMetaSuffix.size()));
        if (base.endsWith(m_session))
            continue;
        RecoveryEntry e;
        e.metaFile = base + kMetaSuffix;
        e.projectFile = base + kProjectSuffix;
        e.lockFile = base + kLockSuffix;
        QLockFile lock(e.lockFile);
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // that session is still running
        lock.unlock();
        if (!QFile::exists(e.projectFile))
            continue;
        QFile meta(e.metaFile);
        if (!meta.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
        e.originalPath = o.value(QStringLiteral("original")).toString();
        e.projectName = o.value(QStringLiteral("name")).toString();
        e.savedAt = QDateTime::fromString(o.value(QStringLiteral("saved")).toString(), Qt::ISODate);
        entries << e;
    }
    std::sort(entries.begin(), entries.end(),
              [](const RecoveryEntry &a, const RecoveryEntry &b) { return a.savedAt > b.savedAt; });
    return entries;
}

bool RecoveryManager::offerRecovery()
{
    if (!m_offer)
        return false;
    for (const RecoveryEntry &entry : pendingRecoveries()) {
        switch (m_offer(entry)) {
        case Choice::Recover:
            if (recover(entry))
                return true;
            break;
        case Choice::Discard:
            discard(entry);
            break;
        case Choice::Later:
            break;
        }
    }
    return false;
}

bool RecoveryManager::recover(const RecoveryEntry &entry, QString *error)
{
    ProjectLoad load = loadProjectFile(entry.projectFile);
    if (!load.ok()) {
        if (error)
            *error = load.error.toString();
        return false;
    }
    // The recovered project belongs to the user's file again, with its changes unsaved.
    m_document->load(std::move(*load.project), entry.originalPath, true);
    discard(entry);
    return true;
}

void RecoveryManager::discard(const RecoveryEntry &entry)
{
    QFile::remove(entry.projectFile);
    QFile::remove(entry.metaFile);
    QFile::remove(entry.lockFile);
}

} // namespace stackplan
