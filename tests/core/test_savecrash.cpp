// kill -9 at random moments while a 2,000-component project is being saved, 100 times: the file
// on disk must always be a complete old or new version, never missing or half written, and the
// temporary file of a killed save is cleaned up by the next save (issue 17, point 7).
//
// The test runs itself as the saving child: `test_savecrash --save-loop FILE` saves two versions
// alternately for ever and is killed by the parent.
#include "io/atomicsave.h"
#include "io/projectfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>
#include <cstdio>

using namespace stackplan;

namespace {

Project bigProject(const QString &name)
{
    Project p;
    p.name = name;
    p.baseline = QStringLiteral("main");
    Option o;
    o.id = QStringLiteral("main");
    o.name = QStringLiteral("Main");
    for (int i = 0; i < 2000; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i, 4, 10, QLatin1Char('0'));
        c.name = QStringLiteral("Service %1 of %2").arg(i).arg(name);
        c.role = i % 2 ? Role::Backend : Role::Database;
        c.description = QStringLiteral("Component number %1, with a description long enough to "
                                       "make the file a realistic size.")
                            .arg(i);
        c.workload.memoryMb = 128 + i;
        c.env.push_back({QStringLiteral("LOG_LEVEL"), false, QStringLiteral("info")});
        o.layout[c.id] = {double(i % 50) * 200, double(i / 50) * 120, false};
        o.components.push_back(std::move(c));
        if (i > 0)
            o.connections.push_back({QStringLiteral("e%1").arg(i), o.components[i - 1].id,
                                     o.components[i].id, Protocol::Http, QString(), false});
    }
    p.options.push_back(std::move(o));
    return p;
}

int saveLoop(const QString &path)
{
    const Project a = bigProject(QStringLiteral("A")), b = bigProject(QStringLiteral("B"));
    std::printf("ready\n");
    std::fflush(stdout);
    for (unsigned n = 0;; ++n) {
        QString error;
        if (!saveProjectFile(n % 2 ? a : b, path, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
}

QStringList tempFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral(".*stackplan-save-*")},
                               QDir::Files | QDir::Hidden);
}

} // namespace

class TestSaveCrash : public QObject
{
    Q_OBJECT

private slots:
    void killDuringSavesNeverCorruptsTheFile();
};

void TestSaveCrash::killDuringSavesNeverCorruptsTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.stackplan.json"));
    const QByteArray versionA = serializeProject(bigProject(QStringLiteral("A")));
    const QByteArray versionB = serializeProject(bigProject(QStringLiteral("B")));
    QVERIFY(versionA.size() > 500 * 1000);
    QVERIFY(saveProjectFile(bigProject(QStringLiteral("A")), path));

    // How long one save takes here, so kills spread over a few whole saves.
    QElapsedTimer timer;
    timer.start();
    QVERIFY(saveProjectFile(bigProject(QStringLiteral("B")), path));
    const int saveMs = std::max(2, int(timer.elapsed()));

    QRandomGenerator random(17); // fixed seed: the same kill moments on every run
    int trials = 0, corrupt = 0, missing = 0, leftovers = 0, sawA = 0, sawB = 0;
    for (int trial = 0; trial < 100; ++trial) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--save-loop"), path});
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForReadyRead(30000)); // "ready": the projects are built, saving starts
        QThread::usleep(random.bounded(quint32(saveMs * 3000)) + 1);
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        ++trials;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            ++missing;
            continue;
        }
        const QByteArray now = f.readAll();
        if (now == versionA)
            ++sawA;
        else if (now == versionB)
            ++sawB;
        else
            ++corrupt;
        if (!tempFiles(dir.path()).isEmpty())
            ++leftovers; // killed between creating the temporary file and the rename
    }
    // The next save (or opening the document) removes what killed saves left behind.
    QVERIFY(saveProjectFile(bigProject(QStringLiteral("A")), path));
    const QStringList remaining = tempFiles(dir.path());
    qInfo("%d kills, %d corrupt, %d missing; the file was version A %d times and B %d times; "
          "%d kills left a temporary file (one save takes ~%d ms)",
          trials, corrupt, missing, sawA, sawB, leftovers, saveMs);
    QCOMPARE(trials, 100);
    QCOMPARE(corrupt, 0);
    QCOMPARE(missing, 0);
    QVERIFY2(sawA > 0 && sawB > 0, "the kills did not land in different saves");
    QVERIFY2(leftovers > 0, "no kill landed inside a save's write");
    QCOMPARE(remaining, QStringList());
}

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--save-loop") == 0)
        return saveLoop(QFile::decodeName(argv[2]));
    QCoreApplication app(argc, argv);
    TestSaveCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_savecrash.moc"
