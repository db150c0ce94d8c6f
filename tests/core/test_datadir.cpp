// Where bundled data is read from: the installed copy beside the executable when it exists,
// else the resources compiled in. The installed binary itself is checked by test_package.
#include "util/datadir.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using stackplan::bundledDataDir;

class TestDataDir : public QObject
{
    Q_OBJECT
private slots:
    void withoutAnInstalledCopyTheResourcesAreUsed();
    void anInstalledCopyBesideTheExecutableIsPreferred();
};

void TestDataDir::withoutAnInstalledCopyTheResourcesAreUsed()
{
    QTemporaryDir prefix;
    QVERIFY(QDir().mkpath(prefix.filePath(QStringLiteral("bin"))));
    QCOMPARE(bundledDataDir(QStringLiteral("profiles"), prefix.filePath(QStringLiteral("bin"))),
             QStringLiteral(":/profiles"));
    QCOMPARE(bundledDataDir(QStringLiteral("examples"), QString()), QStringLiteral(":/examples"));
    // This test runs from the build tree, which has no share/stackplan beside it.
    QCOMPARE(bundledDataDir(QStringLiteral("examples")), QStringLiteral(":/examples"));
    QVERIFY(QFileInfo(QStringLiteral(":/examples/allogator.stackplan.json")).isFile());
}

void TestDataDir::anInstalledCopyBesideTheExecutableIsPreferred()
{
    QTemporaryDir prefix;
    const QString bin = prefix.filePath(QStringLiteral("bin"));
    const QString profiles = prefix.filePath(QStringLiteral("share/stackplan/profiles"));
    QVERIFY(QDir().mkpath(bin));
    QVERIFY(QDir().mkpath(profiles));
    QCOMPARE(bundledDataDir(QStringLiteral("profiles"), bin), profiles);
    // Each kind on its own: no installed examples, so the compiled-in ones.
    QCOMPARE(bundledDataDir(QStringLiteral("examples"), bin), QStringLiteral(":/examples"));
}

QTEST_GUILESS_MAIN(TestDataDir)
#include "test_datadir.moc"
