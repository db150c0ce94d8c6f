#include "compare/comparison.h"

#include "io/jsonwrite.h"
#include "util/format.h"

#include <cmath>
#include <tuple>

namespace stackplan {

using namespace jsonwrite;

namespace {

const QString kMinus = QStringLiteral("\u2212");

// A multiplier as people read it: ×12, ×2.5, ×0.35.
QString multiplierText(double m)
{
    const int decimals = m >= 10 ? 1 : m >= 1 ? 2 : 3;
    const double scale = std::pow(10.0, decimals);
    return QStringLiteral("×") + formatNumber(std::round(m * scale) / scale, decimals);
}

QString signedMoney(double v)
{
    return (v < 0 ? kMinus : QStringLiteral("+")) + formatMoney(std::fabs(v));
}

QString pctText(double v, int decimals = 3)
{
    return formatNumber(std::round(v * std::pow(10.0, decimals)) / std::pow(10.0, decimals),
                        decimals)
           + QStringLiteral(" %");
}

QString plural(int n, const char *word)
{
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(word)).arg(n == 1 ? "" : "s");
}

const QString kNone = QStringLiteral("—");

QString findingsText(const OptionComparison &o)
{
    if (!o.errors && !o.warnings && !o.infos)
        return QStringLiteral("none");
    QStringList parts;
    if (o.errors)
        parts << plural(o.errors, "error");
    if (o.warnings)
        parts << plural(o.warnings, "warning");
    if (o.infos)
        parts << plural(o.infos, "info");
    return parts.join(QStringLiteral(", "));
}

QString findingsDeltaText(const OptionComparison &o)
{
    if (o.baseline)
        return QString();
    const auto &d = o.delta;
    if (!d.errors && !d.warnings && !d.infos)
        return QStringLiteral("same");
    QStringList parts;
    auto add = [&parts](int n, const char *word) {
        if (n)
            parts << (n > 0 ? QStringLiteral("+") : kMinus) + plural(std::abs(n), word);
    };
    add(d.errors, "error");
    add(d.warnings, "warning");
    add(d.infos, "info");
    return parts.join(QStringLiteral(", "));
}

QString headroomText(const OptionComparison &o)
{
    if (!o.headroom)
        return QString();
    // With unknown lines the known total is a lower bound: headroom at most, overrun at least.
    const bool bound = o.cost.unknown || o.cost.overCap;
    const QString money = formatMoney(std::fabs(*o.headroom));
    if (*o.headroom >= 0)
        return (bound ? QStringLiteral("≤ ") : QString()) + money + QStringLiteral(" left");
    return (bound ? QStringLiteral("≥ ") : QString()) + money + QStringLiteral(" over");
}

QString availabilityText(const Comparison &c, const OptionComparison &o)
{
    const auto &a = o.availability;
    if (!a.worstPct)
        return a.paths ? QStringLiteral("unknown (no SLA: %1)")
                             .arg(a.withoutSla.join(QStringLiteral(", ")))
                       : QStringLiteral("no request path");
    QString text = (a.uncheckablePaths ? QStringLiteral("≤ ") : QString()) + pctText(*a.worstPct);
    if (c.availabilityTargetPct)
        text += a.meetsTarget == true ? QStringLiteral(" ✓")
                : a.meetsTarget == false
                    ? QStringLiteral(" ✗ below %1").arg(pctText(*c.availabilityTargetPct))
                    : QString();
    if (!a.withoutSla.isEmpty())
        text += QStringLiteral(" (no SLA: %1)").arg(a.withoutSla.join(QStringLiteral(", ")));
    return text;
}

QString coldStartText(const Comparison &c, const OptionComparison &o)
{
    const auto &cs = o.coldStart;
    if (!cs.worstMs)
        return QStringLiteral("none");
    QString text = QStringLiteral("%1 ms %2 (%3)")
                       .arg(formatNumber(*cs.worstMs),
                            cs.sleeps ? QStringLiteral("wake-up") : QStringLiteral("cold start"),
                            cs.component);
    if (c.p95TargetMs)
        text += cs.meetsTarget == true
                    ? QStringLiteral(" ✓")
                    : QStringLiteral(" ✗ above %1 ms").arg(formatNumber(*c.p95TargetMs));
    return text;
}

QString diffText(const OptionComparison &o)
{
    if (o.baseline)
        return QString();
    QStringList parts;
    if (!o.added.isEmpty())
        parts << QStringLiteral("+ ") + o.added.join(QStringLiteral(", "));
    if (!o.removed.isEmpty())
        parts << kMinus + QStringLiteral(" ") + o.removed.join(QStringLiteral(", "));
    if (!o.rebound.isEmpty())
        parts << QStringLiteral("rebound ") + o.rebound.join(QStringLiteral(", "));
    return parts.isEmpty() ? QStringLiteral("same") : parts.join(QStringLiteral("; "));
}

// Index of the best value, ties to the first; -1 when fewer than two options or all are equal.
template<typename Better>
int bestOf(const Comparison &c, Better better, bool (*valid)(const OptionComparison &) = nullptr)
{
    int best = -1;
    bool differ = false;
    for (int i = 0; i < int(c.options.size()); ++i) {
        const auto &o = c.options[size_t(i)];
        if (valid && !valid(o))
            continue;
        if (best < 0) {
            best = i;
            continue;
        }
        const auto &b = c.options[size_t(best)];
        if (better(o, b)) {
            best = i;
            differ = true;
        } else if (better(b, o)) {
            differ = true;
        }
    }
    return differ ? best : -1;
}

QString csvField(const QString &v)
{
    QString b = v;
    if (b.contains(QLatin1Char(',')) || b.contains(QLatin1Char('"'))
        || b.contains(QLatin1Char('\n'))) {
        b.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        b = QLatin1Char('"') + b + QLatin1Char('"');
    }
    return b;
}

QString csvNumber(const std::optional<double> &v)
{
    return v ? QString::number(std::round(*v * 1e6) / 1e6, 'g', 12) : QString();
}

QString csvBool(const std::optional<bool> &v)
{
    return v ? (*v ? QStringLiteral("yes") : QStringLiteral("no")) : QString();
}

ojson money(double v)
{
    return num(std::round(v * 1e6) / 1e6);
}

ojson optBool(const std::optional<bool> &v)
{
    return v ? ojson(*v) : ojson(nullptr);
}

ojson costJson(const OptionComparison::Cost &c)
{
    ojson o = ojson::object();
    o["multiplier"] = num(c.multiplier);
    o["total"] = money(c.total);
    o["unknown"] = c.unknown;
    o["over_cap"] = c.overCap;
    o["text"] = str(c.text);
    return o;
}

QString escapeMarkdown(QString s)
{
    s.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s;
}

const char *const kLevelKeys[3] = {"low", "typical", "high"};
const char *const kLevelNames[3] = {"Low", "Typical", "High"};

} // namespace

