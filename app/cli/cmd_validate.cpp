#include "cli/cli_common.h"

#include "io/inputguard.h"
#include "rules/findingjson.h"
#include "rules/validate.h"

#include <QCoreApplication>
#include <QFile>

namespace stackplan::cli {

namespace {

// Options named by --option (id or name), all with --all, else the baseline.
std::optional<QStringList> selectOptions(const QCommandLineParser &parser, const Project &p,
                                         QTextStream &err, const char *command)
{
    QStringList ids;
    if (parser.isSet(QStringLiteral("all"))) {
        ids = optionIds(p);
    } else if (parser.isSet(QStringLiteral("option"))) {
        for (const auto &name : parser.values(QStringLiteral("option"))) {
            const Option *o = p.findOption(name);
            if (!o) {
                QStringList known;
                for (const auto &opt : p.options)
                    known << QStringLiteral("%1 (\"%2\")").arg(opt.id, safe(opt.name));
                err << "stackplan " << command << ": no option \"" << safe(name)
                    << "\"; options: " << known.join(QStringLiteral(", ")) << Qt::endl;
                return std::nullopt;
            }
            ids << o->id;
        }
    } else {
        ids << p.baseline;
    }
    return ids;
}

// Which catalogue a finding's fact came from: "; bundled profile ID" or "; user profile FILE"
// (a profile from the user folder or --profiles, which may replace a bundled one).
QString factOrigin(const Finding &f, const Option &o, const Catalogue &catalogue)
{
    for (const auto &id : f.subjects) {
        const Component *c = o.component(id);
        const Profile *p = c && c->binding.isBound() ? catalogue.profile(c->binding.profile)
                                                     : nullptr;
        if (!p)
            continue;
        if (isBundledOrigin(p->origin))
            return QStringLiteral("; bundled profile ") + safe(p->id);
        return QStringLiteral("; user profile ") + safe(p->origin)
               + (!isBundledOrigin(catalogue.replacedOrigin(p->id)) ? QString()
                                                            : QStringLiteral(", replaces bundled"));
    }
    return {};
}

} // namespace

void addOptionSelection(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("option"),
         QStringLiteral("Only this option (id or name; repeatable). Default: the baseline."),
         QStringLiteral("name")});
    parser.addOption({QStringLiteral("all"), QStringLiteral("Every option.")});
}

std::optional<QStringList> selectedOptions(const QCommandLineParser &parser, const Project &p,
                                           QTextStream &err, const char *command)
{
    return selectOptions(parser, p, err, command);
}

std::optional<ProjectInput> loadProjectOptions(const QCommandLineParser &parser, QTextStream &err,
                                               const char *command)
{
    auto project = loadProject(parser.positionalArguments().first(), err);
    if (!project)
        return std::nullopt;
    auto ids = selectOptions(parser, *project, err, command);
    if (!ids)
        return std::nullopt;
    return ProjectInput{std::move(*project), std::move(*ids)};
}

