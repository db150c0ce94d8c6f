#include "cli/cli_common.h"

#include "export/bundle.h"
#include "export/text.h"

namespace stackplan::cli {

namespace {

const char *kindLabel(BundleNote::Kind k)
{
    switch (k) {
    case BundleNote::Kind::Gap:
        return "not exported";
    case BundleNote::Kind::Assumption:
        return "assumed";
    case BundleNote::Kind::Step:
        return "step";
    }
    return "";
}

} // namespace

int runExport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write the deployment config bundle of options: the platform files "
                       "(wrangler.toml, Worker router, Dockerfile, service.yaml, fly.toml, "
                       "render.yaml, railway.json, docker-compose.yml, nginx.conf), .env.example "
                       "and DEPLOY.md with the steps and everything that could not be exported. "
                       "Several options go in one folder each, named by option id. Exit code 0: "
                       "written; 2: bad input or nothing written."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Project file (.stackplan.json)."));
    addOptionSelection(parser);
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("Folder to write (must not exist or be empty), or the zip "
                                     "file with --zip."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("zip"), QStringLiteral("Write one zip archive instead.")});
    parser.addOption({QStringLiteral("force"),
                      QStringLiteral("Replace the content of a non-empty --out folder or an "
                                     "existing zip.")});
    addProfilesOption(parser);
    if (const auto rc = parseArgs(parser, args, out, err))
        return *rc;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("out"))) {
        err << "usage: stackplan export FILE [--option NAME | --all] --out DIR [--zip] [--force]"
            << Qt::endl;
        return 2;
    }
    const auto input = loadProjectOptions(parser, err, "export");
    if (!input)
        return 2;
    const Project *project = &input->project;
    const QStringList *ids = &input->options;
    const Catalogue catalogue = loadCatalogue(parser);
    printCatalogueProblems(catalogue, err);

    std::vector<Bundle> bundles;
    for (const QString &id : *ids)
        bundles.push_back(makeBundle(*project, *project->option(id), catalogue));
    const QString target = parser.value(QStringLiteral("out"));
    QString error;
    const bool zip = parser.isSet(QStringLiteral("zip"));
    const bool force = parser.isSet(QStringLiteral("force"));
    if (!(zip ? writeBundlesZip(bundles, target, force, &error)
              : writeBundles(bundles, target, force, &error))) {
        err << "stackplan export: " << error << Qt::endl;
        return 2;
    }
    for (const Bundle &b : bundles) {
        const Option *o = project->option(b.option);
        out << "option " << b.option << " (" << exporter::commentText(o->name) << "): "
            << b.files.size() << " files, " << b.count(BundleNote::Kind::Step) << " steps, "
            << b.count(BundleNote::Kind::Gap) << " not exported";
        if (!b.hasTargets)
            out << " (no component has a deployment target)";
        out << Qt::endl;
        for (const BundleNote &n : b.notes) {
            if (n.kind == BundleNote::Kind::Step)
                continue;
            out << "  " << kindLabel(n.kind) << ": " << exporter::commentText(n.text, 400)
                << Qt::endl;
        }
    }
    out << "wrote " << target << "; read DEPLOY.md for the steps" << Qt::endl;
    return 0;
}

} // namespace stackplan::cli
