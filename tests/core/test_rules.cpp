// Validation rules, one data-driven table per rule: violates, satisfies, exactly at the limit,
// missing data. Synthetic profiles (tests/data/profiles-test) pin down exact semantics; the
// bundled profiles are used for the acceptance scenario.
#include "../enginetest.h"
#include "editor/projecteditor.h"
#include "io/projectfile.h"
#include "profiles/catalogue.h"
#include "rules/validate.h"

#include <QtTest>

#include <functional>

using namespace stackplan;

using Setup = std::function<void(Project &)>;
Q_DECLARE_METATYPE(Setup)

namespace {

Connection conn(const char *from, const char *to, Protocol p, bool pooled = false)
{
    return Connection{QStringLiteral("%1-%2").arg(QLatin1String(from), QLatin1String(to)),
                      QString::fromLatin1(from),
                      QString::fromLatin1(to),
                      p,
                      {},
                      pooled};
}

// browser → web (test-edge free) → api (test-host standard) → db (test-db pro small, pooled)
Project base()
{
    Project p;
    p.name = QStringLiteral("Rules");
    Option o;
    o.id = QStringLiteral("o");
    o.name = QStringLiteral("O");
    o.components.push_back(comp("browser", Role::Client));
    Component web = comp("web", Role::Frontend, {"test-edge", "free", ""});
    web.workload.language = QStringLiteral("javascript");
    o.components.push_back(web);
    Component api = comp("api", Role::Backend, {"test-host", "standard", ""});
    api.workload.language = QStringLiteral("python");
    api.workload.memoryMb = 256;
    o.components.push_back(api);
    o.components.push_back(comp("db", Role::Database, {"test-db", "pro", "small"}));
    o.connections.push_back(conn("browser", "web", Protocol::Http));
    o.connections.push_back(conn("web", "api", Protocol::Http));
    o.connections.push_back(conn("api", "db", Protocol::Sql, true));
    p.options.push_back(o);
    p.baseline = o.id;
    return p;
}

Component &C(Project &p, const char *id)
{
    return *p.options[0].component(QString::fromLatin1(id));
}

Connection &N(Project &p, const char *id)
{
    return *p.options[0].connection(QString::fromLatin1(id));
}

QStringList findingsOf(const Project &p, const QString &rule)
{
    QStringList out;
    for (const auto &f : validateOption(p, p.options[0], testCatalogue()))
        if (f.rule == rule)
            out << severityId(f.severity) + QLatin1Char(' ') + f.subjects.join(QLatin1Char(','));
    return out;
}

const Finding *findFinding(const std::vector<Finding> &all, const QString &rule,
                           const QString &subject)
{
    for (const auto &f : all)
        if (f.rule == rule && f.subjects.value(0) == subject)
            return &f;
    return nullptr;
}

} // namespace

class TestRules : public QObject
{
    Q_OBJECT
private slots:
    void baseProjectIsClean();
    void rules_data();
    void rules();
    void messagesCarryValueLimitUnitAndSource();
    void everyRuleIsDocumentedAndExercised();
    void fixesRemoveTheFindingAndAddNoError_data();
    void fixesRemoveTheFindingAndAddNoError();
    void fastApiOnFreeWorkersFailsOnFourLimitsEachSourced();
    void findingsAreSortedWorstFirst();
    void quotaAndPoolingMessagesArePrecise();
    void protocolFixNeverSuggestsHttpForADatabase();
    void backgroundJobsFixUsesTheNativeScheduler_data();
    void backgroundJobsFixUsesTheNativeScheduler();
};

void TestRules::baseProjectIsClean()
{
    const Project p = base();
    QStringList all;
    for (const auto &f : validateOption(p, p.options[0], testCatalogue()))
        all << f.rule + QLatin1Char(' ') + f.message;
    QCOMPARE(all, QStringList());
}

