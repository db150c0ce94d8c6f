#include "cli/cli_common.h"

#include "compare/comparison.h"
#include "cost/bill.h"

namespace stackplan::cli {

int runCompare(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compare the options of a project side by side: monthly cost at the low, typical and "
        "high traffic levels, findings, availability of the worst request path, worst cold "
        "start, budget headroom, cost crossovers, and the difference from the baseline."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Project file (.stackplan.json)."));
    parser.addOption({QStringLiteral("traffic"),
                      QStringLiteral("Traffic of the deltas and the budget headroom: low, "
                                     "typical, high (the project's levels) or a multiplier such "
                                     "as 2.5."),
                      QStringLiteral("level"), QStringLiteral("typical")});
    parser.addOption({QStringLiteral("baseline"),
                      QStringLiteral("Compare against this option (id or name) instead of the "
                                     "project's baseline."),
                      QStringLiteral("option")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("text, json, csv or md (a Markdown table for a pull "
                                     "request)."),
                      QStringLiteral("format"), QStringLiteral("text")});
    addProfilesOption(parser);
    if (const auto rc = parseArgs(parser, args, out, err))
        return *rc;
    const auto format = chosenFormat(parser, {"text", "json", "csv", "md"}, "compare", err);
    if (!format)
        return 2;
    if (parser.positionalArguments().size() != 1) {
        err << "usage: stackplan compare FILE [--traffic low|typical|high|<multiplier>] "
               "[--baseline OPTION] [--format text|json|csv|md]"
            << Qt::endl;
        return 2;
    }
    const QString path = parser.positionalArguments().first();
    const auto project = loadProject(path, err);
    if (!project)
        return 2;
    CompareSettings settings;
    settings.traffic = parser.value(QStringLiteral("traffic"));
    if (!trafficMultiplier(project->assumptions, settings.traffic)) {
        err << "stackplan compare: invalid traffic \"" << settings.traffic
            << "\" (use low, typical, high or a positive multiplier)" << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("baseline"))) {
        const QString name = parser.value(QStringLiteral("baseline"));
        const Option *o = project->findOption(name);
        if (!o) {
            err << "stackplan compare: " << path << ": no option \"" << name
                << "\" (options: " << optionIds(*project).join(QStringLiteral(", ")) << ")"
                << Qt::endl;
            return 2;
        }
        settings.baseline = o->id;
    }
    const Catalogue catalogue = loadCatalogue(parser);
    printCatalogueProblems(catalogue, err);
    const Comparison c = compareOptions(*project, catalogue, settings);
    if (*format == QLatin1String("json"))
        out << QString::fromStdString(comparisonToJson(c).dump(2)) << '\n';
    else if (*format == QLatin1String("csv"))
        out << QString::fromUtf8(comparisonToCsv(c));
    else if (*format == QLatin1String("md"))
        out << comparisonToMarkdown(c);
    else
        out << comparisonToText(c);
    out.flush();
    return 0;
}

} // namespace stackplan::cli
