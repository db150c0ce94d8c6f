// Benchmarks, run on demand (not registered with ctest):
//   build/tests/bench/bench_engines            all
//   build/tests/bench/bench_engines validate   one function
// Validation of generated options with 200 and 2,000 components (2× connections), a cost
// sweep of 100 points × 5 options of 2,000 components, and the deployment bundle of an option.
#include "cost/sweep.h"
#include "export/bundle.h"
#include "profiles/catalogue.h"
#include "rules/validate.h"

#include <QtTest>

using namespace stackplan;

namespace {

// A layered system: frontends → proxies → backends/workers → data stores, bound to a spread of
// bundled profiles, so every rule family has work to do.
Option generate(const QString &id, int components, int seed)
{
    struct Kind {
        Role role;
        const char *profile;
        const char *plan;
        const char *instance;
        const char *language;
    };
    const Kind kinds[] = {
        {Role::Frontend, "cloudflare-workers-static-assets", "paid", "", "static"},
        {Role::Proxy, "cloudflare-workers", "paid", "", "typescript"},
        {Role::Backend, "google-cloud-run", "request-based", "", "python"},
        {Role::Backend, "cloudflare-workers", "free", "", "python"},
        {Role::Worker, "fly-machines", "payg", "shared-cpu-1x-512mb", "python"},
        {Role::Backend, "aws-lambda", "on-demand", "", "javascript"},
        {Role::Database, "supabase", "pro", "micro", ""},
        {Role::Cache, "upstash-redis", "payg", "", ""},
        {Role::ObjectStorage, "cloudflare-r2", "standard", "", ""},
        {Role::VectorIndex, "cloudflare-vectorize", "paid", "", ""},
    };
    Option o;
    o.id = id;
    o.name = id;
    for (int i = 0; i < components; ++i) {
        const Kind &k = kinds[(i * 7 + seed) % std::size(kinds)];
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.name = QStringLiteral("Component %1").arg(i);
        c.role = k.role;
        c.binding = Binding{QString::fromLatin1(k.profile), QString::fromLatin1(k.plan),
                            QString::fromLatin1(k.instance)};
        c.workload.language = QString::fromLatin1(k.language);
        c.workload.memoryMb = 128 + (i % 8) * 128;
        c.workload.cpuMsPerRequest = 5 + i % 50;
        c.workload.requestMs = 50 + i % 400;
        c.workload.artifactMb = 1 + i % 80;
        c.workload.connectionPool = 1 + i % 10;
        c.workload.maxInstances = 1 + i % 20;
        c.workload.packages = {QStringLiteral("fastapi"), QStringLiteral("numpy")};
        c.traffic.requestsPerMonth = 10000.0 * (1 + i % 100);
        c.traffic.egressGb = i % 20;
        c.traffic.storageGb = i % 5;
        c.traffic.readsPerMonth = 100000.0 * (i % 7);
        c.traffic.writesPerMonth = 10000.0 * (i % 3);
        c.traffic.vectorQueriesPerMonth = 1000.0 * (i % 4);
        c.traffic.vectorsStored = 10000.0 * (i % 4);
        c.traffic.vectorDimensions = 768;
        o.components.push_back(std::move(c));
    }
    // 2× connections, from each component to two later ones (a DAG), protocol by roles.
    for (int i = 0; i < components; ++i) {
        for (int k = 1; k <= 2; ++k) {
            const int j = (i + k * 3 + seed) % components;
            if (j == i)
                continue;
            const Component &from = o.components[size_t(i)];
            const Component &to = o.components[size_t(j)];
            o.connections.push_back(Connection{QStringLiteral("e%1-%2").arg(i).arg(k),
                                               from.id,
                                               to.id,
                                               defaultProtocol(from.role, to.role),
                                               {},
                                               (i + k) % 2 == 0});
        }
    }
    return o;
}

Project projectOf(int components, int options)
{
    Project p;
    p.name = QStringLiteral("Bench");
    p.assumptions.slo.p95Ms = 300;
    p.assumptions.slo.availabilityPct = 99.9;
    for (int i = 0; i < options; ++i)
        p.options.push_back(generate(QStringLiteral("o%1").arg(i), components, i));
    p.baseline = p.options.front().id;
    return p;
}

} // namespace

class BenchEngines : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void validate_data();
    void validate();
    void sweep();
    void exportBundle_data();
    void exportBundle();

private:
    Catalogue m_catalogue;
};

void BenchEngines::validate_data()
{
    QTest::addColumn<int>("components");
    QTest::newRow("200 components, 400 connections") << 200;
    QTest::newRow("2000 components, 4000 connections") << 2000;
}

void BenchEngines::validate()
{
    QFETCH(int, components);
    const Project p = projectOf(components, 1);
    size_t findings = 0;
    QBENCHMARK
    {
        findings = validateOption(p, p.options.front(), m_catalogue).size();
    }
    QVERIFY(findings > 0);
    qInfo("%d components: %zu findings", components, findings);
}

void BenchEngines::sweep()
{
    const Project p = projectOf(2000, 5);
    Sweep s;
    QBENCHMARK
    {
        s = computeSweep(p, optionIds(p), m_catalogue, 0.01, 1000, 100);
    }
    QCOMPARE(s.series.size(), size_t(5));
    QCOMPARE(s.multipliers.size(), size_t(100));
    qInfo("sweep: 5 options × 2000 components × 100 points; %zu breakpoints, %zu crossovers",
          s.breakpoints.size(), s.crossovers.size());
}

void BenchEngines::exportBundle_data()
{
    validate_data();
}

void BenchEngines::exportBundle()
{
    QFETCH(int, components);
    const Project p = projectOf(components, 1);
    Bundle b;
    QBENCHMARK
    {
        b = makeBundle(p, p.options.front(), m_catalogue);
    }
    qint64 bytes = 0;
    for (const auto &[path, data] : b.files)
        bytes += data.size();
    QVERIFY(b.files.size() > 2);
    qInfo("export of %d components: %zu files, %lld bytes, %zu notes", components, b.files.size(),
          bytes, b.notes.size());
}

QTEST_GUILESS_MAIN(BenchEngines)
#include "bench_engines.moc"
