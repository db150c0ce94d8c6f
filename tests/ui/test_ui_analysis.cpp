// The Problems and Costs panels: views of the validation and bill of the current option,
// recomputed from model changes, with fixes applied as undoable commands.
#include "analysis/costpanel.h"
#include "analysis/problemspanel.h"
#include "analysis/analysiscontroller.h"
#include "cost/billjson.h"
#include "document.h"
#include "io/projectfile.h"
#include "profiles/catalogue.h"
#include "screenshot.h"
#include "uitest.h"

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSlider>
#include <QStackedBarSeries>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace stackplan;

namespace {
const QString kExample
    = QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/allogator.stackplan.json");
}

class TestUiAnalysis : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void validationFollowsEveryModelChange();
    void shownOptionIsValidatedAtOnce();
    void problemsTableShowsAndFiltersFindings();
    void fixFromThePanelIsOneUndoableCommand();
    void costBarsAndTableMatchTheBill();
    void costCurvesMatchTheSweepAndMarkCrossovers();
    void trafficControlsUpdateTheBill();
    void billExportsAsCsv();

private:
    Catalogue m_catalogue;
};

void TestUiAnalysis::validationFollowsEveryModelChange()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(kExample, nullptr));
    AnalysisController &v = *doc.analysis();
    QTRY_VERIFY(!v.isBusy());
    QCOMPARE(v.counts(QStringLiteral("all-workers")).errors, 4);
    QCOMPARE(v.counts(QStringLiteral("hybrid")).errors, 0);
    // Raise the hybrid backend's memory above Cloud Run's 32 GiB maximum.
    Component c
        = *doc.project().option(QStringLiteral("hybrid"))->component(QStringLiteral("backend"));
    c.workload.memoryMb = 40000;
    QSignalSpy updated(&v, &AnalysisController::updated);
    QVERIFY(doc.push(
        updateComponentEdit(doc.project(), QStringLiteral("hybrid"), c, QStringLiteral("Memory"))));
    QTRY_COMPARE(v.counts(QStringLiteral("hybrid")).errors, 1);
    QCOMPARE(v.findings(QStringLiteral("hybrid")).front().rule, QStringLiteral("limit.memory"));
    doc.undoStack()->undo();
    QTRY_COMPARE(v.counts(QStringLiteral("hybrid")).errors, 0);
    QTRY_VERIFY(v.isCurrent());
    QVERIFY(updated.count() >= 1);
}

void TestUiAnalysis::shownOptionIsValidatedAtOnce()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(kExample, nullptr));
    doc.setCurrentOption(QStringLiteral("all-workers"));
    AnalysisController &v = *doc.analysis();
    QTRY_VERIFY(!v.isBusy());
    QSignalSpy found(&v, &AnalysisController::findingsUpdated);
    Component c = *doc.project()
                       .option(QStringLiteral("all-workers"))
                       ->component(QStringLiteral("backend"));
    c.workload.memoryMb = 64; // within the 128 MB of Workers: the memory error goes
    QVERIFY(doc.push(updateComponentEdit(doc.project(), QStringLiteral("all-workers"), c,
                                         QStringLiteral("Memory"))));
    // The option on screen is revalidated in the event-loop turn after the edit, before the
    // whole analysis (other options, bills, sweep) comes back from the worker.
    QCOMPARE(v.findingsRevision(QStringLiteral("all-workers")), doc.revision() - 1);
    QTRY_COMPARE(found.count(), 1);
    QCOMPARE(v.findingsRevision(QStringLiteral("all-workers")), doc.revision());
    const std::vector<Finding> live = v.findings(QStringLiteral("all-workers"));
    QCOMPARE(int(live.size()), 3);
    QCOMPARE(v.counts(QStringLiteral("all-workers")).errors, 3);
    for (const Finding &f : live)
        QVERIFY(f.rule != QLatin1String("limit.memory"));
    // The same findings as the full analysis, and on demand the fixes the CLI attaches.
    QTRY_VERIFY(v.isCurrent());
    QCOMPARE(found.count(), 1);
    QVERIFY(v.findings(QStringLiteral("all-workers")) == live);
    const Option &o = *doc.project().option(QStringLiteral("all-workers"));
    const std::vector<Finding> cli = validateOption(doc.project(), o, m_catalogue);
    QCOMPARE(cli.size(), live.size());
    int withFixes = 0;
    for (size_t i = 0; i < live.size(); ++i) {
        QVERIFY(live[i].fixes.empty());
        QStringList got, expected;
        for (const Fix &f : v.fixesFor(live[i]))
            got << f.label;
        for (const Fix &f : cli[i].fixes)
            expected << f.label;
        QCOMPARE(got, expected);
        withFixes += !expected.isEmpty();
    }
    QCOMPARE(withFixes, 3);
}

