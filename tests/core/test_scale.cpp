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
#include <QRandomGenerator>
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

void compareLines(const std::vector<BillLine> &a, const std::vector<BillLine> &b)
{
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].component, b[i].component);
        QCOMPARE(a[i].usage, b[i].usage);
        QCOMPARE(a[i].description, b[i].description);
        QCOMPARE(a[i].quantity, b[i].quantity);
        QCOMPARE(a[i].included, b[i].included);
        QCOMPARE(a[i].billable, b[i].billable);
        QCOMPARE(a[i].unitPrice, b[i].unitPrice);
        QCOMPARE(a[i].amount, b[i].amount);
        QCOMPARE(a[i].note, b[i].note);
        QCOMPARE(a[i].feeKey, b[i].feeKey);
        QCOMPARE(a[i].missingField, b[i].missingField);
        QCOMPARE(a[i].overCap, b[i].overCap);
    }
}

// Bills equal line by line, figure by figure.
void compareBills(const Bill &a, const Bill &b)
{
    QCOMPARE(a.option, b.option);
    QCOMPARE(a.total, b.total);
    QCOMPARE(a.unknown, b.unknown);
    QCOMPARE(a.overCap, b.overCap);
    QCOMPARE(a.totalText(), b.totalText());
    QCOMPARE(a.components.size(), b.components.size());
    for (size_t i = 0; i < a.components.size(); ++i) {
        QCOMPARE(a.components[i].component, b.components[i].component);
        QCOMPARE(a.components[i].name, b.components[i].name);
        QCOMPARE(a.components[i].binding, b.components[i].binding);
        QCOMPARE(a.components[i].known, b.components[i].known);
        QCOMPARE(a.components[i].unknown, b.components[i].unknown);
        QCOMPARE(a.components[i].overCap, b.components[i].overCap);
        compareLines(a.components[i].lines, b.components[i].lines);
    }
    compareLines(a.accountLines, b.accountLines);
}

