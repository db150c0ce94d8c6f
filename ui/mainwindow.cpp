#include "mainwindow.h"

#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "canvasactions.h"
#include "canvascontroller.h"
#include "bundleexport.h"
#include "diagramexport.h"
#include "reportexport.h"
#include "document.h"
#include "io/projectfile.h"
#include "optioncontroller.h"
#include "optiontabs.h"
#include "panels/inspector.h"
#include "panels/palette.h"
#include "analysis/analysisdocks.h"
#include "analysis/compareview.h"
#include "analysis/costpanel.h"
#include "analysis/problemspanel.h"
#include "appearance.h"
#include "helpdialogs.h"
#include "welcomepage.h"
#include "panels/profilebrowser.h"
#include "recentfiles.h"
#include "recovery.h"
#include "util/datadir.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace stackplan {

MainWindow::MainWindow(const Catalogue *catalogue, QWidget *parent)
    : QMainWindow(parent), m_catalogue(catalogue), m_document(new Document(catalogue, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    m_scene = new DiagramScene(m_document, this);
    m_view = new DiagramView(m_scene);
    m_options = new OptionController(m_document, this);
    m_tabs = new OptionTabs(m_document, m_options);
    m_canvas = new CanvasController(m_document, m_scene, m_view, this);
    m_canvasActions = new CanvasActions(m_document, m_canvas, m_scene, m_view, this);
    m_recovery = new RecoveryManager(m_document, this);
    m_recent = new RecentFiles(this);
    m_diagrams = new DiagramExporter(m_document, this);
    m_appearance = new Appearance(this);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_tabs);
    // The canvas, or the Compare view in its place (View → Compare Options).
    m_compare = new CompareView(m_document);
    // Its table and chart scroll: they must not raise the window's minimum size.
    m_compare->setMinimumSize(320, 240);
    m_centralStack = new QStackedWidget;
    m_canvasPage = m_view;
    m_centralStack->addWidget(m_view);
    m_centralStack->addWidget(m_compare);
    layout->addWidget(m_centralStack, 1);
    m_welcome = new WelcomePage(bundledDataDir(QStringLiteral("examples")), catalogue, m_recent);
    m_stack = new QStackedWidget;
    m_stack->addWidget(central);
    m_stack->addWidget(m_welcome);
    setCentralWidget(m_stack);
    connect(m_welcome, &WelcomePage::newRequested, this, [this] {
        m_document->newProject();
        showEditor();
    });
    connect(m_welcome, &WelcomePage::openRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open project"), QString(),
            tr("Stackplan projects (*.stackplan.json);;JSON (*.json)"));
        if (!path.isEmpty())
            openFile(path);
    });
    connect(m_welcome, &WelcomePage::exampleRequested, this,
            [this](const QString &name) { openExample(name); });
    connect(m_welcome, &WelcomePage::recentRequested, this,
            [this](const QString &path) { openFile(path); });

    m_statusCounts = new QLabel;
    m_statusZoom = new QLabel;
    statusBar()->addPermanentWidget(m_statusCounts);
    statusBar()->addPermanentWidget(m_statusZoom);

    createFileMenu();
    createEditMenu();
    createViewMenu();
    createArrangeMenu();
    createOptionMenu();
    createToolBar();

    m_palette = new Palette;
    m_palette->setFocusPolicy(Qt::NoFocus); // clicking a role keeps the canvas focused
    QDockWidget *paletteDock
        = addDock(m_palette, tr("Components"), QStringLiteral("PaletteDock"),
                  Qt::LeftDockWidgetArea, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_inspector = new Inspector(m_document);
    QDockWidget *inspectorDock
        = addDock(m_inspector, tr("Inspector"), QStringLiteral("InspectorDock"),
                  Qt::RightDockWidgetArea, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    inspectorDock->setMinimumWidth(340);
    m_analysis = new AnalysisDocks(m_document, m_scene, m_view, m_tabs->tabBar(), statusBar(), this);
    QDockWidget *problemsDock
        = addDock(m_analysis->problems(), tr("Problems"), QStringLiteral("ProblemsDock"),
                  Qt::BottomDockWidgetArea, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    QDockWidget *costsDock
        = addDock(m_analysis->costs(), tr("Costs"), QStringLiteral("CostsDock"),
                  Qt::BottomDockWidgetArea, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_profiles = new ProfileBrowser(catalogue);
    QDockWidget *profilesDock
        = addDock(m_profiles, tr("Platforms"), QStringLiteral("PlatformsDock"),
                  Qt::BottomDockWidgetArea, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    tabifyDockWidget(problemsDock, costsDock);
    tabifyDockWidget(costsDock, profilesDock);
    profilesDock->hide();
    problemsDock->raise();
    resizeDocks({paletteDock, inspectorDock}, {150, 350}, Qt::Horizontal);
    resizeDocks({problemsDock}, {CostPanel::kChartHeight + 50}, Qt::Vertical);

    connect(m_palette, &Palette::roleActivated, this, [this](Role role) {
        m_canvas->addComponentInView(role);
        m_view->setFocus();
    });
    connect(m_scene, &DiagramScene::roleDropped, this, [this] { m_view->setFocus(); });
    connect(m_scene, &DiagramScene::selectionIdsChanged, this, [this] {
        m_inspector->setSelection(m_scene->selectedComponentIds(),
                                  m_scene->selectedConnectionIds());
    });
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document->editor(), &ProjectEditor::projectInfoChanged, this,
            &MainWindow::updateTitle);
    connect(m_document->editor(), &ProjectEditor::projectReset, this, [this] {
        showEditor();
        QTimer::singleShot(0, m_view, [this] { m_view->fitContents(); });
    });
    connect(m_document->editor(), &ProjectEditor::changed, this, &MainWindow::showEditor);
    connect(m_document, &Document::currentOptionChanged, this,
            [this] { QTimer::singleShot(0, m_view, [this] { m_view->fitContents(); }); });
    // An unknown bill line whose quantity needs a field: select the box, show that field.
    connect(m_analysis->costs(), &CostPanel::fieldRequested, this,
            [this, inspectorDock](const QString &component, const QString &field) {
                m_scene->selectElements({component}, {});
                inspectorDock->show();
                inspectorDock->raise();
                m_inspector->setSelection({component}, {});
                m_inspector->focusField(field);
            });
    connect(m_appearance, &Appearance::themeChanged, this, &MainWindow::applyTheme);
    connect(m_document, &Document::editRejected, this, [this](const QString &error) {
        statusBar()->showMessage(tr("Edit refused: %1").arg(error), 6000);
    });
    connect(m_document->editor(), &ProjectEditor::changed, this, &MainWindow::updateStatus);
    connect(m_document, &Document::currentOptionChanged, this, &MainWindow::updateStatus);
    connect(m_view, &DiagramView::zoomChanged, this, &MainWindow::updateStatus);
    connect(m_recent, &RecentFiles::openRequested, this, [this](const QString &path) {
        if (maybeSave())
            openFile(path);
    });
    connect(m_document, &Document::fileChangedOnDisk, this, [this] { handleOutsideChange(false); });
    connect(m_recovery, &RecoveryManager::autosaved, this,
            [this] { statusBar()->showMessage(tr("Autosaved a recovery copy"), 2000); });
    m_recovery->setOfferFunction([this](const RecoveryEntry &e) {
        QMessageBox box(QMessageBox::Question, tr("Recover unsaved changes?"),
                        tr("Stackplan did not close normally. Unsaved changes to <b>%1</b> "
                           "were autosaved %2.")
                            .arg((e.originalPath.isEmpty() ? e.projectName
                                                           : QFileInfo(e.originalPath).fileName())
                                     .toHtmlEscaped(),
                                 QLocale().toString(e.savedAt.toLocalTime(), QLocale::ShortFormat)),
                        QMessageBox::NoButton, this);
        box.setInformativeText(tr("Recover them to keep working where you left off, or discard "
                                  "the autosave."));
        QPushButton *recover = box.addButton(tr("&Recover"), QMessageBox::AcceptRole);
        QPushButton *discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        box.addButton(tr("&Not Now"), QMessageBox::RejectRole);
        box.setDefaultButton(recover);
        box.exec();
        if (box.clickedButton() == recover)
            return RecoveryManager::Choice::Recover;
        if (box.clickedButton() == discard)
            return RecoveryManager::Choice::Discard;
        return RecoveryManager::Choice::Later;
    });

    updateTitle();
    updateStatus();
    applyTheme();
    resize(1440, 900);
    // Where the user left the window and its docks.
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    // Children are deleted in the order they were added; the document goes last, so no view or
    // controller outlives the model it observes. Keep this the last line of the constructor.
    m_document->setParent(nullptr);
    m_document->setParent(this);
}

MainWindow::~MainWindow() = default;

QTabBar *MainWindow::optionTabs() const
{
    return m_tabs->tabBar();
}

QDockWidget *MainWindow::addDock(QWidget *panel, const QString &title, const QString &objectName,
                                 Qt::DockWidgetArea area, const QKeySequence &toggle)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    addDockWidget(area, dock);
    QAction *a = dock->toggleViewAction();
    if (!toggle.isEmpty())
        a->setShortcut(toggle);
    m_panelsMenu->addAction(a);
    return dock;
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(QIcon(QStringLiteral(":/icons/actions/new.svg")), tr("&New"), this,
                    [this] {
                        if (maybeSave())
                            m_document->newProject();
                    })
        ->setShortcut(QKeySequence::New);
    file->addAction(QIcon(QStringLiteral(":/icons/actions/open.svg")), tr("&Open…"), this,
                    [this] {
                        if (!maybeSave())
                            return;
                        const QString path = QFileDialog::getOpenFileName(
                            this, tr("Open project"), QString(),
                            tr("Stackplan projects (*.stackplan.json);;JSON (*.json)"));
                        if (!path.isEmpty())
                            openFile(path);
                    })
        ->setShortcut(QKeySequence::Open);
    file->addMenu(m_recent->createMenu(tr("Open &Recent"), file));
    QMenu *examples = file->addMenu(tr("Open &Example"));
    for (const auto &name : exampleNames())
        examples->addAction(QString(name).remove(QLatin1String(kProjectFileSuffix)), this,
                            [this, name] {
                                if (maybeSave())
                                    openExample(name);
                            });
    file->addSeparator();
    file->addAction(QIcon(QStringLiteral(":/icons/actions/save.svg")), tr("&Save"), this,
                    &MainWindow::save)
        ->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save &As…"), this, &MainWindow::saveAs)->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("&Diagram…"), this, &MainWindow::exportDiagram)
        ->setObjectName(QStringLiteral("ExportDiagramAction"));
    exportMenu->addAction(tr("Deployment &Bundle…"), this, &MainWindow::exportBundle)
        ->setObjectName(QStringLiteral("ExportBundleAction"));
    exportMenu->addAction(tr("&Review Pack…"), this, &MainWindow::exportReport)
        ->setObjectName(QStringLiteral("ExportReportAction"));
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);
}

void MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setIcon(QIcon(QStringLiteral(":/icons/actions/undo.svg")));
    m_redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcut(QKeySequence::Redo);
    m_redo->setIcon(QIcon(QStringLiteral(":/icons/actions/redo.svg")));
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    for (auto id : {CanvasActions::Cut, CanvasActions::Copy, CanvasActions::Paste,
                    CanvasActions::Duplicate, CanvasActions::Delete})
        edit->addAction(m_canvasActions->action(id));
    edit->addAction(tr("Copy Diagram as &Image"), this, &MainWindow::copyDiagram)
        ->setObjectName(QStringLiteral("CopyDiagramAction"));
    edit->addSeparator();
    edit->addAction(m_canvasActions->action(CanvasActions::SelectAll));
    edit->addAction(m_canvasActions->action(CanvasActions::Rename));
}

