#include "cost/bill.h"

#include "profiles/catalogue.h"
#include "util/format.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace stackplan {

namespace {

QString usageLabel(const QString &usage)
{
    static const std::map<QString, QString> labels = {
        {QStringLiteral("requests"), QStringLiteral("requests")},
        {QStringLiteral("cpu-ms"), QStringLiteral("CPU time (ms)")},
        {QStringLiteral("gb-s"), QStringLiteral("memory (GB-seconds)")},
        {QStringLiteral("gib-s"), QStringLiteral("memory (GiB-seconds)")},
        {QStringLiteral("vcpu-s"), QStringLiteral("CPU (vCPU-seconds)")},
        {QStringLiteral("disk-gb-s"), QStringLiteral("disk (GB-seconds)")},
        {QStringLiteral("instance-hours"), QStringLiteral("instance hours")},
        {QStringLiteral("instance-months"), QStringLiteral("instance months")},
        {QStringLiteral("vcpu-hours"), QStringLiteral("vCPU hours")},
        {QStringLiteral("gb-hours"), QStringLiteral("memory (GB-hours)")},
        {QStringLiteral("vcpu-months"), QStringLiteral("vCPU months")},
        {QStringLiteral("memory-gb-months"), QStringLiteral("memory (GB-months)")},
        {QStringLiteral("cu-hours"), QStringLiteral("compute unit hours")},
        {QStringLiteral("gb-month"), QStringLiteral("storage (GB-month)")},
        {QStringLiteral("egress-gb"), QStringLiteral("egress (GB)")},
        {QStringLiteral("reads"), QStringLiteral("reads")},
        {QStringLiteral("writes"), QStringLiteral("writes")},
        {QStringLiteral("class-a-ops"), QStringLiteral("class A operations (writes)")},
        {QStringLiteral("class-b-ops"), QStringLiteral("class B operations (reads)")},
        {QStringLiteral("operations"), QStringLiteral("operations")},
        {QStringLiteral("commands"), QStringLiteral("commands")},
        {QStringLiteral("queried-vector-dimensions"), QStringLiteral("queried vector dimensions")},
        {QStringLiteral("stored-vector-dimensions"), QStringLiteral("stored vector dimensions")},
        {QStringLiteral("neurons"), QStringLiteral("AI neurons")},
        {QStringLiteral("messages"), QStringLiteral("messages")},
    };
    const auto it = labels.find(usage);
    return it == labels.end() ? usage : it->second;
}

// Cost of `amount` units starting at cumulative billable position `start`, under a meter's price
// or tiers. Tier bounds are cumulative billable quantities.
std::optional<double> meterCost(const Meter &m, double start, double amount)
{
    if (amount <= 0)
        return 0.0;
    if (m.price)
        return amount / m.per * *m.price;
    if (m.tiers.empty())
        return std::nullopt;
    double cost = 0;
    double lower = 0;
    for (const auto &t : m.tiers) {
        const double upper = t.upTo.value_or(std::numeric_limits<double>::infinity());
        const double from = std::max(start, lower);
        const double to = std::min(start + amount, upper);
        if (to > from)
            cost += (to - from) / m.per * t.price;
        lower = upper;
    }
    return cost;
}

} // namespace

QString Bill::totalText() const
{
    if (unknown == 0)
        return formatMoney(total);
    return QStringLiteral("≥ %1 (%2 unknown)").arg(formatMoney(total)).arg(unknown);
}

const ComponentBill *Bill::componentBill(const QString &id) const
{
    for (const auto &c : components)
        if (c.component == id)
            return &c;
    return nullptr;
}

