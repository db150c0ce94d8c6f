// The comparison of a project's options (compare/comparison.h): on synthetic profiles
// (tests/data/profiles-test) that pin down availability, cold starts, budget, deltas and the
// structural diff; on every bundled example, the exact cells of every row; and the writers.
#include "../examples_expected.h"
#include "compare/analysis.h"
#include "compare/comparison.h"
#include "cost/bill.h"
#include "io/projectfile.h"
#include "profiles/catalogue.h"
#include "rules/slo.h"
#include "rules/validate.h"

#include <QtTest>

using namespace stackplan;

namespace {

const Catalogue &testCatalogue()
{
    static const Catalogue c = [] {
        Catalogue cat;
        cat.addDirectory(QStringLiteral(STACKPLAN_TEST_DATA "/profiles-test"));
        cat.finish();
        return cat;
    }();
    return c;
}

const Catalogue &standardCatalogue()
{
    static const Catalogue c = Catalogue::standard({}, false);
    return c;
}

Component component(const char *id, Role role, const char *profile = "", const char *plan = "",
                    const char *instance = "")
{
    Component c;
    c.id = QString::fromLatin1(id);
    c.name = QString::fromLatin1(id).toUpper();
    c.role = role;
    c.binding
        = {QString::fromLatin1(profile), QString::fromLatin1(plan), QString::fromLatin1(instance)};
    c.workload.language = QStringLiteral("javascript");
    c.traffic.requestsPerMonth = 100000;
    return c;
}

Connection connection(const char *from, const char *to, Protocol p = Protocol::Http)
{
    Connection c;
    c.id = QStringLiteral("%1-%2").arg(QLatin1String(from), QLatin1String(to));
    c.from = QString::fromLatin1(from);
    c.to = QString::fromLatin1(to);
    c.protocol = p;
    return c;
}

// Three options over the test profiles. "edge" (the baseline): browser → api on Test Edge
// (SLA 99.9 %) → db on Test DB (no SLA). "host": the api on Test Host's free plan, which sleeps
// and takes 30 s to wake, plus a worker on the standard plan that scales to zero with a 2,500 ms
// cold start. "chain": browser → api on Test Host standard (99.95 %, one warm instance) →
// backend on Test Edge (99.9 %): 99.95 % × 99.9 % = 99.85005 %, below the 99.9 % target.
Project synthetic()
{
    Project p;
    p.name = QStringLiteral("Synthetic");
    p.assumptions.trafficLow = 0.5;
    p.assumptions.trafficTypical = 1;
    p.assumptions.trafficHigh = 2;
    p.assumptions.monthlyBudget = 20;
    p.assumptions.slo.availabilityPct = 99.9;
    p.assumptions.slo.p95Ms = 1000;

    Option edge;
    edge.id = QStringLiteral("edge");
    edge.name = QStringLiteral("Edge | DB");
    edge.components
        = {component("browser", Role::Client), component("api", Role::Backend, "test-edge", "paid"),
           component("db", Role::Database, "test-db", "pro", "small")};
    edge.connections = {connection("browser", "api"), connection("api", "db", Protocol::Sql)};

    Option host;
    host.id = QStringLiteral("host");
    host.name = QStringLiteral("Host");
    host.components
        = {component("browser", Role::Client), component("api", Role::Backend, "test-host", "free"),
           component("db", Role::Database, "test-db", "pro", "small"),
           component("worker", Role::Worker, "test-host", "standard")};
    host.connections = {connection("browser", "api"), connection("api", "db", Protocol::Sql)};

    Option chain;
    chain.id = QStringLiteral("chain");
    chain.name = QStringLiteral("Chain");
    Component warm = component("api", Role::Proxy, "test-host", "standard");
    warm.workload.minInstances = 1;
    chain.components = {component("browser", Role::Client), warm,
                        component("backend", Role::Backend, "test-edge", "paid")};
    chain.connections = {connection("browser", "api"), connection("api", "backend")};

    p.options = {edge, host, chain};
    p.baseline = QStringLiteral("edge");
    return p;
}

Project loadExample(const QString &file)
{
    const ProjectLoad load
        = loadProjectFile(QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/") + file);
    return load.ok() ? *load.project : Project{};
}

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT
private slots:
    void requestPathsAndDelays();
    void availabilityOfTheWorstPath();
    void coldStartAgainstTheP95Target();
    void costsDeltasAndBudget();
    void structuralDiffAgainstTheBaseline();
    void findingsPerOption();
    void crossoversComeFromTheSweep();
    void chosenTrafficAndBaseline();
    void precomputedInputsGiveTheSameComparison();
    void analysisHoldsEverythingOnce();
    void examples_data();
    void examples();
    void unboundComponentsAreNotTheCheapest();
    void storiesAgainstTheirBaselines();
    void writers();

private:
    Comparison m_synthetic;
};

void TestCompare::requestPathsAndDelays()
{
    const Project p = synthetic();
    const auto paths = requestPaths(*p.option(QStringLiteral("host")));
    QCOMPARE(paths.size(), size_t(1)); // the worker has no connection: on no path
    QCOMPARE(paths[0], (std::vector<QString>{"browser", "api", "db"}));
    const ResolvedBinding *standard
        = testCatalogue().resolved({QStringLiteral("test-host"), QStringLiteral("standard"), {}});
    const ResolvedBinding *free
        = testCatalogue().resolved({QStringLiteral("test-host"), QStringLiteral("free"), {}});
    QVERIFY(standard && free);
    Workload w;
    QCOMPARE(coldStartMs(w, standard->capabilities), std::optional<double>(2500));
    w.minInstances = 1; // a warm instance: no cold start
    QCOMPARE(coldStartMs(w, standard->capabilities), std::optional<double>());
    QCOMPARE(wakeMs(free->capabilities), std::optional<double>(30000));
    QCOMPARE(wakeMs(standard->capabilities), std::optional<double>());
}

void TestCompare::availabilityOfTheWorstPath()
{
    const Comparison c = compareOptions(synthetic(), testCatalogue());
    const auto &edge = c.option(QStringLiteral("edge"))->availability;
    QCOMPARE(edge.paths, 1);
    QCOMPARE(edge.uncheckablePaths, 1);
    QCOMPARE(*edge.worstPct, 99.9); // the known part: Test DB publishes no SLA
    QCOMPARE(edge.withoutSla, QStringList({"db"}));
    QCOMPARE(edge.meetsTarget, std::optional<bool>()); // the unknown factor decides
    const auto &chain = c.option(QStringLiteral("chain"))->availability;
    QCOMPARE(chain.uncheckablePaths, 0);
    QVERIFY(std::fabs(*chain.worstPct - 99.85005) < 1e-9);
    QCOMPARE(chain.worstPath, QStringList({"browser", "api", "backend"}));
    QCOMPARE(chain.meetsTarget, std::optional<bool>(false));
    QCOMPARE(*chain.targetPct, 99.9);
    // Validation reports the same path below the target.
    bool reported = false;
    for (const auto &f : validateProject(synthetic(), testCatalogue()))
        if (f.option == QLatin1String("chain") && f.rule == QLatin1String("slo.availability")
            && f.severity == Severity::Error)
            reported = std::fabs(*f.actual - 99.85) < 1e-9;
    QVERIFY(reported);
}

void TestCompare::coldStartAgainstTheP95Target()
{
    const Comparison c = compareOptions(synthetic(), testCatalogue());
    const auto &host = c.option(QStringLiteral("host"))->coldStart;
    QCOMPARE(*host.worstMs, 30000.0); // waking the free plan beats the worker's 2,500 ms
    QCOMPARE(host.component, QStringLiteral("api"));
    QVERIFY(host.sleeps);
    QCOMPARE(*host.targetMs, 1000.0);
    QCOMPARE(host.meetsTarget, std::optional<bool>(false));
    const auto &chain = c.option(QStringLiteral("chain"))->coldStart;
    QCOMPARE(chain.worstMs, std::optional<double>()); // kept warm; Test Edge states none
    QCOMPARE(chain.meetsTarget, std::optional<bool>(true));
}

void TestCompare::costsDeltasAndBudget()
{
    const Project p = synthetic();
    const Comparison c = compareOptions(p, testCatalogue());
    QCOMPARE(c.baseline, QStringLiteral("edge"));
    QCOMPARE(c.levels, (std::array<double, 3>{0.5, 1, 2}));
    const double base = computeBill(p, p.options[0], testCatalogue(), 1).total;
    for (const Option &o : p.options) {
        const OptionComparison *oc = c.option(o.id);
        QVERIFY(oc);
        for (size_t i = 0; i < 3; ++i) {
            const Bill b = computeBill(p, o, testCatalogue(), c.levels[i]);
            QCOMPARE(oc->costs[i].total, b.total);
            QCOMPARE(oc->costs[i].unknown, b.unknown);
            QCOMPARE(oc->costs[i].text, b.totalText());
        }
        QCOMPARE(oc->cost.total, oc->costs[1].total);
        QCOMPARE(*oc->headroom, 20 - oc->cost.total);
        if (o.id == QLatin1String("edge")) {
            QVERIFY(oc->baseline);
            QCOMPARE(oc->delta.cost, 0.0);
            QCOMPARE(costDeltaText(*oc), QString());
        } else {
            QCOMPARE(oc->delta.cost, oc->cost.total - base);
            if (base > 0)
                QCOMPARE(*oc->delta.costPct, (oc->cost.total - base) / base * 100);
        }
    }
}

void TestCompare::structuralDiffAgainstTheBaseline()
{
    const Comparison c = compareOptions(synthetic(), testCatalogue());
    const OptionComparison *edge = c.option(QStringLiteral("edge"));
    QCOMPARE(edge->platforms, QStringList({"test-db", "test-edge"}));
    QCOMPARE(edge->accounts, QStringList({"test-cloud", "test-db"}));
    QVERIFY(edge->added.isEmpty() && edge->removed.isEmpty() && edge->rebound.isEmpty());
    const OptionComparison *host = c.option(QStringLiteral("host"));
    QCOMPARE(host->added, QStringList({"worker"}));
    QCOMPARE(host->removed, QStringList());
    QCOMPARE(host->rebound, QStringList({"api"}));
    QCOMPARE(host->platforms, QStringList({"test-db", "test-host"}));
    QCOMPARE(host->accounts, QStringList({"test-db", "test-host"}));
    const OptionComparison *chain = c.option(QStringLiteral("chain"));
    QCOMPARE(chain->added, QStringList({"backend"}));
    QCOMPARE(chain->removed, QStringList({"db"}));
    QCOMPARE(chain->rebound, QStringList({"api"}));
    QCOMPARE(chain->accounts, QStringList({"test-cloud", "test-host"}));
}

void TestCompare::findingsPerOption()
{
    const Project p = synthetic();
    const Comparison c = compareOptions(p, testCatalogue());
    for (const Option &o : p.options) {
        const auto findings = validateOption(p, o, testCatalogue());
        const FindingCounts counts = countFindings(findings);
        const OptionComparison *oc = c.option(o.id);
        QCOMPARE(oc->errors, counts.errors);
        QCOMPARE(oc->warnings, counts.warnings);
        QCOMPARE(oc->infos, counts.infos);
        QStringList rules;
        for (const auto &f : findings)
            if (f.severity == Severity::Error && !rules.contains(f.rule))
                rules << f.rule;
        rules.sort();
        QCOMPARE(oc->errorRules, rules);
        if (o.id != QLatin1String("edge"))
            QCOMPARE(oc->delta.errors, oc->errors - c.option(QStringLiteral("edge"))->errors);
    }
    QVERIFY(
        c.option(QStringLiteral("chain"))->errorRules.contains(QStringLiteral("slo.availability")));
}

void TestCompare::crossoversComeFromTheSweep()
{
    const Project p = loadExample(QStringLiteral("allogator.stackplan.json"));
    const Sweep sweep = computeSweep(p, optionIds(p), standardCatalogue());
    const Comparison c = compareOptions(p, standardCatalogue());
    QCOMPARE(c.crossovers.size(), sweep.crossovers.size());
    QVERIFY(!c.crossovers.empty());
    size_t mirrored = 0;
    for (const auto &x : sweep.crossovers) {
        const OptionComparison *below = c.option(x.cheaperBelow);
        const OptionComparison *above = c.option(x.cheaperAbove);
        QVERIFY(below && above);
        bool inBelow = false, inAbove = false;
        for (const auto &o : below->crossovers)
            inBelow |= o.other == x.cheaperAbove && o.multiplier == x.multiplier && !o.cheaperAbove;
        for (const auto &o : above->crossovers)
            inAbove |= o.other == x.cheaperBelow && o.multiplier == x.multiplier && o.cheaperAbove;
        QVERIFY(inBelow && inAbove);
        mirrored += 2;
    }
    size_t listed = 0;
    for (const auto &o : c.options)
        listed += o.crossovers.size();
    QCOMPARE(listed, mirrored);
    // Above ×0.706 the edge rewrite's neurons make it dearer than both other options.
    QCOMPARE(crossoverSentence(c, c.crossovers[0]),
             QStringLiteral("Everything on Cloudflare Workers becomes cheaper than Rewrite for the "
                            "edge (TypeScript Workers + D1 + Workers AI) above ×0.706 traffic "
                            "($25.00 a month each there)"));
}

void TestCompare::chosenTrafficAndBaseline()
{
    const Project p = synthetic();
    CompareSettings s;
    s.traffic = QStringLiteral("high");
    s.baseline = QStringLiteral("chain");
    const Comparison c = compareOptions(p, testCatalogue(), s);
    QCOMPARE(c.traffic, QStringLiteral("high"));
    QCOMPARE(c.multiplier, 2.0);
    QCOMPARE(c.baseline, QStringLiteral("chain"));
    const OptionComparison *chain = c.option(QStringLiteral("chain"));
    const OptionComparison *edge = c.option(QStringLiteral("edge"));
    QVERIFY(chain->baseline && !edge->baseline);
    QCOMPARE(edge->cost.total, edge->costs[2].total);
    QCOMPARE(edge->delta.cost, edge->costs[2].total - chain->costs[2].total);
    QCOMPARE(edge->removed, QStringList({"backend"})); // against chain now
    s.traffic = QStringLiteral("2.5");
    QCOMPARE(compareOptions(p, testCatalogue(), s).multiplier, 2.5);
    s.traffic = QStringLiteral("lots");  // invalid: typical
    s.baseline = QStringLiteral("nope"); // unknown: the project's baseline
    const Comparison fallback = compareOptions(p, testCatalogue(), s);
    QCOMPARE(fallback.multiplier, 1.0);
    QCOMPARE(fallback.traffic, QStringLiteral("typical"));
    QCOMPARE(fallback.baseline, QStringLiteral("edge"));
}

void TestCompare::precomputedInputsGiveTheSameComparison()
{
    const Project p = loadExample(QStringLiteral("allogator.stackplan.json"));
    const auto findings = validateProject(p, standardCatalogue());
    const Sweep sweep = computeSweep(p, optionIds(p), standardCatalogue());
    QCOMPARE(comparisonToJson(compareOptions(p, standardCatalogue(), findings, sweep)),
             comparisonToJson(compareOptions(p, standardCatalogue())));
}

void TestCompare::analysisHoldsEverythingOnce()
{
    const Project p = loadExample(QStringLiteral("allogator.stackplan.json"));
    const Analysis a = analyse(p, standardCatalogue(), 7);
    QCOMPARE(a.revision, quint64(7));
    QCOMPARE(a.findings.size(), validateProject(p, standardCatalogue()).size());
    QCOMPARE(a.bills.size(), size_t(3));
    const auto *hybrid = a.billsOf(QStringLiteral("hybrid"));
    QVERIFY(hybrid);
    QCOMPARE((*hybrid)[2].multiplier, 5.0);
    QCOMPARE((*hybrid)[1].totalText(), QStringLiteral("≥ $26.68 (1 unknown)"));
    QCOMPARE(a.sweep.multipliers.size(), size_t(61));
    QCOMPARE(comparisonToJson(a.comparison),
             comparisonToJson(compareOptions(p, standardCatalogue())));
    QCOMPARE(a.findingsOf(QStringLiteral("all-workers")).size(), size_t(4));
    QVERIFY(a.billsOf(QStringLiteral("nope")) == nullptr);
}

void TestCompare::examples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("row");
    QTest::addColumn<QStringList>("cells");
    // Every row of `stackplan compare` on every bundled example, cell by cell. Hand checks
    // (see tests/examples_expected.h for the bills): allogator typical $25.00 / ≥ $26.68 /
    // $34.70, at ×0.3 the edge rewrite is 0.9 M − 0.3 M free neurons × $0.011/1,000 = $6.60 +
    // $5 = $11.60 and at ×5 $166.70; −6 % = $25.00 / $26.68 − 1; $80 − $34.70 = $45.30 left;
    // Cloud Run publishes 99.95 %, self-serve Workers and Supabase no SLA; FLRTS after: a
    // Cloudflare Container scales to zero and starts in about 3,000 ms, above the 300 ms p95.
    // ---- allogator
    QTest::newRow("allogator/cost-low")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("cost-low")
        << QStringList{QStringLiteral("$25.00"), QStringLiteral("≥ $25.00 (1 unknown)"),
                       QStringLiteral("$11.60")};
    QTest::newRow("allogator/cost-typical")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("cost-typical")
        << QStringList{QStringLiteral("$25.00"), QStringLiteral("≥ $26.68 (1 unknown)"),
                       QStringLiteral("$34.70")};
    QTest::newRow("allogator/cost-high")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("cost-high")
        << QStringList{QStringLiteral("$25.00"), QStringLiteral("≥ $51.34 (1 unknown)"),
                       QStringLiteral("$166.70")};
    QTest::newRow("allogator/delta")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("delta")
        << QStringList{QStringLiteral("−6 % vs baseline"), QStringLiteral("baseline"),
                       QStringLiteral("+30 % vs baseline")};
    QTest::newRow("allogator/budget")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("budget")
        << QStringList{QStringLiteral("$55.00 left"), QStringLiteral("≤ $53.32 left"),
                       QStringLiteral("$45.30 left")};
    QTest::newRow("allogator/findings")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("findings")
        << QStringList{QStringLiteral("4 errors"), QStringLiteral("none"),
                       QStringLiteral("1 info")};
    QTest::newRow("allogator/errors")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("errors")
        << QStringList{QStringLiteral(
                           "limit.artifact-size, limit.cpu-time, limit.memory, runtime.language"),
                       QStringLiteral("—"), QStringLiteral("—")};
    QTest::newRow("allogator/findings-delta")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("findings-delta")
        << QStringList{QStringLiteral("+4 errors"), QStringLiteral("baseline"),
                       QStringLiteral("+1 info")};
    QTest::newRow("allogator/availability")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("availability")
        << QStringList{QStringLiteral("unknown (no SLA: frontend, backend, database)"),
                       QStringLiteral("≤ 99.95 % (no SLA: frontend, database)"),
                       QStringLiteral("unknown (no SLA: frontend, api, d1)")};
    QTest::newRow("allogator/cold-start")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("cold-start")
        << QStringList{QStringLiteral("none"), QStringLiteral("none"), QStringLiteral("none")};
    QTest::newRow("allogator/components")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("components")
        << QStringList{
               QStringLiteral("rebound backend"), QStringLiteral("baseline"),
               QStringLiteral(
                   "+ api, d1, workers-ai; − backend, database, llm-apis; rebound frontend")};
    QTest::newRow("allogator/platforms")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("platforms")
        << QStringList{
               QStringLiteral("cloudflare-workers, cloudflare-workers-static-assets, supabase"),
               QStringLiteral("cloudflare-workers-static-assets, google-cloud-run, supabase"),
               QStringLiteral("cloudflare-d1, cloudflare-workers, cloudflare-workers-ai, "
                              "cloudflare-workers-static-assets")};
    QTest::newRow("allogator/accounts")
        << QStringLiteral("allogator.stackplan.json") << QStringLiteral("accounts")
        << QStringList{QStringLiteral("cloudflare, supabase"),
                       QStringLiteral("cloudflare, google-cloud, supabase"),
                       QStringLiteral("cloudflare")};
    // ---- cloudflare-containers-starter
    QTest::newRow("cloudflare-containers-starter/cost-low")
        << QStringLiteral("cloudflare-containers-starter.stackplan.json")
        << QStringLiteral("cost-low")
        << QStringList{QStringLiteral("$5.26"), QStringLiteral("$5.74")};
    QTest::newRow("cloudflare-containers-starter/cost-typical")
        << QStringLiteral("cloudflare-containers-starter.stackplan.json")
        << QStringLiteral("cost-typical")
        << QStringList{QStringLiteral("$6.22"), QStringLiteral("$5.78")};
    QTest::newRow("cloudflare-containers-starter/cost-high")
        << QStringLiteral("cloudflare-containers-starter.stackplan.json")
        << QStringLiteral("cost-high")
        << QStringList{QStringLiteral("$14.00"), QStringLiteral("$6.10")};
    QTest::newRow("cloudflare-containers-starter/delta")
        << QStringLiteral("cloudflare-containers-starter.stackplan.json") << QStringLiteral("delta")
        << QStringList{QStringLiteral("baseline"), QStringLiteral("−7 % vs baseline")};
    QTest::newRow("cloudflare-containers-starter/findings")
        << QStringLiteral("cloudflare-containers-starter.stackplan.json")
        << QStringLiteral("findings")
        << QStringList{QStringLiteral("none"), QStringLiteral("none")};
    QTest::newRow("cloudflare-containers-starter/errors")
        << QStringLiteral("cloudflare-containers-starter.stackplan.json")
        << QStringLiteral("errors") << QStringList{QStringLiteral("—"), QStringLiteral("—")};
    QTest::newRow("cloudflare-containers-starter/findings-delta")
        << QStringLiteral("cloudflare-containers-starter.stackplan.json")
        << QStringLiteral("findings-delta")
        << QStringList{QStringLiteral("baseline"), QStringLiteral("same")};
    QTest::newRow("cloudflare-containers-starter/availability")
        << QStringLiteral("cloudflare-containers-starter.stackplan.json")
        << QStringLiteral("availability")
        << QStringList{QStringLiteral("unknown (no SLA: router, assets, api)"),
                       QStringLiteral("unknown (no SLA: monolith)")};
    QTest::newRow("cloudflare-containers-starter/cold-start")
        << QStringLiteral("cloudflare-containers-starter.stackplan.json")
        << QStringLiteral("cold-start")
        << QStringList{QStringLiteral("3,000 ms cold start (api)"), QStringLiteral("none")};
    QTest::newRow("cloudflare-containers-starter/components")
        << QStringLiteral("cloudflare-containers-starter.stackplan.json")
        << QStringLiteral("components")
        << QStringList{QStringLiteral("baseline"),
                       QStringLiteral("+ monolith; − router, assets, api")};
    QTest::newRow("cloudflare-containers-starter/platforms")
        << QStringLiteral("cloudflare-containers-starter.stackplan.json")
        << QStringLiteral("platforms")
        << QStringList{
               QStringLiteral(
                   "cloudflare-containers, cloudflare-workers, cloudflare-workers-static-assets"),
               QStringLiteral("fly-machines")};
    QTest::newRow("cloudflare-containers-starter/accounts")
        << QStringLiteral("cloudflare-containers-starter.stackplan.json")
        << QStringLiteral("accounts")
        << QStringList{QStringLiteral("cloudflare"), QStringLiteral("fly")};
    // ---- fastapi-websockets-baml
    QTest::newRow("fastapi-websockets-baml/cost-low")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json") << QStringLiteral("cost-low")
        << QStringList{QStringLiteral("$30.00"), QStringLiteral("$40.25"), QStringLiteral("$50.75"),
                       QStringLiteral("$30.92"), QStringLiteral("$25.00")};
    QTest::newRow("fastapi-websockets-baml/cost-typical")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json")
        << QStringLiteral("cost-typical")
        << QStringList{QStringLiteral("$30.00"), QStringLiteral("$40.50"), QStringLiteral("$51.50"),
                       QStringLiteral("$31.02"), QStringLiteral("$25.00")};
    QTest::newRow("fastapi-websockets-baml/cost-high")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json") << QStringLiteral("cost-high")
        << QStringList{QStringLiteral("$30.00"), QStringLiteral("$42.00"), QStringLiteral("$56.00"),
                       QStringLiteral("$31.62"), QStringLiteral("$25.00")};
    QTest::newRow("fastapi-websockets-baml/delta")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json") << QStringLiteral("delta")
        << QStringList{QStringLiteral("−3 % vs baseline"), QStringLiteral("+31 % vs baseline"),
                       QStringLiteral("+66 % vs baseline"), QStringLiteral("baseline"),
                       QStringLiteral("−19 % vs baseline")};
    QTest::newRow("fastapi-websockets-baml/findings")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json") << QStringLiteral("findings")
        << QStringList{QStringLiteral("1 warning"), QStringLiteral("none"), QStringLiteral("none"),
                       QStringLiteral("none"), QStringLiteral("1 info")};
    QTest::newRow("fastapi-websockets-baml/unbound")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json") << QStringLiteral("unbound")
        << QStringList{QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("—"),
                       QStringLiteral("—"), QStringLiteral("python-backend")};
    QTest::newRow("fastapi-websockets-baml/errors")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json") << QStringLiteral("errors")
        << QStringList{QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("—"),
                       QStringLiteral("—"), QStringLiteral("—")};
    QTest::newRow("fastapi-websockets-baml/findings-delta")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json")
        << QStringLiteral("findings-delta")
        << QStringList{QStringLiteral("+1 warning"), QStringLiteral("same"), QStringLiteral("same"),
                       QStringLiteral("baseline"), QStringLiteral("+1 info")};
    QTest::newRow("fastapi-websockets-baml/availability")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json")
        << QStringLiteral("availability")
        << QStringList{
               QStringLiteral("unknown (no SLA: frontend, api, database)"),
               QStringLiteral("unknown (no SLA: frontend, proxy, backend, database)"),
               QStringLiteral("unknown (no SLA: frontend, proxy, backend, database)"),
               QStringLiteral("unknown (no SLA: frontend, proxy, backend, database)"),
               QStringLiteral("unknown (no SLA: frontend, data-worker, python-backend, database)")};
    QTest::newRow("fastapi-websockets-baml/cold-start")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json") << QStringLiteral("cold-start")
        << QStringList{QStringLiteral("none"), QStringLiteral("none"), QStringLiteral("none"),
                       QStringLiteral("none"), QStringLiteral("none")};
    QTest::newRow("fastapi-websockets-baml/components")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json") << QStringLiteral("components")
        << QStringList{QStringLiteral("+ api; − proxy, backend"), QStringLiteral("rebound backend"),
                       QStringLiteral("rebound backend"), QStringLiteral("baseline"),
                       QStringLiteral("+ data-worker, python-backend; − proxy, backend")};
    QTest::newRow("fastapi-websockets-baml/platforms")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json") << QStringLiteral("platforms")
        << QStringList{
               QStringLiteral("cloudflare-pages, cloudflare-workers, supabase"),
               QStringLiteral("cloudflare-pages, cloudflare-workers, railway, supabase"),
               QStringLiteral("cloudflare-pages, cloudflare-workers, render-web-service, supabase"),
               QStringLiteral("cloudflare-pages, cloudflare-workers, fly-machines, supabase"),
               QStringLiteral("cloudflare-pages, cloudflare-workers, supabase")};
    QTest::newRow("fastapi-websockets-baml/accounts")
        << QStringLiteral("fastapi-websockets-baml.stackplan.json") << QStringLiteral("accounts")
        << QStringList{QStringLiteral("cloudflare, supabase"),
                       QStringLiteral("cloudflare, railway, supabase"),
                       QStringLiteral("cloudflare, render, supabase"),
                       QStringLiteral("cloudflare, fly, supabase"),
                       QStringLiteral("cloudflare, supabase")};
    // ---- flrts-cloudflare-migration
    QTest::newRow("flrts-cloudflare-migration/cost-low")
        << QStringLiteral("flrts-cloudflare-migration.stackplan.json") << QStringLiteral("cost-low")
        << QStringList{QStringLiteral("≥ $54.04 (1 unknown)"),
                       QStringLiteral("≥ $32.87 (1 unknown)")};
    QTest::newRow("flrts-cloudflare-migration/cost-typical")
        << QStringLiteral("flrts-cloudflare-migration.stackplan.json")
        << QStringLiteral("cost-typical")
        << QStringList{QStringLiteral("≥ $57.61 (1 unknown)"),
                       QStringLiteral("≥ $34.85 (1 unknown)")};
    QTest::newRow("flrts-cloudflare-migration/cost-high")
        << QStringLiteral("flrts-cloudflare-migration.stackplan.json")
        << QStringLiteral("cost-high")
        << QStringList{QStringLiteral("≥ $71.91 (1 unknown)"),
                       QStringLiteral("≥ $43.45 (1 unknown)")};
    QTest::newRow("flrts-cloudflare-migration/delta")
        << QStringLiteral("flrts-cloudflare-migration.stackplan.json") << QStringLiteral("delta")
        << QStringList{QStringLiteral("+65 % vs baseline"), QStringLiteral("baseline")};
    QTest::newRow("flrts-cloudflare-migration/findings")
        << QStringLiteral("flrts-cloudflare-migration.stackplan.json") << QStringLiteral("findings")
        << QStringList{QStringLiteral("1 info"), QStringLiteral("1 warning, 1 info")};
    QTest::newRow("flrts-cloudflare-migration/errors")
        << QStringLiteral("flrts-cloudflare-migration.stackplan.json") << QStringLiteral("errors")
        << QStringList{QStringLiteral("—"), QStringLiteral("—")};
    QTest::newRow("flrts-cloudflare-migration/findings-delta")
        << QStringLiteral("flrts-cloudflare-migration.stackplan.json")
        << QStringLiteral("findings-delta")
        << QStringList{QStringLiteral("−1 warning"), QStringLiteral("baseline")};
    QTest::newRow("flrts-cloudflare-migration/availability")
        << QStringLiteral("flrts-cloudflare-migration.stackplan.json")
        << QStringLiteral("availability")
        << QStringList{
               QStringLiteral("unknown (no SLA: backend, redis, vector, media, supabase, neo4j)"),
               QStringLiteral("unknown (no SLA: mini-app, router, backend, kv, vector, media, "
                              "supabase, neo4j)")};
    QTest::newRow("flrts-cloudflare-migration/cold-start")
        << QStringLiteral("flrts-cloudflare-migration.stackplan.json")
        << QStringLiteral("cold-start")
        << QStringList{QStringLiteral("none"),
                       QStringLiteral("3,000 ms cold start (backend) ✗ above 300 ms")};
    QTest::newRow("flrts-cloudflare-migration/components")
        << QStringLiteral("flrts-cloudflare-migration.stackplan.json")
        << QStringLiteral("components")
        << QStringList{QStringLiteral("+ redis; − mini-app-users, mini-app, router, kv; rebound "
                                      "backend, vector, media"),
                       QStringLiteral("baseline")};
    QTest::newRow("flrts-cloudflare-migration/platforms")
        << QStringLiteral("flrts-cloudflare-migration.stackplan.json")
        << QStringLiteral("platforms")
        << QStringList{QStringLiteral("aws-s3, neo4j-aura, render-web-service, supabase, "
                                      "upstash-redis, upstash-vector"),
                       QStringLiteral(
                           "cloudflare-containers, cloudflare-kv, cloudflare-pages, cloudflare-r2, "
                           "cloudflare-vectorize, cloudflare-workers, neo4j-aura, supabase")};
    QTest::newRow("flrts-cloudflare-migration/accounts")
        << QStringLiteral("flrts-cloudflare-migration.stackplan.json") << QStringLiteral("accounts")
        << QStringList{QStringLiteral("aws, neo4j, render, supabase, upstash"),
                       QStringLiteral("cloudflare, neo4j, supabase")};
    // ---- inkcre-python-workers
    QTest::newRow("inkcre-python-workers/cost-low")
        << QStringLiteral("inkcre-python-workers.stackplan.json") << QStringLiteral("cost-low")
        << QStringList{QStringLiteral("$5.00"), QStringLiteral("$25.07")};
    QTest::newRow("inkcre-python-workers/cost-typical")
        << QStringLiteral("inkcre-python-workers.stackplan.json") << QStringLiteral("cost-typical")
        << QStringList{QStringLiteral("$5.00"), QStringLiteral("$25.15")};
    QTest::newRow("inkcre-python-workers/cost-high")
        << QStringLiteral("inkcre-python-workers.stackplan.json") << QStringLiteral("cost-high")
        << QStringList{QStringLiteral("$8.30"), QStringLiteral("$25.45")};
    QTest::newRow("inkcre-python-workers/delta")
        << QStringLiteral("inkcre-python-workers.stackplan.json") << QStringLiteral("delta")
        << QStringList{QStringLiteral("baseline"), QStringLiteral("+403 % vs baseline")};
    QTest::newRow("inkcre-python-workers/findings")
        << QStringLiteral("inkcre-python-workers.stackplan.json") << QStringLiteral("findings")
        << QStringList{QStringLiteral("2 errors, 1 info"), QStringLiteral("1 info")};
    QTest::newRow("inkcre-python-workers/unbound")
        << QStringLiteral("inkcre-python-workers.stackplan.json") << QStringLiteral("unbound")
        << QStringList{QStringLiteral("postgres"), QStringLiteral("postgres")};
    QTest::newRow("inkcre-python-workers/errors")
        << QStringLiteral("inkcre-python-workers.stackplan.json") << QStringLiteral("errors")
        << QStringList{QStringLiteral("feature.background-jobs, runtime.packages"),
                       QStringLiteral("—")};
    QTest::newRow("inkcre-python-workers/findings-delta")
        << QStringLiteral("inkcre-python-workers.stackplan.json")
        << QStringLiteral("findings-delta")
        << QStringList{QStringLiteral("baseline"), QStringLiteral("−2 errors")};
    QTest::newRow("inkcre-python-workers/availability")
        << QStringLiteral("inkcre-python-workers.stackplan.json") << QStringLiteral("availability")
        << QStringList{QStringLiteral("unknown (no SLA: core, kv, postgres)"),
                       QStringLiteral("unknown (no SLA: core, postgres)")};
    QTest::newRow("inkcre-python-workers/cold-start")
        << QStringLiteral("inkcre-python-workers.stackplan.json") << QStringLiteral("cold-start")
        << QStringList{QStringLiteral("1,000 ms cold start (core)"), QStringLiteral("none")};
    QTest::newRow("inkcre-python-workers/components")
        << QStringLiteral("inkcre-python-workers.stackplan.json") << QStringLiteral("components")
        << QStringList{QStringLiteral("baseline"),
                       QStringLiteral("− hyperdrive, kv, workers-ai; rebound core")};
    QTest::newRow("inkcre-python-workers/platforms")
        << QStringLiteral("inkcre-python-workers.stackplan.json") << QStringLiteral("platforms")
        << QStringList{QStringLiteral("cloudflare-hyperdrive, cloudflare-kv, "
                                      "cloudflare-python-workers, cloudflare-workers-ai"),
                       QStringLiteral("render-web-service")};
    QTest::newRow("inkcre-python-workers/accounts")
        << QStringLiteral("inkcre-python-workers.stackplan.json") << QStringLiteral("accounts")
        << QStringList{QStringLiteral("cloudflare"), QStringLiteral("render")};
}

