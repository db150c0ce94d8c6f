#include "layout/autoarrange.h"

#include <algorithm>
#include <cmath>
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
    QString id; // empty for a slot reserved by a tier-skipping connection
    int tier = 0;
    bool fixed = false; // pinned by the user
    double y = 0;
    bool placed = false;
    int order = 0;         // model order, for ties
    std::vector<int> left; // neighbours in the previous tier
};

} // namespace

std::map<QString, LayoutEntry> arrangeByTier(const Option &option)
{
    std::vector<Node> nodes;
    std::map<QString, int> index;
    for (const auto &c : option.components) {
        Node n;
        n.id = c.id;
        n.tier = tierOf(c.role);
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
    for (const auto &conn : option.connections) {
        const auto a = index.find(conn.from);
        const auto b = index.find(conn.to);
        if (a == index.end() || b == index.end())
            continue;
        int lo = a->second, hi = b->second;
        if (nodes[lo].tier > nodes[hi].tier)
            std::swap(lo, hi);
        if (nodes[lo].tier == nodes[hi].tier)
            continue;
        int prev = lo;
        for (int t = nodes[lo].tier + 1; t < nodes[hi].tier; ++t) {
            Node slot;
            slot.tier = t;
            slot.order = int(nodes.size());
            slot.left.push_back(prev);
            nodes.push_back(slot);
            prev = int(nodes.size()) - 1;
        }
        nodes[hi].left.push_back(prev);
    }

    std::map<int, std::vector<int>> tiers;
    for (int i = 0; i < int(nodes.size()); ++i)
        tiers[nodes[i].tier].push_back(i);

    for (auto &[tier, members] : tiers) {
        // Desired height: mean of placed left neighbours; others follow in model order.
        std::vector<std::pair<double, int>> wanted;
        std::vector<std::pair<double, double>> blocked; // intervals of pinned boxes
        int unanchored = 0;
        for (const int i : members) {
            if (nodes[i].fixed) {
                blocked.push_back({nodes[i].y, nodes[i].y + kBoxHeight});
                continue;
            }
            double sum = 0;
            int n = 0;
            for (const int l : nodes[i].left)
                if (nodes[l].placed) {
                    sum += nodes[l].y;
                    ++n;
                }
            wanted.push_back({n ? sum / n : 1e12 + nodes[i].order, i});
            if (!n)
                ++unanchored;
        }
        std::stable_sort(wanted.begin(), wanted.end());
        // Unanchored boxes (first tier, or nothing to the left) are centred on the anchored ones.
        const int anchored = int(wanted.size()) - unanchored;
        double start = anchored > 0 ? wanted[anchored - 1].first + kRowSpacing
                                    : -(unanchored - 1) * kRowSpacing / 2.0;
        for (int k = anchored; k < int(wanted.size()); ++k)
            wanted[k].first = start + (k - anchored) * kRowSpacing;

        // Sweep top-down: each box at its desired height unless that overlaps the one above or
        // a pinned box. Slots are half as tall as boxes.
        std::vector<double> placedY(wanted.size());
        double floor = -1e18;
        for (size_t k = 0; k < wanted.size(); ++k) {
            const Node &n = nodes[wanted[k].second];
            const double height = n.id.isEmpty() ? kRowSpacing / 2 : kRowSpacing;
            double y = std::max(wanted[k].first, floor);
            for (bool moved = true; moved;) {
                moved = false;
                for (const auto &[top, bottom] : blocked)
                    if (y < bottom + (kRowSpacing - kBoxHeight)
                        && y + kBoxHeight > top - (kRowSpacing - kBoxHeight)) {
                        y = bottom + (kRowSpacing - kBoxHeight);
                        moved = true;
                    }
            }
            placedY[k] = y;
            floor = y + height;
        }
        // Centre the column on what it wanted, unless pinned boxes anchor it.
        double shift = 0;
        if (blocked.empty() && !wanted.empty()) {
            double sum = 0;
            for (size_t k = 0; k < wanted.size(); ++k)
                sum += wanted[k].first - placedY[k];
            shift = sum / double(wanted.size());
            // Never shift a box above what the box before it allows (keeps the sweep order).
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
        LayoutEntry e;
        e.x = snap(n.tier * kTierSpacing);
        e.y = snap(n.y);
        e.pinned = n.fixed;
        if (n.fixed)
            e = option.layout.at(n.id);
        result[n.id] = e;
    }
    return result;
}

std::map<QString, LayoutEntry> placeMissing(const Option &option)
{
    std::map<QString, LayoutEntry> result;
    std::map<int, double> bottom; // lowest box per tier
    for (const auto &c : option.components) {
        const auto it = option.layout.find(c.id);
        if (it == option.layout.end())
            continue;
        const int t = tierOf(c.role);
        bottom[t] = bottom.count(t) ? std::max(bottom[t], it->second.y) : it->second.y;
    }
    for (const auto &c : option.components) {
        if (option.layout.count(c.id))
            continue;
        const int t = tierOf(c.role);
        const double y = bottom.count(t) ? bottom[t] + kRowSpacing : 0;
        bottom[t] = y;
        result[c.id] = LayoutEntry{snap(t * kTierSpacing), snap(y), false};
    }
    return result;
}

} // namespace stackplan
