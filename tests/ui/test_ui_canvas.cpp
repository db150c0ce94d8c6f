// The canvas as a user drives it: boxes come from the palette (click or drop), move by dragging,
// connect by dragging from the handle, and are deleted, copied, pasted, duplicated, aligned,
// arranged, renamed and nudged — each one undoable step, asserted on the model.
#include "canvas/connectionitem.h"
#include "canvasactions.h"
#include "canvascontroller.h"
#include "document.h"
#include "editor/edit.h"
#include "mainwindow.h"
#include "panels/palette.h"
#include "profiles/catalogue.h"
#include "screenshot.h"
#include "uitest.h"

#include <QAction>
#include <QScrollBar>
#include <QTabBar>
#include <QUndoStack>

#include <memory>

using namespace stackplan;
using namespace uitest;

class TestUiCanvas : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void clickingARoleInThePaletteAddsABoxInView();
    void aClickedRoleLandsClearOfBoxesAndArrows();
    void droppingARoleAddsABoxWhereItIsDropped();
    void draggingABoxMovesItInOneUndoStep();
    void movesSnapToTheGrid();
    void draggingFromTheHandleConnectsTwoBoxes();
    void arrowsBetweenTheSameBoxesAreDrawnSideBySide();
    void rubberBandSelectsAndMovesSeveralBoxesTogether();
    void deleteKeyRemovesABoxWithItsConnectionsInOneStep();
    void copyAndPasteWithinAndAcrossOptions();
    void cutRemovesInOneStepAndPastesBack();
    void duplicateKeepsConnectionsBetweenTheCopies();
    void alignAndDistributeTheSelection();
    void autoArrangeKeepsPinnedBoxes();
    void zoomWithWheelAndKeysAndFitToView();
    void fitFollowsTheViewSizeUntilTheUserZooms();
    void panWithTheMiddleButton();
    void renameInPlaceWithF2OrDoubleClick();
    void arrowKeysNudgeInOneMergedStep();
    void editMenuShowsTheUndoText();

private:
    std::unique_ptr<MainWindow> window(bool example);
    Catalogue m_catalogue;
};

std::unique_ptr<MainWindow> TestUiCanvas::window(bool example)
{
    auto w = std::make_unique<MainWindow>(&m_catalogue);
    if (example)
        w->openFile(examplePath());
    w->show();
    w->activateWindow();
    if (!QTest::qWaitForWindowActive(w.get()))
        return nullptr;
    QApplication::processEvents(); // the deferred fit-to-view
    w->view()->setZoom(1.0);
    w->view()->centerOn(example ? QPointF(640, 40) : QPointF(0, 0));
    w->view()->setFocus();
    return w;
}

void TestUiCanvas::clickingARoleInThePaletteAddsABoxInView()
{
    auto w = window(false);
    QVERIFY(w);
    Palette *palette = w->palette();
    auto clickRole = [&](Role role) {
        QTest::mouseClick(palette->viewport(), Qt::LeftButton, {},
                          palette->visualItemRect(palette->itemFor(role)).center());
    };
    clickRole(Role::Backend);
    QTRY_COMPARE(w->document()->currentOption()->components.size(), size_t(1));
    const Component &c = w->document()->currentOption()->components.front();
    QCOMPARE(c.id, QStringLiteral("backend"));
    QCOMPARE(c.name, QStringLiteral("Backend"));
    QCOMPARE(c.role, Role::Backend);
    QVERIFY(w->scene()->componentItem(QStringLiteral("backend"))->isSelected());
    QVERIFY(w->view()->viewport()->rect().contains(
        at(w->view(), centreOf(w->scene(), QStringLiteral("backend")))));

    clickRole(Role::Backend); // a second box lands clear of the first
    QTRY_COMPARE(w->document()->currentOption()->components.size(), size_t(2));
    const Component &second = w->document()->currentOption()->components.back();
    QCOMPARE(second.id, QStringLiteral("backend-2"));
    QCOMPARE(second.name, QStringLiteral("Backend 2"));
    auto box = [&](const QString &id) {
        auto *item = w->scene()->componentItem(id);
        return item->mapRectToScene(item->boxRect());
    };
    QVERIFY(!box(QStringLiteral("backend")).intersects(box(QStringLiteral("backend-2"))));
    QCOMPARE(w->document()->undoStack()->count(), 2);
    QCOMPARE(w->document()->undoStack()->undoText(), QStringLiteral("Add Backend 2"));
}

