// The bill engine: one data-driven row per meter kind (at an allowance, one unit above, tier
// edges, daily allowances), account fees once, credits, unknown prices, sweeps and crossovers,
// and worked examples published by vendors.
#include "../enginetest.h"
#include "cost/bill.h"
#include "cost/sweep.h"
#include "io/projectfile.h"
#include "profiles/catalogue.h"

#include <QtTest>

#include <functional>

using namespace stackplan;

using Setup = std::function<void(Component &)>;
Q_DECLARE_METATYPE(Setup)
Q_DECLARE_METATYPE(std::function<void(stackplan::Option &)>)

namespace {

Project oneComponent(const Binding &binding, const Setup &setup)
{
    Project p;
    p.name = QStringLiteral("Cost");
    Option o;
    o.id = QStringLiteral("o");
    o.name = QStringLiteral("O");
    Component c;
    c.id = QStringLiteral("c");
    c.name = QStringLiteral("C");
    c.role = Role::Backend;
    c.binding = binding;
    setup(c);
    o.components.push_back(c);
    p.options.push_back(o);
    p.baseline = o.id;
    return p;
}

const BillLine *lineOf(const Bill &b, const QString &component, const QString &usage)
{
    if (const ComponentBill *cb = b.componentBill(component))
        for (const auto &l : cb->lines)
            if (l.usage == usage)
                return &l;
    return nullptr;
}

// Neon Launch, a database with no stated size (see the test below).
constexpr char kBareNeonTotal[] = "≥ $0.00 (1 unknown)";

} // namespace

class TestCost : public QObject
{
    Q_OBJECT
private slots:
    void meterKinds_data();
    void meterKinds();
    void unknownPricesAreNeverASilentZero();
    void accountFeesAreCountedOncePerOption();
    void creditsApplyOnceAgainstTheirUsages();
    void sharedAllowancesAreDrawnInModelOrder();
    void trafficLevelsAndMultipliers();
    void sweepIsMonotoneWherePricesAre();
    void crossoverOnAConstructedPair();
    void breakpointsMarkAllowancesAndPaidPlans();
    void vendorWorkedExamples_data();
    void vendorWorkedExamples();
    void billingSemantics_data();
    void billingSemantics();
    void allowancesPerComponentAndInstance();
    void idleMetersBillOnlyMinimumInstances();
    void capsAreNotFreeMeters();
    void aNewlyBoundDatabaseIsNotBilledAtItsPlanCeiling();
};

void TestCost::meterKinds_data()
{
    QTest::addColumn<QString>("plan");
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<double>("multiplier");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<double>("quantity");
    QTest::addColumn<double>("included");
    QTest::addColumn<double>("amount");
    auto row = [](const char *name, const char *plan, Setup s, double m, const char *usage,
                  double q, double inc, double amount) {
        QTest::newRow(name) << QString::fromLatin1(plan) << s << m << QString::fromLatin1(usage)
                            << q << inc << amount;
    };
    auto requests = [](double n) {
        return [n](Component &c) {
            c.traffic.requestsPerMonth = n;
        };
    };
    row("requests exactly at the allowance", "metered", requests(1e6), 1, "requests", 1e6, 1e6, 0);
    row("requests one above", "metered", requests(1e6 + 1), 1, "requests", 1e6 + 1, 1e6, 0.0000005);
    row("requests 3M", "metered", requests(3e6), 1, "requests", 3e6, 1e6, 1.00);
    row("requests scale with the multiplier", "metered", requests(1e6), 2.5, "requests", 2.5e6, 1e6,
        0.75);
    row(
        "cpu-ms = requests × CPU ms", "metered",
        [](Component &c) {
            c.traffic.requestsPerMonth = 100000;
            c.workload.cpuMsPerRequest = 50;
        },
        1, "cpu-ms", 5e6, 0, 0.10);
    row(
        "gb-s within the first tier", "metered",
        [](Component &c) {
            c.traffic.requestsPerMonth = 1000;
            c.workload.requestMs = 2000;
        },
        1, "gb-s", 1000, 100, 9.00); // 1000 × 2 s × 0.5 GB; 900 billable × $0.01
    row(
        "gb-s across the tier edge", "metered",
        [](Component &c) {
            c.traffic.requestsPerMonth = 2000;
            c.workload.requestMs = 2000;
        },
        1, "gb-s", 2000, 100, 14.50); // 1000 × $0.01 + 900 × $0.005
    row(
        "gb-s exactly at the tier edge", "metered",
        [](Component &c) {
            c.traffic.requestsPerMonth = 1100;
            c.workload.requestMs = 2000;
        },
        1, "gb-s", 1100, 100, 10.00);
    row(
        "gb-s uses the workload's memory", "metered",
        [](Component &c) {
            c.traffic.requestsPerMonth = 1000;
            c.workload.requestMs = 1000;
            c.workload.memoryMb = 1024;
        },
        1, "gb-s", 1000, 100, 9.00);
    row(
        "egress exactly at the allowance", "metered",
        [](Component &c) { c.traffic.egressGb = 100; }, 1, "egress-gb", 100, 100, 0);
    row(
        "egress above", "metered", [](Component &c) { c.traffic.egressGb = 150; }, 1, "egress-gb",
        150, 100, 4.50);
    row(
        "daily allowance × 30 days, exactly at", "metered",
        [](Component &c) { c.traffic.readsPerMonth = 300000; }, 1, "reads", 300000, 300000, 0);
    row(
        "daily allowance, one above", "metered",
        [](Component &c) { c.traffic.readsPerMonth = 300001; }, 1, "reads", 300001, 300000,
        0.000001);
    row(
        "storage is a stock: it does not scale with traffic", "metered",
        [](Component &c) { c.traffic.storageGb = 3; }, 10, "gb-month", 3, 1, 0.50);
    row(
        "queried vector dimensions", "metered",
        [](Component &c) {
            c.traffic.vectorQueriesPerMonth = 30000;
            c.traffic.vectorDimensions = 768;
        },
        1, "queried-vector-dimensions", 23040000, 0, 0.2304);
    row(
        "stored vector dimensions", "metered",
        [](Component &c) {
            c.traffic.vectorsStored = 1000000;
            c.traffic.vectorDimensions = 1536;
        },
        1, "stored-vector-dimensions", 1536000000, 0, 0.768);
    row(
        "always-on instance hours", "instance", [](Component &) {}, 1, "instance-hours", 730, 0,
        7.30);
    row(
        "min instances 2", "instance", [](Component &c) { c.workload.minInstances = 2; }, 1,
        "instance-hours", 1460, 0, 14.60);
    row(
        "hours per month override", "instance",
        [](Component &c) { c.workload.hoursPerMonth = 100; }, 1, "instance-hours", 100, 0, 1.00);
    row(
        "instances do not scale with traffic", "instance", [](Component &) {}, 100,
        "instance-hours", 730, 0, 7.30);
    row(
        "memory GB-months", "instance", [](Component &c) { c.workload.memoryMb = 2048; }, 1,
        "memory-gb-months", 2, 0, 20);
    row(
        "compute unit hours (4 GB each)", "instance",
        [](Component &c) { c.workload.memoryMb = 8192; }, 1, "cu-hours", 1460, 0, 146);
}

