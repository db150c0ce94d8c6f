#include "cli/cli_common.h"

#include "cost/billjson.h"
#include "util/format.h"

namespace stackplan::cli {

namespace {

QString priceText(const BillLine &l)
{
    if (!l.unitPrice)
        return QStringLiteral("price unknown");
    if (l.usage == QLatin1String("fee") || l.usage == QLatin1String("credit"))
        return QString();
    return l.per == 1
               ? QStringLiteral("× %1").arg(formatPrice(*l.unitPrice))
               : QStringLiteral("× %1 / %2").arg(formatPrice(*l.unitPrice), formatNumber(l.per));
}

QString amountText(const std::optional<double> &a)
{
    return a ? formatMoney(*a) : QStringLiteral("unknown");
}

void printLine(QTextStream &out, const BillLine &l)
{
    const QString q
        = l.quantity ? formatNumber(std::round(*l.quantity * 1000) / 1000, 3) : QStringLiteral("?");
    const QString billable
        = l.billable ? formatNumber(std::round(*l.billable * 1000) / 1000, 3) : QStringLiteral("?");
    if (l.usage == QLatin1String("fee") || l.usage == QLatin1String("credit")) {
        out << "    " << safe(l.description).leftJustified(66) << ' '
            << amountText(l.amount).rightJustified(12) << "  " << safe(l.source) << " ("
            << l.checked.toString(Qt::ISODate) << ")\n";
        return;
    }
    out << "    " << safe(l.description).leftJustified(26) << ' ' << q.rightJustified(16) << "  incl "
        << formatNumber(std::round(l.included * 1000) / 1000, 3).rightJustified(14) << "  bill "
        << billable.rightJustified(14) << "  " << priceText(l).leftJustified(24) << ' '
        << (l.overCap ? QStringLiteral("over cap") : amountText(l.amount)).rightJustified(12)
        << "  " << safe(l.source) << " (" << l.checked.toString(Qt::ISODate) << ")\n";
    if (l.overCap)
        out << "      " << safe(l.note) << '\n';
}

} // namespace

int runCost(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Price options from the traffic in the project: per component and meter "
                       "line, with account fees counted once."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Project file (.stackplan.json)."));
    addOptionSelection(parser);
    parser.addOption(
        {QStringLiteral("traffic"),
         QStringLiteral("low, typical, high (the project's levels) or a multiplier such as 2.5."),
         QStringLiteral("level"), QStringLiteral("typical")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("text, json or csv."),
                      QStringLiteral("format"), QStringLiteral("text")});
    parser.addOption(
        {QStringLiteral("sweep"),
         QStringLiteral(
             "Print the cost curve from 0.01× to 1000× traffic, breakpoints and crossovers.")});
    parser.addOption({QStringLiteral("points"), QStringLiteral("Points of the sweep (default 61)."),
                      QStringLiteral("n"), QStringLiteral("61")});
    addProfilesOption(parser);
    if (const auto rc = parseArgs(parser, args, out, err))
        return *rc;
    const auto chosen = chosenFormat(parser, {"text", "json", "csv"}, "cost", err);
    if (!chosen)
        return 2;
    const QString format = *chosen;
    if (parser.positionalArguments().size() != 1) {
        err << "usage: stackplan cost FILE [--option NAME | --all] [--traffic "
               "low|typical|high|<multiplier>] "
               "[--format text|json|csv] [--sweep]"
            << Qt::endl;
        return 2;
    }
    const QString path = parser.positionalArguments().first();
    const auto input = loadProjectOptions(parser, err, "cost");
    if (!input)
        return 2;
    const Project *project = &input->project;
    const QStringList *ids = &input->options;
    const QString level = parser.value(QStringLiteral("traffic"));
    const auto multiplier = trafficMultiplier(project->assumptions, level);
    if (!multiplier) {
        err << "stackplan cost: invalid traffic \"" << level
            << "\" (use low, typical, high or a positive multiplier)" << Qt::endl;
        return 2;
    }
    const Catalogue catalogue = loadCatalogue(parser);
    printCatalogueProblems(catalogue, err);

    if (parser.isSet(QStringLiteral("sweep"))) {
        bool ok = false;
        const int points = parser.value(QStringLiteral("points")).toInt(&ok);
        if (!ok || points < 2 || points > 10000) {
            err << "stackplan cost: --points must be between 2 and 10000" << Qt::endl;
            return 2;
        }
        const Sweep sweep = computeSweep(*project, *ids, catalogue, 0.01, 1000, points);
        if (format == QLatin1String("json")) {
            out << QString::fromStdString(sweepToJson(sweep).dump(2)) << '\n';
        } else if (format == QLatin1String("csv")) {
            out << QString::fromUtf8(sweepToCsv(sweep));
        } else {
            out << "multiplier";
            for (const auto &s : sweep.series)
                out << "  " << s.option.rightJustified(14);
            out << '\n';
            for (size_t i = 0; i < sweep.multipliers.size(); ++i) {
                out << formatNumber(sweep.multipliers[i], 4).rightJustified(10);
                for (const auto &s : sweep.series)
                    out << "  "
                        << ((s.unknown[i] ? QStringLiteral("≥") : QString())
                            + formatMoney(s.totals[i]))
                               .rightJustified(14);
                out << '\n';
            }
            out << "\nBreakpoints:\n";
            for (const auto &b : sweep.breakpoints)
                out << "  ×" << formatNumber(b.multiplier, 4) << "  " << b.option << "  " << b.kind
                    << "  " << safe(b.description) << '\n';
            out << "Crossovers:\n";
            for (const auto &c : sweep.crossovers)
                out << "  ×" << formatNumber(c.multiplier, 4) << "  " << c.cheaperAbove
                    << " becomes cheaper than " << c.cheaperBelow << " (both "
                    << formatMoney(c.total) << ")\n";
        }
        out.flush();
        return 0;
    }

    std::vector<Bill> bills;
    for (const auto &id : *ids)
        bills.push_back(computeBill(*project, *project->option(id), catalogue, *multiplier));

    if (format == QLatin1String("json")) {
        nlohmann::ordered_json o;
        o["format"] = "stackplan-bill";
        o["version"] = 1;
        o["file"] = path.toStdString();
        o["traffic"] = level.toStdString();
        o["multiplier"] = *multiplier;
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto &b : bills)
            list.push_back(billToJson(b, *project));
        o["bills"] = std::move(list);
        out << QString::fromStdString(o.dump(2)) << '\n';
    } else if (format == QLatin1String("csv")) {
        out << QString::fromUtf8(billCsvHeader());
        for (const auto &b : bills)
            out << QString::fromUtf8(billToCsv(b));
    } else {
        for (const auto &b : bills) {
            const Option *o = project->option(b.option);
            out << "Option " << o->id << ": " << safe(o->name)
                << (o->id == project->baseline ? " [baseline]" : "") << '\n';
            out << "Traffic: " << level << " (×" << formatNumber(*multiplier) << ")\n";
            for (const auto &cb : b.components) {
                out << "\n  " << safe(cb.name) << "  " << safe(cb.binding.profile) << " / "
                    << safe(cb.binding.plan)
                    << (cb.binding.instance.isEmpty()
                            ? QString()
                            : QStringLiteral(" / ") + safe(cb.binding.instance))
                    << "  " << formatMoney(cb.known)
                    << (cb.unknown ? QStringLiteral(" + %1 unknown").arg(cb.unknown) : QString())
                    << (cb.overCap ? QStringLiteral(" + %1 over a plan's cap").arg(cb.overCap)
                                   : QString())
                    << '\n';
                for (const auto &l : cb.lines)
                    printLine(out, l);
            }
            if (!b.accountLines.empty()) {
                out << "\n  Account (once per option)\n";
                for (const auto &l : b.accountLines)
                    printLine(out, l);
            }
            out << "\n  Total: " << b.totalText() << " per month\n\n";
        }
    }
    out.flush();
    return 0;
}

} // namespace stackplan::cli
