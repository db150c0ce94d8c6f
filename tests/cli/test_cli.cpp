// The CLI runs headless (no DISPLAY, no QT_QPA_PLATFORM) and prints stable output.
#include "../examples_expected.h"
#include "../render/exporttest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <algorithm>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run stackplan(const QStringList &args, const QMap<QString, QString> &extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(STACKPLAN_BINARY), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString golden(const QString &name)
{
    QFile f(QStringLiteral(STACKPLAN_TEST_DATA "/golden/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("<missing golden file %1>").arg(name);
    return QString::fromUtf8(f.readAll());
}

const QString kExample
    = QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/allogator.stackplan.json");

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void infoPrintsTheExactSummary();
    void badFileGivesExitCode2AndOneLocatedLine();
    void missingArgumentIsAUsageError();
    void versionAndHelpNeedNoDisplay();
    void fmtCheckAcceptsCanonicalFiles();
    void profilesListsTheCatalogue();
    void profilesShowJsonHasBothPlansWithSources();
    void userProfilesOverrideAndBrokenOnesAreReported();
    void validateTextGolden();
    void validateExitCodesAndOptionSelection();
    void validateJsonShape();
    void validateSarifHasTheRequiredFields();
    void rulesMarkdownIsTheDocumentedTable();
    void costTextGoldenExplainsEveryDollar();
    void costJsonCsvAndSweep();
    void costRejectsBadTraffic();
    void compareGoldens_data();
    void compareGoldens();
    void compareTrafficAndBaseline();
    void compareBadInputGivesExitCode2_data();
    void compareBadInputGivesExitCode2();
    void examplesPrintWhatTheExampleTestsExpect();
    void unknownFormatIsABadInput_data();
    void unknownFormatIsABadInput();
    void renderWritesPdfSvgAndPngWithoutADisplay();
    void renderOptionsChangeWhatIsDrawn();
    void renderBadInputGivesExitCode2_data();
    void renderBadInputGivesExitCode2();
    void reportWritesPdfAndHtmlWithoutADisplay();
    void reportBadInputGivesExitCode2_data();
    void reportBadInputGivesExitCode2();
    void onlyRenderCreatesAGuiApplication();
    void exportWritesTheGoldenBundles();
    void exportBadInputGivesExitCode2_data();
    void exportBadInputGivesExitCode2();
    void exportForceAndZip();
    void hostileFilesAndNamesAreSafe();
};

void TestCli::infoPrintsTheExactSummary()
{
    const Run r = stackplan({QStringLiteral("info"), kExample});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, golden(QStringLiteral("info-allogator.txt")));
}

void TestCli::badFileGivesExitCode2AndOneLocatedLine()
{
    const QString bad = QStringLiteral(STACKPLAN_TEST_DATA "/bad/unknown-role.stackplan.json");
    const Run r = stackplan({QStringLiteral("info"), bad});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QCOMPARE(
        r.err,
        QStringLiteral(
            "error: %1:27:19: unknown role \"databse\"; expected one of: client, frontend, proxy, "
            "backend, worker, scheduler, database, cache, object-storage, vector-index, queue, "
            "external-api (at /options/0/components/2/role)\n")
            .arg(bad));
}

