// Auto-arrange by tier: left to right by role, straight chains, lanes for tier-skipping arrows,
// pinned boxes kept, deterministic.
#include "io/projectfile.h"
#include "layout/autoarrange.h"

#include <QDir>
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

// Crossings of every bundled example's options: the greedy auto-arrange of earlier versions and
// the arrangement of today.
struct ExampleCrossings {
    const char *file;
    const char *option;
    int before;
    int after;
};
const ExampleCrossings kExampleCrossings[] = {
    {"allogator.stackplan.json", "all-workers", 0, 0},
    {"allogator.stackplan.json", "hybrid", 0, 0},
    {"allogator.stackplan.json", "edge-rewrite", 0, 0},
    {"cloudflare-containers-starter.stackplan.json", "cloudflare-containers", 0, 0},
    {"cloudflare-containers-starter.stackplan.json", "monolith", 0, 0},
    {"fastapi-websockets-baml.stackplan.json", "rewrite-workers", 0, 0},
    {"fastapi-websockets-baml.stackplan.json", "proxy-railway", 0, 0},
    {"fastapi-websockets-baml.stackplan.json", "proxy-render", 0, 0},
    {"fastapi-websockets-baml.stackplan.json", "proxy-fly", 0, 0},
    {"fastapi-websockets-baml.stackplan.json", "workers-supabase-only", 0, 0},
    {"flrts-cloudflare-migration.stackplan.json", "before", 0, 0},
    {"flrts-cloudflare-migration.stackplan.json", "after", 0, 0},
    {"inkcre-python-workers.stackplan.json", "python-workers", 0, 0},
    {"inkcre-python-workers.stackplan.json", "traditional", 0, 0},
};
constexpr int kLargeCrossingsBefore = 111484;
constexpr int kLargeCrossingsAfter = 75058;
constexpr int kLargeFitPermille = 181;

// A large generated system: 500 boxes over every role, 1,000 connections from a lower tier to a
// higher one (a fixed pseudo-random sequence, so the figures below are exact).
Option generated(int boxes, int connections)
{
    Option o;
    o.id = QStringLiteral("big");
    quint32 seed = 12345;
    auto next = [&seed] {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) & 0x7fff;
    };
    const Role roles[] = {Role::Client,   Role::Frontend, Role::Proxy,         Role::Backend,
                          Role::Backend,  Role::Worker,   Role::Database,      Role::Cache,
                          Role::Database, Role::Queue,    Role::ObjectStorage, Role::ExternalApi};
    for (int k = 0; k < boxes; ++k) {
        Component c;
        c.id = QStringLiteral("c%1").arg(k);
        c.name = c.id;
        c.role = roles[next() % std::size(roles)];
        o.components.push_back(c);
    }
    for (int k = 0; k < connections;) {
        const Component &a = o.components[next() % boxes];
        const Component &b = o.components[next() % boxes];
        if (tierOf(a.role) >= tierOf(b.role))
            continue;
        o.connections.push_back(Connection{QStringLiteral("k%1").arg(k++), a.id, b.id,
                                           Protocol::Http, {}, false});
    }
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
    void countsCrossingsOfStraightArrows();
    void examplesHaveFewerCrossings_data();
    void examplesHaveFewerCrossings();
    void sweepsUntangleWhatOneSweepCannot();
    void largeDiagramIsCompactWithFewerCrossings();
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

void TestLayout::countsCrossingsOfStraightArrows()
{
    Option o = chain();
    o.connections.clear();
    auto link = [&](const char *from, const char *to) {
        o.connections.push_back(Connection{QString::fromLatin1(from) + QLatin1String(to),
                                           QString::fromLatin1(from), QString::fromLatin1(to),
                                           Protocol::Http, {}, false});
    };
    link("browser", "llm");
    link("web", "db");
    std::map<QString, LayoutEntry> pos{{QStringLiteral("browser"), {0, 0, false}},
                                       {QStringLiteral("web"), {0, 200, false}},
                                       {QStringLiteral("llm"), {600, 200, false}},
                                       {QStringLiteral("db"), {600, 0, false}},
                                       {QStringLiteral("api"), {300, 100, false}}};
    QCOMPARE(countCrossings(o, pos), 1); // an X
    pos[QStringLiteral("db")].y = 400;
    QCOMPARE(countCrossings(o, pos), 0); // parallel
    link("browser", "api"); // shares a box with browser → llm: never counted
    QCOMPARE(countCrossings(o, pos), 0);
}