void TestUiCanvas::aClickedRoleLandsClearOfBoxesAndArrows()
{
    auto w = window(false);
    QVERIFY(w);
    w->canvas()->addComponent(Role::Backend, QPointF(-400, 0));
    w->canvas()->addComponent(Role::Database, QPointF(400, 0));
    Document *doc = w->document();
    QVERIFY(doc->push(connectEdit(doc->project(), doc->currentOptionId(), QStringLiteral("backend"),
                                  QStringLiteral("database"))));
    w->view()->centerOn(QPointF(0, 0)); // the arrow runs through the middle of the view
    const QString id = w->canvas()->addComponentInView(Role::Queue);
    QCOMPARE(id, QStringLiteral("queue"));
    // The centre spot (-120, -40) is on the arrow, and so are the spots half a row above and
    // below; the nearest clear one is a full row below.
    QCOMPARE(doc->currentOption()->layout.at(id), (LayoutEntry{-120, 72, false}));
    auto *queue = w->scene()->componentItem(id);
    auto *arrow = w->scene()->connectionItem(QStringLiteral("backend-to-database"));
    QVERIFY(!arrow->shape().intersects(queue->mapRectToScene(queue->boxRect())));
    QVERIFY(w->view()->viewport()->rect().contains(at(w->view(), centreOf(w->scene(), id))));
    QTest::qWait(300);
    saveScreenshot(w.get(), QStringLiteral("placed-clear-of-arrows"));
}

void TestUiCanvas::droppingARoleAddsABoxWhereItIsDropped()
{
    auto w = window(false);
    QVERIFY(w);
    dropRole(w->view(), QStringLiteral("database"), QPointF(100, 60));
    QTRY_COMPARE(w->document()->currentOption()->components.size(), size_t(1));
    const Option *o = w->document()->currentOption();
    QCOMPARE(o->components.front().role, Role::Database);
    // Centred on the drop point, on the grid.
    QCOMPARE(o->layout.at(QStringLiteral("database")), (LayoutEntry{-16, 24, false}));
    QVERIFY(w->scene()->componentItem(QStringLiteral("database"))->isSelected());
    w->document()->undoStack()->undo();
    QVERIFY(w->document()->currentOption()->components.empty());
    QCOMPARE(w->scene()->componentItemCount(), 0);
}

void TestUiCanvas::draggingABoxMovesItInOneUndoStep()
{
    auto w = window(true);
    QVERIFY(w);
    const QByteArray before = bytes(w->document()->project());
    const LayoutEntry start = w->document()->currentOption()->layout.at(QStringLiteral("backend"));
    const QPointF from = centreOf(w->scene(), QStringLiteral("backend"));
    drag(w->view(), from, from + QPointF(96, 64));
    const auto &layout = w->document()->currentOption()->layout;
    QTRY_COMPARE(layout.at(QStringLiteral("backend")),
                 (LayoutEntry{start.x + 96, start.y + 64, false}));
    QCOMPARE(w->document()->undoStack()->count(), 1);
    QCOMPARE(w->document()->undoStack()->undoText(), QStringLiteral("Move component"));
    // The arrows follow the box.
    auto *arrow = w->scene()->connectionItem(QStringLiteral("frontend-to-backend"));
    QVERIFY(w->scene()
                ->componentItem(QStringLiteral("backend"))
                ->mapRectToScene(w->scene()->componentItem(QStringLiteral("backend"))->boxRect())
                .adjusted(-1, -1, 1, 1)
                .contains(arrow->route().legs.back().back()));
    const QByteArray after = bytes(w->document()->project());
    w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);
    QCOMPARE(w->scene()->componentItem(QStringLiteral("backend"))->pos(),
             QPointF(start.x, start.y));
    w->document()->undoStack()->redo();
    QCOMPARE(bytes(w->document()->project()), after);
}