void TestRules::rules_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<QStringList>("expected");
    auto row = [](const char *name, const char *rule, Setup s, QStringList expected) {
        QTest::newRow(name) << QString::fromLatin1(rule) << s << expected;
    };
    // binding.*
    row("missing: unbound backend", "binding.missing", [](Project &p) { C(p, "api").binding = {}; },
        {"info api"});
    row("missing: clients and external APIs need none", "binding.missing",
        [](Project &p) {
            p.options[0].components.push_back(comp("llm", Role::ExternalApi));
            p.options[0].connections.push_back(conn("api", "llm", Protocol::Http));
        },
        {});
    row("unknown profile", "binding.unknown",
        [](Project &p) { C(p, "api").binding.profile = QStringLiteral("nope"); }, {"error api"});
    row("unknown instance", "binding.unknown",
        [](Project &p) { C(p, "db").binding.instance = QStringLiteral("huge"); }, {"error db"});
    row("role: database on an edge runtime", "binding.role",
        [](Project &p) {
            C(p, "db").binding = {"test-edge", "free", ""};
        },
        {"error db"});
    row("role: satisfied", "binding.role", [](Project &) {}, {});
    row("role: a plan offered only for some roles", "binding.role",
        [](Project &p) {
            p.options[0].components.push_back(
                comp("jobs", Role::Worker, {"test-quota", "free", ""}));
            p.options[0].connections.push_back(conn("api", "jobs", Protocol::Http));
        },
        {"error jobs"});
    row("role: an instance type offered only for some roles", "binding.role",
        [](Project &p) {
            p.options[0].components.push_back(
                comp("jobs", Role::Worker, {"test-quota", "paid", "web"}));
            p.options[0].connections.push_back(conn("api", "jobs", Protocol::Http));
        },
        {"error jobs"});
    row("role: another instance type of the plan hosts it", "binding.role",
        [](Project &p) {
            p.options[0].components.push_back(
                comp("jobs", Role::Worker, {"test-quota", "paid", "any"}));
            p.options[0].connections.push_back(conn("api", "jobs", Protocol::Http));
        },
        {});
    row("plan-requires: socket plan without the paid fee", "binding.plan-requires",
        [](Project &p) {
            p.options[0].components.push_back(
                comp("sock", Role::Backend, {"test-socket", "paid", ""}));
            p.options[0].connections.push_back(conn("api", "sock", Protocol::Http));
        },
        {"error sock"});
    row("plan-requires: satisfied by the paid edge plan", "binding.plan-requires",
        [](Project &p) {
            p.options[0].components.push_back(
                comp("sock", Role::Backend, {"test-socket", "paid", ""}));
            p.options[0].connections.push_back(conn("api", "sock", Protocol::Http));
            C(p, "web").binding.plan = QStringLiteral("paid");
        },
        {});
    // runtime.*
    row("language: python on a JavaScript runtime", "runtime.language",
        [](Project &p) {
            C(p, "api").binding = {"test-edge", "paid", ""};
        },
        {"error api"});
    row("language: typescript runs where javascript runs", "runtime.language",
        [](Project &p) { C(p, "web").workload.language = QStringLiteral("TypeScript"); }, {});
    row("language: missing", "runtime.language",
        [](Project &p) { C(p, "web").workload.language.clear(); }, {});
    row("packages: C-extension package", "runtime.packages",
        [](Project &p) {
            C(p, "web").workload.packages
                = QStringList{"fastapi", "psycopg2_binary==2.9.9", "native-lib>=1"};
        },
        {"error web"});
    row("packages: all loadable", "runtime.packages",
        [](Project &p) {
            C(p, "web").workload.packages = {"fastapi", "psycopg"};
        },
        {});
    row("packages: none listed", "runtime.packages", [](Project &) {}, {});
    // limit.*
    row("memory: above", "limit.memory", [](Project &p) { C(p, "web").workload.memoryMb = 129; },
        {"error web"});
    row("memory: exactly at", "limit.memory",
        [](Project &p) { C(p, "web").workload.memoryMb = 128; }, {});
    row("memory: above a configurable default", "limit.memory",
        [](Project &p) { C(p, "api").workload.memoryMb = 1024; }, {"warning api"});
    row("memory: above the configurable maximum", "limit.memory",
        [](Project &p) { C(p, "api").workload.memoryMb = 4097; }, {"error api"});
    row("memory: missing", "limit.memory",
        [](Project &p) { C(p, "web").workload.memoryMb.reset(); }, {});
    row("cpu: above on free", "limit.cpu-time",
        [](Project &p) { C(p, "web").workload.cpuMsPerRequest = 11; }, {"error web"});
    row("cpu: exactly at", "limit.cpu-time",
        [](Project &p) { C(p, "web").workload.cpuMsPerRequest = 10; }, {});
    row("cpu: above paid default", "limit.cpu-time",
        [](Project &p) {
            C(p, "web").binding.plan = QStringLiteral("paid");
            C(p, "web").workload.cpuMsPerRequest = 51;
        },
        {"warning web"});
    row("cpu: missing", "limit.cpu-time", [](Project &) {}, {});
    row("artifact: above", "limit.artifact-size",
        [](Project &p) { C(p, "web").workload.artifactMb = 10.5; }, {"error web"});
    row("artifact: exactly at", "limit.artifact-size",
        [](Project &p) { C(p, "web").workload.artifactMb = 10; }, {});
    row("duration: above the maximum", "limit.request-duration",
        [](Project &p) { C(p, "api").workload.longestRequestS = 3601; }, {"error api"});
    row("duration: above the default", "limit.request-duration",
        [](Project &p) { C(p, "api").workload.longestRequestS = 301; }, {"warning api"});
    row("duration: exactly at the default", "limit.request-duration",
        [](Project &p) { C(p, "api").workload.longestRequestS = 300; }, {});
    row("duration: typical duration used when no longest", "limit.request-duration",
        [](Project &p) { C(p, "api").workload.requestMs = 400000; }, {"warning api"});
    row("outbound: pool above", "limit.outbound-connections",
        [](Project &p) { C(p, "web").workload.connectionPool = 7; }, {"warning web"});
    row("outbound: exactly at", "limit.outbound-connections",
        [](Project &p) { C(p, "web").workload.connectionPool = 6; }, {});
    row("daily: typical above", "limit.daily-requests",
        [](Project &p) { C(p, "web").traffic.requestsPerMonth = 30030; }, {"error web"});
    row("daily: only high above", "limit.daily-requests",
        [](Project &p) { C(p, "web").traffic.requestsPerMonth = 30000; }, {"warning web"});
    row("daily: exactly at, high = typical", "limit.daily-requests",
        [](Project &p) {
            C(p, "web").traffic.requestsPerMonth = 30000;
            p.assumptions.trafficHigh = 1;
        },
        {});
    row("daily: missing traffic", "limit.daily-requests", [](Project &) {}, {});
    row("storage: above", "limit.storage", [](Project &p) { C(p, "db").traffic.storageGb = 8.01; },
        {"error db"});
    row("storage: exactly at", "limit.storage",
        [](Project &p) { C(p, "db").traffic.storageGb = 8; }, {});
    // limit.daily-requests against the busiest day
    row("daily: the busiest day passes the cap", "limit.daily-requests",
        [](Project &p) {
            C(p, "web").traffic.requestsPerMonth = 27000; // 900 a day
            C(p, "web").traffic.busiestDayFactor = 1.2;   // 1,080 on the busiest day
        },
        {"error web"});
    row("daily: the busiest day within the cap", "limit.daily-requests",
        [](Project &p) {
            C(p, "web").traffic.requestsPerMonth = 24000; // 800 a day
            C(p, "web").traffic.busiestDayFactor = 1.25;  // 1,000 exactly
            p.assumptions.trafficHigh = 1;
        },
        {});
    // limit.quota: free allowances that are caps
    auto quota = [](Project &p, const char *id, auto set) {
        Component q = comp(id, Role::Backend, {"test-quota", "free", ""});
        set(q);
        p.options[0].components.push_back(q);
        p.options[0].connections.push_back(conn("api", id, Protocol::Http));
    };
    row("quota: a daily cap that fails, at typical traffic", "limit.quota",
        [=](Project &p) {
            quota(p, "q", [](Component &c) { c.traffic.requestsPerMonth = 30030; });
        },
        {"error q"});
    row("quota: exactly at the daily cap, high = typical", "limit.quota",
        [=](Project &p) {
            quota(p, "q", [](Component &c) { c.traffic.requestsPerMonth = 30000; });
            p.assumptions.trafficHigh = 1;
        },
        {});
    row("quota: the busiest day passes a daily cap", "limit.quota",
        [=](Project &p) {
            quota(p, "q", [](Component &c) {
                c.traffic.requestsPerMonth = 27000;
                c.traffic.busiestDayFactor = 1.5;
            });
        },
        {"error q"});
    row("quota: only the high traffic level passes it", "limit.quota",
        [=](Project &p) {
            quota(p, "q", [](Component &c) { c.traffic.requestsPerMonth = 15000; });
        },
        {"warning q"});
    row("quota: a throttling cap is a warning", "limit.quota",
        [=](Project &p) { quota(p, "q", [](Component &c) { c.traffic.readsPerMonth = 60000; }); },
        {"warning q"});
    row("quota: components drawing on one allowance are summed", "limit.quota",
        [=](Project &p) {
            quota(p, "q", [](Component &c) { c.traffic.requestsPerMonth = 20000; });
            quota(p, "r", [](Component &c) { c.traffic.requestsPerMonth = 20000; });
        },
        {"error q,r"});
    row("quota: storage above a capped allowance", "limit.quota",
        [=](Project &p) { quota(p, "q", [](Component &c) { c.traffic.storageGb = 1.5; }); },
        {"error q"});
    row("quota: stored vectors above a capped allowance", "limit.quota",
        [=](Project &p) {
            quota(p, "q", [](Component &c) {
                c.role = Role::VectorIndex;
                c.traffic.vectorsStored = 1000;
                c.traffic.vectorDimensions = 768; // 768,000 stored dimensions > 500,000
            });
        },
        {"error q"});
    row("quota: a cap stated as a limit is left to that limit's rule", "limit.quota",
        [](Project &p) {
            C(p, "db").binding = {"test-billing", "machines", ""};
            C(p, "db").traffic.readsPerMonth = 60000; // 2,000 a day, above 1,000 (no cap)
        },
        {});
    // limit.vector-index
    auto index = [](Project &p, auto set) {
        Component v = comp("vec", Role::VectorIndex, {"test-quota", "paid", "any"});
        set(v.traffic);
        p.options[0].components.push_back(v);
        p.options[0].connections.push_back(conn("api", "vec", Protocol::Http));
    };
    row("vector index: dimensions above", "limit.vector-index",
        [=](Project &p) { index(p, [](Traffic &t) { t.vectorDimensions = 1024; }); },
        {"error vec"});
    row("vector index: vectors per index above", "limit.vector-index",
        [=](Project &p) { index(p, [](Traffic &t) { t.vectorsStored = 1001; }); }, {"error vec"});
    row("vector index: indexes per account above", "limit.vector-index",
        [=](Project &p) { index(p, [](Traffic &t) { t.vectorIndexes = 3; }); }, {"error vec"});
    row("vector index: exactly at every limit", "limit.vector-index",
        [=](Project &p) {
            index(p, [](Traffic &t) {
                t.vectorDimensions = 768;
                t.vectorsStored = 1000;
                t.vectorIndexes = 2;
            });
        },
        {});
    // feature.*
    row("websockets: none offered", "feature.websockets",
        [](Project &p) { C(p, "web").workload.websockets = true; }, {"error web"});
    row("websockets: incoming websocket connection counts", "feature.websockets",
        [](Project &p) { N(p, "browser-web").protocol = Protocol::WebSocket; }, {"error web"});
    row("websockets: via a product not connected", "feature.websockets",
        [](Project &p) {
            C(p, "api").binding = {"test-edge-ws", "paid", ""};
            C(p, "api").workload = Workload{};
            C(p, "api").workload.websockets = true;
        },
        {"error api"});
    row("websockets: via a product that is connected", "feature.websockets",
        [](Project &p) {
            C(p, "api").binding = {"test-edge-ws", "paid", ""};
            C(p, "api").workload = Workload{};
            C(p, "api").workload.websockets = true;
            p.options[0].components.push_back(
                comp("sock", Role::Backend, {"test-socket", "paid", ""}));
            p.options[0].connections.push_back(conn("api", "sock", Protocol::Binding));
        },
        {});
    row("websockets: native", "feature.websockets",
        [](Project &p) { C(p, "api").workload.websockets = true; }, {});
    row("filesystem: temporary files, none", "feature.filesystem",
        [](Project &p) { C(p, "web").workload.filesystem = FilesystemNeed::Temporary; },
        {"error web"});
    row("filesystem: temporary files, ephemeral", "feature.filesystem",
        [](Project &p) { C(p, "api").workload.filesystem = FilesystemNeed::Temporary; }, {});
    row("filesystem: persistent files, ephemeral", "feature.filesystem",
        [](Project &p) { C(p, "api").workload.filesystem = FilesystemNeed::Persistent; },
        {"warning api"});
    row("background jobs: request-scoped", "feature.background-jobs",
        [](Project &p) { C(p, "web").workload.backgroundJobs = true; }, {"error web"});
    row("background jobs: always-on", "feature.background-jobs",
        [](Project &p) { C(p, "api").workload.backgroundJobs = true; }, {});
    // Absence is not lack: what a profile does not state gives an info, never an error.
    row("scheduled jobs: the profile states no scheduler", "feature.scheduled-jobs",
        [](Project &p) {
            C(p, "api").binding = {"test-quota", "free", ""};
            C(p, "api").workload.scheduledJobs = {"0 3 * * *"};
        },
        {"error api"});
    row("scheduled jobs: a scheduler not stated is only an info", "feature.scheduled-jobs",
        [](Project &p) { C(p, "api").workload.scheduledJobs = {"0 3 * * *"}; }, {"info api"});
    row("websockets: not stated by the profile", "feature.websockets",
        [](Project &p) {
            C(p, "api").binding = {"test-priced", "metered", ""};
            C(p, "api").workload.websockets = true;
        },
        {"info api"});
    row("websockets: terminated per invocation, coordination needs a product", "feature.websockets",
        [](Project &p) {
            C(p, "api").binding = {"test-quota", "paid", "any"};
            C(p, "api").workload.websockets = true;
        },
        {"warning api"});
    row("websockets: the coordinating product is connected", "feature.websockets",
        [](Project &p) {
            C(p, "api").binding = {"test-quota", "paid", "any"};
            C(p, "api").workload.websockets = true;
            p.options[0].components.push_back(
                comp("sock", Role::Backend, {"test-socket", "paid", ""}));
            p.options[0].connections.push_back(conn("api", "sock", Protocol::Binding));
        },
        {});
    row("filesystem: not stated by the profile", "feature.filesystem",
        [](Project &p) {
            C(p, "api").binding = {"test-priced", "metered", ""};
            C(p, "api").workload.filesystem = FilesystemNeed::Temporary;
        },
        {"info api"});
    row("filesystem: temporary files, in-memory per request", "feature.filesystem",
        [](Project &p) {
            C(p, "api").binding = {"test-quota", "paid", "any"};
            C(p, "api").workload.filesystem = FilesystemNeed::Temporary;
        },
        {});
    row("background jobs: not stated by the profile", "feature.background-jobs",
        [](Project &p) {
            C(p, "api").binding = {"test-priced", "metered", ""};
            C(p, "api").workload.backgroundJobs = true;
        },
        {"info api"});
    row("scheduled jobs: in-process on an always-on host", "feature.scheduled-jobs",
        [](Project &p) {
            C(p, "api").workload.scheduledJobs = {"0 3 * * *"};
            C(p, "api").workload.backgroundJobs = true;
        },
        {});
    row("scheduled jobs: a scheduler calls it", "feature.scheduled-jobs",
        [](Project &p) {
            C(p, "api").workload.scheduledJobs = {"0 3 * * *"};
            p.options[0].components.push_back(
                comp("cron", Role::Scheduler, {"test-edge", "free", ""}));
            p.options[0].connections.push_back(conn("cron", "api", Protocol::Http));
        },
        {});
    row("scheduled jobs: the platform has a scheduler", "feature.scheduled-jobs",
        [](Project &p) { C(p, "web").workload.scheduledJobs = {"*/5 * * * *"}; }, {});
    // connection.*
    row("protocol: edge cannot open redis", "connection.protocol",
        [](Project &p) {
            p.options[0].components.push_back(comp("cache", Role::Cache));
            p.options[0].connections.push_back(conn("web", "cache", Protocol::Redis));
        },
        {"error web-cache"});
    row("protocol: database does not accept websocket", "connection.protocol",
        [](Project &p) { N(p, "api-db").protocol = Protocol::WebSocket; }, {"error api-db"});
    row("protocol: an unbound end is not checked", "connection.protocol",
        [](Project &p) {
            C(p, "db").binding = {};
            N(p, "api-db").protocol = Protocol::Redis; // api opens redis; db would not accept it
        },
        {});
    row("protocol: the bound end still is", "connection.protocol",
        [](Project &p) {
            C(p, "db").binding = {};
            N(p, "api-db").protocol = Protocol::Grpc;
        },
        {"error api-db"});
    row("protocol: a database on a host that serves raw TCP", "connection.protocol",
        [](Project &p) {
            C(p, "db").binding = {"test-quota", "paid", "any"};
        },
        {});
    row("protocol: a host without raw TCP does not serve bolt", "connection.protocol",
        [](Project &p) {
            C(p, "db").binding = {"test-host", "standard", ""};
            N(p, "api-db").protocol = Protocol::Bolt;
        },
        {"error api-db"});
    row("protocol: a queue pushes to a consumer that consumes queues", "connection.protocol",
        [](Project &p) {
            p.options[0].components.push_back(comp("jobs", Role::Queue));
            p.options[0].connections.push_back(conn("jobs", "api", Protocol::Queue));
            C(p, "api").binding = {"test-quota", "paid", "any"};
        },
        {});
    row("protocol: a consumer that does not consume queues", "connection.protocol",
        [](Project &p) {
            p.options[0].components.push_back(comp("jobs", Role::Queue));
            p.options[0].connections.push_back(conn("jobs", "api", Protocol::Queue));
        },
        {"error jobs-api"});
    row("pooling: request-scoped direct to SQL", "connection.pooling",
        [](Project &p) { p.options[0].connections.push_back(conn("web", "db", Protocol::Sql)); },
        {"warning web-db"});
    row("pooling: pooled", "connection.pooling",
        [](Project &p) {
            p.options[0].connections.push_back(conn("web", "db", Protocol::Sql, true));
        },
        {});
    row("pooling: via a pooler", "connection.pooling",
        [](Project &p) {
            p.options[0].components.push_back(
                comp("pool", Role::Proxy, {"test-pooler", "free", ""}));
            Connection c = conn("web", "db", Protocol::Sql);
            c.via = QStringLiteral("pool");
            p.options[0].connections.push_back(c);
        },
        {});
    row("pooling: scale-to-zero container direct", "connection.pooling",
        [](Project &p) { N(p, "api-db").pooled = false; }, {"warning api-db"});
    row("pooling: every instance's connections fit the database", "connection.pooling",
        [](Project &p) {
            N(p, "api-db").pooled = false;
            C(p, "api").workload.maxInstances = 12;
            C(p, "api").workload.connectionPool = 5;
        },
        {});
    row("pooling: summed over the maximum instances they do not fit", "connection.pooling",
        [](Project &p) {
            N(p, "api-db").pooled = false;
            C(p, "api").workload.maxInstances = 13;
            C(p, "api").workload.connectionPool = 5;
        },
        {"warning api-db"});
    row("pooling: a client without max instances cannot be counted", "connection.pooling",
        [](Project &p) {
            N(p, "api-db").pooled = false;
            C(p, "api").workload.connectionPool = 5;
        },
        {"warning api-db"});
    row("pooling: always-on host direct", "connection.pooling",
        [](Project &p) {
            N(p, "api-db").pooled = false;
            C(p, "api").binding.plan = QStringLiteral("free");
        },
        {});
    // capacity.db-connections
    row("db connections: 13 × 5 direct > 60", "capacity.db-connections",
        [](Project &p) {
            N(p, "api-db").pooled = false;
            C(p, "api").workload.maxInstances = 13;
            C(p, "api").workload.connectionPool = 5;
        },
        {"error db,api-db"});
    row("db connections: 12 × 5 = 60 exactly", "capacity.db-connections",
        [](Project &p) {
            N(p, "api-db").pooled = false;
            C(p, "api").workload.maxInstances = 12;
            C(p, "api").workload.connectionPool = 5;
        },
        {});
    row("db connections: pooled 41 × 5 > 200", "capacity.db-connections",
        [](Project &p) {
            C(p, "api").workload.maxInstances = 41;
            C(p, "api").workload.connectionPool = 5;
        },
        {"error db,api-db"});
    row("db connections: missing max instances", "capacity.db-connections",
        [](Project &p) {
            N(p, "api-db").pooled = false;
            C(p, "api").workload.connectionPool = 500;
        },
        {});
    row("db connections: a pooler counts with its own limit", "capacity.db-connections",
        [](Project &p) {
            p.options[0].components.push_back(
                comp("pool", Role::Proxy, {"test-pooler", "free", ""}));
            N(p, "api-db").pooled = false;
            N(p, "api-db").via = QStringLiteral("pool");
            C(p, "api").workload.maxInstances = 100;
            C(p, "api").workload.connectionPool = 10;
        },
        {});
    // availability.sleeps, slo.*
    row("sleeps: free plan", "availability.sleeps",
        [](Project &p) { C(p, "api").binding.plan = QStringLiteral("free"); }, {"warning api"});
    row("sleeps: wake-up above the p95 target", "availability.sleeps",
        [](Project &p) {
            C(p, "api").binding.plan = QStringLiteral("free");
            p.assumptions.slo.p95Ms = 500;
        },
        {"error api"});
    row("sleeps: paid plan", "availability.sleeps", [](Project &) {}, {});
    row("availability: 99.9 × 99.95 below 99.9", "slo.availability",
        [](Project &p) {
            C(p, "db").binding = {};
            p.options[0].components.erase(p.options[0].components.begin() + 3);
            p.options[0].connections.pop_back();
            p.assumptions.slo.availabilityPct = 99.9;
        },
        {"error web,api"});
    row("availability: 99.9 × 99.95 meets 99.8", "slo.availability",
        [](Project &p) {
            p.options[0].components.erase(p.options[0].components.begin() + 3);
            p.options[0].connections.pop_back();
            p.assumptions.slo.availabilityPct = 99.8;
        },
        {});
    row("availability: unknown SLA on the path", "slo.availability",
        [](Project &p) { p.assumptions.slo.availabilityPct = 99.5; }, {"info db"});
    row("availability: known part already below, despite an unknown", "slo.availability",
        [](Project &p) { p.assumptions.slo.availabilityPct = 99.9; }, {"error web,api", "info db"});
    row("availability: no target", "slo.availability", [](Project &) {}, {});
    row("latency: cold start above p95", "slo.latency",
        [](Project &p) { p.assumptions.slo.p95Ms = 300; }, {"warning api"});
    row("latency: kept warm", "slo.latency",
        [](Project &p) {
            p.assumptions.slo.p95Ms = 300;
            C(p, "api").workload.minInstances = 1;
        },
        {});
    row("latency: cold start within p95", "slo.latency",
        [](Project &p) { p.assumptions.slo.p95Ms = 2500; }, {});
    // cost.budget
    auto priced = [](Project &p, const char *plan, double requests) {
        p.options[0].components.push_back(comp("bill", Role::Backend, {"test-priced", plan, ""}));
        p.options[0].components.back().traffic.requestsPerMonth = requests;
        p.options[0].connections.push_back(conn("api", "bill", Protocol::Http));
    };
    row("budget: the typical bill is above it", "cost.budget",
        [=](Project &p) {
            priced(p, "instance", 0); // 20 + 7.30 − 5 + 5 + 9.125 = 36.425 a month
            p.assumptions.monthlyBudget = 30;
        },
        {"warning "});
    row("budget: only the high traffic level is above it", "cost.budget",
        [=](Project &p) {
            priced(p, "metered", 3e6); // $1.00 typical, $4.00 at ×3
            p.assumptions.monthlyBudget = 2;
        },
        {"info "});
    row("budget: within, at every level", "cost.budget",
        [=](Project &p) {
            priced(p, "metered", 3e6);
            p.assumptions.monthlyBudget = 4;
        },
        {});
    row("budget: none stated", "cost.budget", [=](Project &p) { priced(p, "instance", 0); }, {});
    // security, graph
    row("secret with a stored value", "security.secret-value",
        [](Project &p) {
            C(p, "api").env = {EnvVar{QStringLiteral("DATABASE_URL"), true,
                                      QStringLiteral("postgres://u:p@h/db")}};
        },
        {"error api"});
    row("secret without value, plain value", "security.secret-value",
        [](Project &p) {
            C(p, "api").env = {EnvVar{QStringLiteral("DATABASE_URL"), true, {}},
                               EnvVar{QStringLiteral("MODE"), false, QStringLiteral("prod")}};
        },
        {});
    row("isolated component", "graph.isolated",
        [](Project &p) { p.options[0].components.push_back(comp("cache", Role::Cache)); },
        {"warning cache"});
    row("connected only as a via", "graph.isolated",
        [](Project &p) {
            p.options[0].components.push_back(
                comp("pool", Role::Proxy, {"test-pooler", "free", ""}));
            N(p, "api-db").via = QStringLiteral("pool");
        },
        {});
}