QString optionHeading(const OptionComparison &o)
{
    return o.baseline ? QStringLiteral("%1 (baseline)").arg(o.name) : o.name;
}

QString crossoverSentence(const Comparison &c, const Sweep::Crossover &x)
{
    const OptionComparison *above = c.option(x.cheaperAbove);
    const OptionComparison *below = c.option(x.cheaperBelow);
    return QStringLiteral("%1 becomes cheaper than %2 above %3 traffic (%4 a month each there)")
        .arg(above ? above->name : x.cheaperAbove, below ? below->name : x.cheaperBelow,
             multiplierText(x.multiplier), formatMoney(x.total));
}

QString costDeltaText(const OptionComparison &o)
{
    if (o.baseline)
        return QString();
    if (std::fabs(o.delta.cost) < 0.005)
        return QStringLiteral("same as baseline");
    if (!o.delta.costPct)
        return signedMoney(o.delta.cost) + QStringLiteral(" vs baseline");
    const double pct = *o.delta.costPct;
    const double shown
        = std::fabs(pct) < 1 ? std::round(std::fabs(pct) * 10) / 10 : std::round(std::fabs(pct));
    return (pct < 0 ? kMinus : QStringLiteral("+")) + formatNumber(shown, 1)
           + QStringLiteral(" % vs baseline");
}

// An option whose every component is placed: only those compete for the lowest cost.
static bool complete(const OptionComparison &o)
{
    return o.unbound.isEmpty();
}

