#pragma once

#include "editor/projecteditor.h"
#include "profiles/catalogue.h"

#include <QByteArray>
#include <QObject>
#include <QString>

class QFileSystemWatcher;
class QUndoStack;

namespace stackplan {

class AnalysisController;

// A project open in the application: the editor (the model and its one editing API), its undo
// stack, the file it belongs to and the option being viewed. MainWindow and the panels talk to
// the domain only through this object, so tests can drive it without a window.
class Document : public QObject
{
    Q_OBJECT
public:
    explicit Document(const Catalogue *catalogue, QObject *parent = nullptr);
    ~Document() override;

    ProjectEditor *editor() const { return m_editor; }
    QUndoStack *undoStack() const { return m_undo; }
    const Project &project() const { return m_editor->project(); }
    const Catalogue *catalogue() const { return m_catalogue; }
    // The one analysis of the project (findings, bills, sweep, comparison) every view reads.
    AnalysisController *analysis() const { return m_analysis; }
    // Bumped on every change of the project (edit, undo, load): what an analysis or a quick fix
    // was computed for.
    quint64 revision() const { return m_revision; }

    QString filePath() const { return m_filePath; }
    QString displayName() const;
    bool isModified() const;

    QString currentOptionId() const { return m_currentOption; }
    const Option *currentOption() const;
    void setCurrentOption(const QString &id);

    // Applies an edit as one undoable command. `mergeKey` (non-empty) lets consecutive edits
    // with the same key merge into one undo step (typing in one field, nudging). Returns false
    // and emits editRejected() if the edit is invalid; nothing changes then.
    bool push(const Edit &edit, const QString &mergeKey = QString());

    void newProject();
    bool open(const QString &path, QString *error);
    // Replaces the project (recovery, examples); `path` may be empty for an untitled project.
    void load(Project project, const QString &path, bool modified = false);
    // Refuses (returns false, `error` says why) when the file changed on disk since it was
    // opened or saved, unless `overwriteOutsideChanges`: the caller asks the user first.
    bool save(QString *error, bool overwriteOutsideChanges = false);
    bool saveAs(const QString &path, QString *error);
    // True when the file's content differs from what this document last read or wrote (another
    // program or a `git checkout` changed it). A deleted file is not "changed": saving loses
    // nothing then.
    bool changedOnDisk() const;
    // Reads the file again, dropping unsaved changes and the undo history.
    bool reload(QString *error);

signals:
    void currentOptionChanged(const QString &id);
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);
    void editRejected(const QString &error);
    void revisionChanged(quint64 revision);
    // The file changed on disk (a watcher saw it); emitted once per outside version.
    void fileChangedOnDisk();

private:
    void ensureCurrentOption();
    void watch(const QString &path);
    void onFileChanged();

    const Catalogue *m_catalogue;
    ProjectEditor *m_editor;
    QUndoStack *m_undo;
    QString m_filePath;
    QString m_currentOption;
    bool m_forcedModified = false;
    quint64 m_revision = 0;
    AnalysisController *m_analysis = nullptr;
    QFileSystemWatcher *m_watcher;
    QByteArray m_diskHash;     // of the file as last read or written
    QByteArray m_reportedHash; // outside version fileChangedOnDisk() was emitted for
};

} // namespace stackplan
