// Acceptance: a new user, with no docs, builds the bundled example's architecture from an empty
// project — frontend → backend → database, each bound to its platform — saves, and reopens it;
// and the screenshots a reviewer looks at: a canvas of bound boxes with labelled connections,
// the inspector open, several option tabs.
#include "canvasactions.h"
#include "canvascontroller.h"
#include "document.h"
#include "mainwindow.h"
#include "optioncontroller.h"
#include "panels/componentinspector.h"
#include "panels/connectioninspector.h"
#include "panels/fieldeditors.h"
#include "panels/inspector.h"
#include "panels/palette.h"
#include "panels/projectinspector.h"
#include "profiles/catalogue.h"
#include "recentfiles.h"
#include "uitest.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace stackplan;
using namespace uitest;

class TestUiNewUser : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void buildTheExampleArchitectureSaveAndReopen();
    void screenshotOfABoundArchitectureWithOptions();

private:
    Catalogue m_catalogue;
};

namespace {

QAction *menuAction(MainWindow *w, const QString &menu, const QString &text)
{
    for (QAction *top : w->menuBar()->actions())
        if (top->text() == menu)
            for (QAction *a : top->menu()->actions())
                if (a->text() == text)
                    return a;
    return nullptr;
}

// Chooses a platform, plan and instance type in the inspector's binding section.
void bind(MainWindow *w, const QString &profile, const QString &plan,
          const QString &instance = QString())
{
    ComponentInspector *page = w->inspector()->componentPage();
    auto combo = [page](const char *key) {
        return qobject_cast<QComboBox *>(page->field(QString::fromLatin1(key)));
    };
    combo("profile")->setCurrentIndex(combo("profile")->findData(profile));
    combo("plan")->setCurrentIndex(combo("plan")->findData(plan));
    if (!instance.isEmpty())
        combo("instance")->setCurrentIndex(combo("instance")->findData(instance));
}

void rename(MainWindow *w, const QString &id, const QString &name)
{
    w->scene()->selectElements({id}, {});
    QTest::keyClick(w->view(), Qt::Key_F2);
    QTRY_VERIFY(w->canvas()->renameEditor());
    QTest::keyClicks(w->canvas()->renameEditor(), name);
    QTest::keyClick(w->canvas()->renameEditor(), Qt::Key_Return);
}

void connectBoxes(MainWindow *w, const QString &from, const QString &to)
{
    ComponentItem *item = w->scene()->componentItem(from);
    drag(w->view(), item->mapToScene(item->handleRect().center()), centreOf(w->scene(), to));
}

} // namespace

void TestUiNewUser::buildTheExampleArchitectureSaveAndReopen()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    MainWindow w(&m_catalogue);
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QApplication::processEvents();
    w.view()->setZoom(1.0);
    w.view()->centerOn(QPointF(400, 40));
    w.view()->setFocus();
    QCOMPARE(w.document()->currentOption()->components.size(), size_t(0));

    // Name the project (nothing selected: the inspector shows the project).
    QLineEdit *projectName = w.inspector()->projectPage()->projectName();
    projectName->selectAll();
    QTest::keyClicks(projectName, QStringLiteral("Allogator"));

    // Three boxes: one clicked from the palette, two dragged onto the canvas.
    Palette *palette = w.palette();
    QTest::mouseClick(palette->viewport(), Qt::LeftButton, {},
                      palette->visualItemRect(palette->itemFor(Role::Frontend)).center());
    QTRY_VERIFY(w.document()->currentOption()->component(QStringLiteral("frontend")));
    const QPointF frontend = centreOf(w.scene(), QStringLiteral("frontend"));
    dropRole(w.view(), QStringLiteral("backend"), frontend + QPointF(320, 0));
    dropRole(w.view(), QStringLiteral("database"), frontend + QPointF(640, 0));
    QTRY_COMPARE(w.document()->currentOption()->components.size(), size_t(3));

    // Arrows from each box's handle to the next.
    connectBoxes(&w, QStringLiteral("frontend"), QStringLiteral("backend"));
    connectBoxes(&w, QStringLiteral("backend"), QStringLiteral("database"));
    QTRY_COMPARE(w.document()->currentOption()->connections.size(), size_t(2));

    rename(&w, QStringLiteral("frontend"), QStringLiteral("React frontend"));
    rename(&w, QStringLiteral("backend"), QStringLiteral("FastAPI backend"));
    rename(&w, QStringLiteral("database"), QStringLiteral("Supabase Postgres"));

    // Bind each box in the inspector, as the example's baseline option does.
    const Project exampleProject = *loadProjectFile(examplePath()).project;
    const Option *example = exampleProject.option(QStringLiteral("hybrid"));
    for (const char *id : {"frontend", "backend", "database"}) {
        const Binding &b = example->component(QString::fromLatin1(id))->binding;
        w.scene()->selectElements({QString::fromLatin1(id)}, {});
        bind(&w, b.profile, b.plan, b.instance);
    }
    // The backend's workload, and a pooled database connection.
    w.scene()->selectElements({QStringLiteral("backend")}, {});
    auto *language = qobject_cast<QLineEdit *>(
        w.inspector()->componentPage()->field(QStringLiteral("language")));
    QTest::keyClicks(language, QStringLiteral("python"));
    QTRY_VERIFY(language->completer()->popup()->isVisible()); // the runtimes are suggested
    QTest::keyClick(language->completer()->popup(), Qt::Key_Escape);
    QTRY_VERIFY(!language->completer()->popup()->isVisible());
    QCOMPARE(w.document()->currentOption()->component(QStringLiteral("backend"))->workload.language,
             QStringLiteral("python"));
    QTest::keyClicks(
        qobject_cast<NumberField *>(w.inspector()->componentPage()->field(QStringLiteral("memory")))
            ->lineEdit(),
        QStringLiteral("512"));
    w.scene()->selectElements({}, {QStringLiteral("backend-to-database")});
    QTest::mouseClick(w.inspector()->connectionPage()->pooledBox(), Qt::LeftButton);
    shot(&w, QStringLiteral("new-user-built"));

    const Option *built = w.document()->currentOption();
    for (const char *id : {"frontend", "backend", "database"}) {
        const QString cid = QString::fromLatin1(id);
        QCOMPARE(built->component(cid)->name, example->component(cid)->name);
        QCOMPARE(built->component(cid)->role, example->component(cid)->role);
        QCOMPARE(built->component(cid)->binding, example->component(cid)->binding);
    }
    for (const char *id : {"frontend-to-backend", "backend-to-database"}) {
        const QString cid = QString::fromLatin1(id);
        QCOMPARE(built->connection(cid)->protocol, example->connection(cid)->protocol);
        QCOMPARE(built->connection(cid)->pooled, example->connection(cid)->pooled);
    }
    QCOMPARE(w.document()->project().name, QStringLiteral("Allogator"));
    QVERIFY(w.isWindowModified());

    // Save: the untitled project asks where.
    const QString path = tmp.filePath(QStringLiteral("my-architecture.stackplan.json"));
    whenDialogAppears([path](QWidget *dialog) {
        auto *files = qobject_cast<QFileDialog *>(dialog);
        QVERIFY(files);
        auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setText(path); // typed into the file name field, then Enter
        QTest::keyClick(name, Qt::Key_Return);
    });
    w.view()->setFocus();
    QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(QFile::exists(path));
    QTRY_VERIFY(!w.isWindowModified());
    QCOMPARE(w.document()->filePath(), path);
    const QByteArray saved = bytes(w.document()->project());

    // Start over, then reopen it from File → Open Recent.
    menuAction(&w, QStringLiteral("&File"), QStringLiteral("&New"))->trigger();
    QCOMPARE(w.document()->currentOption()->components.size(), size_t(0));
    QAction *recentMenu = menuAction(&w, QStringLiteral("&File"), QStringLiteral("Open &Recent"));
    QVERIFY(recentMenu);
    emit recentMenu->menu()->aboutToShow();
    QAction *first = recentMenu->menu()->actions().first();
    QCOMPARE(first->text(), QStringLiteral("&1 my-architecture.stackplan.json"));
    first->trigger();
    QCOMPARE(w.document()->filePath(), path);
    QCOMPARE(bytes(w.document()->project()), saved);
    QCOMPARE(w.scene()->componentItemCount(), 3);
    QCOMPARE(w.scene()->connectionItem(QStringLiteral("backend-to-database"))->visual().label,
             QStringLiteral("sql (pooled)"));
    QVERIFY(!w.isWindowModified());
}

