#include "document.h"

#include "analysis/analysiscontroller.h"
#include "editcommand.h"
#include "io/atomicsave.h"
#include "io/inputguard.h"
#include "io/projectfile.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QUndoStack>

namespace stackplan {

namespace {

constexpr qint64 kMaxProjectBytes = 256ll * 1024 * 1024;

QByteArray hashOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

// Empty when the file cannot be read (deleted, not a regular file).
QByteArray fileHash(const QString &path)
{
    const auto bytes = readBoundedFile(path, kMaxProjectBytes, nullptr);
    return bytes ? hashOf(*bytes) : QByteArray();
}

} // namespace

Document::Document(const Catalogue *catalogue, QObject *parent)
    : QObject(parent)
    , m_catalogue(catalogue)
    , m_editor(new ProjectEditor(this))
    , m_undo(new QUndoStack(this))
    , m_watcher(new QFileSystemWatcher(this))
{
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &Document::onFileChanged);
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
    removeStaleSaveTemps(path); // what a killed save of this file left behind
    load(std::move(*result.project), QFileInfo(path).absoluteFilePath());
    return true;
}

bool Document::reload(QString *error)
{
    const QString path = m_filePath;
    const QString option = m_currentOption;
    if (!open(path, error))
        return false;
    if (project().option(option))
        setCurrentOption(option);
    return true;
}

bool Document::changedOnDisk() const
{
    if (m_filePath.isEmpty() || !QFileInfo::exists(m_filePath))
        return false;
    return fileHash(m_filePath) != m_diskHash;
}

void Document::watch(const QString &path)
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    m_diskHash = path.isEmpty() ? QByteArray() : fileHash(path);
    m_reportedHash.clear();
    if (!path.isEmpty() && QFileInfo::exists(path))
        m_watcher->addPath(path);
}

void Document::onFileChanged()
{
    // Editors that save by rename replace the file the watcher followed: watch the new one.
    if (!m_filePath.isEmpty() && QFileInfo::exists(m_filePath)
        && !m_watcher->files().contains(m_filePath))
        m_watcher->addPath(m_filePath);
    if (!changedOnDisk())
        return; // our own save, or written back unchanged
    const QByteArray now = fileHash(m_filePath);
    if (now == m_reportedHash)
        return;
    m_reportedHash = now;
    emit fileChangedOnDisk();
}

void Document::load(Project project, const QString &path, bool modified)
{
    m_undo->clear();
    m_currentOption.clear();
    m_editor->reset(std::move(project));
    m_undo->setClean();
    m_forcedModified = modified;
    watch(path);
    if (m_filePath != path) {
        m_filePath = path;
        emit filePathChanged(path);
    }
    emit modifiedChanged(isModified());
}

bool Document::save(QString *error, bool overwriteOutsideChanges)
{
    if (m_filePath.isEmpty()) {
        if (error)
            *error = tr("The project has no file yet; use Save As.");
        return false;
    }
    if (!overwriteOutsideChanges && changedOnDisk()) {
        if (error)
            *error = tr("%1 changed on disk since it was opened; reload it, or save over it or "
                        "elsewhere.")
                         .arg(m_filePath);
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
    watch(abs);
    if (abs != m_filePath) {
        m_filePath = abs;
        emit filePathChanged(abs);
    }
    emit modifiedChanged(isModified());
    return true;
}

} // namespace stackplan
