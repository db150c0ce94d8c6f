#include "cost/bill.h"
#include "rules/rules_p.h"
#include "rules/slo.h"
#include "util/format.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace stackplan::rules {

namespace {

QString num(double v)
{
    return formatNumber(v);
}

bool isSqlDatabase(const Component &c, const ResolvedBinding *rb)
{
    if (c.role != Role::Database)
        return false;
    return !rb || !rb->capabilities.inbound
           || carriedBy(Protocol::Sql, rb->capabilities.inbound->value);
}

// The most instances a client may run: the workload's max, else the platform's max_instances.
std::optional<double> maxInstancesOf(const Component &client, const ResolvedBinding *rb)
{
    if (client.workload.maxInstances)
        return double(*client.workload.maxInstances);
    if (const Limit *l = rb ? rb->limit(QStringLiteral("max_instances")) : nullptr)
        return l->value;
    return std::nullopt;
}

// Direct (unpooled) SQL connections into a database, summed over its clients' maximum instance
// counts; none when some client does not state both figures.
struct DirectConnections {
    std::optional<double> total;
    QStringList terms;
};

DirectConnections directConnections(const Context &ctx, const QString &dbId)
{
    DirectConnections out;
    double sum = 0;
    for (const Connection *conn : ctx.connectionsOf(dbId)) {
        if (conn->to != dbId || conn->protocol != Protocol::Sql || conn->pooled
            || !conn->via.isEmpty())
            continue;
        const Component *client = ctx.component(conn->from);
        if (!client)
            continue;
        const auto instances = maxInstancesOf(*client, ctx.bindingOf(client->id));
        if (!instances || !client->workload.connectionPool)
            return {};
        sum += *instances * *client->workload.connectionPool;
        out.terms << QStringLiteral("%1 × %2 (%3)")
                         .arg(num(*instances))
                         .arg(*client->workload.connectionPool)
                         .arg(client->name);
    }
    out.total = sum;
    return out;
}

} // namespace

