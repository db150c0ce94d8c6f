// The profile catalogue: every bundled profile loads cleanly.
#include "profiles/catalogue.h"

#include <QtTest>

using namespace stackplan;

class TestProfiles : public QObject
{
    Q_OBJECT
private slots:
    void bundledProfilesLoadWithoutProblems();
};

void TestProfiles::bundledProfilesLoadWithoutProblems()
{
    Catalogue c;
    c.addBundled();
    c.finish();
    QStringList problems;
    for (const auto &p : c.problems())
        problems << p.error.toString();
    QCOMPARE(problems, QStringList());
    QVERIFY(c.profiles().size() >= 30);
}

QTEST_GUILESS_MAIN(TestProfiles)
#include "test_profiles.moc"
