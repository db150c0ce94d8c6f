// The .stackplan.json format: canonical round trips, located errors for bad input, atomic saves.
#include "editor/projecteditor.h"
#include "io/atomicsave.h"
#include "io/projectfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

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
    void nonRegularFilesAreRefused();
    void secretValuesAreNeverWritten();
    void saveKeepsModeLinksAndSymlinks();
    void saveRemovesTempFilesOfKilledSaves();
    void documentedExampleIsCanonical();
    void writerPrintsWhatNlohmannPrints();
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
    // Issue 17: duplicate keys are refused at the second one (nlohmann would keep the last).
    row("duplicate-key", "20:11: duplicate key \"name\" in the same object; keep one (at "
                         "/options/0/components/1/name)");
    row("duplicate-key-escaped", "20:11: duplicate key \"name\" in the same object; keep one (at "
                                 "/options/0/components/1/name)");
    row("duplicate-secret-key", "25:15: duplicate key \"secret\" in the same object; keep one (at "
                                "/options/0/components/1/env/0/secret)");
    row("secret-value",
        "28:24: secret \"API_TOKEN\" has its value in the file; a project never stores secret "
        "values. Delete the \"value\" line (keep \"secret\": true), set the value in your "
        "deployment's secret store, and open the file again (at "
        "/options/0/components/1/env/1/value)");
    row("empty-binding-profile",
        "21:24: a binding needs a profile id; remove \"binding\" to leave the component unbound "
        "(at /options/0/components/1/binding/profile)");
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
    QTest::newRow("deep nesting")
        << QByteArray(200000, '[')
        << QStringLiteral("x:1:65: arrays and objects nested more than 64 levels deep; not a "
                          "Stackplan project");
    QTest::newRow("deep objects")
        << QByteArray("{\"a\":").repeated(100000)
        << QStringLiteral("x:1:321: arrays and objects nested more than 64 levels deep; not a "
                          "Stackplan project");
    QTest::newRow("brackets in strings do not count")
        << (QByteArray(R"({"format":"stackplan","version":1,"name":")") + QByteArray(500, '[')
            + QByteArray(R"("})"))
        << QStringLiteral("x:1:1: missing required field \"options\"");
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

void TestProjectFile::nonRegularFilesAreRefused()
{
    // A device, a FIFO without a writer, a symlink to a device and a directory: refused at once
    // (before the fix, /dev/zero was read until memory ran out and a FIFO blocked forever).
    const QString refused
        = QStringLiteral(": not a regular file (a device, pipe or socket); refusing to read it");
    QCOMPARE(loadProjectFile(QStringLiteral("/dev/zero")).error.toString(),
             QStringLiteral("/dev/zero") + refused);
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo.stackplan.json"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QCOMPARE(loadProjectFile(fifo).error.toString(), fifo + refused);
    const QString link = dir.filePath(QStringLiteral("zero.stackplan.json"));
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), link));
    QCOMPARE(loadProjectFile(link).error.toString(), link + refused);
    QCOMPARE(loadProjectFile(dir.path()).error.toString(),
             dir.path() + QStringLiteral(": is a directory, not a file"));
}

void TestProjectFile::secretValuesAreNeverWritten()
{
    // However a value reached a secret in memory, no save path writes it.
    ProjectLoad load
        = loadProjectFile(QStringLiteral(STACKPLAN_TEST_DATA "/roundtrip/minimal.stackplan.json"));
    QVERIFY(load.ok());
    Project p = *load.project;
    Component api;
    api.id = QStringLiteral("api");
    api.name = QStringLiteral("API");
    p.options.front().components.push_back(api);
    Component &c = p.options.front().components.front();
    c.env = {{QStringLiteral("API_TOKEN"), true, QStringLiteral("sk-live-1234")},
             {QStringLiteral("LOG_LEVEL"), false, QStringLiteral("info")}};
    const QByteArray saved = serializeProject(p);
    QVERIFY(!saved.contains("sk-live-1234"));
    QVERIFY(saved.contains("\"value\": \"info\""));
    const ProjectLoad again = parseProject(saved, QStringLiteral("x"));
    QVERIFY2(again.ok(), qPrintable(again.error.toString()));
    const auto &env = again.project->options.front().components.front().env;
    QCOMPARE(env.size(), size_t(2));
    QVERIFY(env[0].secret);
    QCOMPARE(env[0].value, QString());
    QCOMPARE(env[1].value, QStringLiteral("info"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.stackplan.json"));
    QVERIFY(saveProjectFile(p, path));
    QVERIFY(!readAll(path).contains("sk-live-1234"));
}

void TestProjectFile::saveKeepsModeLinksAndSymlinks()
{
    ProjectLoad load
        = loadProjectFile(QStringLiteral(STACKPLAN_TEST_DATA "/roundtrip/minimal.stackplan.json"));
    QVERIFY(load.ok());
    Project changed = *load.project;
    changed.name = QStringLiteral("Changed");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.stackplan.json"));
    QVERIFY(saveProjectFile(*load.project, path));
    // Mode kept.
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0640), 0);
    QVERIFY(saveProjectFile(changed, path));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 07777), 0640);
    // Owner and group kept (only root can give a file away, so only then can it be checked).
    if (::geteuid() == 0) {
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 4242, 4343), 0);
        QVERIFY(saveProjectFile(*load.project, path));
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_uid), 4242);
        QCOMPARE(int(st.st_gid), 4343);
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 0, 0), 0);
    }
    // A hard link still shares the file after a save (a rename would have split them).
    const QString hard = dir.filePath(QStringLiteral("hard.stackplan.json"));
    QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(hard).constData()), 0);
    QVERIFY(saveProjectFile(*load.project, path));
    QCOMPARE(readAll(hard), serializeProject(*load.project));
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_nlink), 2);
    // Saving through a symlink replaces its target and keeps the link.
    const QString link = dir.filePath(QStringLiteral("link.stackplan.json"));
    QVERIFY(QFile::link(path, link));
    QVERIFY(saveProjectFile(changed, link));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(readAll(path), serializeProject(changed));
    QCOMPARE(readAll(hard), serializeProject(changed));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name),
             QStringList({"hard.stackplan.json", "link.stackplan.json", "p.stackplan.json"}));
}

