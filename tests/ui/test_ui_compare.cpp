// The one analysis a document owns (findings, bills, sweep and comparison of every option) and
// its views: it runs once per edit however many views are open; a quick fix computed for an
// older revision is refused; the Compare view shows every option side by side, follows edits
// and baseline changes, and makes the clicked option current.
#include "analysis/analysiscontroller.h"
#include "analysis/analysisdocks.h"
#include "analysis/compareview.h"
#include "analysis/costpanel.h"
#include "analysis/problemspanel.h"
#include "compare/comparison.h"
#include "document.h"
#include "mainwindow.h"
#include "profiles/catalogue.h"
#include "screenshot.h"
#include "uitest.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QTableWidget>
#include <QUndoStack>
#include <QtTest>

using namespace stackplan;

namespace {

QString example(const char *file)
{
    return QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/") + QLatin1String(file);
}

int rowOf(QTableWidget *t, const QString &key)
{
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->verticalHeaderItem(r)->data(Qt::UserRole).toString() == key)
            return r;
    return -1;
}

int columnOf(QTableWidget *t, const QString &option)
{
    for (int c = 0; c < t->columnCount(); ++c)
        if (t->horizontalHeaderItem(c)->data(Qt::UserRole).toString() == option)
            return c;
    return -1;
}

QString cell(QTableWidget *t, const QString &key, const QString &option)
{
    const int r = rowOf(t, key), c = columnOf(t, option);
    return r >= 0 && c >= 0 && t->item(r, c) ? t->item(r, c)->text() : QStringLiteral("<none>");
}

Edit backendTraffic(const Document &doc, const QString &option, double requests)
{
    Component c = *doc.project().option(option)->component(QStringLiteral("backend"));
    c.traffic.requestsPerMonth = requests;
    return updateComponentEdit(doc.project(), option, c, QStringLiteral("Traffic"));
}

} // namespace

class TestUiCompare : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void analysisRunsOncePerEditNotOncePerView();
    void quickFixForAnOlderRevisionIsRefused();
    void compareViewShowsEveryOption();
    void switchingTheBaselineChangesTheDeltas();
    void anEditUpdatesItsColumn();
    void clickingAColumnOrABarSwitchesOption();
    void compareModeAtTheDefaultWindowSize_data();
    void compareModeAtTheDefaultWindowSize();

private:
    Catalogue m_catalogue;
};

void TestUiCompare::analysisRunsOncePerEditNotOncePerView()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(example("allogator.stackplan.json"), nullptr));
    AnalysisController *a = doc.analysis();
    // Every view of the analysis open and visible at once.
    ProblemsPanel problems(&doc, a);
    CostPanel costs(&doc);
    CompareView compare(&doc);
    for (QWidget *w : {static_cast<QWidget *>(&problems), static_cast<QWidget *>(&costs),
                       static_cast<QWidget *>(&compare)}) {
        w->resize(900, 500);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
    }
    QTRY_VERIFY(!a->isBusy() && a->isCurrent());
    const int runs = a->runs();
    QCOMPARE(a->analysis().revision, doc.revision());

    QVERIFY(doc.push(backendTraffic(doc, QStringLiteral("hybrid"), 200000)));
    QTRY_VERIFY(!a->isBusy() && a->isCurrent());
    QCOMPARE(a->runs(), runs + 1);
    // A burst of edits within one event-loop turn is analysed once.
    QVERIFY(doc.push(backendTraffic(doc, QStringLiteral("hybrid"), 300000)));
    QVERIFY(doc.push(backendTraffic(doc, QStringLiteral("hybrid"), 400000)));
    QVERIFY(doc.push(backendTraffic(doc, QStringLiteral("hybrid"), 500000)));
    QTRY_VERIFY(!a->isBusy() && a->isCurrent());
    QCOMPARE(a->runs(), runs + 2);
    // Every view shows that one result. 500,000 requests × 2.5 vCPU-s = 1,250,000 − 180,000 free
    // = 1,070,000 × $0.000024 = $25.68; × 0.5 GiB = 625,000 GiB-s − 360,000 free = 265,000 ×
    // $0.0000025 = $0.66; + Supabase $25.00 (the same as the hybrid option at ×5).
    QTRY_COMPARE(costs.bill().totalText(), QStringLiteral("≥ $51.34 (1 unknown)"));
    QCOMPARE(costs.sweep().series.size(), a->analysis().sweep.series.size());
    QCOMPARE(costs.sweep().series[1].totals, a->analysis().sweep.series[1].totals);
    QTRY_COMPARE(cell(compare.table(), QStringLiteral("cost-typical"), QStringLiteral("hybrid")),
                 QStringLiteral("≥ $51.34 (1 unknown)"));
    QCOMPARE(a->analysis().comparison.option(QStringLiteral("hybrid"))->costs[1].text,
             QStringLiteral("≥ $51.34 (1 unknown)"));
    // The views did not analyse again: still one run per burst.
    QCOMPARE(a->runs(), runs + 2);
}

