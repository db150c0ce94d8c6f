#include "compare/comparison.h"

#include "cost/bill.h"
#include "profiles/catalogue.h"
#include "rules/slo.h"
#include "rules/validate.h"

#include <algorithm>
#include <set>

namespace stackplan {

const OptionComparison *Comparison::option(const QString &id) const
{
    for (const auto &o : options)
        if (o.option == id)
            return &o;
    return nullptr;
}

QString Comparison::cheapestPassing() const
{
    const OptionComparison *best = nullptr;
    for (const auto &o : options)
        if (o.errors == 0 && o.unbound.isEmpty()
            && (!best || o.cost.total < best->cost.total - 1e-9))
            best = &o;
    return best ? best->option : QString();
}

namespace {

OptionComparison::Cost costAt(const BillModel &model, const QString &optionId, double multiplier)
{
    Bill summary; // totals only: the text of a bill without building its lines
    summary.option = optionId;
    summary.multiplier = multiplier;
    summary.total = model.total(multiplier, &summary.unknown, &summary.overCap);
    OptionComparison::Cost c;
    c.multiplier = multiplier;
    c.total = summary.total;
    c.unknown = summary.unknown;
    c.overCap = summary.overCap;
    c.text = summary.totalText();
    return c;
}

const ResolvedBinding *bindingOf(const Catalogue &catalogue, const Component &c)
{
    return c.binding.isBound() ? catalogue.resolved(c.binding) : nullptr;
}

OptionComparison::Availability availabilityOf(const Project &project, const Option &option,
                                              const Catalogue &catalogue)
{
    OptionComparison::Availability a;
    a.targetPct = project.assumptions.slo.availabilityPct;
    const auto paths = requestPaths(option);
    a.paths = int(paths.size());
    std::set<QString> withoutSla;
    bool below = false;
    for (const auto &path : paths) {
        double product = 1;
        int known = 0, unknown = 0;
        for (const auto &id : path) {
            const Component *c = option.component(id);
            if (!c || !countsForAvailability(*c))
                continue;
            const ResolvedBinding *rb = bindingOf(catalogue, *c);
            if (!rb || !rb->capabilities.sla) {
                ++unknown;
                withoutSla.insert(id);
                continue;
            }
            product *= rb->capabilities.sla->value / 100.0;
            ++known;
        }
        if (unknown)
            ++a.uncheckablePaths;
        if (!known)
            continue;
        const double pct = product * 100;
        if (a.targetPct && pct < *a.targetPct - 1e-9)
            below = true;
        if (!a.worstPct || pct < *a.worstPct - 1e-12) {
            a.worstPct = pct;
            a.worstPath = QStringList(path.begin(), path.end());
        }
    }
    for (const auto &c : option.components)
        if (withoutSla.count(c.id))
            a.withoutSla << c.id;
    if (a.targetPct) {
        if (below)
            a.meetsTarget = false;
        else if (a.uncheckablePaths == 0 && a.worstPct)
            a.meetsTarget = true;
    }
    return a;
}

OptionComparison::ColdStart coldStartOf(const Project &project, const Option &option,
                                        const Catalogue &catalogue)
{
    OptionComparison::ColdStart cs;
    cs.targetMs = project.assumptions.slo.p95Ms;
    for (const auto &c : option.components) {
        const ResolvedBinding *rb = bindingOf(catalogue, c);
        if (!rb)
            continue;
        const auto cold = coldStartMs(c.workload, rb->capabilities);
        const auto wake = wakeMs(rb->capabilities);
        const bool sleeps = wake && (!cold || *wake > *cold);
        const auto delay = sleeps ? wake : cold;
        if (delay && (!cs.worstMs || *delay > *cs.worstMs)) {
            cs.worstMs = delay;
            cs.component = c.id;
            cs.sleeps = sleeps;
        }
    }
    if (cs.targetMs)
        cs.meetsTarget = !cs.worstMs || *cs.worstMs <= *cs.targetMs;
    return cs;
}

void structure(OptionComparison &o, const Option &option, const Catalogue &catalogue)
{
    std::set<QString> platforms, accounts;
    for (const auto &c : option.components) {
        if (!c.binding.isBound()) {
            if (c.role != Role::Client && c.role != Role::ExternalApi)
                o.unbound << c.id;
            continue;
        }
        platforms.insert(c.binding.profile);
        if (const Profile *p = catalogue.profile(c.binding.profile); p && !p->account.isEmpty())
            accounts.insert(p->account);
    }
    o.platforms = QStringList(platforms.begin(), platforms.end());
    o.accounts = QStringList(accounts.begin(), accounts.end());
}

void diff(OptionComparison &o, const Option &option, const Option &base)
{
    for (const auto &c : option.components) {
        const Component *b = base.component(c.id);
        if (!b)
            o.added << c.id;
        else if (!(b->binding == c.binding))
            o.rebound << c.id;
    }
    for (const auto &b : base.components)
        if (!option.component(b.id))
            o.removed << b.id;
}

} // namespace

Comparison compareOptions(const Project &project, const Catalogue &catalogue,
                          const CompareSettings &settings)
{
    return compareOptions(project, catalogue, validateProject(project, catalogue),
                          computeSweep(project, optionIds(project), catalogue), settings);
}

Comparison compareOptions(const Project &project, const Catalogue &catalogue,
                          const std::vector<Finding> &findings, const Sweep &sweep,
                          const CompareSettings &settings)
{
    Comparison out;
    const Assumptions &a = project.assumptions;
    out.project = project.name;
    out.levels = {a.trafficLow, a.trafficTypical, a.trafficHigh};
    out.budget = a.monthlyBudget;
    out.availabilityTargetPct = a.slo.availabilityPct;
    out.p95TargetMs = a.slo.p95Ms;
    // An invalid traffic counts as typical; the CLI refuses it before.
    const auto chosen = trafficMultiplier(a, settings.traffic);
    out.traffic = chosen ? settings.traffic : QStringLiteral("typical");
    out.multiplier = chosen ? *chosen : a.trafficTypical;
    if (!settings.baseline.isEmpty() && project.option(settings.baseline))
        out.baseline = settings.baseline;
    else if (project.option(project.baseline))
        out.baseline = project.baseline;
    else if (!project.options.empty())
        out.baseline = project.options.front().id;

    for (const Option &option : project.options) {
        OptionComparison o;
        o.option = option.id;
        o.name = option.name;
        o.baseline = option.id == out.baseline;
        const BillModel model(project, option, catalogue);
        for (size_t i = 0; i < 3; ++i)
            o.costs[i] = costAt(model, option.id, out.levels[i]);
        o.cost = costAt(model, option.id, out.multiplier);

        std::set<QString> errorRules;
        for (const auto &f : findings) {
            if (f.option != option.id)
                continue;
            switch (f.severity) {
            case Severity::Error:
                ++o.errors;
                errorRules.insert(f.rule);
                break;
            case Severity::Warning:
                ++o.warnings;
                break;
            case Severity::Info:
                ++o.infos;
                break;
            }
        }
        o.errorRules = QStringList(errorRules.begin(), errorRules.end());
        o.availability = availabilityOf(project, option, catalogue);
        o.coldStart = coldStartOf(project, option, catalogue);
        o.budget = a.monthlyBudget;
        if (a.monthlyBudget)
            o.headroom = *a.monthlyBudget - o.cost.total;
        structure(o, option, catalogue);
        out.options.push_back(std::move(o));
    }

    for (const auto &c : sweep.crossovers) {
        const bool below = project.option(c.cheaperBelow) != nullptr;
        const bool above = project.option(c.cheaperAbove) != nullptr;
        if (!below || !above)
            continue;
        out.crossovers.push_back(c);
        for (auto &o : out.options) {
            if (o.option == c.cheaperBelow)
                o.crossovers.push_back({c.cheaperAbove, c.multiplier, c.total, false});
            else if (o.option == c.cheaperAbove)
                o.crossovers.push_back({c.cheaperBelow, c.multiplier, c.total, true});
        }
    }

    const OptionComparison *base = out.option(out.baseline);
    const Option *baseOption = project.option(out.baseline);
    if (base && baseOption) {
        const OptionComparison b = *base;
        for (size_t i = 0; i < out.options.size(); ++i) {
            OptionComparison &o = out.options[i];
            if (o.baseline)
                continue;
            o.delta.cost = o.cost.total - b.cost.total;
            if (b.cost.total > 1e-9)
                o.delta.costPct = o.delta.cost / b.cost.total * 100;
            o.delta.errors = o.errors - b.errors;
            o.delta.warnings = o.warnings - b.warnings;
            o.delta.infos = o.infos - b.infos;
            diff(o, project.options[i], *baseOption);
        }
    }
    return out;
}

} // namespace stackplan
