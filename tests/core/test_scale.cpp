// The fast paths of issue 15 change nothing the user sees: validation without fixes gives the
// same findings as with them, and fixesFor() gives each finding exactly the fixes eager
// validation attaches; incremental validation after edits equals a validation from scratch
// (and reruns only the rules of the components an edit touched); the sweep's closed-form totals
// equal the bills' totals. Checked on the bundled examples and on generated projects.
#include "../bench/generate.h"
#include "cost/bill.h"
#include "cost/sweep.h"
#include "../enginetest.h"
#include "io/projectfile.h"
#include "rules/incremental.h"
#include "rules/validate.h"

#include <QDir>
#include <QtTest>

#include <set>

using namespace stackplan;

Q_DECLARE_METATYPE(stackplan::Project)

namespace {

std::vector<Project> examples()
{
    std::vector<Project> out;
    const QDir dir(QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples"));
    for (const auto &name : dir.entryList({QStringLiteral("*.stackplan.json")}, QDir::Files,
                                          QDir::Name)) {
        const ProjectLoad load = loadProjectFile(dir.filePath(name));
        if (load.ok())
            out.push_back(*load.project);
    }
    return out;
}

bool sameOp(const EditOp &a, const EditOp &b)
{
    if (a.index() != b.index())
        return false;
    if (const auto *x = std::get_if<op::AddComponent>(&a)) {
        const auto &y = std::get<op::AddComponent>(b);
        return x->option == y.option && x->component == y.component && x->index == y.index
               && x->position == y.position;
    }
    if (const auto *x = std::get_if<op::UpdateComponent>(&a)) {
        const auto &y = std::get<op::UpdateComponent>(b);
        return x->option == y.option && x->component == y.component;
    }
    if (const auto *x = std::get_if<op::AddConnection>(&a)) {
        const auto &y = std::get<op::AddConnection>(b);
        return x->option == y.option && x->connection == y.connection && x->index == y.index;
    }
    if (const auto *x = std::get_if<op::UpdateConnection>(&a)) {
        const auto &y = std::get<op::UpdateConnection>(b);
        return x->option == y.option && x->connection == y.connection;
    }
    return false; // validation's fixes use no other operation
}

bool sameFixes(const std::vector<Fix> &a, const std::vector<Fix> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].label != b[i].label || a[i].edit.text != b[i].edit.text
            || a[i].edit.ops.size() != b[i].edit.ops.size())
            return false;
        for (size_t k = 0; k < a[i].edit.ops.size(); ++k)
            if (!sameOp(a[i].edit.ops[k], b[i].edit.ops[k]))
                return false;
    }
    return true;
}

// Findings equal in identity, facts and values, in the same order.
void compareFindings(const std::vector<Finding> &a, const std::vector<Finding> &b)
{
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].rule, b[i].rule);
        QCOMPARE(a[i].subjects, b[i].subjects);
        QCOMPARE(a[i].message, b[i].message);
        QCOMPARE(a[i].severity, b[i].severity);
        QCOMPARE(a[i].actual, b[i].actual);
        QCOMPARE(a[i].limit, b[i].limit);
        QCOMPARE(a[i].unit, b[i].unit);
        QCOMPARE(a[i].source, b[i].source);
        QCOMPARE(a[i].checked, b[i].checked);
    }
}

} // namespace

class TestScale : public QObject
{
    Q_OBJECT
private slots:
    void lazyFixesEqualEagerFixes_data();
    void lazyFixesEqualEagerFixes();
    void incrementalEqualsFullAfterEdits();
    void incrementalRerunsOnlyTouchedComponents();
    void sweepTotalsEqualBillTotals();
};

void TestScale::lazyFixesEqualEagerFixes_data()
{
    QTest::addColumn<Project>("project");
    QTest::addColumn<int>("stride"); // ask fixesFor() for every stride-th finding
    QTest::addColumn<bool>("hasFixes");
    for (const auto &p : examples())
        QTest::newRow(qPrintable(p.name)) << p << 1 << false;
    QTest::newRow("generated, 120 components, 5 options") << bench::projectOf(120, 5) << 7 << true;
}

void TestScale::lazyFixesEqualEagerFixes()
{
    QFETCH(Project, project);
    QFETCH(int, stride);
    QFETCH(bool, hasFixes);
    int withFixes = 0;
    for (const auto &o : project.options) {
        const auto eager = validateOption(project, o, testCatalogue());
        const auto lazy = validateOption(project, o, testCatalogue(), FixScope::none());
        compareFindings(eager, lazy);
        for (const auto &f : lazy)
            QVERIFY(f.fixes.empty());
        for (size_t i = 0; i < eager.size(); i += size_t(stride)) {
            const auto fixes = fixesFor(project, o, testCatalogue(), lazy[i]);
            QVERIFY2(sameFixes(fixes, eager[i].fixes), qPrintable(eager[i].message));
            withFixes += !fixes.empty();
        }
    }
    if (hasFixes)
        QVERIFY(withFixes > 0); // the comparison covered findings that have fixes
}

