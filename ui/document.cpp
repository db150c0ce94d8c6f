#include "document.h"

#include "analysis/analysiscontroller.h"
#include "editcommand.h"
#include "io/projectfile.h"

#include <QFileInfo>
#include <QUndoStack>

namespace stackplan {

Document::Document(const Catalogue *catalogue, QObject *parent)
    : QObject(parent)
    , m_catalogue(catalogue)
    , m_editor(new ProjectEditor(this))
    , m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this,
            [this](bool) { emit modifiedChanged(isModified()); });
    connect(m_editor, &ProjectEditor::optionRemoved, this, [this](const QString &id) {
        if (id == m_currentOption)
            ensureCurrentOption();
    });
    connect(m_editor, &ProjectEditor::optionAdded, this,
            [this](const QString &) { ensureCurrentOption(); });
    connect(m_editor, &ProjectEditor::projectReset, this, [this] { ensureCurrentOption(); });
    // Connected before any view: the revision is bumped before anyone hears of the change.
    connect(m_editor, &ProjectEditor::changed, this,
            [this] { emit revisionChanged(++m_revision); });
    ensureCurrentOption();
    m_analysis = new AnalysisController(this, this);
}

Document::~Document()
{
    // Going away is not an edit: views still connected must not hear the stack being cleared.
    m_undo->blockSignals(true);
    m_editor->blockSignals(true);
}

QString Document::displayName() const
{
    if (m_filePath.isEmpty())
        return tr("Untitled");
    return QFileInfo(m_filePath).fileName();
}

bool Document::isModified() const
{
    return m_forcedModified || !m_undo->isClean();
}

const Option *Document::currentOption() const
{
    return project().option(m_currentOption);
}

void Document::setCurrentOption(const QString &id)
{
    if (id == m_currentOption || !project().option(id))
        return;
    m_currentOption = id;
    emit currentOptionChanged(id);
}

void Document::ensureCurrentOption()
{
    if (project().option(m_currentOption))
        return;
    const QString first = project().options.empty() ? QString() : project().options.front().id;
    const QString preferred = project().option(project().baseline) ? project().baseline : first;
    m_currentOption = preferred;
    emit currentOptionChanged(m_currentOption);
}

bool Document::push(const Edit &edit, const QString &mergeKey)
{
    if (edit.isEmpty())
        return true;
    const auto result = m_editor->apply(edit);
    if (!result.ok()) {
        emit editRejected(result.error);
        return false;
    }
    m_undo->push(new EditCommand(m_editor, edit, *result.inverse, mergeKey));
    return true;
}

void Document::newProject()
{
    Project p;
    p.name = tr("Untitled");
    Option o;
    o.id = QStringLiteral("option-1");
    o.name = tr("Option 1");
    p.options.push_back(o);
    p.baseline = o.id;
    load(std::move(p), QString());
}

bool Document::open(const QString &path, QString *error)
{
    ProjectLoad result = loadProjectFile(path);
    if (!result.ok()) {
        if (error)
            *error = result.error.toString();
        return false;
    }
    load(std::move(*result.project), QFileInfo(path).absoluteFilePath());
    return true;
}

void Document::load(Project project, const QString &path, bool modified)
{
    m_undo->clear();
    m_currentOption.clear();
    m_editor->reset(std::move(project));
    m_undo->setClean();
    m_forcedModified = modified;
    if (m_filePath != path) {
        m_filePath = path;
        emit filePathChanged(path);
    }
    emit modifiedChanged(isModified());
}

bool Document::save(QString *error)
{
    if (m_filePath.isEmpty()) {
        if (error)
            *error = tr("The project has no file yet; use Save As.");
        return false;
    }
    return saveAs(m_filePath, error);
}

bool Document::saveAs(const QString &path, QString *error)
{
    if (!saveProjectFile(project(), path, error))
        return false;
    m_forcedModified = false;
    m_undo->setClean();
    const QString abs = QFileInfo(path).absoluteFilePath();
    if (abs != m_filePath) {
        m_filePath = abs;
        emit filePathChanged(abs);
    }
    emit modifiedChanged(isModified());
    return true;
}

} // namespace stackplan