void TestCompare::examples()
{
    QFETCH(QString, file);
    QFETCH(QString, row);
    QFETCH(QStringList, cells);
    const Comparison c = compareOptions(loadExample(file), standardCatalogue());
    for (const auto &r : comparisonRows(c))
        if (r.key == row) {
            QCOMPARE(r.cells, cells);
            return;
        }
    QFAIL("no such row");
}

void TestCompare::unboundComponentsAreNotTheCheapest()
{
    // Workers → Supabase only costs the least because its Python backend is bound to nothing:
    // it is not offered as the cheapest option; the Workers rewrite is ($30.00, one warning).
    const Comparison c = compareOptions(
        loadExample(QStringLiteral("fastapi-websockets-baml.stackplan.json")), standardCatalogue());
    QCOMPARE(c.option(QStringLiteral("workers-supabase-only"))->unbound,
             QStringList({"python-backend"}));
    QCOMPARE(c.option(QStringLiteral("workers-supabase-only"))->errors, 0);
    QCOMPARE(c.cheapestPassing(), QStringLiteral("rewrite-workers")); // $30.00, one warning
}

void TestCompare::storiesAgainstTheirBaselines()
{
    for (const auto &e : expected::exampleComparisons()) {
        CompareSettings s;
        s.baseline = QString::fromLatin1(e.baseline);
        const Comparison c
            = compareOptions(loadExample(QString::fromLatin1(e.file)), standardCatalogue(), s);
        const OptionComparison *o = c.option(QString::fromLatin1(e.option));
        QVERIFY2(o, e.option);
        QCOMPARE(costDeltaText(*o), QString::fromUtf8(e.delta));
        QCOMPARE(c.cheapestPassing(), QString::fromLatin1(e.cheapest));
    }
}

