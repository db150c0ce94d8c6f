// Every kind of edit made through the GUI is one step on the document's undo stack: do → undo
// leaves a model that serialises byte-identically to before, redo returns to after, and the
// canvas shows the model each time.
#include "canvasactions.h"
#include "canvascontroller.h"
#include "document.h"
#include "mainwindow.h"
#include "optioncontroller.h"
#include "panels/componentinspector.h"
#include "panels/fieldeditors.h"
#include "panels/inspector.h"
#include "profiles/catalogue.h"
#include "uitest.h"

#include <QAction>
#include <QComboBox>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace stackplan;
using namespace uitest;

using Step = std::function<void(MainWindow *)>;
Q_DECLARE_METATYPE(Step)

namespace {

void select(MainWindow *w, const QStringList &ids)
{
    w->scene()->selectElements(ids, {});
}

// The scene holds exactly one item per element of the current option, where the model puts it.
bool sceneMatchesModel(MainWindow *w)
{
    const Option *o = w->document()->currentOption();
    if (w->scene()->componentItemCount() != int(o->components.size())
        || w->scene()->connectionItemCount() != int(o->connections.size()))
        return false;
    for (const auto &c : o->components) {
        const ComponentItem *item = w->scene()->componentItem(c.id);
        if (!item || item->visual().name != c.name)
            return false;
        if (const auto it = o->layout.find(c.id);
            it != o->layout.end() && item->pos() != QPointF(it->second.x, it->second.y))
            return false;
    }
    for (const auto &c : o->connections)
        if (!w->scene()->connectionItem(c.id))
            return false;
    return true;
}

} // namespace

class TestUiUndo : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void doUndoRedoIsByteIdentical_data();
    void doUndoRedoIsByteIdentical();

private:
    Catalogue m_catalogue;
};

void TestUiUndo::doUndoRedoIsByteIdentical_data()
{
    QTest::addColumn<Step>("setup");
    QTest::addColumn<Step>("action");
    const Step none = [](MainWindow *) {
    };
    QTest::newRow("add") << none << Step([](MainWindow *w) {
        w->canvas()->addComponent(Role::Cache, QPointF(100, 300));
    });
    QTest::newRow("delete") << none << Step([](MainWindow *w) {
        select(w, {QStringLiteral("backend")});
        w->canvasActions()->action(CanvasActions::Delete)->trigger();
    });
    QTest::newRow("move") << none << Step([](MainWindow *w) {
        const QPointF from = centreOf(w->scene(), QStringLiteral("database"));
        drag(w->view(), from, from + QPointF(40, 160));
    });
    QTest::newRow("connect") << none << Step([](MainWindow *w) {
        ComponentItem *from = w->scene()->componentItem(QStringLiteral("frontend"));
        drag(w->view(), from->mapToScene(from->handleRect().center()),
             centreOf(w->scene(), QStringLiteral("database")));
    });
    QTest::newRow("field edit") << none << Step([](MainWindow *w) {
        select(w, {QStringLiteral("backend")});
        auto *memory = qobject_cast<NumberField *>(
            w->inspector()->componentPage()->field(QStringLiteral("memory")));
        memory->lineEdit()->selectAll();
        QTest::keyClicks(memory->lineEdit(), QStringLiteral("2048"));
    });
    QTest::newRow("binding change") << none << Step([](MainWindow *w) {
        select(w, {QStringLiteral("backend")});
        auto *profile = qobject_cast<QComboBox *>(
            w->inspector()->componentPage()->field(QStringLiteral("profile")));
        profile->setCurrentIndex(profile->findData(QStringLiteral("fly-machines")));
    });
    QTest::newRow("option duplicate")
        << none
        << Step([](MainWindow *w) { w->options()->duplicateOption(QStringLiteral("hybrid")); });
    QTest::newRow("paste") << Step([](MainWindow *w) {
        select(w, {QStringLiteral("backend"), QStringLiteral("database")});
        w->canvasActions()->action(CanvasActions::Copy)->trigger();
    }) << Step([](MainWindow *w) { w->canvasActions()->action(CanvasActions::Paste)->trigger(); });
    QTest::newRow("auto-arrange") << Step([](MainWindow *w) {
        const QPointF from = centreOf(w->scene(), QStringLiteral("backend"));
        drag(w->view(), from, from + QPointF(-200, 320));
    }) << Step([](MainWindow *w) {
        w->canvasActions()->action(CanvasActions::AutoArrange)->trigger();
    });
}

void TestUiUndo::doUndoRedoIsByteIdentical()
{
    QFETCH(Step, setup);
    QFETCH(Step, action);
    MainWindow w(&m_catalogue);
    QVERIFY(w.openFile(examplePath()));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QApplication::processEvents();
    w.view()->setZoom(1.0);
    w.view()->centerOn(QPointF(640, 40));
    setup(&w);
    QUndoStack *undo = w.document()->undoStack();
    const int steps = undo->count();
    const QByteArray before = bytes(w.document()->project());

    action(&w);
    const QByteArray after = bytes(w.document()->project());
    QVERIFY(after != before);
    QCOMPARE(undo->count(), steps + 1); // one user action, one step
    QVERIFY(sceneMatchesModel(&w));

    undo->undo();
    QCOMPARE(bytes(w.document()->project()), before);
    QVERIFY(sceneMatchesModel(&w));
    undo->redo();
    QCOMPARE(bytes(w.document()->project()), after);
    QVERIFY(sceneMatchesModel(&w));
}

QTEST_MAIN(TestUiUndo)
#include "test_ui_undo.moc"
