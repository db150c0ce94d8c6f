#include "cost/bill.h"

#include "profiles/catalogue.h"
#include "util/format.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <set>

namespace stackplan {

namespace {
double roundUpTo(double quantity, double unit);
} // namespace

QString missingFieldLabel(const QString &field)
{
    static const std::map<QString, QString> labels = {
        {QStringLiteral("request"), QStringLiteral("Request duration (Workload)")},
        {QStringLiteral("cpu"), QStringLiteral("CPU per request (Workload)")},
        {QStringLiteral("memory"), QStringLiteral("Memory (Workload)")},
        {QStringLiteral("vcpu"), QStringLiteral("vCPU (Workload)")},
        {QStringLiteral("artifact"), QStringLiteral("Artifact size (Workload)")},
        {QStringLiteral("vector-dimensions"), QStringLiteral("Vector dimensions (Traffic)")},
    };
    const auto it = labels.find(field);
    return it == labels.end() ? field : it->second;
}

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
        {QStringLiteral("stopped-gb-months"), QStringLiteral("stopped machines' disk (GB-months)")},
    };
    const auto it = labels.find(usage);
    return it == labels.end() ? usage : it->second;
}

namespace {

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
    if (unknown == 0 && overCap == 0)
        return formatMoney(total);
    QStringList why;
    if (unknown)
        why << QStringLiteral("%1 unknown").arg(unknown);
    if (overCap)
        why << QStringLiteral("%1 over a plan's cap").arg(overCap);
    return QStringLiteral("≥ %1 (%2)").arg(formatMoney(total), why.join(QStringLiteral(", ")));
}

namespace {

// Rounds up to a multiple of `unit`, ignoring floating-point noise just above a multiple.
double roundUpTo(double quantity, double unit)
{
    if (quantity <= 0)
        return quantity;
    return std::ceil(quantity / unit - 1e-9) * unit;
}

} // namespace

const ComponentBill *Bill::componentBill(const QString &id) const
{
    for (const auto &c : components)
        if (c.component == id)
            return &c;
    return nullptr;
}

