// Benchmarks, run on demand (not registered with ctest):
//   build/tests/bench/bench_engines            all
//   build/tests/bench/bench_engines validate   one function
// Validation of generated options with 200 and 2,000 components (2× connections), a cost
// sweep of 100 points × 5 options of 2,000 components, and the deployment bundle of an option.
#include "cost/sweep.h"
#include "export/bundle.h"
#include "profiles/catalogue.h"
#include "rules/validate.h"

#include "generate.h"

#include <QtTest>

using namespace stackplan;
using namespace stackplan::bench;

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
