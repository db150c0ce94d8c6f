// The .stackplan.json format: canonical round trips, located errors for bad input, atomic saves.
#include "editor/projecteditor.h"
#include "io/projectfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace stackplan;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestProjectFile : public QObject
{
    Q_OBJECT
private slots:
    void roundTripIsByteIdentical_data();
    void roundTripIsByteIdentical();
    void malformedFilesGiveOneLocatedError_data();
    void malformedFilesGiveOneLocatedError();
    void everyFieldSurvivesARoundTrip();
    void movingABoxChangesOnlyLayoutLines();
    void saveIsAtomicAndKeepsTheOldFileOnFailure();
    void hostileInputDoesNotCrash_data();
    void hostileInputDoesNotCrash();
    void missingFileIsReported();
    void documentedExampleIsCanonical();
};

void TestProjectFile::roundTripIsByteIdentical_data()
{
    QTest::addColumn<QString>("path");
    const QString examples = QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples");
    for (const auto &name : QDir(examples).entryList({QStringLiteral("*.stackplan.json")}))
        QTest::newRow(qPrintable(QStringLiteral("example/") + name))
            << examples + QLatin1Char('/') + name;
    const QString data = QStringLiteral(STACKPLAN_TEST_DATA "/roundtrip");
    for (const auto &name : QDir(data).entryList({QStringLiteral("*.stackplan.json")}))
        QTest::newRow(qPrintable(QStringLiteral("roundtrip/") + name))
            << data + QLatin1Char('/') + name;
}

void TestProjectFile::roundTripIsByteIdentical()
{
    QFETCH(QString, path);
    const QByteArray original = readAll(path);
    QVERIFY(!original.isEmpty());
    const ProjectLoad first = loadProjectFile(path);
    QVERIFY2(first.ok(), qPrintable(first.error.toString()));
    const QByteArray saved = serializeProject(*first.project);
    QCOMPARE(saved, original); // load → save with no edit is byte-identical
    const ProjectLoad second = parseProject(saved, path);
    QVERIFY(second.ok());
    QVERIFY(*second.project == *first.project); // load → save → load
    QVERIFY(saved.endsWith("}\n"));
}

void TestProjectFile::malformedFilesGiveOneLocatedError_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *file, const char *expected) {
        QTest::newRow(file) << QString::fromLatin1(file) << QString::fromUtf8(expected);
    };
    row("syntax-trailing-comma", "4:1: invalid JSON: syntax error while parsing object key - "
                                 "unexpected '}'; expected string literal");
    row("syntax-truncated", "4:15: invalid JSON: syntax error while parsing value - invalid "
                            "string: missing closing quote; last read: '\"Cut'");
    row("not-an-object", "1:1: expected a Stackplan project (a JSON object), found an array");
    row("wrong-format",
        "2:13: not a Stackplan project: format is \"drawio\", expected \"stackplan\" (at /format)");
    row("missing-version", "1:1: missing required field \"version\"");
    row("newer-version",
        "3:14: this file uses format version 2, written by a newer Stackplan; this version reads "
        "up to version 1. Open it with a newer Stackplan; it has not been changed. (at /version)");
    row("missing-name", "1:1: missing required field \"name\"");
    row("name-wrong-type", "4:11: expected a string, found a number (at /name)");
    row("unknown-role", "27:19: unknown role \"databse\"; expected one of: client, frontend, "
                        "proxy, backend, worker, scheduler, database, cache, object-storage, "
                        "vector-index, queue, external-api (at /options/0/components/2/role)");
    row("missing-role", "11:9: missing required field \"role\" (at /options/0/components/0)");
    row("unknown-protocol",
        "41:23: unknown protocol \"postgres\"; expected one of: http, websocket, grpc, sql, redis, "
        "s3, binding, webhook, queue, bolt, tcp (at /options/0/connections/1/protocol)");
    row("duplicate-component-id", "25:17: duplicate component id \"api\" (first used by component "
                                  "1) (at /options/0/components/2/id)");
    row("duplicate-option-id",
        "46:13: duplicate option id \"main\" (first used by option 0) (at /options/1/id)");
    row("connection-to-missing",
        "40:17: connection to missing component \"cache\" (at /options/0/connections/1/to)");
    row("self-connection",
        "34:17: connection from \"web\" to itself (at /options/0/connections/0/to)");
    row("connection-wrong-type",
        "30:22: expected an array, found an object (at /options/0/connections)");
    row("missing-options", "1:1: missing required field \"options\"");
    row("empty-options", "6:14: a project needs at least one option (at /options)");
    row("unknown-baseline",
        "5:15: baseline \"plan-b\" is not an option of this project (at /baseline)");
    row("negative-memory",
        "21:26: must not be negative, found -512 (at /options/0/components/1/workload/memory_mb)");
    row("unknown-field",
        "22:26: unknown field \"memroy_mb\" (at /options/0/components/1/workload/memroy_mb)");
    row("invalid-id", "12:17: invalid id \"Web Tier\": use lowercase letters, digits and single "
                      "dashes (at /options/0/components/0/id)");
    row("layout-missing-component",
        "48:16: layout for missing component \"cache\" (at /layout/main/cache)");
    row("min-above-max", "22:30: min instances (5) exceed max instances (2) (at "
                         "/options/0/components/1/workload/min_instances)");
    row("relative-health-path", "22:28: health path must start with \"/\", found \"healthz\" "
                                "(at /options/0/components/1/workload/health_path)");
    row("fractional-port",
        "22:21: expected a whole number, found 80.5 (at /options/0/components/1/workload/port)");
}

