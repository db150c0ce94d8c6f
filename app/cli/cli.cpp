#include "cli/cli.h"

#include "cli/cli_common.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace stackplan::cli {

namespace {

struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &, QTextStream &, QTextStream &);
    bool gui = false; // draws: needs an (offscreen) QGuiApplication
};

const std::vector<Command> &commands()
{
    static const std::vector<Command> list = {
        {"compare", "options side by side: cost at three traffic levels, findings, SLOs, deltas",
         runCompare},
        {"cost", "price options per component and meter line; --sweep for the cost curve", runCost},
        {"export", "write the deployment config bundle of options (platform files, DEPLOY.md)",
         runExport},
        {"fmt", "rewrite project files in canonical form (--check to verify only)", runFmt},
        {"info", "summary of a project: options, components with bindings, connections", runInfo},
        {"profiles", "list platform profiles, or show one with every fact and its source",
         runProfiles},
        {"render", "draw option diagrams to SVG, PNG or PDF", runRender, true},
        {"report", "write the review pack (PDF or HTML): diagrams, findings, bills, charts, facts",
         runReport, true},
        {"rules", "list every validation rule with its explanation", runRules},
        {"validate", "check options against platform limits and capabilities (exit 1 on errors)",
         runValidate},
    };
    return list;
}

} // namespace

QStringList subcommands()
{
    QStringList names;
    for (const auto &c : commands())
        names << QString::fromLatin1(c.name);
    return names;
}

bool isSubcommand(const QString &argv1)
{
    return subcommands().contains(argv1);
}

bool needsGui(const QString &argv1)
{
    for (const auto &c : commands())
        if (argv1 == QLatin1String(c.name))
            return c.gui;
    return false;
}

int run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    for (const auto &c : commands())
        if (!args.isEmpty() && args.first() == QLatin1String(c.name))
            return c.run(args, out, err);
    err << "stackplan: unknown command" << Qt::endl;
    return 2;
}

void addProfilesOption(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("profiles"),
         QStringLiteral("Also load platform profiles from <dir> (overrides by id; repeatable)."),
         QStringLiteral("dir")});
    parser.addOption({QStringLiteral("no-user-profiles"),
                      QStringLiteral("Do not load profiles from the user folder (%1).")
                          .arg(Catalogue::userFolder())});
}

Catalogue loadCatalogue(const QCommandLineParser &parser)
{
    return Catalogue::standard(parser.values(QStringLiteral("profiles")),
                               !parser.isSet(QStringLiteral("no-user-profiles")));
}

void printCatalogueProblems(const Catalogue &catalogue, QTextStream &err)
{
    for (const auto &p : catalogue.problems())
        err << (p.warning ? "warning: " : "error: ") << p.error.toString() << Qt::endl;
}

std::optional<Project> loadProject(const QString &path, QTextStream &err)
{
    ProjectLoad load = loadProjectFile(path);
    if (!load.ok()) {
        err << "error: " << load.error.toString() << Qt::endl;
        return std::nullopt;
    }
    return std::move(load.project);
}

std::optional<int> parseArgs(QCommandLineParser &parser, const QStringList &args, QTextStream &out,
                             QTextStream &err)
{
    parser.addHelpOption();
    QStringList argv = args;
    argv[0] = QStringLiteral("stackplan ") + args[0];
    if (!parser.parse(argv)) {
        err << "stackplan " << args[0] << ": " << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // helpText() names only the executable ("Usage: stackplan [options] file"); the usage
        // line (and the man page made from it) must name the subcommand too.
        QString text = parser.helpText();
        const QString usage = QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0);
        if (text.startsWith(usage))
            text.insert(usage.size(), QLatin1Char(' ') + args[0]);
        out << text;
        return 0;
    }
    return std::nullopt;
}

std::optional<QString> chosenFormat(const QCommandLineParser &parser, const QStringList &formats,
                                    const char *command, QTextStream &err)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (formats.contains(format))
        return format;
    const QString choices = formats.size() < 2
                                ? formats.join(QString())
                                : formats.mid(0, formats.size() - 1).join(QStringLiteral(", "))
                                      + QStringLiteral(" or ") + formats.last();
    err << "stackplan " << command << ": unknown format \"" << format << "\" (use " << choices
        << ")" << Qt::endl;
    return std::nullopt;
}

} // namespace stackplan::cli