void TestUiCanvas::movesSnapToTheGrid()
{
    auto w = window(true);
    QVERIFY(w);
    const LayoutEntry start = w->document()->currentOption()->layout.at(QStringLiteral("frontend"));
    QCOMPARE(std::fmod(start.x, 8.0), 0.0); // the arranged layout is on the grid
    QCOMPARE(std::fmod(start.y, 8.0), 0.0);
    const QPointF from = centreOf(w->scene(), QStringLiteral("frontend"));
    // While the mouse is down the box already moves in grid steps: +5 and +11 show as +8 and +8.
    QWidget *vp = w->view()->viewport();
    const QGraphicsItem *box = w->scene()->componentItem(QStringLiteral("frontend"));
    QTest::mouseMove(vp, at(w->view(), from));
    QTest::mousePress(vp, Qt::LeftButton, {}, at(w->view(), from));
    for (int i = 1; i <= 4; ++i)
        QTest::mouseMove(vp, at(w->view(), from + QPointF(5, 11) * (i / 4.0)));
    QCOMPARE(box->pos(), QPointF(start.x + 8, start.y + 8));
    QCOMPARE(w->document()->undoStack()->count(), 0); // nothing is committed before the drop
    for (int i = 1; i <= 4; ++i)
        QTest::mouseMove(vp, at(w->view(), from + QPointF(5, 11) + QPointF(8, 19) * (i / 4.0)));
    QCOMPARE(box->pos(), QPointF(start.x + 16, start.y + 32));
    QTest::mouseRelease(vp, Qt::LeftButton, {}, at(w->view(), from + QPointF(13, 30)));
    // +13 and +30 snap to the nearest 8: +16 and +32.
    QTRY_COMPARE(w->document()->currentOption()->layout.at(QStringLiteral("frontend")),
                 (LayoutEntry{start.x + 16, start.y + 32, false}));
    w->canvasActions()->action(CanvasActions::SnapToGrid)->trigger(); // off
    const QPointF again = centreOf(w->scene(), QStringLiteral("frontend"));
    drag(w->view(), again, again + QPointF(13, 3));
    QTRY_COMPARE(w->document()->currentOption()->layout.at(QStringLiteral("frontend")),
                 (LayoutEntry{start.x + 16 + 13, start.y + 32 + 3, false}));
}

void TestUiCanvas::draggingFromTheHandleConnectsTwoBoxes()
{
    auto w = window(false);
    QVERIFY(w);
    w->canvas()->addComponent(Role::Backend, QPointF(0, 0));
    w->canvas()->addComponent(Role::Database, QPointF(400, 120));
    ComponentItem *backend = w->scene()->componentItem(QStringLiteral("backend"));
    const QPointF handle = backend->mapToScene(backend->handleRect().center());
    const QPointF target = centreOf(w->scene(), QStringLiteral("database"));
    QWidget *vp = w->view()->viewport();
    QTest::mouseMove(vp, at(w->view(), handle));
    QTest::mousePress(vp, Qt::LeftButton, {}, at(w->view(), handle));
    for (int i = 1; i <= 6; ++i)
        QTest::mouseMove(vp, at(w->view(), handle + (target - handle) * (i / 6.0)));
    QVERIFY(w->scene()->componentItem(QStringLiteral("database"))->isHighlighted());
    QTest::mouseRelease(vp, Qt::LeftButton, {}, at(w->view(), target));
    QTRY_COMPARE(w->document()->currentOption()->connections.size(), size_t(1));
    const Connection &c = w->document()->currentOption()->connections.front();
    QCOMPARE(c.id, QStringLiteral("backend-to-database"));
    QCOMPARE(c.from, QStringLiteral("backend"));
    QCOMPARE(c.to, QStringLiteral("database"));
    QCOMPARE(c.protocol, Protocol::Sql); // the default for backend → database
    QVERIFY(!w->scene()->componentItem(QStringLiteral("database"))->isHighlighted());
    QCOMPARE(w->scene()->connectionItem(c.id)->visual().label, QStringLiteral("sql"));
    QCOMPARE(w->document()->undoStack()->undoText(), QStringLiteral("Connect Backend to Database"));
    // Releasing on empty canvas connects nothing.
    QTest::mousePress(vp, Qt::LeftButton, {}, at(w->view(), handle));
    QTest::mouseMove(vp, at(w->view(), handle + QPointF(60, 200)));
    QTest::mouseRelease(vp, Qt::LeftButton, {}, at(w->view(), handle + QPointF(60, 200)));
    QCOMPARE(w->document()->currentOption()->connections.size(), size_t(1));
}