std::shared_ptr<const BillModel::Compiled> BillModel::compile(const Component &c,
                                                             const Catalogue &catalogue)
{
    {
        const ResolvedBinding *rb = c.binding.isBound() ? catalogue.resolved(c.binding) : nullptr;
        if (!rb)
            return nullptr;
        auto out = std::make_shared<Compiled>();
        Compiled &k = *out;
        ComponentBill &cb = k.header;
        cb.component = c.id;
        cb.name = c.name;
        cb.binding = c.binding;
        k.account = rb->profile->account;

        if (rb->plan->fee)
            k.fees.push_back(rb->plan->fee->key);
        for (const auto &key : rb->plan->requiredFees)
            k.fees.push_back(key);
        if (rb->plan->credits) {
            k.creditKey = rb->profile->id + QLatin1Char('/') + rb->plan->id;
            k.credit = Credit
                    {rb->plan->credits->amount, rb->profile->account, rb->plan->credits->appliesTo,
                     QStringLiteral("%1 — %2 credits").arg(rb->profile->name, rb->plan->name),
                     rb->plan->credits->fact.source, rb->plan->credits->fact.checked};
        }

        const Workload &w = c.workload;
        const Traffic &t = c.traffic;
        const Capabilities &caps = rb->capabilities;
        const double requests = t.requestsPerMonth.value_or(0);
        const double monthHours = rb->monthHours();
        const bool monthStated = rb->plan->monthHours || rb->profile->monthHours;
        const double daysPerMonth = monthStated ? monthHours / 24.0 : kDaysPerMonth;
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
        // A plan's figure stands in for an unstated size, except a bare ceiling (`ceiling =
        // true`, an autoscaling maximum), which is not what anyone runs all month: billing it
        // priced a new database at $1,238. Then the size is unknown until stated.
        auto defaultValue = [&](const char *key) -> std::optional<double> {
            const Limit *l = rb->limit(QString::fromLatin1(key));
            return l && !l->ceiling ? std::optional<double>(l->value) : std::nullopt;
        };
        std::optional<double> memMb = instanceValue("memory_mb");
        if (!memMb)
            memMb = w.memoryMb ? w.memoryMb : defaultValue("memory_mb");
        std::optional<double> vcpu = instanceValue("vcpu");
        if (!vcpu)
            vcpu = w.vcpu ? w.vcpu : defaultValue("vcpu");
        const std::optional<double> diskGb = limitValue("disk_gb");
        const QString exec = caps.execution ? caps.execution->value : QString();
        const bool scalesToZero = caps.scaleToZero
                                      ? caps.scaleToZero->value
                                      : (exec == QLatin1String("request-scoped")
                                         || exec == QLatin1String("serverless-container"));
        const bool allMonth = w.minInstances.value_or(0) >= 1 || !scalesToZero;
        const double instances = allMonth ? std::max(w.minInstances.value_or(1), 1) : 0;
        const double hours = w.hoursPerMonth.value_or(monthHours);
        // Machines that exist, running or stopped: the most the component scales to.
        const double machines = std::max(
            {double(w.minInstances.value_or(1)), double(w.maxInstances.value_or(1)), 1.0});

        const bool requestsCapped
            = std::any_of(rb->meters.begin(), rb->meters.end(), [](const Meter &m) {
                  return m.cap != MeterCap::None && m.usage == QLatin1String("requests");
              });
        if (const Limit *cap = rb->limit(QStringLiteral("daily_requests"));
            cap && requests > 0 && !requestsCapped)
            k.cap = Cap({0, requests, cap->value * daysPerMonth, c.name, cap->value,
                         rb->plan->name});

        for (size_t mi = 0; mi < rb->meters.size(); ++mi) {
            const Meter &m = rb->meters[mi];
            if (m.basis == QLatin1String("idle") && !allMonth)
                continue; // no minimum instances: nothing idles
            Use use;
            use.component = 0; // its place in the option, set when the model is assembled
            use.busiestDay = t.busiestDayFactor.value_or(1);
            const QString &u = m.usage;
            // A request's billed duration, rounded up to the vendor's unit.
            std::optional<double> durS;
            if (w.requestMs)
                durS
                    = (m.durationUnitMs ? roundUpTo(*w.requestMs, *m.durationUnitMs) : *w.requestMs)
                      / 1000.0;
            // Operations billed per started unit of message size.
            const double sizeUnits
                = m.sizeUnitKb && t.messageKb
                      ? std::max(1.0, roundUpTo(*t.messageKb, *m.sizeUnitKb) / *m.sizeUnitKb)
                      : 1.0;
            // Writes copied to each read replica count again where the vendor says so.
            const double writes = t.writesPerMonth.value_or(0)
                                  * (m.replicatedWrites ? 1.0 + t.readReplicas.value_or(0) : 1.0);
            // Running time: all month for always-on services, else the time spent serving.
            QString missing;
            auto running = [&](double perSecondScale, bool &known, double &flow, double &stock) {
                if (allMonth) {
                    stock = instances * hours * 3600 * perSecondScale;
                } else if (requests == 0) {
                    flow = 0;
                } else if (durS) {
                    flow = requests * *durS * perSecondScale;
                } else {
                    known = false;
                    missing = QStringLiteral("request");
                }
            };
            const QString basis = !m.basis.isEmpty() ? m.basis
                                                     : (allMonth ? QStringLiteral("instance")
                                                                 : QStringLiteral("request"));
            bool known = true;
            double flow = 0, stock = 0;
            if (u == QLatin1String("requests") || u == QLatin1String("messages")) {
                flow = requests;
                if (m.websocketMessagesPerUnit)
                    flow += t.websocketMessagesPerMonth.value_or(0) / *m.websocketMessagesPerUnit;
                flow *= sizeUnits;
            } else if (u == QLatin1String("cpu-ms")) {
                if (requests > 0 && !w.cpuMsPerRequest) {
                    known = false;
                    missing = QStringLiteral("cpu");
                } else {
                    flow = requests * w.cpuMsPerRequest.value_or(0);
                }
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
                    missing = u == QLatin1String("vcpu-s") ? QStringLiteral("vcpu")
                              : u == QLatin1String("disk-gb-s") ? QString()
                                                                : QStringLiteral("memory");
                } else if (basis == QLatin1String("idle")) {
                    // Minimum instances kept warm: their time not spent serving requests.
                    if (allMonth) {
                        stock = instances * hours * 3600 * *size;
                        if (requests > 0 && durS) {
                            flow = -requests * *durS * *size;
                        } else if (requests > 0) {
                            known = false;
                            missing = QStringLiteral("request");
                        }
                    }
                } else if (basis == QLatin1String("request") && u != QLatin1String("disk-gb-s")) {
                    if (requests > 0 && !durS) {
                        known = false;
                        missing = QStringLiteral("request");
                    } else {
                        flow = requests * durS.value_or(0) * *size;
                    }
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
                    missing = u.startsWith(QLatin1String("vcpu")) ? QStringLiteral("vcpu")
                                                                  : QStringLiteral("memory");
                } else {
                    running(*scale / 3600.0 / (months ? monthHours : 1.0), known, flow, stock);
                }
            } else if (u == QLatin1String("stopped-gb-months")) {
                // The root filesystem (the image) of every machine, for the time it is stopped.
                if (!w.artifactMb) {
                    known = false;
                    missing = QStringLiteral("artifact");
                } else {
                    const double gb = *w.artifactMb / m.mbPerGb;
                    stock = machines * gb;
                    if (allMonth)
                        stock -= instances * hours / monthHours * gb;
                    else if (requests > 0 && durS)
                        flow = -requests * *durS / (monthHours * 3600.0) * gb;
                    else if (requests > 0) {
                        known = false;
                        missing = QStringLiteral("request");
                    }
                }
            } else if (u == QLatin1String("gb-month")) {
                stock = t.storageGb.value_or(0);
            } else if (u == QLatin1String("egress-gb")) {
                flow = t.egressGb.value_or(0);
            } else if (u == QLatin1String("reads") || u == QLatin1String("class-b-ops")) {
                flow = t.readsPerMonth.value_or(0) * sizeUnits;
            } else if (u == QLatin1String("writes") || u == QLatin1String("class-a-ops")) {
                flow = writes * sizeUnits;
            } else if (u == QLatin1String("operations") || u == QLatin1String("commands")) {
                // Vector queries are operations too (a vector index's reads).
                flow = (t.readsPerMonth.value_or(0) + writes + t.vectorQueriesPerMonth.value_or(0))
                       * sizeUnits;
            } else if (u == QLatin1String("queried-vector-dimensions")) {
                const double q = t.vectorQueriesPerMonth.value_or(0);
                const double stored = m.countStoredVectors ? t.vectorsStored.value_or(0) : 0;
                if ((q > 0 || stored > 0) && !t.vectorDimensions) {
                    known = false;
                    missing = QStringLiteral("vector-dimensions");
                } else {
                    flow = q * t.vectorDimensions.value_or(0);
                    // Where the vendor counts them, every query also counts the stored vectors;
                    // with no queries there is nothing queried.
                    if (q > 0)
                        stock = stored * t.vectorDimensions.value_or(0);
                }
            } else if (u == QLatin1String("stored-vector-dimensions")) {
                const double v = t.vectorsStored.value_or(0);
                if (v > 0 && !t.vectorDimensions) {
                    known = false;
                    missing = QStringLiteral("vector-dimensions");
                } else {
                    stock = v * t.vectorDimensions.value_or(0);
                }
            } else if (u == QLatin1String("neurons")) {
                flow = t.neuronsPerMonth.value_or(0);
            }
            use.flow = flow;
            use.stock = stock;
            use.quantityKnown = known;
            use.missing = known ? QString() : missing;
            use.description = m.basis == QLatin1String("idle")
                                  ? QStringLiteral("idle minimum instances: ") + usageLabel(u)
                                  : usageLabel(u);

            const bool instanceMeter = mi >= rb->plan->meters.size();
            // Allowances granted per component (project) or per instance are not shared.
            Compiled::Part part;
            part.key = PoolKey{rb->profile, rb->plan,
                               instanceMeter && rb->instance ? rb->instance : nullptr, u, m.basis,
                               m.includedPer == AllowanceScope::Account ? -1 : 0};
            part.pool.meter = &m;
            part.pool.profileName = rb->profile->name;
            part.pool.planName = rb->plan->name;
            part.pool.daysPerMonth = daysPerMonth;
            part.pool.included = m.included * (m.includedPerDay ? daysPerMonth : 1.0)
                                 * (m.includedPer == AllowanceScope::Instance ? machines : 1.0);
            part.use = use;
            k.parts.push_back(std::move(part));
        }
        return out;
    }
}