BillModel::BillModel(const Project &project, const Option &option, const Catalogue &catalogue)
    : m_option(option.id)
{
    Q_UNUSED(project);
    std::map<QString, size_t> poolIndex;
    std::set<QString> feeKeys;
    std::set<QString> creditKeys;
    auto addFee = [&](const QString &key) {
        if (!feeKeys.insert(key).second)
            return;
        for (const auto &p : catalogue.profiles())
            for (const auto &plan : p.plans)
                if (plan.fee && plan.fee->key == key) {
                    m_fees.push_back(
                        {key, plan.fee->amount,
                         QStringLiteral("%1 — %2 (account fee, %3)").arg(p.vendor, plan.name, key),
                         plan.fee->fact.source, plan.fee->fact.checked, plan.fee->fact.note});
                    return;
                }
    };

    for (const auto &c : option.components) {
        const ResolvedBinding *rb = c.binding.isBound() ? catalogue.resolved(c.binding) : nullptr;
        if (!rb)
            continue;
        const int index = int(m_components.size());
        ComponentBill cb;
        cb.component = c.id;
        cb.name = c.name;
        cb.binding = c.binding;
        m_components.push_back(cb);
        m_accounts.push_back(rb->profile->account);

        if (rb->plan->fee)
            addFee(rb->plan->fee->key);
        for (const auto &key : rb->plan->requiredFees)
            addFee(key);
        if (rb->plan->credits) {
            const QString key = rb->profile->id + QLatin1Char('/') + rb->plan->id;
            if (creditKeys.insert(key).second)
                m_credits.push_back(
                    {rb->plan->credits->amount, rb->profile->account, rb->plan->credits->appliesTo,
                     QStringLiteral("%1 — %2 credits").arg(rb->profile->name, rb->plan->name),
                     rb->plan->credits->fact.source, rb->plan->credits->fact.checked});
        }

        const Workload &w = c.workload;
        const Traffic &t = c.traffic;
        const Capabilities &caps = rb->capabilities;
        const double requests = t.requestsPerMonth.value_or(0);
        const std::optional<double> durS
            = w.requestMs ? std::optional<double>(*w.requestMs / 1000.0) : std::nullopt;
        auto limitValue = [&](const char *key) -> std::optional<double> {
            const Limit *l = rb->limit(QString::fromLatin1(key));
            return l ? std::optional<double>(l->value) : std::nullopt;
        };
        // A bound instance type bills its provisioned size; otherwise the configured workload
        // figure, else the plan's default.
        auto instanceValue = [&](const char *key) -> std::optional<double> {
            if (!rb->instance)
                return std::nullopt;
            const auto it = rb->instance->limits.find(QString::fromLatin1(key));
            return it == rb->instance->limits.end() ? std::nullopt
                                                    : std::optional<double>(it->second.value);
        };
        std::optional<double> memMb = instanceValue("memory_mb");
        if (!memMb)
            memMb = w.memoryMb ? w.memoryMb : limitValue("memory_mb");
        std::optional<double> vcpu = instanceValue("vcpu");
        if (!vcpu)
            vcpu = w.vcpu ? w.vcpu : limitValue("vcpu");
        const std::optional<double> diskGb = limitValue("disk_gb");
        const QString exec = caps.execution ? caps.execution->value : QString();
        const bool scalesToZero = caps.scaleToZero
                                      ? caps.scaleToZero->value
                                      : (exec == QLatin1String("request-scoped")
                                         || exec == QLatin1String("serverless-container"));
        const bool allMonth = w.minInstances.value_or(0) >= 1 || !scalesToZero;
        const double instances = allMonth ? std::max(w.minInstances.value_or(1), 1) : 0;
        const double hours = w.hoursPerMonth.value_or(kHoursPerMonth);

        if (const Limit *cap = rb->limit(QStringLiteral("daily_requests")); cap && requests > 0)
            m_caps.push_back({index, requests, cap->value,
                              QStringLiteral("%1 exceeds %2 requests a day on %3")
                                  .arg(c.name, formatNumber(cap->value), rb->plan->name)});

        for (size_t mi = 0; mi < rb->meters.size(); ++mi) {
            const Meter &m = rb->meters[mi];
            Use use;
            use.component = index;
            const QString &u = m.usage;
            // Running time: all month for always-on services, else the time spent serving.
            auto running = [&](double perSecondScale, bool &known, double &flow, double &stock) {
                if (allMonth) {
                    stock = instances * hours * 3600 * perSecondScale;
                } else if (requests == 0) {
                    flow = 0;
                } else if (durS) {
                    flow = requests * *durS * perSecondScale;
                } else {
                    known = false;
                }
            };
            const QString basis = !m.basis.isEmpty() ? m.basis
                                                     : (allMonth ? QStringLiteral("instance")
                                                                 : QStringLiteral("request"));
            bool known = true;
            double flow = 0, stock = 0;
            if (u == QLatin1String("requests") || u == QLatin1String("messages")) {
                flow = requests;
            } else if (u == QLatin1String("cpu-ms")) {
                if (requests > 0 && !w.cpuMsPerRequest)
                    known = false;
                else
                    flow = requests * w.cpuMsPerRequest.value_or(0);
            } else if (u == QLatin1String("gb-s") || u == QLatin1String("gib-s")
                       || u == QLatin1String("vcpu-s") || u == QLatin1String("disk-gb-s")) {
                std::optional<double> size;
                if (u == QLatin1String("vcpu-s"))
                    size = vcpu;
                else if (u == QLatin1String("disk-gb-s"))
                    size = diskGb;
                else
                    size = m.memoryMb
                               ? std::optional<double>(*m.memoryMb / m.mbPerGb)
                               : (memMb ? std::optional<double>(*memMb / m.mbPerGb) : std::nullopt);
                if (!size) {
                    known = requests == 0 && !allMonth;
                } else if (basis == QLatin1String("request") && u != QLatin1String("disk-gb-s")) {
                    if (requests > 0 && !durS)
                        known = false;
                    else
                        flow = requests * durS.value_or(0) * *size;
                } else {
                    running(*size, known, flow, stock);
                }
            } else if (u == QLatin1String("instance-hours") || u == QLatin1String("vcpu-hours")
                       || u == QLatin1String("gb-hours") || u == QLatin1String("cu-hours")
                       || u == QLatin1String("instance-months") || u == QLatin1String("vcpu-months")
                       || u == QLatin1String("memory-gb-months")) {
                std::optional<double> scale = 1.0;
                if (u == QLatin1String("vcpu-hours") || u == QLatin1String("vcpu-months"))
                    scale = vcpu;
                else if (u == QLatin1String("gb-hours") || u == QLatin1String("memory-gb-months"))
                    scale = memMb ? std::optional<double>(*memMb / m.mbPerGb) : std::nullopt;
                else if (u == QLatin1String("cu-hours"))
                    scale = memMb ? std::optional<double>(*memMb / m.mbPerGb / 4.0) : std::nullopt;
                const bool months = u.endsWith(QLatin1String("months"));
                if (!scale) {
                    known = false;
                } else {
                    running(*scale / 3600.0 / (months ? kHoursPerMonth : 1.0), known, flow, stock);
                }
            } else if (u == QLatin1String("gb-month")) {
                stock = t.storageGb.value_or(0);
            } else if (u == QLatin1String("egress-gb")) {
                flow = t.egressGb.value_or(0);
            } else if (u == QLatin1String("reads") || u == QLatin1String("class-b-ops")) {
                flow = t.readsPerMonth.value_or(0);
            } else if (u == QLatin1String("writes") || u == QLatin1String("class-a-ops")) {
                flow = t.writesPerMonth.value_or(0);
            } else if (u == QLatin1String("operations") || u == QLatin1String("commands")) {
                // Vector queries are operations too (a vector index's reads).
                flow = t.readsPerMonth.value_or(0) + t.writesPerMonth.value_or(0)
                       + t.vectorQueriesPerMonth.value_or(0);
            } else if (u == QLatin1String("queried-vector-dimensions")) {
                const double q = t.vectorQueriesPerMonth.value_or(0);
                if (q > 0 && !t.vectorDimensions)
                    known = false;
                else
                    flow = q * t.vectorDimensions.value_or(0);
            } else if (u == QLatin1String("stored-vector-dimensions")) {
                const double v = t.vectorsStored.value_or(0);
                if (v > 0 && !t.vectorDimensions)
                    known = false;
                else
                    stock = v * t.vectorDimensions.value_or(0);
            } else if (u == QLatin1String("neurons")) {
                flow = t.neuronsPerMonth.value_or(0);
            }
            use.flow = flow;
            use.stock = stock;
            use.quantityKnown = known;
            use.description = usageLabel(u);

            const bool instanceMeter = mi >= rb->plan->meters.size();
            const QString key
                = QStringLiteral("%1/%2/%3/%4/%5")
                      .arg(rb->profile->id, rb->plan->id,
                           instanceMeter && rb->instance ? rb->instance->id : QString(), u,
                           m.basis);
            auto it = poolIndex.find(key);
            if (it == poolIndex.end()) {
                Pool pool;
                pool.meter = &m;
                pool.profileName = rb->profile->name;
                pool.included = m.included * (m.includedPerDay ? kDaysPerMonth : 1.0);
                it = poolIndex.emplace(key, m_pools.size()).first;
                m_pools.push_back(pool);
            }
            m_pools[it->second].uses.push_back(use);
        }
    }
    for (auto &pool : m_pools)
        for (int ci = 0; ci < int(m_credits.size()); ++ci)
            if (m_credits[size_t(ci)].usages.contains(pool.meter->usage))
                pool.credits.push_back(ci);
}

