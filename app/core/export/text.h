#pragma once

// Quoting, naming and parsing helpers of the exporter: every string that comes from the model
// reaches a file through one of these, so hostile names (quotes, newlines, `$(...)`, backticks,
// `../`, non-ASCII) stay inert in TOML, YAML, JSON, shell, TypeScript, Python, Dockerfile, nginx
// and Markdown.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace stackplan::exporter {

using ojson = nlohmann::ordered_json;

// ---- Emitters built on libraries
// YAML through yaml-cpp: mapping keys plain when safe, every string value double-quoted (so
// YAML 1.1 readers never see a boolean, octal or sexagesimal number in "on", "0755", "22:22").
QByteArray toYaml(const ojson &document);
// JSON as written to package.json and tsconfig.json: 2-space indent, newline.
QByteArray toJson(const ojson &document);

// ---- Literals
// A double-quoted, ASCII-only literal valid in JSON, TypeScript and Python.
QString codeString(const QString &s);
// The same for Python source (astral characters as \UXXXXXXXX rather than surrogate pairs).
QString pythonString(const QString &s);
// A single-quoted shell word: 'it'\''s'.
QString shellWord(const QString &s);
// A double-quoted nginx / Dockerfile string with \ and " escaped, newlines removed.
QString quoted(const QString &s);
// Text safe inside a one-line comment (#, //, /* */): control characters become spaces, "*/"
// is broken, and it is cut at `max` characters.
QString commentText(const QString &s, int max = 200);
// Text safe in a Markdown table cell or line: escaped |, `, *, _, <, >, [, ], no newlines.
QString markdown(const QString &s);
// Inline code in Markdown for a value that may contain backticks.
QString markdownCode(const QString &s);

// ---- Names
// A DNS-label style name: lowercase ASCII letters, digits and single dashes, starting with a
// letter, at most `max` characters; `fallback` when nothing is left.
QString dnsName(const QString &s, int max = 63, const QString &fallback = QStringLiteral("app"));
// UPPER_SNAKE identifier valid as an environment variable and a JavaScript property.
QString upperSnake(const QString &s, const QString &fallback = QStringLiteral("VALUE"));
// PascalCase identifier valid as a TypeScript / Python class name.
QString pascalCase(const QString &s, const QString &fallback = QStringLiteral("Service"));
bool isEnvName(const QString &s);

// ---- Parsing what users type
// The lowercase ASCII words of a free-text field ("nginx + FastAPI" → nginx, fastapi).
QStringList words(const QString &text);
// The distribution name of a dependency spec, lowercase ("pydantic>=2" → pydantic).
QString packageName(const QString &spec);

// A scheduled job that starts with a five-field cron expression ("0 3 * * * nightly cleanup").
struct CronJob {
    QString schedule;    // "0 3 * * *"
    QString description; // "nightly cleanup"
    QString path;        // a concrete route in the description ("/jobs/cleanup"), if any
};
std::optional<CronJob> parseCronJob(const QString &job);

// A route as users write it: "/api", "/api/*", "/items/{id}".
struct Route {
    QString text;    // as written
    QString glob;    // for wrangler run_worker_first: "/api/*", "/items/*"
    QString prefix;  // for nginx and the router: "/api/" for a prefix match, else the exact path
    bool exact = false;
    bool hasParams = false;
};
// None when the route is not a path (must start with "/" and use only URL path characters).
std::optional<Route> parseRoute(const QString &route);

// The shell-like words of a command line (quotes and backslashes as POSIX sh reads them);
// none when it uses shell syntax beyond plain words (expansions, pipes, redirections, ...).
std::optional<QStringList> commandWords(const QString &command);
// The port a start command binds (--port N, -p N, --bind HOST:N, -b HOST:N), if any.
std::optional<int> commandPort(const QString &command);
// "module:attr" of a uvicorn / gunicorn / hypercorn start command, if any.
QString asgiTarget(const QString &command);

} // namespace stackplan::exporter