void TestUiNewUser::screenshotOfABoundArchitectureWithOptions()
{
    MainWindow w(&m_catalogue);
    QVERIFY(w.openFile(examplePath()));
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QApplication::processEvents();
    // Grow the baseline option to a fuller system: a cache, object storage, a queue and worker.
    struct Box {
        Role role;
        QPointF at;
        const char *name;
        const char *profile;
        const char *plan;
    };
    QStringList ids;
    const Box boxes[] = {
        {Role::Cache, {1078, 230}, "Session cache", "upstash-redis", "payg"},
        {Role::ObjectStorage, {1078, -150}, "Uploads", "cloudflare-r2", "standard"},
        {Role::Queue, {758, 230}, "Agent jobs", "cloudflare-queues", "paid"},
        {Role::Worker, {1078, 400}, "Agent worker", "google-cloud-run", "instance-based"},
    };
    for (const Box &b : boxes) {
        const QString id = w.canvas()->addComponent(b.role, b.at);
        QVERIFY(!id.isEmpty());
        ids << id;
        Component c = *w.document()->currentOption()->component(id);
        c.name = QString::fromLatin1(b.name);
        c.binding = Binding{QString::fromLatin1(b.profile), QString::fromLatin1(b.plan), {}};
        QVERIFY(w.document()->push(updateComponentEdit(
            w.document()->project(), w.document()->currentOptionId(), c, QStringLiteral("Bind"))));
    }
    const Project &p = w.document()->project();
    auto conn = [&](const QString &from, const QString &to) {
        const Edit e = connectEdit(p, w.document()->currentOptionId(), from, to);
        QVERIFY(!e.isEmpty());
        QVERIFY(w.document()->push(e));
    };
    const QString backend = QStringLiteral("backend");
    conn(backend, ids[0]);
    conn(backend, ids[1]);
    conn(backend, ids[2]);
    conn(ids[2], ids[3]);
    int bound = 0;
    for (const auto &c : w.document()->currentOption()->components)
        bound += c.binding.isBound() && m_catalogue.resolve(c.binding).isValid();
    QVERIFY(bound >= 6);
    QVERIFY(w.optionTabs()->count() >= 2);
    w.canvasActions()->action(CanvasActions::FitToView)->trigger();
    w.scene()->selectElements({QStringLiteral("backend")}, {});
    shot(&w, QStringLiteral("acceptance-canvas-inspector-options"));
    w.scene()->selectElements({}, {QStringLiteral("backend-to-database")});
    shot(&w, QStringLiteral("acceptance-connection-inspector"));
}

QTEST_MAIN(TestUiNewUser)
#include "test_ui_new_user.moc"
