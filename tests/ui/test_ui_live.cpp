// Live validation and costing in the main window: an inspector edit that breaks a limit makes the
// badge and the problem row appear; a quick fix is one undoable command; a problem row shows its
// element; tabs and status bar carry the counts; the Costs dock follows the model.
#include "analysis/analysisdocks.h"
#include "analysis/costpanel.h"
#include "analysis/problemspanel.h"
#include "analysis/analysiscontroller.h"
#include "document.h"
#include "mainwindow.h"
#include "panels/componentinspector.h"
#include "panels/fieldeditors.h"
#include "panels/inspector.h"
#include "profiles/catalogue.h"
#include "uitest.h"

#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QTabBar>
#include <QTextDocumentFragment>
#include <QTableView>
#include <QUndoStack>

using namespace stackplan;
using namespace uitest;

class TestUiLive : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void memoryAboveTheLimitShowsBadgeAndProblemRow();
    void quickFixIsOneUndoableCommand();
    void problemRowShowsItsElement();
    void tabsAndStatusBarCarryTheCounts();
    void costsFollowTheModel();

private:
    std::unique_ptr<MainWindow> window(const QString &option = QString());
    Catalogue m_catalogue;
};

std::unique_ptr<MainWindow> TestUiLive::window(const QString &option)
{
    return exampleWindow(&m_catalogue, option, QSize(1500, 950));
}

void TestUiLive::memoryAboveTheLimitShowsBadgeAndProblemRow()
{
    auto w = window();
    QVERIFY(w);
    AnalysisController *v = w->analysis()->validation();
    QTRY_VERIFY(!v->isBusy());
    ComponentItem *backend = w->scene()->componentItem(QStringLiteral("backend"));
    QCOMPARE(backend->visual().badge, BadgeSeverity::None);
    QCOMPARE(w->analysis()->problems()->table()->model()->rowCount(), 0);

    // Select the FastAPI backend on the canvas and raise its memory past Cloud Run's 32 GiB.
    click(w->view(), centreOf(w->scene(), QStringLiteral("backend")));
    QTRY_COMPARE(w->scene()->selectedComponentIds(), QStringList({"backend"}));
    auto *memory = qobject_cast<NumberField *>(
        w->inspector()->componentPage()->field(QStringLiteral("memory")));
    QVERIFY(memory);
    memory->lineEdit()->selectAll();
    QTest::keyClicks(memory->lineEdit(), QStringLiteral("40000"));
    QCOMPARE(
        *w->document()->currentOption()->component(QStringLiteral("backend"))->workload.memoryMb,
        40000.0);

    QTRY_COMPARE(backend->visual().badge, BadgeSeverity::Error);
    QCOMPARE(backend->visual().badgeCount, 1);
    // The full name, then the findings, as rich text that wraps.
    QVERIFY(backend->toolTip().startsWith(QStringLiteral(
        "<p><b>FastAPI backend</b></p><p>limit.memory: FastAPI backend needs 40,000 MB of memory")));
    ProblemsPanel *problems = w->analysis()->problems();
    // The error, and the budget info: 40 GB for every request is within $80 only at typical
    // traffic.
    QTRY_COMPARE(problems->table()->model()->rowCount(), 2);
    QCOMPARE(problems->findingAt(0)->rule, QStringLiteral("limit.memory"));
    QCOMPARE(problems->findingAt(1)->rule, QStringLiteral("cost.budget"));
    QCOMPARE(problems->findingAt(0)->message,
             QStringLiteral("FastAPI backend needs 40,000 MB of memory; Google Cloud Run "
                            "(Request-based billing (Tier 1)) "
                            "allows 32,768 MB"));
    saveScreenshot(w.get(), QStringLiteral("live-validation"));

    // Undo brings the model, the badge and the table back.
    w->document()->undoStack()->undo();
    QTRY_COMPARE(backend->visual().badge, BadgeSeverity::None);
    QTRY_COMPARE(problems->table()->model()->rowCount(), 0);
}

void TestUiLive::quickFixIsOneUndoableCommand()
{
    auto w = window(QStringLiteral("all-workers"));
    QVERIFY(w);
    ProblemsPanel *problems = w->analysis()->problems();
    QTRY_COMPARE(problems->table()->model()->rowCount(), 4);
    const QByteArray before = serializeProject(w->document()->project());
    const Finding *language = nullptr;
    for (int r = 0; r < problems->table()->model()->rowCount(); ++r)
        if (problems->findingAt(r)->rule == QLatin1String("runtime.language"))
            language = problems->findingAt(r);
    QVERIFY(language);
    const Finding copy = *language;
    // Instance-based billing comes first since its prices and free tier are known (issue 14).
    QCOMPARE(copy.fixes.front().label,
             QStringLiteral(
                 "Bind FastAPI backend to Google Cloud Run (Instance-based billing (Tier 1))"));
    QVERIFY(problems->applyFix(copy, 0));
    QCOMPARE(w->document()->undoStack()->undoText(), copy.fixes.front().label);
    // The rebinding clears all four backend errors.
    QTRY_COMPARE(problems->table()->model()->rowCount(), 0);
    QTRY_COMPARE(w->scene()->componentItem(QStringLiteral("backend"))->visual().bindingLine,
                 QStringLiteral("Google Cloud Run · instance-based"));
    w->document()->undoStack()->undo();
    QCOMPARE(serializeProject(w->document()->project()), before);
    QTRY_COMPARE(problems->table()->model()->rowCount(), 4);
}

