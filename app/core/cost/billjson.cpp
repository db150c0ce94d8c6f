#include "cost/billjson.h"

#include "io/jsonwrite.h"

#include <cmath>

namespace stackplan {

using namespace jsonwrite;

namespace {

ojson money(const std::optional<double> &v)
{
    // Cents are what a bill means; round away float noise.
    return v ? num(std::round(*v * 1e6) / 1e6) : ojson(nullptr);
}

ojson lineJson(const BillLine &l)
{
    ojson o = ojson::object();
    o["usage"] = str(l.usage);
    o["description"] = str(l.description);
    o["quantity"] = num(l.quantity);
    o["included"] = num(l.included);
    o["billable"] = num(l.billable);
    o["unit_price"] = num(l.unitPrice);
    o["per"] = num(l.per);
    o["amount"] = money(l.amount);
    o["source"] = str(l.source);
    o["checked"]
        = l.checked.isValid() ? ojson(str(l.checked.toString(Qt::ISODate))) : ojson(nullptr);
    if (!l.note.isEmpty())
        o["note"] = str(l.note);
    if (!l.missingField.isEmpty())
        o["missing_field"] = str(l.missingField);
    if (l.overCap)
        o["over_cap"] = true;
    return o;
}

QByteArray csvField(const QString &v)
{
    QByteArray b = v.toUtf8();
    // A spreadsheet runs a cell that starts with = + - @ (or tab / CR) as a formula: a vendor or
    // plan name like "=HYPERLINK(...)" is neutralised with a leading apostrophe (OWASP).
    if (!b.isEmpty() && QByteArray("=+-@\t\r").contains(b.front()))
        b.prepend('\'');
    if (b.contains(',') || b.contains('"') || b.contains('\n') || b.contains('\r')) {
        b.replace('"', "\"\"");
        b = '"' + b + '"';
    }
    return b;
}

QByteArray csvNumber(const std::optional<double> &v)
{
    if (!v)
        return {};
    return QByteArray::number(*v, 'g', 12);
}

} // namespace

ojson billToJson(const Bill &bill, const Project &project)
{
    ojson o = ojson::object();
    o["option"] = str(bill.option);
    if (const Option *opt = project.option(bill.option))
        o["name"] = str(opt->name);
    o["multiplier"] = num(bill.multiplier);
    o["total"] = money(bill.total);
    o["unknown"] = bill.unknown;
    o["over_cap"] = bill.overCap;
    o["total_text"] = str(bill.totalText());
    ojson comps = ojson::array();
    for (const auto &c : bill.components) {
        ojson e = ojson::object();
        e["id"] = str(c.component);
        e["name"] = str(c.name);
        e["binding"] = {{"profile", str(c.binding.profile)},
                        {"plan", str(c.binding.plan)},
                        {"instance", str(c.binding.instance)}};
        e["known"] = money(c.known);
        e["unknown"] = c.unknown;
        e["over_cap"] = c.overCap;
        ojson lines = ojson::array();
        for (const auto &l : c.lines)
            lines.push_back(lineJson(l));
        e["lines"] = std::move(lines);
        comps.push_back(std::move(e));
    }
    o["components"] = std::move(comps);
    ojson account = ojson::array();
    for (const auto &l : bill.accountLines)
        account.push_back(lineJson(l));
    o["account"] = std::move(account);
    return o;
}

ojson sweepToJson(const Sweep &sweep)
{
    ojson o = ojson::object();
    ojson ms = ojson::array();
    for (const double m : sweep.multipliers)
        ms.push_back(m);
    o["multipliers"] = std::move(ms);
    ojson series = ojson::array();
    for (const auto &sr : sweep.series) {
        ojson e = ojson::object();
        e["option"] = str(sr.option);
        ojson totals = ojson::array();
        for (const double t : sr.totals)
            totals.push_back(money(t));
        e["totals"] = std::move(totals);
        e["unknown"] = sr.unknown;
        series.push_back(std::move(e));
    }
    o["series"] = std::move(series);
    ojson bps = ojson::array();
    for (const auto &b : sweep.breakpoints)
        bps.push_back({{"option", str(b.option)},
                       {"component", str(b.component)},
                       {"multiplier", b.multiplier},
                       {"kind", str(b.kind)},
                       {"description", str(b.description)}});
    o["breakpoints"] = std::move(bps);
    ojson xs = ojson::array();
    for (const auto &c : sweep.crossovers)
        xs.push_back({{"cheaper_below", str(c.cheaperBelow)},
                      {"cheaper_above", str(c.cheaperAbove)},
                      {"multiplier", c.multiplier},
                      {"total", money(c.total)}});
    o["crossovers"] = std::move(xs);
    return o;
}

QByteArray billCsvHeader()
{
    return "option,multiplier,component,usage,description,quantity,included,billable,unit_price,"
           "per,amount,source,"
           "checked\n";
}

QByteArray billToCsv(const Bill &bill)
{
    QByteArray out;
    auto row = [&](const QString &component, const BillLine &l) {
        out += csvField(bill.option) + ',' + QByteArray::number(bill.multiplier, 'g', 12) + ','
               + csvField(component) + ',' + csvField(l.usage) + ',' + csvField(l.description) + ','
               + csvNumber(l.quantity) + ',' + csvNumber(l.included) + ',' + csvNumber(l.billable)
               + ',' + csvNumber(l.unitPrice) + ',' + csvNumber(l.per) + ','
               + (l.amount    ? QByteArray::number(std::round(*l.amount * 1e6) / 1e6, 'f', 6)
                  : l.overCap ? QByteArray("over-cap")
                              : QByteArray("unknown"))
               + ',' + csvField(l.source) + ',' + csvField(l.checked.toString(Qt::ISODate)) + '\n';
    };
    for (const auto &c : bill.components)
        for (const auto &l : c.lines)
            row(c.component, l);
    for (const auto &l : bill.accountLines)
        row(QString(), l);
    return out;
}

QByteArray sweepToCsv(const Sweep &sweep)
{
    QByteArray out = "multiplier";
    for (const auto &sr : sweep.series)
        out += ',' + csvField(sr.option);
    out += '\n';
    for (size_t i = 0; i < sweep.multipliers.size(); ++i) {
        out += QByteArray::number(sweep.multipliers[i], 'g', 8);
        for (const auto &sr : sweep.series)
            out += ',' + QByteArray::number(std::round(sr.totals[i] * 100) / 100, 'f', 2);
        out += '\n';
    }
    return out;
}

} // namespace stackplan