void TestUiCompare::quickFixForAnOlderRevisionIsRefused()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(example("allogator.stackplan.json"), nullptr));
    doc.setCurrentOption(QStringLiteral("all-workers"));
    QVERIFY(uitest::crowdTheDatabase(&doc));
    ProblemsPanel panel(&doc, doc.analysis());
    QTRY_COMPARE(panel.table()->model()->rowCount(), 6);
    QTRY_COMPARE(panel.shownRevision(), doc.revision());
    const Finding *pooling = nullptr;
    for (int r = 0; r < panel.table()->model()->rowCount(); ++r)
        if (panel.findingAt(r)->rule == QLatin1String("connection.pooling"))
            pooling = panel.findingAt(r);
    QVERIFY(pooling);
    const Finding fix = *pooling;
    const quint64 proposedAt = panel.shownRevision();

    // A later edit: the backend goes back to 10 instances, which fit the database.
    Component backend = *doc.project()
                             .option(QStringLiteral("all-workers"))
                             ->component(QStringLiteral("backend"));
    backend.workload.maxInstances = 10;
    QVERIFY(doc.push(updateComponentEdit(doc.project(), QStringLiteral("all-workers"), backend,
                                         QStringLiteral("Instances"))));
    const QByteArray afterEdit = serializeProject(doc.project());
    QSignalSpy rejected(&doc, &Document::editRejected);
    // Before the analysis catches up, the panel still shows the old finding: its fix is refused,
    // both by the revision it carries and by the panel's own (stale) revision.
    QVERIFY(!panel.applyFix(fix, 0, proposedAt));
    QVERIFY(!panel.applyFix(fix, 0));
    QCOMPARE(rejected.count(), 2);
    QVERIFY(rejected.at(0).at(0).toString().contains(QStringLiteral("The design changed")));
    QCOMPARE(serializeProject(doc.project()), afterEdit); // the later edit is intact
    QCOMPARE(doc.undoStack()->count(), 1);
    // Once the analysis is current, the finding is gone (10 × 5 = 50 fit Micro's 60).
    QTRY_COMPARE(panel.shownRevision(), doc.revision());
    QTRY_COMPARE(panel.table()->model()->rowCount(), 4);
    // Undo brings it back; a fix chosen from the current list applies.
    doc.undoStack()->undo();
    QTRY_COMPARE(panel.shownRevision(), doc.revision());
    QTRY_COMPARE(panel.table()->model()->rowCount(), 6);
    const Finding *again = nullptr;
    for (int r = 0; r < panel.table()->model()->rowCount(); ++r)
        if (panel.findingAt(r)->rule == QLatin1String("connection.pooling"))
            again = panel.findingAt(r);
    QVERIFY(again);
    const Finding current = *again;
    QVERIFY(panel.applyFix(current, 0));
    QCOMPARE(doc.undoStack()->undoText(), current.fixes[0].label);
}