void checkPooling(Context &ctx, const Connection &conn)
{
    {
        if (conn.protocol != Protocol::Sql || conn.pooled || !conn.via.isEmpty())
            return;
        const Component *from = ctx.component(conn.from);
        const Component *to = ctx.component(conn.to);
        const ResolvedBinding *src = ctx.bindingOf(conn.from);
        const ResolvedBinding *dst = ctx.bindingOf(conn.to);
        if (!from || !to || !src || !isSqlDatabase(*to, dst))
            return;
        const auto &caps = src->capabilities;
        const QString exec = caps.execution ? caps.execution->value : QString();
        const bool ephemeral = exec == QLatin1String("request-scoped")
                               || exec == QLatin1String("serverless-container")
                               || (caps.scaleToZero && caps.scaleToZero->value);
        if (!ephemeral)
            return;
        // Every instance opens its own connections: fine while they all fit the database.
        const DirectConnections direct = directConnections(ctx, to->id);
        const Limit *dbLimit = dst ? dst->limit(QStringLiteral("db_connections")) : nullptr;
        if (direct.total && dbLimit && *direct.total <= dbLimit->value)
            return;
        QString message;
        if (direct.total && dbLimit)
            message = QStringLiteral("%1 runs on %2 (%3) and connects to %4 directly: up to %5 "
                                     "= %6 connections at the maximum instance counts, above the "
                                     "%7 direct connections of %8")
                          .arg(from->name, bindingLabel(*src),
                               exec.isEmpty() ? QStringLiteral("scales to zero") : exec, to->name,
                               direct.terms.join(QStringLiteral(" + ")), num(*direct.total),
                               num(dbLimit->value), bindingLabel(*dst));
        else
            message = QStringLiteral("%1 runs on %2 (%3) and connects to %4 directly; every "
                                     "instance opens its own connections, and %5")
                          .arg(from->name, bindingLabel(*src),
                               exec.isEmpty() ? QStringLiteral("scales to zero") : exec, to->name,
                               dbLimit ? QStringLiteral("not every client states its max "
                                                        "instances and connection pool")
                                       : QStringLiteral("the database's connection limit is "
                                                        "not known"));
        Finding f = makeFinding("connection.pooling", Severity::Warning, ctx, {conn.id}, message);
        if (direct.total && dbLimit) {
            f.actual = *direct.total;
            f.limit = dbLimit->value;
            f.unit = QStringLiteral("connections");
            setFact(f, dbLimit->fact);
        } else if (caps.execution) {
            setFact(f, caps.execution->fact);
        }
        if (!ctx.wantsFixes(f.subjects)) {
            ctx.out.push_back(std::move(f));
            return;
        }
        if (dst && dst->capabilities.pooler) {
            Connection pooled = conn;
            pooled.pooled = true;
            Fix fix;
            fix.label = QStringLiteral("Connect through %1's pooler (%2)")
                            .arg(to->name, dst->capabilities.pooler->value);
            fix.edit.text = fix.label;
            fix.edit.ops.push_back(op::UpdateConnection{ctx.option.id, pooled});
            f.fixes.push_back(std::move(fix));
        }
        if (caps.sqlPooler && !caps.sqlPooler->value.via.isEmpty()) {
            const Profile *pp = ctx.catalogue.profile(caps.sqlPooler->value.via);
            if (pp && !pp->roles.empty()) {
                // Pick the first plan whose subscription needs are met (else the first plan).
                const Plan *plan = &pp->plans.front();
                for (const auto &candidate : pp->plans) {
                    const bool ok = std::all_of(
                        candidate.requiredFees.begin(), candidate.requiredFees.end(),
                        [&](const QString &k) { return ctx.feesProvided.count(k) > 0; });
                    if (ok && candidate.requiredFees.size() >= plan->requiredFees.size())
                        plan = &candidate;
                }
                Component pooler;
                pooler.name = caps.sqlPooler->value.value;
                pooler.role = pp->canHost(Role::Proxy) ? Role::Proxy : pp->roles.front();
                pooler.id = ctx.freshComponentId(slugify(pooler.name));
                pooler.binding = Binding{pp->id, plan->id, {}};
                Connection via = conn;
                via.via = pooler.id;
                Fix fix;
                fix.label = QStringLiteral("Add %1 between %2 and %3")
                                .arg(pooler.name, from->name, to->name);
                fix.edit.text = fix.label;
                fix.edit.ops.push_back(op::AddComponent{ctx.option.id, pooler, -1,
                                                        positionNear(ctx.option, conn.to, 0)});
                fix.edit.ops.push_back(op::UpdateConnection{ctx.option.id, via});
                f.fixes.push_back(std::move(fix));
            }
        }
        ctx.out.push_back(std::move(f));
    }
}