void TestUiCanvas::arrowsBetweenTheSameBoxesAreDrawnSideBySide()
{
    auto w = window(false);
    QVERIFY(w);
    w->canvas()->addComponent(Role::Backend, QPointF(0, 0));
    w->canvas()->addComponent(Role::Database, QPointF(400, 0));
    Document *doc = w->document();
    const QString option = doc->currentOptionId();
    QVERIFY(doc->push(connectEdit(doc->project(), option, QStringLiteral("backend"),
                                  QStringLiteral("database"))));
    const QRectF backendBox(w->scene()->componentItem(QStringLiteral("backend"))->pos(),
                            QSizeF(kBoxWidth, kBoxHeight));
    const QRectF databaseBox(w->scene()->componentItem(QStringLiteral("database"))->pos(),
                             QSizeF(kBoxWidth, kBoxHeight));
    const double y = backendBox.center().y();
    QCOMPARE(databaseBox.center().y(), y);
    ConnectionItem *sql = w->scene()->connectionItem(QStringLiteral("backend-to-database"));
    QVERIFY(sql);
    using Leg = std::vector<QPointF>;
    // Alone: straight from side to side at mid-height.
    QCOMPARE(sql->route().legs, std::vector<Leg>({{{backendBox.right(), y}, {databaseBox.left(), y}}}));

    // A second arrow between the same boxes, the other way: both ports move 9 px apart from the
    // middle (in id order at both boxes, so the arrows never cross) and the labels do not overlap.
    QVERIFY(doc->push(connectEdit(doc->project(), option, QStringLiteral("database"),
                                  QStringLiteral("backend"), Protocol::Http)));
    ConnectionItem *back = w->scene()->connectionItem(QStringLiteral("database-to-backend"));
    QVERIFY(back);
    QCOMPARE(sql->route().legs,
             std::vector<Leg>({{{backendBox.right(), y - 9}, {databaseBox.left(), y - 9}}}));
    QCOMPARE(back->route().legs,
             std::vector<Leg>({{{databaseBox.left(), y + 9}, {backendBox.right(), y + 9}}}));
    QVERIFY(!sql->route().label.intersects(back->route().label));
    // Each arrow can be picked on its own: a click on one line selects that connection.
    const QPointF onSql(backendBox.right() + 20, y - 9), onBack(backendBox.right() + 20, y + 9);
    QCOMPARE(w->scene()->items(onSql).contains(back), false);
    QCOMPARE(w->scene()->items(onSql).contains(sql), true);
    QCOMPARE(w->scene()->items(onBack).contains(sql), false);

    // Back to one arrow, it returns to the middle.
    doc->undoStack()->undo();
    QCOMPARE(sql->route().legs, std::vector<Leg>({{{backendBox.right(), y}, {databaseBox.left(), y}}}));
}

void TestUiCanvas::rubberBandSelectsAndMovesSeveralBoxesTogether()
{
    auto w = window(true);
    QVERIFY(w);
    const std::map<QString, LayoutEntry> start = w->document()->currentOption()->layout;
    drag(w->view(), QPointF(-40, -40), QPointF(600, 100));
    QTRY_COMPARE(w->scene()->selectedComponentIds(),
                 QStringList({QStringLiteral("browser"), QStringLiteral("frontend")}));
    const QByteArray before = bytes(w->document()->project());
    const QPointF from = centreOf(w->scene(), QStringLiteral("frontend"));
    drag(w->view(), from, from + QPointF(0, 160));
    const auto &layout = w->document()->currentOption()->layout;
    const LayoutEntry frontend = start.at(QStringLiteral("frontend"));
    const LayoutEntry browser = start.at(QStringLiteral("browser"));
    QTRY_COMPARE(layout.at(QStringLiteral("frontend")),
                 (LayoutEntry{frontend.x, frontend.y + 160, false}));
    QCOMPARE(layout.at(QStringLiteral("browser")),
             (LayoutEntry{browser.x, browser.y + 160, false}));
    QCOMPARE(layout.at(QStringLiteral("backend")),
             start.at(QStringLiteral("backend"))); // not selected
    QCOMPARE(w->document()->undoStack()->count(), 1);
    QCOMPARE(w->document()->undoStack()->undoText(), QStringLiteral("Move 2 components"));
    w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);
}