double BillModel::poolCost(const Pool &pool, double multiplier, std::vector<BillLine> *lines,
                           int *unknown, std::vector<double> *creditable) const
{
    double usedIncluded = 0;
    double billedSoFar = 0;
    double known = 0;
    const Meter &m = *pool.meter;
    for (const auto &use : pool.uses) {
        BillLine line;
        if (lines) {
            line.component = m_components[use.component].component;
            line.usage = m.usage;
            line.description = use.description;
            line.unitPrice = m.price;
            if (!m.price && !m.tiers.empty())
                line.unitPrice = m.tiers.front().price;
            line.per = m.per;
            line.source = m.fact.source;
            line.checked = m.fact.checked;
            line.note = m.fact.note;
        }
        if (!use.quantityKnown) {
            ++*unknown;
            if (lines) {
                if (line.note.isEmpty())
                    line.note = QStringLiteral(
                        "quantity unknown: the workload lacks the data to derive it");
                lines->push_back(line);
            }
            continue;
        }
        const double quantity = use.flow * multiplier + use.stock;
        const double included = std::clamp(pool.included - usedIncluded, 0.0, quantity);
        usedIncluded += included;
        const double billable = quantity - included;
        const std::optional<double> cost = meterCost(m, billedSoFar, billable);
        billedSoFar += billable;
        if (cost) {
            known += *cost;
            if (creditable)
                for (const int ci : pool.credits)
                    if (m_accounts[size_t(use.component)] == m_credits[size_t(ci)].account)
                        (*creditable)[size_t(ci)] += *cost;
        } else {
            ++*unknown;
        }
        if (lines) {
            line.quantity = quantity;
            line.included = included;
            line.billable = billable;
            line.amount = cost;
            lines->push_back(line);
        }
    }
    return known;
}