void TestRules::rules()
{
    QFETCH(QString, rule);
    QFETCH(Setup, setup);
    QFETCH(QStringList, expected);
    QVERIFY(ruleInfo(rule));
    Project p = base();
    setup(p);
    QVERIFY2(checkOption(p.options[0]).isEmpty(), qPrintable(checkOption(p.options[0])));
    QCOMPARE(findingsOf(p, rule), expected);
}

void TestRules::messagesCarryValueLimitUnitAndSource()
{
    Project p = base();
    C(p, "web").workload.memoryMb = 512;
    N(p, "api-db").pooled = false;
    C(p, "api").workload.maxInstances = 10;
    C(p, "api").workload.connectionPool = 5;
    p.options[0].components.push_back(comp("worker", Role::Worker, {"test-host", "standard", ""}));
    p.options[0].components.back().workload.maxInstances = 4;
    p.options[0].components.back().workload.connectionPool = 4;
    p.options[0].connections.push_back(conn("worker", "db", Protocol::Sql));
    const auto all = validateOption(p, p.options[0], testCatalogue());
    const Finding *mem = findFinding(all, QStringLiteral("limit.memory"), QStringLiteral("web"));
    QVERIFY(mem);
    QCOMPARE(mem->message,
             QStringLiteral("web needs 512 MB of memory; Test Edge (Free) allows 128 MB"));
    QCOMPARE(*mem->actual, 512.0);
    QCOMPARE(*mem->limit, 128.0);
    QCOMPARE(mem->unit, QStringLiteral("MB"));
    QCOMPARE(mem->source, QStringLiteral("https://example.com/limits"));
    QCOMPARE(mem->checked, QDate(2026, 1, 1));
    const Finding *cap
        = findFinding(all, QStringLiteral("capacity.db-connections"), QStringLiteral("db"));
    QVERIFY(cap);
    QCOMPARE(cap->message,
             QStringLiteral("db may receive 10 × 5 (api) + 4 × 4 (worker) = 66 direct connections; "
                            "Test DB (pro / small) allows 60"));
    QCOMPARE(cap->subjects, QStringList({"db", "api-db", "worker-db"}));
    QCOMPARE(cap->fixes.size(), size_t(1));
    QCOMPARE(cap->fixes[0].label, QStringLiteral("Resize db to large (160 direct connections)"));
}