void TestUiCanvas::deleteKeyRemovesABoxWithItsConnectionsInOneStep()
{
    auto w = window(true);
    QVERIFY(w);
    const QByteArray before = bytes(w->document()->project());
    click(w->view(), centreOf(w->scene(), QStringLiteral("backend")));
    QTRY_COMPARE(w->scene()->selectedComponentIds(), QStringList({QStringLiteral("backend")}));
    QTest::keyClick(w->view(), Qt::Key_Delete);
    const Option *o = w->document()->currentOption();
    QTRY_VERIFY(!o->component(QStringLiteral("backend")));
    QCOMPARE(connectionIds(*o), QStringList({QStringLiteral("browser-to-frontend")}));
    QCOMPARE(w->scene()->componentItemCount(), 4);
    QCOMPARE(w->scene()->connectionItemCount(), 1);
    QCOMPARE(w->document()->undoStack()->count(), 1);
    QCOMPARE(w->document()->undoStack()->undoText(), QStringLiteral("Delete FastAPI backend"));
    const QByteArray after = bytes(w->document()->project());
    w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);
    QCOMPARE(w->scene()->componentItemCount(), 5);
    QCOMPARE(w->scene()->connectionItemCount(), 4);
    w->document()->undoStack()->redo();
    QCOMPARE(bytes(w->document()->project()), after);

    // A selected arrow alone is deleted the same way.
    w->scene()->selectElements({}, {QStringLiteral("browser-to-frontend")});
    QTest::keyClick(w->view(), Qt::Key_Delete);
    QTRY_VERIFY(w->document()->currentOption()->connections.empty());
}

void TestUiCanvas::copyAndPasteWithinAndAcrossOptions()
{
    auto w = window(true);
    QVERIFY(w);
    w->scene()->selectElements({QStringLiteral("frontend"), QStringLiteral("backend")}, {});
    QTest::keyClick(w->view(), Qt::Key_C, Qt::ControlModifier);
    QTRY_VERIFY(w->canvas()->canPaste());
    const QByteArray before = bytes(w->document()->project());
    QTest::keyClick(w->view(), Qt::Key_V, Qt::ControlModifier);
    const Option *o = w->document()->currentOption();
    QTRY_VERIFY(o->component(QStringLiteral("backend-2")));
    QVERIFY(o->component(QStringLiteral("frontend-2")));
    QVERIFY(o->connection(QStringLiteral("frontend-2-to-backend-2"))); // kept between copies
    const LayoutEntry original = o->layout.at(QStringLiteral("backend"));
    QCOMPARE(o->layout.at(QStringLiteral("backend-2")),
             (LayoutEntry{original.x + 32, original.y + 32, false}));
    QCOMPARE(w->scene()->selectedComponentIds(),
             QStringList({QStringLiteral("frontend-2"), QStringLiteral("backend-2")}));
    QCOMPARE(w->document()->undoStack()->undoText(), QStringLiteral("Paste 2 components"));
    w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);

    // Into another option: ids made unique there, the connection kept.
    w->optionTabs()->setCurrentIndex(2);
    QTRY_COMPARE(w->document()->currentOptionId(), QStringLiteral("edge-rewrite"));
    w->view()->setFocus();
    QTest::keyClick(w->view(), Qt::Key_V, Qt::ControlModifier);
    const Option *edge = w->document()->currentOption();
    QTRY_VERIFY(edge->component(QStringLiteral("backend")));
    QCOMPARE(edge->component(QStringLiteral("backend"))->binding.profile,
             QStringLiteral("google-cloud-run"));
    QVERIFY(edge->component(QStringLiteral("frontend-2")));
    QVERIFY(edge->connection(QStringLiteral("frontend-2-to-backend")));
    QCOMPARE(w->document()->project().option(QStringLiteral("hybrid"))->components.size(),
             size_t(5));
}