void checkDbCapacity(Context &ctx, const Component &db)
{
    {
        const ResolvedBinding *rb = ctx.bindingOf(db.id);
        if (!rb || !isSqlDatabase(db, rb))
            return;
        struct Term {
            QString text;
            double value;
        };
        std::vector<Term> direct, pooled;
        QStringList subjects{db.id};
        for (const Connection *connection : ctx.connectionsOf(db.id)) {
            const Connection &conn = *connection;
            if (conn.to != db.id || conn.protocol != Protocol::Sql)
                continue;
            const Component *client = ctx.component(conn.from);
            if (!client)
                continue;
            if (!conn.via.isEmpty()) {
                // The pooler in between holds at most its own origin connections.
                const ResolvedBinding *via = ctx.bindingOf(conn.via);
                const Limit *l = via ? via->limit(QStringLiteral("db_connections")) : nullptr;
                const Component *vc = ctx.component(conn.via);
                if (l && vc) {
                    direct.push_back(
                        {QStringLiteral("%1 (%2 pool)").arg(num(l->value), vc->name), l->value});
                    subjects << conn.id;
                }
                continue;
            }
            const auto &w = client->workload;
            const auto instances = maxInstancesOf(*client, ctx.bindingOf(client->id));
            if (!instances || !w.connectionPool)
                continue; // missing data: cannot count this client
            const double n = *instances * *w.connectionPool;
            (conn.pooled ? pooled : direct)
                .push_back({QStringLiteral("%1 × %2 (%3)")
                                .arg(num(*instances))
                                .arg(*w.connectionPool)
                                .arg(client->name),
                            n});
            subjects << conn.id;
        }
        auto check = [&](const std::vector<Term> &terms, const char *key, const QString &kind) {
            const Limit *l = rb->limit(QString::fromLatin1(key));
            if (!l || terms.empty())
                return;
            double sum = 0;
            QStringList parts;
            for (const auto &t : terms) {
                sum += t.value;
                parts << t.text;
            }
            if (sum <= l->value)
                return;
            Finding f
                = makeFinding("capacity.db-connections", Severity::Error, ctx, subjects,
                              QStringLiteral("%1 may receive %2 = %3 %4 connections; %5 allows %6")
                                  .arg(db.name, parts.join(QStringLiteral(" + ")), num(sum), kind,
                                       bindingLabel(*rb), num(l->value)));
            f.actual = sum;
            f.limit = l->value;
            f.unit = QStringLiteral("connections");
            setFact(f, l->fact);
            // Fix: the smallest size of the same plan whose limit suffices.
            if (ctx.wantsFixes(f.subjects))
                for (const auto &inst : rb->plan->instances) {
                    const ResolvedBinding *bigger
                        = ctx.catalogue.resolved(Binding{rb->profile->id, rb->plan->id, inst.id});
                    const Limit *bl = bigger ? bigger->limit(QString::fromLatin1(key)) : nullptr;
                    if (bl && bl->value >= sum) {
                        Component changed = db;
                        changed.binding.instance = inst.id;
                        Fix fix;
                        fix.label = QStringLiteral("Resize %1 to %2 (%3 %4 connections)")
                                        .arg(db.name, inst.name, num(bl->value), kind);
                        fix.edit.text = fix.label;
                        fix.edit.ops.push_back(op::UpdateComponent{ctx.option.id, changed});
                        f.fixes.push_back(std::move(fix));
                        break;
                    }
                }
            ctx.out.push_back(std::move(f));
        };
        check(direct, "db_connections", QStringLiteral("direct"));
        check(pooled, "pooler_connections", QStringLiteral("pooled"));
    }
}