std::shared_ptr<const BillModel::Compiled> BillModel::Cache::get(const Component &c,
                                                                const Catalogue &catalogue)
{
    auto it = m_entries.find(c.id);
    if (it != m_entries.end() && it->component == c) {
        it->pass = m_pass;
        return it->compiled;
    }
    Entry e{c, compile(c, catalogue), m_pass};
    auto compiled = e.compiled;
    m_entries.insert(c.id, std::move(e));
    return compiled;
}

void BillModel::Cache::endPass()
{
    m_entries.removeIf([this](const std::pair<const QString &, Entry &> &e) {
        return e.second.pass != m_pass;
    });
    ++m_pass;
}

BillModel::BillModel(const Project &project, const Option &option, const Catalogue &catalogue,
                     Cache *cache)
    : m_option(option.id)
{
    Q_UNUSED(project);
    // Pools by (profile, plan, instance for instance meters, usage, basis, scope): compared as
    // the ids they stand for (one profile, plan or instance object per id in the catalogue).
    // Ordered by the pointers and the scope first, so most comparisons never reach the strings.
    struct KeyLess {
        bool operator()(const PoolKey &a, const PoolKey &b) const
        {
            return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a), std::get<5>(a),
                            std::get<3>(a), std::get<4>(a))
                   < std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b), std::get<5>(b),
                              std::get<3>(b), std::get<4>(b));
        }
    };
    std::map<PoolKey, size_t, KeyLess> poolIndex;
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

    if (cache)
        m_modelIndex.reserve(option.components.size());
    for (const auto &c : option.components) {
        const std::shared_ptr<const Compiled> k = cache ? cache->get(c, catalogue)
                                                        : compile(c, catalogue);
        if (!k) {
            m_modelIndex.push_back(-1);
            continue;
        }
        const int index = int(m_components.size());
        m_modelIndex.push_back(index);
        if (cache) { // for update(); a model built once lets its compiled parts go
            m_compiled.push_back(k);
            m_usesOf.emplace_back();
            m_usesOf.back().reserve(k->parts.size());
        }
        // Without a cache the compiled part was made here for this model alone (a fresh
        // object, not const): its pools and uses are moved in, not copied.
        Compiled *own = cache ? nullptr : const_cast<Compiled *>(k.get());
        m_components.push_back(k->header);
        m_accounts.push_back(k->account);
        for (const auto &key : k->fees)
            addFee(key);
        if (k->credit && creditKeys.insert(k->creditKey).second)
            m_credits.push_back(*k->credit);
        if (k->cap) {
            m_caps.push_back(*k->cap);
            m_caps.back().component = index;
        }
        for (size_t p = 0; p < k->parts.size(); ++p) {
            const Compiled::Part &part = k->parts[p];
            PoolKey key = part.key;
            if (std::get<5>(key) >= 0)
                std::get<5>(key) = index; // an allowance of its own
            auto it = poolIndex.find(key);
            if (it == poolIndex.end()) {
                it = poolIndex.emplace(std::move(key), m_pools.size()).first;
                m_pools.push_back(own ? std::move(own->parts[p].pool) : part.pool);
            }
            if (own)
                m_pools[it->second].uses.push_back(std::move(own->parts[p].use));
            else
                m_pools[it->second].uses.push_back(part.use);
            m_pools[it->second].uses.back().component = index;
            if (cache)
                m_usesOf.back().emplace_back(int(it->second),
                                             int(m_pools[it->second].uses.size()) - 1);
        }
    }
    if (cache)
        cache->endPass();
    for (auto &pool : m_pools) {
        for (int ci = 0; ci < int(m_credits.size()); ++ci)
            if (m_credits[size_t(ci)].usages.contains(pool.meter->usage))
                pool.credits.push_back(ci);
        pool.account = pool.uses.empty() ? -1 : pool.uses.front().component;
        for (const auto &use : pool.uses)
            if (m_accounts[size_t(use.component)] != m_accounts[size_t(pool.account)])
                pool.oneAccount = false;
        sumPool(pool);
        if (pool.oneAccount)
            for (const int ci : pool.credits)
                if (m_accounts[size_t(pool.account)] == m_credits[size_t(ci)].account)
                    pool.accountCredits.push_back(ci);
    }
}

