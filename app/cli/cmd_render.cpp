#include "cli/cli_common.h"

#include "render/diagram.h"
#include "render/export.h"
#include "rules/validate.h"

#include <QFileInfo>

namespace stackplan::cli {

// `stackplan render FILE [--option ID | --all] --format svg|png|pdf --out PATH`: diagrams drawn
// by the same library as the canvas, in an offscreen QGuiApplication that main() creates for
// this subcommand only. Prints the files written, one per line.
int runRender(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draw option diagrams to SVG, PNG or PDF without a display. One option: PATH is the "
        "file. Several options: a PDF gets one page per option; SVG and PNG go into the folder "
        "PATH as OPTION-ID.svg / OPTION-ID.png."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Project file (.stackplan.json)."));
    addOptionSelection(parser);
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("svg, png or pdf (default: from the suffix of --out)."),
                      QStringLiteral("format")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("Output file or folder."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("scale"),
                      QStringLiteral("PNG pixels per diagram unit, 0.25 to 8 (default 2)."),
                      QStringLiteral("factor"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("no-badges"),
                      QStringLiteral("Leave out problem badges and the key of findings.")});
    parser.addOption({QStringLiteral("theme"), QStringLiteral("light or dark (default light)."),
                      QStringLiteral("theme"), QStringLiteral("light")});
    addProfilesOption(parser);
    if (const auto rc = parseArgs(parser, args, out, err))
        return *rc;
    const QString usage = QStringLiteral(
        "usage: stackplan render FILE [--option ID | --all] --format svg|png|pdf --out PATH");
    if (parser.positionalArguments().size() != 1) {
        err << usage << Qt::endl;
        return 2;
    }
    const QString target = parser.value(QStringLiteral("out"));
    if (target.isEmpty()) {
        err << "stackplan render: --out PATH is required\n" << usage << Qt::endl;
        return 2;
    }
    std::optional<QString> formatId;
    if (parser.isSet(QStringLiteral("format"))) {
        formatId = chosenFormat(parser, {"svg", "png", "pdf"}, "render", err);
    } else if (const QString suffix = QFileInfo(target).suffix().toLower();
               diagramFormatFromId(suffix)) {
        formatId = suffix;
    } else {
        err << "stackplan render: give --format svg, png or pdf (the suffix of \"" << target
            << "\" names none)" << Qt::endl;
    }
    if (!formatId)
        return 2;
    bool ok = false;
    const double scale = parser.value(QStringLiteral("scale")).toDouble(&ok);
    if (!ok || scale < 0.25 || scale > 8) {
        err << "stackplan render: --scale must be a number from 0.25 to 8, not \""
            << parser.value(QStringLiteral("scale")) << "\"" << Qt::endl;
        return 2;
    }
    const auto theme = themeFromId(parser.value(QStringLiteral("theme")));
    if (!theme) {
        err << "stackplan render: unknown theme \"" << parser.value(QStringLiteral("theme"))
            << "\" (use light or dark)" << Qt::endl;
        return 2;
    }
    const auto input = loadProjectOptions(parser, err, "render");
    if (!input)
        return 2;
    const Project *project = &input->project;
    const QStringList *ids = &input->options;
    const Catalogue catalogue = loadCatalogue(parser);
    printCatalogueProblems(catalogue, err);

    DiagramOptions options;
    options.badges = !parser.isSet(QStringLiteral("no-badges"));
    options.theme = *theme;
    const std::vector<Finding> findings
        = options.badges ? validateProject(*project, catalogue) : std::vector<Finding>();
    std::vector<Diagram> diagrams;
    for (const auto &id : *ids)
        diagrams.push_back(buildDiagram(*project, id, &catalogue, findings, options));
    const ExportResult result
        = exportDiagrams(diagrams, *diagramFormatFromId(*formatId), scale, target, project->name);
    if (!result.ok()) {
        err << "stackplan render: " << result.error << Qt::endl;
        return 2;
    }
    for (const auto &file : result.written)
        out << file << '\n';
    out.flush();
    return 0;
}

} // namespace stackplan::cli
