#include "panels/dependencylist.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace stackplan {

namespace {

// A pip or npm package name, with an optional npm scope.
const QRegularExpression &namePattern()
{
    static const QRegularExpression re(
        QStringLiteral("^(@[A-Za-z0-9._-]+/)?[A-Za-z0-9][A-Za-z0-9._-]*$"));
    return re;
}

// `"name": "version",` inside a package.json fragment.
const QRegularExpression &jsonEntryPattern()
{
    static const QRegularExpression re(QStringLiteral("^\"([^\"]+)\"\\s*:\\s*\"[^\"]*\"\\s*,?$"));
    return re;
}

QStringList namesFromPackageJson(const QJsonObject &root)
{
    QStringList names;
    const QJsonObject deps = root.value(QStringLiteral("dependencies")).toObject();
    for (auto it = deps.begin(); it != deps.end(); ++it)
        names << it.key();
    return names;
}

// One requirement of a requirements.txt line: "fastapi[all]>=0.110 ; python_version>'3.8'",
// "name @ https://...", "-e git+https://...#egg=name".
QString nameFromRequirement(QString line)
{
    if (const int egg = line.indexOf(QLatin1String("#egg=")); egg >= 0)
        return line.mid(egg + 5).section(QLatin1Char('&'), 0, 0).trimmed();
    if (line.startsWith(QLatin1Char('-')))
        return {};
    static const QRegularExpression cut(QStringLiteral("[\\s\\[;@<>=~!(]"));
    const int end = line.indexOf(cut, line.startsWith(QLatin1Char('@')) ? 1 : 0); // npm scope
    return (end < 0 ? line : line.left(end)).trimmed();
}

} // namespace

QStringList parseDependencyList(const QString &text)
{
    QStringList names;
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('{'))) {
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8());
        if (doc.isObject())
            return namesFromPackageJson(doc.object());
    }
    static const QRegularExpression specifier(QStringLiteral("[<>=~!@;\\[#]"));
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    for (QString line : text.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (const int hash = line.indexOf(QLatin1String(" #")); hash >= 0)
            line = line.left(hash).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (const auto m = jsonEntryPattern().match(line); m.hasMatch()) {
            names << m.captured(1);
            continue;
        }
        if (line.contains(QLatin1Char('{')) || line.contains(QLatin1Char('}')))
            continue; // `"dependencies": {` and closing braces of a fragment
        if (line.contains(specifier) || line.startsWith(QLatin1Char('-'))) {
            names << nameFromRequirement(line);
            continue;
        }
        names << line.split(separators, Qt::SkipEmptyParts);
    }
    QStringList result;
    for (const auto &n : std::as_const(names))
        if (namePattern().match(n).hasMatch() && !result.contains(n))
            result << n;
    return result;
}

} // namespace stackplan
