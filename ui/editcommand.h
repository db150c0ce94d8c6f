#pragma once

#include "editor/edit.h"

#include <QUndoCommand>

namespace stackplan {

class ProjectEditor;

// One undo step: an Edit already applied through ProjectEditor, and the Edit that undoes it.
// Holds ids and values only. Commands with the same non-empty merge key merge (typing in one
// field); structural edits have no key and never merge.
class EditCommand : public QUndoCommand
{
public:
    EditCommand(ProjectEditor *editor, Edit applied, Edit inverse, QString mergeKey);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    ProjectEditor *m_editor;
    Edit m_forward;
    Edit m_backward;
    QString m_mergeKey;
    bool m_skipFirstRedo = true;
};

} // namespace stackplan
