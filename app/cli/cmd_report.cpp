#include "cli/cli_common.h"

#include "render/report.h"

#include <QFileInfo>

namespace stackplan::cli {

// `stackplan report FILE --out PACK [--format pdf|html]`: the review pack of every option, drawn
// by the same library as the canvas in the offscreen QGuiApplication main() creates for drawing
// commands. Prints the file written.
int runReport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the review pack of a project: a cover with its assumptions and the date of the "
        "platform data, a summary comparing every option, then per option the diagram, the "
        "findings with sources and fixes, the bill by component and the cost-versus-traffic "
        "chart, and an appendix of every platform fact used with its source. PDF (A4 "
        "landscape) or one self-contained HTML file."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Project file (.stackplan.json)."));
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("pdf or html (default: from the suffix of --out, else pdf)."),
                      QStringLiteral("format")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output file."), QStringLiteral("path")});
    addProfilesOption(parser);
    if (const auto rc = parseArgs(parser, args, out, err))
        return *rc;
    const QString usage
        = QStringLiteral("usage: stackplan report FILE --out PACK [--format pdf|html]");
    if (parser.positionalArguments().size() != 1) {
        err << usage << Qt::endl;
        return 2;
    }
    const QString target = parser.value(QStringLiteral("out"));
    if (target.isEmpty()) {
        err << "stackplan report: --out PATH is required\n" << usage << Qt::endl;
        return 2;
    }
    std::optional<QString> formatId;
    if (parser.isSet(QStringLiteral("format"))) {
        formatId = chosenFormat(parser, {"pdf", "html"}, "report", err);
        if (!formatId)
            return 2;
    } else {
        const QString suffix = QFileInfo(target).suffix().toLower();
        formatId = suffix == QLatin1String("html") || suffix == QLatin1String("htm")
                       ? QStringLiteral("html")
                       : QStringLiteral("pdf");
    }
    if (QFileInfo(target).isDir()) {
        err << "stackplan report: \"" << target << "\" is a folder; give a file name" << Qt::endl;
        return 2;
    }
    const QString path = parser.positionalArguments().first();
    const auto project = loadProject(path, err);
    if (!project)
        return 2;
    const Catalogue catalogue = loadCatalogue(parser);
    printCatalogueProblems(catalogue, err);

    const ReportInput input = makeReportInput(*project, catalogue);
    const ReportResult result = writeReport(input, *reportFormatFromId(*formatId), target);
    if (!result.ok()) {
        err << "stackplan report: " << result.error << Qt::endl;
        return 2;
    }
    out << target << '\n';
    out.flush();
    return 0;
}

} // namespace stackplan::cli
