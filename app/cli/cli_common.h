#pragma once

#include "io/projectfile.h"
#include "profiles/catalogue.h"
#include "util/format.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <optional>

namespace stackplan::cli {

// Shared plumbing of the subcommands: --profiles handling, loading a project with one located
// error line on failure, and printing catalogue problems.
void addProfilesOption(QCommandLineParser &parser);
// Every string that came from a file goes through this before a text output (issue 17).
inline QString safe(const QString &s)
{
    return escapeControls(s);
}
Catalogue loadCatalogue(const QCommandLineParser &parser);
// Prints catalogue errors and warnings to `err`, one per line.
void printCatalogueProblems(const Catalogue &catalogue, QTextStream &err);
std::optional<Project> loadProject(const QString &path, QTextStream &err);
// Parses; on --help prints help to `out` and returns 0; on error prints to `err` and returns 2.
std::optional<int> parseArgs(QCommandLineParser &parser, const QStringList &args, QTextStream &out,
                             QTextStream &err);
// The --format value when it is one of `formats`; otherwise prints "stackplan COMMAND: unknown
// format …" to `err` and returns nothing (exit code 2).
std::optional<QString> chosenFormat(const QCommandLineParser &parser, const QStringList &formats,
                                    const char *command, QTextStream &err);

int runInfo(const QStringList &args, QTextStream &out, QTextStream &err);
// --option NAME (repeatable) / --all; default the baseline.
void addOptionSelection(QCommandLineParser &parser);
std::optional<QStringList> selectedOptions(const QCommandLineParser &parser, const Project &p,
                                           QTextStream &err, const char *command);
// The project named by the one positional argument and the options chosen by --option / --all;
// prints the error and returns nothing (exit code 2) when either is bad.
struct ProjectInput {
    Project project;
    QStringList options;
};
std::optional<ProjectInput> loadProjectOptions(const QCommandLineParser &parser, QTextStream &err,
                                               const char *command);

int runCompare(const QStringList &args, QTextStream &out, QTextStream &err);
int runCost(const QStringList &args, QTextStream &out, QTextStream &err);
int runReport(const QStringList &args, QTextStream &out, QTextStream &err);
int runValidate(const QStringList &args, QTextStream &out, QTextStream &err);
int runRules(const QStringList &args, QTextStream &out, QTextStream &err);
int runFmt(const QStringList &args, QTextStream &out, QTextStream &err);
int runProfiles(const QStringList &args, QTextStream &out, QTextStream &err);
int runExport(const QStringList &args, QTextStream &out, QTextStream &err);
int runRender(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace stackplan::cli