std::vector<ComparisonRow> comparisonRows(const Comparison &c)
{
    std::vector<ComparisonRow> rows;
    const auto &opts = c.options;
    for (int level = 0; level < 3; ++level) {
        ComparisonRow r;
        r.key = QStringLiteral("cost-%1").arg(QLatin1String(kLevelKeys[level]));
        r.label
            = QStringLiteral("%1 traffic (%2)")
                  .arg(QLatin1String(kLevelNames[level]), multiplierText(c.levels[size_t(level)]));
        for (const auto &o : opts)
            r.cells << o.costs[size_t(level)].text;
        r.best = bestOf(
            c,
            [level](const OptionComparison &a, const OptionComparison &b) {
                return a.costs[size_t(level)].total < b.costs[size_t(level)].total - 1e-9;
            },
            complete);
        rows.push_back(std::move(r));
    }
    const bool customTraffic = c.traffic != QLatin1String("typical");
    if (customTraffic) {
        ComparisonRow r;
        r.key = QStringLiteral("cost");
        r.label = QStringLiteral("At %1 (%2)").arg(c.traffic, multiplierText(c.multiplier));
        for (const auto &o : opts)
            r.cells << o.cost.text;
        r.best = bestOf(
            c,
            [](const OptionComparison &a, const OptionComparison &b) {
                return a.cost.total < b.cost.total - 1e-9;
            },
            complete);
        rows.push_back(std::move(r));
    }
    {
        ComparisonRow r;
        r.key = QStringLiteral("delta");
        r.label = customTraffic
                      ? QStringLiteral("Cost vs baseline (%1)").arg(multiplierText(c.multiplier))
                      : QStringLiteral("Cost vs baseline");
        for (const auto &o : opts)
            r.cells << (o.baseline ? QStringLiteral("baseline") : costDeltaText(o));
        rows.push_back(std::move(r));
    }
    if (c.budget) {
        ComparisonRow r;
        r.key = QStringLiteral("budget");
        r.label = QStringLiteral("Budget %1 (%2)")
                      .arg(formatMoney(*c.budget), multiplierText(c.multiplier));
        for (const auto &o : opts)
            r.cells << headroomText(o);
        r.best = bestOf(
            c,
            [](const OptionComparison &a, const OptionComparison &b) {
                return *a.headroom > *b.headroom + 1e-9;
            },
            complete);
        rows.push_back(std::move(r));
    }
    {
        ComparisonRow r;
        r.key = QStringLiteral("findings");
        r.label = QStringLiteral("Findings");
        for (const auto &o : opts)
            r.cells << findingsText(o);
        r.best = bestOf(c, [](const OptionComparison &a, const OptionComparison &b) {
            return std::tie(a.errors, a.warnings) < std::tie(b.errors, b.warnings);
        });
        rows.push_back(std::move(r));
    }
    bool anyUnbound = false;
    for (const auto &o : opts)
        anyUnbound |= !o.unbound.isEmpty();
    if (anyUnbound) {
        ComparisonRow r;
        r.key = QStringLiteral("unbound");
        r.label = QStringLiteral("Not on any platform (not priced)");
        for (const auto &o : opts)
            r.cells << (o.unbound.isEmpty() ? kNone : o.unbound.join(QStringLiteral(", ")));
        rows.push_back(std::move(r));
    }
    {
        ComparisonRow r;
        r.key = QStringLiteral("errors");
        r.label = QStringLiteral("Error rules");
        for (const auto &o : opts)
            r.cells << (o.errorRules.isEmpty() ? kNone : o.errorRules.join(QStringLiteral(", ")));
        rows.push_back(std::move(r));
    }
    {
        ComparisonRow r;
        r.key = QStringLiteral("findings-delta");
        r.label = QStringLiteral("Findings vs baseline");
        for (const auto &o : opts)
            r.cells << (o.baseline ? QStringLiteral("baseline") : findingsDeltaText(o));
        rows.push_back(std::move(r));
    }
    {
        ComparisonRow r;
        r.key = QStringLiteral("availability");
        r.label = c.availabilityTargetPct ? QStringLiteral("Availability, worst path (target %1)")
                                                .arg(pctText(*c.availabilityTargetPct))
                                          : QStringLiteral("Availability, worst path");
        for (const auto &o : opts)
            r.cells << availabilityText(c, o);
        r.best = bestOf(
            c,
            [](const OptionComparison &a, const OptionComparison &b) {
                return *a.availability.worstPct > *b.availability.worstPct + 1e-9;
            },
            [](const OptionComparison &o) { return o.availability.worstPct.has_value(); });
        rows.push_back(std::move(r));
    }
    {
        ComparisonRow r;
        r.key = QStringLiteral("cold-start");
        r.label = c.p95TargetMs ? QStringLiteral("Worst cold start (p95 target %1 ms)")
                                      .arg(formatNumber(*c.p95TargetMs))
                                : QStringLiteral("Worst cold start");
        for (const auto &o : opts)
            r.cells << coldStartText(c, o);
        r.best = bestOf(c, [](const OptionComparison &a, const OptionComparison &b) {
            return a.coldStart.worstMs.value_or(0) < b.coldStart.worstMs.value_or(0) - 1e-9;
        });
        rows.push_back(std::move(r));
    }
    {
        ComparisonRow r;
        r.key = QStringLiteral("components");
        r.label = QStringLiteral("Components vs baseline");
        for (const auto &o : opts)
            r.cells << (o.baseline ? QStringLiteral("baseline") : diffText(o));
        rows.push_back(std::move(r));
    }
    {
        ComparisonRow r;
        r.key = QStringLiteral("platforms");
        r.label = QStringLiteral("Platforms");
        for (const auto &o : opts)
            r.cells << (o.platforms.isEmpty() ? kNone : o.platforms.join(QStringLiteral(", ")));
        rows.push_back(std::move(r));
    }
    {
        ComparisonRow r;
        r.key = QStringLiteral("accounts");
        r.label = QStringLiteral("Vendor accounts");
        for (const auto &o : opts)
            r.cells << (o.accounts.isEmpty() ? kNone : o.accounts.join(QStringLiteral(", ")));
        r.best = bestOf(c, [](const OptionComparison &a, const OptionComparison &b) {
            return a.accounts.size() < b.accounts.size();
        });
        rows.push_back(std::move(r));
    }
    return rows;
}

