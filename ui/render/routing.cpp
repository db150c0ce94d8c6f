#include "render/routing.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <queue>

namespace stackplan {

namespace {

constexpr double kEps = 1e-6;
constexpr double kSideGap = 16;  // boxes closer than this along an axis face each other across it
constexpr double kBendCost = 40; // one bend weighs like 40 px of length
constexpr double kPortMargin = 10;

using Side = Router::Side;

QPointF outward(Side s)
{
    switch (s) {
    case Router::East:
        return {1, 0};
    case Router::South:
        return {0, 1};
    case Router::West:
        return {-1, 0};
    case Router::North:
        return {0, -1};
    }
    return {1, 0};
}

Side opposite(Side s)
{
    return Side((int(s) + 2) % 4);
}

// The sides a leg leaves `a` and enters `b` by: facing each other across the wider gap.
std::pair<Side, Side> sidesFor(const QRectF &a, const QRectF &b)
{
    if (b.left() >= a.right() + kSideGap)
        return {Router::East, Router::West};
    if (a.left() >= b.right() + kSideGap)
        return {Router::West, Router::East};
    if (b.top() >= a.bottom() + kSideGap)
        return {Router::South, Router::North};
    if (a.top() >= b.bottom() + kSideGap)
        return {Router::North, Router::South};
    const QPointF d = b.center() - a.center();
    if (std::abs(d.x()) >= std::abs(d.y()))
        return d.x() >= 0 ? std::pair(Router::East, Router::West)
                          : std::pair(Router::West, Router::East);
    return d.y() >= 0 ? std::pair(Router::South, Router::North)
                      : std::pair(Router::North, Router::South);
}

// Does the axis-parallel segment p–q pass through the inside of r (touching its border is fine)?
bool meets(const QPointF &p, const QPointF &q, const QRectF &r)
{
    const double x0 = std::min(p.x(), q.x()), x1 = std::max(p.x(), q.x());
    const double y0 = std::min(p.y(), q.y()), y1 = std::max(p.y(), q.y());
    return x1 > r.left() + kEps && x0 < r.right() - kEps && y1 > r.top() + kEps
           && y0 < r.bottom() - kEps;
}

QRectF inflated(const QRectF &r)
{
    const double m = Router::kClearance;
    return r.adjusted(-m, -m, m, m);
}

QRectF segmentRect(const QPointF &p, const QPointF &q)
{
    return QRectF(p, q).normalized().adjusted(-1, -1, 1, 1);
}

// A frame in which a leg travels towards +u: E, W, S, N map onto it by mirroring and
// transposing, so the shape search is written once.
struct Frame {
    Side dir;
    QPointF to(const QPointF &p) const
    {
        switch (dir) {
        case Router::East:
            return p;
        case Router::West:
            return {-p.x(), p.y()};
        case Router::South:
            return {p.y(), p.x()};
        case Router::North:
            return {-p.y(), p.x()};
        }
        return p;
    }
    QPointF from(const QPointF &p) const
    {
        switch (dir) {
        case Router::East:
            return p;
        case Router::West:
            return {-p.x(), p.y()};
        case Router::South:
            return {p.y(), p.x()};
        case Router::North:
            return {p.y(), -p.x()};
        }
        return p;
    }
    QRectF to(const QRectF &r) const
    {
        return QRectF(to(r.topLeft()), to(r.bottomRight())).normalized();
    }
    QRectF from(const QRectF &r) const
    {
        return QRectF(from(r.topLeft()), from(r.bottomRight())).normalized();
    }
};

std::vector<QPointF> simplified(const std::vector<QPointF> &pts)
{
    std::vector<QPointF> out;
    for (const QPointF &p : pts) {
        if (!out.empty() && std::abs(out.back().x() - p.x()) < kEps
            && std::abs(out.back().y() - p.y()) < kEps)
            continue;
        if (out.size() >= 2) {
            const QPointF &a = out[out.size() - 2];
            const QPointF &b = out.back();
            const bool collinear
                = (std::abs(a.x() - b.x()) < kEps && std::abs(b.x() - p.x()) < kEps)
                  || (std::abs(a.y() - b.y()) < kEps && std::abs(b.y() - p.y()) < kEps);
            if (collinear) {
                out.back() = p;
                continue;
            }
        }
        out.push_back(p);
    }
    return out;
}

} // namespace

void Router::setBox(const QString &id, const QRectF &rect)
{
    const int i = boxIndex(id);
    if (i >= 0) {
        Box &b = m_boxes[size_t(i)];
        if (b.rect == rect)
            return;
        m_grid.remove(i, inflated(b.rect));
        m_movedRects.push_back(inflated(b.rect));
        b.rect = rect;
        m_grid.insert(i, inflated(rect));
        m_movedRects.push_back(inflated(rect));
        return;
    }
    const int n = int(m_boxes.size());
    m_boxes.push_back(Box{id, rect, true});
    m_boxIndex.insert(id, n);
    m_grid.insert(n, inflated(rect));
    m_movedRects.push_back(inflated(rect));
}

void Router::removeBox(const QString &id)
{
    const int i = boxIndex(id);
    if (i < 0)
        return;
    Box &b = m_boxes[size_t(i)];
    m_grid.remove(i, inflated(b.rect));
    m_movedRects.push_back(inflated(b.rect));
    b.alive = false;
    m_boxIndex.remove(id);
}

void Router::setLink(const QString &id, const Link &link)
{
    auto it = m_links.find(id);
    if (it != m_links.end() && it->second.link == link)
        return;
    m_links[id] = LinkState{link, {}};
    m_linksChanged = true;
}

void Router::removeLink(const QString &id)
{
    if (m_links.erase(id))
        m_linksChanged = true;
    m_routes.erase(id);
}

void Router::clear()
{
    m_boxes.clear();
    m_boxIndex.clear();
    m_grid.clear();
    m_links.clear();
    m_routes.clear();
    m_movedRects.clear();
    m_linksChanged = false;
}

const Route &Router::route(const QString &id) const
{
    static const Route none;
    const auto it = m_routes.find(id);
    return it == m_routes.end() ? none : it->second;
}

// Sides and port positions of every leg. A leg whose ends, sides or ports changed is re-routed.
void Router::assignPorts()
{
    struct End {
        Leg *leg;
        bool start;
        double key; // where the other end is, along the side
        const QString *link;
        int legIndex;
    };
    std::map<std::pair<int, int>, std::vector<End>> sides; // (box, side) → leg ends
    for (auto &[id, state] : m_links) {
        const Link &l = state.link;
        const int from = boxIndex(l.from), to = boxIndex(l.to), via = boxIndex(l.via);
        std::vector<std::pair<int, int>> ends;
        if (from >= 0 && to >= 0 && from != to) {
            if (via >= 0 && via != from && via != to)
                ends = {{from, via}, {via, to}};
            else
                ends = {{from, to}};
        }
        if (state.legs.size() != ends.size())
            state.legs.assign(ends.size(), Leg{});
        for (size_t k = 0; k < ends.size(); ++k) {
            Leg &leg = state.legs[k];
            const auto [sa, sb] = sidesFor(m_boxes[size_t(ends[k].first)].rect,
                                           m_boxes[size_t(ends[k].second)].rect);
            if (leg.a != ends[k].first || leg.b != ends[k].second || leg.sa != sa || leg.sb != sb)
                leg.routed = false;
            leg.a = ends[k].first;
            leg.b = ends[k].second;
            leg.sa = sa;
            leg.sb = sb;
            const QPointF ca = m_boxes[size_t(leg.a)].rect.center();
            const QPointF cb = m_boxes[size_t(leg.b)].rect.center();
            const bool alongY = sa == East || sa == West;
            sides[{leg.a, int(sa)}].push_back(
                End{&leg, true, alongY ? cb.y() : cb.x(), &id, int(k)});
            sides[{leg.b, int(sb)}].push_back(
                End{&leg, false, alongY ? ca.y() : ca.x(), &id, int(k)});
        }
    }
    for (auto &[key, ends] : sides) {
        std::sort(ends.begin(), ends.end(), [](const End &x, const End &y) {
            if (x.key != y.key)
                return x.key < y.key;
            if (*x.link != *y.link)
                return *x.link < *y.link;
            if (x.legIndex != y.legIndex)
                return x.legIndex < y.legIndex;
            return x.start && !y.start;
        });
        const QRectF &r = m_boxes[size_t(key.first)].rect;
        const Side side = Side(key.second);
        const bool vertical = side == East || side == West;
        const double length = vertical ? r.height() : r.width();
        const int n = int(ends.size());
        const double spacing = std::min(kPortSpacing, (length - 2 * kPortMargin) / std::max(n, 1));
        for (int i = 0; i < n; ++i) {
            const double offset = (i - (n - 1) / 2.0) * spacing;
            QPointF p;
            switch (side) {
            case East:
                p = {r.right(), r.center().y() + offset};
                break;
            case West:
                p = {r.left(), r.center().y() + offset};
                break;
            case South:
                p = {r.center().x() + offset, r.bottom()};
                break;
            case North:
                p = {r.center().x() + offset, r.top()};
                break;
            }
            Leg &leg = *ends[size_t(i)].leg;
            QPointF &port = ends[size_t(i)].start ? leg.pa : leg.pb;
            if (port != p)
                leg.routed = false;
            port = p;
        }
    }
}

bool Router::clear(const QPointF &p, const QPointF &q, const Leg &leg, QRectF *depends) const
{
    const QRectF query = segmentRect(p, q);
    *depends = depends->isNull() ? query : depends->united(query);
    bool free = true;
    m_grid.query(query, [&](int i) {
        if (!free)
            return;
        const QRectF &r = m_boxes[size_t(i)].rect;
        if (i == leg.a || i == leg.b)
            free = !meets(p, q, r);
        else
            free = !meets(p, q, inflated(r));
    });
    return free;
}

void Router::routeLeg(Leg &leg) const
{
    leg.depends = QRectF();
    leg.routed = true;
    const QRectF a = m_boxes[size_t(leg.a)].rect;
    const QRectF b = m_boxes[size_t(leg.b)].rect;
    const QPointF pa = leg.pa, pb = leg.pb;
    auto accept = [&](std::vector<QPointF> pts) {
        for (size_t k = 0; k + 1 < pts.size(); ++k)
            if (!clear(pts[k], pts[k + 1], leg, &leg.depends))
                return false;
        leg.raw = simplified(pts);
        return true;
    };

    const Frame f{leg.sa};
    const QPointF ua = f.to(pa), ub = f.to(pb);
    if (leg.sb == opposite(leg.sa) && ub.x() > ua.x()) {
        if (std::abs(ua.y() - ub.y()) < kEps && accept({pa, pb}))
            return;
        // The nearest obstacle edge on a row between the two ends, in the leg's frame.
        auto nearestOnRow = [&](double v, bool afterA) {
            const QRectF band = f.from(QRectF(QPointF(ua.x(), v - 0.5), QPointF(ub.x(), v + 0.5)));
            leg.depends = leg.depends.isNull() ? band : leg.depends.united(band);
            double edge = afterA ? ub.x() : ua.x();
            m_grid.query(band, [&](int i) {
                if (i == leg.a || i == leg.b)
                    return;
                const QRectF r = f.to(inflated(m_boxes[size_t(i)].rect));
                if (r.top() >= v || r.bottom() <= v)
                    return;
                if (afterA && r.left() > ua.x() && r.left() < edge)
                    edge = r.left();
                if (!afterA && r.right() < ub.x() && r.right() > edge)
                    edge = r.right();
            });
            return edge;
        };
        // Jog halfway, or in the channel just before b (running level from a's row first), or
        // in the channel just after a (then running level on b's row).
        const double mid = (ua.x() + ub.x()) / 2;
        const double beforeB = (nearestOnRow(ua.y(), false) + ub.x()) / 2;
        const double afterA = (ua.x() + nearestOnRow(ub.y(), true)) / 2;
        std::vector<double> candidates{mid, beforeB, afterA};
        for (size_t k = 0; k < candidates.size(); ++k) {
            const double um = candidates[k];
            if (std::find(candidates.begin(), candidates.begin() + long(k), um)
                != candidates.begin() + long(k))
                continue;
            if (accept({pa, f.from(QPointF(um, ua.y())), f.from(QPointF(um, ub.y())), pb}))
                return;
        }
    }
    // A path search needs room to leave a and to enter b; when a neighbour sits closer than the
    // clearance in front of a port, no window can help.
    const QPointF ps = pa + outward(leg.sa) * kClearance, pe = pb + outward(leg.sb) * kClearance;
    if (clear(pa, ps, leg, &leg.depends) && clear(pe, pb, leg, &leg.depends)) {
        QRectF window = a.united(b).adjusted(-160, -160, 160, 160);
        for (int attempt = 0; attempt < 4; ++attempt) {
            if (findPath(leg, window))
                return;
            window = window.adjusted(-window.width() / 2, -window.height() / 2, window.width() / 2,
                                     window.height() / 2);
        }
    }
    // Boxes overlap or touch: no clear path exists; draw the plain two-bend shape.
    const double um = (ua.x() + ub.x()) / 2;
    leg.raw = simplified({pa, f.from(QPointF(um, ua.y())), f.from(QPointF(um, ub.y())), pb});
}

// Shortest path with fewest bends from just outside a's port to just outside b's port, on the
// orthogonal visibility grid of the obstacles inside `window`.
bool Router::findPath(Leg &leg, const QRectF &window) const
{
    leg.depends = leg.depends.isNull() ? window : leg.depends.united(window);
    const QPointF ps = leg.pa + outward(leg.sa) * kClearance;
    const QPointF pe = leg.pb + outward(leg.sb) * kClearance;
    std::vector<QRectF> obstacles;
    std::vector<double> xs{window.left(), window.right(), ps.x(), pe.x()};
    std::vector<double> ys{window.top(), window.bottom(), ps.y(), pe.y()};
    m_grid.query(window, [&](int i) {
        const QRectF r = inflated(m_boxes[size_t(i)].rect);
        if (!r.intersects(window))
            return;
        obstacles.push_back(r);
        for (double x : {r.left(), r.right()})
            if (x > window.left() && x < window.right())
                xs.push_back(x);
        for (double y : {r.top(), r.bottom()})
            if (y > window.top() && y < window.bottom())
                ys.push_back(y);
    });
    std::sort(obstacles.begin(), obstacles.end(), [](const QRectF &x, const QRectF &y) {
        return std::pair(x.left(), x.top()) < std::pair(y.left(), y.top());
    });
    auto withChannels = [](std::vector<double> &v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end(),
                            [](double x, double y) { return std::abs(x - y) < 0.01; }),
                v.end());
        const size_t n = v.size();
        for (size_t i = 0; i + 1 < n; ++i)
            v.push_back((v[i] + v[i + 1]) / 2);
        std::sort(v.begin(), v.end());
    };
    withChannels(xs);
    withChannels(ys);
    const int nx = int(xs.size()), ny = int(ys.size());
    auto indexOf = [](const std::vector<double> &v, double x) {
        return int(std::lower_bound(v.begin(), v.end(), x - 0.005) - v.begin());
    };
    std::vector<char> nodeBlocked(size_t(nx) * ny, 0), hBlocked(size_t(nx) * ny, 0),
        vBlocked(size_t(nx) * ny, 0);
    auto at = [nx](int i, int j) {
        return size_t(j) * nx + i;
    };
    for (const QRectF &r : obstacles) {
        const int i0 = indexOf(xs, r.left()), i1 = indexOf(xs, r.right() + 0.01) - 1;
        const int j0 = indexOf(ys, r.top()), j1 = indexOf(ys, r.bottom() + 0.01) - 1;
        for (int j = j0; j <= j1 && j < ny; ++j)
            for (int i = i0; i <= i1 && i < nx; ++i) {
                const bool inX
                    = xs[size_t(i)] > r.left() + kEps && xs[size_t(i)] < r.right() - kEps;
                const bool inY
                    = ys[size_t(j)] > r.top() + kEps && ys[size_t(j)] < r.bottom() - kEps;
                if (inX && inY)
                    nodeBlocked[at(i, j)] = 1;
                if (inY && i + 1 < nx && xs[size_t(i + 1)] <= r.right() + kEps)
                    hBlocked[at(i, j)] = 1; // edge (i, j) → (i + 1, j)
                if (inX && j + 1 < ny && ys[size_t(j + 1)] <= r.bottom() + kEps)
                    vBlocked[at(i, j)] = 1; // edge (i, j) → (i, j + 1)
            }
    }
    const int si = indexOf(xs, ps.x()), sj = indexOf(ys, ps.y());
    const int gi = indexOf(xs, pe.x()), gj = indexOf(ys, pe.y());
    nodeBlocked[at(si, sj)] = 0;
    nodeBlocked[at(gi, gj)] = 0;
    const int startDir = int(leg.sa);
    const int arriveDir = int(opposite(leg.sb));
    const int di[4] = {1, 0, -1, 0}, dj[4] = {0, 1, 0, -1};
    const size_t states = size_t(nx) * ny * 4;
    std::vector<double> cost(states, std::numeric_limits<double>::infinity());
    std::vector<int> prev(states, -1);
    struct Item {
        double f;
        double h; // on equal f, the state nearer the goal first: far fewer states explored
        unsigned long long order;
        int state;
        bool operator>(const Item &o) const
        {
            if (f != o.f)
                return f > o.f;
            if (h != o.h)
                return h > o.h;
            return order > o.order;
        }
    };
    std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
    unsigned long long counter = 0;
    auto h = [&](int i, int j) {
        return std::abs(xs[size_t(i)] - pe.x()) + std::abs(ys[size_t(j)] - pe.y());
    };
    const int start = int(at(si, sj)) * 4 + startDir;
    cost[size_t(start)] = 0;
    open.push({h(si, sj), h(si, sj), counter++, start});
    double best = std::numeric_limits<double>::infinity();
    int bestState = -1;
    while (!open.empty()) {
        const Item item = open.top();
        open.pop();
        if (item.f >= best)
            break;
        const int s = item.state, d = s % 4, node = s / 4, i = node % nx, j = node / nx;
        const double g = cost[size_t(s)];
        if (item.f > g + h(i, j) + kEps)
            continue; // stale
        if (i == gi && j == gj) {
            const double total = g + (d == arriveDir ? 0 : kBendCost);
            if (total < best) {
                best = total;
                bestState = s;
            }
            continue;
        }
        for (int nd = 0; nd < 4; ++nd) {
            if (nd == (d + 2) % 4)
                continue; // no U-turns
            const int ni = i + di[nd], nj = j + dj[nd];
            if (ni < 0 || nj < 0 || ni >= nx || nj >= ny || nodeBlocked[at(ni, nj)])
                continue;
            const bool edgeBlocked = nd == 0   ? hBlocked[at(i, j)]
                                     : nd == 2 ? hBlocked[at(ni, nj)]
                                     : nd == 1 ? vBlocked[at(i, j)]
                                               : vBlocked[at(ni, nj)];
            if (edgeBlocked)
                continue;
            const double step = std::abs(xs[size_t(ni)] - xs[size_t(i)])
                                + std::abs(ys[size_t(nj)] - ys[size_t(j)]);
            const double ng = g + step + (nd == d ? 0 : kBendCost);
            const int ns = int(at(ni, nj)) * 4 + nd;
            if (ng + kEps < cost[size_t(ns)]) {
                cost[size_t(ns)] = ng;
                prev[size_t(ns)] = s;
                open.push({ng + h(ni, nj), h(ni, nj), counter++, ns});
            }
        }
    }
    if (bestState < 0)
        return false;
    std::vector<QPointF> pts{leg.pb, pe};
    for (int s = bestState; s >= 0; s = prev[size_t(s)]) {
        const int node = s / 4;
        pts.emplace_back(xs[size_t(node % nx)], ys[size_t(node / nx)]);
    }
    pts.push_back(leg.pa);
    std::reverse(pts.begin(), pts.end());
    std::vector<QPointF> path = simplified(pts);
    for (size_t k = 0; k + 1 < path.size(); ++k)
        if (!clear(path[k], path[k + 1], leg, &leg.depends))
            return false; // the port stubs themselves are blocked (boxes too close)
    leg.raw = std::move(path);
    return true;
}

