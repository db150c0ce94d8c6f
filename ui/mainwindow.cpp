#include "mainwindow.h"

#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "document.h"
#include "io/projectfile.h"
#include "panels/profilebrowser.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace stackplan {

MainWindow::MainWindow(const Catalogue *catalogue, QWidget *parent)
    : QMainWindow(parent), m_catalogue(catalogue), m_document(new Document(catalogue, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_scene = new DiagramScene(m_document, this);
    m_view = new DiagramView(m_scene);
    m_tabs = new QTabBar;
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);
    m_tabs->setMovable(false);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_tabs);
    layout->addWidget(m_view, 1);
    setCentralWidget(central);

    m_statusCounts = new QLabel;
    statusBar()->addPermanentWidget(m_statusCounts);

    m_profiles = new ProfileBrowser(catalogue);
    auto *profilesDock = new QDockWidget(tr("Platforms"), this);
    profilesDock->setObjectName(QStringLiteral("PlatformsDock"));
    profilesDock->setWidget(m_profiles);
    addDockWidget(Qt::BottomDockWidgetArea, profilesDock);
    profilesDock->hide();

    createActions();
    m_viewMenu->addSeparator();
    QAction *platforms = profilesDock->toggleViewAction();
    platforms->setText(tr("&Platform Profiles"));
    platforms->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_P);
    m_viewMenu->addAction(platforms);

    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document->editor(), &ProjectEditor::projectReset, this, [this] {
        rebuildTabs();
        QTimer::singleShot(0, m_view, &DiagramView::fitContents);
    });
    connect(m_document->editor(), &ProjectEditor::optionAdded, this, &MainWindow::rebuildTabs);
    connect(m_document->editor(), &ProjectEditor::optionRemoved, this, &MainWindow::rebuildTabs);
    connect(m_document->editor(), &ProjectEditor::optionChanged, this, &MainWindow::rebuildTabs);
    connect(m_document->editor(), &ProjectEditor::optionsReordered, this, &MainWindow::rebuildTabs);
    connect(m_document->editor(), &ProjectEditor::baselineChanged, this, &MainWindow::rebuildTabs);
    connect(m_document->editor(), &ProjectEditor::projectInfoChanged, this,
            &MainWindow::updateTitle);
    connect(m_document, &Document::currentOptionChanged, this, [this](const QString &id) {
        const int index = m_document->project().optionIndex(id);
        if (index >= 0 && m_tabs->currentIndex() != index) {
            m_rebuildingTabs = true;
            m_tabs->setCurrentIndex(index);
            m_rebuildingTabs = false;
        }
        QTimer::singleShot(0, m_view, &DiagramView::fitContents);
    });
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int index) {
        if (m_rebuildingTabs || index < 0 || index >= int(m_document->project().options.size()))
            return;
        m_document->setCurrentOption(m_document->project().options[index].id);
    });
    connect(m_document, &Document::editRejected, this, [this](const QString &error) {
        statusBar()->showMessage(tr("Edit refused: %1").arg(error), 6000);
    });
    connect(m_document->editor(), &ProjectEditor::changed, this, [this] {
        const Option *o = m_document->currentOption();
        m_statusCounts->setText(o ? tr("%1 components, %2 connections")
                                        .arg(o->components.size())
                                        .arg(o->connections.size())
                                  : QString());
    });

    rebuildTabs();
    updateTitle();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAct = file->addAction(tr("&New"), this, [this] {
        if (maybeSave())
            m_document->newProject();
    });
    newAct->setShortcut(QKeySequence::New);
    QAction *openAct = file->addAction(tr("&Open…"), this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open project"), QString(),
            tr("Stackplan projects (*.stackplan.json);;JSON (*.json)"));
        if (!path.isEmpty())
            openFile(path);
    });
    openAct->setShortcut(QKeySequence::Open);
    QMenu *examples = file->addMenu(tr("Open &Example"));
    for (const auto &name : exampleNames())
        examples->addAction(QString(name).remove(QLatin1String(kProjectFileSuffix)), this,
                            [this, name] {
                                if (maybeSave())
                                    openExample(name);
                            });
    file->addSeparator();
    QAction *saveAct = file->addAction(tr("&Save"), this, &MainWindow::save);
    saveAct->setShortcut(QKeySequence::Save);
    QAction *saveAsAct = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAct->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_viewMenu = view;
    QAction *zoomIn = view->addAction(tr("Zoom &In"), this, [this] { m_view->zoomBy(1.2); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), this, [this] { m_view->zoomBy(1 / 1.2); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *fit = view->addAction(tr("&Fit to View"), m_view, &DiagramView::fitContents);
    fit->setShortcut(Qt::CTRL | Qt::Key_0);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Stackplan"), this, [this] {
        QMessageBox::about(this, tr("About Stackplan"),
                           tr("<b>Stackplan %1</b><p>Plan, validate and price web-application "
                              "architectures. Profiles ship with the application; nothing is "
                              "fetched from the network.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::rebuildTabs()
{
    m_rebuildingTabs = true;
    const Project &p = m_document->project();
    while (m_tabs->count() > int(p.options.size()))
        m_tabs->removeTab(m_tabs->count() - 1);
    for (int i = 0; i < int(p.options.size()); ++i) {
        const Option &o = p.options[i];
        const QString text = o.id == p.baseline ? tr("%1 ★").arg(o.name) : o.name;
        if (i < m_tabs->count())
            m_tabs->setTabText(i, text);
        else
            m_tabs->addTab(text);
        m_tabs->setTabData(i, o.id);
        m_tabs->setTabToolTip(i, o.id == p.baseline ? tr("%1 (baseline)").arg(o.name) : o.name);
    }
    m_tabs->setCurrentIndex(p.optionIndex(m_document->currentOptionId()));
    m_rebuildingTabs = false;
}

void MainWindow::updateTitle()
{
    setWindowTitle(
        tr("%1[*] — %2 — Stackplan").arg(m_document->displayName(), m_document->project().name));
    setWindowModified(m_document->isModified());
}

QStringList MainWindow::exampleNames()
{
    return QDir(QStringLiteral(":/examples"))
        .entryList({QStringLiteral("*.stackplan.json")}, QDir::Files, QDir::Name);
}

bool MainWindow::openExample(const QString &name)
{
    ProjectLoad load = loadProjectFile(QStringLiteral(":/examples/") + name);
    if (!load.ok()) {
        showError(tr("Cannot open example"), load.error.toString());
        return false;
    }
    // Examples open untitled, so saving asks where: the bundled copy is never overwritten.
    m_document->load(std::move(*load.project), QString());
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    QString error;
    if (!m_document->open(path, &error)) {
        showError(tr("Cannot open project"), error);
        return false;
    }
    return true;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    QString error;
    if (!m_document->save(&error)) {
        showError(tr("Cannot save"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 4000);
    return true;
}

bool MainWindow::saveAs()
{
    QString suggested = m_document->filePath();
    if (suggested.isEmpty())
        suggested = QDir::home().filePath(slugify(m_document->project().name)
                                          + QLatin1String(kProjectFileSuffix));
    QString path = QFileDialog::getSaveFileName(this, tr("Save project"), suggested,
                                                tr("Stackplan projects (*.stackplan.json)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json")))
        path += QLatin1String(kProjectFileSuffix);
    QString error;
    if (!m_document->saveAs(path, &error)) {
        showError(tr("Cannot save"), error);
        return false;
    }
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::showError(const QString &title, const QString &message)
{
    QMessageBox box(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}

} // namespace stackplan
