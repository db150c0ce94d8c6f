#include "optioncontroller.h"

#include "document.h"
#include "editor/edit.h"

namespace stackplan {

namespace {

QString addedOptionId(const Edit &e)
{
    for (const auto &op : e.ops)
        if (const auto *add = std::get_if<op::AddOption>(&op))
            return add->option.id;
    return {};
}

} // namespace

OptionController::OptionController(Document *document, QObject *parent)
    : QObject(parent), m_document(document)
{
}

QString OptionController::addOption(const QString &name)
{
    const Edit e = addOptionEdit(m_document->project(), name);
    const QString id = addedOptionId(e);
    if (id.isEmpty() || !m_document->push(e))
        return {};
    m_document->setCurrentOption(id);
    return id;
}

QString OptionController::duplicateOption(const QString &id, const QString &name)
{
    const Edit e = duplicateOptionEdit(m_document->project(), id, name);
    const QString newId = addedOptionId(e);
    if (newId.isEmpty() || !m_document->push(e))
        return {};
    m_document->setCurrentOption(newId);
    return newId;
}

bool OptionController::renameOption(const QString &id, const QString &name)
{
    const Option *o = m_document->project().option(id);
    if (!o || name.trimmed().isEmpty())
        return false;
    return m_document->push(
        optionInfoEdit(m_document->project(), id, name.trimmed(), o->description));
}

bool OptionController::removeOption(const QString &id)
{
    const Edit e = removeOptionEdit(m_document->project(), id);
    return !e.isEmpty() && m_document->push(e);
}

bool OptionController::moveOption(const QString &id, int index)
{
    const Edit e = moveOptionEdit(m_document->project(), id, index);
    return !e.isEmpty() && m_document->push(e);
}

bool OptionController::reorderOptions(const QStringList &orderedIds)
{
    const Edit e = reorderOptionsEdit(m_document->project(), orderedIds);
    return !e.isEmpty() && m_document->push(e);
}

bool OptionController::setBaseline(const QString &id)
{
    const Edit e = setBaselineEdit(m_document->project(), id);
    return !e.isEmpty() && m_document->push(e);
}

} // namespace stackplan
