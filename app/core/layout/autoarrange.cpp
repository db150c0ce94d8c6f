#include "layout/autoarrange.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

namespace stackplan {

int tierOf(Role role)
{
    switch (role) {
    case Role::Client:
        return 0;
    case Role::Frontend:
    case Role::Proxy:
        return 1;
    case Role::Backend:
    case Role::Worker:
    case Role::Scheduler:
        return 2;
    case Role::Database:
    case Role::Cache:
    case Role::ObjectStorage:
    case Role::VectorIndex:
    case Role::Queue:
        return 3;
    case Role::ExternalApi:
        return 4;
    }
    return 2;
}

namespace {

double snap(double v)
{
    return std::round(v / kGrid) * kGrid;
}

struct Node {
    QString id; // empty for a lane reserved by a tier-skipping connection
    int tier = 0;
    bool fixed = false; // pinned by the user
    double y = 0;
    bool placed = false;
    int order = 0;         // model order, for ties
    std::vector<int> left; // neighbours in the previous tier
};

} // namespace

std::map<QString, int> layoutTiers(const Option &option)
{
    std::set<QString> incoming, outgoing, endpoints;
    for (const auto &conn : option.connections) {
        outgoing.insert(conn.from);
        incoming.insert(conn.to);
        endpoints.insert(conn.from);
        endpoints.insert(conn.to);
    }
    std::map<QString, int> tiers;
    for (const auto &c : option.components) {
        int t = tierOf(c.role);
        // An external service that only calls in (a webhook source) is an entry point.
        if (c.role == Role::ExternalApi && outgoing.count(c.id) && !incoming.count(c.id))
            t = 0;
        tiers[c.id] = t;
    }
    // A component that is only ever a connection's intermediary (a pooler) sits in the column of
    // that connection's target, where its arrow is drawn through it.
    for (const auto &conn : option.connections)
        if (!conn.via.isEmpty() && !endpoints.count(conn.via) && tiers.count(conn.to))
            tiers[conn.via] = tiers[conn.to];
    return tiers;
}

// Today's greedy placement: one left-to-right sweep, each box at the mean height of its left
// neighbours, a full row for every tier-skipping lane. Kept as the first candidate, so the
// crossing-minimising layout below is only taken when it is better.
std::map<QString, LayoutEntry> arrangeGreedy(const Option &option)
{
    const std::map<QString, int> tierOfId = layoutTiers(option);
    std::vector<Node> nodes;
    std::map<QString, int> index;
    for (const auto &c : option.components) {
        Node n;
        n.id = c.id;
        n.tier = tierOfId.at(c.id);
        n.order = int(nodes.size());
        if (const auto it = option.layout.find(c.id);
            it != option.layout.end() && it->second.pinned) {
            n.fixed = true;
            n.placed = true;
            n.y = it->second.y;
        }
        index[c.id] = int(nodes.size());
        nodes.push_back(n);
    }
    auto link = [&](const QString &from, const QString &to) {
        const auto a = index.find(from);
        const auto b = index.find(to);
        if (a == index.end() || b == index.end())
            return;
        int lo = a->second, hi = b->second;
        if (nodes[lo].tier > nodes[hi].tier)
            std::swap(lo, hi);
        if (nodes[lo].tier == nodes[hi].tier)
            return;
        int prev = lo;
        for (int t = nodes[lo].tier + 1; t < nodes[hi].tier; ++t) {
            Node lane;
            lane.tier = t;
            lane.order = int(nodes.size());
            lane.left.push_back(prev);
            nodes.push_back(lane);
            prev = int(nodes.size()) - 1;
        }
        nodes[hi].left.push_back(prev);
    };
    std::map<int, int> viaBefore; // intermediary → the target it sits directly above
    for (const auto &conn : option.connections) {
        if (conn.via.isEmpty() || !index.count(conn.via)) {
            link(conn.from, conn.to);
        } else { // drawn through the intermediary
            link(conn.from, conn.via);
            link(conn.via, conn.to);
            const int v = index[conn.via], t = index.count(conn.to) ? index[conn.to] : -1;
            if (t >= 0 && nodes[v].tier == nodes[t].tier) {
                link(conn.from, conn.to); // the target follows the source like its intermediary
                viaBefore.emplace(v, t);
            }
        }
    }

    std::map<int, std::vector<int>> tiers;
    for (int i = 0; i < int(nodes.size()); ++i)
        tiers[nodes[i].tier].push_back(i);

    // Desired height: the mean of the placed left neighbours; lanes win over direct neighbours,
    // so a tier-skipping arrow stays level (arrows between adjacent columns can slant freely).
    auto desiredOf = [&nodes](int i, double fallback) {
        for (const bool lanesOnly : {true, false}) {
            double sum = 0;
            int n = 0;
            for (const int l : nodes[i].left)
                if (nodes[l].placed && (!lanesOnly || nodes[l].id.isEmpty())) {
                    sum += nodes[l].y;
                    ++n;
                }
            if (n)
                return std::optional<double>(sum / n);
        }
        return std::optional<double>(fallback);
    };

    for (auto &[tier, members] : tiers) {
        // Pinned boxes, then lanes, are placed first and blocked: a lane keeps the height of the
        // arrow's source, so the arrow runs level through a free band and its target lines up.
        std::vector<std::pair<double, double>> blocked;
        for (const int i : members)
            if (nodes[i].fixed)
                blocked.push_back({nodes[i].y, nodes[i].y + kBoxHeight});
        const double gap = kRowSpacing - kBoxHeight;
        auto freeFrom = [&](double y) {
            for (bool moved = true; moved;) {
                moved = false;
                for (const auto &[top, bottom] : blocked)
                    if (y < bottom + gap && y + kBoxHeight > top - gap) {
                        y = bottom + gap;
                        moved = true;
                    }
            }
            return y;
        };
        std::vector<std::pair<double, int>> lanes;
        for (const int i : members)
            if (nodes[i].id.isEmpty())
                lanes.push_back({desiredOf(i, 0).value(), i});
        std::stable_sort(lanes.begin(), lanes.end());
        for (const auto &[want, i] : lanes) {
            nodes[i].y = freeFrom(want);
            nodes[i].placed = true;
            blocked.push_back({nodes[i].y, nodes[i].y + kBoxHeight});
        }

        // Boxes: as close as possible to the mean height of their placed left neighbours;
        // those with none follow in model order, centred when the column has nothing else.
        std::vector<std::pair<double, int>> wanted;
        int unanchored = 0;
        for (const int i : members) {
            if (nodes[i].fixed || nodes[i].id.isEmpty())
                continue;
            bool anchored = false;
            for (const int l : nodes[i].left)
                anchored = anchored || nodes[l].placed;
            wanted.push_back({anchored ? *desiredOf(i, 0) : 1e12 + nodes[i].order, i});
            if (!anchored)
                ++unanchored;
        }
        std::stable_sort(wanted.begin(), wanted.end());
        // An intermediary goes directly before its target, so the leg between them is short.
        for (const auto &[v, t] : viaBefore) {
            const auto vi = std::find_if(wanted.begin(), wanted.end(),
                                         [v = v](const auto &w) { return w.second == v; });
            const auto ti = std::find_if(wanted.begin(), wanted.end(),
                                         [t = t](const auto &w) { return w.second == t; });
            if (vi == wanted.end() || ti == wanted.end())
                continue;
            const auto moved = *vi;
            wanted.erase(vi);
            const auto target = std::find_if(wanted.begin(), wanted.end(),
                                             [t = t](const auto &w) { return w.second == t; });
            wanted.insert(target, {target->first, moved.second});
        }
        const int anchoredCount = int(wanted.size()) - unanchored;
        const double start = anchoredCount > 0 ? wanted[anchoredCount - 1].first + kRowSpacing
                                               : -(unanchored - 1) * kRowSpacing / 2.0;
        for (int k = anchoredCount; k < int(wanted.size()); ++k)
            wanted[k].first = start + (k - anchoredCount) * kRowSpacing;

        std::vector<double> placedY(wanted.size());
        double floor = -1e18;
        for (size_t k = 0; k < wanted.size(); ++k) {
            const double y = freeFrom(std::max(wanted[k].first, floor));
            placedY[k] = y;
            floor = y + kRowSpacing;
        }
        // Centre a free column on what it wanted; a column with pinned boxes or lanes stays put.
        double shift = 0;
        if (blocked.empty() && !wanted.empty()) {
            double sum = 0;
            for (size_t k = 0; k < wanted.size(); ++k)
                sum += wanted[k].first - placedY[k];
            shift = sum / double(wanted.size());
        }
        for (size_t k = 0; k < wanted.size(); ++k) {
            Node &n = nodes[wanted[k].second];
            n.y = placedY[k] + shift;
            n.placed = true;
        }
    }

    std::map<QString, LayoutEntry> result;
    for (const auto &n : nodes) {
        if (n.id.isEmpty())
            continue;
        if (n.fixed) {
            result[n.id] = option.layout.at(n.id);
            continue;
        }
        result[n.id] = LayoutEntry{snap(n.tier * kTierSpacing), snap(n.y), false};
    }
    return result;
}

namespace {

// Taller than a screen is wide: a fit would shrink the boxes to nothing.
bool tooTall(const std::map<QString, LayoutEntry> &layout)
{
    double left = 1e300, top = 1e300, right = -1e300, bottom = -1e300;
    for (const auto &[id, e] : layout) {
        left = std::min(left, e.x);
        top = std::min(top, e.y);
        right = std::max(right, e.x + kBoxWidth);
        bottom = std::max(bottom, e.y + kBoxHeight);
    }
    return !layout.empty() && bottom - top > 1.5 * (right - left);
}

} // namespace

std::map<QString, LayoutEntry> arrangeByTier(const Option &option)
{
    std::map<QString, LayoutEntry> greedy = arrangeGreedy(option);
    for (const auto &[id, e] : option.layout)
        if (e.pinned)
            return greedy; // pinned boxes: the greedy sweep flows the others around them
    std::map<QString, LayoutEntry> layered = arrangeLayered(option);
    const int a = countCrossings(option, greedy), b = countCrossings(option, layered);
    if (b < a || (b == a && tooTall(greedy)))
        return layered;
    return greedy;
}

std::map<QString, LayoutEntry> placeMissing(const Option &option)
{
    const std::map<QString, int> tiers = layoutTiers(option);
    std::map<QString, LayoutEntry> result;
    std::map<int, double> bottom; // lowest box per tier
    for (const auto &c : option.components) {
        const auto it = option.layout.find(c.id);
        if (it == option.layout.end())
            continue;
        const int t = tiers.at(c.id);
        bottom[t] = bottom.count(t) ? std::max(bottom[t], it->second.y) : it->second.y;
    }
    for (const auto &c : option.components) {
        if (option.layout.count(c.id))
            continue;
        const int t = tiers.at(c.id);
        const double y = bottom.count(t) ? bottom[t] + kRowSpacing : 0;
        bottom[t] = y;
        result[c.id] = LayoutEntry{snap(t * kTierSpacing), snap(y), false};
    }
    return result;
}

} // namespace stackplan