void TestCost::meterKinds()
{
    QFETCH(QString, plan);
    QFETCH(Setup, setup);
    QFETCH(double, multiplier);
    QFETCH(QString, usage);
    QFETCH(double, quantity);
    QFETCH(double, included);
    QFETCH(double, amount);
    const Project p = oneComponent(Binding{QStringLiteral("test-priced"), plan, {}}, setup);
    const Bill b = computeBill(p, p.options[0], testCatalogue(), multiplier);
    const BillLine *l = lineOf(b, QStringLiteral("c"), usage);
    QVERIFY2(l, qPrintable(usage));
    QVERIFY(l->quantity);
    QCOMPARE(*l->quantity, quantity);
    QCOMPARE(l->included, included);
    QCOMPARE(*l->billable, quantity - included);
    QVERIFY(l->amount);
    QVERIFY2(qAbs(*l->amount - amount) < 1e-9, qPrintable(QString::number(*l->amount, 'g', 12)));
    QVERIFY(!l->source.isEmpty());
}

void TestCost::unknownPricesAreNeverASilentZero()
{
    // writes have no published price: billable writes make the total a lower bound.
    Project p = oneComponent(
        {QStringLiteral("test-priced"), QStringLiteral("metered"), {}}, [](Component &c) {
            c.traffic.requestsPerMonth = 3e6;
            c.workload.cpuMsPerRequest = 1; // 3M CPU-ms × $0.02/M = $0.06
            c.workload.requestMs
                = 10; // 15,000 GB-s − 100: 1,000 × $0.01 + 13,900 × $0.005 = $79.50
            c.traffic.writesPerMonth = 10;
        });
    Bill b = computeBill(p, p.options[0], testCatalogue(), 1);
    QCOMPARE(b.unknown, 1);
    QVERIFY(!lineOf(b, QStringLiteral("c"), QStringLiteral("writes"))->amount);
    QCOMPARE(b.totalText(), QStringLiteral("≥ $80.56 (1 unknown)"));
    // No writes, nothing billable at that unknown price: the total is exact.
    p.options[0].components[0].traffic.writesPerMonth.reset();
    b = computeBill(p, p.options[0], testCatalogue(), 1);
    QCOMPARE(b.unknown, 0);
    QCOMPARE(b.totalText(), QStringLiteral("$80.56"));
    // A quantity the workload cannot give (no request duration for GB-seconds) is unknown too.
    p.options[0].components[0].workload.requestMs.reset();
    b = computeBill(p, p.options[0], testCatalogue(), 1);
    QCOMPARE(b.unknown, 1);
    QVERIFY(!lineOf(b, QStringLiteral("c"), QStringLiteral("gb-s"))->quantity);
    QCOMPARE(b.totalText(), QStringLiteral("≥ $1.06 (1 unknown)"));
    // Each unknown line says what is missing: here a field, which the Inspector can show.
    const BillLine *gbs = lineOf(b, QStringLiteral("c"), QStringLiteral("gb-s"));
    QCOMPARE(gbs->missingField, QStringLiteral("request"));
    QVERIFY2(gbs->note.startsWith(QStringLiteral(
                 "quantity unknown: set Request duration (Workload) in the Inspector")),
             qPrintable(gbs->note));
    QCOMPARE(missingFieldLabel(QStringLiteral("cpu")), QStringLiteral("CPU per request (Workload)"));
    // An unknown price names the meter and the plan, and no field.
    p.options[0].components[0].workload.requestMs = 10;
    p.options[0].components[0].traffic.writesPerMonth = 10;
    b = computeBill(p, p.options[0], testCatalogue(), 1);
    const BillLine *writes = lineOf(b, QStringLiteral("c"), QStringLiteral("writes"));
    QVERIFY(writes->missingField.isEmpty());
    QVERIFY2(writes->note.startsWith(QStringLiteral("price unknown: ")), qPrintable(writes->note));
    QVERIFY(writes->note.contains(QStringLiteral("has no price for writes")));
}