void TestRules::everyRuleIsDocumentedAndExercised()
{
    // Every rule the issue names is in the catalogue with an explanation (rules_data() has rows
    // for each of them).
    const QStringList required = {"binding.missing",
                                  "binding.role",
                                  "binding.plan-requires",
                                  "runtime.language",
                                  "runtime.packages",
                                  "limit.memory",
                                  "limit.cpu-time",
                                  "limit.artifact-size",
                                  "limit.request-duration",
                                  "limit.outbound-connections",
                                  "limit.daily-requests",
                                  "limit.storage",
                                  "feature.websockets",
                                  "feature.filesystem",
                                  "feature.background-jobs",
                                  "feature.scheduled-jobs",
                                  "connection.protocol",
                                  "connection.pooling",
                                  "capacity.db-connections",
                                  "availability.sleeps",
                                  "slo.availability",
                                  "slo.latency",
                                  "security.secret-value",
                                  "graph.isolated",
                                  "limit.quota",
                                  "limit.vector-index",
                                  "cost.budget"};
    QStringList catalogued;
    for (const auto &r : ruleCatalogue()) {
        catalogued << QString::fromLatin1(r.id);
        QVERIFY(QByteArray(r.explanation).size() > 40);
    }
    for (const auto &id : required)
        QVERIFY2(catalogued.contains(id), qPrintable(id));
}

