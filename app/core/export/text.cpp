#include "export/text.h"

#include "model/project.h"

#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

namespace stackplan::exporter {

namespace {

// Characters that end a line or are invisible in some format we write: C0 and C1 controls,
// DEL, and the Unicode line and paragraph separators (line ends in JavaScript and YAML).
bool isBreaking(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
}

bool plainYamlKey(const std::string &k)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.\\-/]*$"));
    static const QStringList reserved = {
        QStringLiteral("y"),   QStringLiteral("n"),    QStringLiteral("yes"),
        QStringLiteral("no"),  QStringLiteral("on"),   QStringLiteral("off"),
        QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("null"),
    };
    const QString key = QString::fromStdString(k);
    return re.match(key).hasMatch() && !reserved.contains(key.toLower());
}

void emitYaml(YAML::Emitter &out, const ojson &v)
{
    switch (v.type()) {
    case ojson::value_t::object:
        out << YAML::BeginMap;
        for (const auto &[k, val] : v.items()) {
            out << YAML::Key;
            if (plainYamlKey(k))
                out << k;
            else
                out << YAML::DoubleQuoted << k;
            out << YAML::Value;
            emitYaml(out, val);
        }
        out << YAML::EndMap;
        break;
    case ojson::value_t::array:
        if (v.empty())
            out << YAML::Flow;
        out << YAML::BeginSeq;
        for (const auto &e : v)
            emitYaml(out, e);
        out << YAML::EndSeq;
        break;
    case ojson::value_t::string:
        out << YAML::DoubleQuoted << v.get<std::string>();
        break;
    case ojson::value_t::boolean:
        out << YAML::TrueFalseBool << v.get<bool>();
        break;
    case ojson::value_t::number_integer:
        out << v.get<std::int64_t>();
        break;
    case ojson::value_t::number_unsigned:
        out << v.get<std::uint64_t>();
        break;
    case ojson::value_t::number_float: {
        const double d = v.get<double>();
        if (std::floor(d) == d && std::fabs(d) < 9.0e15)
            out << static_cast<std::int64_t>(d);
        else
            out << d;
        break;
    }
    default:
        out << YAML::Null;
        break;
    }
}

QString escapeCode(const QString &s, bool python)
{
    QString out = QStringLiteral("\"");
    for (const char32_t c : s.toUcs4()) {
        switch (c) {
        case '"':
            out += QStringLiteral("\\\"");
            continue;
        case '\\':
            out += QStringLiteral("\\\\");
            continue;
        case '\n':
            out += QStringLiteral("\\n");
            continue;
        case '\r':
            out += QStringLiteral("\\r");
            continue;
        case '\t':
            out += QStringLiteral("\\t");
            continue;
        default:
            break;
        }
        if (c >= 0x20 && c < 0x7f) {
            out += QChar(char16_t(c));
        } else if (c <= 0xffff) {
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        } else if (python) {
            out += QStringLiteral("\\U%1").arg(uint(c), 8, 16, QLatin1Char('0'));
        } else {
            const char32_t v = c - 0x10000;
            out += QStringLiteral("\\u%1\\u%2")
                       .arg(uint(0xd800 + (v >> 10)), 4, 16, QLatin1Char('0'))
                       .arg(uint(0xdc00 + (v & 0x3ff)), 4, 16, QLatin1Char('0'));
        }
    }
    return out + QLatin1Char('"');
}

} // namespace

QByteArray toYaml(const ojson &document)
{
    YAML::Emitter out;
    out.SetIndent(2);
    emitYaml(out, document);
    QByteArray text(out.c_str(), qsizetype(out.size()));
    if (!text.endsWith('\n'))
        text += '\n';
    return text;
}

QByteArray toJson(const ojson &document)
{
    return QByteArray::fromStdString(document.dump(2)) + '\n';
}

QString codeString(const QString &s)
{
    return escapeCode(s, false);
}

QString pythonString(const QString &s)
{
    return escapeCode(s, true);
}

QString shellWord(const QString &s)
{
    QString body = s;
    body.remove(QChar(0));
    body.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + body + QLatin1Char('\'');
}