void TestProjectFile::malformedFilesGiveOneLocatedError()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const QString path
        = QStringLiteral(STACKPLAN_TEST_DATA "/bad/") + file + QStringLiteral(".stackplan.json");
    const ProjectLoad load = loadProjectFile(path);
    QVERIFY(!load.ok()); // no partial model
    QVERIFY(!load.project.has_value());
    QCOMPARE(load.error.toString(), path + QLatin1Char(':') + expected);
}

void TestProjectFile::everyFieldSurvivesARoundTrip()
{
    const ProjectLoad load
        = loadProjectFile(QStringLiteral(STACKPLAN_TEST_DATA "/roundtrip/full.stackplan.json"));
    QVERIFY2(load.ok(), qPrintable(load.error.toString()));
    const Project &p = *load.project;
    QCOMPARE(p.name, QStringLiteral("Every field — ünïcödé ✓"));
    QCOMPARE(p.assumptions.trafficHigh, 7.5);
    QCOMPARE(*p.assumptions.slo.availabilityPct, 99.9);
    const Component &api = p.options[0].components[0];
    QCOMPARE(api.binding.instance, QStringLiteral("x"));
    QCOMPARE(*api.workload.memoryMb, 512.5);
    QCOMPARE(*api.workload.cpuMsPerRequest, 0.125);
    QCOMPARE(api.workload.filesystem, FilesystemNeed::Persistent);
    QCOMPARE(api.workload.scheduledJobs, QStringList({"0 3 * * *", "*/5 * * * *"}));
    QCOMPARE(*api.workload.port, 30001);
    QCOMPARE(api.workload.startCommand,
             QStringLiteral("uvicorn main:app --host 0.0.0.0 --port 30001"));
    QCOMPARE(api.workload.healthPath, QStringLiteral("/healthz"));
    QCOMPARE(api.domain, QStringLiteral("api.example.com"));
    QCOMPARE(*api.traffic.requestsPerMonth, 123456789.0);
    QCOMPARE(*api.traffic.storageGb, 1e-06);
    QCOMPARE(*api.traffic.vectorDimensions, 1536);
    QCOMPARE(api.env.size(), size_t(2));
    QVERIFY(api.env[0].secret);
    QCOMPARE(api.env[1].value, QStringLiteral("production"));
    const Connection &c = p.options[0].connections[0];
    QCOMPARE(c.via, QStringLiteral("pool"));
    QVERIFY(c.pooled);
    QCOMPARE(p.options[0].layout.at(QStringLiteral("api")).x, -12.5);
    QVERIFY(p.options[0].layout.at(QStringLiteral("api")).pinned);
    QVERIFY(!p.options[0].layout.count(QStringLiteral("pool")));
}