void TestUiCanvas::cutRemovesInOneStepAndPastesBack()
{
    auto w = window(true);
    QVERIFY(w);
    const LayoutEntry original
        = w->document()->currentOption()->layout.at(QStringLiteral("backend"));
    w->scene()->selectElements({QStringLiteral("backend"), QStringLiteral("database")}, {});
    QTest::keyClick(w->view(), Qt::Key_X, Qt::ControlModifier);
    const Option *o = w->document()->currentOption();
    QTRY_VERIFY(!o->component(QStringLiteral("backend")));
    QVERIFY(!o->component(QStringLiteral("database")));
    QCOMPARE(connectionIds(*o), QStringList({QStringLiteral("browser-to-frontend")}));
    QCOMPARE(w->document()->undoStack()->count(), 1);
    QCOMPARE(w->document()->undoStack()->undoText(), QStringLiteral("Cut 2 components"));
    QTest::keyClick(w->view(), Qt::Key_V, Qt::ControlModifier);
    // Back under their own ids and at their own places, with the connection between them.
    QTRY_VERIFY(o->component(QStringLiteral("backend")));
    QCOMPARE(o->layout.at(QStringLiteral("backend")), original);
    QVERIFY(o->connection(QStringLiteral("backend-to-database")));
    QVERIFY(o->connection(QStringLiteral("backend-to-database"))->pooled);
}

void TestUiCanvas::duplicateKeepsConnectionsBetweenTheCopies()
{
    auto w = window(true);
    QVERIFY(w);
    w->scene()->selectElements({QStringLiteral("backend"), QStringLiteral("database")}, {});
    QTest::keyClick(w->view(), Qt::Key_D, Qt::ControlModifier);
    const Option *o = w->document()->currentOption();
    QTRY_VERIFY(o->component(QStringLiteral("database-2")));
    const Connection *c = o->connection(QStringLiteral("backend-2-to-database-2"));
    QVERIFY(c);
    QVERIFY(c->pooled);
    QCOMPARE(w->document()->undoStack()->undoText(), QStringLiteral("Duplicate 2 components"));
    QCOMPARE(w->document()->undoStack()->count(), 1);
}

void TestUiCanvas::alignAndDistributeTheSelection()
{
    auto w = window(true);
    QVERIFY(w);
    const QStringList ids{QStringLiteral("backend"), QStringLiteral("database"),
                          QStringLiteral("llm-apis")};
    const auto &layout = w->document()->currentOption()->layout;
    double top = 1e9;
    for (const auto &id : ids)
        top = std::min(top, layout.at(id).y);
    const double llmX = layout.at(QStringLiteral("llm-apis")).x;
    QVERIFY(layout.at(QStringLiteral("database")).y != top); // there is something to align
    w->scene()->selectElements(ids, {});
    QVERIFY(w->canvasActions()->action(CanvasActions::AlignTop)->isEnabled());
    w->canvasActions()->action(CanvasActions::AlignTop)->trigger();
    for (const auto &id : ids)
        QCOMPARE(layout.at(id).y, top);
    QCOMPARE(w->scene()->componentItem(QStringLiteral("llm-apis"))->pos(), QPointF(llmX, top));
    w->scene()->selectElements(
        {QStringLiteral("frontend"), QStringLiteral("database"), QStringLiteral("llm-apis")}, {});
    const double left = layout.at(QStringLiteral("frontend")).x;
    w->canvasActions()->action(CanvasActions::DistributeHorizontally)->trigger();
    // The middle box goes halfway between the outer two (snapped to the 8-pixel grid).
    QCOMPARE(layout.at(QStringLiteral("database")).x, std::round((left + llmX) / 2 / 8) * 8);
    w->scene()->selectElements({QStringLiteral("frontend")}, {});
    QVERIFY(!w->canvasActions()->action(CanvasActions::AlignTop)->isEnabled());
    QCOMPARE(w->document()->undoStack()->count(), 2);
}

