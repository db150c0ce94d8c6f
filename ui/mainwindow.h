#pragma once

#include <QMainWindow>

#include <functional>

class QDockWidget;
class QLabel;
class QStackedWidget;
class QTabBar;

namespace stackplan {

class AnalysisDocks;
class Appearance;
class CanvasActions;
class CanvasController;
class CompareView;
class DiagramExporter;
class Catalogue;
class DiagramScene;
class DiagramView;
class Document;
class Inspector;
class OptionController;
class OptionTabs;
class Palette;
class ProfileBrowser;
class RecentFiles;
class RecoveryManager;
class WelcomePage;

// Assembles the window: menus, actions, option tabs, the canvas and the docks (palette on the
// left, inspector on the right, further panels wherever addDock() puts them). It decides nothing
// about the domain; that lives in Document and the controllers (canvas, options, recovery).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const Catalogue *catalogue, QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }
    DiagramScene *scene() const { return m_scene; }
    DiagramView *view() const { return m_view; }
    QTabBar *optionTabs() const;
    OptionTabs *optionTabsWidget() const { return m_tabs; }
    ProfileBrowser *profileBrowser() const { return m_profiles; }
    AnalysisDocks *analysis() const { return m_analysis; }
    Palette *palette() const { return m_palette; }
    Inspector *inspector() const { return m_inspector; }
    CanvasController *canvas() const { return m_canvas; }
    CanvasActions *canvasActions() const { return m_canvasActions; }
    OptionController *options() const { return m_options; }
    RecoveryManager *recovery() const { return m_recovery; }
    RecentFiles *recentFiles() const { return m_recent; }
    DiagramExporter *diagramExporter() const { return m_diagrams; }
    CompareView *compareView() const { return m_compare; }
    QAction *compareAction() const { return m_compareAction; }
    // The Compare view in place of the canvas, with the docks put away so the comparison can be
    // read at the default window size; leaving it brings the canvas and the docks back.
    void setCompareMode(bool on);
    bool compareMode() const;
    WelcomePage *welcomePage() const { return m_welcome; }
    Appearance *appearance() const { return m_appearance; }

    // The welcome page in place of the canvas (shown at start-up when no file is given); it
    // gives way to the canvas as soon as a project is opened, created or edited.
    void showWelcome();
    bool welcomeShown() const;

    // Adds a dock with a toggle in the View menu; for the panels of later features too.
    QDockWidget *addDock(QWidget *panel, const QString &title, const QString &objectName,
                         Qt::DockWidgetArea area, const QKeySequence &toggle = {});

    bool openFile(const QString &path);
    // Bundled examples (*.stackplan.json in bundledDataDir("examples")), by file name.
    static QStringList exampleNames();
    bool openExample(const QString &name);
    // Asks whether to recover autosaves of sessions that ended without closing cleanly.
    void offerRecovery();

    // The project file changed on disk (another program, a checkout): what to do with it.
    enum class OutsideChange { Reload, Overwrite, SaveAs, Keep };
    // Replaces the dialog that asks (tests).
    void setOutsideChangeFunction(std::function<OutsideChange(bool saving)> ask)
    {
        m_askOutsideChange = std::move(ask);
    }
    // Save, as File → Save does: asks first if the file changed on disk.
    bool saveFile() { return save(); }

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createArrangeMenu();
    void createOptionMenu();
    void createToolBar();
    void updateTitle();
    void updateStatus();
    bool maybeSave();
    bool save();
    bool saveAs();
    void showError(const QString &title, const QString &message);
    void exportDiagram();
    void exportBundle();
    void exportReport();
    // The project's file path without its suffix (or ~/project-name): stem of export names.
    QString exportBase() const;
    void copyDiagram();
    void showEditor();
    void createHelpMenu();
    void applyTheme();

    const Catalogue *m_catalogue;
    Document *m_document;
    DiagramScene *m_scene;
    DiagramView *m_view;
    OptionController *m_options;
    OptionTabs *m_tabs;
    CanvasController *m_canvas;
    CanvasActions *m_canvasActions;
    Palette *m_palette;
    Inspector *m_inspector;
    ProfileBrowser *m_profiles;
    AnalysisDocks *m_analysis;
    RecoveryManager *m_recovery;
    RecentFiles *m_recent;
    DiagramExporter *m_diagrams;
    Appearance *m_appearance;
    QStackedWidget *m_stack = nullptr;
    WelcomePage *m_welcome = nullptr;
    QLabel *m_statusCounts;
    QLabel *m_statusZoom;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
    bool m_shown = false;
    QStackedWidget *m_centralStack = nullptr;
    QWidget *m_canvasPage = nullptr;
    CompareView *m_compare = nullptr;
    QAction *m_compareAction = nullptr;
    QByteArray m_canvasDockState; // dock layout to restore when leaving the Compare view
    std::function<OutsideChange(bool saving)> m_askOutsideChange;
    bool m_askingOutsideChange = false; // the watcher fired while the question is open
    bool handleOutsideChange(bool saving);
};

} // namespace stackplan