void TestProjectFile::movingABoxChangesOnlyLayoutLines()
{
    ProjectLoad load = loadProjectFile(
        QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/allogator.stackplan.json"));
    QVERIFY(load.ok());
    ProjectEditor editor(*load.project);
    const QList<QByteArray> before = serializeProject(editor.project()).split('\n');
    const auto r
        = editor.apply(moveEdit(editor.project(), QStringLiteral("hybrid"),
                                {{QStringLiteral("backend"), LayoutEntry{1000, 2000, false}}}));
    QVERIFY(r.ok());
    const QList<QByteArray> after = serializeProject(editor.project()).split('\n');
    QCOMPARE(after.size(), before.size());
    const int layoutLine = int(before.indexOf("  \"layout\": {"));
    QVERIFY(layoutLine > 0);
    QStringList changed;
    for (int i = 0; i < before.size(); ++i)
        if (before[i] != after[i]) {
            QVERIFY2(i > layoutLine, "a move changed a line outside the layout section");
            changed << QString::fromUtf8(after[i]).trimmed();
        }
    QCOMPARE(changed, QStringList({"\"x\": 1000,", "\"y\": 2000"}));
}

void TestProjectFile::saveIsAtomicAndKeepsTheOldFileOnFailure()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("p.stackplan.json"));
    ProjectLoad load
        = loadProjectFile(QStringLiteral(STACKPLAN_TEST_DATA "/roundtrip/minimal.stackplan.json"));
    QVERIFY(load.ok());
    QString error;
    QVERIFY(saveProjectFile(*load.project, path, &error));
    const QByteArray first = readAll(path);
    QCOMPARE(first, serializeProject(*load.project));

    // A failed save (the directory became read-only, so no temporary file can be created)
    // leaves the previous file exactly as it was.
    Project changed = *load.project;
    changed.name = QStringLiteral("Changed");
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    const bool rootCanWriteAnyway = QFileInfo(dir.path()).isWritable() && geteuid() == 0;
    if (!rootCanWriteAnyway) {
        QVERIFY(!saveProjectFile(changed, path, &error));
        QVERIFY(error.startsWith(path + QStringLiteral(": cannot write")));
        QCOMPARE(readAll(path), first);
    }
    QVERIFY(
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    // Saving into a missing directory fails without creating anything.
    const QString missing = dir.filePath(QStringLiteral("no/such/dir/p.stackplan.json"));
    QVERIFY(!saveProjectFile(changed, missing, &error));
    QVERIFY(!QFile::exists(missing));
    // A successful save replaces the content, and leaves no temporary files behind.
    QVERIFY(saveProjectFile(changed, path, &error));
    QCOMPARE(readAll(path), serializeProject(changed));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList({"p.stackplan.json"}));
}

void TestProjectFile::hostileInputDoesNotCrash_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray()
                           << QStringLiteral(
                                  "x:1:1: invalid JSON: syntax error while parsing value - "
                                  "unexpected end of input; expected '[', '{', or a literal");
    QTest::newRow("deep nesting") << QByteArray(200000, '[') << QString();
    QTest::newRow("number overflow")
        << QByteArray(R"({"format":"stackplan","version":1e999})")
        << QStringLiteral("x:1:33: invalid JSON: number overflow parsing '1e999'");
    QTest::newRow("huge version")
        << QByteArray(R"({"format":"stackplan","version":99999999999})")
        << QStringLiteral("x:1:33: number too large, found 99999999999 (at /version)");
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4) << QString();
}

void TestProjectFile::hostileInputDoesNotCrash()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const ProjectLoad load = parseProject(bytes, QStringLiteral("x"));
    QVERIFY(!load.ok());
    QVERIFY(!load.error.message.isEmpty());
    if (!expected.isEmpty())
        QCOMPARE(load.error.toString(), expected);
}

void TestProjectFile::missingFileIsReported()
{
    const ProjectLoad load = loadProjectFile(QStringLiteral("/nonexistent/p.stackplan.json"));
    QVERIFY(!load.ok());
    QCOMPARE(
        load.error.toString(),
        QStringLiteral("/nonexistent/p.stackplan.json: cannot open: No such file or directory"));
}

void TestProjectFile::documentedExampleIsCanonical()
{
    // docs/file-format.md shows "a complete small example": it must load and be canonical.
    const QString doc
        = QString::fromUtf8(readAll(QStringLiteral(STACKPLAN_SOURCE_DIR "/docs/file-format.md")));
    const int start = int(doc.indexOf(QStringLiteral("```json\n")));
    QVERIFY(start > 0);
    const int end = int(doc.indexOf(QStringLiteral("```"), start + 8));
    const QByteArray example = doc.mid(start + 8, end - start - 8).toUtf8();
    const ProjectLoad load = parseProject(example, QStringLiteral("file-format.md"));
    QVERIFY2(load.ok(), qPrintable(load.error.toString()));
    QCOMPARE(serializeProject(*load.project), example);
    QCOMPARE(load.project->options[0].components.size(), size_t(3));
}

QTEST_GUILESS_MAIN(TestProjectFile)
#include "test_projectfile.moc"
