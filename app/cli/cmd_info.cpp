#include "cli/cli_common.h"

#include "model/types.h"

namespace stackplan::cli {

namespace {

QString bindingText(const Binding &b)
{
    if (!b.isBound())
        return QStringLiteral("(unbound)");
    QString text = safe(b.profile);
    if (!b.plan.isEmpty())
        text += QStringLiteral(" / ") + safe(b.plan);
    if (!b.instance.isEmpty())
        text += QStringLiteral(" / ") + safe(b.instance);
    return text;
}

} // namespace

// Prints a stable, plain-text summary of a project. Format (asserted by tests/cli):
//   Project: NAME
//   Options: N (baseline: ID)
//   <blank>
//   Option ID: NAME [baseline]
//     Components (N):
//       ROLE  ID  "NAME"  BINDING        — grouped by role in role order
//     Connections (N):
//       FROM -> TO  PROTOCOL [via X] [pooled]
int runInfo(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print a summary of a Stackplan project."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Project file (.stackplan.json)."));
    if (const auto rc = parseArgs(parser, args, out, err))
        return *rc;
    if (parser.positionalArguments().size() != 1) {
        err << "usage: stackplan info FILE" << Qt::endl;
        return 2;
    }
    const auto project = loadProject(parser.positionalArguments().first(), err);
    if (!project)
        return 2;

    out << "Project: " << safe(project->name) << '\n';
    out << "Options: " << project->options.size() << " (baseline: " << project->baseline << ")\n";
    for (const auto &o : project->options) {
        out << '\n' << "Option " << o.id << ": " << safe(o.name);
        if (o.id == project->baseline)
            out << " [baseline]";
        out << '\n';
        out << "  Components (" << o.components.size() << "):\n";
        int roleWidth = 0, idWidth = 0, nameWidth = 0;
        for (const auto &c : o.components) {
            roleWidth = std::max(roleWidth, int(roleId(c.role).size()));
            idWidth = std::max(idWidth, int(c.id.size()));
            nameWidth = std::max(nameWidth, int(safe(c.name).size()) + 2);
        }
        for (const auto role : kAllRoles) {
            for (const auto &c : o.components) {
                if (c.role != role)
                    continue;
                out << "    " << roleId(c.role).leftJustified(roleWidth) << "  "
                    << c.id.leftJustified(idWidth) << "  "
                    << (QLatin1Char('"') + safe(c.name) + QLatin1Char('"')).leftJustified(nameWidth)
                    << "  " << bindingText(c.binding) << '\n';
            }
        }
        out << "  Connections (" << o.connections.size() << "):\n";
        int fromWidth = 0, toWidth = 0;
        for (const auto &c : o.connections) {
            fromWidth = std::max(fromWidth, int(c.from.size()));
            toWidth = std::max(toWidth, int(c.to.size()));
        }
        for (const auto &c : o.connections) {
            out << "    " << c.from.leftJustified(fromWidth) << " -> "
                << c.to.leftJustified(toWidth) << "  " << protocolId(c.protocol);
            if (!c.via.isEmpty())
                out << " via " << c.via;
            if (c.pooled)
                out << " pooled";
            out << '\n';
        }
    }
    out.flush();
    return 0;
}

} // namespace stackplan::cli
