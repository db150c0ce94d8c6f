#pragma once

#include "editor/edit.h"
#include "model/project.h"

#include <QObject>
#include <QString>

#include <optional>

namespace stackplan {

// The one editing API of a project. Every mutation — canvas, inspector, quick fix, paste,
// import — is an Edit passed to apply(), which validates it, applies it all or nothing, returns
// the Edit that undoes it and then notifies views. Views subscribe to the signals and never
// mutate the project themselves. The undo stack (in the UI) stores the returned inverses.
class ProjectEditor : public QObject
{
    Q_OBJECT
public:
    explicit ProjectEditor(QObject *parent = nullptr);
    explicit ProjectEditor(Project project, QObject *parent = nullptr);

    const Project &project() const { return m_project; }

    // Replaces the whole project (open, new, recover). Emits projectReset().
    void reset(Project project);

    struct Result {
        std::optional<Edit> inverse; // set on success
        QString error;               // set on failure; the project is unchanged
        bool ok() const { return inverse.has_value(); }
    };
    Result apply(const Edit &edit);

signals:
    void componentAdded(const QString &option, const QString &id);
    void componentRemoved(const QString &option, const QString &id);
    void componentChanged(const QString &option, const QString &id);
    void connectionAdded(const QString &option, const QString &id);
    void connectionRemoved(const QString &option, const QString &id);
    void connectionChanged(const QString &option, const QString &id);
    void layoutChanged(const QString &option, const QStringList &ids);
    void optionAdded(const QString &id);
    void optionRemoved(const QString &id);
    void optionChanged(const QString &id);
    void optionsReordered();
    void baselineChanged(const QString &id);
    void projectInfoChanged();
    void projectReset();
    // Once after every successful apply() and after reset(): the trigger for recomputation.
    void changed();

private:
    struct Note;
    std::optional<EditOp> applyOne(const EditOp &op, QString *error, std::vector<Note> *notes);

    Project m_project;
};

} // namespace stackplan
