#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

class QLockFile;

namespace stackplan {

class Document;

// An autosave left behind by a session that did not end cleanly.
struct RecoveryEntry {
    QString projectFile;  // the autosaved project (a normal project file)
    QString metaFile;     // what it belongs to
    QString lockFile;     // held by the session while it runs
    QString originalPath; // the user's file; empty for an untitled project
    QString projectName;
    QDateTime savedAt;
};

// No work is ever lost (DESIGN.md, principle 6). While the document has unsaved changes, its
// project is written every interval (60 s by default) to a recovery file of this session under
// AppLocalDataLocation/recovery, never over the user's file, with the user's path recorded
// beside it. A clean save, returning to the saved state, or closing the session removes the
// files; a crash or kill leaves them, and a lock file (held while the session runs) tells a later
// start which sessions are gone. offerRecovery() asks, through an injectable function, whether to
// recover each such autosave; a recovered or discarded autosave is removed.
class RecoveryManager : public QObject
{
    Q_OBJECT
public:
    enum class Choice { Recover, Discard, Later };
    using OfferFunction = std::function<Choice(const RecoveryEntry &)>;

    explicit RecoveryManager(Document *document, QObject *parent = nullptr);
    ~RecoveryManager() override;

    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    void setDirectory(const QString &directory);
    int interval() const { return m_timer.interval(); }
    void setInterval(int milliseconds);
    void setOfferFunction(OfferFunction offer) { m_offer = std::move(offer); }

    // This session's autosave, whether or not it exists yet.
    QString recoveryFile() const;
    // Writes the autosave now if the document has changes not autosaved yet.
    bool autosaveNow();

    // Autosaves of sessions that are no longer running, newest first.
    QList<RecoveryEntry> pendingRecoveries() const;
    // Offers every pending autosave; recovers at most one into the document. Returns true if one
    // was recovered.
    bool offerRecovery();
    bool recover(const RecoveryEntry &entry, QString *error = nullptr);
    void discard(const RecoveryEntry &entry);

signals:
    void autosaved(const QString &path);

private:
    QString sessionPath(const QString &suffix) const;
    void removeOwnFiles();
    void updateTimer();

    Document *m_document;
    QString m_directory;
    QString m_session;
    QTimer m_timer;
    OfferFunction m_offer;
    std::unique_ptr<QLockFile> m_lock;
    quint64 m_changes = 0;
    quint64 m_autosavedChanges = 0;
};

} // namespace stackplan