void BillModel::sumPool(Pool &pool)
{
    const Meter &m = *pool.meter;
    pool.summable = !m.roundUpEach && m.cap == MeterCap::None && (m.price || !m.tiers.empty())
                    && !pool.uses.empty() && pool.oneAccount;
    pool.flow = 0;
    pool.stock = 0;
    pool.unknownUses = 0;
    for (const auto &use : pool.uses) {
        if (!use.quantityKnown) {
            ++pool.unknownUses;
            continue;
        }
        pool.flow += use.flow;
        pool.stock += use.stock;
        if (use.flow < 0 || use.stock < 0)
            pool.summable = false;
    }
}

bool BillModel::update(size_t index, const Component &c, const Catalogue &catalogue, Cache *cache)
{
    if (index >= m_modelIndex.size() || !cache)
        return false;            // only a model built with a cache keeps what an update needs
    if (m_modelIndex[index] < 0) // priced now?
        return !(cache ? cache->get(c, catalogue) : compile(c, catalogue));
    const int mi = m_modelIndex[index];
    if (size_t(mi) >= m_compiled.size())
        return false; // built without a cache
    const std::shared_ptr<const Compiled> &old = m_compiled[size_t(mi)];
    const std::shared_ptr<const Compiled> k
        = cache ? cache->get(c, catalogue) : compile(c, catalogue);
    // The same plan, fees, credit and pools: only the uses' figures and the name can differ.
    if (!k || !(k->header.binding == old->header.binding) || k->account != old->account
        || k->fees != old->fees || k->creditKey != old->creditKey
        || k->credit.has_value() != old->credit.has_value() || k->parts.size() != old->parts.size())
        return false;
    for (size_t p = 0; p < k->parts.size(); ++p)
        if (k->parts[p].key != old->parts[p].key)
            return false;
    m_components[size_t(mi)] = k->header;
    // Its daily request cap, in component order.
    const auto cap = std::lower_bound(m_caps.begin(), m_caps.end(), mi,
                                      [](const Cap &x, int i) { return x.component < i; });
    const bool had = cap != m_caps.end() && cap->component == mi;
    if (k->cap) {
        Cap updated = *k->cap;
        updated.component = mi;
        if (had)
            *cap = updated;
        else
            m_caps.insert(cap, updated);
    } else if (had) {
        m_caps.erase(cap);
    }
    for (size_t p = 0; p < k->parts.size(); ++p) {
        const auto [poolIndex, useIndex] = m_usesOf[size_t(mi)][p];
        Pool &pool = m_pools[size_t(poolIndex)];
        pool.uses[size_t(useIndex)] = k->parts[p].use;
        pool.uses[size_t(useIndex)].component = mi;
        if (useIndex == 0) {
            // The first use made the pool: its allowance (per instance, per component).
            const Pool &made = k->parts[p].pool;
            pool.meter = made.meter;
            pool.profileName = made.profileName;
            pool.planName = made.planName;
            pool.included = made.included;
            pool.daysPerMonth = made.daysPerMonth;
        }
        sumPool(pool);
    }
    m_compiled[size_t(mi)] = k;
    return true;
}