void TestUiCompare::compareViewShowsEveryOption()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(example("allogator.stackplan.json"), nullptr));
    doc.analysis()->analyseNow();
    CompareView view(&doc);
    view.resize(1400, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableWidget *t = view.table();
    QCOMPARE(t->columnCount(), 3);
    QCOMPARE(t->horizontalHeaderItem(0)->text(),
             QStringLiteral("Everything on Cloudflare\nWorkers"));
    QCOMPARE(t->horizontalHeaderItem(1)->text(),
             QStringLiteral("★ React on Workers +\nFastAPI on Cloud Run +\nSupabase\n(baseline)"));
    // Costs at the three levels (×0.3, ×1, ×5), the typical one against the baseline.
    QCOMPARE(cell(t, QStringLiteral("cost-typical"), QStringLiteral("all-workers")),
             QStringLiteral("$25.00"));
    QCOMPARE(cell(t, QStringLiteral("cost-typical"), QStringLiteral("hybrid")),
             QStringLiteral("≥ $26.68 (1 unknown)"));
    QCOMPARE(cell(t, QStringLiteral("cost-typical"), QStringLiteral("edge-rewrite")),
             QStringLiteral("$34.70"));
    QCOMPARE(cell(t, QStringLiteral("delta"), QStringLiteral("hybrid")),
             QStringLiteral("baseline"));
    QCOMPARE(cell(t, QStringLiteral("delta"), QStringLiteral("all-workers")),
             QStringLiteral("−6 % vs baseline"));
    QCOMPARE(cell(t, QStringLiteral("delta"), QStringLiteral("edge-rewrite")),
             QStringLiteral("+30 % vs baseline"));
    QCOMPARE(cell(t, QStringLiteral("findings"), QStringLiteral("all-workers")),
             QStringLiteral("4 errors"));
    // The best value of a row is highlighted: the cheapest at typical traffic is all-workers.
    const int typical = rowOf(t, QStringLiteral("cost-typical"));
    QVERIFY(t->item(typical, 0)->data(Qt::UserRole).toBool());
    QVERIFY(!t->item(typical, 1)->data(Qt::UserRole).toBool());
    QVERIFY(t->item(typical, 0)->font().bold());
    // The grouped bar chart: one set per traffic level, one bar per option.
    const auto sets = view.barSeries()->barSets();
    QCOMPARE(sets.size(), 3);
    QCOMPARE(sets[0]->label(), QStringLiteral("Low ×0.3"));
    QCOMPARE(sets[2]->label(), QStringLiteral("High ×5"));
    QCOMPARE(sets[1]->count(), 3);
    QCOMPARE(sets[1]->at(2), doc.analysis()->analysis().comparison.options[2].costs[1].total);
    QCOMPARE(sets[2]->at(2), 166.7); // 15 M neurons − 0.3 M free × $0.011/1,000 + $5
    QVERIFY(view.crossoverLabel()->text().contains(QStringLiteral("becomes cheaper than")));
    saveScreenshot(&view, QStringLiteral("compare-view-allogator"));
}

void TestUiCompare::switchingTheBaselineChangesTheDeltas()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(example("allogator.stackplan.json"), nullptr));
    doc.analysis()->analyseNow();
    CompareView view(&doc);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableWidget *t = view.table();
    QCOMPARE(view.baselineSelector()->currentData().toString(), QStringLiteral("hybrid"));
    view.baselineSelector()->setCurrentIndex(
        view.baselineSelector()->findData(QStringLiteral("all-workers")));
    QCOMPARE(doc.project().baseline, QStringLiteral("all-workers")); // one undoable edit
    QCOMPARE(doc.undoStack()->count(), 1);
    QTRY_COMPARE(cell(t, QStringLiteral("delta"), QStringLiteral("all-workers")),
                 QStringLiteral("baseline"));
    // $26.68 against $25.00: +6.7 % → "+7 %"; $34.70: +38.8 % → "+39 %".
    QCOMPARE(cell(t, QStringLiteral("delta"), QStringLiteral("hybrid")),
             QStringLiteral("+7 % vs baseline"));
    QCOMPARE(cell(t, QStringLiteral("delta"), QStringLiteral("edge-rewrite")),
             QStringLiteral("+39 % vs baseline"));
    QCOMPARE(cell(t, QStringLiteral("findings-delta"), QStringLiteral("hybrid")),
             QStringLiteral("−4 errors"));
    QCOMPARE(t->horizontalHeaderItem(0)->text(),
             QStringLiteral("★ Everything on Cloudflare\nWorkers\n(baseline)"));
    doc.undoStack()->undo();
    QTRY_COMPARE(cell(t, QStringLiteral("delta"), QStringLiteral("hybrid")),
                 QStringLiteral("baseline"));
    QCOMPARE(view.baselineSelector()->currentData().toString(), QStringLiteral("hybrid"));
}

