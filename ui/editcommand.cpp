#include "editcommand.h"

#include "editor/projecteditor.h"

namespace stackplan {

namespace {
constexpr int kMergeableId = 0x5350; // one id for all mergeable commands; keys decide
}

EditCommand::EditCommand(ProjectEditor *editor, Edit applied, Edit inverse, QString mergeKey)
    : m_editor(editor)
    , m_forward(std::move(applied))
    , m_backward(std::move(inverse))
    , m_mergeKey(std::move(mergeKey))
{
    setText(m_forward.text);
}

void EditCommand::undo()
{
    const auto r = m_editor->apply(m_backward);
    if (r.ok())
        m_forward.ops = r.inverse->ops;
}

void EditCommand::redo()
{
    if (m_skipFirstRedo) { // Document::push applied it already, to validate it first
        m_skipFirstRedo = false;
        return;
    }
    const auto r = m_editor->apply(m_forward);
    if (r.ok())
        m_backward.ops = r.inverse->ops;
}

int EditCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : kMergeableId;
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const EditCommand *>(other);
    if (!o || o->m_mergeKey != m_mergeKey)
        return false;
    // Undo still returns to the state before the first command; redo goes to the latest.
    m_forward.ops = o->m_forward.ops;
    return true;
}

} // namespace stackplan
