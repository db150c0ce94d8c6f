// The CLI runs headless (no DISPLAY, no QT_QPA_PLATFORM) and prints stable output.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

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
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
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
    QVERIFY(h.out.contains(
        QStringLiteral("Commands (run `stackplan COMMAND --help`): cost, fmt, info, profiles, rules, validate")));
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
                                          "             Cloudflare           free, paid")));
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
    QCOMPARE(plans.size(), 2);
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
    QVERIFY(r.out.endsWith(QStringLiteral("36 profiles\n"))); // …but every other profile loads
    QVERIFY(r.out.contains(QStringLiteral("Neon (our negotiated prices)")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
