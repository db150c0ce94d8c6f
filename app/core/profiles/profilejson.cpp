#include "profiles/profilejson.h"

#include "io/jsonwrite.h"
#include "util/format.h"

namespace stackplan {

using namespace jsonwrite;

namespace {

void putFact(ojson &o, const Fact &f, const QDate &today)
{
    o["source"] = str(f.source);
    o["checked"] = str(f.checked.toString(Qt::ISODate));
    if (!f.note.isEmpty())
        o["note"] = str(f.note);
    o["stale"] = f.isStale(today);
}

ojson limitsJson(const Limits &limits, const QDate &today)
{
    ojson o = ojson::object();
    for (const auto &[key, l] : limits) {
        ojson e = ojson::object();
        e["value"] = num(l.value);
        if (l.max)
            e["max"] = num(*l.max);
        if (const auto *info = limitKeyInfo(key))
            e["unit"] = info->unit;
        putFact(e, l.fact, today);
        o[str(key)] = std::move(e);
    }
    return o;
}

ojson metersJson(const std::vector<Meter> &meters, const QDate &today)
{
    ojson a = ojson::array();
    for (const auto &m : meters) {
        ojson e = ojson::object();
        e["usage"] = str(m.usage);
        if (m.price)
            e["price"] = num(*m.price);
        else if (m.tiers.empty())
            e["price"] = nullptr;
        e["per"] = num(m.per);
        e["included"] = num(m.included);
        e["period"] = m.includedPerDay ? "day" : "month";
        if (!m.basis.isEmpty())
            e["basis"] = str(m.basis);
        if (m.memoryMb)
            e["memory_mb"] = num(*m.memoryMb);
        if (m.mbPerGb != 1024)
            e["gb_mb"] = num(m.mbPerGb);
        if (!m.tiers.empty()) {
            ojson tiers = ojson::array();
            for (const auto &t : m.tiers) {
                ojson te = ojson::object();
                if (t.upTo)
                    te["upto"] = num(*t.upTo);
                te["price"] = num(t.price);
                tiers.push_back(std::move(te));
            }
            e["tiers"] = std::move(tiers);
        }
        putFact(e, m.fact, today);
        a.push_back(std::move(e));
    }
    return a;
}

template<typename T>
ojson capValue(const T &v);
template<>
ojson capValue(const QStringList &v)
{
    return strings(v);
}
template<>
ojson capValue(const QString &v)
{
    return str(v);
}
template<>
ojson capValue(const bool &v)
{
    return v;
}
template<>
ojson capValue(const double &v)
{
    return num(v);
}

} // namespace

ojson factToJson(const Fact &fact, const QDate &today)
{
    ojson o = ojson::object();
    putFact(o, fact, today);
    return o;
}

ojson capabilitiesToJson(const Capabilities &c, const QDate &today)
{
    ojson o = ojson::object();
    auto put = [&](const char *key, const auto &cap) {
        if (!cap)
            return;
        ojson e = ojson::object();
        e["value"] = capValue(cap->value);
        putFact(e, cap->fact, today);
        o[key] = std::move(e);
    };
    auto putVia = [&](const char *key, const std::optional<Sourced<ViaValue>> &cap) {
        if (!cap)
            return;
        ojson e = ojson::object();
        e["value"] = str(cap->value.value);
        if (!cap->value.via.isEmpty())
            e["via"] = str(cap->value.via);
        putFact(e, cap->fact, today);
        o[key] = std::move(e);
    };
    put("runtimes", c.runtimes);
    if (c.packages) {
        ojson e = ojson::object();
        e["value"] = str(c.packages->value.mode);
        e["unsupported"] = strings(c.packages->value.unsupported);
        putFact(e, c.packages->fact, today);
        o["packages"] = std::move(e);
    }
    putVia("websockets", c.websockets);
    put("filesystem", c.filesystem);
    put("background_jobs", c.backgroundJobs);
    putVia("scheduler", c.scheduler);
    put("outbound_tcp", c.outboundTcp);
    put("execution", c.execution);
    put("scale_to_zero", c.scaleToZero);
    if (c.sleep) {
        ojson e = ojson::object();
        e["value"] = c.sleep->value.sleeps;
        if (c.sleep->value.afterMin)
            e["after_min"] = num(*c.sleep->value.afterMin);
        if (c.sleep->value.wakeS)
            e["wake_s"] = num(*c.sleep->value.wakeS);
        putFact(e, c.sleep->fact, today);
        o["sleep"] = std::move(e);
    }
    put("cold_start_ms", c.coldStartMs);
    put("edge", c.edge);
    put("sla", c.sla);
    put("inbound", c.inbound);
    put("outbound", c.outbound);
    put("pooler", c.pooler);
    putVia("sql_pooler", c.sqlPooler);
    return o;
}

ojson profileToJson(const Profile &p, const QDate &today)
{
    ojson o = ojson::object();
    o["id"] = str(p.id);
    o["name"] = str(p.name);
    o["vendor"] = str(p.vendor);
    o["category"] = str(p.category);
    ojson roles = ojson::array();
    for (const auto r : p.roles)
        roles.push_back(str(roleId(r)));
    o["roles"] = std::move(roles);
    o["docs"] = str(p.docs);
    o["account"] = str(p.account);
    if (!p.color.isEmpty())
        o["color"] = str(p.color);
    if (!p.description.isEmpty())
        o["description"] = str(p.description);
    o["notes"] = strings(p.notes);
    o["origin"] = str(p.origin);
    o["capabilities"] = capabilitiesToJson(p.capabilities, today);
    o["limits"] = limitsJson(p.limits, today);
    ojson plans = ojson::array();
    for (const auto &plan : p.plans) {
        ojson e = ojson::object();
        e["id"] = str(plan.id);
        e["name"] = str(plan.name);
        if (!plan.description.isEmpty())
            e["description"] = str(plan.description);
        e["requires"] = strings(plan.requiredFees);
        if (plan.fee) {
            ojson f = ojson::object();
            f["amount"] = num(plan.fee->amount);
            f["key"] = str(plan.fee->key);
            putFact(f, plan.fee->fact, today);
            e["fee"] = std::move(f);
        }
        if (plan.credits) {
            ojson c = ojson::object();
            c["amount"] = num(plan.credits->amount);
            c["applies_to"] = strings(plan.credits->appliesTo);
            putFact(c, plan.credits->fact, today);
            e["credits"] = std::move(c);
        }
        e["limits"] = limitsJson(plan.limits, today);
        e["capabilities"] = capabilitiesToJson(plan.capabilities, today);
        e["meters"] = metersJson(plan.meters, today);
        ojson instances = ojson::array();
        for (const auto &i : plan.instances) {
            ojson ie = ojson::object();
            ie["id"] = str(i.id);
            ie["name"] = str(i.name);
            if (!i.description.isEmpty())
                ie["description"] = str(i.description);
            ie["limits"] = limitsJson(i.limits, today);
            ie["meters"] = metersJson(i.meters, today);
            instances.push_back(std::move(ie));
        }
        e["instances"] = std::move(instances);
        plans.push_back(std::move(e));
    }
    o["plans"] = std::move(plans);
    return o;
}

std::vector<CapabilityRow> capabilityRows(const Capabilities &c)
{
    std::vector<CapabilityRow> rows;
    auto yesNo = [](bool b) {
        return b ? QStringLiteral("yes") : QStringLiteral("no");
    };
    auto via = [](const ViaValue &v) {
        return v.via.isEmpty() ? v.value : QStringLiteral("%1 (via %2)").arg(v.value, v.via);
    };
    if (c.runtimes)
        rows.push_back({QStringLiteral("runtimes"), c.runtimes->value.join(QStringLiteral(", ")),
                        c.runtimes->fact});
    if (c.packages) {
        QString v = c.packages->value.mode;
        if (!c.packages->value.unsupported.isEmpty())
            v += QStringLiteral("; known not to load: ")
                 + c.packages->value.unsupported.join(QStringLiteral(", "));
        rows.push_back({QStringLiteral("packages"), v, c.packages->fact});
    }
    if (c.websockets)
        rows.push_back(
            {QStringLiteral("websockets"), via(c.websockets->value), c.websockets->fact});
    if (c.filesystem)
        rows.push_back({QStringLiteral("filesystem"), c.filesystem->value, c.filesystem->fact});
    if (c.backgroundJobs)
        rows.push_back({QStringLiteral("background_jobs"), yesNo(c.backgroundJobs->value),
                        c.backgroundJobs->fact});
    if (c.scheduler)
        rows.push_back({QStringLiteral("scheduler"), via(c.scheduler->value), c.scheduler->fact});
    if (c.outboundTcp)
        rows.push_back(
            {QStringLiteral("outbound_tcp"), yesNo(c.outboundTcp->value), c.outboundTcp->fact});
    if (c.execution)
        rows.push_back({QStringLiteral("execution"), c.execution->value, c.execution->fact});
    if (c.scaleToZero)
        rows.push_back(
            {QStringLiteral("scale_to_zero"), yesNo(c.scaleToZero->value), c.scaleToZero->fact});
    if (c.sleep) {
        QString v = yesNo(c.sleep->value.sleeps);
        if (c.sleep->value.afterMin)
            v += QStringLiteral(", after %1 min idle").arg(formatNumber(*c.sleep->value.afterMin));
        if (c.sleep->value.wakeS)
            v += QStringLiteral(", wakes in up to %1 s").arg(formatNumber(*c.sleep->value.wakeS));
        rows.push_back({QStringLiteral("sleep"), v, c.sleep->fact});
    }
    if (c.coldStartMs)
        rows.push_back({QStringLiteral("cold_start_ms"),
                        formatNumber(c.coldStartMs->value) + QStringLiteral(" ms"),
                        c.coldStartMs->fact});
    if (c.edge)
        rows.push_back({QStringLiteral("edge"), yesNo(c.edge->value), c.edge->fact});
    if (c.sla)
        rows.push_back({QStringLiteral("sla"), formatNumber(c.sla->value) + QStringLiteral(" %"),
                        c.sla->fact});
    if (c.inbound)
        rows.push_back({QStringLiteral("inbound"), c.inbound->value.join(QStringLiteral(", ")),
                        c.inbound->fact});
    if (c.outbound)
        rows.push_back({QStringLiteral("outbound"), c.outbound->value.join(QStringLiteral(", ")),
                        c.outbound->fact});
    if (c.pooler)
        rows.push_back({QStringLiteral("pooler"), c.pooler->value, c.pooler->fact});
    if (c.sqlPooler)
        rows.push_back({QStringLiteral("sql_pooler"), via(c.sqlPooler->value), c.sqlPooler->fact});
    return rows;
}

QString describeMeter(const Meter &m)
{
    QString price;
    const QString per = m.per == 1 ? QString() : formatNumber(m.per) + QLatin1Char(' ');
    if (m.price) {
        price = QStringLiteral("%1 per %2%3").arg(formatPrice(*m.price), per, m.usage);
    } else if (!m.tiers.empty()) {
        QStringList parts;
        for (const auto &t : m.tiers)
            parts << (t.upTo ? QStringLiteral("%1 up to %2")
                                   .arg(formatPrice(t.price), formatNumber(*t.upTo))
                             : QStringLiteral("%1 beyond").arg(formatPrice(t.price)));
        price = QStringLiteral("tiered per %1%2: %3")
                    .arg(per, m.usage, parts.join(QStringLiteral("; ")));
    } else {
        price = QStringLiteral("price unknown per %1").arg(m.usage);
    }
    if (m.included > 0)
        price += QStringLiteral(", %1 included per %2")
                     .arg(formatNumber(m.included),
                          m.includedPerDay ? QStringLiteral("day") : QStringLiteral("month"));
    if (!m.basis.isEmpty())
        price += QStringLiteral(" (%1 time)").arg(m.basis);
    if (m.memoryMb)
        price += QStringLiteral(" (billed at %1 MB)").arg(formatNumber(*m.memoryMb));
    return price;
}

QString describeLimit(const QString &key, const Limit &l)
{
    const auto *info = limitKeyInfo(key);
    const QString unit = info ? QString::fromLatin1(info->unit) : QString();
    QString v = formatNumber(l.value) + QLatin1Char(' ') + unit;
    if (l.max)
        v += QStringLiteral(" (configurable up to %1 %2)").arg(formatNumber(*l.max), unit);
    return v;
}

} // namespace stackplan
