#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace stackplan::cli {

// Headless subcommands (DESIGN.md, principle 5). They need no display and print
// machine-readable output. Exit codes: 0 success, 1 findings with errors (validate), 2 bad input.

// True if `argv1` names a subcommand (so main() must not create a QApplication).
bool isSubcommand(const QString &argv1);
QStringList subcommands();
// True for the subcommands that draw (render): main() gives them an offscreen QGuiApplication;
// every other subcommand runs on a QCoreApplication.
bool needsGui(const QString &argv1);

// Runs a subcommand; `args` starts with the subcommand name.
int run(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace stackplan::cli
