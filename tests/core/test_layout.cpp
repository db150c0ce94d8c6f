// Auto-arrange by tier: left to right by role, straight chains, lanes for tier-skipping arrows,
// pinned boxes kept, deterministic.
#include "io/projectfile.h"
#include "layout/autoarrange.h"

#include <QtTest>

using namespace stackplan;

namespace {

Option chain()
{
    Option o;
    o.id = QStringLiteral("o");
    auto add = [&](const char *id, Role role) {
        Component c;
        c.id = QString::fromLatin1(id);
        c.name = c.id;
        c.role = role;
        o.components.push_back(c);
    };
    add("llm", Role::ExternalApi);
    add("db", Role::Database);
    add("api", Role::Backend);
    add("web", Role::Frontend);
    add("browser", Role::Client);
    auto link = [&](const char *from, const char *to) {
        o.connections.push_back(
            Connection{QStringLiteral("%1-%2").arg(QLatin1String(from), QLatin1String(to)),
                       QString::fromLatin1(from),
                       QString::fromLatin1(to),
                       Protocol::Http,
                       {},
                       false});
    };
    link("browser", "web");
    link("web", "api");
    link("api", "db");
    link("api", "llm");
    return o;
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT
private slots:
    void tiersRunLeftToRight();
    void tierSkippingArrowGetsItsOwnLane();
    void pinnedBoxesKeepTheirPlace();
    void arrangementIsDeterministic();
    void placeMissingKeepsExistingPositions();
    void webhookSourcesAreEntryPoints();
    void viaComponentsSitWithTheTarget();
};

void TestLayout::tiersRunLeftToRight()
{
    const auto pos = arrangeByTier(chain());
    QCOMPARE(pos.at(QStringLiteral("browser")).x, 0.0);
    QCOMPARE(pos.at(QStringLiteral("web")).x, kTierSpacing);
    QCOMPARE(pos.at(QStringLiteral("api")).x, 2 * kTierSpacing);
    QCOMPARE(pos.at(QStringLiteral("db")).x, 3 * kTierSpacing);
    QCOMPARE(pos.at(QStringLiteral("llm")).x, 4 * kTierSpacing);
    // The chain browser → web → api runs straight.
    QCOMPARE(pos.at(QStringLiteral("web")).y, pos.at(QStringLiteral("browser")).y);
    QCOMPARE(pos.at(QStringLiteral("api")).y, pos.at(QStringLiteral("web")).y);
}

void TestLayout::tierSkippingArrowGetsItsOwnLane()
{
    // api → llm skips the data tier; the database must not sit on that arrow's path.
    const auto pos = arrangeByTier(chain());
    const double apiCentre = pos.at(QStringLiteral("api")).y + kBoxHeight / 2;
    const double llmCentre = pos.at(QStringLiteral("llm")).y + kBoxHeight / 2;
    const double atDbTier = apiCentre + (llmCentre - apiCentre) / 2; // height of the arrow there
    const double dbTop = pos.at(QStringLiteral("db")).y;
    QVERIFY2(atDbTier < dbTop || atDbTier > dbTop + kBoxHeight,
             qPrintable(QStringLiteral("arrow at %1 crosses db box %2..%3")
                            .arg(atDbTier)
                            .arg(dbTop)
                            .arg(dbTop + kBoxHeight)));
    // The lane keeps api's height: llm lines up with api and db moves below the lane.
    QCOMPARE(pos.at(QStringLiteral("llm")).y, pos.at(QStringLiteral("api")).y);
    QCOMPARE(pos.at(QStringLiteral("db")).y, pos.at(QStringLiteral("api")).y + kRowSpacing);
}

void TestLayout::pinnedBoxesKeepTheirPlace()
{
    Option o = chain();
    o.layout[QStringLiteral("db")] = LayoutEntry{1234, 567, true};
    const auto pos = arrangeByTier(o);
    QCOMPARE(pos.at(QStringLiteral("db")), (LayoutEntry{1234, 567, true}));
    QCOMPARE(pos.at(QStringLiteral("api")).x, 2 * kTierSpacing);
}

void TestLayout::arrangementIsDeterministic()
{
    const Option o = chain();
    QVERIFY(arrangeByTier(o) == arrangeByTier(o));
}

void TestLayout::placeMissingKeepsExistingPositions()
{
    Option o = chain();
    o.layout[QStringLiteral("api")] = LayoutEntry{100, 200, false};
    const auto placed = placeMissing(o);
    QVERIFY(!placed.count(QStringLiteral("api")));
    QCOMPARE(placed.size(), size_t(4));
    QCOMPARE(placed.at(QStringLiteral("db")).x, 3 * kTierSpacing);
}

void TestLayout::webhookSourcesAreEntryPoints()
{
    Option o = chain();
    // llm now only calls in (a webhook source): it moves to the first column.
    for (auto &c : o.connections)
        if (c.to == QLatin1String("llm")) {
            c.from = QStringLiteral("llm");
            c.to = QStringLiteral("api");
            c.protocol = Protocol::Webhook;
        }
    QCOMPARE(layoutTiers(o).at(QStringLiteral("llm")), 0);
    QCOMPARE(arrangeByTier(o).at(QStringLiteral("llm")).x, 0.0);
}

void TestLayout::viaComponentsSitWithTheTarget()
{
    Option o = chain();
    Component pool;
    pool.id = QStringLiteral("pool");
    pool.name = pool.id;
    pool.role = Role::Proxy; // a proxy's own tier would be 1, left of the api
    o.components.push_back(pool);
    for (auto &c : o.connections)
        if (c.to == QLatin1String("db"))
            c.via = QStringLiteral("pool");
    QCOMPARE(layoutTiers(o).at(QStringLiteral("pool")), 3);
    const auto pos = arrangeByTier(o);
    QCOMPARE(pos.at(QStringLiteral("pool")).x, 3 * kTierSpacing);
    QVERIFY(pos.at(QStringLiteral("pool")).y != pos.at(QStringLiteral("db")).y);
}

QTEST_GUILESS_MAIN(TestLayout)
#include "test_layout.moc"
