// Arrows never pass under boxes: on every option of every bundled example and on generated
// diagrams, no segment of any arrow enters a box (its own two ends included: arrows touch them
// only at their borders) and no label covers a box. The incremental router gives exactly the
// routes of routing from scratch.
#include "diagramtest.h"
#include "io/projectfile.h"
#include "render/diagram.h"
#include "render/routing.h"

#include <QDir>
#include <QtTest>

using namespace stackplan;

namespace {

// Segments of all arrows that pass through the inside of a box.
int crossings(const std::vector<DiagramBox> &boxes, const std::vector<DiagramConnection> &conns,
              QStringList *what = nullptr)
{
    int n = 0;
    for (const auto &c : conns)
        for (const auto &leg : c.route.legs)
            for (size_t k = 0; k + 1 < leg.size(); ++k) {
                const QPointF p = leg[k], q = leg[k + 1];
                const QRectF seg = QRectF(p, q).normalized();
                for (const auto &b : boxes) {
                    const QRectF inside = b.rect.adjusted(0.5, 0.5, -0.5, -0.5);
                    const bool meets = seg.right() > inside.left() && seg.left() < inside.right()
                                       && seg.bottom() > inside.top()
                                       && seg.top() < inside.bottom();
                    if (meets) {
                        ++n;
                        if (what)
                            *what << c.id + QStringLiteral(" under ") + b.id;
                    }
                }
            }
    return n;
}

int labelsOnBoxes(const std::vector<DiagramBox> &boxes, const std::vector<DiagramConnection> &conns,
                  QStringList *what = nullptr)
{
    int n = 0;
    for (const auto &c : conns)
        for (const auto &b : boxes)
            if (c.route.label.intersects(b.rect)) {
                ++n;
                if (what)
                    *what << c.id + QStringLiteral(" label on ") + b.id;
            }
    return n;
}

// Every leg is orthogonal and starts and ends on the border of its boxes.
bool wellFormed(const Diagram &d, const Option &o, QString *why)
{
    std::map<QString, QRectF> rects;
    for (const auto &b : d.boxes)
        rects[b.id] = b.rect;
    auto onBorder = [](const QRectF &r, const QPointF &p) {
        const bool inX = p.x() >= r.left() - 1e-6 && p.x() <= r.right() + 1e-6;
        const bool inY = p.y() >= r.top() - 1e-6 && p.y() <= r.bottom() + 1e-6;
        return inX && inY
               && (std::abs(p.x() - r.left()) < 1e-6 || std::abs(p.x() - r.right()) < 1e-6
                   || std::abs(p.y() - r.top()) < 1e-6 || std::abs(p.y() - r.bottom()) < 1e-6);
    };
    for (const auto &c : d.connections) {
        const Connection *conn = o.connection(c.id);
        QStringList ends{conn->from};
        if (!conn->via.isEmpty() && rects.count(conn->via))
            ends << conn->via;
        ends << conn->to;
        if (c.route.legs.size() != size_t(ends.size() - 1)) {
            *why = c.id + QStringLiteral(": wrong number of legs");
            return false;
        }
        for (size_t l = 0; l < c.route.legs.size(); ++l) {
            const auto &leg = c.route.legs[l];
            if (leg.size() < 2 || !onBorder(rects[ends[int(l)]], leg.front())
                || !onBorder(rects[ends[int(l) + 1]], leg.back())) {
                *why = c.id + QStringLiteral(": leg does not join its boxes");
                return false;
            }
            for (size_t k = 0; k + 1 < leg.size(); ++k)
                if (std::abs(leg[k].x() - leg[k + 1].x()) > 1e-6
                    && std::abs(leg[k].y() - leg[k + 1].y()) > 1e-6) {
                    *why = c.id + QStringLiteral(": diagonal segment");
                    return false;
                }
        }
    }
    return true;
}

Diagram diagramOf(const Option &o)
{
    Project p;
    p.options.push_back(o);
    p.baseline = o.id;
    return buildDiagram(p, o.id, nullptr, {});
}

std::map<QString, Router::Link> linksOf(const Option &o)
{
    std::map<QString, Router::Link> links;
    for (const auto &c : o.connections)
        links[c.id] = Router::Link{c.from, c.to, c.via, QSizeF(40, 16)};
    return links;
}

} // namespace

class TestRouting : public QObject
{
    Q_OBJECT
private slots:
    void noArrowUnderABox_data();
    void noArrowUnderABox();
    void theFlrtsEdgeNoLongerRunsUnderVectorize();
    void arrowsThroughAnIntermediaryHaveTwoLegs();
    void incrementalRoutingEqualsRoutingFromScratch();
    void aMoveReroutesOnlyWhatItTouches();
};

void TestRouting::noArrowUnderABox_data()
{
    QTest::addColumn<Option>("option");
    const QStringList files
        = QDir(QStringLiteral(":/examples")).entryList({QStringLiteral("*.stackplan.json")});
    QCOMPARE(files.size(), 5);
    for (const auto &file : files) {
        ProjectLoad load = loadProjectFile(QStringLiteral(":/examples/") + file);
        QVERIFY2(load.ok(), qPrintable(load.error.toString()));
        for (const auto &o : load.project->options)
            QTest::newRow(qPrintable(file + QLatin1Char('/') + o.id)) << o;
    }
    QTest::newRow("generated 200 boxes, 400 arrows, by tier")
        << diagramtest::layeredOption(200, 400);
    QTest::newRow("generated 200 boxes, 300 arrows, scattered")
        << diagramtest::scatteredOption(200, 300);
}