void TestUiLive::problemRowShowsItsElement()
{
    auto w = window(QStringLiteral("all-workers"));
    QVERIFY(w);
    QVERIFY(crowdTheDatabase(w->document()));
    ProblemsPanel *problems = w->analysis()->problems();
    QTRY_COMPARE(problems->table()->model()->rowCount(), 6);
    int pooling = -1;
    for (int r = 0; r < problems->table()->model()->rowCount(); ++r)
        if (problems->findingAt(r)->rule == QLatin1String("connection.pooling"))
            pooling = r;
    QVERIFY(pooling >= 0);
    const QPoint cell
        = problems->table()->visualRect(problems->table()->model()->index(pooling, 3)).center();
    QTest::mouseClick(problems->table()->viewport(), Qt::LeftButton, {}, cell);
    QTest::mouseDClick(problems->table()->viewport(), Qt::LeftButton, {}, cell);
    QTRY_COMPARE(w->scene()->selectedConnectionIds(), QStringList({"backend-to-database"}));
    QCOMPARE(w->scene()->selectedComponentIds(), QStringList());
    // The view is centred on the arrow.
    const QPointF mid = w->scene()
                            ->connectionItem(QStringLiteral("backend-to-database"))
                            ->sceneBoundingRect()
                            .center();
    const QPointF viewCentre = w->view()->mapToScene(w->view()->viewport()->rect().center());
    QVERIFY2(QLineF(mid, viewCentre).length() < 40, qPrintable(QStringLiteral("%1,%2 vs %3,%4")
                                                                   .arg(mid.x())
                                                                   .arg(mid.y())
                                                                   .arg(viewCentre.x())
                                                                   .arg(viewCentre.y())));
}

void TestUiLive::tabsAndStatusBarCarryTheCounts()
{
    auto w = window(QStringLiteral("all-workers"));
    QVERIFY(w);
    QTRY_VERIFY(!w->analysis()->validation()->isBusy());
    QTRY_COMPARE(w->analysis()->statusCounts()->text(),
                 QStringLiteral("4 errors · 0 warnings · 0 infos"));
    QTabBar *tabs = w->optionTabs();
    QTRY_VERIFY(tabs->tabToolTip(0).endsWith(QStringLiteral("4 errors, 0 warnings, 0 infos")));
    QVERIFY(tabs->tabToolTip(1).endsWith(QStringLiteral("0 errors, 0 warnings, 0 infos")));
    QVERIFY(!tabs->tabIcon(0).isNull());
    const QImage errorDot = tabs->tabIcon(0).pixmap(12, 12).toImage();
    QCOMPARE(errorDot.pixelColor(6, 6), QColor(0xd3, 0x2f, 0x2f)); // red: errors
    const QImage noDot = tabs->tabIcon(1).pixmap(12, 12).toImage();
    QCOMPARE(noDot.pixelColor(6, 6).alpha(), 0); // clean option: no dot
    w->document()->setCurrentOption(QStringLiteral("hybrid"));
    QTRY_COMPARE(w->analysis()->statusCounts()->text(),
                 QStringLiteral("0 errors · 0 warnings · 0 infos"));
}

void TestUiLive::costsFollowTheModel()
{
    auto w = window();
    QVERIFY(w);
    CostPanel *costs = w->analysis()->costs();
    QTRY_COMPARE(costs->bill().option, QStringLiteral("hybrid"));
    QCOMPARE(costs->bill().totalText(), QStringLiteral("≥ $26.68 (1 unknown)"));
    // Doubling the backend's traffic doubles the billable CPU beyond the free tier.
    Component c = *w->document()->currentOption()->component(QStringLiteral("backend"));
    c.traffic.requestsPerMonth = 200000;
    QVERIFY(w->document()->push(updateComponentEdit(
        w->document()->project(), QStringLiteral("hybrid"), c, QStringLiteral("Traffic"))));
    // 500,000 vCPU-s − 180,000 = 320,000 × $0.000024 = $7.68; GiB-s 250,000 still free.
    QTRY_COMPARE(costs->bill().totalText(), QStringLiteral("≥ $32.68 (1 unknown)"));
    w->document()->setCurrentOption(QStringLiteral("edge-rewrite"));
    QTRY_COMPARE(costs->bill().option, QStringLiteral("edge-rewrite"));
    QCOMPARE(costs->bill().totalText(), QStringLiteral("$34.70"));
    QWidget *dock = costs;
    while (dock && !qobject_cast<QDockWidget *>(dock))
        dock = dock->parentWidget();
    QVERIFY(dock);
    dock->raise();
    shot(w.get(), QStringLiteral("main-window-costs"));
}

QTEST_MAIN(TestUiLive)
#include "test_ui_live.moc"