QStringList Router::update()
{
    if (m_movedRects.empty() && !m_linksChanged)
        return {};
    assignPorts();
    m_lastRouted = 0;
    for (auto &[id, state] : m_links)
        for (Leg &leg : state.legs) {
            if (leg.routed)
                for (const QRectF &moved : m_movedRects)
                    if (leg.depends.intersects(moved)) {
                        leg.routed = false;
                        break;
                    }
            if (!leg.routed) {
                routeLeg(leg);
                ++m_lastRouted;
            }
        }
    m_movedRects.clear();
    m_linksChanged = false;

    std::map<QString, Route> routes;
    for (const auto &[id, state] : m_links) {
        Route r;
        for (const Leg &leg : state.legs)
            r.legs.push_back(leg.raw);
        routes.emplace(id, std::move(r));
    }
    spreadChannels(routes);
    placeLabels(routes);
    QStringList changed;
    for (const auto &[id, r] : routes) {
        const auto old = m_routes.find(id);
        if (old == m_routes.end() || !(old->second == r))
            changed << id;
    }
    m_routes = std::move(routes);
    return changed;
}

// Interior segments (not those at a port) that lie on the same line and overlap are moved apart
// within the free space of their channel, so two arrows never read as one.
void Router::spreadChannels(std::map<QString, Route> &routes) const
{
    struct Seg {
        std::vector<QPointF> *poly;
        size_t k;
        double c, lo, hi, key;
        const QString *link;
    };
    for (const bool vertical : {true, false}) {
        auto along = [vertical](const QPointF &p) {
            return vertical ? p.y() : p.x();
        };
        auto across = [vertical](const QPointF &p) {
            return vertical ? p.x() : p.y();
        };
        std::vector<Seg> segs;
        for (auto &[id, route] : routes)
            for (auto &poly : route.legs)
                for (size_t k = 1; k + 2 < poly.size(); ++k) {
                    const QPointF &p = poly[k], &q = poly[k + 1];
                    if (std::abs(across(p) - across(q)) > kEps)
                        continue; // not of this orientation
                    // Order so arrows entering one side and leaving the other do not cross.
                    const double from = across(p) - across(poly[k - 1]) >= 0 ? 1 : -1;
                    const bool forward = along(q) > along(p);
                    segs.push_back(Seg{&poly, k, across(p), std::min(along(p), along(q)),
                                       std::max(along(p), along(q)),
                                       (forward ? -along(p) : along(p)) * from, &id});
                }
        std::sort(segs.begin(), segs.end(), [](const Seg &x, const Seg &y) {
            return std::tie(x.c, x.lo) < std::tie(y.c, y.lo);
        });
        for (size_t first = 0; first < segs.size();) {
            size_t last = first + 1;
            double reach = segs[first].hi;
            while (last < segs.size() && std::abs(segs[last].c - segs[first].c) < 0.01
                   && segs[last].lo <= reach + 1) {
                reach = std::max(reach, segs[last].hi);
                ++last;
            }
            const int n = int(last - first);
            if (n > 1) {
                std::vector<Seg> cluster(segs.begin() + long(first), segs.begin() + long(last));
                std::sort(cluster.begin(), cluster.end(), [](const Seg &x, const Seg &y) {
                    if (x.key != y.key)
                        return x.key < y.key;
                    return std::tie(*x.link, x.k) < std::tie(*y.link, y.k);
                });
                const double c = cluster.front().c, lo = segs[first].lo;
                double room = std::numeric_limits<double>::infinity();
                const double reachOut = (n - 1) * kChannelSpacing / 2 + 1;
                const QRectF band = vertical ? QRectF(c - reachOut, lo, 2 * reachOut, reach - lo)
                                             : QRectF(lo, c - reachOut, reach - lo, 2 * reachOut);
                m_grid.query(band.adjusted(-1, -1, 1, 1), [&](int i) {
                    const QRectF r = inflated(m_boxes[size_t(i)].rect);
                    const double rlo = vertical ? r.top() : r.left();
                    const double rhi = vertical ? r.bottom() : r.right();
                    if (rhi <= lo - kEps || rlo >= reach + kEps)
                        return;
                    const double r0 = vertical ? r.left() : r.top();
                    const double r1 = vertical ? r.right() : r.bottom();
                    if (r1 <= c + kEps)
                        room = std::min(room, c - r1);
                    else if (r0 >= c - kEps)
                        room = std::min(room, r0 - c);
                    else
                        room = 0; // the channel runs along a box's own margin: leave it
                });
                const double spacing
                    = std::min(kChannelSpacing, 2 * std::max(0.0, room - 1) / (n - 1));
                for (int m = 0; m < n; ++m) {
                    const double nc = c + (m - (n - 1) / 2.0) * spacing;
                    auto &poly = *cluster[size_t(m)].poly;
                    const size_t k = cluster[size_t(m)].k;
                    for (size_t t : {k, k + 1}) {
                        if (vertical)
                            poly[t].setX(nc);
                        else
                            poly[t].setY(nc);
                    }
                }
            }
            first = last;
        }
    }
}

