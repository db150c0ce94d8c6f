#include "cli/cli_common.h"

#include "io/inputguard.h"

#include "layout/autoarrange.h"

#include <QFile>

namespace stackplan::cli {

// Rewrites project files in canonical form (what the app itself writes), so hand-edited or
// generated files diff cleanly. --check only reports; --arrange also places boxes that have no
// position yet, by tier.
int runFmt(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Rewrite project files in canonical form."));
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Project files."),
                                 QStringLiteral("FILE..."));
    parser.addOption({QStringLiteral("check"),
                      QStringLiteral("Do not write; exit 1 if a file is not canonical.")});
    parser.addOption(
        {QStringLiteral("arrange"),
         QStringLiteral("Also give unplaced components a position (arranged by tier).")});
    if (const auto rc = parseArgs(parser, args, out, err))
        return *rc;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err << "usage: stackplan fmt [--check] [--arrange] FILE..." << Qt::endl;
        return 2;
    }
    int rc = 0;
    for (const auto &path : files) {
        auto project = loadProject(path, err);
        if (!project) {
            rc = 2;
            continue;
        }
        if (parser.isSet(QStringLiteral("arrange"))) {
            for (auto &o : project->options) {
                bool missing = false;
                for (const auto &c : o.components)
                    missing = missing || !o.layout.count(c.id);
                if (!missing)
                    continue;
                const auto arranged = arrangeByTier(o);
                for (const auto &c : o.components)
                    if (!o.layout.count(c.id))
                        o.layout[c.id] = arranged.at(c.id);
            }
        }
        // Loaded above, so a regular file within the limit.
        const QByteArray current
            = readBoundedFile(path, 256ll * 1024 * 1024, nullptr).value_or(QByteArray());
        const QByteArray canonical = serializeProject(*project);
        if (current == canonical)
            continue;
        if (parser.isSet(QStringLiteral("check"))) {
            out << safe(path) << ": not canonical" << Qt::endl;
            rc = std::max(rc, 1);
            continue;
        }
        QString error;
        if (!saveProjectFile(*project, path, &error)) {
            err << "error: " << safe(error) << Qt::endl;
            rc = 2;
            continue;
        }
        out << safe(path) << ": rewritten" << Qt::endl;
    }
    return rc;
}

} // namespace stackplan::cli
