#include "report/factsused.h"

#include "profiles/catalogue.h"
#include "profiles/profilejson.h"
#include "util/format.h"

#include <QSet>

#include <algorithm>
#include <map>
#include <tuple>

namespace stackplan {

namespace {

QString rolesText(const std::vector<Role> &roles)
{
    QStringList ids;
    for (const Role role : roles)
        ids << roleId(role);
    return QStringLiteral("offered for %1").arg(ids.join(QStringLiteral(", ")));
}

using Key = std::tuple<QString, QString, QString, QString, QString>; // name, id, scope, kind, key

class Collector
{
public:
    explicit Collector(const Catalogue &catalogue) : m_catalogue(catalogue) {}

    void addOption(const Option &option)
    {
        for (const auto &c : option.components)
            addComponent(c);
    }

    std::vector<UsedFact> take()
    {
        std::vector<UsedFact> out;
        out.reserve(m_facts.size());
        for (auto &[key, f] : m_facts)
            out.push_back(std::move(f));
        return out;
    }

private:
    void add(const Profile &p, const QString &scope, const QString &kind, const QString &key,
             const QString &value, const Fact &fact, const QString &component)
    {
        if (fact.source.isEmpty())
            return;
        auto [it, inserted] = m_facts.try_emplace(Key{p.name, p.id, scope, kind, key});
        UsedFact &f = it->second;
        if (inserted)
            f = UsedFact{p.id, p.name, scope, kind, key, value, fact, {}};
        if (!f.components.contains(component))
            f.components << component;
    }

    void addComponent(const Component &c)
    {
        if (!c.binding.isBound())
            return;
        const ResolvedBinding *r = m_catalogue.resolved(c.binding);
        if (!r || !r->isValid())
            return;
        const Profile &p = *r->profile;
        const Plan &plan = *r->plan;
        const Instance *inst = r->instance;
        const QString planScope = QStringLiteral("plan %1").arg(plan.name);
        const QString instanceScope
            = inst ? QStringLiteral("instance %1 (plan %2)").arg(inst->name, plan.name) : QString();
        // Only the facts in effect: a plan's value replaces the profile's, an instance type's
        // the plan's; each is attributed to the level that states it.
        QSet<QString> planCapabilities;
        for (const auto &row : capabilityRows(plan.capabilities))
            planCapabilities.insert(row.key);
        for (const auto &row : capabilityRows(r->capabilities))
            add(p, planCapabilities.contains(row.key) ? planScope : QString(),
                QStringLiteral("capability"), row.key, row.value, row.fact, c.name);
        for (const auto &[key, l] : r->limits) {
            const QString scope = inst && inst->limits.count(key) ? instanceScope
                                  : plan.limits.count(key)        ? planScope
                                                                  : QString();
            add(p, scope, QStringLiteral("limit"), key, describeLimit(key, l), l.fact, c.name);
        }
        for (const auto &m : r->meters) {
            const bool ofInstance
                = inst && std::any_of(inst->meters.begin(), inst->meters.end(), [&m](const Meter &im) {
                      return im.usage == m.usage && im.fact == m.fact;
                  });
            add(p, ofInstance ? instanceScope : planScope, QStringLiteral("price"), m.usage,
                describeMeter(m), m.fact, c.name);
        }
        if (plan.monthHours)
            add(p, planScope, QStringLiteral("billing month"), QStringLiteral("month_hours"),
                QStringLiteral("%1 hours").arg(formatNumber(plan.monthHours->value)),
                plan.monthHours->fact, c.name);
        else if (p.monthHours)
            add(p, QString(), QStringLiteral("billing month"), QStringLiteral("month_hours"),
                QStringLiteral("%1 hours").arg(formatNumber(p.monthHours->value)),
                p.monthHours->fact, c.name);
        if (plan.fee)
            add(p, planScope, QStringLiteral("fee"), plan.fee->key,
                QStringLiteral("%1 per month per account").arg(formatMoney(plan.fee->amount)),
                plan.fee->fact, c.name);
        for (const auto &key : plan.requiredFees)
            if (const Fee *fee = m_catalogue.fee(key))
                add(p, planScope, QStringLiteral("fee"), key,
                    QStringLiteral("%1 per month per account").arg(formatMoney(fee->amount)),
                    fee->fact, c.name);
        if (plan.credits)
            add(p, planScope, QStringLiteral("credit"),
                plan.credits->appliesTo.join(QStringLiteral(", ")),
                QStringLiteral("%1 per month against %2")
                    .arg(formatMoney(plan.credits->amount),
                         plan.credits->appliesTo.join(QStringLiteral(", "))),
                plan.credits->fact, c.name);
        if (const auto *roles = r->roleRestriction())
            add(p, inst && inst->roles ? instanceScope : planScope, QStringLiteral("limit"),
                QStringLiteral("roles"), rolesText(roles->value), roles->fact, c.name);
    }

    const Catalogue &m_catalogue;
    std::map<Key, UsedFact> m_facts;
};

} // namespace

std::vector<UsedFact> factsUsed(const Option &option, const Catalogue &catalogue)
{
    Collector collector(catalogue);
    collector.addOption(option);
    return collector.take();
}

std::vector<UsedFact> factsUsed(const Project &project, const QStringList &optionIds,
                                const Catalogue &catalogue)
{
    Collector collector(catalogue);
    for (const auto &id : optionIds)
        if (const Option *o = project.option(id))
            collector.addOption(*o);
    return collector.take();
}

} // namespace stackplan