void TestCompare::writers()
{
    const Comparison c = compareOptions(synthetic(), testCatalogue());
    // Markdown: a table with a column per option; a pipe in a name is escaped.
    const QString md = comparisonToMarkdown(c);
    QVERIFY(md.startsWith(QStringLiteral("### Synthetic: options compared\n\n"
                                         "|  | **Edge \\| DB** (baseline) | Host | Chain |\n"
                                         "|---|---|---|---|\n")));
    // CSV: a header and one row per option.
    const QList<QByteArray> csv = comparisonToCsv(c).split('\n');
    QCOMPARE(csv.size(), 5); // header, three options, the final newline
    QVERIFY(csv[0].startsWith("option,name,baseline,cost_low,unknown_low,"));
    QVERIFY(csv[1].startsWith("edge,Edge | DB,yes,"));
    QVERIFY(csv[2].contains(",30000,api,1000,no,"));
    // JSON: the format header and every option.
    const auto json = comparisonToJson(c);
    QCOMPARE(json["format"], "stackplan-comparison");
    QCOMPARE(json["options"].size(), size_t(3));
    QCOMPARE(json["options"][2]["availability"]["meets_target"], false);
    QCOMPARE(json["options"][2]["availability"]["worst_pct"], 99.85005);
    QCOMPARE(json["options"][1]["cold_start"]["worst_ms"], 30000);
    // Text: the same rows, the baseline named.
    const QString text = comparisonToText(c);
    QVERIFY(text.contains(QStringLiteral("Edge | DB (baseline)")));
    QVERIFY(text.contains(QStringLiteral("30,000 ms wake-up (api) ✗ above 1,000 ms")));
}

QTEST_GUILESS_MAIN(TestCompare)
#include "test_compare.moc"