Bill BillModel::evaluate(double multiplier) const
{
    Bill bill;
    bill.option = m_option;
    bill.multiplier = multiplier;
    bill.components = m_components;
    std::vector<BillLine> lines;
    std::vector<double> creditable(m_credits.size(), 0.0);
    for (const auto &pool : m_pools)
        poolCost(pool, multiplier, &lines, &bill.unknown, &creditable);
    std::map<QString, size_t> index;
    for (size_t i = 0; i < bill.components.size(); ++i)
        index[bill.components[i].component] = i;
    for (auto &line : lines) {
        ComponentBill &cb = bill.components[index[line.component]];
        if (line.amount)
            cb.known += *line.amount;
        else
            ++cb.unknown;
        cb.lines.push_back(std::move(line));
    }
    for (const auto &fee : m_fees) {
        BillLine l;
        l.usage = QStringLiteral("fee");
        l.feeKey = fee.key;
        l.description = fee.label;
        l.quantity = 1;
        l.billable = 1;
        l.unitPrice = fee.amount;
        l.amount = fee.amount;
        l.source = fee.source;
        l.checked = fee.checked;
        l.note = fee.note;
        bill.accountLines.push_back(l);
    }
    for (size_t ci = 0; ci < m_credits.size(); ++ci) {
        const Credit &credit = m_credits[ci];
        BillLine l;
        l.usage = QStringLiteral("credit");
        l.description = credit.label;
        l.quantity = 1;
        l.unitPrice = -credit.amount;
        l.amount = -std::min(credit.amount, creditable[ci]);
        l.source = credit.source;
        l.checked = credit.checked;
        l.note = QStringLiteral("up to %1 a month against %2")
                     .arg(formatMoney(credit.amount), credit.usages.join(QStringLiteral(", ")));
        bill.accountLines.push_back(l);
    }
    double total = 0;
    for (const auto &cb : bill.components)
        total += cb.known;
    for (const auto &l : bill.accountLines)
        total += l.amount.value_or(0);
    bill.total = total;
    return bill;
}

