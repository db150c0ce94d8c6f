// The profile browser: by vendor and category, every fact with a clickable source, checked date
// and stale mark.
#include "panels/profilebrowser.h"
#include "profiles/catalogue.h"
#include "screenshot.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

using namespace stackplan;

class TestUiProfiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void treeGroupsProfilesByVendor();
    void filtersByCategoryAndText();
    void detailsShowEveryFactWithSourceAndDate();

private:
    Catalogue m_catalogue;
};

void TestUiProfiles::treeGroupsProfilesByVendor()
{
    ProfileBrowser b(&m_catalogue);
    QCOMPARE(b.visibleProfileCount(), int(m_catalogue.profiles().size()));
    QStringList vendors;
    for (int i = 0; i < b.tree()->topLevelItemCount(); ++i)
        vendors << b.tree()->topLevelItem(i)->text(0);
    QCOMPARE(vendors.first(), QStringLiteral("Amazon Web Services"));
    QVERIFY(vendors.contains(QStringLiteral("Cloudflare")));
    QCOMPARE(vendors, [&] {
        QStringList sorted = vendors;
        sorted.sort();
        return sorted;
    }());
}

void TestUiProfiles::filtersByCategoryAndText()
{
    ProfileBrowser b(&m_catalogue);
    b.categoryFilter()->setCurrentIndex(b.categoryFilter()->findData(QStringLiteral("database")));
    int databases = 0;
    for (const auto &p : m_catalogue.profiles())
        databases += p.category == QLatin1String("database");
    QCOMPARE(b.visibleProfileCount(), databases);
    b.searchField()->setText(QStringLiteral("supa"));
    QCOMPARE(b.visibleProfileCount(), 1);
    b.categoryFilter()->setCurrentIndex(0);
    b.searchField()->clear();
    QCOMPARE(b.visibleProfileCount(), int(m_catalogue.profiles().size()));
}

void TestUiProfiles::detailsShowEveryFactWithSourceAndDate()
{
    ProfileBrowser b(&m_catalogue);
    b.resize(1200, 800);
    b.show();
    QVERIFY(QTest::qWaitForWindowExposed(&b));
    b.showProfile(QStringLiteral("cloudflare-workers"));
    QCOMPARE(b.currentProfileId(), QStringLiteral("cloudflare-workers"));
    const QString html = b.details()->toHtml();
    QVERIFY(html.contains(QStringLiteral("Workers Free")));
    QVERIFY(html.contains(QStringLiteral("Workers Paid")));
    QVERIFY(html.contains(QStringLiteral("128 MB")));
    QVERIFY(html.contains(QStringLiteral("30,000 ms (configurable up to 300,000 ms)")));
    QVERIFY(html.contains(
        QStringLiteral("href=\"https://developers.cloudflare.com/workers/platform/limits/\"")));
    QVERIFY(html.contains(QStringLiteral("2026-02-11")));
    // The runtimes fact was checked on 2025-08-20, more than 12 months before 2026-11-23.
    QVERIFY(html.contains(QStringLiteral(">stale<")));
    QVERIFY(b.details()->openExternalLinks());
    saveScreenshot(&b, QStringLiteral("profile-browser"));

    b.showProfile(QStringLiteral("supabase"));
    const QString sb = b.details()->toHtml();
    QVERIFY(sb.contains(QStringLiteral("$25.00 per month")));
    QVERIFY(sb.contains(QStringLiteral("Instance: ")));
}

QTEST_MAIN(TestUiProfiles)
#include "test_ui_profiles.moc"