ojson comparisonToJson(const Comparison &c)
{
    ojson out = ojson::object();
    out["format"] = "stackplan-comparison";
    out["version"] = 1;
    out["project"] = str(c.project);
    out["traffic"] = str(c.traffic);
    out["multiplier"] = num(c.multiplier);
    ojson levels = ojson::object();
    for (size_t i = 0; i < 3; ++i)
        levels[kLevelKeys[i]] = num(c.levels[i]);
    out["levels"] = std::move(levels);
    out["baseline"] = str(c.baseline);
    out["budget"] = num(c.budget);
    out["availability_target_pct"] = num(c.availabilityTargetPct);
    out["p95_target_ms"] = num(c.p95TargetMs);
    const QString cheapest = c.cheapestPassing();
    out["cheapest_passing"] = cheapest.isEmpty() ? ojson(nullptr) : ojson(str(cheapest));
    ojson options = ojson::array();
    for (const auto &o : c.options) {
        ojson j = ojson::object();
        j["id"] = str(o.option);
        j["name"] = str(o.name);
        j["baseline"] = o.baseline;
        ojson costs = ojson::object();
        for (size_t i = 0; i < 3; ++i)
            costs[kLevelKeys[i]] = costJson(o.costs[i]);
        j["costs"] = std::move(costs);
        j["cost"] = costJson(o.cost);
        j["findings"] = {{"errors", o.errors},
                         {"warnings", o.warnings},
                         {"infos", o.infos},
                         {"error_rules", strings(o.errorRules)}};
        const auto &a = o.availability;
        ojson av = ojson::object();
        av["paths"] = a.paths;
        av["uncheckable_paths"] = a.uncheckablePaths;
        av["worst_pct"] = a.worstPct ? num(std::round(*a.worstPct * 1e6) / 1e6) : ojson(nullptr);
        av["worst_path"] = strings(a.worstPath);
        av["without_sla"] = strings(a.withoutSla);
        av["target_pct"] = num(a.targetPct);
        av["meets_target"] = optBool(a.meetsTarget);
        j["availability"] = std::move(av);
        const auto &cs = o.coldStart;
        ojson cold = ojson::object();
        cold["worst_ms"] = num(cs.worstMs);
        cold["component"] = cs.component.isEmpty() ? ojson(nullptr) : ojson(str(cs.component));
        cold["sleeps"] = cs.sleeps;
        cold["target_ms"] = num(cs.targetMs);
        cold["meets_target"] = optBool(cs.meetsTarget);
        j["cold_start"] = std::move(cold);
        j["budget"] = num(o.budget);
        j["headroom"] = o.headroom ? money(*o.headroom) : ojson(nullptr);
        ojson xs = ojson::array();
        for (const auto &x : o.crossovers)
            xs.push_back({{"other", str(x.other)},
                          {"multiplier", num(std::round(x.multiplier * 1e6) / 1e6)},
                          {"total", money(x.total)},
                          {"cheaper", x.cheaperAbove ? "above" : "below"}});
        j["crossovers"] = std::move(xs);
        ojson delta = ojson::object();
        delta["cost"] = money(o.delta.cost);
        delta["cost_pct"]
            = o.delta.costPct ? num(std::round(*o.delta.costPct * 1e4) / 1e4) : ojson(nullptr);
        delta["errors"] = o.delta.errors;
        delta["warnings"] = o.delta.warnings;
        delta["infos"] = o.delta.infos;
        delta["text"] = str(costDeltaText(o));
        j["delta"] = std::move(delta);
        j["diff"] = {{"added", strings(o.added)},
                     {"removed", strings(o.removed)},
                     {"rebound", strings(o.rebound)}};
        j["platforms"] = strings(o.platforms);
        j["accounts"] = strings(o.accounts);
        j["unbound"] = strings(o.unbound);
        options.push_back(std::move(j));
    }
    out["options"] = std::move(options);
    ojson xs = ojson::array();
    for (const auto &x : c.crossovers)
        xs.push_back({{"cheaper_below", str(x.cheaperBelow)},
                      {"cheaper_above", str(x.cheaperAbove)},
                      {"multiplier", num(std::round(x.multiplier * 1e6) / 1e6)},
                      {"total", money(x.total)},
                      {"sentence", str(crossoverSentence(c, x))}});
    out["crossovers"] = std::move(xs);
    return out;
}

