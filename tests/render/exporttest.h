#pragma once

// Helpers for tests that check exported files with real tools (xmllint, pdfinfo, pdftotext).
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

namespace exporttest {

// The tool's path; empty when it is missing. On CI (CI=true) a missing tool is a failure, so
// scripts/setup.sh must install it; elsewhere the caller skips.
inline QString tool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

#define REQUIRE_TOOL(var, name)                                                                    \
    const QString var = exporttest::tool(QStringLiteral(name));                                    \
    if (var.isEmpty()) {                                                                           \
        if (qEnvironmentVariable("CI") == QLatin1String("true"))                                   \
            QFAIL(name " is missing (scripts/setup.sh installs it)");                              \
        QSKIP(name " is not installed");                                                           \
    }

struct Run {
    int code = -1;
    QString out;
    QString err;
};

inline Run run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(120000);
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
               QString::fromUtf8(p.readAllStandardOutput()),
               QString::fromUtf8(p.readAllStandardError())};
}

// pdftotext output with ligatures undone and all runs of white space made one space, so names
// wrapped onto two lines in a box read as written.
inline QString pdfText(const QString &pdftotext, const QString &pdf)
{
    QString text = run(pdftotext, {pdf, QStringLiteral("-")}).out;
    text.replace(QChar(0xfb01), QStringLiteral("fi"));
    text.replace(QChar(0xfb02), QStringLiteral("fl"));
    text.replace(QChar(0xfb00), QStringLiteral("ff"));
    text.replace(QChar(0xfb03), QStringLiteral("ffi"));
    text.replace(QChar(0xfb04), QStringLiteral("ffl"));
    return text.simplified();
}

inline int pdfPages(const QString &pdfinfo, const QString &pdf)
{
    const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    const auto m = pages.match(run(pdfinfo, {pdf}).out);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace exporttest
