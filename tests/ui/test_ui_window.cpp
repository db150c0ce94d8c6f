// The main window opens a project and the canvas shows it faithfully.
#include "canvas/componentitem.h"
#include "canvas/connectionitem.h"
#include "canvas/diagramscene.h"
#include "document.h"
#include "mainwindow.h"
#include "optiontabs.h"
#include "profiles/catalogue.h"

#include <QFontDatabase>
#include <QTabBar>
#include <QtTest>

using namespace stackplan;

class TestUiWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void windowShowsOneItemPerComponentAndConnection();
    void optionTabsSwitchTheCanvas();

private:
    Catalogue m_catalogue;
};

void TestUiWindow::initTestCase()
{
    QVERIFY(!QFontDatabase::families().isEmpty()); // missing fonts fail silently otherwise
    m_catalogue = Catalogue::standard({}, false);
}

void TestUiWindow::windowShowsOneItemPerComponentAndConnection()
{
    MainWindow w(&m_catalogue);
    QVERIFY(w.openFile(
        QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/allogator.stackplan.json")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const Option *o = w.document()->currentOption();
    QCOMPARE(o->id, QStringLiteral("hybrid")); // opens on the baseline
    QCOMPARE(w.scene()->componentItemCount(), 5);
    QCOMPARE(w.scene()->connectionItemCount(), 4);
    int boxes = 0, arrows = 0;
    for (auto *item : w.scene()->items()) {
        boxes += item->type() == ComponentItem::Type;
        arrows += item->type() == ConnectionItem::Type;
    }
    QCOMPARE(boxes, 5);
    QCOMPARE(arrows, 4);
    ComponentItem *backend = w.scene()->componentItem(QStringLiteral("backend"));
    QVERIFY(backend);
    QCOMPARE(backend->visual().name, QStringLiteral("FastAPI backend"));
    QCOMPARE(backend->visual().bindingLine, QStringLiteral("Google Cloud Run · request-based"));
    QCOMPARE(backend->pos(), QPointF(o->layout.at(QStringLiteral("backend")).x,
                                     o->layout.at(QStringLiteral("backend")).y));
    QCOMPARE(w.scene()->connectionItem(QStringLiteral("backend-to-database"))->visual().label,
             QStringLiteral("sql (pooled)"));
    QCOMPARE(w.windowTitle(), QStringLiteral("allogator.stackplan.json[*] — Stackplan"));
}

void TestUiWindow::optionTabsSwitchTheCanvas()
{
    MainWindow w(&m_catalogue);
    QVERIFY(w.openFile(
        QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/allogator.stackplan.json")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.optionTabs()->count(), 3);
    // Long names are shortened to a sensible width; the tooltip has the full name.
    QCOMPARE(w.optionTabs()->tabText(1),
             w.optionTabs()->fontMetrics().elidedText(
                 QStringLiteral("React on Workers + FastAPI on Cloud Run + Supabase"),
                 Qt::ElideRight, OptionTabs::kTabTextWidth)
                 + QStringLiteral(" ★"));
    QVERIFY(w.optionTabs()->tabToolTip(1).startsWith(
        QStringLiteral("React on Workers + FastAPI on Cloud Run + Supabase")));
    w.optionTabs()->setCurrentIndex(2);
    QTRY_COMPARE(w.document()->currentOptionId(), QStringLiteral("edge-rewrite"));
    QVERIFY(w.scene()->componentItem(QStringLiteral("api")));
    QVERIFY(!w.scene()->componentItem(QStringLiteral("backend")));
    QCOMPARE(w.scene()->componentItem(QStringLiteral("d1"))->visual().bindingLine,
             QStringLiteral("Cloudflare D1 · paid"));
}

QTEST_MAIN(TestUiWindow)
#include "test_ui_window.moc"