void TestRouting::noArrowUnderABox()
{
    QFETCH(Option, option);
    const Diagram d = diagramOf(option);
    QCOMPARE(d.boxes.size(), option.components.size());
    QCOMPARE(d.connections.size(), option.connections.size());
    QString why;
    QVERIFY2(wellFormed(d, option, &why), qPrintable(why));
    QStringList what;
    const int crossed = crossings(d.boxes, d.connections, &what);
    QVERIFY2(crossed == 0, qPrintable(what.mid(0, 5).join(QStringLiteral("; "))));
    QCOMPARE(crossed, 0);
    QCOMPARE(labelsOnBoxes(d.boxes, d.connections, &what), 0);
    for (const auto &c : d.connections)
        QVERIFY2(!c.route.label.isEmpty(), qPrintable(c.id));
}

void TestRouting::theFlrtsEdgeNoLongerRunsUnderVectorize()
{
    // The example: BrainBot → Supabase was drawn straight through the Vectorize box.
    ProjectLoad load
        = loadProjectFile(QStringLiteral(":/examples/flrts-cloudflare-migration.stackplan.json"));
    QVERIFY(load.ok());
    const Option *after = load.project->option(QStringLiteral("after"));
    QVERIFY(after);
    const Diagram d = diagramOf(*after);
    const auto vectorize = std::find_if(d.boxes.begin(), d.boxes.end(), [](const DiagramBox &b) {
        return b.visual.roleId == QLatin1String("vector-index");
    });
    QVERIFY(vectorize != d.boxes.end());
    QCOMPARE(crossings({*vectorize}, d.connections), 0);
}

void TestRouting::arrowsThroughAnIntermediaryHaveTwoLegs()
{
    Option o;
    o.id = QStringLiteral("o");
    for (const char *id : {"app", "pooler", "db"}) {
        Component c;
        c.id = QString::fromLatin1(id);
        c.name = c.id;
        o.components.push_back(c);
    }
    o.layout[QStringLiteral("app")] = {0, 0, false};
    o.layout[QStringLiteral("pooler")] = {336, 0, false};
    o.layout[QStringLiteral("db")] = {336, 200, false};
    Connection c;
    c.id = QStringLiteral("app-to-db");
    c.from = QStringLiteral("app");
    c.to = QStringLiteral("db");
    c.via = QStringLiteral("pooler");
    o.connections.push_back(c);
    const Diagram d = diagramOf(o);
    const Route &r = d.connections.front().route;
    using Leg = std::vector<QPointF>;
    // app → pooler level at mid-height; pooler → db straight down from bottom to top.
    QCOMPARE(r.legs, std::vector<Leg>({{{236, 38}, {336, 38}}, {{454, 76}, {454, 200}}}));
}

void TestRouting::incrementalRoutingEqualsRoutingFromScratch()
{
    const Option o = diagramtest::scatteredOption(60, 100, 3);
    std::map<QString, QRectF> boxes = boxRects(o);
    const auto links = linksOf(o);
    Router router;
    for (const auto &[id, r] : boxes)
        router.setBox(id, r);
    for (const auto &[id, l] : links)
        router.setLink(id, l);
    router.update();
    QVERIFY(router.routes() == Router::routeAll(boxes, links));
    // Move boxes one after the other, as drags do, re-routing after each move.
    unsigned state = 11;
    for (int step = 0; step < 25; ++step) {
        state = state * 1103515245u + 12345u;
        const QString id = QStringLiteral("c%1").arg((state >> 16) % 60);
        QRectF r = boxes[id];
        r.translate(double(int((state >> 4) % 9) - 4) * 24, double(int((state >> 8) % 7) - 3) * 16);
        boxes[id] = r;
        router.setBox(id, r);
        router.update();
        QVERIFY2(router.routes() == Router::routeAll(boxes, links), qPrintable(id));
    }
    // Removing and re-adding links and boxes too.
    router.removeLink(QStringLiteral("l3"));
    auto fewer = links;
    fewer.erase(QStringLiteral("l3"));
    router.update();
    QVERIFY(router.routes() == Router::routeAll(boxes, fewer));
}

void TestRouting::aMoveReroutesOnlyWhatItTouches()
{
    const Option o = diagramtest::layeredOption(200, 400);
    const std::map<QString, QRectF> boxes = boxRects(o);
    Router router;
    for (const auto &[id, r] : boxes)
        router.setBox(id, r);
    for (const auto &[id, l] : linksOf(o))
        router.setLink(id, l);
    QCOMPARE(router.update().size(), qsizetype(400));
    QCOMPARE(router.lastRoutedLegs(), 400);
    // Nudging one box re-routes its own arrows and a few around it, not the diagram.
    router.setBox(QStringLiteral("c100"), boxes.at(QStringLiteral("c100")).translated(0, 8));
    router.update();
    QVERIFY2(router.lastRoutedLegs() < 40, qPrintable(QString::number(router.lastRoutedLegs())));
    QVERIFY(router.lastRoutedLegs() >= int(o.connectionsOf(QStringLiteral("c100")).size()));
}

QTEST_MAIN(TestRouting)
#include "test_routing.moc"