void TestUiCompare::anEditUpdatesItsColumn()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(example("allogator.stackplan.json"), nullptr));
    doc.analysis()->analyseNow();
    CompareView view(&doc);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableWidget *t = view.table();
    const QString before = cell(t, QStringLiteral("cost-typical"), QStringLiteral("edge-rewrite"));
    QVERIFY(doc.push(backendTraffic(doc, QStringLiteral("hybrid"), 200000)));
    // 500,000 vCPU-s − 180,000 = 320,000 × $0.000024 = $7.68 + $25.00.
    QTRY_COMPARE(cell(t, QStringLiteral("cost-typical"), QStringLiteral("hybrid")),
                 QStringLiteral("≥ $32.68 (1 unknown)"));
    QCOMPARE(cell(t, QStringLiteral("cost-typical"), QStringLiteral("edge-rewrite")), before);
    // A hidden view does not rebuild; it catches up when shown.
    const int refreshes = view.refreshes();
    view.hide();
    doc.undoStack()->undo();
    QTRY_VERIFY(doc.analysis()->isCurrent() && !doc.analysis()->isBusy());
    QCOMPARE(view.refreshes(), refreshes);
    view.show();
    QCOMPARE(view.refreshes(), refreshes + 1);
    QCOMPARE(cell(t, QStringLiteral("cost-typical"), QStringLiteral("hybrid")),
             QStringLiteral("≥ $26.68 (1 unknown)"));
}

void TestUiCompare::clickingAColumnOrABarSwitchesOption()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(example("allogator.stackplan.json"), nullptr));
    doc.analysis()->analyseNow();
    CompareView view(&doc);
    view.resize(1400, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableWidget *t = view.table();
    QCOMPARE(doc.currentOptionId(), QStringLiteral("hybrid"));
    const QRect rect = t->visualItemRect(t->item(rowOf(t, QStringLiteral("findings")), 2));
    QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(doc.currentOptionId(), QStringLiteral("edge-rewrite"));
    QVERIFY(t->horizontalHeaderItem(2)->font().bold()); // the current option's heading
    QVERIFY(!t->horizontalHeaderItem(1)->font().bold());
    const int x = t->horizontalHeader()->sectionViewportPosition(0) + 10;
    QTest::mouseClick(t->horizontalHeader()->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
    QCOMPARE(doc.currentOptionId(), QStringLiteral("all-workers"));
    emit view.barSeries()->barSets()[1]->clicked(1); // a bar of the hybrid option
    QCOMPARE(doc.currentOptionId(), QStringLiteral("hybrid"));
    QSignalSpy open(&view, &CompareView::openRequested);
    QTest::mouseDClick(t->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("edge-rewrite"));
}

void TestUiCompare::compareModeAtTheDefaultWindowSize_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("options");
    QTest::newRow("allogator") << QStringLiteral("allogator.stackplan.json") << 3;
    QTest::newRow("fastapi") << QStringLiteral("fastapi-websockets-baml.stackplan.json") << 5;
    QTest::newRow("flrts") << QStringLiteral("flrts-cloudflare-migration.stackplan.json") << 2;
    QTest::newRow("containers") << QStringLiteral("cloudflare-containers-starter.stackplan.json")
                                << 2;
    QTest::newRow("inkcre") << QStringLiteral("inkcre-python-workers.stackplan.json") << 2;
}

void TestUiCompare::compareModeAtTheDefaultWindowSize()
{
    QFETCH(QString, file);
    QFETCH(int, options);
    MainWindow w(&m_catalogue);
    w.resize(1440, 900);
    QVERIFY(w.openFile(example(qPrintable(file))));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QDockWidget *problems = w.findChild<QDockWidget *>(QStringLiteral("ProblemsDock"));
    QVERIFY(problems && problems->isVisible());
    w.compareAction()->trigger();
    QVERIFY(w.compareMode());
    QVERIFY(w.compareView()->isVisible());
    QVERIFY(!problems->isVisible()); // the docks make room for the comparison
    QTRY_VERIFY(w.document()->analysis()->isCurrent());
    QTRY_COMPARE(w.compareView()->table()->columnCount(), options);
    QApplication::processEvents();
    // Readable without resizing anything: every row and every column fits, nothing scrolls.
    QTableWidget *t = w.compareView()->table();
    QVERIFY2(!t->verticalScrollBar()->isVisible(), qPrintable(file));
    QVERIFY2(!t->horizontalScrollBar()->isVisible(), qPrintable(file));
    for (int c = 0; c < t->columnCount(); ++c)
        QVERIFY(t->columnWidth(c) >= 110);
    uitest::shot(&w, QStringLiteral("compare-") + file.section(QLatin1Char('.'), 0, 0));
    w.compareAction()->trigger();
    QVERIFY(!w.compareMode());
    QVERIFY(problems->isVisible()); // back as they were
    QVERIFY(w.view()->isVisible());
}

QTEST_MAIN(TestUiCompare)
#include "test_ui_compare.moc"