void checkAvailability(Context &ctx)
{
    const auto target = ctx.project.assumptions.slo.availabilityPct;
    if (!target)
        return;
    std::vector<std::vector<QString>> paths = requestPaths(ctx.option);
    // Fully published paths first, so a violation is reported on the path that proves it.
    auto unknownCount = [&ctx](const std::vector<QString> &path) {
        int n = 0;
        for (const auto &id : path) {
            const Component *c = ctx.component(id);
            const ResolvedBinding *rb = ctx.bindingOf(id);
            n += countsForAvailability(*c) && (!rb || !rb->capabilities.sla);
        }
        return n;
    };
    {
        // Counted once per path, not once per comparison.
        std::vector<std::pair<int, size_t>> order;
        order.reserve(paths.size());
        for (size_t i = 0; i < paths.size(); ++i)
            order.emplace_back(unknownCount(paths[i]), i);
        std::stable_sort(order.begin(), order.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        std::vector<std::vector<QString>> sorted;
        sorted.reserve(paths.size());
        for (const auto &[count, i] : order)
            sorted.push_back(std::move(paths[i]));
        paths = std::move(sorted);
    }
    std::set<QString> reported;
    int findings = 0;
    std::vector<QString> unknownIds; // components without an SLA on some path, in first-seen order
    QSet<QString> unknownSeen;       // the same, to look up
    int uncheckable = 0;
    for (const auto &path : paths) {
        double product = 1;
        QStringList factors, unknown, names, subjects;
        Fact worst;
        double worstSla = 101;
        for (const auto &id : path) {
            const Component *c = ctx.component(id);
            names << c->name;
            if (!countsForAvailability(*c))
                continue;
            subjects << id;
            const ResolvedBinding *rb = ctx.bindingOf(id);
            if (!rb || !rb->capabilities.sla) {
                unknown << id;
                continue;
            }
            const double sla = rb->capabilities.sla->value;
            product *= sla / 100.0;
            factors << num(sla) + QStringLiteral(" %");
            if (sla < worstSla) {
                worstSla = sla;
                worst = rb->capabilities.sla->fact;
            }
        }
        if (subjects.isEmpty())
            continue;
        const double pct = product * 100;
        if (!unknown.isEmpty()) {
            // The path cannot be checked; a known part already below the target still fails.
            for (const auto &id : unknown)
                if (!unknownSeen.contains(id)) {
                    unknownSeen.insert(id);
                    unknownIds.push_back(id);
                }
            ++uncheckable;
            if (pct >= *target - 1e-9)
                continue;
        }
        if (pct >= *target - 1e-9 || findings >= 20)
            continue;
        // Report the published factors only: the known part of the path.
        QStringList known;
        for (const auto &id : subjects)
            if (!unknown.contains(id))
                known << id;
        const QString key = known.join(QLatin1Char('>'));
        if (reported.count(key))
            continue;
        reported.insert(key);
        QStringList missing;
        for (const auto &id : unknown)
            missing << ctx.component(id)->name;
        Finding f = makeFinding(
            "slo.availability", Severity::Error, ctx, known,
            QStringLiteral("%1: %2 = %3 %, below the %4 % target%5")
                .arg(names.join(QStringLiteral(" → ")), factors.join(QStringLiteral(" × ")),
                     formatNumber(pct, 3), num(*target),
                     missing.isEmpty() ? QString()
                                       : QStringLiteral(" even without %1, which publishes no SLA")
                                             .arg(missing.join(QStringLiteral(", ")))));
        f.actual = std::round(pct * 1000) / 1000;
        f.limit = *target;
        f.unit = QStringLiteral("%");
        setFact(f, worst);
        ctx.out.push_back(std::move(f));
        ++findings;
    }
    if (!unknownIds.empty()) {
        std::sort(unknownIds.begin(), unknownIds.end(), [&ctx](const QString &a, const QString &b) {
            return ctx.option.componentIndex(a) < ctx.option.componentIndex(b); // model order
        });
        QStringList ids, names;
        for (const auto &id : unknownIds) {
            ids << id;
            names << ctx.component(id)->name;
        }
        Finding f = makeFinding(
            "slo.availability", Severity::Info, ctx, ids,
            QStringLiteral("%1 of %2 request paths cannot be checked against the %3 % target: no "
                           "SLA is published for %4")
                .arg(uncheckable)
                .arg(paths.size())
                .arg(num(*target), names.join(QStringLiteral(", "))));
        f.limit = *target;
        f.unit = QStringLiteral("%");
        ctx.out.push_back(std::move(f));
    }
}

// Free quotas are limits: usage beyond a plan's cap fails or is throttled, at no price.
void checkQuotas(Context &ctx, const BillModel &bill)
{
    const Assumptions &a = ctx.project.assumptions;
    std::set<QString> reported; // meter + components, so the high level does not repeat
    auto report = [&](const BillModel::CapExcess &e, const QString &when, bool atTypical) {
        const Meter &m = *e.meter;
        // A cap the profile also states as a limit is reported by that limit's rule.
        for (const QString &id : e.components) {
            const ResolvedBinding *rb = ctx.bindingOf(id);
            if (!rb)
                continue;
            if (m.usage == QLatin1String("requests") && m.includedPerDay
                && rb->limit(QStringLiteral("daily_requests")))
                return;
            if (m.usage == QLatin1String("gb-month") && rb->limit(QStringLiteral("storage_gb")))
                return;
        }
        const QString key = QString::number(quintptr(&m)) + e.components.join(QLatin1Char(','));
        if (!reported.insert(key).second)
            return;
        const bool fails = m.cap == MeterCap::Fail;
        QStringList names;
        for (const auto &id : e.components)
            names << ctx.component(id)->name;
        const QString period = e.daily ? QStringLiteral("day") : QStringLiteral("month");
        const QString consequence
            = fails ? QStringLiteral("requests fail")
                    : QStringLiteral("the plan throttles or pauses the service");
        Finding f = makeFinding(
            "limit.quota", fails && atTypical ? Severity::Error : Severity::Warning, ctx,
            e.components,
            QStringLiteral("%1 use%2 %3 %4 a %5 %6; %7 (%8) caps them at %9 a %5, beyond which "
                           "%10")
                .arg(names.join(QStringLiteral(" + ")),
                     names.size() == 1 ? QStringLiteral("s") : QString(),
                     num(std::round(e.quantity * 100) / 100), usageLabel(m.usage), period, when,
                     e.profileName, e.planName, num(e.included), consequence));
        f.actual = std::round(e.quantity * 100) / 100;
        f.limit = e.included;
        f.unit = e.daily ? QStringLiteral("/day") : QStringLiteral("/month");
        setFact(f, m.fact);
        ctx.out.push_back(std::move(f));
    };
    for (const auto &e : bill.capExcesses(a.trafficTypical))
        report(e,
               e.busiestDay ? QStringLiteral("on the busiest day at typical traffic")
                            : QStringLiteral("at typical traffic"),
               true);
    if (a.trafficHigh > a.trafficTypical)
        for (const auto &e : bill.capExcesses(a.trafficHigh))
            report(e, QStringLiteral("at high traffic"), false);
}

// The option's typical monthly bill against the project's budget.
void checkBudget(Context &ctx, const BillModel &bill)
{
    const Assumptions &a = ctx.project.assumptions;
    if (!a.monthlyBudget)
        return;
    int unknown = 0, overCap = 0;
    const double typical = bill.total(a.trafficTypical, &unknown, &overCap);
    const bool lowerBound = unknown > 0 || overCap > 0;
    if (typical > *a.monthlyBudget + 1e-9) {
        Finding f = makeFinding(
            "cost.budget", Severity::Warning, ctx, {},
            QStringLiteral("%1 costs %2%3 a month at typical traffic, above the budget of %4")
                .arg(ctx.option.name, lowerBound ? QStringLiteral("at least ") : QString(),
                     formatMoney(typical), formatMoney(*a.monthlyBudget)));
        f.actual = std::round(typical * 100) / 100;
        f.limit = *a.monthlyBudget;
        f.unit = QStringLiteral("USD/month");
        ctx.out.push_back(std::move(f));
        return;
    }
    if (a.trafficHigh <= a.trafficTypical)
        return;
    const double high = bill.total(a.trafficHigh, &unknown, &overCap);
    if (high > *a.monthlyBudget + 1e-9) {
        Finding f = makeFinding(
            "cost.budget", Severity::Info, ctx, {},
            QStringLiteral("%1 costs %2 a month at typical traffic, within the budget of %3, but "
                           "%4%5 at high traffic (×%6)")
                .arg(ctx.option.name, formatMoney(typical), formatMoney(*a.monthlyBudget),
                     unknown || overCap ? QStringLiteral("at least ") : QString(),
                     formatMoney(high), num(a.trafficHigh)));
        f.actual = std::round(high * 100) / 100;
        f.limit = *a.monthlyBudget;
        f.unit = QStringLiteral("USD/month");
        ctx.out.push_back(std::move(f));
    }
}

void checkGraph(Context &ctx)
{
    for (const auto &conn : ctx.option.connections)
        checkPooling(ctx, conn);
    for (const auto &db : ctx.option.components)
        checkDbCapacity(ctx, db);
    checkAvailability(ctx);
    {
        std::optional<BillModel> own;
        if (!ctx.bill)
            own.emplace(ctx.project, ctx.option, ctx.catalogue);
        const BillModel &bill = ctx.bill ? *ctx.bill : *own;
        checkQuotas(ctx, bill);
        checkBudget(ctx, bill);
    }
    if (ctx.option.components.size() > 1) {
        for (const auto &c : ctx.option.components)
            checkIsolated(ctx, c);
    }
}

void checkIsolated(Context &ctx, const Component &c)
{
    // Linked: from, to or via of a connection, which the index lists per component.
    if (ctx.connectionsOf(c.id).empty())
        ctx.out.push_back(makeFinding("graph.isolated", Severity::Warning, ctx, {c.id},
                                      QStringLiteral("%1 has no connection").arg(c.name)));
}

} // namespace stackplan::rules