void TestRules::fixesRemoveTheFindingAndAddNoError_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<Setup>("setup");
    auto row = [](const char *name, const char *rule, const char *subject, Setup s) {
        QTest::newRow(name) << QString::fromLatin1(rule) << QString::fromLatin1(subject) << s;
    };
    row("rebind: python on edge", "runtime.language", "api", [](Project &p) {
        C(p, "api").binding = {"test-edge", "paid", ""};
    });
    row("add the websocket provider", "feature.websockets", "api", [](Project &p) {
        C(p, "api").binding = {"test-edge-ws", "paid", ""};
        C(p, "api").workload = Workload{};
        C(p, "api").workload.websockets = true;
    });
    row("move jobs to the scheduler", "feature.background-jobs", "web",
        [](Project &p) { C(p, "web").workload.backgroundJobs = true; });
    row("switch to the plan with the fee", "binding.plan-requires", "sock", [](Project &p) {
        p.options[0].components.push_back(comp("sock", Role::Backend, {"test-socket", "paid", ""}));
        p.options[0].connections.push_back(conn("api", "sock", Protocol::Http));
    });
    row("use the database's pooler", "connection.pooling", "web-db",
        [](Project &p) { p.options[0].connections.push_back(conn("web", "db", Protocol::Sql)); });
    row("resize the database", "capacity.db-connections", "db", [](Project &p) {
        N(p, "api-db").pooled = false;
        C(p, "api").workload.maxInstances = 13;
        C(p, "api").workload.connectionPool = 5;
    });
    row("add the product that coordinates WebSockets", "feature.websockets", "api", [](Project &p) {
        C(p, "web").binding.plan = QStringLiteral("paid"); // provides test-socket's fee
        C(p, "api").binding = {"test-quota", "paid", "any"};
        C(p, "api").workload.websockets = true;
    });
    row("keep one instance warm", "slo.latency", "api",
        [](Project &p) { p.assumptions.slo.p95Ms = 300; });
    row("switch off the sleeping plan", "availability.sleeps", "api",
        [](Project &p) { C(p, "api").binding.plan = QStringLiteral("free"); });
    row("remove the stored secret", "security.secret-value", "api", [](Project &p) {
        C(p, "api").env = {EnvVar{QStringLiteral("TOKEN"), true, QStringLiteral("hunter2")}};
    });
    row("change the protocol", "connection.protocol", "api-db",
        [](Project &p) { N(p, "api-db").protocol = Protocol::WebSocket; });
    row("bind an unbound backend", "binding.missing", "api",
        [](Project &p) { C(p, "api").binding = {}; });
}

