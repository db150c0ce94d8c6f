// The layered (Sugiyama) candidate of auto-arrange: see arrangeByTier in autoarrange.h.
#include "layout/autoarrange.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include <QPointF>

namespace stackplan {

namespace {

constexpr double kLaneHeight = 16; // a lane only carries arrows: a thin band, not a box row
constexpr double kBoxGap = kRowSpacing - kBoxHeight;
constexpr double kLaneGap = 12;
constexpr double kSubColumnSpacing = kBoxWidth + 40; // columns of one wrapped tier
constexpr double kScreenAspect = 1.6;                // width / height a wrapped layout aims at

struct LNode {
    QString id; // empty for a lane
    int tier = 0;
    std::vector<int> left, right; // neighbours in the adjacent tiers
    int pos = 0;                  // index in its tier's order
    double centre = 0;
};

struct Layered {
    std::vector<LNode> nodes;
    std::vector<std::vector<int>> tiers; // order top to bottom
};

Layered build(const Option &option)
{
    Layered g;
    const std::map<QString, int> tierOfId = layoutTiers(option);
    std::map<QString, int> index;
    int maxTier = 0;
    for (const auto &c : option.components) {
        LNode n;
        n.id = c.id;
        n.tier = tierOfId.at(c.id);
        maxTier = std::max(maxTier, n.tier);
        index[c.id] = int(g.nodes.size());
        g.nodes.push_back(n);
    }
    std::map<std::pair<int, int>, int> lane; // (source, tier) → lane, shared by its arrows
    std::set<std::pair<int, int>> linked;
    auto edge = [&](int a, int b) {
        if (linked.insert({a, b}).second) {
            g.nodes[a].right.push_back(b);
            g.nodes[b].left.push_back(a);
        }
    };
    auto link = [&](const QString &from, const QString &to) {
        const auto a = index.find(from);
        const auto b = index.find(to);
        if (a == index.end() || b == index.end())
            return;
        int lo = a->second, hi = b->second;
        if (g.nodes[lo].tier > g.nodes[hi].tier)
            std::swap(lo, hi);
        if (g.nodes[lo].tier == g.nodes[hi].tier)
            return;
        int prev = lo;
        for (int t = g.nodes[lo].tier + 1; t < g.nodes[hi].tier; ++t) {
            auto [it, fresh] = lane.try_emplace({lo, t}, int(g.nodes.size()));
            if (fresh) {
                LNode l;
                l.tier = t;
                g.nodes.push_back(l);
            }
            edge(prev, it->second);
            prev = it->second;
        }
        edge(prev, hi);
    };
    for (const auto &conn : option.connections) {
        if (conn.via.isEmpty() || !index.count(conn.via)) {
            link(conn.from, conn.to);
        } else {
            link(conn.from, conn.via);
            link(conn.via, conn.to);
            if (index.count(conn.to)
                && g.nodes[index[conn.via]].tier == g.nodes[index[conn.to]].tier)
                link(conn.from, conn.to); // the target follows the source like its intermediary
        }
    }
    g.tiers.resize(maxTier + 1);
    for (int i = 0; i < int(g.nodes.size()); ++i)
        g.tiers[g.nodes[i].tier].push_back(i);
    return g;
}

void renumber(Layered &g, int t)
{
    for (int k = 0; k < int(g.tiers[t].size()); ++k)
        g.nodes[g.tiers[t][k]].pos = k;
}

// Crossings between the tiers t and t + 1 for the current order: inversions of the lower ends
// with the edges sorted by their upper ends, counted with a Fenwick tree (O(E log V)).
long crossingsBetween(const Layered &g, int t)
{
    std::vector<std::pair<int, int>> edges;
    for (const int u : g.tiers[t])
        for (const int v : g.nodes[u].right)
            edges.push_back({g.nodes[u].pos, g.nodes[v].pos});
    std::sort(edges.begin(), edges.end());
    const int n = int(g.tiers[t + 1].size());
    std::vector<int> tree(n + 1, 0);
    long count = 0;
    long inserted = 0;
    for (const auto &[upper, lower] : edges) {
        long atMost = 0; // inserted lower ends <= lower
        for (int i = lower + 1; i > 0; i -= i & -i)
            atMost += tree[i];
        count += inserted - atMost;
        for (int i = lower + 1; i <= n; i += i & -i)
            ++tree[i];
        ++inserted;
    }
    return count;
}

long crossings(const Layered &g)
{
    long n = 0;
    for (int t = 0; t + 1 < int(g.tiers.size()); ++t)
        n += crossingsBetween(g, t);
    return n;
}

// Reorders tier t by the mean position of its neighbours on one side; nodes without any keep
// their place.
void sortByBarycentre(Layered &g, int t, bool useLeft)
{
    std::vector<std::pair<double, int>> keyed;
    for (const int v : g.tiers[t]) {
        const auto &ns = useLeft ? g.nodes[v].left : g.nodes[v].right;
        double key = g.nodes[v].pos;
        if (!ns.empty()) {
            double sum = 0;
            for (const int u : ns)
                sum += g.nodes[u].pos;
            key = sum / double(ns.size());
        }
        keyed.push_back({key, v});
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (size_t k = 0; k < keyed.size(); ++k)
        g.tiers[t][k] = keyed[k].second;
    renumber(g, t);
}

// Crossings among the edges of u and v (both sides) when u is above v.
long pairCrossings(const Layered &g, int u, int v)
{
    long n = 0;
    for (const bool left : {true, false}) {
        const auto &a = left ? g.nodes[u].left : g.nodes[u].right;
        const auto &b = left ? g.nodes[v].left : g.nodes[v].right;
        for (const int x : a)
            for (const int y : b)
                if (g.nodes[x].pos > g.nodes[y].pos)
                    ++n;
    }
    return n;
}

// Swaps neighbours in a tier while that removes crossings.
void transpose(Layered &g)
{
    for (int pass = 0; pass < 4; ++pass) {
        bool improved = false;
        for (auto &tier : g.tiers)
            for (size_t k = 0; k + 1 < tier.size(); ++k) {
                const int u = tier[k], v = tier[k + 1];
                if (pairCrossings(g, u, v) > pairCrossings(g, v, u)) {
                    std::swap(tier[k], tier[k + 1]);
                    g.nodes[u].pos = int(k + 1);
                    g.nodes[v].pos = int(k);
                    improved = true;
                }
            }
        if (!improved)
            break;
    }
}

void orderTiers(Layered &g)
{
    for (int t = 0; t < int(g.tiers.size()); ++t)
        renumber(g, t);
    for (int t = 1; t < int(g.tiers.size()); ++t)
        sortByBarycentre(g, t, true);
    std::vector<std::vector<int>> best = g.tiers;
    long bestCount = crossings(g);
    for (int iter = 0; iter < 12 && bestCount > 0; ++iter) {
        if (iter % 2 == 0)
            for (int t = int(g.tiers.size()) - 2; t >= 0; --t)
                sortByBarycentre(g, t, false);
        else
            for (int t = 1; t < int(g.tiers.size()); ++t)
                sortByBarycentre(g, t, true);
        transpose(g);
        const long n = crossings(g);
        if (n < bestCount) {
            bestCount = n;
            best = g.tiers;
        }
    }
    g.tiers = best;
    for (int t = 0; t < int(g.tiers.size()); ++t)
        renumber(g, t);
}

double halfHeight(const LNode &n)
{
    return (n.id.isEmpty() ? kLaneHeight : kBoxHeight) / 2;
}

// Centres for one tier's order, as close as possible (least squares) to the wanted centres while
// keeping the order and the minimum gaps: isotonic regression by pooling adjacent violators.
void placeTier(Layered &g, int t, const std::vector<double> &wanted)
{
    const auto &tier = g.tiers[t];
    const size_t n = tier.size();
    std::vector<double> offset(n, 0);
    for (size_t k = 1; k < n; ++k) {
        const LNode &a = g.nodes[tier[k - 1]], &b = g.nodes[tier[k]];
        const double gap = a.id.isEmpty() || b.id.isEmpty() ? kLaneGap : kBoxGap;
        offset[k] = offset[k - 1] + halfHeight(a) + gap + halfHeight(b);
    }
    struct Block {
        double sum;
        int count;
        double mean() const { return sum / count; }
    };
    std::vector<Block> blocks;
    for (size_t k = 0; k < n; ++k) {
        blocks.push_back({wanted[k] - offset[k], 1});
        while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() > blocks.back().mean()) {
            blocks[blocks.size() - 2].sum += blocks.back().sum;
            blocks[blocks.size() - 2].count += blocks.back().count;
            blocks.pop_back();
        }
    }
    size_t k = 0;
    for (const auto &b : blocks)
        for (int i = 0; i < b.count; ++i, ++k)
            g.nodes[tier[k]].centre = b.mean() + offset[k];
}

void placeAll(Layered &g)
{
    auto wantedFor = [&g](int t, bool left, bool right) {
        std::vector<double> wanted;
        double previous = -kRowSpacing;
        for (const int v : g.tiers[t]) {
            double sum = 0;
            int n = 0;
            for (const bool side : {true, false}) {
                if ((side && !left) || (!side && !right))
                    continue;
                for (const int u : side ? g.nodes[v].left : g.nodes[v].right) {
                    sum += g.nodes[u].centre;
                    ++n;
                }
            }
            previous = n ? sum / n : previous + kRowSpacing;
            wanted.push_back(previous);
        }
        return wanted;
    };
    const int tiers = int(g.tiers.size());
    for (int t = 0; t < tiers; ++t)
        placeTier(g, t, wantedFor(t, true, false));
    for (int pass = 0; pass < 4; ++pass) {
        if (pass % 2 == 0)
            for (int t = tiers - 1; t >= 0; --t)
                placeTier(g, t, wantedFor(t, true, true));
        else
            for (int t = 0; t < tiers; ++t)
                placeTier(g, t, wantedFor(t, true, true));
    }
}

// Rows per wrapped column that bring the layout closest to a screen's shape.
int wrapRows(const std::vector<int> &boxesPerTier)
{
    const int tallest = *std::max_element(boxesPerTier.begin(), boxesPerTier.end());
    int best = tallest;
    double bestSize = 1e300;
    for (int rows = 1; rows <= tallest; ++rows) {
        double width = 0;
        for (const int n : boxesPerTier)
            if (n > 0)
                width += std::ceil(double(n) / rows) * kSubColumnSpacing
                         + (kTierSpacing - kSubColumnSpacing);
        const double size = std::max(width / kScreenAspect, rows * kRowSpacing);
        if (size < bestSize) {
            bestSize = size;
            best = rows;
        }
    }
    return best;
}

} // namespace

std::map<QString, LayoutEntry> arrangeLayered(const Option &option)
{
    Layered g = build(option);
    std::map<QString, LayoutEntry> result;
    if (g.nodes.empty())
        return result;
    orderTiers(g);
    placeAll(g);

    double top = 1e300, bottom = -1e300;
    for (const auto &n : g.nodes) {
        top = std::min(top, n.centre - halfHeight(n));
        bottom = std::max(bottom, n.centre + halfHeight(n));
    }
    const double width = (g.tiers.size() - 1) * kTierSpacing + kBoxWidth;
    if (bottom - top <= 1.5 * width) {
        for (const auto &n : g.nodes)
            if (!n.id.isEmpty())
                result[n.id] = LayoutEntry{snappedToGrid(n.tier * kTierSpacing),
                                           snappedToGrid(n.centre - kBoxHeight / 2 - top), false};
        return result;
    }

    // Too tall for a screen: each tier's boxes, in their order, fill rows of as many columns as
    // the tier needs, left to right, top to bottom. Height then still follows the order, as it
    // does in a single column, so arrows between neighbours stay short and run level.
    std::vector<int> boxesPerTier;
    for (const auto &tier : g.tiers)
        boxesPerTier.push_back(int(std::count_if(tier.begin(), tier.end(), [&g](int v) {
            return !g.nodes[v].id.isEmpty();
        })));
    const int rows = wrapRows(boxesPerTier);
    double x = 0;
    for (size_t t = 0; t < g.tiers.size(); ++t) {
        if (boxesPerTier[t] == 0)
            continue;
        const int columns = (boxesPerTier[t] + rows - 1) / rows;
        const int used = (boxesPerTier[t] + columns - 1) / columns; // rows this tier fills
        const double top = (rows - used) * kRowSpacing / 2; // centred in the tallest
        int k = 0;
        for (const int v : g.tiers[t]) {
            if (g.nodes[v].id.isEmpty())
                continue;
            const int row = k / columns, column = k % columns;
            result[g.nodes[v].id] = LayoutEntry{snappedToGrid(x + column * kSubColumnSpacing),
                                                snappedToGrid(top + row * kRowSpacing), false};
            ++k;
        }
        x += columns * kSubColumnSpacing + (kTierSpacing - kSubColumnSpacing);
    }
    return result;
}

int countCrossings(const Option &option, const std::map<QString, LayoutEntry> &layout)
{
    struct Segment {
        QPointF a, b;
        QString from, to;
    };
    auto centre = [&layout](const QString &id) {
        const LayoutEntry &e = layout.at(id);
        return QPointF(e.x + kBoxWidth / 2, e.y + kBoxHeight / 2);
    };
    std::vector<Segment> segments;
    auto add = [&](const QString &from, const QString &to) {
        if (from != to && layout.count(from) && layout.count(to))
            segments.push_back({centre(from), centre(to), from, to});
    };
    for (const auto &conn : option.connections) {
        if (conn.via.isEmpty() || !layout.count(conn.via)) {
            add(conn.from, conn.to);
        } else {
            add(conn.from, conn.via);
            add(conn.via, conn.to);
        }
    }
    auto cross = [](const QPointF &o, const QPointF &a, const QPointF &b) {
        const double v = (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
        return v > 1e-9 ? 1 : v < -1e-9 ? -1 : 0;
    };
    int n = 0;
    for (size_t i = 0; i < segments.size(); ++i)
        for (size_t j = i + 1; j < segments.size(); ++j) {
            const Segment &s = segments[i], &t = segments[j];
            if (s.from == t.from || s.from == t.to || s.to == t.from || s.to == t.to)
                continue;
            if (std::max(s.a.x(), s.b.x()) < std::min(t.a.x(), t.b.x())
                || std::max(t.a.x(), t.b.x()) < std::min(s.a.x(), s.b.x()))
                continue;
            const int d1 = cross(s.a, s.b, t.a), d2 = cross(s.a, s.b, t.b);
            const int d3 = cross(t.a, t.b, s.a), d4 = cross(t.a, t.b, s.b);
            if (d1 * d2 < 0 && d3 * d4 < 0)
                ++n;
        }
    return n;
}

double layoutArea(const std::map<QString, LayoutEntry> &layout)
{
    if (layout.empty())
        return 0;
    double left = 1e300, top = 1e300, right = -1e300, bottom = -1e300;
    for (const auto &[id, e] : layout) {
        left = std::min(left, e.x);
        top = std::min(top, e.y);
        right = std::max(right, e.x + kBoxWidth);
        bottom = std::max(bottom, e.y + kBoxHeight);
    }
    return (right - left) * (bottom - top);
}

} // namespace stackplan