double BillModel::poolTotal(const Pool &pool, double multiplier, int *unknown, int *overCap,
                            std::vector<double> &creditable) const
{
    const Meter &m = *pool.meter;
    // A capped pool bills nothing: its usage is within the allowance or beyond the cap. Only
    // the count of lines beyond the cap needs its uses, when asked for.
    if (m.cap != MeterCap::None && !overCap && multiplier >= 0) {
        *unknown += pool.unknownUses;
        return 0;
    }
    if (!pool.oneAccount || multiplier < 0) {
        int capped = 0;
        const double cost = poolCost(pool, multiplier, nullptr, unknown, &capped, &creditable);
        if (overCap)
            *overCap += capped;
        return cost;
    }
    if (!pool.summable) {
        int capped = 0;
        const double cost = poolWalk(pool, multiplier, unknown, &capped);
        if (overCap)
            *overCap += capped;
        for (const int ci : pool.accountCredits)
            creditable[size_t(ci)] += cost;
        return cost;
    }
    *unknown += pool.unknownUses;
    // The uses draw on the allowance in turn, so together they bill (Σ quantity − included)⁺,
    // rounded up to the vendor's unit where the vendor rounds the account's total.
    const double quantity = pool.flow * multiplier + pool.stock;
    double billable = std::max(0.0, quantity - pool.included);
    if (m.roundUp)
        billable = roundUpTo(billable, *m.roundUp);
    const double cost = *meterCost(m, 0, billable);
    for (const int ci : pool.accountCredits)
        creditable[size_t(ci)] += cost;
    return cost;
}