void TestCli::missingArgumentIsAUsageError()
{
    const Run r = stackplan({QStringLiteral("info")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("usage: stackplan info FILE\n"));
}

void TestCli::versionAndHelpNeedNoDisplay()
{
    const Run v = stackplan({QStringLiteral("--version")});
    QCOMPARE(v.exitCode, 0);
    QCOMPARE(v.out, QStringLiteral("stackplan 0.1.0\n"));
    const Run h = stackplan({QStringLiteral("--help")});
    QCOMPARE(h.exitCode, 0);
    QVERIFY(h.out.startsWith(QStringLiteral("Usage: ")));
    QVERIFY(h.out.contains(QStringLiteral(
        "Commands (run `stackplan COMMAND --help`): compare, cost, export, fmt, info, profiles, "
        "render, report, rules, validate")));
}

void TestCli::fmtCheckAcceptsCanonicalFiles()
{
    const Run ok = stackplan({QStringLiteral("fmt"), QStringLiteral("--check"), kExample});
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(ok.out, QString());
}

void TestCli::profilesListsTheCatalogue()
{
    const Run r = stackplan({QStringLiteral("profiles"), QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.first().startsWith(QStringLiteral("ID ")));
    QVERIFY(lines.first().endsWith(QStringLiteral("  PLANS")));
    QCOMPARE(lines.last(), QStringLiteral("36 profiles"));
    QCOMPARE(lines.size(), 38);
    QVERIFY(lines.contains(QStringLiteral("cloudflare-workers                Cloudflare Workers    "
                                          "             Cloudflare           free, paid, "
                                          "enterprise")));
}

void TestCli::profilesShowJsonHasBothPlansWithSources()
{
    const Run r = stackplan({QStringLiteral("profiles"), QStringLiteral("show"),
                             QStringLiteral("cloudflare-workers"), QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject p = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(p.value(QStringLiteral("id")).toString(), QStringLiteral("cloudflare-workers"));
    const QJsonArray plans = p.value(QStringLiteral("plans")).toArray();
    QCOMPARE(plans.size(), 3); // Free, Paid, Enterprise (the plan with the SLA)
    QCOMPARE(
        p.value(QStringLiteral("domains")).toArray(),
        QJsonArray({QStringLiteral("cloudflare.com"), QStringLiteral("github.com/cloudflare/")}));
    const QJsonObject freeCpu = plans[0]
                                    .toObject()[QStringLiteral("limits")]
                                    .toObject()[QStringLiteral("cpu_ms")]
                                    .toObject();
    QCOMPARE(freeCpu[QStringLiteral("value")].toInt(), 10);
    QCOMPARE(freeCpu[QStringLiteral("unit")].toString(), QStringLiteral("ms"));
    QCOMPARE(freeCpu[QStringLiteral("source")].toString(),
             QStringLiteral("https://developers.cloudflare.com/workers/platform/limits/"));
    QCOMPARE(freeCpu[QStringLiteral("checked")].toString(), QStringLiteral("2026-02-11"));
    QCOMPARE(freeCpu[QStringLiteral("stale")].toBool(), false);
    const QJsonObject paidCpu = plans[1]
                                    .toObject()[QStringLiteral("limits")]
                                    .toObject()[QStringLiteral("cpu_ms")]
                                    .toObject();
    QCOMPARE(paidCpu[QStringLiteral("value")].toInt(), 30000);
    QCOMPARE(paidCpu[QStringLiteral("max")].toInt(), 300000);
    QCOMPARE(
        plans[1].toObject()[QStringLiteral("fee")].toObject()[QStringLiteral("amount")].toInt(), 5);
    const QJsonObject runtimes
        = p[QStringLiteral("capabilities")].toObject()[QStringLiteral("runtimes")].toObject();
    QCOMPARE(runtimes[QStringLiteral("stale")].toBool(),
             true); // checked 2025-08-20, "today" 2026-11-23

    const Run text
        = stackplan({QStringLiteral("profiles"), QStringLiteral("show"),
                     QStringLiteral("cloudflare-workers"), QStringLiteral("--no-user-profiles")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral(
        "    cpu_ms                 10 ms  "
        "[https://developers.cloudflare.com/workers/platform/limits/, checked 2026-02-11]")));
    const Run missing = stackplan({QStringLiteral("profiles"), QStringLiteral("show"),
                                   QStringLiteral("nope"), QStringLiteral("--no-user-profiles")});
    QCOMPARE(missing.exitCode, 2);
    QCOMPARE(missing.err, QStringLiteral("stackplan profiles: no profile \"nope\"\n"));
}

void TestCli::userProfilesOverrideAndBrokenOnesAreReported()
{
    QTemporaryDir home;
    const QString folder = home.path() + QStringLiteral("/stackplan/profiles");
    QVERIFY(QDir().mkpath(folder));
    QFile src(QStringLiteral(STACKPLAN_SOURCE_DIR "/profiles/neon.toml"));
    QVERIFY(src.open(QIODevice::ReadOnly));
    QByteArray text = src.readAll();
    text.replace("name = \"Neon\"", "name = \"Neon (our negotiated prices)\"");
    QFile dst(folder + QStringLiteral("/neon.toml"));
    QVERIFY(dst.open(QIODevice::WriteOnly));
    dst.write(text);
    dst.close();
    QVERIFY(QFile::copy(QStringLiteral(STACKPLAN_TEST_DATA "/profiles-bad/unknown-limit.toml"),
                        folder + QStringLiteral("/unknown-limit.toml")));
    const Run r
        = stackplan({QStringLiteral("profiles")}, {{QStringLiteral("XDG_DATA_HOME"), home.path()}});
    QCOMPARE(r.exitCode, 2); // a broken profile is an error…
    QCOMPARE(r.err, QStringLiteral("error: %1/unknown-limit.toml:14:13: unknown limit "
                                   "\"memroy_mb\" (at limits.memroy_mb)\n")
                        .arg(folder));
    // …but every other profile loads, and the one that replaces a bundled profile says so.
    QVERIFY(r.out.endsWith(QStringLiteral("36 profiles\n%1/neon.toml replaces :/profiles/neon.toml\n")
                               .arg(folder)));
    QVERIFY(r.out.contains(QStringLiteral("Neon (our negotiated prices)")));
    QVERIFY(r.out.contains(QRegularExpression(
        QStringLiteral("\nneon +Neon \\(our negotiated prices\\) +Neon +[a-z, ]+  "
                       "\\[replaces the bundled profile\\]\n"))));
}

void TestCli::validateTextGolden()
{
    const Run r = stackplan({QStringLiteral("validate"), kExample, QStringLiteral("--all"),
                             QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 1); // the all-workers option has errors
    QCOMPARE(r.out, golden(QStringLiteral("validate-allogator.txt")));
}

void TestCli::validateExitCodesAndOptionSelection()
{
    // Default: the baseline (hybrid), which has no error.
    Run r = stackplan({QStringLiteral("validate"), kExample, QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QStringLiteral(
        "Option hybrid: React on Workers + FastAPI on Cloud Run + Supabase [baseline]\n")));
    // By name as well as by id.
    r = stackplan({QStringLiteral("validate"), kExample, QStringLiteral("--option"),
                   QStringLiteral("Everything on Cloudflare Workers"),
                   QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.endsWith(QStringLiteral("  4 errors, 0 warnings, 0 infos\n\n")));
    r = stackplan(
        {QStringLiteral("validate"), kExample, QStringLiteral("--option"), QStringLiteral("nope")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err,
             QStringLiteral("stackplan validate: no option \"nope\"; options: all-workers "
                            "(\"Everything on Cloudflare "
                            "Workers\"), hybrid (\"React on Workers + FastAPI on Cloud Run + "
                            "Supabase\"), edge-rewrite "
                            "(\"Rewrite for the edge (TypeScript Workers + D1 + Workers AI)\")\n"));
    r = stackplan({QStringLiteral("validate"),
                   QStringLiteral(STACKPLAN_TEST_DATA "/bad/unknown-role.stackplan.json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.startsWith(QStringLiteral("error: ")));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    r = stackplan(
        {QStringLiteral("validate"), kExample, QStringLiteral("--format"), QStringLiteral("xml")});
    QCOMPARE(r.exitCode, 2);
}

void TestCli::validateJsonShape()
{
    const Run r = stackplan({QStringLiteral("validate"), kExample, QStringLiteral("--option"),
                             QStringLiteral("all-workers"), QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o[QStringLiteral("format")].toString(), QStringLiteral("stackplan-findings"));
    QCOMPARE(o[QStringLiteral("version")].toInt(), 1);
    QCOMPARE(o[QStringLiteral("project")].toString(), QStringLiteral("Allogator"));
    QCOMPARE(o[QStringLiteral("counts")].toObject()[QStringLiteral("errors")].toInt(), 4);
    const QJsonArray findings = o[QStringLiteral("findings")].toArray();
    QCOMPARE(findings.size(), 4);
    QJsonObject memory;
    for (const auto &f : findings)
        if (f.toObject()[QStringLiteral("rule")].toString() == QLatin1String("limit.memory"))
            memory = f.toObject();
    QCOMPARE(memory.keys(), QStringList({"actual", "checked", "fixes", "limit", "message", "option",
                                         "rule", "severity", "source", "subjects", "unit"}));
    QCOMPARE(memory[QStringLiteral("severity")].toString(), QStringLiteral("error"));
    QCOMPARE(memory[QStringLiteral("option")].toString(), QStringLiteral("all-workers"));
    QCOMPARE(memory[QStringLiteral("subjects")].toArray(), QJsonArray({QStringLiteral("backend")}));
    QCOMPARE(memory[QStringLiteral("actual")].toInt(), 512);
    QCOMPARE(memory[QStringLiteral("limit")].toInt(), 128);
    QCOMPARE(memory[QStringLiteral("unit")].toString(), QStringLiteral("MB"));
    QCOMPARE(memory[QStringLiteral("source")].toString(),
             QStringLiteral("https://developers.cloudflare.com/workers/platform/limits/"));
    QCOMPARE(memory[QStringLiteral("checked")].toString(), QStringLiteral("2026-02-11"));
    QCOMPARE(memory[QStringLiteral("fixes")].toArray().first().toString(),
             QStringLiteral(
                 "Bind FastAPI backend to Google Cloud Run (Instance-based billing (Tier 1))"));
}

void TestCli::validateSarifHasTheRequiredFields()
{
    const Run r = stackplan({QStringLiteral("validate"), kExample, QStringLiteral("--all"),
                             QStringLiteral("--format"), QStringLiteral("sarif"),
                             QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject sarif = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(sarif[QStringLiteral("version")].toString(), QStringLiteral("2.1.0"));
    QCOMPARE(sarif[QStringLiteral("$schema")].toString(),
             QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json"));
    const QJsonArray runs = sarif[QStringLiteral("runs")].toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject driver = runs[0]
                                   .toObject()[QStringLiteral("tool")]
                                   .toObject()[QStringLiteral("driver")]
                                   .toObject();
    QCOMPARE(driver[QStringLiteral("name")].toString(), QStringLiteral("stackplan"));
    const QJsonArray rules = driver[QStringLiteral("rules")].toArray();
    QCOMPARE(rules.size(), 28);
    for (const auto &rule : rules) {
        QVERIFY(!rule.toObject()[QStringLiteral("id")].toString().isEmpty());
        QVERIFY(!rule.toObject()[QStringLiteral("shortDescription")]
                     .toObject()[QStringLiteral("text")]
                     .toString()
                     .isEmpty());
    }
    const QJsonArray results = runs[0].toObject()[QStringLiteral("results")].toArray();
    QCOMPARE(results.size(), 5); // 4 errors of all-workers, the budget info of edge-rewrite
    for (const auto &v : results) {
        const QJsonObject res = v.toObject();
        QVERIFY(!res[QStringLiteral("ruleId")].toString().isEmpty()); // required by SARIF 2.1.0
        QVERIFY(!res[QStringLiteral("message")]
                     .toObject()[QStringLiteral("text")]
                     .toString()
                     .isEmpty());
        QVERIFY(QStringList({"error", "warning", "note"})
                    .contains(res[QStringLiteral("level")].toString()));
        const int index = res[QStringLiteral("ruleIndex")].toInt();
        QCOMPARE(rules[index].toObject()[QStringLiteral("id")].toString(),
                 res[QStringLiteral("ruleId")].toString());
        const QJsonObject phys = res[QStringLiteral("locations")]
                                     .toArray()[0]
                                     .toObject()[QStringLiteral("physicalLocation")]
                                     .toObject();
        QCOMPARE(
            phys[QStringLiteral("artifactLocation")].toObject()[QStringLiteral("uri")].toString(),
            kExample);
        QVERIFY(phys[QStringLiteral("region")].toObject()[QStringLiteral("startLine")].toInt() > 1);
    }
    // The memory finding points at the backend component's line in the file.
    QFile f(kExample);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const auto &v : results) {
        const QJsonObject res = v.toObject();
        if (res[QStringLiteral("ruleId")].toString() != QLatin1String("limit.memory"))
            continue;
        const int line = res[QStringLiteral("locations")]
                             .toArray()[0]
                             .toObject()[QStringLiteral("physicalLocation")]
                             .toObject()[QStringLiteral("region")]
                             .toObject()[QStringLiteral("startLine")]
                             .toInt();
        QCOMPARE(lines[line].trimmed(), QByteArray("\"id\": \"backend\","));
    }
}

void TestCli::rulesMarkdownIsTheDocumentedTable()
{
    const Run r = stackplan(
        {QStringLiteral("rules"), QStringLiteral("--format"), QStringLiteral("markdown")});
    QCOMPARE(r.exitCode, 0);
    QFile doc(QStringLiteral(STACKPLAN_SOURCE_DIR "/docs/validation.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    QVERIFY2(QString::fromUtf8(doc.readAll()).endsWith(r.out),
             "docs/validation.md must end with `stackplan rules --format markdown`");
    const Run text = stackplan({QStringLiteral("rules")});
    QVERIFY(text.out.startsWith(QStringLiteral(
        "binding.missing             info     Component not bound to a platform\n")));
}

void TestCli::costTextGoldenExplainsEveryDollar()
{
    const Run r
        = stackplan({QStringLiteral("cost"), kExample, QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, golden(QStringLiteral("cost-allogator-hybrid.txt")));
    // Every priced line names its source.
    for (const auto &line : r.out.split(QLatin1Char('\n')))
        if (line.contains(QLatin1Char('$')) && !line.contains(QStringLiteral("Total"))
            && line.startsWith(QStringLiteral("    ")))
            QVERIFY2(line.contains(QStringLiteral("https://")), qPrintable(line));
}

void TestCli::costJsonCsvAndSweep()
{
    Run r = stackplan({QStringLiteral("cost"), kExample, QStringLiteral("--all"),
                       QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o[QStringLiteral("format")].toString(), QStringLiteral("stackplan-bill"));
    const QJsonArray bills = o[QStringLiteral("bills")].toArray();
    QCOMPARE(bills.size(), 3);
    QCOMPARE(bills[1].toObject()[QStringLiteral("option")].toString(), QStringLiteral("hybrid"));
    QCOMPARE(bills[1].toObject()[QStringLiteral("total")].toDouble(), 26.68);
    QCOMPARE(bills[1].toObject()[QStringLiteral("unknown")].toInt(), 1);
    QCOMPARE(bills[1].toObject()[QStringLiteral("total_text")].toString(),
             QStringLiteral("≥ $26.68 (1 unknown)"));
    QCOMPARE(bills[2].toObject()[QStringLiteral("total")].toDouble(), 34.7);

    r = stackplan({QStringLiteral("cost"), kExample, QStringLiteral("--format"),
                   QStringLiteral("csv"), QStringLiteral("--traffic"), QStringLiteral("high"),
                   QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(
        QStringLiteral("option,multiplier,component,usage,description,quantity,included,billable,"
                       "unit_price,per,amount,source,checked\n")));
    // A field with a comma is quoted.
    QVERIFY(r.out.contains(QStringLiteral(
        "hybrid,5,,fee,\"Supabase — Pro (account fee, supabase-pro)\",1,0,1,25,1,25.000000,")));

    r = stackplan({QStringLiteral("cost"), kExample, QStringLiteral("--all"),
                   QStringLiteral("--sweep"), QStringLiteral("--format"), QStringLiteral("json"),
                   QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject sweep = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(sweep[QStringLiteral("multipliers")].toArray().size(), 61);
    QCOMPARE(sweep[QStringLiteral("series")].toArray().size(), 3);
    QVERIFY(!sweep[QStringLiteral("crossovers")].toArray().isEmpty());
    QVERIFY(!sweep[QStringLiteral("breakpoints")].toArray().isEmpty());
    const Run text = stackplan({QStringLiteral("cost"), kExample, QStringLiteral("--all"),
                                QStringLiteral("--sweep"), QStringLiteral("--points"),
                                QStringLiteral("5"), QStringLiteral("--no-user-profiles")});
    QCOMPARE(text.out.section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("multiplier     all-workers          hybrid    edge-rewrite"));
    QVERIFY(text.out.contains(QStringLiteral("\nCrossovers:\n")));
}

void TestCli::costRejectsBadTraffic()
{
    const Run r = stackplan(
        {QStringLiteral("cost"), kExample, QStringLiteral("--traffic"), QStringLiteral("lots")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("stackplan cost: invalid traffic \"lots\" (use low, typical, "
                                   "high or a positive multiplier)\n"));
}

// `stackplan compare` in every format, byte for byte (tests/data/golden/compare-*), for the three
// examples whose stories are comparisons.
void TestCli::compareGoldens_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("goldenFile");
    for (const char *format : {"text", "json", "csv", "md"})
        QTest::newRow(qPrintable(QStringLiteral("allogator/%1").arg(QLatin1String(format))))
            << QStringLiteral("allogator")
            << QStringList{QStringLiteral("--format"), QString::fromLatin1(format)}
            << QStringLiteral("compare-allogator.%1")
                   .arg(QLatin1String(format) == QLatin1String("text") ? QStringLiteral("txt")
                                                                       : QLatin1String(format));
    // The story's own direction: after against before, for its "40 % lower cost" claim.
    QTest::newRow("flrts/md") << QStringLiteral("flrts-cloudflare-migration")
                              << QStringList{QStringLiteral("--format"), QStringLiteral("md"),
                                             QStringLiteral("--baseline"), QStringLiteral("before")}
                              << QStringLiteral("compare-flrts.md");
    QTest::newRow("fastapi/text") << QStringLiteral("fastapi-websockets-baml") << QStringList{}
                                  << QStringLiteral("compare-fastapi.txt");
}

void TestCli::compareGoldens()
{
    QFETCH(QString, example);
    QFETCH(QStringList, args);
    QFETCH(QString, goldenFile);
    const Run r = stackplan(
        QStringList{QStringLiteral("compare"),
                    QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/%1.stackplan.json")
                        .arg(example),
                    QStringLiteral("--no-user-profiles")}
        + args);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, golden(goldenFile));
}

void TestCli::compareTrafficAndBaseline()
{
    // At high traffic (×5) against all-workers: the deltas and the headroom move with it.
    const Run r = stackplan({QStringLiteral("compare"), kExample, QStringLiteral("--traffic"),
                             QStringLiteral("high"), QStringLiteral("--baseline"),
                             QStringLiteral("all-workers"), QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o[QStringLiteral("format")].toString(), QStringLiteral("stackplan-comparison"));
    QCOMPARE(o[QStringLiteral("multiplier")].toDouble(), 5.0);
    QCOMPARE(o[QStringLiteral("baseline")].toString(), QStringLiteral("all-workers"));
    const QJsonArray options = o[QStringLiteral("options")].toArray();
    QCOMPARE(options.size(), 3);
    const QJsonObject edge = options[2].toObject();
    QCOMPARE(edge[QStringLiteral("cost")].toObject()[QStringLiteral("total")].toDouble(), 166.7);
    // $80 budget − $166.70 at ×5.
    QCOMPARE(edge[QStringLiteral("headroom")].toDouble(), -86.7);
    QVERIFY(options[0].toObject()[QStringLiteral("baseline")].toBool());
    // The text form marks the baseline.
    const Run text
        = stackplan({QStringLiteral("compare"), kExample, QStringLiteral("--baseline"),
                     QStringLiteral("all-workers"), QStringLiteral("--no-user-profiles")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral("Everything on Cloudflare Workers (baseline)")));
    QVERIFY(!text.out.contains(QStringLiteral("Supabase (baseline)")));
}

void TestCli::compareBadInputGivesExitCode2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{} << QStringLiteral("usage: stackplan compare");
    QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent/x.stackplan.json")}
                                  << QStringLiteral("/nonexistent/x.stackplan.json");
    QTest::newRow("bad traffic") << QStringList{kExample, QStringLiteral("--traffic"),
                                                QStringLiteral("lots")}
                                 << QStringLiteral("stackplan compare: invalid traffic \"lots\" "
                                                   "(use low, typical, high or a positive "
                                                   "multiplier)\n");
    QTest::newRow("negative traffic")
        << QStringList{kExample, QStringLiteral("--traffic"), QStringLiteral("-2")}
        << QStringLiteral("invalid traffic \"-2\"");
    QTest::newRow("unknown baseline")
        << QStringList{kExample, QStringLiteral("--baseline"), QStringLiteral("nope")}
        << QStringLiteral("no option \"nope\" (options: all-workers, hybrid, edge-rewrite)");
    QTest::newRow("bad json") << QStringList{QStringLiteral(
        STACKPLAN_TEST_DATA "/bad/syntax-trailing-comma.stackplan.json")}
                              << QStringLiteral("syntax-trailing-comma.stackplan.json:");
}

void TestCli::compareBadInputGivesExitCode2()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = stackplan(QStringList{QStringLiteral("compare")} + args
                            + QStringList{QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

// The five bundled examples, through the CLI: `validate --all` and `cost --all` print, option by
// option, the findings and totals that the engine test (core/test_examples.cpp) expects.
void TestCli::examplesPrintWhatTheExampleTestsExpect()
{
    QMap<QString, QList<const expected::ExampleOption *>> byFile;
    for (const auto &e : expected::exampleOptions())
        byFile[QString::fromLatin1(e.file)] << &e;
    QCOMPARE(byFile.size(), 5);
    for (auto it = byFile.cbegin(); it != byFile.cend(); ++it) {
        const QString path = QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/") + it.key();
        const Run v = stackplan({QStringLiteral("validate"), path, QStringLiteral("--all"),
                                 QStringLiteral("--format"), QStringLiteral("json"),
                                 QStringLiteral("--no-user-profiles")});
        QCOMPARE(v.err, QString());
        QMap<QString, QStringList> printed; // option → "severity rule subjects"
        for (const auto &f : QJsonDocument::fromJson(v.out.toUtf8())
                                 .object()[QStringLiteral("findings")]
                                 .toArray()) {
            const QJsonObject o = f.toObject();
            QStringList subjects;
            for (const auto &sub : o[QStringLiteral("subjects")].toArray())
                subjects << sub.toString();
            printed[o[QStringLiteral("option")].toString()]
                << QStringLiteral("%1 %2 %3")
                       .arg(o[QStringLiteral("severity")].toString(),
                            o[QStringLiteral("rule")].toString(), subjects.join(QLatin1Char(',')));
        }
        const Run c = stackplan({QStringLiteral("cost"), path, QStringLiteral("--all"),
                                 QStringLiteral("--format"), QStringLiteral("json"),
                                 QStringLiteral("--no-user-profiles")});
        QCOMPARE(c.exitCode, 0);
        QCOMPARE(c.err, QString());
        QMap<QString, QJsonObject> bills;
        for (const auto &b :
             QJsonDocument::fromJson(c.out.toUtf8()).object()[QStringLiteral("bills")].toArray())
            bills[b.toObject()[QStringLiteral("option")].toString()] = b.toObject();

        QStringList options;
        bool anyError = false;
        for (const auto *e : it.value()) {
            const QString option = QString::fromLatin1(e->option);
            options << option;
            if (printed.value(option) != e->findings)
                qWarning().noquote() << it.key() << option << "prints" << printed.value(option);
            QCOMPARE(printed.value(option), e->findings);
            anyError
                |= !e->findings.filter(QRegularExpression(QStringLiteral("^error "))).isEmpty();
            QVERIFY2(bills.contains(option), qPrintable(option));
            const double total = bills[option][QStringLiteral("total")].toDouble();
            QVERIFY2(total >= e->low && total <= e->high,
                     qPrintable(QStringLiteral("%1: %2").arg(option).arg(total)));
            QCOMPARE(bills[option][QStringLiteral("unknown")].toInt(), e->unknown);
        }
        std::sort(options.begin(), options.end());
        QStringList billed = bills.keys(); // every option of the file is expected, none left out
        QCOMPARE(billed, options);
        QCOMPARE(v.exitCode, anyError ? 1 : 0);
    }
}

void TestCli::unknownFormatIsABadInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("cost") << QStringList{QStringLiteral("cost"), kExample,
                                         QStringLiteral("--no-user-profiles")}
                          << QStringLiteral("stackplan cost: unknown format \"yaml\" (use text, "
                                            "json or csv)\n");
    QTest::newRow("compare") << QStringList{QStringLiteral("compare"), kExample,
                                            QStringLiteral("--no-user-profiles")}
                             << QStringLiteral("stackplan compare: unknown format \"yaml\" (use "
                                               "text, json, csv or md)\n");
    QTest::newRow("validate") << QStringList{QStringLiteral("validate"), kExample,
                                             QStringLiteral("--no-user-profiles")}
                              << QStringLiteral("stackplan validate: unknown format \"yaml\" (use "
                                                "text, json or sarif)\n");
    QTest::newRow("rules") << QStringList{QStringLiteral("rules")}
                           << QStringLiteral("stackplan rules: unknown format \"yaml\" (use text, "
                                             "json or markdown)\n");
    QTest::newRow("profiles") << QStringList{QStringLiteral("profiles"),
                                             QStringLiteral("--no-user-profiles")}
                              << QStringLiteral("stackplan profiles: unknown format \"yaml\" (use "
                                                "text or json)\n");
}

void TestCli::unknownFormatIsABadInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = stackplan(args + QStringList{QStringLiteral("--format"), QStringLiteral("yaml")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, message);
}

namespace {

const QString kFlrts = QStringLiteral(STACKPLAN_SOURCE_DIR
                                      "/resources/examples/flrts-cloudflare-migration.stackplan.json");

// Width and height from a PNG's IHDR chunk.
QSize pngSize(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = f.read(24);
    if (head.size() < 24 || !head.startsWith("\x89PNG"))
        return {};
    auto be = [&](int at) {
        return (quint8(head[at]) << 24) | (quint8(head[at + 1]) << 16) | (quint8(head[at + 2]) << 8)
               | quint8(head[at + 3]);
    };
    return QSize(int(be(16)), int(be(20)));
}

} // namespace

void TestCli::renderWritesPdfSvgAndPngWithoutADisplay()
{
    QTemporaryDir dir;
    // An X11 platform with no display would abort: render must use its own offscreen one.
    const QMap<QString, QString> noDisplay{{QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb")}};
    const QString pdf = dir.filePath(QStringLiteral("flrts.pdf"));
    Run r = stackplan({QStringLiteral("render"), kFlrts, QStringLiteral("--all"),
                       QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"),
                       pdf, QStringLiteral("--no-user-profiles")},
                      noDisplay);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, pdf + QLatin1Char('\n'));
    REQUIRE_TOOL(pdfinfo, "pdfinfo");
    REQUIRE_TOOL(pdftotext, "pdftotext");
    QCOMPARE(exporttest::pdfPages(pdfinfo, pdf), 2);
    const QString text = exporttest::pdfText(pdftotext, pdf);
    for (const char *name : {"Telegram Bot API", "Webhook Worker", "Vectorize index",
                             "BrainBot FastAPI container", "Upstash Redis", "AWS S3 media"})
        QVERIFY2(text.contains(QLatin1String(name)), name);
    QVERIFY(text.contains(QStringLiteral("slo.availability")));
    QVERIFY(text.contains(QStringLiteral("slo.latency")));

    // SVG of every option: a folder, one file per option id (the suffix-less --out).
    const QString folder = dir.filePath(QStringLiteral("svg"));
    r = stackplan({QStringLiteral("render"), kFlrts, QStringLiteral("--all"),
                   QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("--out"),
                   folder, QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, folder + QStringLiteral("/before.svg\n") + folder + QStringLiteral("/after.svg\n"));
    REQUIRE_TOOL(xmllint, "xmllint");
    QCOMPARE(exporttest::run(xmllint, {QStringLiteral("--noout"), folder + QStringLiteral("/after.svg")}).code, 0);

    // PNG of one option, the format taken from the suffix; --scale multiplies the size.
    const QString png1 = dir.filePath(QStringLiteral("after-1.png"));
    const QString png2 = dir.filePath(QStringLiteral("after-2.png"));
    r = stackplan({QStringLiteral("render"), kFlrts, QStringLiteral("--option"),
                   QStringLiteral("after"), QStringLiteral("--out"), png1, QStringLiteral("--scale"),
                   QStringLiteral("1"), QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    r = stackplan({QStringLiteral("render"), kFlrts, QStringLiteral("--option"),
                   QStringLiteral("after"), QStringLiteral("--out"), png2,
                   QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    const QSize one = pngSize(png1), two = pngSize(png2);
    QVERIFY(one.width() > 1000 && one.height() > 500);
    QCOMPARE(two, one * 2); // default scale 2
}

void TestCli::renderOptionsChangeWhatIsDrawn()
{
    QTemporaryDir dir;
    const QString plain = dir.filePath(QStringLiteral("plain.pdf"));
    Run r = stackplan({QStringLiteral("render"), kFlrts, QStringLiteral("--option"),
                       QStringLiteral("after"), QStringLiteral("--out"), plain,
                       QStringLiteral("--no-badges"), QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    REQUIRE_TOOL(pdftotext, "pdftotext");
    const QString text = exporttest::pdfText(pdftotext, plain);
    QVERIFY(text.contains(QStringLiteral("Vectorize index")));
    QVERIFY(!text.contains(QStringLiteral("slo.")));
    const QString dark = dir.filePath(QStringLiteral("dark.svg"));
    r = stackplan({QStringLiteral("render"), kFlrts, QStringLiteral("--out"), dark,
                   QStringLiteral("--theme"), QStringLiteral("dark"),
                   QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    QFile f(dark);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("id=\"background\" x=\"-24\" y=\"-90\" width=\"1638\" "
                                 "height=\"773\" fill=\"#1c2226\""));
}

void TestCli::renderBadInputGivesExitCode2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString bad = QStringLiteral(STACKPLAN_TEST_DATA "/bad/unknown-role.stackplan.json");
    QTest::newRow("no --out") << QStringList{kFlrts}
                              << QStringLiteral("stackplan render: --out PATH is required\nusage: "
                                                "stackplan render FILE [--option ID | --all] "
                                                "--format svg|png|pdf --out PATH\n");
    QTest::newRow("unknown format")
        << QStringList{kFlrts, QStringLiteral("--out"), QStringLiteral("x"),
                       QStringLiteral("--format"), QStringLiteral("gif")}
        << QStringLiteral("stackplan render: unknown format \"gif\" (use svg, png or pdf)\n");
    QTest::newRow("no format, no suffix")
        << QStringList{kFlrts, QStringLiteral("--out"), QStringLiteral("diagram")}
        << QStringLiteral("stackplan render: give --format svg, png or pdf (the suffix of "
                          "\"diagram\" names none)\n");
    QTest::newRow("bad scale") << QStringList{kFlrts, QStringLiteral("--out"), QStringLiteral("x.png"),
                                              QStringLiteral("--scale"), QStringLiteral("0")}
                               << QStringLiteral("stackplan render: --scale must be a number from "
                                                 "0.25 to 8, not \"0\"\n");
    QTest::newRow("bad theme") << QStringList{kFlrts, QStringLiteral("--out"), QStringLiteral("x.png"),
                                              QStringLiteral("--theme"), QStringLiteral("blue")}
                               << QStringLiteral("stackplan render: unknown theme \"blue\" (use "
                                                 "light or dark)\n");
    QTest::newRow("unknown option")
        << QStringList{kFlrts, QStringLiteral("--out"), QStringLiteral("x.png"),
                       QStringLiteral("--option"), QStringLiteral("later")}
        << QStringLiteral("stackplan render: no option \"later\"; options: before (\"Before: legacy "
                          "host + Upstash + AWS S3 + Supabase + Neo4j\"), after (\"After: Cloudflare "
                          "Containers + KV + R2 + Vectorize + Pages + Supabase + Neo4j\")\n");
    QTest::newRow("broken project file")
        << QStringList{bad, QStringLiteral("--out"), QStringLiteral("x.png")}
        << QStringLiteral("error: %1:27:19: unknown role \"databse\"; expected one of: client, "
                          "frontend, proxy, backend, worker, scheduler, database, cache, "
                          "object-storage, vector-index, queue, external-api (at "
                          "/options/0/components/2/role)\n")
               .arg(bad);
    QTest::newRow("unwritable output")
        << QStringList{kFlrts, QStringLiteral("--out"), QStringLiteral("/proc/stackplan/x.pdf")}
        << QStringLiteral("stackplan render: cannot write /proc/stackplan/x.pdf: No such file or "
                          "directory\n");
}

void TestCli::renderBadInputGivesExitCode2()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = stackplan(QStringList{QStringLiteral("render")} + args
                            + QStringList{QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.err, message);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
}

void TestCli::reportWritesPdfAndHtmlWithoutADisplay()
{
    QTemporaryDir dir;
    const QMap<QString, QString> noDisplay{{QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb")}};
    const QString pdf = dir.filePath(QStringLiteral("flrts-review.pdf"));
    Run r = stackplan({QStringLiteral("report"), kFlrts, QStringLiteral("--out"), pdf,
                       QStringLiteral("--no-user-profiles")},
                      noDisplay);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, pdf + QLatin1Char('\n'));
    REQUIRE_TOOL(pdfinfo, "pdfinfo");
    REQUIRE_TOOL(pdftotext, "pdftotext");
    QVERIFY(exporttest::pdfPages(pdfinfo, pdf) >= 9); // cover, summary, 3 per option, appendix
    const QString text = exporttest::pdfText(pdftotext, pdf);
    for (const char *part : {"FLRTS / BrainBot migration to Cloudflare", "Summary",
                             "Option 1 of 2: Before", "Option 2 of 2: After", "slo.latency",
                             "Appendix: platform facts used"})
        QVERIFY2(text.contains(QLatin1String(part)), part);

    // The format from the suffix; the same pack as one HTML file.
    const QString html = dir.filePath(QStringLiteral("flrts-review.html"));
    r = stackplan({QStringLiteral("report"), kFlrts, QStringLiteral("--out"), html,
                   QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    QFile f(html);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("<!DOCTYPE html>"));
    QCOMPARE(bytes.count("<svg"), 4);
}

void TestCli::reportBadInputGivesExitCode2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no --out") << QStringList{kFlrts}
                              << QStringLiteral("stackplan report: --out PATH is required\nusage: "
                                                "stackplan report FILE --out PACK [--format "
                                                "pdf|html]\n");
    QTest::newRow("unknown format")
        << QStringList{kFlrts, QStringLiteral("--out"), QStringLiteral("x"),
                       QStringLiteral("--format"), QStringLiteral("docx")}
        << QStringLiteral("stackplan report: unknown format \"docx\" (use pdf or html)\n");
    QTest::newRow("folder as output")
        << QStringList{kFlrts, QStringLiteral("--out"), QStringLiteral("/tmp")}
        << QStringLiteral("stackplan report: \"/tmp\" is a folder; give a file name\n");
    QTest::newRow("missing project")
        << QStringList{QStringLiteral("/nonexistent/p.stackplan.json"), QStringLiteral("--out"),
                       QStringLiteral("x.pdf")}
        << QStringLiteral("error: /nonexistent/p.stackplan.json: cannot open: No such file or "
                          "directory\n");
    QTest::newRow("unwritable output")
        << QStringList{kFlrts, QStringLiteral("--out"), QStringLiteral("/proc/stackplan/x.pdf")}
        << QStringLiteral("stackplan report: cannot write /proc/stackplan/x.pdf: No such file or "
                          "directory\n");
}

void TestCli::reportBadInputGivesExitCode2()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = stackplan(QStringList{QStringLiteral("report")} + args
                            + QStringList{QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.err, message);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
}

void TestCli::onlyRenderCreatesAGuiApplication()
{
    // With an X11 platform and no display, creating a QGuiApplication aborts: the core-only
    // subcommands run anyway, because they never create one.
    const QMap<QString, QString> noDisplay{{QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb")}};
    for (const QString &command : {QStringLiteral("info"), QStringLiteral("validate"),
                                   QStringLiteral("cost"), QStringLiteral("rules")}) {
        QStringList args{command};
        if (command != QLatin1String("rules"))
            args << kExample;
        const Run r = stackplan(args, noDisplay);
        QVERIFY2(r.exitCode == 0 || (command == QLatin1String("validate") && r.exitCode == 1),
                 qPrintable(command + QLatin1Char(' ') + r.err));
        QVERIFY(!r.out.isEmpty());
    }
    const Run fmt = stackplan({QStringLiteral("fmt"), QStringLiteral("--check"), kExample}, noDisplay);
    QCOMPARE(fmt.exitCode, 0);
}

namespace {

const QString kStarter = QStringLiteral(
    STACKPLAN_SOURCE_DIR "/resources/examples/cloudflare-containers-starter.stackplan.json");

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

} // namespace

void TestCli::exportWritesTheGoldenBundles()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("bundle"));
    const Run r = stackplan({QStringLiteral("export"), kStarter, QStringLiteral("--all"),
                             QStringLiteral("--out"), out, QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    // The same bytes as the golden bundles the real tools check (tests/export).
    const QString golden = QStringLiteral(STACKPLAN_TEST_DATA "/bundles/cloudflare-containers-starter");
    QCOMPARE(filesUnder(out), filesUnder(golden));
    for (const QString &f : filesUnder(golden)) {
        QFile a(out + QLatin1Char('/') + f), b(golden + QLatin1Char('/') + f);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QVERIFY2(a.readAll() == b.readAll(), qPrintable(f));
    }
    QCOMPARE(r.out,
             QStringLiteral("option cloudflare-containers (Worker assets + Worker router + FastAPI "
                            "Container): 8 files, 5 steps, 1 not exported\n"
                            "  not exported: longest request (timeout) of FastAPI container :30001: "
                            "wrangler.toml has no request timeout setting\n"
                            "option monolith (Monolith: nginx :80 + FastAPI :30001 in one container): "
                            "8 files, 4 steps, 1 not exported\n"
                            "  not exported: longest request (timeout) of Monolith container (nginx "
                            ":80 → FastAPI :30001): fly.toml has no request timeout setting\n"
                            "wrote %1; read DEPLOY.md for the steps\n")
                 .arg(out));
}

void TestCli::exportBadInputGivesExitCode2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    const QString bad = QStringLiteral(STACKPLAN_TEST_DATA "/bad/unknown-role.stackplan.json");
    QTest::newRow("no --out") << QStringList{kStarter}
                              << QStringLiteral("usage: stackplan export FILE [--option NAME | --all] "
                                                "--out DIR [--zip] [--force]\n");
    QTest::newRow("broken project file")
        << QStringList{bad, QStringLiteral("--out"), QStringLiteral("OUT")}
        << QStringLiteral("error: %1:27:19: unknown role \"databse\"; expected one of: client, "
                          "frontend, proxy, backend, worker, scheduler, database, cache, "
                          "object-storage, vector-index, queue, external-api (at "
                          "/options/0/components/2/role)\n")
               .arg(bad);
    QTest::newRow("unknown option")
        << QStringList{kStarter, QStringLiteral("--option"), QStringLiteral("nope"),
                       QStringLiteral("--out"), QStringLiteral("OUT")}
        << QStringLiteral("stackplan export: no option \"nope\"; options: cloudflare-containers "
                          "(\"Worker assets + Worker router + FastAPI Container\"), monolith "
                          "(\"Monolith: nginx :80 + FastAPI :30001 in one container\")\n");
    QTest::newRow("non-empty folder")
        << QStringList{kStarter, QStringLiteral("--out"), QStringLiteral("FULL")}
        << QStringLiteral("stackplan export: FULL is not empty (use --force to replace its content)\n");
}

void TestCli::exportBadInputGivesExitCode2()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const QString full = dir.filePath(QStringLiteral("full"));
    QDir().mkpath(full);
    QFile keep(full + QStringLiteral("/keep.txt"));
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.close();
    for (QString &a : args)
        a.replace(QStringLiteral("OUT"), dir.filePath(QStringLiteral("out")))
            .replace(QStringLiteral("FULL"), full);
    const Run r = stackplan(QStringList{QStringLiteral("export")} + args
                            + QStringList{QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, QString(error).replace(QStringLiteral("FULL"), full));
    // Nothing written, nothing lost.
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out"))));
    QCOMPARE(filesUnder(full), QStringList({"keep.txt"}));
}

void TestCli::exportForceAndZip()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out"));
    QDir().mkpath(out);
    QFile keep(out + QStringLiteral("/keep.txt"));
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.close();
    Run r = stackplan({QStringLiteral("export"), kStarter, QStringLiteral("--option"),
                       QStringLiteral("monolith"), QStringLiteral("--out"), out,
                       QStringLiteral("--force"), QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(filesUnder(out), filesUnder(QStringLiteral(STACKPLAN_TEST_DATA
                                                        "/bundles/cloudflare-containers-starter/monolith")));
    QVERIFY(QFileInfo(out + QStringLiteral("/monolith/start.sh")).isExecutable());
    const QString zip = dir.filePath(QStringLiteral("b.zip"));
    r = stackplan({QStringLiteral("export"), kStarter, QStringLiteral("--all"),
                   QStringLiteral("--out"), zip, QStringLiteral("--zip"),
                   QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 0);
    QFile z(zip);
    QVERIFY(z.open(QIODevice::ReadOnly));
    const QByteArray bytes = z.readAll();
    QVERIFY(bytes.startsWith("PK\x03\x04"));
    QVERIFY(bytes.contains("cloudflare-containers/router/wrangler.toml"));
    QVERIFY(bytes.contains("monolith/monolith/nginx.conf"));
    r = stackplan({QStringLiteral("export"), kStarter, QStringLiteral("--out"), zip,
                   QStringLiteral("--zip"), QStringLiteral("--no-user-profiles")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("stackplan export: %1 exists (use --force to replace it)\n").arg(zip));
}

void TestCli::hostileFilesAndNamesAreSafe()
{
    // Devices are refused at once (before: `info /dev/zero` read until memory ran out).
    Run r = stackplan({QStringLiteral("info"), QStringLiteral("/dev/zero")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("error: /dev/zero: not a regular file (a device, pipe or "
                                   "socket); refusing to read it\n"));

    // Escape codes and newlines in names reach the terminal as visible escapes, on one line.
    QTemporaryDir dir;
    QFile example(kExample);
    QVERIFY(example.open(QIODevice::ReadOnly));
    QByteArray text = example.readAll();
    text.replace("\"name\": \"Allogator\"", "\"name\": \"Shop\\u001b[2J\\n  0 errors, 0 warnings\"");
    text.replace("\"name\": \"FastAPI backend\"", "\"name\": \"API\\u009b31m\\u202eevil\"");
    const QString hostile = dir.filePath(QStringLiteral("my shop#1.stackplan.json"));
    QFile out(hostile);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text);
    out.close();
    r = stackplan({QStringLiteral("info"), hostile});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("Project: Shop\\x1b[2J\\n  0 errors, 0 warnings"));
    QVERIFY(r.out.contains(QStringLiteral("\"API\\x9b31m\\u202eevil\"")));
    const QStringList outputs = {
        r.out,
        stackplan({QStringLiteral("validate"), hostile, QStringLiteral("--all"),
                   QStringLiteral("--no-user-profiles")})
            .out,
        stackplan({QStringLiteral("cost"), hostile, QStringLiteral("--all"),
                   QStringLiteral("--no-user-profiles")})
            .out};
    for (const QString &o : outputs) {
        QVERIFY(o.contains(QStringLiteral("API\\x9b31m\\u202eevil")));
        for (const QChar ch : o) {
            const char16_t u = ch.unicode();
            QVERIFY2(u == '\n' || (u >= 0x20 && u != 0x7f && (u < 0x80 || u > 0x9f) && u != 0x202e),
                     qPrintable(QString::number(u, 16)));
        }
    }

    // SARIF: the file name is a percent-encoded URI reference.
    r = stackplan({QStringLiteral("validate"), hostile, QStringLiteral("--format"),
                   QStringLiteral("sarif"), QStringLiteral("--no-user-profiles")});
    const QJsonObject run = QJsonDocument::fromJson(r.out.toUtf8())
                                .object()[QStringLiteral("runs")]
                                .toArray()[0]
                                .toObject();
    const QString uri = run[QStringLiteral("artifacts")]
                            .toArray()[0]
                            .toObject()[QStringLiteral("location")]
                            .toObject()[QStringLiteral("uri")]
                            .toString();
    QCOMPARE(uri, QString::fromLatin1(QUrl::toPercentEncoding(hostile, "/")));
    QVERIFY2(uri.endsWith(QStringLiteral("/my%20shop%231.stackplan.json")), qPrintable(uri));

    // A user profile whose vendor starts with "=" (it could set every price to 0 as well): the CSV
    // cell is neutralised, and the replaced bundled profile is pointed out.
    QTemporaryDir home;
    const QString folder = home.path() + QStringLiteral("/stackplan/profiles");
    QVERIFY(QDir().mkpath(folder));
    QFile src(QStringLiteral(STACKPLAN_SOURCE_DIR "/profiles/supabase.toml"));
    QVERIFY(src.open(QIODevice::ReadOnly));
    QByteArray profile = src.readAll();
    profile.replace("vendor = \"Supabase\"", "vendor = \"=1+2\"");
    QFile dst(folder + QStringLiteral("/supabase.toml"));
    QVERIFY(dst.open(QIODevice::WriteOnly));
    dst.write(profile);
    dst.close();
    const QMap<QString, QString> env{{QStringLiteral("XDG_DATA_HOME"), home.path()}};
    r = stackplan({QStringLiteral("cost"), kExample, QStringLiteral("--format"),
                   QStringLiteral("csv"), QStringLiteral("--traffic"), QStringLiteral("high")},
                  env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("hybrid,5,,fee,\"'=1+2 — Pro (account fee, "
                                           "supabase-pro)\",1,0,1,25,1,25.000000,")),
             qPrintable(r.out));
    QVERIFY(!r.out.contains(QStringLiteral(",=1+2")));
    r = stackplan({QStringLiteral("profiles"), QStringLiteral("show"), QStringLiteral("supabase")},
                  env);
    QVERIFY2(r.out.contains(QStringLiteral("\n  origin: %1/supabase.toml\n  replaces: "
                                           ":/profiles/supabase.toml\n")
                                .arg(folder)),
             qPrintable(r.out));
    // validate says which catalogue each fact came from: a user copy of Cloudflare Workers.
    r = stackplan({QStringLiteral("validate"), kExample, QStringLiteral("--all")}, env);
    QVERIFY2(r.out.contains(QStringLiteral("(checked 2026-02-11; bundled profile cloudflare-workers)\n")),
             qPrintable(r.out));
    QVERIFY(QFile::copy(QStringLiteral(STACKPLAN_SOURCE_DIR "/profiles/cloudflare-workers.toml"),
                        folder + QStringLiteral("/cloudflare-workers.toml")));
    r = stackplan({QStringLiteral("validate"), kExample, QStringLiteral("--all")}, env);
    QVERIFY2(r.out.contains(QStringLiteral("(checked 2026-02-11; user profile "
                                           "%1/cloudflare-workers.toml, replaces bundled)\n")
                                .arg(folder)),
             qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