void TestUiAnalysis::problemsTableShowsAndFiltersFindings()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(kExample, nullptr));
    doc.setCurrentOption(QStringLiteral("all-workers"));
    AnalysisController &v = *doc.analysis();
    QVERIFY(uitest::crowdTheDatabase(&doc));
    ProblemsPanel panel(&doc, &v);
    panel.resize(1100, 320);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTRY_COMPARE(panel.table()->model()->rowCount(), 6);
    QCOMPARE(panel.findingAt(0)->severity, Severity::Error);
    panel.severityFilter()->setCurrentIndex(2); // errors only
    QCOMPARE(panel.table()->model()->rowCount(), 5);
    panel.textFilter()->setText(QStringLiteral("memory"));
    QCOMPARE(panel.table()->model()->rowCount(), 1);
    QCOMPARE(panel.findingAt(0)->rule, QStringLiteral("limit.memory"));
    panel.textFilter()->clear();
    panel.severityFilter()->setCurrentIndex(0);
    // Double-click asks to show the element.
    QSignalSpy activated(&panel, &ProblemsPanel::activated);
    const QModelIndex first = panel.table()->model()->index(0, FindingsModel::MessageColumn);
    const QPoint at = panel.table()->visualRect(first).center();
    QTest::mouseClick(panel.table()->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(panel.table()->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("all-workers"));
    QCOMPARE(activated.at(0).at(1).toStringList(), panel.findingAt(0)->subjects);
    saveScreenshot(&panel, QStringLiteral("problems-panel"));
}

void TestUiAnalysis::fixFromThePanelIsOneUndoableCommand()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(kExample, nullptr));
    doc.setCurrentOption(QStringLiteral("all-workers"));
    AnalysisController &v = *doc.analysis();
    QVERIFY(uitest::crowdTheDatabase(&doc));
    ProblemsPanel panel(&doc, &v);
    QTRY_COMPARE(panel.table()->model()->rowCount(), 6);
    const QByteArray before = serializeProject(doc.project());
    const Finding *pooling = nullptr;
    for (int r = 0; r < panel.table()->model()->rowCount(); ++r)
        if (panel.findingAt(r)->rule == QLatin1String("connection.pooling"))
            pooling = panel.findingAt(r);
    QVERIFY(pooling);
    const Finding copy = *pooling;
    QCOMPARE(copy.fixes[0].label,
             QStringLiteral("Connect through Supabase Postgres's pooler (Supavisor)"));
    QVERIFY(panel.applyFix(copy, 0));
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.undoStack()->undoText(), copy.fixes[0].label);
    // Through the pooler: no pooling warning, and 65 pooled clients fit its 200.
    QTRY_COMPARE(panel.table()->model()->rowCount(), 4);
    doc.undoStack()->undo();
    QCOMPARE(serializeProject(doc.project()), before);
    QTRY_COMPARE(panel.table()->model()->rowCount(), 6);
}

void TestUiAnalysis::costBarsAndTableMatchTheBill()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(kExample, nullptr));
    CostPanel panel(&doc);
    panel.resize(1300, 420);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.recomputeNow();
    const Project &p = doc.project();
    const Bill typical = computeBill(p, *p.option(QStringLiteral("hybrid")), m_catalogue, 1);
    QCOMPARE(panel.bill().total, typical.total);
    QCOMPARE(panel.totalLabel()->text(), QStringLiteral("≥ $26.68 (1 unknown) / month at ×1"));
    // Bars: one set per bound component plus the account set; categories low, typical, high.
    const auto sets = panel.barSeries()->barSets();
    QCOMPARE(sets.size(), int(typical.components.size()) + 1);
    const Bill high = computeBill(p, *p.option(QStringLiteral("hybrid")), m_catalogue,
                                  p.assumptions.trafficHigh);
    for (int i = 0; i < int(typical.components.size()); ++i) {
        QCOMPARE(sets[i]->label(), typical.components[size_t(i)].name);
        QCOMPARE(sets[i]->at(1), typical.components[size_t(i)].known);
        QCOMPARE(sets[i]->at(2), high.components[size_t(i)].known);
    }
    QCOMPARE(sets.last()->at(1), 25.0 - 9.8112); // Supabase Pro fee minus the compute credit
    saveScreenshot(panel.barView(), QStringLiteral("cost-panel-bars"));
    // Table: one top-level row per component, account, total.
    QCOMPARE(panel.billTable()->topLevelItemCount(), int(typical.components.size()) + 2);
    QTreeWidgetItem *backend = panel.billTable()->topLevelItem(1);
    QCOMPARE(backend->text(0),
             QStringLiteral("FastAPI backend — google-cloud-run / request-based"));
    QCOMPARE(backend->child(0)->text(5), QStringLiteral("$1.68"));
    QCOMPARE(backend->child(0)->text(6), QStringLiteral("https://cloud.google.com/run/pricing"));
    QCOMPARE(panel.billTable()->topLevelItem(panel.billTable()->topLevelItemCount() - 1)->text(5),
             QStringLiteral("≥ $26.68 (1 unknown)"));
    saveScreenshot(&panel, QStringLiteral("cost-panel-bill"));
}

