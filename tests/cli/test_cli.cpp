// The CLI runs headless (no DISPLAY, no QT_QPA_PLATFORM) and prints stable output.
#include <QFile>
#include <QProcess>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run stackplan(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
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
        QStringLiteral("Commands (run `stackplan COMMAND --help`): fmt, info, profiles")));
}

void TestCli::fmtCheckAcceptsCanonicalFiles()
{
    const Run ok = stackplan({QStringLiteral("fmt"), QStringLiteral("--check"), kExample});
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(ok.out, QString());
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