void TestScale::incrementalEqualsFullAfterEdits()
{
    std::vector<Project> projects = examples();
    projects.push_back(bench::projectOf(150, 1));
    for (Project p : projects) {
        IncrementalValidator incremental(testCatalogue());
        for (int step = 0; step < 14; ++step) {
            Option &o = p.options.front();
            const int n = int(o.components.size());
            Component &c = o.components[size_t((step * 7) % n)];
            switch (step % 7) {
            case 0:
                break; // the first validation
            case 1:
                c.workload.memoryMb = 100000; // past every limit
                break;
            case 2:
                c.name += QStringLiteral(" renamed"); // in the messages of its neighbours
                break;
            case 3:
                c.binding = {QStringLiteral("cloudflare-workers"), QStringLiteral("free"), {}};
                break;
            case 4:
                if (!o.connections.empty()) {
                    o.connections.front().protocol = Protocol::Redis;
                    o.connections.pop_back();
                }
                break;
            case 5:
                p.assumptions.slo.p95Ms = p.assumptions.slo.p95Ms.value_or(300) / 2;
                break;
            case 6:
                if (n > 2) {
                    const QString gone = o.components.back().id;
                    o.components.pop_back();
                    std::erase_if(o.connections, [&](const Connection &x) {
                        return x.from == gone || x.to == gone || x.via == gone;
                    });
                    o.layout.erase(gone);
                }
                break;
            }
            const auto full = validateOption(p, p.options.front(), testCatalogue(),
                                             FixScope::none());
            const auto fast = incremental.validate(p, p.options.front());
            compareFindings(fast, full);
            for (const auto &f : fast)
                QVERIFY(f.fixes.empty());
            // The bill from the model validation kept is the option's bill.
            const Bill bill = incremental.billModel().evaluate(p.assumptions.trafficTypical);
            const Bill expected = computeBill(p, p.options.front(), testCatalogue(),
                                              p.assumptions.trafficTypical);
            QCOMPARE(bill.total, expected.total);
            QCOMPARE(bill.totalText(), expected.totalText());
            QCOMPARE(bill.components.size(), expected.components.size());
            for (size_t i = 0; i < bill.components.size(); ++i) {
                QCOMPARE(bill.components[i].component, expected.components[i].component);
                QCOMPARE(bill.components[i].lines.size(), expected.components[i].lines.size());
                QCOMPARE(bill.components[i].known, expected.components[i].known);
            }
        }
    }
}

void TestScale::incrementalRerunsOnlyTouchedComponents()
{
    Project p = bench::projectOf(150, 1);
    IncrementalValidator incremental(testCatalogue());
    incremental.validate(p, p.options.front());
    QCOMPARE(incremental.lastRecomputed(), 150);
    incremental.validate(p, p.options.front());
    QCOMPARE(incremental.lastRecomputed(), 0);
    // A workload edit reruns the component's own rules only.
    p.options.front().components[40].workload.cpuMsPerRequest = 999;
    incremental.validate(p, p.options.front());
    QCOMPARE(incremental.lastRecomputed(), 1);
    // A rename reruns it and the components connected to it (their messages name it).
    std::set<QString> touched = {QStringLiteral("c40")};
    for (const auto &conn : p.options.front().connections)
        if (conn.from == QLatin1String("c40") || conn.to == QLatin1String("c40")) {
            touched.insert(conn.from);
            touched.insert(conn.to);
        }
    p.options.front().components[40].name = QStringLiteral("Renamed");
    incremental.validate(p, p.options.front());
    QCOMPARE(incremental.lastRecomputed(), int(touched.size()));
    // New assumptions rerun everything.
    p.assumptions.trafficTypical = 2;
    incremental.validate(p, p.options.front());
    QCOMPARE(incremental.lastRecomputed(), 150);
}

void TestScale::sweepTotalsEqualBillTotals()
{
    std::vector<Project> projects = examples();
    projects.push_back(bench::projectOf(200, 3));
    int compared = 0;
    for (const auto &p : projects) {
        const Sweep s = computeSweep(p, optionIds(p), testCatalogue(), 0.01, 1000, 25);
        for (const auto &series : s.series) {
            const Option *o = p.option(series.option);
            for (size_t i = 0; i < s.multipliers.size(); ++i) {
                const Bill b = computeBill(p, *o, testCatalogue(), s.multipliers[i]);
                QVERIFY2(qAbs(series.totals[i] - b.total) <= 1e-9 * std::max(1.0, qAbs(b.total)),
                         qPrintable(QStringLiteral("%1 at %2: %3 vs %4")
                                        .arg(o->id)
                                        .arg(s.multipliers[i])
                                        .arg(series.totals[i], 0, 'g', 17)
                                        .arg(b.total, 0, 'g', 17)));
                QCOMPARE(series.unknown[i], b.unknown);
                // With the counts asked for (validation's budget check), lines beyond a cap too.
                const BillModel model(p, *o, testCatalogue());
                int unknown = -1, overCap = -1;
                const double total = model.total(s.multipliers[i], &unknown, &overCap);
                QVERIFY(qAbs(total - b.total) <= 1e-9 * std::max(1.0, qAbs(b.total)));
                QCOMPARE(unknown, b.unknown);
                QCOMPARE(overCap, b.overCap);
                ++compared;
            }
        }
    }
    QVERIFY(compared > 100);
}

QTEST_GUILESS_MAIN(TestScale)
#include "test_scale.moc"
