#include "profiles/profile.h"

#include <algorithm>

namespace stackplan {

const std::vector<LimitKeyInfo> &limitKeys()
{
    static const std::vector<LimitKeyInfo> keys = {
        {"memory_mb", "MB", "memory"},
        {"vcpu", "vCPU", "vCPU"},
        {"disk_gb", "GB", "disk"},
        {"cpu_ms", "ms", "CPU time per request"},
        {"request_timeout_s", "s", "request timeout"},
        {"artifact_mb", "MB", "artifact size"},
        {"startup_ms", "ms", "start-up time"},
        {"outbound_connections", "connections", "simultaneous outbound connections"},
        {"subrequests", "subrequests", "subrequests per request"},
        {"daily_requests", "requests/day", "requests per day"},
        {"max_instances", "instances", "max instances"},
        {"concurrency", "requests", "concurrent requests per instance"},
        {"db_connections", "connections", "direct database connections"},
        {"pooler_connections", "connections", "pooler client connections"},
        {"storage_gb", "GB", "storage"},
        {"env_vars", "variables", "environment variables"},
        {"vector_dimensions", "dimensions", "vector dimensions"},
        {"vectors", "vectors", "vectors per index"},
        {"websocket_connections", "connections", "WebSocket connections"},
        {"vector_indexes", "indexes", "vector indexes per account"},
    };
    return keys;
}

const LimitKeyInfo *limitKeyInfo(const QString &key)
{
    for (const auto &k : limitKeys())
        if (key == QLatin1String(k.key))
            return &k;
    return nullptr;
}

void Capabilities::overrideWith(const Capabilities &o)
{
    auto take = [](auto &mine, const auto &theirs) {
        if (theirs)
            mine = theirs;
    };
    take(runtimes, o.runtimes);
    take(packages, o.packages);
    take(websockets, o.websockets);
    take(filesystem, o.filesystem);
    take(backgroundJobs, o.backgroundJobs);
    take(scheduler, o.scheduler);
    take(outboundTcp, o.outboundTcp);
    take(execution, o.execution);
    take(scaleToZero, o.scaleToZero);
    take(sleep, o.sleep);
    take(coldStartMs, o.coldStartMs);
    take(edge, o.edge);
    take(sla, o.sla);
    take(inbound, o.inbound);
    take(outbound, o.outbound);
    take(pooler, o.pooler);
    take(sqlPooler, o.sqlPooler);
}

const Instance *Plan::instance(const QString &id) const
{
    for (const auto &i : instances)
        if (i.id == id)
            return &i;
    return nullptr;
}

const Plan *Profile::plan(const QString &id) const
{
    for (const auto &p : plans)
        if (p.id == id)
            return &p;
    return nullptr;
}

bool Profile::canHost(Role role) const
{
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Profile::isVendorSource(const QString &url) const
{
    QString rest = url;
    for (const char *scheme : {"https://", "http://"})
        if (rest.startsWith(QLatin1String(scheme)))
            rest = rest.mid(int(qstrlen(scheme)));
    const QString host = rest.section(QLatin1Char('/'), 0, 0).toLower();
    for (const auto &domain : domains) {
        if (domain.contains(QLatin1Char('/'))) {
            if (rest.startsWith(domain, Qt::CaseInsensitive))
                return true;
        } else if (host == domain || host.endsWith(QLatin1Char('.') + domain)) {
            return true;
        }
    }
    return false;
}

const Sourced<std::vector<Role>> *ResolvedBinding::roleRestriction() const
{
    if (instance && instance->roles)
        return &*instance->roles;
    if (plan && plan->roles)
        return &*plan->roles;
    return nullptr;
}

bool ResolvedBinding::canHost(Role role) const
{
    if (!profile || !profile->canHost(role))
        return false;
    const auto *only = roleRestriction();
    return !only || std::find(only->value.begin(), only->value.end(), role) != only->value.end();
}

double ResolvedBinding::monthHours() const
{
    if (plan && plan->monthHours)
        return plan->monthHours->value;
    if (profile && profile->monthHours)
        return profile->monthHours->value;
    return 730;
}

const Limit *ResolvedBinding::limit(const QString &key) const
{
    const auto it = limits.find(key);
    return it == limits.end() ? nullptr : &it->second;
}

ResolvedBinding resolve(const Profile &profile, const Plan &plan, const Instance *instance)
{
    ResolvedBinding r;
    r.profile = &profile;
    r.plan = &plan;
    r.instance = instance;
    r.limits = profile.limits;
    for (const auto &[k, v] : plan.limits)
        r.limits[k] = v;
    if (instance)
        for (const auto &[k, v] : instance->limits)
            r.limits[k] = v;
    r.capabilities = profile.capabilities;
    r.capabilities.overrideWith(plan.capabilities);
    r.meters = plan.meters;
    if (instance)
        r.meters.insert(r.meters.end(), instance->meters.begin(), instance->meters.end());
    return r;
}

const QStringList &profileCategories()
{
    static const QStringList c = {
        QStringLiteral("compute"),
        QStringLiteral("static-hosting"),
        QStringLiteral("container-host"),
        QStringLiteral("database"),
        QStringLiteral("cache"),
        QStringLiteral("object-storage"),
        QStringLiteral("vector-db"),
        QStringLiteral("queue"),
        QStringLiteral("ai"),
        QStringLiteral("gateway"),
        QStringLiteral("pooler"),
        QStringLiteral("scheduler"),
    };
    return c;
}

const QStringList &meterUsages()
{
    static const QStringList u = {
        QStringLiteral("requests"),
        QStringLiteral("cpu-ms"),
        QStringLiteral("gb-s"),
        QStringLiteral("gib-s"),
        QStringLiteral("vcpu-s"),
        QStringLiteral("disk-gb-s"),
        QStringLiteral("instance-hours"),
        QStringLiteral("instance-months"),
        QStringLiteral("vcpu-hours"),
        QStringLiteral("gb-hours"),
        QStringLiteral("vcpu-months"),
        QStringLiteral("memory-gb-months"),
        QStringLiteral("cu-hours"),
        QStringLiteral("gb-month"),
        QStringLiteral("egress-gb"),
        QStringLiteral("reads"),
        QStringLiteral("writes"),
        QStringLiteral("class-a-ops"),
        QStringLiteral("class-b-ops"),
        QStringLiteral("operations"),
        QStringLiteral("commands"),
        QStringLiteral("queried-vector-dimensions"),
        QStringLiteral("stored-vector-dimensions"),
        QStringLiteral("neurons"),
        QStringLiteral("messages"),
        QStringLiteral("stopped-gb-months"),
    };
    return u;
}

const QStringList &runtimeIds()
{
    static const QStringList r = {
        QStringLiteral("javascript"), QStringLiteral("typescript"), QStringLiteral("python"),
        QStringLiteral("wasm"),       QStringLiteral("rust"),       QStringLiteral("go"),
        QStringLiteral("java"),       QStringLiteral("ruby"),       QStringLiteral("php"),
        QStringLiteral("dotnet"),     QStringLiteral("any"),        QStringLiteral("static"),
    };
    return r;
}

const std::map<QString, QStringList> &deployTargets()
{
    static const std::map<QString, QStringList> t = {
        {QStringLiteral("wrangler"),
         {QStringLiteral("worker"), QStringLiteral("assets"), QStringLiteral("pages"),
          QStringLiteral("container"), QStringLiteral("durable-object"), QStringLiteral("kv"),
          QStringLiteral("r2"), QStringLiteral("d1"), QStringLiteral("hyperdrive"),
          QStringLiteral("vectorize"), QStringLiteral("ai"), QStringLiteral("queue")}},
        {QStringLiteral("knative"), {QStringLiteral("service")}},
        {QStringLiteral("fly-toml"), {QStringLiteral("app"), QStringLiteral("volume")}},
        {QStringLiteral("render-blueprint"), {QStringLiteral("web"), QStringLiteral("postgres")}},
        {QStringLiteral("railway-json"), {QStringLiteral("service")}},
        {QStringLiteral("compose"), {QStringLiteral("service")}},
        {QStringLiteral("dockerfile"), {QStringLiteral("service")}},
    };
    return t;
}

} // namespace stackplan