void Router::placeLabels(std::map<QString, Route> &routes) const
{
    RectGrid placedGrid;
    std::vector<QRectF> placed;
    auto boxFree = [&](const QRectF &r) {
        bool free = true;
        m_grid.query(r, [&](int i) {
            if (free && r.intersects(m_boxes[size_t(i)].rect.adjusted(-3, -3, 3, 3)))
                free = false;
        });
        return free;
    };
    auto labelFree = [&](const QRectF &r) {
        bool free = true;
        placedGrid.query(r, [&](int i) {
            if (free && r.intersects(placed[size_t(i)].adjusted(-2, -2, 2, 2)))
                free = false;
        });
        return free;
    };
    for (auto &[id, route] : routes) {
        const QSizeF size = m_links.at(id).link.labelSize;
        if (size.isEmpty() || route.legs.empty() || route.legs.front().size() < 2)
            continue;
        const auto &poly = route.legs.front();
        std::vector<size_t> order(poly.size() - 1);
        for (size_t k = 0; k < order.size(); ++k)
            order[k] = k;
        auto length = [&](size_t k) {
            return std::abs(poly[k + 1].x() - poly[k].x())
                   + std::abs(poly[k + 1].y() - poly[k].y());
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](size_t x, size_t y) { return length(x) > length(y); });
        std::optional<QRectF> chosen, fallback;
        for (const bool beside : {false, true}) {
            for (size_t k : order) {
                const QPointF p = poly[k], q = poly[k + 1];
                const bool horizontal = std::abs(p.y() - q.y()) < kEps;
                for (double t : {0.5, 0.35, 0.65, 0.2, 0.8}) {
                    for (double side :
                         beside ? std::vector<double>{-1, 1} : std::vector<double>{0}) {
                        QPointF c = p + (q - p) * t;
                        if (horizontal)
                            c.ry() += side * (size.height() / 2 + 3);
                        else
                            c.rx() += side * (size.width() / 2 + 3);
                        const QRectF r(c.x() - size.width() / 2, c.y() - size.height() / 2,
                                       size.width(), size.height());
                        if (!boxFree(r))
                            continue;
                        if (labelFree(r)) {
                            chosen = r;
                            break;
                        }
                        if (!fallback)
                            fallback = r;
                    }
                    if (chosen)
                        break;
                }
                if (chosen)
                    break;
            }
            if (chosen)
                break;
        }
        if (!chosen)
            chosen = fallback;
        if (!chosen) {
            const size_t k = order.front();
            const QPointF c = (poly[k] + poly[k + 1]) / 2;
            chosen = QRectF(c.x() - size.width() / 2, c.y() - size.height() / 2, size.width(),
                            size.height());
        }
        route.label = *chosen;
        placedGrid.insert(int(placed.size()), *chosen);
        placed.push_back(*chosen);
    }
}

std::map<QString, Route> Router::routeAll(const std::map<QString, QRectF> &boxes,
                                          const std::map<QString, Link> &links)
{
    Router r;
    for (const auto &[id, rect] : boxes)
        r.setBox(id, rect);
    for (const auto &[id, link] : links)
        r.setLink(id, link);
    r.update();
    return r.m_routes;
}

} // namespace stackplan
