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
        if (l.ceiling)
            e["ceiling"] = true;
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
        if (m.includedPer != AllowanceScope::Account)
            e["included_per"]
                = m.includedPer == AllowanceScope::Component ? "component" : "instance";
        if (m.cap != MeterCap::None)
            e["cap"] = m.cap == MeterCap::Fail ? "fail" : "throttle";
        auto opt = [&e](const char *key, const std::optional<double> &v) {
            if (v)
                e[key] = num(*v);
        };
        opt("round_up", m.roundUp);
        opt("round_up_each", m.roundUpEach);
        opt("duration_unit_ms", m.durationUnitMs);
        opt("websocket_messages_per_unit", m.websocketMessagesPerUnit);
        opt("size_unit_kb", m.sizeUnitKb);
        if (m.replicatedWrites)
            e["replicated_writes"] = true;
        if (m.countStoredVectors)
            e["count_stored_vectors"] = true;
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
        if (!cap->value.coordinateVia.isEmpty())
            e["coordinate_via"] = str(cap->value.coordinateVia);
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

namespace {

ojson rolesJson(const Sourced<std::vector<Role>> &r, const QDate &today)
{
    ojson o = ojson::object();
    ojson roles = ojson::array();
    for (const auto role : r.value)
        roles.push_back(str(roleId(role)));
    o["value"] = std::move(roles);
    putFact(o, r.fact, today);
    return o;
}

ojson sourcedNumber(const Sourced<double> &v, const QDate &today)
{
    ojson o = ojson::object();
    o["value"] = num(v.value);
    putFact(o, v.fact, today);
    return o;
}

} // namespace

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
    o["domains"] = strings(p.domains);
    if (p.monthHours)
        o["month_hours"] = sourcedNumber(*p.monthHours, today);
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
        if (plan.roles)
            e["roles"] = rolesJson(*plan.roles, today);
        if (plan.monthHours)
            e["month_hours"] = sourcedNumber(*plan.monthHours, today);
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
            if (i.roles)
                ie["roles"] = rolesJson(*i.roles, today);
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
    if (c.websockets) {
        QString v = via(c.websockets->value);
        if (!c.websockets->value.coordinateVia.isEmpty())
            v += QStringLiteral("; many clients coordinated via %1")
                     .arg(c.websockets->value.coordinateVia);
        rows.push_back({QStringLiteral("websockets"), v, c.websockets->fact});
    }
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
    if (m.included > 0 && m.includedPer != AllowanceScope::Account)
        price += m.includedPer == AllowanceScope::Component ? QStringLiteral(" for each component")
                                                            : QStringLiteral(" for each instance");
    if (m.cap == MeterCap::Fail)
        price += QStringLiteral("; a cap: usage beyond it fails");
    else if (m.cap == MeterCap::Throttle)
        price += QStringLiteral("; a cap: usage beyond it is throttled or paused");
    if (!m.basis.isEmpty())
        price += QStringLiteral(" (%1 time)").arg(m.basis);
    if (m.roundUp)
        price += QStringLiteral(", billed in units of %1").arg(formatNumber(*m.roundUp));
    if (m.roundUpEach)
        price += QStringLiteral(", each component rounded up to %1")
                     .arg(formatNumber(*m.roundUpEach));
    if (m.durationUnitMs)
        price += QStringLiteral(", duration rounded up to %1 ms")
                     .arg(formatNumber(*m.durationUnitMs));
    if (m.websocketMessagesPerUnit)
        price += QStringLiteral(", %1 incoming WebSocket messages count as one")
                     .arg(formatNumber(*m.websocketMessagesPerUnit));
    if (m.sizeUnitKb)
        price += QStringLiteral(", per started %1 KB").arg(formatNumber(*m.sizeUnitKb));
    if (m.replicatedWrites)
        price += QStringLiteral(", writes count once per replica");
    if (m.countStoredVectors)
        price += QStringLiteral(", each query counts the stored vectors too");
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