QString quoted(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const char32_t c : s.toUcs4()) {
        if (isBreaking(c))
            continue;
        if (c == '"' || c == '\\' || c == '$')
            out += QLatin1Char('\\');
        out += QString::fromUcs4(&c, 1);
    }
    return out + QLatin1Char('"');
}

QString commentText(const QString &s, int max)
{
    QString out = s;
    for (QChar &ch : out) {
        const char16_t c = ch.unicode();
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029)
            ch = QLatin1Char(' ');
    }
    out.replace(QStringLiteral("*/"), QStringLiteral("* /"));
    out = out.simplified();
    if (out.size() > max) {
        int cut = max - 1;
        if (cut > 0 && out[cut - 1].isHighSurrogate())
            --cut; // never split a surrogate pair
        out = out.left(cut) + QChar(0x2026);
    }
    return out;
}

QString markdown(const QString &s)
{
    static const QString special = QStringLiteral("\\`*_{}[]<>|#!~");
    const QString text = commentText(s, 400);
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar ch : text) {
        if (special.contains(ch))
            out += QLatin1Char('\\');
        out += ch;
    }
    return out;
}

QString markdownCode(const QString &s)
{
    const QString text = commentText(s, 400);
    int run = 0, longest = 0;
    for (const QChar ch : text) {
        run = ch == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString fence(longest + 1, QLatin1Char('`'));
    const QString pad = text.startsWith(QLatin1Char('`')) || text.endsWith(QLatin1Char('`'))
                            ? QStringLiteral(" ")
                            : QString();
    // A pipe ends a table cell even inside code.
    QString body = text;
    body.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    return fence + pad + body + pad + fence;
}

QString dnsName(const QString &s, int max, const QString &fallback)
{
    QString out = slugify(s);
    if (out == QLatin1String("item") && !s.contains(QLatin1String("item"), Qt::CaseInsensitive))
        out.clear();
    if (!out.isEmpty() && !out.front().isLetter())
        out.prepend(fallback.left(1) + QLatin1Char('-'));
    if (out.isEmpty())
        out = fallback;
    out.truncate(max);
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out;
}

QString upperSnake(const QString &s, const QString &fallback)
{
    QString out;
    bool gap = false;
    for (const QChar ch : s.normalized(QString::NormalizationForm_KD)) {
        if (ch.unicode() < 128 && ch.isLetterOrNumber()) {
            if (gap && !out.isEmpty())
                out += QLatin1Char('_');
            out += ch.toUpper();
            gap = false;
        } else if (ch == QLatin1Char('_')) {
            gap = true;
        } else if (ch.category() != QChar::Mark_NonSpacing) {
            gap = true;
        }
    }
    if (out.isEmpty())
        return fallback;
    if (out.front().isDigit())
        out.prepend(QLatin1Char('_'));
    return out.left(64);
}

QString pascalCase(const QString &s, const QString &fallback)
{
    QString out;
    bool upper = true;
    for (const QChar ch : s.normalized(QString::NormalizationForm_KD)) {
        if (ch.unicode() < 128 && ch.isLetterOrNumber()) {
            out += upper ? ch.toUpper() : ch;
            upper = false;
        } else if (ch.category() != QChar::Mark_NonSpacing) {
            upper = true;
        }
    }
    if (out.isEmpty() || !out.front().isLetter())
        out.prepend(fallback);
    return out.left(64);
}

bool isEnvName(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(s).hasMatch();
}

namespace {

// One comma-separated element of a cron field: *, N, N-M, NAME, NAME-NAME, each with /STEP.
bool cronElement(const QString &e, int lo, int hi, const QStringList &names)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\*|([0-9]+|[A-Za-z]{3})(-([0-9]+|[A-Za-z]{3}))?)(/([0-9]+))?$"));
    const auto m = re.match(e);
    if (!m.hasMatch())
        return false;
    auto value = [&](const QString &v) -> int {
        if (v.isEmpty())
            return lo;
        bool ok = false;
        const int n = v.toInt(&ok);
        if (ok)
            return n;
        const int i = int(names.indexOf(v.toUpper()));
        return i < 0 ? -1 : lo + i;
    };
    if (m.captured(1) != QLatin1String("*")) {
        const int a = value(m.captured(2));
        const int b = m.captured(4).isEmpty() ? a : value(m.captured(4));
        if (a < lo || a > hi || b < lo || b > hi || b < a)
            return false;
    }
    if (!m.captured(6).isEmpty()) {
        const int step = m.captured(6).toInt();
        if (step < 1 || step > hi)
            return false;
    }
    return true;
}