// One random edit of the first option, as the editor makes them: a workload, traffic, name,
// binding or protocol change in place, an element added, removed or reconnected, components
// reordered, or new assumptions. Adds the ids it touched (old and new) to `touched`.
void randomEdit(Project &p, QRandomGenerator &rng, const Catalogue &catalogue,
                QSet<QString> &touched, int &serial)
{
    Option &o = p.options.front();
    const auto &bindings = catalogue.allBindings();
    auto anyComponent = [&]() -> Component & {
        return o.components[size_t(rng.bounded(int(o.components.size())))];
    };
    auto touch = [&](const Connection &c) {
        touched << c.id << c.from << c.to;
        if (!c.via.isEmpty())
            touched << c.via;
    };
    switch (rng.bounded(16)) {
    case 0: {
        Component &c = anyComponent();
        c.workload.memoryMb = double(128 * rng.bounded(1, 80)); // some past the limits
        touched << c.id;
        break;
    }
    case 1: {
        Component &c = anyComponent();
        c.name = QStringLiteral("Renamed %1").arg(serial++); // in its neighbours' messages
        touched << c.id;
        break;
    }
    case 2: {
        Component &c = anyComponent();
        if (rng.bounded(6) == 0) {
            c.binding = {};
        } else {
            const ResolvedBinding &rb = bindings[size_t(rng.bounded(int(bindings.size())))];
            c.binding = {rb.profile->id, rb.plan->id, rb.instance ? rb.instance->id : QString()};
        }
        touched << c.id;
        break;
    }
    case 3:
        if (!o.connections.empty()) {
            Connection &c = o.connections[size_t(rng.bounded(int(o.connections.size())))];
            c.protocol = kAllProtocols[size_t(rng.bounded(int(kAllProtocols.size())))];
            c.pooled = rng.bounded(3) == 0;
            touch(c);
        }
        break;
    case 4: {
        Component c = anyComponent();
        c.id = QStringLiteral("added-%1").arg(serial++);
        c.name = QStringLiteral("Added %1").arg(serial);
        const int at = rng.bounded(int(o.components.size()) + 1);
        o.components.insert(o.components.begin() + at, c);
        touched << c.id;
        if (rng.bounded(2) == 0) {
            Connection conn{QStringLiteral("link-%1").arg(serial++),
                            c.id,
                            anyComponent().id,
                            Protocol::Sql,
                            {},
                            false};
            if (conn.to != conn.from) {
                o.connections.push_back(conn);
                touch(conn);
            }
        }
        break;
    }
    case 5:
        if (o.components.size() > 3) {
            const size_t at = size_t(rng.bounded(int(o.components.size())));
            const QString gone = o.components[at].id;
            touched << gone;
            o.components.erase(o.components.begin() + long(at));
            for (const auto &c : o.connections)
                if (c.from == gone || c.to == gone || c.via == gone)
                    touch(c);
            std::erase_if(o.connections, [&](const Connection &x) {
                return x.from == gone || x.to == gone || x.via == gone;
            });
            o.layout.erase(gone);
        }
        break;
    case 6: {
        const Component &from = anyComponent();
        const Component &to = anyComponent();
        if (from.id != to.id) {
            Connection conn{QStringLiteral("link-%1").arg(serial++), from.id, to.id,
                            defaultProtocol(from.role, to.role),     {},      rng.bounded(2) == 0};
            if (rng.bounded(4) == 0) {
                const Component &via = anyComponent();
                if (via.id != from.id && via.id != to.id)
                    conn.via = via.id;
            }
            o.connections.insert(o.connections.begin() + rng.bounded(int(o.connections.size()) + 1),
                                 conn);
            touch(conn);
        }
        break;
    }
    case 7:
        if (!o.connections.empty()) {
            const size_t at = size_t(rng.bounded(int(o.connections.size())));
            touch(o.connections[at]);
            o.connections.erase(o.connections.begin() + long(at));
        }
        break;
    case 8:
        if (!o.connections.empty()) {
            Connection &c = o.connections[size_t(rng.bounded(int(o.connections.size())))];
            touch(c);
            const QString to = anyComponent().id;
            if (to != c.from)
                c.to = to;
            touch(c);
        }
        break;
    case 9: {
        Assumptions &a = p.assumptions;
        switch (rng.bounded(4)) {
        case 0:
            a.slo.p95Ms = double(rng.bounded(50, 2000));
            break;
        case 1:
            a.monthlyBudget = double(rng.bounded(10, 100000));
            break;
        case 2:
            a.trafficHigh = 1.0 + rng.bounded(1, 50) / 4.0;
            break;
        default:
            a.slo.availabilityPct = 99.0 + rng.bounded(0, 10) / 10.0;
            break;
        }
        break;
    }
    case 10: {
        Component &c = anyComponent(); // idle minimum instances come and go
        c.workload.minInstances = rng.bounded(3);
        if (c.workload.maxInstances && *c.workload.maxInstances < *c.workload.minInstances)
            c.workload.maxInstances = c.workload.minInstances;
        touched << c.id;
        break;
    }
    case 11: {
        Component &c = anyComponent(); // database connections and per-instance allowances
        c.workload.maxInstances = rng.bounded(1, 400);
        c.workload.connectionPool = rng.bounded(1, 40);
        touched << c.id;
        break;
    }
    case 12: {
        Component &c = anyComponent(); // a daily cap with and without requests
        c.traffic.requestsPerMonth = rng.bounded(3) == 0 ? 0.0 : 1e4 * rng.bounded(1, 100000);
        c.traffic.busiestDayFactor = rng.bounded(2) == 0 ? std::optional<double>() : 2.5;
        touched << c.id;
        break;
    }
    case 13:
        if (o.components.size() > 1) {
            const size_t a = size_t(rng.bounded(int(o.components.size())));
            const size_t b = size_t(rng.bounded(int(o.components.size())));
            touched << o.components[a].id << o.components[b].id;
            std::swap(o.components[a], o.components[b]);
        }
        break;
    case 14: {
        Component &c = anyComponent(); // a role some platforms cannot host
        c.role = kAllRoles[size_t(rng.bounded(int(kAllRoles.size())))];
        touched << c.id;
        break;
    }
    default: {
        Component &c = anyComponent(); // flows and stocks of the bill
        c.traffic.storageGb = double(rng.bounded(0, 500));
        c.traffic.egressGb = double(rng.bounded(0, 5000));
        c.workload.requestMs
            = rng.bounded(4) == 0 ? std::optional<double>() : 20.0 + rng.bounded(900);
        touched << c.id;
        break;
    }
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
    void incrementalEqualsFullAfterRandomEdits_data();
    void incrementalEqualsFullAfterRandomEdits();
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

void TestScale::incrementalEqualsFullAfterRandomEdits_data()
{
    QTest::addColumn<Project>("project");
    QTest::addColumn<quint32>("seed");
    quint32 seed = 100;
    for (const auto &p : examples())
        QTest::newRow(qPrintable(p.name)) << p << seed++;
    for (seed = 1; seed <= 3; ++seed) {
        Project p = bench::projectOf(50, 1);
        p.assumptions.monthlyBudget = 5000;
        QTest::newRow(qPrintable(QStringLiteral("generated, seed %1").arg(seed))) << p << seed;
    }
}

// Random edit sequences (in place, structural, assumptions), each followed by a validation: the
// incremental results, with and without the touched ids, equal a validation and a bill from
// scratch, finding by finding and line by line at the three traffic levels.
void TestScale::incrementalEqualsFullAfterRandomEdits()
{
    QFETCH(Project, project);
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    IncrementalValidator compared(testCatalogue()), told(testCatalogue());
    int serial = 0, inPlace = 0, rebuilt = 0;
    for (int step = 0; step < 100; ++step) {
        QSet<QString> touched;
        const int edits = rng.bounded(3) == 0 ? 2 : 1; // sometimes two edits between validations
        for (int e = 0; e < edits; ++e)
            randomEdit(project, rng, testCatalogue(), touched, serial);
        const Option &o = project.options.front();
        const auto full = validateOption(project, o, testCatalogue(), FixScope::none());
        const auto fast = compared.validate(project, o);
        compareFindings(fast, full);
        compareFindings(told.validate(project, o, touched), full);
        (compared.lastRebuilt() ? rebuilt : inPlace) += 1;
        for (const auto &f : fast)
            QVERIFY(f.fixes.empty());
        const Assumptions &a = project.assumptions;
        for (const double m : {a.trafficLow, a.trafficTypical, a.trafficHigh}) {
            const Bill expected = computeBill(project, o, testCatalogue(), m);
            compareBills(compared.billModel().evaluate(m), expected);
            compareBills(told.billModel().evaluate(m), expected);
        }
        if (QTest::currentTestFailed()) {
            qWarning("step %d", step);
            return;
        }
    }
    // Both paths ran: edits in place and edits that rebuilt the index.
    QVERIFY(inPlace > 20);
    QVERIFY(rebuilt > 10);
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
