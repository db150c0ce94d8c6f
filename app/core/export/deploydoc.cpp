// DEPLOY.md and .env.example: what each file is for, the steps in order, the option's open
// error findings at the top, how each connection is carried, every environment variable, and
// the table of what has no target, with the reason.

#include "export/export_p.h"

#include "rules/validate.h"

#include <QRegularExpression>

namespace stackplan::exporter {

namespace {

QString phaseTitle(Phase p)
{
    switch (p) {
    case Phase::Tools:
        return QStringLiteral("Tools");
    case Phase::Resources:
        return QStringLiteral("Resources to create first");
    case Phase::Secrets:
        return QStringLiteral("Secrets and settings");
    case Phase::Backends:
        return QStringLiteral("Build and deploy the services");
    case Phase::Edge:
        return QStringLiteral("Deploy to the edge");
    case Phase::Domains:
        return QStringLiteral("Domains and DNS");
    case Phase::Wiring:
        return QStringLiteral("Connect the pieces");
    case Phase::Migrations:
        return QStringLiteral("Database migrations");
    case Phase::Verify:
        return QStringLiteral("Check");
    }
    return {};
}

QString subjectName(const Context &ctx, const QString &id)
{
    if (id.isEmpty())
        return QStringLiteral("the option");
    if (const Unit *u = ctx.unit(id))
        return u->c->name;
    if (const Connection *c = ctx.option.connection(id)) {
        const Unit *from = ctx.unit(c->from);
        const Unit *to = ctx.unit(c->to);
        return QStringLiteral("%1 → %2").arg(from ? from->c->name : c->from, to ? to->c->name : c->to);
    }
    return id;
}

// Values a .env file holds without quoting rules that differ between readers.
bool plainEnvValue(const QString &v)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_./:,@+=\\-]*$"));
    return re.match(v).hasMatch();
}

} // namespace

void writeEnvExample(Context &ctx)
{
    QString text;
    text += QStringLiteral("# Environment of %1, option \"%2\", written by Stackplan.\n")
                .arg(commentText(ctx.project.name), commentText(ctx.option.name));
    text += QStringLiteral("# Copy to .env and fill in the values. Lines marked secret hold "
                           "credentials: never commit them.\n");
    QStringList seen;
    bool any = false;
    for (const Unit &u : ctx.units) {
        const auto &vars = ctx.env(u.c->id);
        if (vars.empty())
            continue;
        any = true;
        text += QStringLiteral("\n# %1 (%2)\n").arg(commentText(u.c->name), u.c->id);
        for (const EnvEntry &e : vars) {
            if (seen.contains(e.name)) {
                text += QStringLiteral("# %1: also used here (set above)\n").arg(e.name);
                continue;
            }
            seen << e.name;
            if (e.secret)
                text += QStringLiteral("# secret\n%1=\n").arg(e.name);
            else if (plainEnvValue(e.value))
                text += QStringLiteral("%1=%2\n").arg(e.name, e.value);
            else
                text += QStringLiteral("# %1 has a value a .env file cannot hold as is: set it by "
                                       "hand\n%1=\n")
                            .arg(e.name);
        }
    }
    if (!any)
        text += QStringLiteral("\n# The diagram names no environment variables.\n");
    ctx.bundle.files[QStringLiteral(".env.example")] = text.toUtf8();
}