void TestCost::aNewlyBoundDatabaseIsNotBilledAtItsPlanCeiling()
{
    // A bare database on Neon Launch: the plan autoscales "up to 16 CU"; billing that ceiling
    // all month came to $1,238. Without a stated size the compute is unknown and says so.
    Project p = oneComponent({QStringLiteral("neon"), QStringLiteral("launch"), {}},
                             [](Component &c) { c.role = Role::Database; });
    Bill b = computeBill(p, p.options[0], testCatalogue(), 1);
    const BillLine *cu = lineOf(b, QStringLiteral("c"), QStringLiteral("cu-hours"));
    QVERIFY(cu);
    QVERIFY(!cu->amount);
    QCOMPARE(cu->missingField, QStringLiteral("memory"));
    QCOMPARE(b.totalText(), QString::fromUtf8(kBareNeonTotal));
    // With the size stated (1 GB = 0.25 CU) it is priced from that.
    p.options[0].components[0].workload.memoryMb = 1024;
    b = computeBill(p, p.options[0], testCatalogue(), 1);
    QCOMPARE(b.unknown, 0);
    cu = lineOf(b, QStringLiteral("c"), QStringLiteral("cu-hours"));
    QVERIFY(cu->amount && cu->missingField.isEmpty());
    QCOMPARE(*cu->amount, *cu->billable / cu->per * *cu->unitPrice);
    // A limit that is not a ceiling (Cloud Run: 512 MB by default) still stands in for the size.
    p = oneComponent({QStringLiteral("google-cloud-run"), QStringLiteral("instance-based"), {}},
                     [](Component &c) { c.workload.minInstances = 1; });
    b = computeBill(p, p.options[0], testCatalogue(), 1);
    QCOMPARE(b.unknown, 0);
    QVERIFY(testCatalogue().profile(QStringLiteral("neon"))->plan(QStringLiteral("launch"))
                ->limits.at(QStringLiteral("memory_mb")).ceiling);
}

void TestCost::accountFeesAreCountedOncePerOption()
{
    // Three Cloudflare products on paid plans: one Workers Paid fee, not three.
    Project p = oneComponent({QStringLiteral("cloudflare-workers"), QStringLiteral("paid"), {}},
                             [](Component &) {});
    Component kv;
    kv.id = QStringLiteral("kv");
    kv.name = QStringLiteral("KV");
    kv.role = Role::Cache;
    kv.binding = {QStringLiteral("cloudflare-kv"), QStringLiteral("paid"), {}};
    Component router = p.options[0].components[0];
    router.id = QStringLiteral("router");
    p.options[0].components.push_back(kv);
    p.options[0].components.push_back(router);
    const Bill b = computeBill(p, p.options[0], testCatalogue(), 1);
    QCOMPARE(b.accountLines.size(), size_t(1));
    QCOMPARE(b.accountLines[0].feeKey, QStringLiteral("workers-paid"));
    QCOMPARE(*b.accountLines[0].amount, 5.0);
    QCOMPARE(b.total, 5.0);
}

void TestCost::creditsApplyOnceAgainstTheirUsages()
{
    Project p = oneComponent({QStringLiteral("test-priced"), QStringLiteral("instance"), {}},
                             [](Component &) {});
    Component second = p.options[0].components[0];
    second.id = QStringLiteral("d");
    p.options[0].components.push_back(second);
    const Bill b = computeBill(p, p.options[0], testCatalogue(), 1);
    // fee 20 once; 2 × 730 h × $0.01 = 14.60; credit $5 once; memory 2 × 0.5 GB × $10 = 10;
    // cu-hours 2 × 730 × 0.125 × $0.1 = 18.25.
    QCOMPARE(b.accountLines.size(), size_t(2));
    QCOMPARE(*b.accountLines[1].amount, -5.0);
    QVERIFY(qAbs(b.total - (20 + 14.60 - 5 + 10 + 18.25)) < 1e-9);
}

void TestCost::sharedAllowancesAreDrawnInModelOrder()
{
    Project p = oneComponent({QStringLiteral("test-priced"), QStringLiteral("metered"), {}},
                             [](Component &c) { c.traffic.requestsPerMonth = 600000; });
    Component second = p.options[0].components[0];
    second.id = QStringLiteral("d");
    p.options[0].components.push_back(second);
    const Bill b = computeBill(p, p.options[0], testCatalogue(), 1);
    QCOMPARE(lineOf(b, QStringLiteral("c"), QStringLiteral("requests"))->included, 600000.0);
    QCOMPARE(lineOf(b, QStringLiteral("d"), QStringLiteral("requests"))->included, 400000.0);
    QVERIFY(qAbs(*lineOf(b, QStringLiteral("d"), QStringLiteral("requests"))->amount - 0.10)
            < 1e-12);
}

