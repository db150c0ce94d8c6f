// No work is ever lost: while a project has unsaved changes it is autosaved to a recovery file
// (never over the user's file); a clean save or close removes it; after a crash or kill the next
// start offers it and restores the content.
#include "canvascontroller.h"
#include "document.h"
#include "editor/edit.h"
#include "mainwindow.h"
#include "profiles/catalogue.h"
#include "recovery.h"
#include "uitest.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>

#include <cstring>
#include <iostream>

using namespace stackplan;
using namespace uitest;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Edit renameProject(const Project &p, const QString &name)
{
    return projectInfoEdit(p, name, p.description, p.assumptions);
}

// The files a session leaves behind when it dies after an autosave.
void leaveCrashedSession(const QString &dir, const Project &project, const QString &original)
{
    QDir().mkpath(dir);
    QVERIFY(saveProjectFile(project, dir + QStringLiteral("/session-crashed.stackplan.json")));
    QJsonObject meta{{QStringLiteral("original"), original},
                     {QStringLiteral("name"), project.name},
                     {QStringLiteral("saved"), QStringLiteral("2026-11-23T10:00:00.000Z")}};
    QFile f(dir + QStringLiteral("/session-crashed.recovery.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(meta).toJson());
}

// Run as a child process by killedAppOffersItsLastAutosave: opens a project in a main window,
// edits it, reports once the autosave is written, then waits to be killed.
int crashChild(int argc, char **argv)
{
    QApplication app(argc, argv);
    const Catalogue catalogue = Catalogue::standard({}, false);
    MainWindow w(&catalogue);
    w.recovery()->setDirectory(QString::fromLocal8Bit(argv[2]));
    w.recovery()->setInterval(50);
    if (!w.openFile(QString::fromLocal8Bit(argv[3])))
        return 3;
    w.show();
    QObject::connect(w.recovery(), &RecoveryManager::autosaved,
                     [] { std::cout << "autosaved" << std::endl; });
    w.canvas()->addComponent(Role::Queue, QPointF(900, 300));
    w.document()->push(renameProject(w.document()->project(), QStringLiteral("Edited, unsaved")));
    return app.exec();
}

} // namespace

class TestUiRecovery : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void recoveryFilesLiveUnderAppLocalData();
    void autosaveWritesARecoveryCopyNeverTheUsersFile();
    void cleanSaveUndoToSavedOrCloseRemovesIt();
    void startingAfterACrashOffersAndRestoresTheAutosave();
    void discardedAutosavesAreRemovedAndLaterOnesKept();
    void runningSessionsAreNotOffered();
    void killedAppOffersItsLastAutosave();

private:
    QString copyOfExample();
    Catalogue m_catalogue;
    QTemporaryDir m_tmp;
    int m_copies = 0;
};

void TestUiRecovery::initTestCase()
{
    m_catalogue = Catalogue::standard({}, false);
    QVERIFY(m_tmp.isValid());
}

QString TestUiRecovery::copyOfExample()
{
    const QString path
        = m_tmp.filePath(QStringLiteral("project-%1.stackplan.json").arg(++m_copies));
    QFile::copy(examplePath(), path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void TestUiRecovery::recoveryFilesLiveUnderAppLocalData()
{
    QCOMPARE(RecoveryManager::defaultDirectory(),
             QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                 + QStringLiteral("/recovery"));
    Document doc(&m_catalogue);
    RecoveryManager recovery(&doc);
    QCOMPARE(recovery.interval(), 60 * 1000);
    QVERIFY(recovery.recoveryFile().startsWith(RecoveryManager::defaultDirectory()));
}

void TestUiRecovery::autosaveWritesARecoveryCopyNeverTheUsersFile()
{
    const QString path = copyOfExample();
    const QByteArray original = readAll(path);
    const QString dir = m_tmp.filePath(QStringLiteral("autosave"));
    Document doc(&m_catalogue);
    QVERIFY(doc.open(path, nullptr));
    RecoveryManager recovery(&doc);
    recovery.setDirectory(dir);
    recovery.setInterval(40);
    QVERIFY(!recovery.autosaveNow()); // nothing to save while clean
    QVERIFY(doc.push(renameProject(doc.project(), QStringLiteral("Changed"))));
    QTRY_VERIFY(QFile::exists(recovery.recoveryFile()));
    QCOMPARE(QFileInfo(recovery.recoveryFile()).absolutePath(), QDir(dir).absolutePath());
    QCOMPARE(readAll(recovery.recoveryFile()), serializeProject(doc.project()));
    QCOMPARE(readAll(path), original); // the user's file is untouched
    const QString meta
        = QString(recovery.recoveryFile())
              .replace(QStringLiteral(".stackplan.json"), QStringLiteral(".recovery.json"));
    const QJsonObject o = QJsonDocument::fromJson(readAll(meta)).object();
    QCOMPARE(o.value(QStringLiteral("original")).toString(), QFileInfo(path).absoluteFilePath());
    // Later edits are autosaved again.
    QVERIFY(doc.push(renameProject(doc.project(), QStringLiteral("Changed twice"))));
    QTRY_COMPARE(readAll(recovery.recoveryFile()), serializeProject(doc.project()));
}

void TestUiRecovery::cleanSaveUndoToSavedOrCloseRemovesIt()
{
    const QString path = copyOfExample();
    const QString dir = m_tmp.filePath(QStringLiteral("clean"));
    Document doc(&m_catalogue);
    QVERIFY(doc.open(path, nullptr));
    auto recovery = std::make_unique<RecoveryManager>(&doc);
    recovery->setDirectory(dir);
    recovery->setInterval(40);
    const QString file = recovery->recoveryFile();

    QVERIFY(doc.push(renameProject(doc.project(), QStringLiteral("A"))));
    QTRY_VERIFY(QFile::exists(file));
    QVERIFY(doc.save(nullptr));
    QVERIFY(!QFile::exists(file));

    QVERIFY(doc.push(renameProject(doc.project(), QStringLiteral("B"))));
    QTRY_VERIFY(QFile::exists(file));
    doc.undoStack()->undo(); // back at the saved state
    QVERIFY(!QFile::exists(file));

    QVERIFY(doc.push(renameProject(doc.project(), QStringLiteral("C"))));
    QTRY_VERIFY(QFile::exists(file));
    recovery.reset(); // the session closes cleanly, changes discarded
    QVERIFY(!QFile::exists(file));
    QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList());
}

void TestUiRecovery::startingAfterACrashOffersAndRestoresTheAutosave()
{
    const QString path = copyOfExample();
    const QString dir = m_tmp.filePath(QStringLiteral("crashed"));
    Project edited = *loadProjectFile(path).project;
    edited.name = QStringLiteral("Edited before the crash");
    edited.options.front().components.pop_back();
    edited.options.front().connections.pop_back();
    leaveCrashedSession(dir, edited, path);

    MainWindow w(&m_catalogue);
    w.recovery()->setDirectory(dir);
    QList<RecoveryEntry> offered;
    w.recovery()->setOfferFunction([&](const RecoveryEntry &e) {
        offered << e;
        return RecoveryManager::Choice::Recover;
    });
    w.show();
    w.offerRecovery();
    QCOMPARE(offered.size(), 1);
    QCOMPARE(offered.front().originalPath, path);
    QCOMPARE(offered.front().projectName, QStringLiteral("Edited before the crash"));
    QCOMPARE(bytes(w.document()->project()), serializeProject(edited));
    QCOMPARE(w.document()->filePath(), path); // saving goes back to the user's file
    QVERIFY(w.document()->isModified());
    QVERIFY(w.isWindowModified());
    QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList()); // removed once recovered
    offered.clear();
    w.offerRecovery();
    QVERIFY(offered.isEmpty()); // offered once only
}