void TestProjectFile::saveRemovesTempFilesOfKilledSaves()
{
    ProjectLoad load
        = loadProjectFile(QStringLiteral(STACKPLAN_TEST_DATA "/roundtrip/minimal.stackplan.json"));
    QVERIFY(load.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.stackplan.json"));
    // Left by a killed save (its process is gone), by a save still running in process 1 (alive),
    // and an unrelated file that merely looks similar.
    const QString dead = dir.filePath(QStringLiteral(".p.stackplan.json.stackplan-save-999999999-a1B2c3"));
    const QString running = dir.filePath(QStringLiteral(".p.stackplan.json.stackplan-save-1-x9Y8z7"));
    const QString other = dir.filePath(QStringLiteral(".q.stackplan.json.stackplan-save-999999999-a1B2c3"));
    for (const QString &f : {dead, running, other}) {
        QFile file(f);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"stack");
    }
    QCOMPARE(removeStaleSaveTemps(path), 1);
    QVERIFY(!QFile::exists(dead));
    QVERIFY(QFile::exists(running));
    QVERIFY(QFile::exists(other));
    QFile again(dead);
    QVERIFY(again.open(QIODevice::WriteOnly));
    again.close();
    QVERIFY(saveProjectFile(*load.project, path)); // a save cleans up too
    QVERIFY(!QFile::exists(dead));
    QVERIFY(QFile::exists(running));
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

// The writer prints straight into a buffer: its bytes are what nlohmann's ordered_json printed
// of the same document (the format's canonical printer before), for escapes, non-ASCII text,
// unpaired surrogates, fractions, exponents and empty options, and the file reads back equal.
void TestProjectFile::writerPrintsWhatNlohmannPrints()
{
    Project p;
    p.name = QStringLiteral("Tab\there \"quoted\" back\\slash \x01\x1f\x7f é € 😀 ") + QChar(0xD800)
             + QStringLiteral("x") + QChar(0xDC00);
    p.description = QStringLiteral("line\nbreak\r\b\f");
    p.assumptions.trafficLow = 0.3;
    p.assumptions.trafficHigh = 1e21;
    p.assumptions.monthlyBudget = 12.345;
    p.assumptions.slo.p95Ms = 1e-7;
    Option o;
    o.id = QStringLiteral("main");
    o.name = QStringLiteral("Main");
    Component c;
    c.id = QStringLiteral("api");
    c.name = QStringLiteral("API «ü»");
    c.binding = {QStringLiteral("fly-machines"), QStringLiteral("payg"), {}};
    c.workload.memoryMb = 0.1;
    c.workload.cpuMsPerRequest = 2.5e-3;
    c.workload.packages = {QStringLiteral("numpy"), QString()};
    c.workload.port = 8080;
    c.traffic.requestsPerMonth = 1.5e20;
    c.traffic.egressGb = -0.0;
    c.env
        = {{QStringLiteral("A"), false, QStringLiteral("v\"1\"")}, {QStringLiteral("S"), true, {}}};
    o.components.push_back(c);
    Component bare;
    bare.id = QStringLiteral("bare");
    bare.name = QStringLiteral("Bare");
    o.components.push_back(bare);
    o.connections.push_back(
        {QStringLiteral("api-to-bare"), c.id, bare.id, Protocol::Http, {}, true});
    o.layout[c.id] = {10.5, -3, true};
    p.options.push_back(o);
    Option empty;
    empty.id = QStringLiteral("empty");
    empty.name = QStringLiteral("Empty");
    p.options.push_back(empty);
    p.baseline = o.id;

    const QByteArray saved = serializeProject(p);
    const auto doc
        = nlohmann::ordered_json::parse(saved.constData(), saved.constData() + saved.size());
    const std::string printed
        = doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
    QCOMPARE(saved, QByteArray::fromStdString(printed));
    QVERIFY(saved.contains("\"high\": 1e+21"));
    QVERIFY(saved.contains("\"p95_ms\": 1e-07"));
    QVERIFY(saved.contains("\"components\": []"));
    QVERIFY(saved.contains("\\u0001\\u001f"));
    const ProjectLoad back = parseProject(saved, QStringLiteral("written.stackplan.json"));
    QVERIFY2(back.ok(), qPrintable(back.error.toString()));
    QCOMPARE(serializeProject(*back.project), saved);
    QCOMPARE(back.project->options[0].components[0], c);
}

QTEST_GUILESS_MAIN(TestProjectFile)
#include "test_projectfile.moc"
