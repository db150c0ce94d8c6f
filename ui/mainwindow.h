#pragma once

#include <QMainWindow>

class QTabBar;
class QLabel;

namespace stackplan {

class Catalogue;
class Document;
class DiagramScene;
class DiagramView;
class ProfileBrowser;

// Assembles the window: menus, actions, option tabs, the canvas and the docks. It decides
// nothing about the domain; that lives in Document and the panels.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const Catalogue *catalogue, QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }
    DiagramScene *scene() const { return m_scene; }
    DiagramView *view() const { return m_view; }
    QTabBar *optionTabs() const { return m_tabs; }
    ProfileBrowser *profileBrowser() const { return m_profiles; }

    bool openFile(const QString &path);
    // Bundled examples (":/examples/*.stackplan.json"), by file name.
    static QStringList exampleNames();
    bool openExample(const QString &name);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void rebuildTabs();
    void updateTitle();
    bool maybeSave();
    bool save();
    bool saveAs();
    void showError(const QString &title, const QString &message);

    const Catalogue *m_catalogue;
    Document *m_document;
    DiagramScene *m_scene;
    DiagramView *m_view;
    QTabBar *m_tabs;
    QLabel *m_statusCounts;
    ProfileBrowser *m_profiles;
    QMenu *m_viewMenu = nullptr;
    bool m_rebuildingTabs = false;
};

} // namespace stackplan