void MainWindow::createViewMenu()
{
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (auto id : {CanvasActions::ZoomIn, CanvasActions::ZoomOut, CanvasActions::ZoomReset,
                    CanvasActions::FitToView})
        m_viewMenu->addAction(m_canvasActions->action(id));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_canvasActions->action(CanvasActions::SnapToGrid));
    m_viewMenu->addSeparator();
    m_compareAction = m_viewMenu->addAction(
        QIcon::fromTheme(QStringLiteral("view-split-left-right")), tr("&Compare Options"));
    m_compareAction->setObjectName(QStringLiteral("compareOptions"));
    m_compareAction->setIcon(QIcon(QStringLiteral(":/icons/actions/compare.svg")));
    m_compareAction->setCheckable(true);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_compareAction->setToolTip(tr("Compare the options side by side: cost, problems, "
                                   "availability, cold starts, budget (Ctrl+Shift+O)"));
    connect(m_compareAction, &QAction::toggled, this, &MainWindow::setCompareMode);
    connect(m_compare, &CompareView::openRequested, this, [this] { setCompareMode(false); });
    m_viewMenu->addSeparator();
    m_panelsMenu = m_viewMenu->addMenu(tr("&Panels"));
    QMenu *theme = m_viewMenu->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(theme);
    for (const auto &[mode, text] : {std::pair{Appearance::Mode::System, tr("Follow the &System")},
                                     {Appearance::Mode::Light, tr("&Light")},
                                     {Appearance::Mode::Dark, tr("&Dark")}}) {
        QAction *a = theme->addAction(text, this, [this, mode = mode] { m_appearance->setMode(mode); });
        a->setCheckable(true);
        a->setChecked(m_appearance->mode() == mode);
        a->setObjectName(QStringLiteral("Theme:") + Appearance::modeId(mode));
        themes->addAction(a);
    }
}