bool cronField(const QString &f, int lo, int hi, const QStringList &names = {})
{
    const QStringList parts = f.split(QLatin1Char(','));
    return std::all_of(parts.begin(), parts.end(),
                       [&](const QString &e) { return cronElement(e, lo, hi, names); });
}

} // namespace

QStringList words(const QString &text)
{
    static const QRegularExpression separator(QStringLiteral("[^a-z0-9]+"));
    return text.toLower().split(separator, Qt::SkipEmptyParts);
}

QString packageName(const QString &spec)
{
    static const QRegularExpression end(QStringLiteral("[^A-Za-z0-9._\\-]"));
    return spec.trimmed().section(end, 0, 0).toLower();
}

std::optional<CronJob> parseCronJob(const QString &job)
{
    const QStringList words = job.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() < 5)
        return std::nullopt;
    static const QStringList months = {
        QStringLiteral("JAN"), QStringLiteral("FEB"), QStringLiteral("MAR"), QStringLiteral("APR"),
        QStringLiteral("MAY"), QStringLiteral("JUN"), QStringLiteral("JUL"), QStringLiteral("AUG"),
        QStringLiteral("SEP"), QStringLiteral("OCT"), QStringLiteral("NOV"), QStringLiteral("DEC")};
    static const QStringList days = {QStringLiteral("SUN"), QStringLiteral("MON"),
                                     QStringLiteral("TUE"), QStringLiteral("WED"),
                                     QStringLiteral("THU"), QStringLiteral("FRI"),
                                     QStringLiteral("SAT")};
    if (!cronField(words[0], 0, 59) || !cronField(words[1], 0, 23) || !cronField(words[2], 1, 31)
        || !cronField(words[3], 1, 12, months) || !cronField(words[4], 0, 6, days))
        return std::nullopt;
    CronJob c;
    c.schedule = words.mid(0, 5).join(QLatin1Char(' ')).toUpper();
    c.description = words.mid(5).join(QLatin1Char(' '));
    for (const QString &w : words.mid(5)) {
        const auto r = parseRoute(w);
        if (r && r->exact && !r->hasParams) {
            c.path = r->text;
            break;
        }
    }
    return c;
}

std::optional<Route> parseRoute(const QString &route)
{
    static const QRegularExpression segment(QStringLiteral("^([A-Za-z0-9_.~\\-]+|\\{[A-Za-z_][A-Za-z0-9_]*\\})$"));
    const QString text = route.trimmed();
    if (!text.startsWith(QLatin1Char('/')) || text.size() > 200)
        return std::nullopt;
    Route r;
    r.text = text;
    QStringList segments = text.mid(1).split(QLatin1Char('/'));
    bool wildcard = false;
    if (!segments.isEmpty() && segments.last() == QLatin1String("*")) {
        wildcard = true;
        segments.removeLast();
    } else if (!segments.isEmpty() && segments.last().isEmpty()) {
        segments.removeLast(); // "/api/" is "/api"
    }
    QStringList glob;
    for (const QString &s : segments) {
        if (!segment.match(s).hasMatch() || s == QLatin1String(".") || s == QLatin1String(".."))
            return std::nullopt;
        if (s.startsWith(QLatin1Char('{'))) {
            r.hasParams = true;
            glob << QStringLiteral("*");
        } else {
            glob << s;
        }
    }
    const QString base = QLatin1Char('/') + glob.join(QLatin1Char('/'));
    r.exact = !wildcard;
    if (wildcard)
        r.prefix = base == QLatin1String("/") ? base : base + QLatin1Char('/');
    else
        r.prefix = base;
    r.glob = wildcard ? (base == QLatin1String("/") ? QStringLiteral("/*") : base + QStringLiteral("/*"))
                      : base;
    return r;
}