void TestUiAnalysis::costCurvesMatchTheSweepAndMarkCrossovers()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(kExample, nullptr));
    CostPanel panel(&doc);
    panel.resize(1300, 520);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.recomputeNow();
    QVERIFY(panel.logScale()); // default: costs span cents to thousands
    saveScreenshot(panel.curveView(), QStringLiteral("cost-panel-curve"));
    panel.setLogScale(false); // exact values on the linear axis
    const Sweep expected
        = computeSweep(doc.project(), optionIds(doc.project()), m_catalogue, 0.01, 1000, 61);
    for (const auto &s : expected.series) {
        QLineSeries *line = panel.curveSeries(s.option);
        QVERIFY(line);
        QCOMPARE(line->count(), 61);
        for (int i = 0; i < 61; ++i) {
            QCOMPARE(line->at(i).x(), expected.multipliers[size_t(i)]);
            QCOMPARE(line->at(i).y(), s.totals[size_t(i)]);
        }
    }
    QVERIFY(!expected.crossovers.empty());
    QScatterSeries *crossovers = nullptr;
    QLineSeries *budget = nullptr;
    for (auto *s : panel.curveChart()->series()) {
        if (s->objectName() == QLatin1String("crossovers"))
            crossovers = qobject_cast<QScatterSeries *>(s);
        if (s->objectName() == QLatin1String("budget"))
            budget = qobject_cast<QLineSeries *>(s);
    }
    QVERIFY(crossovers);
    QCOMPARE(crossovers->count(), int(expected.crossovers.size()));
    QCOMPARE(crossovers->at(0).x(), expected.crossovers[0].multiplier);
    QVERIFY(budget);
    QCOMPARE(budget->at(0).y(), 80.0);
}

void TestUiAnalysis::trafficControlsUpdateTheBill()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(kExample, nullptr));
    CostPanel panel(&doc);
    panel.levelSelector()->setCurrentIndex(2); // high: ×5 in the example
    QCOMPARE(panel.multiplier(), 5.0);
    QTRY_COMPARE(panel.bill().multiplier, 5.0);
    panel.slider()->setValue(panel.slider()->maximum());
    QTRY_COMPARE(panel.bill().multiplier, 1000.0);
    QCOMPARE(panel.levelSelector()->currentData().toString(), QString()); // custom
    panel.setLevel(QStringLiteral("low"));
    QTRY_COMPARE(panel.bill().multiplier, 0.3);
}

void TestUiAnalysis::billExportsAsCsv()
{
    Document doc(&m_catalogue);
    QVERIFY(doc.open(kExample, nullptr));
    CostPanel panel(&doc);
    panel.recomputeNow();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bill.csv"));
    QString error;
    QVERIFY(panel.exportCsv(path, &error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray csv = f.readAll();
    QCOMPARE(csv, billCsvHeader() + billToCsv(panel.bill()));
    QVERIFY(csv.startsWith("option,multiplier,component,usage"));
    QVERIFY(csv.contains(
        "hybrid,1,backend,vcpu-s,CPU (vCPU-seconds),250000,180000,70000,2.4e-05,1,1.680000,"
        "https://cloud.google.com/run/pricing,2026-11-23\n"));
    QVERIFY(!panel.exportCsv(QStringLiteral("/nonexistent/dir/bill.csv"), &error));
    QVERIFY(error.startsWith(QStringLiteral("/nonexistent/dir/bill.csv: cannot write")));
}

QTEST_MAIN(TestUiAnalysis)
#include "test_ui_analysis.moc"
