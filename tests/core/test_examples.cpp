// The five seed decisions (../shared/seeds) as bundled examples: each option loads, validates to
// exactly the (rule, component) pairs the document (or a newer source) justifies, and costs what
// the hand-worked arithmetic in the comments says at typical traffic.
#include "../examples_expected.h"
#include "cost/bill.h"
#include "io/projectfile.h"
#include "profiles/catalogue.h"
#include "rules/validate.h"

#include <QDir>
#include <QtTest>

using namespace stackplan;

namespace {

const Catalogue &catalogue()
{
    static const Catalogue c = Catalogue::standard({}, false);
    return c;
}

QString examplePath(const QString &file)
{
    return QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/") + file;
}

} // namespace

class TestExamples : public QObject
{
    Q_OBJECT
private slots:
    void fiveExamplesAreBundled();
    void options_data();
    void options();
    void descriptionsStateTheConclusion();
};

void TestExamples::fiveExamplesAreBundled()
{
    const QStringList files
        = QDir(QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples"))
              .entryList({QStringLiteral("*.stackplan.json")}, QDir::Files, QDir::Name);
    QCOMPARE(files, QStringList({"allogator.stackplan.json",
                                 "cloudflare-containers-starter.stackplan.json",
                                 "fastapi-websockets-baml.stackplan.json",
                                 "flrts-cloudflare-migration.stackplan.json",
                                 "inkcre-python-workers.stackplan.json"}));
    for (const auto &f : files) {
        const ProjectLoad load = loadProjectFile(examplePath(f));
        QVERIFY2(load.ok(), qPrintable(load.error.toString()));
        for (const auto &o : load.project->options)
            for (const auto &c : o.components)
                QVERIFY2(o.layout.count(c.id), qPrintable(f + QLatin1Char('/') + o.id
                                                          + QLatin1Char('/') + c.id)); // arranged
    }
}

void TestExamples::options_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QStringList>("findings");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("unknown");
    for (const auto &e : expected::exampleOptions())
        QTest::newRow(
            qPrintable(QStringLiteral("%1/%2").arg(QLatin1String(e.file), QLatin1String(e.option))))
            << QString::fromLatin1(e.file) << QString::fromLatin1(e.option) << e.findings << e.low
            << e.high << e.unknown;
}

void TestExamples::options()
{
    QFETCH(QString, file);
    QFETCH(QString, option);
    QFETCH(QStringList, findings);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, unknown);
    const ProjectLoad load = loadProjectFile(examplePath(file));
    QVERIFY2(load.ok(), qPrintable(load.error.toString()));
    const Option *o = load.project->option(option);
    QVERIFY(o);
    QStringList actual;
    for (const auto &f : validateOption(*load.project, *o, catalogue()))
        actual << QStringLiteral("%1 %2 %3")
                      .arg(severityId(f.severity), f.rule, f.subjects.join(QLatin1Char(',')));
    QCOMPARE(actual, findings);
    const Bill b
        = computeBill(*load.project, *o, catalogue(), load.project->assumptions.trafficTypical);
    QVERIFY2(b.total >= low && b.total <= high,
             qPrintable(QStringLiteral("total %1").arg(b.total, 0, 'f', 4)));
    QCOMPARE(b.unknown, unknown);
}

void TestExamples::descriptionsStateTheConclusion()
{
    // Each description says what the document concluded and what Stackplan finds, with figures
    // that the checks above recompute.
    const struct {
        const char *file;
        const char *mustContain;
    } cases[] = {
        {"allogator.stackplan.json", "≥ $26.68 a month"},
        {"allogator.stackplan.json", "$30–80"},
        {"fastapi-websockets-baml.stackplan.json",
         "$31.02 a month, against $40.50 on Railway and $51.50 on Render"},
        {"fastapi-websockets-baml.stackplan.json", "a Worker now terminates WebSockets itself"},
        {"cloudflare-containers-starter.stackplan.json", "needs the Workers Paid subscription"},
        {"inkcre-python-workers.stackplan.json", "numpy included"},
        {"flrts-cloudflare-migration.stackplan.json",
         "at least $34.85 a month against at least $57.61"},
        {"flrts-cloudflare-migration.stackplan.json", "apply only under Enterprise agreements"},
        {"allogator.stackplan.json", "×5: $166.70"},
        // The comparison (tests/examples_expected.h, exampleComparisons).
        {"allogator.stackplan.json", "the edge rewrite costs $34.70 (+30 % against the hybrid)"},
        {"fastapi-websockets-baml.stackplan.json",
         "against Fly.io, the rewrite is −3 %, Railway +31 % and Render +66 %"},
        {"flrts-cloudflare-migration.stackplan.json",
         "after is −39 % at typical traffic against the story's −40 %"},
    };
    for (const auto &c : cases) {
        const ProjectLoad load = loadProjectFile(examplePath(QString::fromLatin1(c.file)));
        QVERIFY(load.ok());
        QVERIFY2(load.project->description.contains(QString::fromUtf8(c.mustContain)),
                 c.mustContain);
    }
}

QTEST_GUILESS_MAIN(TestExamples)
#include "test_examples.moc"