std::optional<QStringList> commandWords(const QString &command)
{
    QStringList words;
    QString word;
    bool inWord = false;
    enum class Q { None, Single, Double } q = Q::None;
    const QString special = QStringLiteral("$`|&;<>()*?[]{}~#!\n\r");
    for (int i = 0; i < command.size(); ++i) {
        const QChar ch = command[i];
        if (q == Q::Single) {
            if (ch == QLatin1Char('\''))
                q = Q::None;
            else
                word += ch;
            continue;
        }
        if (q == Q::Double) {
            if (ch == QLatin1Char('"')) {
                q = Q::None;
            } else if (ch == QLatin1Char('$') || ch == QLatin1Char('`')) {
                return std::nullopt;
            } else if (ch == QLatin1Char('\\') && i + 1 < command.size()
                       && QStringLiteral("\"\\$`").contains(command[i + 1])) {
                word += command[++i];
            } else {
                word += ch;
            }
            continue;
        }
        if (ch == QLatin1Char(' ') || ch == QLatin1Char('\t')) {
            if (inWord)
                words << word;
            word.clear();
            inWord = false;
            continue;
        }
        if (ch == QLatin1Char('\'')) {
            q = Q::Single;
            inWord = true;
        } else if (ch == QLatin1Char('"')) {
            q = Q::Double;
            inWord = true;
        } else if (ch == QLatin1Char('\\')) {
            if (i + 1 >= command.size() || command[i + 1] == QLatin1Char('\n'))
                return std::nullopt;
            word += command[++i];
            inWord = true;
        } else if (special.contains(ch) || ch.unicode() < 0x20) {
            return std::nullopt;
        } else if (ch == QLatin1Char('=') && !inWord) {
            return std::nullopt; // "VAR=value cmd": an assignment needs a shell
        } else {
            word += ch;
            inWord = true;
        }
    }
    if (q != Q::None)
        return std::nullopt;
    if (inWord)
        words << word;
    if (words.isEmpty())
        return std::nullopt;
    static const QRegularExpression assignment(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*="));
    if (assignment.match(words.first()).hasMatch())
        return std::nullopt;
    return words;
}

std::optional<int> commandPort(const QString &command)
{
    const QStringList words = command.simplified().split(QLatin1Char(' '));
    auto portOf = [](QString v) -> std::optional<int> {
        v.remove(QLatin1Char('"')).remove(QLatin1Char('\''));
        if (const int colon = int(v.lastIndexOf(QLatin1Char(':'))); colon >= 0)
            v = v.mid(colon + 1);
        bool ok = false;
        const int p = v.toInt(&ok);
        return ok && p > 0 && p < 65536 ? std::optional<int>(p) : std::nullopt;
    };
    for (int i = 0; i < words.size(); ++i) {
        const QString &w = words[i];
        for (const char *flag : {"--port", "-p", "--bind", "-b"}) {
            const QString f = QString::fromLatin1(flag);
            if (w == f && i + 1 < words.size())
                if (const auto p = portOf(words[i + 1]))
                    return p;
            if (w.startsWith(f + QLatin1Char('=')))
                if (const auto p = portOf(w.mid(int(f.size()) + 1)))
                    return p;
        }
    }
    return std::nullopt;
}

QString asgiTarget(const QString &command)
{
    static const QRegularExpression target(
        QStringLiteral("^[A-Za-z_][A-Za-z0-9_.]*:[A-Za-z_][A-Za-z0-9_]*$"));
    const QStringList words = command.simplified().split(QLatin1Char(' '));
    static const QStringList servers = {QStringLiteral("uvicorn"), QStringLiteral("gunicorn"),
                                        QStringLiteral("hypercorn"), QStringLiteral("daphne")};
    if (std::none_of(words.begin(), words.end(),
                     [](const QString &w) { return servers.contains(w); }))
        return {};
    for (const QString &w : words)
        if (target.match(w).hasMatch())
            return w;
    return {};
}

} // namespace stackplan::exporter
