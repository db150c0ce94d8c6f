#pragma once

// Generated projects for the benchmarks: a layered system (frontends → proxies → backends and
// workers → data stores) bound to a spread of bundled profiles, so every rule family has work.
#include "layout/autoarrange.h"
#include "model/project.h"

namespace stackplan::bench {

// A layered system: frontends → proxies → backends/workers → data stores, bound to a spread of
// bundled profiles, so every rule family has work to do.
inline Option generate(const QString &id, int components, int seed)
{
    struct Kind {
        Role role;
        const char *profile;
        const char *plan;
        const char *instance;
        const char *language;
    };
    const Kind kinds[] = {
        {Role::Frontend, "cloudflare-workers-static-assets", "paid", "", "static"},
        {Role::Proxy, "cloudflare-workers", "paid", "", "typescript"},
        {Role::Backend, "google-cloud-run", "request-based", "", "python"},
        {Role::Backend, "cloudflare-workers", "free", "", "python"},
        {Role::Worker, "fly-machines", "payg", "shared-cpu-1x-512mb", "python"},
        {Role::Backend, "aws-lambda", "on-demand", "", "javascript"},
        {Role::Database, "supabase", "pro", "micro", ""},
        {Role::Cache, "upstash-redis", "payg", "", ""},
        {Role::ObjectStorage, "cloudflare-r2", "standard", "", ""},
        {Role::VectorIndex, "cloudflare-vectorize", "paid", "", ""},
    };
    Option o;
    o.id = id;
    o.name = id;
    for (int i = 0; i < components; ++i) {
        const Kind &k = kinds[(i * 7 + seed) % std::size(kinds)];
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.name = QStringLiteral("Component %1").arg(i);
        c.role = k.role;
        c.binding = Binding{QString::fromLatin1(k.profile), QString::fromLatin1(k.plan),
                            QString::fromLatin1(k.instance)};
        c.workload.language = QString::fromLatin1(k.language);
        c.workload.memoryMb = 128 + (i % 8) * 128;
        c.workload.cpuMsPerRequest = 5 + i % 50;
        c.workload.requestMs = 50 + i % 400;
        c.workload.artifactMb = 1 + i % 80;
        c.workload.connectionPool = 1 + i % 10;
        c.workload.maxInstances = 1 + i % 20;
        c.workload.packages = {QStringLiteral("fastapi"), QStringLiteral("numpy")};
        c.traffic.requestsPerMonth = 10000.0 * (1 + i % 100);
        c.traffic.egressGb = i % 20;
        c.traffic.storageGb = i % 5;
        c.traffic.readsPerMonth = 100000.0 * (i % 7);
        c.traffic.writesPerMonth = 10000.0 * (i % 3);
        c.traffic.vectorQueriesPerMonth = 1000.0 * (i % 4);
        c.traffic.vectorsStored = 10000.0 * (i % 4);
        c.traffic.vectorDimensions = 768;
        o.components.push_back(std::move(c));
    }
    // 2× connections, from each component to two later ones (a DAG), protocol by roles.
    for (int i = 0; i < components; ++i) {
        for (int k = 1; k <= 2; ++k) {
            const int j = (i + k * 3 + seed) % components;
            if (j == i)
                continue;
            const Component &from = o.components[size_t(i)];
            const Component &to = o.components[size_t(j)];
            o.connections.push_back(Connection{QStringLiteral("e%1-%2").arg(i).arg(k),
                                               from.id,
                                               to.id,
                                               defaultProtocol(from.role, to.role),
                                               {},
                                               (i + k) % 2 == 0});
        }
    }
    // On a grid, 40 boxes a row, so files carry a layout as saved ones do.
    for (int i = 0; i < components; ++i)
        o.layout[o.components[size_t(i)].id]
            = LayoutEntry{(i % 40) * kTierSpacing, (i / 40) * kRowSpacing, false};
    return o;
}

inline Project projectOf(int components, int options)
{
    Project p;
    p.name = QStringLiteral("Bench");
    p.assumptions.slo.p95Ms = 300;
    p.assumptions.slo.availabilityPct = 99.9;
    for (int i = 0; i < options; ++i)
        p.options.push_back(generate(QStringLiteral("o%1").arg(i), components, i));
    p.baseline = p.options.front().id;
    return p;
}

} // namespace stackplan::bench