double BillModel::total(double multiplier, int *unknown) const
{
    int u = 0;
    double total = 0;
    std::vector<double> creditable(m_credits.size(), 0.0);
    for (const auto &pool : m_pools)
        total += poolCost(pool, multiplier, nullptr, &u, &creditable);
    for (const auto &fee : m_fees)
        total += fee.amount;
    for (size_t ci = 0; ci < m_credits.size(); ++ci)
        total -= std::min(m_credits[ci].amount, creditable[ci]);
    if (unknown)
        *unknown = u;
    return total;
}

std::vector<BillModel::AllowanceEdge> BillModel::allowanceEdges() const
{
    std::vector<AllowanceEdge> edges;
    for (const auto &pool : m_pools) {
        if (pool.included <= 0 || pool.uses.empty())
            continue;
        double flow = 0, stock = 0;
        for (const auto &use : pool.uses)
            if (use.quantityKnown) {
                flow += use.flow;
                stock += use.stock;
            }
        if (flow <= 0 || stock >= pool.included)
            continue;
        const double m = (pool.included - stock) / flow;
        edges.push_back({m, m_components[pool.uses.front().component].component,
                         QStringLiteral("%1: free %2 used up (%3 included)")
                             .arg(pool.profileName, usageLabel(pool.meter->usage),
                                  formatNumber(pool.included))});
    }
    return edges;
}

std::vector<BillModel::AllowanceEdge> BillModel::planEdges() const
{
    std::vector<AllowanceEdge> edges;
    for (const auto &cap : m_caps)
        edges.push_back({cap.daily * kDaysPerMonth / cap.requestsPerMultiplier,
                         m_components[cap.component].component,
                         cap.label + QStringLiteral(": a paid plan is needed")});
    return edges;
}

Bill computeBill(const Project &project, const Option &option, const Catalogue &catalogue,
                 double multiplier)
{
    return BillModel(project, option, catalogue).evaluate(multiplier);
}

std::optional<double> trafficMultiplier(const Assumptions &a, const QString &level)
{
    if (level == QLatin1String("low"))
        return a.trafficLow;
    if (level == QLatin1String("typical"))
        return a.trafficTypical;
    if (level == QLatin1String("high"))
        return a.trafficHigh;
    bool ok = false;
    QString text = level;
    if (text.endsWith(QLatin1Char('x')))
        text.chop(1);
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v <= 0)
        return std::nullopt;
    return v;
}

CostEstimate estimateComponentCost(const Project &project, const Option &option,
                                   const Component &component, const Catalogue &catalogue)
{
    // Fees already paid by the rest of the option are not this binding's cost.
    std::set<QString> paid;
    for (const auto &c : option.components) {
        if (c.id == component.id)
            continue;
        if (const ResolvedBinding *rb
            = c.binding.isBound() ? catalogue.resolved(c.binding) : nullptr) {
            if (rb->plan->fee)
                paid.insert(rb->plan->fee->key);
            for (const auto &k : rb->plan->requiredFees)
                paid.insert(k);
        }
    }
    return estimateComponentCost(project, component, catalogue, paid);
}

CostEstimate estimateComponentCost(const Project &project, const Component &component,
                                   const Catalogue &catalogue, const std::set<QString> &feesPaid)
{
    Option alone;
    alone.id = QStringLiteral("estimate");
    alone.components.push_back(component);
    const Bill b = computeBill(project, alone, catalogue, project.assumptions.trafficTypical);
    CostEstimate e;
    e.unknown = b.unknown;
    for (const auto &cb : b.components)
        e.known += cb.known;
    for (const auto &l : b.accountLines) {
        if (l.usage == QLatin1String("fee") && feesPaid.count(l.feeKey))
            continue;
        e.known += l.amount.value_or(0);
    }
    return e;
}

} // namespace stackplan