void TestRules::fixesRemoveTheFindingAndAddNoError()
{
    QFETCH(QString, rule);
    QFETCH(QString, subject);
    QFETCH(Setup, setup);
    Project p = base();
    setup(p);
    const auto before = validateOption(p, p.options[0], testCatalogue());
    const Finding *f = findFinding(before, rule, subject);
    QVERIFY(f);
    QVERIFY(!f->fixes.empty());
    QSet<QString> errorsBefore;
    for (const auto &b : before)
        if (b.severity == Severity::Error)
            errorsBefore << b.rule + QLatin1Char(' ') + b.subjects.join(QLatin1Char(','));
    for (const auto &fix : f->fixes) {
        ProjectEditor editor(p);
        const QByteArray original = serializeProject(editor.project());
        const auto done = editor.apply(fix.edit);
        QVERIFY2(done.ok(), qPrintable(fix.label + QStringLiteral(": ") + done.error));
        const Project &after = editor.project();
        const auto found = validateOption(after, after.options[0], testCatalogue());
        QVERIFY2(!findFinding(found, rule, subject)
                     || findFinding(found, rule, subject)->severity < f->severity,
                 qPrintable(fix.label));
        for (const auto &a : found)
            if (a.severity == Severity::Error)
                QVERIFY2(errorsBefore.contains(a.rule + QLatin1Char(' ')
                                               + a.subjects.join(QLatin1Char(','))),
                         qPrintable(fix.label + QStringLiteral(" introduced ") + a.rule
                                    + QStringLiteral(": ") + a.message));
        QVERIFY(editor.apply(*done.inverse).ok()); // undo restores it
        QCOMPARE(serializeProject(editor.project()), original);
        QVERIFY(findFinding(
            validateOption(editor.project(), editor.project().options[0], testCatalogue()), rule,
            subject));
    }
}