double BillModel::poolWalk(const Pool &pool, double multiplier, int *unknown, int *overCap) const
{
    // The arithmetic of poolCost(), without its lines.
    double usedIncluded = 0;
    double billedSoFar = 0;
    double rawBilled = 0;
    double known = 0;
    const Meter &m = *pool.meter;
    for (const auto &use : pool.uses) {
        if (!use.quantityKnown) {
            ++*unknown;
            continue;
        }
        double quantity = std::max(0.0, use.flow * multiplier + use.stock);
        if (m.roundUpEach)
            quantity = roundUpTo(quantity, *m.roundUpEach);
        const double included = std::clamp(pool.included - usedIncluded, 0.0, quantity);
        usedIncluded += included;
        double billable = quantity - included;
        if (m.roundUp) {
            const double before = roundUpTo(rawBilled, *m.roundUp);
            rawBilled += billable;
            billable = roundUpTo(rawBilled, *m.roundUp) - before;
        }
        if (m.cap != MeterCap::None && billable > 0) {
            ++*overCap;
            continue;
        }
        const std::optional<double> cost = meterCost(m, billedSoFar, billable);
        billedSoFar += billable;
        if (cost)
            known += *cost;
        else
            ++*unknown;
    }
    return known;
}

double BillModel::poolCost(const Pool &pool, double multiplier, std::vector<BillLine> *lines,
                           int *unknown, int *overCap, std::vector<double> *creditable) const
{
    double usedIncluded = 0;
    double billedSoFar = 0; // cumulative billable quantity, rounded where the vendor rounds
    double rawBilled = 0;   // the same, unrounded
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
                // Say what to fill in; the note of the price, if any, follows.
                line.missingField = use.missing;
                const QString what
                    = use.missing.isEmpty()
                          ? QStringLiteral("quantity unknown: %1 (%2) states no figure to derive "
                                           "it from")
                                .arg(pool.profileName, pool.planName)
                          : QStringLiteral("quantity unknown: set %1 in the Inspector")
                                .arg(missingFieldLabel(use.missing));
                line.note = line.note.isEmpty() ? what : what + QStringLiteral("; ") + line.note;
                lines->push_back(line);
            }
            continue;
        }
        double quantity = std::max(0.0, use.flow * multiplier + use.stock);
        if (m.roundUpEach)
            quantity = roundUpTo(quantity, *m.roundUpEach);
        const double included = std::clamp(pool.included - usedIncluded, 0.0, quantity);
        usedIncluded += included;
        double billable = quantity - included;
        if (m.roundUp) {
            // The vendor rounds the account's billable total up to its unit: each line bills
            // the step of the rounded running total.
            const double before = roundUpTo(rawBilled, *m.roundUp);
            rawBilled += billable;
            billable = roundUpTo(rawBilled, *m.roundUp) - before;
        }
        if (lines) {
            line.quantity = quantity;
            line.included = included;
            line.billable = billable;
        }
        if (m.cap != MeterCap::None && billable > 0) {
            // The plan sells nothing beyond its cap: the usage cannot be served at any price.
            ++*overCap;
            if (lines) {
                line.overCap = true;
                line.note
                    = QStringLiteral("%1 (%2) caps this at %3 a %4: %5 of it cannot be "
                                     "served (%6)")
                          .arg(pool.profileName, pool.planName, formatNumber(m.included),
                               m.includedPerDay ? QStringLiteral("day") : QStringLiteral("month"),
                               formatNumber(billable),
                               m.cap == MeterCap::Fail
                                   ? QStringLiteral("requests beyond the cap fail")
                                   : QStringLiteral("the plan throttles or pauses beyond it"));
                lines->push_back(line);
            }
            continue;
        }
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
            line.amount = cost;
            if (!cost) {
                const QString what
                    = QStringLiteral("price unknown: %1 (%2) has no price for %3 in its profile")
                          .arg(pool.profileName, pool.planName, usageLabel(m.usage));
                line.note = line.note.isEmpty() ? what : what + QStringLiteral("; ") + line.note;
            }
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
    for (const auto &pool : m_pools) {
        // One line per use, in the pool's order: each goes to its use's component.
        lines.clear();
        poolCost(pool, multiplier, &lines, &bill.unknown, &bill.overCap, &creditable);
        for (size_t k = 0; k < lines.size(); ++k) {
            BillLine &line = lines[k];
            ComponentBill &cb = bill.components[size_t(pool.uses[k].component)];
            if (line.amount)
                cb.known += *line.amount;
            else if (line.overCap)
                ++cb.overCap;
            else
                ++cb.unknown;
            cb.lines.push_back(std::move(line));
        }
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

double BillModel::total(double multiplier, int *unknown, int *overCap) const
{
    int u = 0, capped = 0;
    double total = 0;
    std::vector<double> creditable(m_credits.size(), 0.0);
    for (const auto &pool : m_pools)
        total += poolTotal(pool, multiplier, &u, overCap ? &capped : nullptr, creditable);
    for (const auto &fee : m_fees)
        total += fee.amount;
    for (size_t ci = 0; ci < m_credits.size(); ++ci)
        total -= std::min(m_credits[ci].amount, creditable[ci]);
    if (unknown)
        *unknown = u;
    if (overCap)
        *overCap = capped;
    return total;
}

std::vector<BillModel::CapExcess> BillModel::capExcesses(double multiplier) const
{
    std::vector<CapExcess> out;
    for (const auto &pool : m_pools) {
        const Meter &m = *pool.meter;
        if (m.cap == MeterCap::None)
            continue;
        double month = 0, busiest = 0;
        bool busiestStated = false;
        QStringList components;
        for (const auto &use : pool.uses) {
            if (!use.quantityKnown)
                continue;
            const double q = std::max(0.0, use.flow * multiplier + use.stock);
            if (q <= 0)
                continue;
            month += q;
            // A stock (storage) is the same every day; a flow peaks on the busiest day.
            busiest += use.flow * multiplier * use.busiestDay / pool.daysPerMonth
                       + use.stock / (m.includedPerDay ? pool.daysPerMonth : 1.0);
            busiestStated = busiestStated || use.busiestDay > 1;
            components << m_components[size_t(use.component)].component;
        }
        if (components.isEmpty())
            continue;
        CapExcess e;
        e.meter = &m;
        e.profileName = pool.profileName;
        e.planName = pool.planName;
        e.components = components;
        e.daily = m.includedPerDay;
        if (month > pool.included + 1e-9) {
            e.quantity = m.includedPerDay ? month / pool.daysPerMonth : month;
            e.included = m.includedPerDay ? m.included : pool.included;
            out.push_back(e);
        } else if (m.includedPerDay && busiestStated && busiest > m.included + 1e-9) {
            e.quantity = busiest;
            e.included = m.included;
            e.busiestDay = true;
            out.push_back(e);
        }
    }
    return out;
}

std::optional<double> BillModel::exhaustion(const Pool &pool)
{
    double flow = 0, stock = 0;
    for (const auto &use : pool.uses)
        if (use.quantityKnown) {
            flow += use.flow;
            stock += use.stock;
        }
    if (pool.uses.empty() || flow <= 0 || stock >= pool.included)
        return std::nullopt;
    return (pool.included - stock) / flow;
}

std::vector<BillModel::AllowanceEdge> BillModel::allowanceEdges() const
{
    std::vector<AllowanceEdge> edges;
    for (const auto &pool : m_pools) {
        if (pool.included <= 0 || pool.meter->cap != MeterCap::None)
            continue;
        const auto m = exhaustion(pool);
        if (!m)
            continue;
        edges.push_back({*m, m_components[pool.uses.front().component].component,
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
        edges.push_back({cap.monthly / cap.requestsPerMultiplier,
                         m_components[cap.component].component,
                         QStringLiteral("%1 exceeds %2 requests a day on %3: a paid plan is needed")
                             .arg(cap.name, formatNumber(cap.perDay), cap.planName)});
    // Caps stated on meters: where the capped allowance runs out.
    for (const auto &pool : m_pools) {
        if (pool.meter->cap == MeterCap::None)
            continue;
        const auto m = exhaustion(pool);
        if (!m)
            continue;
        edges.push_back({*m, m_components[size_t(pool.uses.front().component)].component,
                         QStringLiteral("%1 (%2): %3 beyond the cap of %4 a %5: a paid plan is "
                                        "needed")
                             .arg(pool.profileName, pool.planName, usageLabel(pool.meter->usage),
                                  formatNumber(pool.meter->included),
                                  pool.meter->includedPerDay ? QStringLiteral("day")
                                                             : QStringLiteral("month"))});
    }
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
    e.overCap = b.overCap;
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