QByteArray comparisonToCsv(const Comparison &c)
{
    QStringList header{QStringLiteral("option"), QStringLiteral("name"),
                       QStringLiteral("baseline")};
    for (const char *k : kLevelKeys)
        header << QStringLiteral("cost_%1").arg(QLatin1String(k))
               << QStringLiteral("unknown_%1").arg(QLatin1String(k));
    header << QStringLiteral("traffic") << QStringLiteral("multiplier") << QStringLiteral("cost")
           << QStringLiteral("unknown") << QStringLiteral("over_cap")
           << QStringLiteral("delta_cost") << QStringLiteral("delta_pct")
           << QStringLiteral("budget") << QStringLiteral("headroom") << QStringLiteral("errors")
           << QStringLiteral("warnings") << QStringLiteral("infos") << QStringLiteral("error_rules")
           << QStringLiteral("availability_pct") << QStringLiteral("availability_target_pct")
           << QStringLiteral("availability_met") << QStringLiteral("worst_path")
           << QStringLiteral("cold_start_ms") << QStringLiteral("cold_start_component")
           << QStringLiteral("p95_target_ms") << QStringLiteral("cold_start_met")
           << QStringLiteral("crossovers") << QStringLiteral("added") << QStringLiteral("removed")
           << QStringLiteral("rebound") << QStringLiteral("platforms") << QStringLiteral("accounts")
           << QStringLiteral("unbound");
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    const QString sep = QStringLiteral(";");
    for (const auto &o : c.options) {
        QStringList f{csvField(o.option), csvField(o.name),
                      o.baseline ? QStringLiteral("yes") : QStringLiteral("no")};
        for (const auto &cost : o.costs)
            f << csvNumber(cost.total) << QString::number(cost.unknown);
        QStringList xs;
        for (const auto &x : o.crossovers)
            xs << QStringLiteral("%1:%2:%3")
                      .arg(x.other, csvNumber(x.multiplier),
                           x.cheaperAbove ? QStringLiteral("cheaper-above")
                                          : QStringLiteral("cheaper-below"));
        f << csvField(c.traffic) << csvNumber(c.multiplier) << csvNumber(o.cost.total)
          << QString::number(o.cost.unknown) << QString::number(o.cost.overCap)
          << csvNumber(o.delta.cost) << csvNumber(o.delta.costPct) << csvNumber(o.budget)
          << csvNumber(o.headroom) << QString::number(o.errors) << QString::number(o.warnings)
          << QString::number(o.infos) << csvField(o.errorRules.join(sep))
          << csvNumber(o.availability.worstPct) << csvNumber(o.availability.targetPct)
          << csvBool(o.availability.meetsTarget) << csvField(o.availability.worstPath.join(sep))
          << csvNumber(o.coldStart.worstMs) << csvField(o.coldStart.component)
          << csvNumber(o.coldStart.targetMs) << csvBool(o.coldStart.meetsTarget)
          << csvField(xs.join(sep)) << csvField(o.added.join(sep)) << csvField(o.removed.join(sep))
          << csvField(o.rebound.join(sep)) << csvField(o.platforms.join(sep))
          << csvField(o.accounts.join(sep)) << csvField(o.unbound.join(sep));
        out += f.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QString comparisonToMarkdown(const Comparison &c)
{
    QString out = QStringLiteral("### %1: options compared\n\n").arg(escapeMarkdown(c.project));
    QStringList head{QString()};
    QStringList rule{QStringLiteral("---")};
    for (const auto &o : c.options) {
        head << (o.baseline ? QStringLiteral("**%1** (baseline)").arg(escapeMarkdown(o.name))
                            : escapeMarkdown(o.name));
        rule << QStringLiteral("---");
    }
    out += QStringLiteral("| ") + head.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    out += QStringLiteral("|") + rule.join(QStringLiteral("|")) + QStringLiteral("|\n");
    for (const auto &r : comparisonRows(c)) {
        QStringList cells{escapeMarkdown(r.label)};
        for (int i = 0; i < r.cells.size(); ++i) {
            const QString cell = escapeMarkdown(r.cells[i]);
            cells << (i == r.best && !cell.isEmpty() ? QStringLiteral("**%1**").arg(cell) : cell);
        }
        out += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    out += QStringLiteral(
        "\nMonthly USD, known part (≥ when some prices are unknown); **bold**: best in "
        "its row.\n");
    if (!c.crossovers.empty()) {
        out += QLatin1Char('\n');
        for (const auto &x : c.crossovers)
            out += QStringLiteral("- ") + escapeMarkdown(crossoverSentence(c, x))
                   + QLatin1Char('\n');
    }
    return out;
}

QString comparisonToText(const Comparison &c)
{
    const auto rows = comparisonRows(c);
    int labelWidth = 0;
    // Columns as wide as their widest cell (at least 16); headings wrap at spaces to fit.
    std::vector<int> widths(c.options.size(), 16);
    for (const auto &r : rows) {
        labelWidth = std::max(labelWidth, int(r.label.size()));
        for (int i = 0; i < r.cells.size(); ++i)
            widths[size_t(i)]
                = std::max(widths[size_t(i)], int(r.cells[i].size()) + (i == r.best ? 2 : 0));
    }
    std::vector<QStringList> headings;
    size_t headingLines = 1;
    for (size_t i = 0; i < c.options.size(); ++i) {
        QStringList lines;
        QString line;
        for (const QString &word :
             optionHeading(c.options[i]).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > widths[i]) {
                lines << line;
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        lines << line;
        for (const auto &l : lines)
            widths[i] = std::max(widths[i], int(l.size()));
        headingLines = std::max(headingLines, size_t(lines.size()));
        headings.push_back(lines);
    }
    QString out = QStringLiteral("%1: %2 options, traffic %3 (%4)\n\n")
                      .arg(c.project)
                      .arg(c.options.size())
                      .arg(c.traffic, multiplierText(c.multiplier));
    auto line = [&](const QString &label, const QStringList &cells, int best) {
        QString l = label.leftJustified(labelWidth);
        for (int i = 0; i < cells.size(); ++i)
            l += QStringLiteral("  ")
                 + (i == best ? QStringLiteral("* ") + cells[i] : cells[i])
                       .leftJustified(widths[size_t(i)]);
        while (l.endsWith(QLatin1Char(' ')))
            l.chop(1);
        out += l + QLatin1Char('\n');
    };
    for (size_t l = 0; l < headingLines; ++l) {
        QStringList heads;
        for (const auto &h : headings)
            heads << (l < size_t(h.size()) ? h[int(l)] : QString());
        line(QString(), heads, -1);
    }
    for (const auto &r : rows)
        line(r.label, r.cells, r.best);
    out += QStringLiteral(
        "\n* best in its row. Monthly USD, known part (≥ when some prices are unknown).\n");
    if (!c.crossovers.empty()) {
        out += QStringLiteral("\nCrossovers:\n");
        for (const auto &x : c.crossovers)
            out += QStringLiteral("  ") + crossoverSentence(c, x) + QLatin1Char('\n');
    }
    return out;
}

} // namespace stackplan