void TestUiRecovery::discardedAutosavesAreRemovedAndLaterOnesKept()
{
    const QString dir = m_tmp.filePath(QStringLiteral("discard"));
    Project p = *loadProjectFile(examplePath()).project;
    leaveCrashedSession(dir, p, QString());
    MainWindow w(&m_catalogue);
    w.recovery()->setDirectory(dir);
    const QByteArray before = bytes(w.document()->project());
    w.recovery()->setOfferFunction(
        [](const RecoveryEntry &) { return RecoveryManager::Choice::Later; });
    w.offerRecovery();
    QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 2); // kept for the next start
    w.recovery()->setOfferFunction(
        [](const RecoveryEntry &) { return RecoveryManager::Choice::Discard; });
    w.offerRecovery();
    QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList());
    QCOMPARE(bytes(w.document()->project()), before);
}

void TestUiRecovery::runningSessionsAreNotOffered()
{
    const QString dir = m_tmp.filePath(QStringLiteral("running"));
    Document other(&m_catalogue);
    RecoveryManager running(&other);
    running.setDirectory(dir);
    QVERIFY(other.push(renameProject(other.project(), QStringLiteral("Open elsewhere"))));
    QVERIFY(running.autosaveNow());
    Document doc(&m_catalogue);
    RecoveryManager starting(&doc);
    starting.setDirectory(dir);
    QVERIFY(starting.pendingRecoveries().isEmpty()); // its lock is held
}

void TestUiRecovery::killedAppOffersItsLastAutosave()
{
    const QString path = copyOfExample();
    const QString dir = m_tmp.filePath(QStringLiteral("killed"));
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--crash-child"), dir, path});
    QVERIFY(child.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += child.readAllStandardOutput()).contains("autosaved"), 20000);
    child.kill(); // SIGKILL: no clean shutdown, the autosave stays
    QVERIFY(child.waitForFinished());
    QCOMPARE(QDir(dir).entryList({QStringLiteral("*.stackplan.json")}, QDir::Files).size(), 1);

    MainWindow w(&m_catalogue);
    w.recovery()->setDirectory(dir);
    int offers = 0;
    w.recovery()->setOfferFunction([&](const RecoveryEntry &e) {
        ++offers;
        return e.originalPath == path ? RecoveryManager::Choice::Recover
                                      : RecoveryManager::Choice::Later;
    });
    w.offerRecovery();
    QCOMPARE(offers, 1);
    QCOMPARE(w.document()->project().name, QStringLiteral("Edited, unsaved"));
    QVERIFY(w.document()->currentOption()->component(QStringLiteral("queue")));
    QCOMPARE(w.document()->filePath(), path);
    QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList());
}

int main(int argc, char **argv)
{
    if (argc >= 4 && std::strcmp(argv[1], "--crash-child") == 0)
        return crashChild(argc, argv);
    QApplication app(argc, argv);
    TestUiRecovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_ui_recovery.moc"