void TestUiCanvas::autoArrangeKeepsPinnedBoxes()
{
    auto w = window(true);
    QVERIFY(w);
    const LayoutEntry backendStart
        = w->document()->currentOption()->layout.at(QStringLiteral("backend"));
    const QPointF from = centreOf(w->scene(), QStringLiteral("backend"));
    drag(w->view(), from, from + QPointF(80, 240));
    QTRY_COMPARE(w->document()->currentOption()->layout.at(QStringLiteral("backend")).y,
                 backendStart.y + 240);
    w->canvasActions()->action(CanvasActions::Pin)->trigger();
    QVERIFY(w->document()->currentOption()->layout.at(QStringLiteral("backend")).pinned);
    QVERIFY(w->canvasActions()->action(CanvasActions::Pin)->isChecked());
    const double frontendX
        = w->document()->currentOption()->layout.at(QStringLiteral("frontend")).x;
    const QPointF f = centreOf(w->scene(), QStringLiteral("frontend"));
    drag(w->view(), f, f + QPointF(-200, -120));
    QTRY_COMPARE(w->document()->currentOption()->layout.at(QStringLiteral("frontend")).x,
                 frontendX - 200);
    const QByteArray before = bytes(w->document()->project());
    w->canvasActions()->action(CanvasActions::AutoArrange)->trigger();
    const auto &layout = w->document()->currentOption()->layout;
    QCOMPARE(layout.at(QStringLiteral("backend")),
             (LayoutEntry{backendStart.x + 80, backendStart.y + 240, true})); // pinned: kept
    QCOMPARE(layout.at(QStringLiteral("frontend")).x, kTierSpacing);
    QCOMPARE(w->document()->undoStack()->undoText(), QStringLiteral("Auto-arrange"));
    w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);
}