int runValidate(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check a project against the platform profiles. Exit code 0: no errors; 1: "
                       "errors found; 2: bad input."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Project file (.stackplan.json)."));
    addOptionSelection(parser);
    parser.addOption({QStringLiteral("format"), QStringLiteral("text, json or sarif."),
                      QStringLiteral("format"), QStringLiteral("text")});
    addProfilesOption(parser);
    if (const auto rc = parseArgs(parser, args, out, err))
        return *rc;
    const auto chosen = chosenFormat(parser, {"text", "json", "sarif"}, "validate", err);
    if (!chosen)
        return 2;
    const QString format = *chosen;
    if (parser.positionalArguments().size() != 1) {
        err << "usage: stackplan validate FILE [--option NAME | --all] [--format text|json|sarif]"
            << Qt::endl;
        return 2;
    }
    const QString path = parser.positionalArguments().first();
    const auto input = loadProjectOptions(parser, err, "validate");
    if (!input)
        return 2;
    const Project *project = &input->project;
    const QStringList *ids = &input->options;
    const Catalogue catalogue = loadCatalogue(parser);
    printCatalogueProblems(catalogue, err);

    std::vector<Finding> findings;
    for (const auto &id : *ids) {
        auto found = validateOption(*project, *project->option(id), catalogue);
        findings.insert(findings.end(), found.begin(), found.end());
    }
    const FindingCounts total = countFindings(findings);

    if (format == QLatin1String("json")) {
        out << QString::fromStdString(findingsToJson(findings, *project, *ids, path).dump(2))
            << '\n';
    } else if (format == QLatin1String("sarif")) {
        const QByteArray text
            = readBoundedFile(path, 256ll * 1024 * 1024, nullptr).value_or(QByteArray());
        out << QString::fromStdString(
            findingsToSarif(findings, *project, path, text, QCoreApplication::applicationVersion())
                .dump(2))
            << '\n';
    } else {
        auto plural = [](int n, const char *word) {
            return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(word)).arg(n == 1 ? "" : "s");
        };
        for (const auto &id : *ids) {
            const Option *o = project->option(id);
            std::vector<Finding> mine;
            for (const auto &f : findings)
                if (f.option == id)
                    mine.push_back(f);
            const FindingCounts c = countFindings(mine);
            out << "Option " << o->id << ": " << safe(o->name)
                << (o->id == project->baseline ? " [baseline]" : "") << '\n';
            for (const auto &f : mine) {
                out << "  " << severityId(f.severity).leftJustified(8) << f.rule.leftJustified(27)
                    << safe(f.subjects.join(QLatin1Char(','))) << '\n';
                out << "      " << safe(f.message) << '\n';
                if (!f.source.isEmpty())
                    out << "      source: " << safe(f.source) << " (checked "
                        << f.checked.toString(Qt::ISODate) << factOrigin(f, *o, catalogue)
                        << ")\n";
                for (const auto &fix : f.fixes)
                    out << "      fix: " << safe(fix.label) << '\n';
            }
            out << "  " << plural(c.errors, "error") << ", " << plural(c.warnings, "warning")
                << ", " << plural(c.infos, "info") << "\n\n";
        }
        if (ids->size() > 1)
            out << "Total: " << plural(total.errors, "error") << ", "
                << plural(total.warnings, "warning") << ", " << plural(total.infos, "info") << '\n';
    }
    out.flush();
    return total.errors > 0 ? 1 : 0;
}

int runRules(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List every validation rule with its explanation."));
    parser.addOption({QStringLiteral("format"), QStringLiteral("text, json or markdown."),
                      QStringLiteral("format"), QStringLiteral("text")});
    if (const auto rc = parseArgs(parser, args, out, err))
        return *rc;
    const auto chosen = chosenFormat(parser, {"text", "json", "markdown"}, "rules", err);
    if (!chosen)
        return 2;
    const QString format = *chosen;
    if (format == QLatin1String("json")) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto &r : ruleCatalogue())
            list.push_back({{"id", r.id},
                            {"severity", severityId(r.severity).toStdString()},
                            {"title", r.title},
                            {"explanation", r.explanation}});
        out << QString::fromStdString(list.dump(2)) << '\n';
    } else if (format == QLatin1String("markdown")) {
        out << "| rule | usual severity | what it checks |\n|---|---|---|\n";
        for (const auto &r : ruleCatalogue())
            out << "| `" << r.id << "` | " << severityId(r.severity) << " | **" << r.title << ".** "
                << r.explanation << " |\n";
    } else {
        for (const auto &r : ruleCatalogue())
            out << QString::fromLatin1(r.id).leftJustified(28)
                << severityId(r.severity).leftJustified(9) << r.title << "\n    " << r.explanation
                << "\n";
    }
    out.flush();
    return 0;
}

} // namespace stackplan::cli
