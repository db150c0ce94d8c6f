#include "cost/bill.h"
#include "layout/autoarrange.h"
#include "rules/rules_p.h"
#include "rules/slo.h"
#include "util/format.h"

#include <QRegularExpression>

#include <algorithm>
#include <tuple>

namespace stackplan::rules {

const ResolvedBinding *Context::bindingOf(const QString &componentId) const
{
    return indexes->bound.value(componentId, nullptr);
}

void Context::index()
{
    auto built = std::make_shared<Index>();
    const auto n = qsizetype(option.components.size());
    built->components.reserve(n);
    built->bound.reserve(n);
    built->touching.reserve(n);
    for (const auto &c : option.components) {
        built->components[c.id] = &c;
        const ResolvedBinding *rb = c.binding.isBound() ? catalogue.resolved(c.binding) : nullptr;
        built->bound[c.id] = rb;
        if (rb && rb->plan->fee) {
            feesProvided.insert(rb->plan->fee->key);
            ++built->feeProviders[rb->plan->fee->key];
            ++built->feePayers[rb->plan->fee->key];
        }
        if (rb)
            for (const auto &k : rb->plan->requiredFees)
                ++built->feePayers[k];
    }
    for (const auto &conn : option.connections) {
        built->touching[conn.from].push_back(&conn);
        built->touching[conn.to].push_back(&conn);
        if (!conn.via.isEmpty() && conn.via != conn.from && conn.via != conn.to)
            built->touching[conn.via].push_back(&conn);
    }
    indexes = std::move(built);
}

QString Context::freshComponentId(const QString &base) const
{
    if (!indexes->componentIds) {
        QSet<QString> ids;
        ids.reserve(qsizetype(option.components.size()));
        for (const auto &c : option.components)
            ids.insert(c.id);
        indexes->componentIds = std::move(ids);
    }
    return uniqueIdInSet(base, *indexes->componentIds);
}

QString Context::freshConnectionId(const QString &base) const
{
    if (!indexes->connectionIds) {
        QSet<QString> ids;
        ids.reserve(qsizetype(option.connections.size()));
        for (const auto &c : option.connections)
            ids.insert(c.id);
        indexes->connectionIds = std::move(ids);
    }
    return uniqueIdInSet(base, *indexes->connectionIds);
}

const Component *Context::component(const QString &id) const
{
    return indexes->components.value(id, nullptr);
}

const std::vector<const Connection *> &Context::connectionsOf(const QString &componentId) const
{
    static const std::vector<const Connection *> none;
    const auto it = indexes->touching.constFind(componentId);
    return it == indexes->touching.cend() ? none : *it;
}

bool Context::connectedToProfile(const QString &componentId, const QString &profileId) const
{
    for (const Connection *conn : connectionsOf(componentId)) {
        for (const QString &other : {conn->from, conn->to, conn->via}) {
            if (other.isEmpty() || other == componentId)
                continue;
            const Component *oc = component(other);
            if (oc && oc->binding.profile == profileId)
                return true;
        }
    }
    return false;
}

bool Context::hasSchedulerCaller(const QString &componentId) const
{
    for (const Connection *conn : connectionsOf(componentId)) {
        if (conn->to != componentId)
            continue;
        const Component *from = component(conn->from);
        if (from && from->role == Role::Scheduler)
            return true;
    }
    return false;
}

Finding makeFinding(const char *rule, Severity severity, const Context &ctx, QStringList subjects,
                    QString message)
{
    Finding f;
    f.rule = QString::fromLatin1(rule);
    f.severity = severity;
    f.option = ctx.option.id;
    f.subjects = std::move(subjects);
    f.message = std::move(message);
    return f;
}

void setFact(Finding &f, const Fact &fact)
{
    f.source = fact.source;
    f.checked = fact.checked;
}

QString bindingLabel(const ResolvedBinding &rb)
{
    if (!rb.isValid())
        return {};
    if (rb.instance)
        return QStringLiteral("%1 (%2 / %3)").arg(rb.profile->name, rb.plan->id, rb.instance->id);
    return QStringLiteral("%1 (%2)").arg(rb.profile->name, rb.plan->name);
}

bool languageSupported(const QString &language, const QStringList &runtimes)
{
    static const std::map<QString, QString> aliases = {
        {QStringLiteral("js"), QStringLiteral("javascript")},
        {QStringLiteral("node"), QStringLiteral("javascript")},
        {QStringLiteral("nodejs"), QStringLiteral("javascript")},
        {QStringLiteral("ts"), QStringLiteral("typescript")},
        {QStringLiteral("py"), QStringLiteral("python")},
        {QStringLiteral("golang"), QStringLiteral("go")},
        {QStringLiteral("csharp"), QStringLiteral("dotnet")},
        {QStringLiteral("c#"), QStringLiteral("dotnet")},
        {QStringLiteral(".net"), QStringLiteral("dotnet")},
        {QStringLiteral("webassembly"), QStringLiteral("wasm")},
    };
    QString lang = language.trimmed().toLower();
    if (const auto it = aliases.find(lang); it != aliases.end())
        lang = it->second;
    if (runtimes.contains(QStringLiteral("any")) || runtimes.contains(lang))
        return true;
    // TypeScript compiles to JavaScript; static files are served by any JavaScript runtime.
    if (lang == QLatin1String("typescript") && runtimes.contains(QStringLiteral("javascript")))
        return true;
    if (lang == QLatin1String("static") && runtimes.contains(QStringLiteral("javascript")))
        return true;
    return false;
}

bool carriedBy(Protocol p, const QStringList &protocols)
{
    if (protocols.contains(protocolId(p)))
        return true;
    // A webhook is an HTTP callback.
    if (p == Protocol::Webhook && protocols.contains(protocolId(Protocol::Http)))
        return true;
    // A host that serves raw TCP (a VM, a container platform) serves the database and cache wire
    // protocols that run over it.
    const bool overTcp = p == Protocol::Sql || p == Protocol::Redis || p == Protocol::Bolt;
    return overTcp && protocols.contains(protocolId(Protocol::Tcp));
}

QString normalisePackage(const QString &spec)
{
    // "psycopg2_binary[extra]==2.9 ; python_version<'3.12'" → "psycopg2-binary" (PEP 503 style).
    static const QRegularExpression cut(QStringLiteral("[\\s\\[=<>!~;@]"));
    static const QRegularExpression seps(QStringLiteral("[-_.]+"));
    QString name = spec.trimmed();
    const int end = int(name.indexOf(cut));
    if (end >= 0)
        name.truncate(end);
    return name.toLower().replace(seps, QStringLiteral("-"));
}

namespace {

QString num(double v)
{
    return formatNumber(v);
}

// Compares a workload figure with a limit: above the hard limit (the configurable maximum, or
// the value when there is none) is an error; above a configurable default, a warning.
void checkLimit(std::vector<Finding> &out, const Context &ctx, const Component &c,
                const ResolvedBinding &rb, const char *rule, const char *key,
                std::optional<double> actual, const QString &needs, const QString &allows)
{
    const Limit *l = rb.limit(QString::fromLatin1(key));
    if (!l || !actual)
        return;
    const double hard = l->max.value_or(l->value);
    if (*actual <= hard && !(l->max && *actual > l->value))
        return;
    const QString unit = QString::fromLatin1(limitKeyInfo(QString::fromLatin1(key))->unit);
    if (*actual > hard) {
        Finding f = makeFinding(
            rule, Severity::Error, ctx, {c.id},
            QStringLiteral("%1 %2; %3 %4")
                .arg(c.name, needs.arg(num(*actual)), bindingLabel(rb), allows.arg(num(hard))));
        f.actual = actual;
        f.limit = hard;
        f.unit = unit;
        setFact(f, l->fact);
        out.push_back(std::move(f));
    } else if (l->max && *actual > l->value) {
        Finding f = makeFinding(
            rule, Severity::Warning, ctx, {c.id},
            QStringLiteral("%1 %2; %3 defaults to %4 %5 and must be configured (up to %6 %5)")
                .arg(c.name, needs.arg(num(*actual)), bindingLabel(rb), num(l->value), unit,
                     num(*l->max)));
        f.actual = actual;
        f.limit = l->value;
        f.unit = unit;
        setFact(f, l->fact);
        out.push_back(std::move(f));
    }
}

bool receivesWebSockets(const Context &ctx, const Component &c)
{
    if (c.workload.websockets)
        return true;
    for (const Connection *conn : ctx.connectionsOf(c.id))
        if (conn->to == c.id && conn->protocol == Protocol::WebSocket)
            return true;
    return false;
}

} // namespace

std::vector<Finding> checkComponent(const Context &ctx, const Component &c,
                                    const ResolvedBinding &rb)
{
    std::vector<Finding> out;
    const Workload &w = c.workload;
    const Capabilities &caps = rb.capabilities;
    const Assumptions &a = ctx.project.assumptions;

    if (!rb.profile->canHost(c.role)) {
        QStringList roles;
        for (const auto r : rb.profile->roles)
            roles << roleId(r);
        out.push_back(makeFinding(
            "binding.role", Severity::Error, ctx, {c.id},
            QStringLiteral("%1 is a %2, which %3 cannot host (it hosts: %4)")
                .arg(c.name, roleId(c.role), rb.profile->name, roles.join(QStringLiteral(", ")))));
    } else if (!rb.canHost(c.role)) {
        // The plan or instance type is offered for fewer roles than the platform hosts.
        const auto *only = rb.roleRestriction();
        QStringList roles;
        for (const auto r : only->value)
            roles << roleId(r);
        Finding f = makeFinding(
            "binding.role", Severity::Error, ctx, {c.id},
            QStringLiteral("%1 is a %2; %3 is offered only for: %4")
                .arg(c.name, roleId(c.role), bindingLabel(rb), roles.join(QStringLiteral(", "))));
        setFact(f, only->fact);
        out.push_back(std::move(f));
    }
    if (!w.language.isEmpty() && caps.runtimes
        && !languageSupported(w.language, caps.runtimes->value)) {
        Finding f = makeFinding("runtime.language", Severity::Error, ctx, {c.id},
                                QStringLiteral("%1 is written in %2; %3 runs %4")
                                    .arg(c.name, w.language, bindingLabel(rb),
                                         caps.runtimes->value.join(QStringLiteral(", "))));
        setFact(f, caps.runtimes->fact);
        out.push_back(std::move(f));
    }
    if (caps.packages && !caps.packages->value.unsupported.isEmpty() && !w.packages.isEmpty()) {
        QStringList unsupported;
        for (const auto &u : caps.packages->value.unsupported)
            unsupported << normalisePackage(u);
        QStringList bad;
        for (const auto &p : w.packages)
            if (unsupported.contains(normalisePackage(p)))
                bad << normalisePackage(p);
        bad.removeDuplicates();
        if (!bad.isEmpty()) {
            Finding f
                = makeFinding("runtime.packages", Severity::Error, ctx, {c.id},
                              QStringLiteral("%1 depends on %2, which %3 cannot load")
                                  .arg(c.name, bad.join(QStringLiteral(", ")), bindingLabel(rb)));
            f.actual = bad.size();
            f.unit = QStringLiteral("packages");
            setFact(f, caps.packages->fact);
            out.push_back(std::move(f));
        }
    }
    checkLimit(out, ctx, c, rb, "limit.memory", "memory_mb", w.memoryMb,
               QStringLiteral("needs %1 MB of memory"), QStringLiteral("allows %1 MB"));
    checkLimit(out, ctx, c, rb, "limit.cpu-time", "cpu_ms", w.cpuMsPerRequest,
               QStringLiteral("uses %1 ms of CPU per request"), QStringLiteral("allows %1 ms"));
    checkLimit(out, ctx, c, rb, "limit.artifact-size", "artifact_mb", w.artifactMb,
               QStringLiteral("has a %1 MB bundle"), QStringLiteral("allows %1 MB"));
    std::optional<double> longest = w.longestRequestS;
    if (!longest && w.requestMs)
        longest = *w.requestMs / 1000.0;
    checkLimit(out, ctx, c, rb, "limit.request-duration", "request_timeout_s", longest,
               QStringLiteral("has requests lasting up to %1 s"),
               QStringLiteral("times out after %1 s"));
    if (const Limit *l = rb.limit(QStringLiteral("outbound_connections"));
        l && w.connectionPool && *w.connectionPool > l->value) {
        Finding f = makeFinding(
            "limit.outbound-connections", Severity::Warning, ctx, {c.id},
            QStringLiteral("%1 opens up to %2 connections at once; %3 allows %4 per request "
                           "(the rest wait)")
                .arg(c.name)
                .arg(*w.connectionPool)
                .arg(bindingLabel(rb), num(l->value)));
        f.actual = *w.connectionPool;
        f.limit = l->value;
        f.unit = QStringLiteral("connections");
        setFact(f, l->fact);
        out.push_back(std::move(f));
    }
    if (const Limit *l = rb.limit(QStringLiteral("daily_requests"));
        l && c.traffic.requestsPerMonth) {
        const double typical = *c.traffic.requestsPerMonth * a.trafficTypical / kDaysPerMonth;
        const double busiest = typical * c.traffic.busiestDayFactor.value_or(1);
        const double high = *c.traffic.requestsPerMonth * a.trafficHigh / kDaysPerMonth;
        const bool typicalOver = typical > l->value;
        const bool busiestOver = busiest > l->value;
        if (typicalOver || busiestOver || high > l->value) {
            const double perDay = typicalOver ? typical : busiestOver ? busiest : high;
            const QString when
                = typicalOver   ? QStringLiteral("on an average day at typical traffic")
                  : busiestOver ? QStringLiteral("on its busiest day at typical traffic")
                                : QStringLiteral("on an average day at high traffic");
            Finding f = makeFinding(
                "limit.daily-requests",
                typicalOver || busiestOver ? Severity::Error : Severity::Warning, ctx, {c.id},
                QStringLiteral("%1 serves about %2 requests %3; %4 allows %5 a day")
                    .arg(c.name, num(std::round(perDay)), when, bindingLabel(rb), num(l->value)));
            f.actual = std::round(perDay);
            f.limit = l->value;
            f.unit = QStringLiteral("requests/day");
            setFact(f, l->fact);
            out.push_back(std::move(f));
        }
    }
    checkLimit(out, ctx, c, rb, "limit.storage", "storage_gb", c.traffic.storageGb,
               QStringLiteral("stores %1 GB"), QStringLiteral("allows %1 GB"));
    auto optional = [](const auto &v) {
        return v ? std::optional<double>(double(*v)) : std::nullopt;
    };
    checkLimit(out, ctx, c, rb, "limit.vector-index", "vector_dimensions",
               optional(c.traffic.vectorDimensions),
               QStringLiteral("stores vectors of %1 dimensions"),
               QStringLiteral("allows %1 dimensions per vector"));
    checkLimit(out, ctx, c, rb, "limit.vector-index", "vectors", c.traffic.vectorsStored,
               QStringLiteral("stores %1 vectors"), QStringLiteral("allows %1 vectors per index"));
    checkLimit(out, ctx, c, rb, "limit.vector-index", "vector_indexes",
               optional(c.traffic.vectorIndexes), QStringLiteral("needs %1 indexes"),
               QStringLiteral("allows %1 indexes per account"));

    // Absence is not lack: a need the profile says nothing about is an info, never an error.
    auto notStated = [&](const char *rule, const QString &need, const char *capability) {
        out.push_back(
            makeFinding(rule, Severity::Info, ctx, {c.id},
                        QStringLiteral("%1 %2; %3 does not state its %4 (not stated by "
                                       "the profile), so this is not checked")
                            .arg(c.name, need, bindingLabel(rb), QLatin1String(capability))));
    };
    if (receivesWebSockets(ctx, c) && !caps.websockets)
        notStated("feature.websockets", QStringLiteral("serves WebSockets"), "WebSocket support");
    if (receivesWebSockets(ctx, c) && caps.websockets) {
        const ViaValue &ws = caps.websockets->value;
        if (ws.value == QLatin1String("native") && !ws.coordinateVia.isEmpty()
            && !ctx.connectedToProfile(c.id, ws.coordinateVia)) {
            // The platform terminates each connection itself; many clients that share state or
            // broadcast to each other need the coordinating product.
            const Profile *via = ctx.catalogue.profile(ws.coordinateVia);
            Finding f = makeFinding(
                "feature.websockets", Severity::Warning, ctx, {c.id},
                QStringLiteral("%1 serves WebSockets; %2 terminates each connection in its own "
                               "invocation, so coordinating many clients (shared state, "
                               "broadcast) needs %3, and none is connected")
                    .arg(c.name, bindingLabel(rb), via ? via->name : ws.coordinateVia));
            setFact(f, caps.websockets->fact);
            out.push_back(std::move(f));
        } else if (ws.value == QLatin1String("none")) {
            Finding f = makeFinding("feature.websockets", Severity::Error, ctx, {c.id},
                                    QStringLiteral("%1 serves WebSockets; %2 does not support them")
                                        .arg(c.name, bindingLabel(rb)));
            setFact(f, caps.websockets->fact);
            out.push_back(std::move(f));
        } else if (ws.value == QLatin1String("via") && !ctx.connectedToProfile(c.id, ws.via)) {
            const Profile *via = ctx.catalogue.profile(ws.via);
            Finding f = makeFinding(
                "feature.websockets", Severity::Error, ctx, {c.id},
                QStringLiteral("%1 serves WebSockets; on %2 they need %3, and none is connected")
                    .arg(c.name, bindingLabel(rb), via ? via->name : ws.via));
            setFact(f, caps.websockets->fact);
            out.push_back(std::move(f));
        }
    }
    if (w.filesystem != FilesystemNeed::None && !caps.filesystem)
        notStated("feature.filesystem",
                  w.filesystem == FilesystemNeed::Persistent
                      ? QStringLiteral("writes persistent files")
                      : QStringLiteral("writes temporary files"),
                  "filesystem");
    if (w.filesystem != FilesystemNeed::None && caps.filesystem) {
        const QString fs = caps.filesystem->value;
        const bool persistentNeed = w.filesystem == FilesystemNeed::Persistent;
        Severity sev = Severity::Info;
        if (fs == QLatin1String("none"))
            sev = Severity::Error;
        else if (persistentNeed && fs != QLatin1String("persistent"))
            sev = Severity::Warning;
        if (sev != Severity::Info) {
            Finding f = makeFinding("feature.filesystem", sev, ctx, {c.id},
                                    sev == Severity::Error
                                        ? QStringLiteral("%1 writes %2 files; %3 has no filesystem")
                                              .arg(c.name,
                                                   persistentNeed ? QStringLiteral("persistent")
                                                                  : QStringLiteral("temporary"),
                                                   bindingLabel(rb))
                                        : QStringLiteral("%1 needs persistent files; the %2 "
                                                         "filesystem of %3 loses them on restart")
                                              .arg(c.name, fs, bindingLabel(rb)));
            setFact(f, caps.filesystem->fact);
            out.push_back(std::move(f));
        }
    }
    if (w.backgroundJobs && caps.backgroundJobs && !caps.backgroundJobs->value) {
        Finding f = makeFinding(
            "feature.background-jobs", Severity::Error, ctx, {c.id},
            QStringLiteral("%1 runs an in-process scheduler or background threads; %2 keeps no "
                           "process between requests%3")
                .arg(c.name, bindingLabel(rb),
                     caps.scheduler && caps.scheduler->value.value != QLatin1String("none")
                         ? QStringLiteral(" (use %1)").arg(caps.scheduler->value.value)
                         : QString()));
        setFact(f, caps.backgroundJobs->fact);
        out.push_back(std::move(f));
    }
    if (w.backgroundJobs && !caps.backgroundJobs)
        notStated("feature.background-jobs",
                  QStringLiteral("runs an in-process scheduler or background threads"),
                  "support for background work between requests");
    const bool schedulerStated = caps.scheduler.has_value();
    const bool statesNoScheduler
        = schedulerStated && caps.scheduler->value.value == QLatin1String("none");
    if (!w.scheduledJobs.isEmpty() && (!schedulerStated || statesNoScheduler)
        && !ctx.hasSchedulerCaller(c.id)) {
        const bool inProcess
            = w.backgroundJobs && caps.backgroundJobs && caps.backgroundJobs->value;
        if (!inProcess && statesNoScheduler) {
            Finding f = makeFinding(
                "feature.scheduled-jobs", Severity::Error, ctx, {c.id},
                QStringLiteral("%1 declares %2 scheduled job(s), but %3 has no scheduler and no "
                               "scheduler component calls it")
                    .arg(c.name)
                    .arg(w.scheduledJobs.size())
                    .arg(bindingLabel(rb)));
            f.actual = w.scheduledJobs.size();
            f.unit = QStringLiteral("jobs");
            setFact(f, caps.scheduler->fact);
            out.push_back(std::move(f));
        } else if (!inProcess) {
            notStated("feature.scheduled-jobs",
                      QStringLiteral("declares %1 scheduled job(s) and no scheduler component "
                                     "calls it")
                          .arg(w.scheduledJobs.size()),
                      "scheduler");
        }
    }
    if (caps.sleep && caps.sleep->value.sleeps) {
        const SleepValue &s = caps.sleep->value;
        const std::optional<double> p95 = a.slo.p95Ms;
        const std::optional<double> wake = wakeMs(caps);
        const bool breaksTarget = p95 && wake && *wake > *p95;
        QString message = QStringLiteral("%1 is on %2, which sleeps").arg(c.name, bindingLabel(rb));
        if (s.afterMin)
            message += QStringLiteral(" after %1 idle")
                           .arg(*s.afterMin >= 1440
                                    ? QStringLiteral("%1 days").arg(num(*s.afterMin / 1440))
                                    : QStringLiteral("%1 min").arg(num(*s.afterMin)));
        if (s.wakeS)
            message
                += QStringLiteral("; the first request then waits up to %1 s").arg(num(*s.wakeS));
        if (breaksTarget)
            message += QStringLiteral(", above the p95 target of %1 ms").arg(num(*p95));
        Finding f
            = makeFinding("availability.sleeps", breaksTarget ? Severity::Error : Severity::Warning,
                          ctx, {c.id}, message);
        if (s.wakeS) {
            f.actual = *s.wakeS * 1000;
            f.unit = QStringLiteral("ms");
        }
        if (breaksTarget)
            f.limit = *p95;
        setFact(f, caps.sleep->fact);
        out.push_back(std::move(f));
    }
    if (const auto cold = coldStartMs(w, caps); a.slo.p95Ms && cold && *cold > *a.slo.p95Ms) {
        Finding f = makeFinding(
            "slo.latency", Severity::Warning, ctx, {c.id},
            QStringLiteral("%1 scales to zero on %2; a cold start takes about %3 ms, above the "
                           "p95 target of %4 ms, unless one instance is kept warm")
                .arg(c.name, bindingLabel(rb), num(caps.coldStartMs->value), num(*a.slo.p95Ms)));
        f.actual = caps.coldStartMs->value;
        f.limit = *a.slo.p95Ms;
        f.unit = QStringLiteral("ms");
        setFact(f, caps.coldStartMs->fact);
        out.push_back(std::move(f));
    }
    // The component's connections must be ones this platform can make.
    for (const Connection *connection : ctx.connectionsOf(c.id)) {
        const Connection &conn = *connection;
        const bool outgoing = conn.from == c.id;
        const bool incoming = conn.to == c.id;
        if (!outgoing && !incoming)
            continue;
        const auto &list = outgoing ? caps.outbound : caps.inbound;
        if (!list || carriedBy(conn.protocol, list->value))
            continue;
        const Component *other = ctx.component(outgoing ? conn.to : conn.from);
        Finding f
            = makeFinding("connection.protocol", Severity::Error, ctx, {conn.id},
                          QStringLiteral("%1 → %2 uses %3, but %4 %5 only %6")
                              .arg(outgoing ? c.name : (other ? other->name : conn.from),
                                   outgoing ? (other ? other->name : conn.to) : c.name,
                                   protocolId(conn.protocol), bindingLabel(rb),
                                   outgoing ? QStringLiteral("opens") : QStringLiteral("accepts"),
                                   list->value.join(QStringLiteral(", "))));
        setFact(f, list->fact);
        out.push_back(std::move(f));
    }
    // A plan that needs an account subscription nobody in the option provides.
    for (const auto &key : rb.plan->requiredFees) {
        if (ctx.feesProvided.count(key))
            continue;
        const Fee *fee = ctx.catalogue.fee(key);
        Finding f = makeFinding(
            "binding.plan-requires", Severity::Error, ctx, {c.id},
            QStringLiteral("%1 is on %2, which requires the %3 subscription (%4/month); no "
                           "component of this option is on a plan that provides it")
                .arg(c.name, bindingLabel(rb), key,
                     fee ? formatMoney(fee->amount) : QStringLiteral("?")));
        if (fee)
            setFact(f, fee->fact);
        out.push_back(std::move(f));
    }
    return out;
}

namespace {

bool knownToSatisfy(const Component &c, const ResolvedBinding &rb)
{
    const Workload &w = c.workload;
    const Capabilities &caps = rb.capabilities;
    if (!w.language.isEmpty() && !caps.runtimes)
        return false;
    if (!w.packages.isEmpty()
        && w.language.compare(QLatin1String("python"), Qt::CaseInsensitive) == 0 && !caps.packages)
        return false;
    if (w.memoryMb && !rb.limit(QStringLiteral("memory_mb")))
        return false;
    if (w.websockets && !caps.websockets)
        return false;
    if (w.filesystem != FilesystemNeed::None && !caps.filesystem)
        return false;
    if (w.backgroundJobs && !caps.backgroundJobs)
        return false;
    return true;
}

} // namespace

std::vector<const ResolvedBinding *> rebindCandidates(const Context &ctx, const Component &c,
                                                      int limit)
{
    const ResolvedBinding *current = ctx.bindingOf(c.id);
    const QString account = current ? current->profile->account : QString();
    // Fees the option keeps once this component leaves its current plan.
    // The option's counts less this component's own part (a plan pays its own fee once, and a
    // required fee counts once per key, as in the index).
    std::map<QString, int> mine;
    std::map<QString, int> minePaid;
    if (current) {
        if (current->plan->fee) {
            ++mine[current->plan->fee->key];
            ++minePaid[current->plan->fee->key];
        }
        for (const auto &k : current->plan->requiredFees)
            ++minePaid[k];
    }
    std::set<QString> feesWithoutMe;    // fees others provide (for plans that require them)
    std::set<QString> feesPaidByOthers; // fees others pay (provided or required)
    for (const auto &[key, n] : ctx.indexes->feeProviders)
        if (n > mine[key])
            feesWithoutMe.insert(key);
    for (const auto &[key, n] : ctx.indexes->feePayers)
        if (n > minePaid[key])
            feesPaidByOthers.insert(key);
    struct Candidate {
        const ResolvedBinding *binding = nullptr;
        bool sameProfile = false;
        int warnings = 0;
        bool unknownPrices = false;
        double cost = 0;
        int order = 0;
    };
    std::vector<Candidate> candidates;
    for (const auto &rb : ctx.catalogue.allBindings()) {
        if (!rb.canHost(c.role))
            continue;
        if (!rb.instance && !rb.plan->instances.empty())
            continue; // a plan that sells sizes is bound with one
        if (current && rb.profile == current->profile && rb.plan == current->plan
            && rb.instance == current->instance)
            continue;
        // A suggestion must be known to work: every requirement the workload states needs a
        // known capability or limit on the candidate, not merely an absent one.
        if (!knownToSatisfy(c, rb))
            continue;
        // A candidate must not need a subscription the option lacks (unless it brings it).
        Context probe{ctx.project,   ctx.option,  ctx.catalogue,
                      feesWithoutMe, {},          ctx.indexes,
                      FixScope::none()};
        if (rb.plan->fee)
            probe.feesProvided.insert(rb.plan->fee->key);
        const auto findings = checkComponent(probe, c, rb);
        if (std::any_of(findings.begin(), findings.end(),
                        [](const Finding &f) { return f.severity == Severity::Error; }))
            continue;
        // Nearest and cheapest first: the same profile (another plan or size) before others;
        // then the fewest warnings (e.g. plans that sleep), the lowest estimated monthly cost of
        // the component under that binding (its known part), and known prices before unknown.
        Candidate cand;
        cand.binding = &rb;
        cand.sameProfile = current && rb.profile == current->profile;
        cand.warnings = int(std::count_if(findings.begin(), findings.end(), [](const Finding &f) {
            return f.severity == Severity::Warning;
        }));
        Component rebound = c;
        rebound.binding
            = Binding{rb.profile->id, rb.plan->id, rb.instance ? rb.instance->id : QString()};
        const CostEstimate cost
            = estimateComponentCost(ctx.project, rebound, ctx.catalogue, feesPaidByOthers);
        if (cost.overCap > 0)
            continue; // the plan's free quota cannot serve this component's usage
        cand.unknownPrices = cost.unknown > 0;
        cand.cost = cost.known;
        cand.order = int(candidates.size());
        candidates.push_back(cand);
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return std::tie(b.sameProfile, a.warnings, a.cost, a.unknownPrices, a.order)
               < std::tie(a.sameProfile, b.warnings, b.cost, b.unknownPrices, b.order);
    });
    std::vector<const ResolvedBinding *> out;
    for (const auto &cand : candidates) {
        if (int(out.size()) == limit)
            break;
        out.push_back(cand.binding);
    }
    return out;
}

std::vector<Fix> rebindFixes(const Context &ctx, const Component &c)
{
    std::vector<Fix> fixes;
    for (const ResolvedBinding *rb : rebindCandidates(ctx, c)) {
        Component changed = c;
        changed.binding
            = Binding{rb->profile->id, rb->plan->id, rb->instance ? rb->instance->id : QString()};
        Fix fix;
        fix.label = QStringLiteral("Bind %1 to %2").arg(c.name, bindingLabel(*rb));
        fix.edit.text = fix.label;
        fix.edit.ops.push_back(op::UpdateComponent{ctx.option.id, changed});
        fixes.push_back(std::move(fix));
    }
    return fixes;
}

LayoutEntry positionNear(const Option &o, const QString &near, int slot)
{
    LayoutEntry e;
    if (const auto it = o.layout.find(near); it != o.layout.end())
        e = it->second;
    e.pinned = false;
    e.y += kRowSpacing * (slot + 1);
    return e;
}

} // namespace stackplan::rules