void TestLayout::examplesHaveFewerCrossings_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("option");
    QTest::addColumn<int>("before"); // the greedy auto-arrange of earlier versions
    QTest::addColumn<int>("after");
    for (const auto &row : kExampleCrossings)
        QTest::newRow(qPrintable(QLatin1String(row.file) + QLatin1Char('/')
                                 + QLatin1String(row.option)))
            << QString::fromLatin1(row.file) << QString::fromLatin1(row.option) << row.before
            << row.after;
}

void TestLayout::examplesHaveFewerCrossings()
{
    QFETCH(QString, file);
    QFETCH(QString, option);
    QFETCH(int, before);
    QFETCH(int, after);
    const ProjectLoad load = loadProjectFile(
        QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/") + file);
    QVERIFY(load.ok());
    const Option *o = load.project->option(option);
    QVERIFY(o);
    QCOMPARE(countCrossings(*o, arrangeGreedy(*o)), before);
    QCOMPARE(countCrossings(*o, arrangeByTier(*o)), after);
    QVERIFY(after <= before);
}

void TestLayout::sweepsUntangleWhatOneSweepCannot()
{
    // Clients a, b, c in model order; a and c call x, b calls y. One left-to-right sweep keeps
    // a, b, c and puts x and y both at b's height: b → y crosses c → x. The backward sweep
    // reorders the clients to a, c, b.
    Option o;
    o.id = QStringLiteral("o");
    for (const char *id : {"a", "b", "c"}) {
        Component c;
        c.id = QString::fromLatin1(id);
        c.role = Role::Client;
        o.components.push_back(c);
    }
    for (const char *id : {"x", "y"}) {
        Component c;
        c.id = QString::fromLatin1(id);
        c.role = Role::Frontend;
        o.components.push_back(c);
    }
    auto link = [&](const char *from, const char *to) {
        o.connections.push_back(Connection{QString::fromLatin1(from) + QLatin1String(to),
                                           QString::fromLatin1(from), QString::fromLatin1(to),
                                           Protocol::Http, {}, false});
    };
    link("a", "x");
    link("c", "x");
    link("b", "y");
    QCOMPARE(countCrossings(o, arrangeGreedy(o)), 1);
    const auto pos = arrangeByTier(o);
    QCOMPARE(countCrossings(o, pos), 0);
    QVERIFY(pos.at(QStringLiteral("c")).y < pos.at(QStringLiteral("b")).y);
    QVERIFY(pos.at(QStringLiteral("x")).y < pos.at(QStringLiteral("y")).y);
}

void TestLayout::largeDiagramIsCompactWithFewerCrossings()
{
    const Option o = generated(500, 1000);
    const auto greedy = arrangeGreedy(o);
    const auto arranged = arrangeByTier(o);
    QCOMPARE(arranged.size(), size_t(500));
    QCOMPARE(countCrossings(o, greedy), kLargeCrossingsBefore);
    QCOMPARE(countCrossings(o, arranged), kLargeCrossingsAfter);
    QVERIFY(kLargeCrossingsAfter < kLargeCrossingsBefore);
    // No two boxes overlap.
    std::vector<QRectF> rects;
    for (const auto &[id, e] : arranged)
        rects.emplace_back(e.x, e.y, kBoxWidth, kBoxHeight);
    for (size_t i = 0; i < rects.size(); ++i)
        for (size_t j = i + 1; j < rects.size(); ++j)
            QVERIFY(!rects[i].intersects(rects[j]));
    // Shaped for a screen: it fits a 1,000 × 620 pixel view at a zoom where a box is still
    // about 40 pixels wide (the greedy layout, 1,580 × 53,276, fits at 1.2 %).
    double right = 0, bottom = 0;
    for (const auto &[id, e] : arranged) {
        right = std::max(right, e.x + kBoxWidth);
        bottom = std::max(bottom, e.y + kBoxHeight);
    }
    const double fit = std::min(1000 / (right + 80), 620 / (bottom + 80));
    QCOMPARE(qRound(fit * 1000), kLargeFitPermille);
    QVERIFY(fit * kBoxWidth >= 38);
}

QTEST_GUILESS_MAIN(TestLayout)
#include "test_layout.moc"