void TestCost::trafficLevelsAndMultipliers()
{
    Assumptions a;
    a.trafficLow = 0.25;
    a.trafficHigh = 8;
    QCOMPARE(*trafficMultiplier(a, QStringLiteral("low")), 0.25);
    QCOMPARE(*trafficMultiplier(a, QStringLiteral("typical")), 1.0);
    QCOMPARE(*trafficMultiplier(a, QStringLiteral("high")), 8.0);
    QCOMPARE(*trafficMultiplier(a, QStringLiteral("2.5")), 2.5);
    QCOMPARE(*trafficMultiplier(a, QStringLiteral("10x")), 10.0);
    QVERIFY(!trafficMultiplier(a, QStringLiteral("lots")));
    QVERIFY(!trafficMultiplier(a, QStringLiteral("-1")));
    QVERIFY(!trafficMultiplier(a, QStringLiteral("0")));
}

void TestCost::sweepIsMonotoneWherePricesAre()
{
    const ProjectLoad load = loadProjectFile(
        QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/allogator.stackplan.json"));
    QVERIFY(load.ok());
    const Sweep s
        = computeSweep(*load.project, optionIds(*load.project), testCatalogue(), 0.01, 1000, 61);
    QCOMPARE(s.multipliers.size(), size_t(61));
    QVERIFY(qAbs(s.multipliers.front() - 0.01) < 1e-12);
    QVERIFY(qAbs(s.multipliers.back() - 1000) < 1e-9);
    QCOMPARE(s.series.size(), size_t(3));
    for (const auto &series : s.series)
        for (size_t i = 1; i < series.totals.size(); ++i)
            QVERIFY2(series.totals[i] >= series.totals[i - 1] - 1e-9, qPrintable(series.option));
}

void TestCost::crossoverOnAConstructedPair()
{
    // A: $20 flat (always-on instance plan: fee 20 + 7.30 hours − 5 credit + memory 5 + cu 9.125).
    // B: requests at $0.50/M beyond 1M. They cross where B's requests cost A's total.
    Project p = oneComponent({QStringLiteral("test-priced"), QStringLiteral("instance"), {}},
                             [](Component &) {});
    Option b = p.options[0];
    b.id = QStringLiteral("b");
    b.components[0].binding = {QStringLiteral("test-priced"), QStringLiteral("metered"), {}};
    b.components[0].traffic.requestsPerMonth = 1e6;
    p.options.push_back(b);
    const double flat = computeBill(p, p.options[0], testCatalogue(), 1).total;
    QVERIFY(qAbs(flat - (20 + 7.30 - 5 + 5 + 9.125)) < 1e-9);
    const Sweep s = computeSweep(p, {QStringLiteral("o"), QStringLiteral("b")}, testCatalogue(),
                                 0.01, 1000, 61);
    QCOMPARE(s.crossovers.size(), size_t(1));
    const auto &x = s.crossovers[0];
    QCOMPARE(x.cheaperBelow, QStringLiteral("b"));
    QCOMPARE(x.cheaperAbove, QStringLiteral("o"));
    // (m × 1M − 1M) / 1M × 0.50 = flat  ⇒  m = 1 + flat / 0.5
    const double expected = 1 + flat / 0.5;
    QVERIFY2(qAbs(x.multiplier - expected) < 1e-6,
             qPrintable(QString::number(x.multiplier, 'g', 12)));
    QVERIFY(qAbs(x.total - flat) < 1e-6);
}

void TestCost::breakpointsMarkAllowancesAndPaidPlans()
{
    Project p = oneComponent({QStringLiteral("test-priced"), QStringLiteral("metered"), {}},
                             [](Component &c) { c.traffic.requestsPerMonth = 250000; });
    Component w;
    w.id = QStringLiteral("w");
    w.name = QStringLiteral("W");
    w.role = Role::Backend;
    w.binding = {QStringLiteral("cloudflare-workers"), QStringLiteral("free"), {}};
    w.traffic.requestsPerMonth = 600000; // 20,000 a day; the free cap is 100,000 a day
    p.options[0].components.push_back(w);
    const Sweep s = computeSweep(p, {QStringLiteral("o")}, testCatalogue(), 0.01, 1000, 61);
    const Sweep::Breakpoint *allowance = nullptr;
    const Sweep::Breakpoint *plan = nullptr;
    for (const auto &bp : s.breakpoints) {
        if (bp.kind == QLatin1String("allowance") && bp.component == QLatin1String("c"))
            allowance = &bp;
        if (bp.kind == QLatin1String("plan"))
            plan = &bp;
    }
    QVERIFY(allowance);
    QVERIFY(qAbs(allowance->multiplier - 4.0) < 1e-12); // 1M included / 250k
    QVERIFY(plan);
    QCOMPARE(plan->component, QStringLiteral("w"));
    QVERIFY(qAbs(plan->multiplier - 5.0) < 1e-12); // 100k × 30 / 600k
}

using OptionSetup = std::function<void(Option &)>;

void TestCost::vendorWorkedExamples_data()
{
    // Worked examples published by the vendors themselves. Each row models the example's
    // inputs and compares the engine's total with the vendor's stated total. `withAccount`:
    // whether the vendor's total includes the account fee. `tolerance`: the vendor rounds
    // each line to cents (or whole dollars where said).
    QTest::addColumn<OptionSetup>("setup");
    QTest::addColumn<bool>("withAccount");
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("tolerance");
    auto row
        = [](const char *name, OptionSetup s, bool withAccount, double expected, double tolerance) {
              QTest::newRow(name) << s << withAccount << expected << tolerance;
          };
    const Binding workersPaid{QStringLiteral("cloudflare-workers"), QStringLiteral("paid"), {}};
    // https://developers.cloudflare.com/workers/platform/pricing/ (cloudflare-docs pricing.mdx
    // @07acbb6), example 1: 15 M requests, 7 ms CPU each: $5 + $1.50 + $1.50 = $8.00.
    row(
        "Cloudflare Workers, example 1 ($8.00)",
        [=](Option &o) {
            Component w = comp("worker", Role::Backend, workersPaid);
            w.traffic.requestsPerMonth = 15e6;
            w.workload.cpuMsPerRequest = 7;
            o.components.push_back(w);
        },
        true, 8.00, 0.005);
    // Same page, example 2: 15 M requests, 80 % (12 M) static assets: $5.00.
    row(
        "Cloudflare Workers, example 2 with static assets ($5.00)",
        [=](Option &o) {
            Component assets = comp(
                "assets", Role::Frontend,
                {QStringLiteral("cloudflare-workers-static-assets"), QStringLiteral("paid"), {}});
            assets.traffic.requestsPerMonth = 12e6;
            o.components.push_back(assets);
            Component w = comp("worker", Role::Backend, workersPaid);
            w.traffic.requestsPerMonth = 3e6;
            w.workload.cpuMsPerRequest = 7;
            o.components.push_back(w);
        },
        true, 5.00, 0.005);
    // Same page, example 3: a Cron Trigger once an hour, 720 requests of 180,000 ms CPU: $6.99.
    row(
        "Cloudflare Workers, example 3 cron ($6.99)",
        [=](Option &o) {
            Component w = comp("cron", Role::Scheduler, workersPaid);
            w.traffic.requestsPerMonth = 720;
            w.workload.cpuMsPerRequest = 180000;
            o.components.push_back(w);
        },
        true, 6.99, 0.005);
    // Same page, example 4: 100 M requests at 7 ms: $5 + $27.00 + $13.40 = $45.40.
    row(
        "Cloudflare Workers, example 4 ($45.40)",
        [=](Option &o) {
            Component w = comp("worker", Role::Backend, workersPaid);
            w.traffic.requestsPerMonth = 100e6;
            w.workload.cpuMsPerRequest = 7;
            o.components.push_back(w);
        },
        true, 45.40, 0.005);
    // https://developers.cloudflare.com/durable-objects/platform/pricing/ (lastUpdated
    // 2025-08-22), example 1: one object called 1.5 M times, active 1,000,000 s: ~$5.08.
    row(
        "Durable Objects, example 1 ($5.08)",
        [=](Option &o) {
            Component d
                = comp("object", Role::Backend,
                       {QStringLiteral("cloudflare-durable-objects"), QStringLiteral("paid"), {}});
            d.traffic.requestsPerMonth = 1.5e6;
            d.workload.requestMs = 1000000.0 / 1.5e6 * 1000; // 1,000,000 s of activity in total
            o.components.push_back(d);
        },
        true, 5.08, 0.005);
    // Same page, example 3: 100 objects, one WebSocket each, a message a second for 30 days:
    // 12,960,100 billed requests; 259,200,000 s × 0.128 GB: $1.79 + $409.72 + $5 = $416.51.
    row(
        "Durable Objects, example 3 WebSockets ($416.51)",
        [=](Option &o) {
            Component d
                = comp("objects", Role::Backend,
                       {QStringLiteral("cloudflare-durable-objects"), QStringLiteral("paid"), {}});
            d.traffic.requestsPerMonth = 12960100;
            d.workload.minInstances = 100;  // 100 objects active all month
            d.workload.hoursPerMonth = 720; // the example's 30-day month
            o.components.push_back(d);
        },
        true, 416.51, 0.005);
    // https://developers.cloudflare.com/r2/pricing/ (cloudflare-docs r2/pricing.mdx @07ec87d),
    // Standard example: 1,000 GB stored, 1,000 writes, 1 M reads: $14.85.
    row(
        "R2, standard storage example ($14.85)",
        [=](Option &o) {
            Component r = comp("bucket", Role::ObjectStorage,
                               {QStringLiteral("cloudflare-r2"), QStringLiteral("standard"), {}});
            r.traffic.storageGb = 1000;
            r.traffic.writesPerMonth = 1000;
            r.traffic.readsPerMonth = 1e6;
            o.components.push_back(r);
        },
        true, 14.85, 0.005);
    // Same page, asset hosting: 100,000 files of 100 KB (10 GB), 10 M reads a day × 30: $104.40.
    row(
        "R2, asset hosting example ($104.40)",
        [=](Option &o) {
            Component r = comp("assets", Role::ObjectStorage,
                               {QStringLiteral("cloudflare-r2"), QStringLiteral("standard"), {}});
            r.traffic.storageGb = 10;
            r.traffic.writesPerMonth = 100000;
            r.traffic.readsPerMonth = 300e6;
            o.components.push_back(r);
        },
        true, 104.40, 0.005);
    // https://developers.cloudflare.com/queues/platform/pricing/ (cloudflare-docs @0309c8b),
    // example 1: write, read and delete 1 M messages a day for 30 days: 89 M billed ops, $35.60
    // (the example leaves out the Workers Paid subscription).
    row(
        "Queues, example 1 ($35.60, without the subscription)",
        [=](Option &o) {
            Component q = comp("queue", Role::Queue,
                               {QStringLiteral("cloudflare-queues"), QStringLiteral("paid"), {}});
            q.traffic.writesPerMonth = 60e6; // writes and deletes
            q.traffic.readsPerMonth = 30e6;
            o.components.push_back(q);
        },
        false, 35.60, 0.005);
    // https://aws.amazon.com/lambda/pricing/ example 1 (mobile backend, US East): 3 M requests,
    // 120 ms, 1,536 MB: $2.33 + $0.40 = $2.73.
    row(
        "AWS Lambda, example 1 ($2.73)",
        [=](Option &o) {
            Component l = comp("api", Role::Backend,
                               {QStringLiteral("aws-lambda"), QStringLiteral("on-demand"), {}});
            l.traffic.requestsPerMonth = 3e6;
            l.workload.requestMs = 120;
            l.workload.memoryMb = 1536;
            o.components.push_back(l);
        },
        true, 2.73, 0.005);
    // https://supabase.com/docs/guides/platform/manage-your-usage/compute (supabase compute.mdx
    // @05f9540): Pro plan, one Micro project for 744 h: $25 + $10 − $10 credits = $25.
    row(
        "Supabase, Pro with one Micro project ($25)",
        [=](Option &o) {
            Component d = comp(
                "db", Role::Database,
                {QStringLiteral("supabase"), QStringLiteral("pro"), QStringLiteral("micro")});
            d.workload.hoursPerMonth = 744;
            o.components.push_back(d);
        },
        true, 25.00, 0.005);
    // Same page: three Micro projects: $25 + 3 × $10 − $10 = $45 (the page rounds Micro to $10).
    row(
        "Supabase, Pro with three Micro projects ($45)",
        [=](Option &o) {
            for (const char *id : {"a", "b", "c"}) {
                Component d = comp(
                    id, Role::Database,
                    {QStringLiteral("supabase"), QStringLiteral("pro"), QStringLiteral("micro")});
                d.workload.hoursPerMonth = 744;
                o.components.push_back(d);
            }
        },
        true, 45.00, 0.01);
    // Same page: projects not running all month: Micro 744 h + 20 h + 70 h: $36.21 − $10 = $26.21.
    row(
        "Supabase, projects not running all month ($26.21)",
        [=](Option &o) {
            const std::pair<const char *, double> projects[] = {{"a", 744}, {"b", 20}, {"c", 70}};
            for (const auto &[id, hours] : projects) {
                Component d = comp(
                    id, Role::Database,
                    {QStringLiteral("supabase"), QStringLiteral("pro"), QStringLiteral("micro")});
                d.workload.hoursPerMonth = hours;
                o.components.push_back(d);
            }
        },
        true, 26.21, 0.01);
}

void TestCost::vendorWorkedExamples()
{
    QFETCH(OptionSetup, setup);
    QFETCH(bool, withAccount);
    QFETCH(double, expected);
    QFETCH(double, tolerance);
    Project p;
    p.name = QStringLiteral("Example");
    Option o;
    o.id = QStringLiteral("o");
    o.name = QStringLiteral("O");
    setup(o);
    p.options.push_back(o);
    p.baseline = o.id;
    const Bill b = computeBill(p, p.options[0], testCatalogue(), 1);
    QCOMPARE(b.unknown, 0);
    double total = b.total;
    if (!withAccount)
        for (const auto &l : b.accountLines)
            total -= l.amount.value_or(0);
    QVERIFY2(
        qAbs(total - expected) <= tolerance,
        qPrintable(
            QStringLiteral("engine %1, vendor %2").arg(total, 0, 'f', 4).arg(expected, 0, 'f', 2)));
}

void TestCost::billingSemantics_data()
{
    // The billing units and conversions vendors publish, declared as profile data
    // (tests/data/profiles-test/test-billing.toml); each row fails without its meter key.
    QTest::addColumn<QString>("plan");
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<double>("quantity");
    QTest::addColumn<double>("billable");
    QTest::addColumn<double>("amount");
    auto row = [](const char *name, const char *plan, Setup s, const char *usage, double q,
                  double billable, double amount) {
        QTest::newRow(name) << QString::fromLatin1(plan) << s << QString::fromLatin1(usage) << q
                            << billable << amount;
    };
    // round_up (R2: "one million and one operations ... billed for two million")
    row(
        "round_up: one operation over a unit bills the whole unit", "rounding",
        [](Component &c) { c.traffic.writesPerMonth = 2000001; }, "class-a-ops", 2000001, 2e6,
        9.00);
    row(
        "round_up: exactly at a unit", "rounding",
        [](Component &c) { c.traffic.writesPerMonth = 2e6; }, "class-a-ops", 2e6, 1e6, 4.50);
    row(
        "round_up: 1.1 GB-month bills as 2", "rounding",
        [](Component &c) { c.traffic.storageGb = 11.1; }, "gb-month", 11.1, 2, 0.03);
    // round_up_each (Supabase: "charged for the full hour")
    row(
        "round_up_each: a part of an hour bills the full hour", "rounding",
        [](Component &c) {
            c.workload.minInstances = 1;
            c.workload.hoursPerMonth = 20.5;
        },
        "instance-hours", 21, 21, 0.21);
    // duration_unit_ms (Cloud Run: "rounded up to the nearest 100 ms")
    row(
        "duration_unit_ms: 250 ms bills as 300 ms", "rounding",
        [](Component &c) {
            c.traffic.requestsPerMonth = 1000;
            c.workload.requestMs = 250;
        },
        "gb-s", 300, 300, 0.003);
    // websocket_messages_per_unit (Durable Objects: 20 incoming messages = 1 request)
    row(
        "websocket messages: 20 count as one request", "conversions",
        [](Component &c) {
            c.traffic.requestsPerMonth = 1000;
            c.traffic.websocketMessagesPerMonth = 2e6;
        },
        "requests", 101000, 101000, 0.01515);
    // size_unit_kb (Queues: one operation per 64 KB)
    row(
        "size_unit_kb: a 100 KB message counts twice", "conversions",
        [](Component &c) {
            c.traffic.readsPerMonth = 1e6;
            c.traffic.writesPerMonth = 1e6;
            c.traffic.messageKb = 100;
        },
        "operations", 4e6, 4e6, 1.60);
    row(
        "size_unit_kb: a message up to the unit counts once", "conversions",
        [](Component &c) {
            c.traffic.readsPerMonth = 1e6;
            c.traffic.writesPerMonth = 1e6;
            c.traffic.messageKb = 64;
        },
        "operations", 2e6, 2e6, 0.80);
    // replicated_writes (Upstash Global: each replicated write counts as a command)
    row(
        "replicated writes: once more per read replica", "conversions",
        [](Component &c) {
            c.traffic.readsPerMonth = 100000;
            c.traffic.writesPerMonth = 100000;
            c.traffic.readReplicas = 2;
        },
        "commands", 400000, 400000, 0.80);
    // count_stored_vectors (Vectorize: (10,000 + 100) × 384 = 3.878 million)
    row(
        "queried dimensions count the stored vectors", "conversions",
        [](Component &c) {
            c.traffic.vectorsStored = 10000;
            c.traffic.vectorQueriesPerMonth = 100;
            c.traffic.vectorDimensions = 384;
        },
        "queried-vector-dimensions", 3878400, 3878400, 0.038784);
    // stopped-gb-months (Fly: "Each 1GB of rootfs for a Machine stopped for 30 days is $0.15")
    row(
        "stopped machine: rootfs for the time not running", "machines",
        [](Component &c) {
            c.traffic.requestsPerMonth = 36000; // 36,000 s = 10 h of a 720-h month
            c.workload.requestMs = 1000;
            c.workload.artifactMb = 500;
        },
        "stopped-gb-months", 0.5 * 710.0 / 720.0, 0.5 * 710.0 / 720.0, 0.15 * 0.5 * 710.0 / 720.0);
    row(
        "stopped machines: two of three kept stopped all month", "machines",
        [](Component &c) {
            c.workload.minInstances = 1;
            c.workload.maxInstances = 3;
            c.workload.artifactMb = 1000;
        },
        "stopped-gb-months", 2, 2, 0.30);
    // basis idle (Cloud Run idle minimum instances)
    row(
        "idle minimum instance: its time not serving", "machines",
        [](Component &c) {
            c.workload.minInstances = 1;
            c.traffic.requestsPerMonth = 3600;
            c.workload.requestMs = 1000;
            c.workload.vcpu = 1;
        },
        "vcpu-s", 720 * 3600 - 3600, 720 * 3600 - 3600, (720 * 3600 - 3600) * 0.0000025);
    // month_hours (a vendor that prices per 30 days)
    row(
        "720-hour month: an always-on machine is one month", "machines",
        [](Component &c) { c.workload.minInstances = 1; }, "instance-months", 1, 1, 5.70);
    row(
        "720-hour month: 360 hours are half a month", "machines",
        [](Component &c) {
            c.workload.minInstances = 1;
            c.workload.hoursPerMonth = 360;
        },
        "instance-months", 0.5, 0.5, 2.85);
}

void TestCost::billingSemantics()
{
    QFETCH(QString, plan);
    QFETCH(Setup, setup);
    QFETCH(QString, usage);
    QFETCH(double, quantity);
    QFETCH(double, billable);
    QFETCH(double, amount);
    const Project p = oneComponent(Binding{QStringLiteral("test-billing"), plan, {}}, setup);
    const Bill b = computeBill(p, p.options[0], testCatalogue(), 1);
    const BillLine *l = lineOf(b, QStringLiteral("c"), usage);
    QVERIFY2(l, qPrintable(usage));
    QVERIFY(l->quantity && l->billable && l->amount);
    QVERIFY2(qAbs(*l->quantity - quantity) < 1e-6,
             qPrintable(QString::number(*l->quantity, 'g', 12)));
    QVERIFY2(qAbs(*l->billable - billable) < 1e-6,
             qPrintable(QString::number(*l->billable, 'g', 12)));
    QVERIFY2(qAbs(*l->amount - amount) < 1e-9, qPrintable(QString::number(*l->amount, 'g', 12)));
}

void TestCost::idleMetersBillOnlyMinimumInstances()
{
    // Without minimum instances nothing idles: no idle line at all.
    const Project p = oneComponent({QStringLiteral("test-billing"), QStringLiteral("machines"), {}},
                                   [](Component &c) {
                                       c.traffic.requestsPerMonth = 3600;
                                       c.workload.requestMs = 1000;
                                   });
    const Bill b = computeBill(p, p.options[0], testCatalogue(), 1);
    QVERIFY(!lineOf(b, QStringLiteral("c"), QStringLiteral("vcpu-s")));
}

void TestCost::allowancesPerComponentAndInstance()
{
    // Per-component (Supabase: 8 GB of disk per project), per-instance and per-account
    // allowances side by side on two components of the same plan.
    Project p = oneComponent({QStringLiteral("test-billing"), QStringLiteral("allowances"), {}},
                             [](Component &c) {
                                 c.traffic.storageGb = 10;
                                 c.traffic.readsPerMonth = 600000;
                                 c.traffic.egressGb = 150;
                             });
    Component second = p.options[0].components[0];
    second.id = QStringLiteral("d");
    second.workload.maxInstances = 2; // two instances: 2 × 100 GB of egress included
    second.traffic.egressGb = 250;
    p.options[0].components.push_back(second);
    const Bill b = computeBill(p, p.options[0], testCatalogue(), 1);
    for (const char *id : {"c", "d"})
        QCOMPARE(lineOf(b, QString::fromLatin1(id), QStringLiteral("gb-month"))->included, 8.0);
    QCOMPARE(lineOf(b, QStringLiteral("c"), QStringLiteral("reads"))->included, 600000.0);
    QCOMPARE(lineOf(b, QStringLiteral("d"), QStringLiteral("reads"))->included, 400000.0);
    QCOMPARE(lineOf(b, QStringLiteral("c"), QStringLiteral("egress-gb"))->included, 100.0);
    QCOMPARE(lineOf(b, QStringLiteral("d"), QStringLiteral("egress-gb"))->included, 200.0);
    // 2 × 2 GB × $0.125 + 200,000 reads × $1/M + (50 + 50) GB × $0.10
    QVERIFY2(qAbs(b.total - (0.50 + 0.20 + 10.00)) < 1e-9, qPrintable(QString::number(b.total)));
}

void TestCost::capsAreNotFreeMeters()
{
    // A free plan's capped allowance is a limit: usage beyond it is shown as over the cap,
    // never as $0.00, and the total says so.
    Project p = oneComponent({QStringLiteral("test-quota"), QStringLiteral("free"), {}},
                             [](Component &c) { c.traffic.requestsPerMonth = 45000; });
    Bill b = computeBill(p, p.options[0], testCatalogue(), 1);
    const BillLine *l = lineOf(b, QStringLiteral("c"), QStringLiteral("requests"));
    QVERIFY(l);
    QVERIFY(l->overCap);
    QVERIFY(!l->amount);
    QCOMPARE(*l->billable, 15000.0); // 45,000 − 1,000 × 30
    QCOMPARE(l->note, QStringLiteral("Test Quota (Free) caps this at 1,000 a day: 15,000 of it "
                                     "cannot be served (requests beyond the cap fail)"));
    QCOMPARE(b.overCap, 1);
    QCOMPARE(b.unknown, 0);
    QCOMPARE(b.componentBill(QStringLiteral("c"))->overCap, 1);
    QCOMPARE(b.totalText(), QStringLiteral("≥ $0.00 (1 over a plan's cap)"));
    // Within the cap the line is an ordinary $0.00.
    b = computeBill(p, p.options[0], testCatalogue(), 0.5);
    QCOMPARE(b.overCap, 0);
    QCOMPARE(b.totalText(), QStringLiteral("$0.00"));
    // The sweep marks where the cap is passed as a plan breakpoint, not a free allowance.
    const Sweep s = computeSweep(p, {QStringLiteral("o")}, testCatalogue(), 0.01, 1000, 61);
    QCOMPARE(s.breakpoints.size(), size_t(1));
    QCOMPARE(s.breakpoints[0].kind, QStringLiteral("plan"));
    QVERIFY(qAbs(s.breakpoints[0].multiplier - 30000.0 / 45000.0) < 1e-12);
    // A rebinding suggestion never proposes a plan whose cap the usage passes.
    const CostEstimate e
        = estimateComponentCost(p, p.options[0], p.options[0].components[0], testCatalogue());
    QCOMPARE(e.overCap, 1);
}

QTEST_GUILESS_MAIN(TestCost)
#include "test_cost.moc"