void writeDeployDoc(Context &ctx)
{
    QString md;
    md += QStringLiteral("# Deploying %1: %2\n\n").arg(markdown(ctx.project.name), markdown(ctx.option.name));
    md += QStringLiteral("Written by Stackplan from the option \"%1\" of *%2*. The files configure "
                         "the platforms; your application code goes next to them as each step "
                         "says.\n")
              .arg(markdown(ctx.option.name), markdown(ctx.project.name));
    if (!ctx.option.description.isEmpty())
        md += QStringLiteral("\n> %1\n").arg(markdown(ctx.option.description));

    // Open problems first: an option with errors will not work as drawn.
    md += QStringLiteral("\n## Open problems\n\n");
    const FindingCounts counts = countFindings(ctx.findings);
    if (counts.errors == 0) {
        md += QStringLiteral("Validation finds no errors in this option");
        md += counts.warnings > 0
                  ? QStringLiteral(" (%1 warning%2: `stackplan validate` lists them).\n")
                        .arg(counts.warnings)
                        .arg(counts.warnings == 1 ? QString() : QStringLiteral("s"))
                  : QStringLiteral(".\n");
    } else {
        md += QStringLiteral("Validation finds %1 error%2 in this option; fix them before "
                             "deploying:\n\n")
                  .arg(counts.errors)
                  .arg(counts.errors == 1 ? QString() : QStringLiteral("s"));
        for (const Finding &f : ctx.findings) {
            if (f.severity != Severity::Error)
                continue;
            QStringList names;
            for (const QString &s : f.subjects)
                names << markdown(subjectName(ctx, s));
            md += QStringLiteral("- **%1** (%2): %3").arg(f.rule, names.join(QStringLiteral(", ")),
                                                          markdown(f.message));
            if (!f.source.isEmpty())
                md += QStringLiteral(" [source](%1)").arg(QString(f.source).replace(QLatin1Char(')'), QStringLiteral("%29")));
            md += QLatin1Char('\n');
        }
    }

    md += QStringLiteral("\n## Files\n\n| File | What it is for |\n|---|---|\n");
    md += QStringLiteral("| `DEPLOY.md` | this guide |\n");
    md += QStringLiteral("| `.env.example` | every environment variable, secrets marked, no "
                         "secret values |\n");
    std::vector<Context::FileDoc> docs = ctx.fileDocs;
    std::stable_sort(docs.begin(), docs.end(),
                     [](const auto &a, const auto &b) { return a.path < b.path; });
    QSet<QString> listed;
    for (const auto &d : docs) {
        if (listed.contains(d.path))
            continue;
        listed.insert(d.path);
        md += QStringLiteral("| `%1` | %2 |\n").arg(d.path, markdown(d.purpose));
    }

    md += QStringLiteral("\n## Steps\n");
    int n = 0;
    for (Phase phase : {Phase::Tools, Phase::Resources, Phase::Secrets, Phase::Backends,
                        Phase::Edge, Phase::Domains, Phase::Wiring, Phase::Migrations,
                        Phase::Verify}) {
        QStringList lines;
        for (const auto &s : ctx.steps)
            if (s.phase == phase)
                lines << s.text;
        if (lines.isEmpty())
            continue;
        md += QStringLiteral("\n### %1\n\n").arg(phaseTitle(phase));
        for (const QString &l : lines)
            md += QStringLiteral("%1. %2\n").arg(++n).arg(l);
    }
    if (n == 0)
        md += QStringLiteral("\nNo component of this option has a deployment target.\n");

    md += QStringLiteral("\n## Connections\n\n| From | To | Protocol | In this bundle |\n"
                         "|---|---|---|---|\n");
    for (const Connection &c : ctx.option.connections) {
        const Unit *from = ctx.unit(c.from);
        const Unit *to = ctx.unit(c.to);
        const auto it = ctx.wiring.find(c.id);
        QStringList how;
        if (it != ctx.wiring.end())
            for (const QString &h : it->second)
                how << markdown(h);
        md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                  .arg(markdown(from ? from->c->name : c.from), markdown(to ? to->c->name : c.to),
                       protocolId(c.protocol),
                       how.isEmpty() ? QStringLiteral("not exported (see below)")
                                     : how.join(QStringLiteral("; ")));
    }
    if (ctx.option.connections.empty())
        md += QStringLiteral("| | | | the option has no connections |\n");

    md += QStringLiteral("\n## Environment\n\n| Component | Variable | Secret | Value |\n"
                         "|---|---|---|---|\n");
    bool anyEnv = false;
    for (const Unit &u : ctx.units)
        for (const EnvEntry &e : ctx.env(u.c->id)) {
            anyEnv = true;
            md += QStringLiteral("| %1 | `%2` | %3 | %4 |\n")
                      .arg(markdown(u.c->name), e.name,
                           e.secret ? QStringLiteral("yes") : QStringLiteral("no"),
                           e.secret ? QStringLiteral("set with the platform's secret command")
                           : e.value.isEmpty() ? QStringLiteral("to set")
                                               : markdownCode(e.value));
        }
    if (!anyEnv)
        md += QStringLiteral("| | | | the diagram names no environment variables |\n");

    md += QStringLiteral("\n## Not exported\n\n");
    QStringList gaps;
    for (const BundleNote &note : ctx.bundle.notes)
        if (note.kind == BundleNote::Kind::Gap)
            gaps << QStringLiteral("| %1 | %2 |\n").arg(markdown(subjectName(ctx, note.subject)),
                                                        markdown(note.text));
    if (gaps.isEmpty())
        md += QStringLiteral("Nothing was left out: every component, connection and setting of the "
                             "option is in the files above.\n");
    else
        md += QStringLiteral("Everything the files above do not carry, with the reason:\n\n"
                             "| Subject | Why |\n|---|---|\n")
              + gaps.join(QString());

    QStringList assumptions;
    for (const BundleNote &note : ctx.bundle.notes)
        if (note.kind == BundleNote::Kind::Assumption)
            assumptions << QStringLiteral("- %1\n").arg(markdown(note.text));
    if (!assumptions.isEmpty())
        md += QStringLiteral("\n## Assumptions\n\nDefaults Stackplan chose where the diagram says "
                             "nothing:\n\n")
              + assumptions.join(QString());
    ctx.bundle.files[QStringLiteral("DEPLOY.md")] = md.toUtf8();
}

} // namespace stackplan::exporter
