#pragma once

// Generated diagrams for the render tests and benchmarks.
#include "layout/autoarrange.h"
#include "model/project.h"

#include <QString>

#include <algorithm>

#include <set>
#include <vector>

namespace diagramtest {

// A layered system of `components` boxes (clients → proxies → backends → stores → external
// APIs) with `connections` arrows, each to a box one or (every fifth) two tiers further near the
// same height, laid out by tier like a real option. Deterministic for a given seed.
inline stackplan::Option layeredOption(int components, int connections, unsigned seed = 1)
{
    using namespace stackplan;
    const Role roles[]
        = {Role::Client, Role::Proxy, Role::Backend, Role::Database, Role::ExternalApi};
    Option o;
    o.id = QStringLiteral("generated");
    o.name = QStringLiteral("Generated %1").arg(components);
    std::vector<std::vector<int>> tiers(5);
    for (int i = 0; i < components; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.name = QStringLiteral("Component %1").arg(i);
        const int tier = i % 5;
        c.role = roles[tier];
        tiers[size_t(tier)].push_back(i);
        o.components.push_back(c);
    }
    unsigned state = seed;
    auto next = [&state] {
        state = state * 1103515245u + 12345u;
        return (state >> 16) & 0x7fff;
    };
    std::set<std::pair<int, int>> seen;
    const Protocol protocols[]
        = {Protocol::Http, Protocol::Sql, Protocol::Redis, Protocol::WebSocket};
    for (int k = 0; int(o.connections.size()) < connections && k < connections * 20; ++k) {
        const int from = k % components;
        const int tier = from % 5;
        if (tier >= 4)
            continue;
        const int span = (k % 5 == 4 && tier <= 2) ? 2 : 1;
        const auto &targets = tiers[size_t(tier + span)];
        if (targets.empty())
            continue;
        const auto &own = tiers[size_t(tier)];
        const int pos = int(std::find(own.begin(), own.end(), from) - own.begin());
        const int near = pos * int(targets.size()) / std::max<int>(1, int(own.size()));
        const int to
            = targets[size_t(std::clamp(near + int(next() % 5) - 2, 0, int(targets.size()) - 1))];
        if (!seen.insert({from, to}).second)
            continue;
        Connection c;
        c.id = QStringLiteral("l%1").arg(o.connections.size());
        c.from = o.components[size_t(from)].id;
        c.to = o.components[size_t(to)].id;
        c.protocol = protocols[next() % 4];
        o.connections.push_back(c);
    }
    o.layout = arrangeByTier(o);
    return o;
}

// Boxes scattered on a jittered grid with arrows between any two of them, so that many arrows
// must find their way around boxes in the way.
inline stackplan::Option scatteredOption(int components, int connections, unsigned seed = 7)
{
    using namespace stackplan;
    Option o;
    o.id = QStringLiteral("scattered");
    o.name = QStringLiteral("Scattered %1").arg(components);
    unsigned state = seed;
    auto next = [&state] {
        state = state * 1103515245u + 12345u;
        return (state >> 16) & 0x7fff;
    };
    const int columns = 14;
    for (int i = 0; i < components; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.name = QStringLiteral("Component %1").arg(i);
        c.role = Role(i % 12);
        o.components.push_back(c);
        const double x = (i % columns) * 300.0 + double(next() % 40);
        const double y = (i / columns) * 140.0 + double(next() % 40);
        o.layout[c.id] = LayoutEntry{snappedToGrid(x), snappedToGrid(y), false};
    }
    std::set<std::pair<int, int>> seen;
    while (int(o.connections.size()) < connections) {
        const int from = int(next()) % components;
        const int to = int(next()) % components;
        if (from == to || !seen.insert({from, to}).second)
            continue;
        Connection c;
        c.id = QStringLiteral("l%1").arg(o.connections.size());
        c.from = o.components[size_t(from)].id;
        c.to = o.components[size_t(to)].id;
        o.connections.push_back(c);
    }
    return o;
}

} // namespace diagramtest