bool MainWindow::compareMode() const
{
    return m_centralStack->currentWidget() == m_compare;
}

void MainWindow::setCompareMode(bool on)
{
    if (on == compareMode())
        return;
    if (on) {
        m_canvasDockState = saveState();
        for (QDockWidget *dock : findChildren<QDockWidget *>())
            dock->hide();
        m_centralStack->setCurrentWidget(m_compare);
    } else {
        m_centralStack->setCurrentWidget(m_canvasPage);
        restoreState(m_canvasDockState);
    }
    const QSignalBlocker block(m_compareAction);
    m_compareAction->setChecked(on);
}

void MainWindow::createArrangeMenu()
{
    QMenu *arrange = menuBar()->addMenu(tr("&Arrange"));
    arrange->addAction(m_canvasActions->action(CanvasActions::AutoArrange));
    arrange->addAction(m_canvasActions->action(CanvasActions::Pin));
    arrange->addSeparator();
    arrange->addMenu(m_canvasActions->createAlignMenu(arrange));
}

void MainWindow::createOptionMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Option"));
    auto current = [this] {
        return m_document->currentOptionId();
    };
    menu->addAction(tr("&Add Option"), this, [this] { m_options->addOption(); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    menu->addAction(tr("&Duplicate Option"), this,
                    [this, current] { m_options->duplicateOption(current()); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    menu->addAction(tr("&Rename Option…"), this, [this] { m_tabs->startRename(); })
        ->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F2));
    QAction *baseline = menu->addAction(tr("Mark as &Baseline"), this,
                                        [this, current] { m_options->setBaseline(current()); });
    menu->addSeparator();
    QAction *left = menu->addAction(tr("Move &Left"), this, [this, current] {
        m_options->moveOption(current(), m_document->project().optionIndex(current()) - 1);
    });
    QAction *right = menu->addAction(tr("Move R&ight"), this, [this, current] {
        m_options->moveOption(current(), m_document->project().optionIndex(current()) + 1);
    });
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("D&elete Option"), this,
                                      [this, current] { m_options->removeOption(current()); });
    connect(menu, &QMenu::aboutToShow, this, [this, baseline, left, right, remove] {
        const Project &p = m_document->project();
        const int index = p.optionIndex(m_document->currentOptionId());
        baseline->setEnabled(p.baseline != m_document->currentOptionId());
        left->setEnabled(index > 0);
        right->setEnabled(index + 1 < int(p.options.size()));
        remove->setEnabled(p.options.size() > 1);
    });

    createHelpMenu();
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(QIcon(QStringLiteral(":/icons/actions/help.svg")), tr("&Documentation"), this,
                    [this] {
                        auto *dialog = new DocumentationDialog(this);
                        dialog->setAttribute(Qt::WA_DeleteOnClose);
                        dialog->show();
                    })
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
            ShortcutsDialog dialog(this, this);
            dialog.exec();
        })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    help->addAction(tr("&Welcome Page"), this, &MainWindow::showWelcome);
    help->addSeparator();
    help->addAction(tr("&About Stackplan"), this, [this] {
        QMessageBox::about(this, tr("About Stackplan"),
                           tr("<b>Stackplan %1</b><p>Plan, validate and price web-application "
                              "architectures. Profiles ship with the application; nothing is "
                              "fetched from the network.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("MainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Short labels on the toolbar; the Edit menu names what would be undone.
    QUndoStack *stack = m_document->undoStack();
    QAction *undo = bar->addAction(m_undo->icon(), tr("Undo"), stack, &QUndoStack::undo);
    QAction *redo = bar->addAction(m_redo->icon(), tr("Redo"), stack, &QUndoStack::redo);
    auto sync = [stack, undo, redo] {
        undo->setEnabled(stack->canUndo());
        redo->setEnabled(stack->canRedo());
        undo->setToolTip(stack->canUndo() ? tr("Undo %1").arg(stack->undoText()) : tr("Undo"));
        redo->setToolTip(stack->canRedo() ? tr("Redo %1").arg(stack->redoText()) : tr("Redo"));
    };
    connect(stack, &QUndoStack::indexChanged, bar, sync);
    connect(stack, &QUndoStack::canUndoChanged, bar, sync);
    connect(stack, &QUndoStack::canRedoChanged, bar, sync);
    sync();
    bar->addSeparator();
    bar->addAction(m_canvasActions->action(CanvasActions::Duplicate));
    bar->addAction(m_canvasActions->action(CanvasActions::Delete));
    bar->addSeparator();
    bar->addAction(m_canvasActions->action(CanvasActions::AutoArrange));
    bar->addSeparator();
    bar->addAction(m_canvasActions->action(CanvasActions::ZoomOut));
    bar->addAction(m_canvasActions->action(CanvasActions::ZoomIn));
    bar->addAction(m_canvasActions->action(CanvasActions::FitToView));
    bar->addSeparator();
    bar->addAction(m_compareAction);
}

void MainWindow::updateTitle()
{
    // "file — Stackplan"; an untitled project (a new one, an example) by its name.
    const QString name = !m_document->filePath().isEmpty() ? m_document->displayName()
                         : !m_document->project().name.isEmpty() ? m_document->project().name
                                                                 : m_document->displayName();
    setWindowTitle(tr("%1[*] — Stackplan").arg(name));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateStatus()
{
    const Option *o = m_document->currentOption();
    m_statusCounts->setText(
        o ? tr("%1 components, %2 connections").arg(o->components.size()).arg(o->connections.size())
          : QString());
    m_statusZoom->setText(tr("%1 %").arg(qRound(m_view->zoom() * 100)));
}

QStringList MainWindow::exampleNames()
{
    return QDir(bundledDataDir(QStringLiteral("examples")))
        .entryList({QStringLiteral("*.stackplan.json")}, QDir::Files, QDir::Name);
}

bool MainWindow::openExample(const QString &name)
{
    ProjectLoad load
        = loadProjectFile(bundledDataDir(QStringLiteral("examples")) + QLatin1Char('/') + name);
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
    m_recent->add(m_document->filePath());
    return true;
}

void MainWindow::offerRecovery()
{
    m_recovery->offerRecovery();
}

bool MainWindow::handleOutsideChange(bool saving)
{
    if (m_askingOutsideChange)
        return false;
    QScopedValueRollback<bool> asking(m_askingOutsideChange, true);
    OutsideChange choice = OutsideChange::Keep;
    if (m_askOutsideChange) {
        choice = m_askOutsideChange(saving);
    } else {
        QMessageBox box(QMessageBox::Warning, tr("File changed on disk"),
                        tr("%1 was changed by another program since Stackplan opened it.")
                            .arg(m_document->filePath()),
                        QMessageBox::NoButton, this);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(
            m_document->isModified()
                ? tr("Reload it and lose your unsaved changes, overwrite it with this version "
                     "and lose the other program's changes, or save this version as another "
                     "file.")
                : tr("Reload it to see the other program's changes, overwrite it with this "
                     "version, or save this version as another file."));
        QPushButton *reload = box.addButton(tr("&Reload"), QMessageBox::DestructiveRole);
        QPushButton *overwrite = box.addButton(tr("&Overwrite"), QMessageBox::AcceptRole);
        QPushButton *saveElsewhere = box.addButton(tr("Save &As…"), QMessageBox::ActionRole);
        box.addButton(saving ? tr("Cancel") : tr("&Keep Editing"), QMessageBox::RejectRole);
        box.setDefaultButton(m_document->isModified() ? saveElsewhere : reload);
        box.exec();
        choice = box.clickedButton() == reload      ? OutsideChange::Reload
                 : box.clickedButton() == overwrite ? OutsideChange::Overwrite
                 : box.clickedButton() == saveElsewhere ? OutsideChange::SaveAs
                                                    : OutsideChange::Keep;
    }
    QString error;
    switch (choice) {
    case OutsideChange::Reload:
        if (!m_document->reload(&error))
            showError(tr("Cannot reload"), error);
        else
            statusBar()->showMessage(tr("Reloaded %1").arg(m_document->filePath()), 4000);
        return false;
    case OutsideChange::Overwrite:
        if (!m_document->save(&error, true)) {
            showError(tr("Cannot save"), error);
            return false;
        }
        m_recent->add(m_document->filePath());
        statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 4000);
        return true;
    case OutsideChange::SaveAs:
        return saveAs();
    case OutsideChange::Keep:
        break;
    }
    return false;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    if (m_document->changedOnDisk()) // checked again right before writing
        return handleOutsideChange(true);
    QString error;
    if (!m_document->save(&error)) {
        showError(tr("Cannot save"), error);
        return false;
    }
    m_recent->add(m_document->filePath());
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
    m_recent->add(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 4000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them?").arg(m_document->displayName().toHtmlEscaped()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::showWelcome()
{
    m_welcome->refresh();
    m_stack->setCurrentWidget(m_welcome);
}

bool MainWindow::welcomeShown() const
{
    return m_stack->currentWidget() == m_welcome;
}

void MainWindow::showEditor()
{
    if (m_stack->currentWidget() != m_welcome)
        return;
    m_stack->setCurrentIndex(0);
    QTimer::singleShot(0, m_view, [this] { m_view->fitContents(); });
}

void MainWindow::applyTheme()
{
    const Theme theme = m_appearance->theme();
    m_scene->setTheme(theme);
    m_analysis->costs()->setDark(theme == Theme::Dark);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!std::exchange(m_shown, true)) // the view has its real size only now
        QTimer::singleShot(0, m_view, [this] { m_view->fitContents(); });
}

QString MainWindow::exportBase() const
{
    const QString base = m_document->filePath();
    return base.isEmpty() ? QDir::home().filePath(slugify(m_document->project().name))
                          : base.chopped(base.endsWith(QLatin1String(kProjectFileSuffix))
                                             ? int(strlen(kProjectFileSuffix))
                                             : int(QFileInfo(base).suffix().size() + 1));
}

void MainWindow::exportDiagram()
{
    DiagramExportDialog dialog(exportBase(), m_document->currentOptionId(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExportResult r = m_diagrams->exportDiagrams(dialog.request());
    if (!r.ok()) {
        showError(tr("Cannot export the diagram"), r.error);
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(r.written.join(QStringLiteral(", "))), 6000);
}

void MainWindow::exportBundle()
{
    const QString file = m_document->filePath();
    const QString dir = file.isEmpty() ? QDir::homePath() : QFileInfo(file).absolutePath();
    BundleExportDialog dialog(m_document,
                              QDir(dir).filePath(slugify(m_document->project().name)
                                                 + QStringLiteral("-deploy")),
                              this);
    connect(&dialog, &BundleExportDialog::exported, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Exported the deployment bundle to %1").arg(path), 6000);
    });
    dialog.exec();
}

void MainWindow::exportReport()
{
    ReportExportDialog dialog(exportBase(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = dialog.path();
    if (QFileInfo(path).isDir()) {
        showError(tr("Cannot export the review pack"),
                  tr("%1 is a folder; give a file name.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (QFileInfo::exists(path)
        && QMessageBox::question(this, tr("Replace File?"),
                                 tr("%1 already exists. Replace it?")
                                     .arg(QDir::toNativeSeparators(path)),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes)
        return;
    const ReportResult r = writeReportWithProgress(*m_document, dialog.format(), path, this);
    if (r.cancelled) {
        statusBar()->showMessage(tr("Review pack cancelled; nothing was written"), 6000);
        return;
    }
    if (!r.ok()) {
        showError(tr("Cannot export the review pack"), r.error);
        return;
    }
    statusBar()->showMessage(tr("Exported the review pack to %1").arg(QDir::toNativeSeparators(path)),
                             6000);
}

void MainWindow::copyDiagram()
{
    if (!m_document->currentOption()) {
        showError(tr("Cannot copy the diagram"), tr("There is no option to copy."));
        return;
    }
    m_diagrams->copyCurrentToClipboard();
    statusBar()->showMessage(
        tr("Copied the diagram of %1 as an image").arg(m_document->currentOption()->name), 4000);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    QMessageBox box(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box.setTextFormat(Qt::PlainText); // messages quote names and values from files
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}

} // namespace stackplan