void TestUiCanvas::zoomWithWheelAndKeysAndFitToView()
{
    auto w = window(true);
    QVERIFY(w);
    DiagramView *view = w->view();
    const double start = view->zoom();
    const QPointF pos = view->viewport()->rect().center();
    QWheelEvent wheel(pos, view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(view->zoom() > start);
    const double wheeled = view->zoom();
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QTRY_VERIFY(view->zoom() < wheeled);
    QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
    const QRect content = view->mapFromScene(w->scene()->contentRect()).boundingRect();
    QTRY_VERIFY(view->viewport()->rect().contains(content));
    QTest::keyClick(view, Qt::Key_1, Qt::ControlModifier);
    QTRY_COMPARE(view->zoom(), 1.0);
}

void TestUiCanvas::fitFollowsTheViewSizeUntilTheUserZooms()
{
    auto w = window(true);
    QVERIFY(w);
    DiagramView *view = w->view();
    QVERIFY(!view->followsFit()); // window() set the zoom to 100 %
    QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(view->followsFit());
    const double fitted = view->zoom();
    auto contentFits = [&] {
        const QRect content = view->mapFromScene(w->scene()->contentRect()).boundingRect();
        return view->viewport()->rect().contains(content);
    };
    // A narrower view (a dock opened, the window shrunk) fits again.
    const int viewWidth = view->width();
    w->resize(w->width() - viewWidth / 2, w->height());
    QTRY_VERIFY(view->width() < viewWidth);
    QTRY_VERIFY(view->zoom() < fitted);
    QVERIFY(contentFits());
    QVERIFY(view->followsFit());
    // Once the user zooms, the zoom stays when the view changes size.
    QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(!view->followsFit());
    const double chosen = view->zoom();
    const int narrow = view->width();
    w->resize(w->width() + viewWidth / 2, w->height());
    QTRY_VERIFY(view->width() > narrow);
    QCOMPARE(view->zoom(), chosen);
    // Scrolling by hand ends the following too.
    QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(view->followsFit());
    view->horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    QVERIFY(!view->followsFit());
}

void TestUiCanvas::panWithTheMiddleButton()
{
    auto w = window(true);
    QVERIFY(w);
    QWidget *vp = w->view()->viewport();
    const int h = w->view()->horizontalScrollBar()->value();
    const QPoint start = vp->rect().center();
    QTest::mousePress(vp, Qt::MiddleButton, {}, start);
    QTest::mouseMove(vp, start + QPoint(-60, 0));
    QTest::mouseMove(vp, start + QPoint(-120, 0));
    QTest::mouseRelease(vp, Qt::MiddleButton, {}, start + QPoint(-120, 0));
    QCOMPARE(w->view()->horizontalScrollBar()->value(), h + 120);
    QCOMPARE(w->document()->undoStack()->count(), 0); // panning edits nothing
}

void TestUiCanvas::renameInPlaceWithF2OrDoubleClick()
{
    auto w = window(true);
    QVERIFY(w);
    click(w->view(), centreOf(w->scene(), QStringLiteral("backend")));
    QTRY_COMPARE(w->scene()->selectedComponentIds(), QStringList({QStringLiteral("backend")}));
    QTest::keyClick(w->view(), Qt::Key_F2);
    QTRY_VERIFY(w->canvas()->renameEditor());
    QCOMPARE(w->canvas()->renameEditor()->text(), QStringLiteral("FastAPI backend"));
    shot(w.get(), QStringLiteral("canvas-rename"));
    QTest::keyClicks(w->canvas()->renameEditor(), QStringLiteral("API"));
    QTest::keyClick(w->canvas()->renameEditor(), Qt::Key_Return);
    QTRY_COMPARE(w->document()->currentOption()->component(QStringLiteral("backend"))->name,
                 QStringLiteral("API"));
    QCOMPARE(w->document()->undoStack()->undoText(),
             QStringLiteral("Rename FastAPI backend to API"));
    QCOMPARE(w->scene()->componentItem(QStringLiteral("backend"))->visual().name,
             QStringLiteral("API"));

    // Double-click opens the same editor; Escape cancels.
    QTest::mouseDClick(w->view()->viewport(), Qt::LeftButton, {},
                       at(w->view(), centreOf(w->scene(), QStringLiteral("database"))));
    QTRY_VERIFY(w->canvas()->renameEditor());
    QTest::keyClicks(w->canvas()->renameEditor(), QStringLiteral("Nope"));
    QTest::keyClick(w->canvas()->renameEditor(), Qt::Key_Escape);
    QTRY_VERIFY(!w->canvas()->renameEditor());
    QCOMPARE(w->document()->currentOption()->component(QStringLiteral("database"))->name,
             QStringLiteral("Supabase Postgres"));
    QCOMPARE(w->document()->undoStack()->count(), 1);
}

void TestUiCanvas::arrowKeysNudgeInOneMergedStep()
{
    auto w = window(true);
    QVERIFY(w);
    const LayoutEntry start = w->document()->currentOption()->layout.at(QStringLiteral("backend"));
    w->scene()->selectElements({QStringLiteral("backend")}, {});
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(w->view(), Qt::Key_Right);               // 3 × one grid step (8)
    QTest::keyClick(w->view(), Qt::Key_Down, Qt::ShiftModifier); // one big step (32)
    QCOMPARE(w->document()->currentOption()->layout.at(QStringLiteral("backend")),
             (LayoutEntry{start.x + 24, start.y + 32, false}));
    QCOMPARE(w->document()->undoStack()->count(), 1);
    w->document()->undoStack()->undo();
    QCOMPARE(w->document()->currentOption()->layout.at(QStringLiteral("backend")), start);
    QTest::keyClick(w->view(), Qt::Key_Escape);
    QVERIFY(w->scene()->selectedItems().isEmpty());
}

void TestUiCanvas::editMenuShowsTheUndoText()
{
    auto w = window(true);
    QVERIFY(w);
    w->scene()->selectElements({QStringLiteral("llm-apis")}, {});
    w->canvasActions()->action(CanvasActions::Delete)->trigger();
    QAction *undo = nullptr;
    for (QAction *a : w->findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(QKeySequence::Undo))
            undo = a;
    QVERIFY(undo);
    QCOMPARE(undo->text(), QStringLiteral("&Undo Delete Gemini, Groq, Anthropic, Tavily"));
    QVERIFY(undo->isEnabled());
}

QTEST_MAIN(TestUiCanvas)
#include "test_ui_canvas.moc"