void TestRules::fastApiOnFreeWorkersFailsOnFourLimitsEachSourced()
{
    // Issue acceptance: the example's FastAPI backend (Python, 512 MB, 200 ms CPU, 150 MB of
    // dependencies) bound to plain Cloudflare Workers on the free plan.
    const ProjectLoad load = loadProjectFile(
        QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/allogator.stackplan.json"));
    QVERIFY(load.ok());
    const Project &p = *load.project;
    const auto findings
        = validateOption(p, *p.option(QStringLiteral("all-workers")), testCatalogue());
    QStringList backendErrors;
    for (const auto &f : findings)
        if (f.subjects == QStringList{"backend"} && f.severity == Severity::Error) {
            backendErrors << f.rule;
            QVERIFY2(f.source.startsWith(QLatin1String("https://developers.cloudflare.com/")),
                     qPrintable(f.source));
            QVERIFY(f.checked.isValid());
        }
    backendErrors.sort();
    QCOMPARE(backendErrors, QStringList({"limit.artifact-size", "limit.cpu-time", "limit.memory",
                                         "runtime.language"}));
    // The hybrid option (Cloud Run) reports no error.
    const auto hybrid = validateOption(p, *p.option(QStringLiteral("hybrid")), testCatalogue());
    QCOMPARE(countFindings(hybrid).errors, 0);

    // Counting one option out of the whole project's findings.
    const auto all = validateProject(p, testCatalogue());
    const FindingCounts workers = countFindings(all, QStringLiteral("all-workers"));
    QCOMPARE(workers.errors, 4);
    // 10 instances × 5 connections fit Supabase Micro's 60 direct connections: no pooling warning.
    QCOMPARE(workers.warnings, 0);
    QCOMPARE(workers.infos, 0);
    QCOMPARE(countFindings(all, QStringLiteral("hybrid")).warnings, 0);
    QCOMPARE(countFindings(all, QStringLiteral("no-such-option")).errors, 0);
    QCOMPARE(countFindings(all).errors, 4);
}

void TestRules::findingsAreSortedWorstFirst()
{
    Project p = base();
    C(p, "web").workload.memoryMb = 512;
    C(p, "api").binding = {};
    p.options[0].components.push_back(comp("cache", Role::Cache));
    const auto all = validateOption(p, p.options[0], testCatalogue());
    QVERIFY(std::is_sorted(all.begin(), all.end()));
    QCOMPARE(all.front().severity, Severity::Error);
    QCOMPARE(all.back().severity, Severity::Info);
}

void TestRules::quotaAndPoolingMessagesArePrecise()
{
    Project p = base();
    Component q = comp("q", Role::Backend, {"test-quota", "free", ""});
    q.traffic.requestsPerMonth = 27000;
    q.traffic.busiestDayFactor = 1.5;
    p.options[0].components.push_back(q);
    p.options[0].connections.push_back(conn("api", "q", Protocol::Http));
    N(p, "api-db").pooled = false;
    C(p, "api").workload.maxInstances = 13;
    C(p, "api").workload.connectionPool = 5;
    const auto all = validateOption(p, p.options[0], testCatalogue());
    const Finding *quota = findFinding(all, QStringLiteral("limit.quota"), QStringLiteral("q"));
    QVERIFY(quota);
    QCOMPARE(quota->message,
             QStringLiteral("q uses 1,350 requests a day on the busiest day at typical "
                            "traffic; Test Quota (Free) caps them at 1,000 a day, beyond which "
                            "requests fail"));
    QCOMPARE(*quota->actual, 1350.0);
    QCOMPARE(*quota->limit, 1000.0);
    QCOMPARE(quota->source, QStringLiteral("https://example.com/requests-cap"));
    const Finding *pool
        = findFinding(all, QStringLiteral("connection.pooling"), QStringLiteral("api-db"));
    QVERIFY(pool);
    QCOMPARE(pool->message,
             QStringLiteral("api runs on Test Host (Standard) (always-on) and connects to db "
                            "directly: up to 13 × 5 (api) = 65 connections at the maximum "
                            "instance counts, above the 60 direct connections of Test DB "
                            "(pro / small)"));
    QCOMPARE(*pool->actual, 65.0);
    QCOMPARE(*pool->limit, 60.0);
}

void TestRules::protocolFixNeverSuggestsHttpForADatabase()
{
    // test-db accepts sql and http; a database is fixed to sql, never to "use http".
    Project p = base();
    N(p, "api-db").protocol = Protocol::WebSocket;
    const auto all = validateOption(p, p.options[0], testCatalogue());
    const Finding *f
        = findFinding(all, QStringLiteral("connection.protocol"), QStringLiteral("api-db"));
    QVERIFY(f);
    QStringList labels;
    for (const auto &fix : f->fixes)
        labels << fix.label;
    QCOMPARE(labels, QStringList({"Use sql for this connection"}));
}

void TestRules::backgroundJobsFixUsesTheNativeScheduler_data()
{
    // Platforms that declare their own scheduler: the background-jobs fix moves the jobs there.
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("plan");
    QTest::addColumn<QString>("fix");
    QTest::newRow("Cloudflare Workers: Cron Triggers") << "cloudflare-workers"
                                                       << "paid"
                                                       << "Move the jobs of api to Cron Triggers";
    QTest::newRow("AWS Lambda: EventBridge Scheduler")
        << "aws-lambda"
        << "on-demand"
        << "Move the jobs of api to EventBridge Scheduler";
    QTest::newRow("Cloud Run request-based: Cloud Scheduler")
        << "google-cloud-run"
        << "request-based"
        << "Move the jobs of api to Cloud Scheduler";
}

void TestRules::backgroundJobsFixUsesTheNativeScheduler()
{
    QFETCH(QString, profile);
    QFETCH(QString, plan);
    QFETCH(QString, fix);
    Project p = base();
    C(p, "api").binding = {profile, plan, ""};
    C(p, "api").workload = Workload{};
    C(p, "api").workload.backgroundJobs = true;
    const auto all = validateOption(p, p.options[0], testCatalogue());
    const Finding *f
        = findFinding(all, QStringLiteral("feature.background-jobs"), QStringLiteral("api"));
    QVERIFY(f);
    QCOMPARE(f->severity, Severity::Error);
    QVERIFY(!f->fixes.empty());
    QCOMPARE(f->fixes.front().label, fix);
}

QTEST_GUILESS_MAIN(TestRules)
#include "test_rules.moc"
