#include "rules/validate.h"

#include "rules/rules_p.h"
#include "util/format.h"

#include <algorithm>

namespace stackplan {

using namespace rules;

namespace {

bool expectsBinding(Role role)
{
    // The users' devices and third-party APIs are not deployed by the team.
    return role != Role::Client && role != Role::ExternalApi;
}

Fix addSchedulerFix(const Context &ctx, const Component &c, const ResolvedBinding &rb)
{
    const ViaValue &mechanism = rb.capabilities.scheduler->value;
    const Profile *host = ctx.catalogue.profile(mechanism.via);
    Component scheduler;
    scheduler.role = Role::Scheduler;
    scheduler.name = QStringLiteral("%1 for %2").arg(mechanism.value, c.name);
    scheduler.id = ctx.freshComponentId(slugify(mechanism.value));
    scheduler.workload.scheduledJobs = c.workload.scheduledJobs;
    if (host) {
        // Same plan when the scheduler runs on the component's own platform.
        const Plan *plan = host == rb.profile ? rb.plan : &host->plans.front();
        scheduler.binding = Binding{host->id, plan->id, {}};
    }
    Component changed = c;
    changed.workload.backgroundJobs = false;
    Connection trigger;
    trigger.id = ctx.freshConnectionId(scheduler.id + QStringLiteral("-to-") + c.id);
    trigger.from = scheduler.id;
    trigger.to = c.id;
    trigger.protocol = defaultProtocol(Role::Scheduler, c.role);
    Fix fix;
    fix.label = QStringLiteral("Move the jobs of %1 to %2").arg(c.name, mechanism.value);
    fix.edit.text = fix.label;
    fix.edit.ops.push_back(
        op::AddComponent{ctx.option.id, scheduler, -1, positionNear(ctx.option, c.id, 0)});
    fix.edit.ops.push_back(op::UpdateComponent{ctx.option.id, changed});
    fix.edit.ops.push_back(op::AddConnection{ctx.option.id, trigger, -1});
    return fix;
}

std::optional<Fix> addWebSocketProviderFix(const Context &ctx, const Component &c,
                                           const QString &providerProfile)
{
    const Profile *via = ctx.catalogue.profile(providerProfile);
    if (!via || via->roles.empty())
        return std::nullopt;
    // Prefer a plan whose subscription needs this option already meets.
    const Plan *plan = &via->plans.front();
    for (const auto &candidate : via->plans) {
        const bool met
            = std::all_of(candidate.requiredFees.begin(), candidate.requiredFees.end(),
                          [&](const QString &k) { return ctx.feesProvided.count(k) > 0; });
        if (met)
            plan = &candidate;
    }
    Component provider;
    provider.role = via->canHost(Role::Backend) ? Role::Backend : via->roles.front();
    provider.name = QStringLiteral("%1 (WebSockets)").arg(via->name);
    provider.id = ctx.freshComponentId(slugify(via->name));
    provider.workload.websockets = true;
    provider.binding = Binding{via->id, plan->id, {}};
    Connection link;
    link.id = ctx.freshConnectionId(c.id + QStringLiteral("-to-") + provider.id);
    link.from = c.id;
    link.to = provider.id;
    // The first protocol both ends state they carry (an unstated list does not restrict).
    const ResolvedBinding *prb = ctx.catalogue.resolved(provider.binding);
    const ResolvedBinding *own = ctx.bindingOf(c.id);
    link.protocol = Protocol::WebSocket;
    for (const auto p : {Protocol::WebSocket, Protocol::Binding, Protocol::Http}) {
        const bool out = !own || !own->capabilities.outbound
                         || carriedBy(p, own->capabilities.outbound->value);
        const bool in
            = !prb || !prb->capabilities.inbound || carriedBy(p, prb->capabilities.inbound->value);
        if (out && in) {
            link.protocol = p;
            break;
        }
    }
    Fix fix;
    fix.label = QStringLiteral("Add %1 and connect %2 to it").arg(provider.name, c.name);
    fix.edit.text = fix.label;
    fix.edit.ops.push_back(
        op::AddComponent{ctx.option.id, provider, -1, positionNear(ctx.option, c.id, 0)});
    fix.edit.ops.push_back(op::AddConnection{ctx.option.id, link, -1});
    return fix;
}

std::optional<Fix> providePlanFix(const Context &ctx, const QString &feeKey)
{
    // Switch every component of the option whose profile sells a plan with this fee to that plan.
    Fix fix;
    QStringList names;
    for (const auto &c : ctx.option.components) {
        const Profile *p = ctx.catalogue.profile(c.binding.profile);
        if (!p)
            continue;
        for (const auto &plan : p->plans) {
            if (!plan.fee || plan.fee->key != feeKey || plan.id == c.binding.plan)
                continue;
            Component changed = c;
            changed.binding.plan = plan.id;
            changed.binding.instance.clear();
            fix.edit.ops.push_back(op::UpdateComponent{ctx.option.id, changed});
            names << QStringLiteral("%1 to %2").arg(c.name, plan.name);
            break;
        }
    }
    if (fix.edit.ops.empty())
        return std::nullopt;
    fix.label = QStringLiteral("Switch %1").arg(names.join(QStringLiteral(", ")));
    fix.edit.text = fix.label;
    return fix;
}

std::vector<Fix> wakeFixes(const Context &ctx, const Component &c, const ResolvedBinding &rb)
{
    std::vector<Fix> fixes;
    for (const auto &other : ctx.catalogue.allBindings()) {
        if (other.profile != rb.profile || other.plan == rb.plan)
            continue;
        if (!other.instance && !other.plan->instances.empty())
            continue;
        if (other.capabilities.sleep && other.capabilities.sleep->value.sleeps)
            continue;
        Component changed = c;
        changed.binding = Binding{other.profile->id, other.plan->id,
                                  other.instance ? other.instance->id : QString()};
        Fix fix;
        fix.label = QStringLiteral("Switch %1 to %2, which does not sleep")
                        .arg(c.name, bindingLabel(other));
        fix.edit.text = fix.label;
        fix.edit.ops.push_back(op::UpdateComponent{ctx.option.id, changed});
        fixes.push_back(std::move(fix));
        if (fixes.size() == 2)
            break;
    }
    return fixes;
}

std::optional<Fix> protocolFix(const Context &ctx, const QString &connectionId)
{
    const Connection *conn = ctx.option.connection(connectionId);
    if (!conn)
        return std::nullopt;
    const ResolvedBinding *from = ctx.bindingOf(conn->from);
    const ResolvedBinding *to = ctx.bindingOf(conn->to);
    // A database or cache is reached over its data protocols, never "use http".
    const Component *target = ctx.component(conn->to);
    const bool dataStore
        = target && (target->role == Role::Database || target->role == Role::Cache);
    for (const auto p : kAllProtocols) {
        if (dataStore && p != Protocol::Sql && p != Protocol::Redis && p != Protocol::Bolt
            && p != Protocol::Binding)
            continue;
        const bool outOk = !from || !from->capabilities.outbound
                           || carriedBy(p, from->capabilities.outbound->value);
        const bool inOk
            = !to || !to->capabilities.inbound || carriedBy(p, to->capabilities.inbound->value);
        const QString id = protocolId(p);
        if (outOk && inOk && p != conn->protocol) {
            Connection changed = *conn;
            changed.protocol = p;
            Fix fix;
            fix.label = QStringLiteral("Use %1 for this connection").arg(id);
            fix.edit.text = fix.label;
            fix.edit.ops.push_back(op::UpdateConnection{ctx.option.id, changed});
            return fix;
        }
    }
    return std::nullopt;
}

} // namespace

namespace rules {

// The findings of one component (its own rules, with their fixes where in scope), appended to
// ctx.out.
void checkOne(Context &ctx, const Component &c)
{
    const Option &option = ctx.option;
    const Catalogue &catalogue = ctx.catalogue;
    for (const auto &var : c.env) {
        if (!var.secret || var.value.isEmpty())
            continue;
        Finding f = makeFinding(
            "security.secret-value", Severity::Error, ctx, {c.id},
            QStringLiteral("%1 stores a value for the secret %2; set secrets on the platform, "
                           "never in the project file")
                .arg(c.name, var.name));
        if (ctx.wantsFixes(f.subjects)) {
            Component cleared = c;
            for (auto &v : cleared.env)
                if (v.name == var.name)
                    v.value.clear();
            Fix fix;
            fix.label = QStringLiteral("Remove the stored value of %1").arg(var.name);
            fix.edit.text = fix.label;
            fix.edit.ops.push_back(op::UpdateComponent{option.id, cleared});
            f.fixes.push_back(std::move(fix));
        }
        ctx.out.push_back(std::move(f));
    }

    if (!c.binding.isBound()) {
        if (expectsBinding(c.role)) {
            Finding f = makeFinding(
                "binding.missing", Severity::Info, ctx, {c.id},
                QStringLiteral(
                    "%1 is not bound to a platform, so it is neither checked nor priced")
                    .arg(c.name));
            if (ctx.wantsFixes(f.subjects))
                f.fixes = rebindFixes(ctx, c);
            ctx.out.push_back(std::move(f));
        }
        return;
    }
    const ResolvedBinding *rb = ctx.bindingOf(c.id);
    if (!rb) {
        QString why;
        catalogue.resolve(c.binding, &why);
        Finding f = makeFinding("binding.unknown", Severity::Error, ctx, {c.id},
                                QStringLiteral("%1 is bound to %2").arg(c.name, why));
        if (ctx.wantsFixes(f.subjects))
            f.fixes = rebindFixes(ctx, c);
        ctx.out.push_back(std::move(f));
        return;
    }
    std::vector<Finding> found = checkComponent(ctx, c, *rb);
    std::optional<std::vector<Fix>> rebinds; // computed once, when a finding needs them
    auto rebind = [&]() -> const std::vector<Fix> & {
        if (!rebinds)
            rebinds = rebindFixes(ctx, c);
        return *rebinds;
    };
    for (auto &f : found) {
        if (!ctx.wantsFixes(f.subjects)) {
            ctx.out.push_back(std::move(f));
            continue;
        }
        const QString &rule = f.rule;
        if (rule == QLatin1String("feature.websockets") && f.severity != Severity::Info
            && rb->capabilities.websockets) {
            const ViaValue &ws = rb->capabilities.websockets->value;
            const QString provider
                = ws.value == QLatin1String("via") ? ws.via : ws.coordinateVia;
            if (!provider.isEmpty())
                if (auto fix = addWebSocketProviderFix(ctx, c, provider))
                    f.fixes.push_back(std::move(*fix));
        } else if (rule == QLatin1String("feature.background-jobs")
                   && f.severity == Severity::Error && rb->capabilities.scheduler
                   && rb->capabilities.scheduler->value.value != QLatin1String("none")) {
            f.fixes.push_back(addSchedulerFix(ctx, c, *rb));
        } else if (rule == QLatin1String("binding.plan-requires")) {
            for (const auto &key : rb->plan->requiredFees)
                if (!ctx.feesProvided.count(key))
                    if (auto fix = providePlanFix(ctx, key)) {
                        f.fixes.push_back(std::move(*fix));
                        break;
                    }
        } else if (rule == QLatin1String("availability.sleeps")) {
            f.fixes = wakeFixes(ctx, c, *rb);
        } else if (rule == QLatin1String("slo.latency")) {
            Component warm = c;
            warm.workload.minInstances = 1;
            if (warm.workload.maxInstances && *warm.workload.maxInstances < 1)
                warm.workload.maxInstances = 1;
            Fix fix;
            fix.label
                = QStringLiteral("Keep one instance of %1 warm (min instances 1)").arg(c.name);
            fix.edit.text = fix.label;
            fix.edit.ops.push_back(op::UpdateComponent{option.id, warm});
            f.fixes.push_back(std::move(fix));
        } else if (rule == QLatin1String("connection.protocol")) {
            if (auto fix = protocolFix(ctx, f.subjects.value(0)))
                f.fixes.push_back(std::move(*fix));
        }
        if (f.severity == Severity::Error && rule != QLatin1String("connection.protocol")
            && rule != QLatin1String("binding.plan-requires")) {
            for (const auto &fix : rebind())
                f.fixes.push_back(fix);
        }
        ctx.out.push_back(std::move(f));
    }
}

} // namespace rules

std::vector<Finding> validateOption(const Project &project, const Option &option,
                                    const Catalogue &catalogue)
{
    return validateOption(project, option, catalogue, FixScope::all());
}

std::vector<Finding> validateOption(const Project &project, const Option &option,
                                    const Catalogue &catalogue, const FixScope &fixes)
{
    Context ctx{project, option, catalogue, {}, {}, {}, fixes};
    ctx.index();

    for (const auto &c : option.components)
        checkOne(ctx, c);
    checkGraph(ctx);
    // Graph rules build their few cheap fixes inline; drop those outside the scope.
    if (fixes.kind != FixScope::Kind::All)
        for (auto &f : ctx.out)
            if (!f.fixes.empty() && !ctx.wantsFixes(f.subjects))
                f.fixes.clear();

    std::sort(ctx.out.begin(), ctx.out.end());
    ctx.out.erase(std::unique(ctx.out.begin(), ctx.out.end()), ctx.out.end());
    return std::move(ctx.out);
}

std::vector<Fix> fixesFor(const Project &project, const Option &option, const Catalogue &catalogue,
                          const Finding &finding)
{
    auto found = validateOption(project, option, catalogue, FixScope::only(finding.subjects));
    const auto it = std::lower_bound(found.begin(), found.end(), finding);
    if (it == found.end() || !(*it == finding))
        return {};
    return std::move(it->fixes);
}

std::vector<Finding> validateProject(const Project &project, const Catalogue &catalogue)
{
    return validateProject(project, catalogue, FixScope::all());
}

std::vector<Finding> validateProject(const Project &project, const Catalogue &catalogue,
                                     const FixScope &fixes)
{
    std::vector<Finding> all;
    for (const auto &o : project.options) {
        auto found = validateOption(project, o, catalogue, fixes);
        all.insert(all.end(), std::make_move_iterator(found.begin()),
                   std::make_move_iterator(found.end()));
    }
    return all;
}

namespace {
void tally(FindingCounts &c, Severity s)
{
    switch (s) {
    case Severity::Error:
        ++c.errors;
        break;
    case Severity::Warning:
        ++c.warnings;
        break;
    case Severity::Info:
        ++c.infos;
        break;
    }
}
} // namespace

FindingCounts countFindings(const std::vector<Finding> &findings)
{
    FindingCounts c;
    for (const auto &f : findings)
        tally(c, f.severity);
    return c;
}

FindingCounts countFindings(const std::vector<Finding> &findings, const QString &optionId)
{
    FindingCounts c;
    for (const auto &f : findings)
        if (f.option == optionId)
            tally(c, f.severity);
    return c;
}

} // namespace stackplan
