#include "io/inputguard.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace stackplan {

std::optional<QByteArray> readBoundedFile(const QString &path, qint64 maxBytes, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<QByteArray> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (path.startsWith(QLatin1Char(':'))) { // compiled-in resource: no device can hide there
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot open: %1").arg(f.errorString()));
        // A resource's size is known: checked first, so no buffer of maxBytes is allocated.
        if (f.size() > maxBytes)
            return fail(QStringLiteral("larger than %1 MB; refusing to read it")
                            .arg(maxBytes / (1024 * 1024)));
        return f.readAll();
    }
    const QByteArray native = QFile::encodeName(path);
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer before we can refuse it.
    const int fd = ::open(native.constData(), O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return fail(QStringLiteral("cannot open: %1").arg(QString::fromLocal8Bit(strerror(errno))));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const bool dir = S_ISDIR(st.st_mode);
        ::close(fd);
        return fail(dir ? QStringLiteral("is a directory, not a file")
                        : QStringLiteral("not a regular file (a device, pipe or socket); "
                                         "refusing to read it"));
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    QByteArray data;
    char buffer[65536];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const QString why = QString::fromLocal8Bit(strerror(errno));
            ::close(fd);
            return fail(QStringLiteral("cannot read: %1").arg(why));
        }
        if (n == 0)
            break;
        if (data.size() + n > maxBytes) {
            ::close(fd);
            return fail(QStringLiteral("larger than %1 MB; refusing to read it")
                            .arg(maxBytes / (1024 * 1024)));
        }
        data.append(buffer, n);
    }
    ::close(fd);
    return data;
}

std::optional<InputProblem> checkJsonNesting(std::string_view text, int maxDepth)
{
    int depth = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\')
                    ++i;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return InputProblem{
                    i, QStringLiteral("arrays and objects nested more than %1 levels deep; "
                                      "not a Stackplan project")
                           .arg(maxDepth)};
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

namespace {

// A recursive walk over JSON text that is known to parse, with depth bounded by
// checkJsonNesting; keys are decoded exactly as nlohmann::json decodes them.
class DuplicateFinder
{
public:
    explicit DuplicateFinder(std::string_view s) : m_s(s) {}

    std::optional<InputProblem> run(std::vector<std::string> *path)
    {
        m_path = path;
        value();
        return m_found;
    }

private:
    void ws()
    {
        while (m_i < m_s.size()
               && (m_s[m_i] == ' ' || m_s[m_i] == '\n' || m_s[m_i] == '\r' || m_s[m_i] == '\t'))
            ++m_i;
    }

    static void appendUtf8(std::string &out, uint32_t cp)
    {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }

    uint32_t hex4()
    {
        uint32_t v = 0;
        for (int k = 0; k < 4 && m_i < m_s.size(); ++k, ++m_i) {
            const char h = m_s[m_i];
            v <<= 4;
            if (h >= '0' && h <= '9')
                v |= uint32_t(h - '0');
            else if (h >= 'a' && h <= 'f')
                v |= uint32_t(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                v |= uint32_t(h - 'A' + 10);
        }
        return v;
    }

    std::string string()
    {
        std::string out;
        ++m_i; // opening quote
        while (m_i < m_s.size() && m_s[m_i] != '"') {
            if (m_s[m_i] != '\\') {
                out += m_s[m_i++];
                continue;
            }
            if (++m_i >= m_s.size())
                break;
            const char e = m_s[m_i++];
            switch (e) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': {
                uint32_t cp = hex4();
                if (cp >= 0xD800 && cp < 0xDC00 && m_i + 1 < m_s.size() && m_s[m_i] == '\\'
                    && m_s[m_i + 1] == 'u') {
                    m_i += 2;
                    const uint32_t lo = hex4();
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                appendUtf8(out, cp);
                break;
            }
            default: out += e; break;
            }
        }
        ++m_i; // closing quote
        return out;
    }

    void value()
    {
        ws();
        if (m_found || m_i >= m_s.size())
            return;
        const char c = m_s[m_i];
        if (c == '{') {
            ++m_i;
            std::set<std::string> keys;
            while (!m_found) {
                ws();
                if (m_i >= m_s.size())
                    return;
                if (m_s[m_i] == '}') {
                    ++m_i;
                    return;
                }
                if (m_s[m_i] == ',') {
                    ++m_i;
                    continue;
                }
                const size_t at = m_i;
                std::string key = string();
                if (!keys.insert(key).second) {
                    m_path->push_back(key);
                    m_found = InputProblem{
                        at, QStringLiteral("duplicate key \"%1\" in the same object; keep one")
                                .arg(QString::fromStdString(key).left(80))};
                    return;
                }
                ws();
                if (m_i < m_s.size() && m_s[m_i] == ':')
                    ++m_i;
                m_path->push_back(key);
                value();
                if (!m_found)
                    m_path->pop_back();
            }
            return;
        }
        if (c == '[') {
            ++m_i;
            size_t index = 0;
            while (!m_found) {
                ws();
                if (m_i >= m_s.size())
                    return;
                if (m_s[m_i] == ']') {
                    ++m_i;
                    return;
                }
                if (m_s[m_i] == ',') {
                    ++m_i;
                    continue;
                }
                m_path->push_back(std::to_string(index++));
                value();
                if (!m_found)
                    m_path->pop_back();
            }
            return;
        }
        if (c == '"') {
            string();
            return;
        }
        while (m_i < m_s.size() && m_s[m_i] != ',' && m_s[m_i] != '}' && m_s[m_i] != ']')
            ++m_i;
    }

    std::string_view m_s;
    size_t m_i = 0;
    std::vector<std::string> *m_path = nullptr;
    std::optional<InputProblem> m_found;
};

} // namespace

std::optional<InputProblem> findDuplicateJsonKey(std::string_view text,
                                                 std::vector<std::string> *path)
{
    std::vector<std::string> local;
    DuplicateFinder finder(text);
    return finder.run(path ? path : &local);
}

std::optional<InputProblem> checkTomlDepth(std::string_view text, int maxKeyParts, int maxNesting)
{
    int nesting = 0;
    int dots = 0;
    const size_t n = text.size();
    auto startsWith = [&](size_t i, const char *s) { return text.substr(i, strlen(s)) == s; };
    for (size_t i = 0; i < n; ++i) {
        const char c = text[i];
        switch (c) {
        case '#':
            while (i < n && text[i] != '\n')
                ++i;
            dots = 0;
            break;
        case '"':
            if (startsWith(i, "\"\"\"")) {
                for (i += 3; i < n && !startsWith(i, "\"\"\""); ++i)
                    if (text[i] == '\\')
                        ++i;
                i += 2;
            } else {
                for (++i; i < n && text[i] != '"' && text[i] != '\n'; ++i)
                    if (text[i] == '\\')
                        ++i;
            }
            break;
        case '\'':
            if (startsWith(i, "'''")) {
                for (i += 3; i < n && !startsWith(i, "'''"); ++i) {
                }
                i += 2;
            } else {
                for (++i; i < n && text[i] != '\'' && text[i] != '\n'; ++i) {
                }
            }
            break;
        case '[':
        case '{':
            dots = 0;
            if (++nesting > maxNesting)
                return InputProblem{i, QStringLiteral("arrays and tables nested more than %1 "
                                                      "levels deep; not a profile")
                                           .arg(maxNesting)};
            break;
        case ']':
        case '}':
            dots = 0;
            if (nesting > 0)
                --nesting;
            break;
        case '.':
            if (++dots >= maxKeyParts)
                return InputProblem{
                    i, QStringLiteral("dotted key with more than %1 parts; not a profile")
                           .arg(maxKeyParts)};
            break;
        case '=':
        case ',':
        case '\n':
            dots = 0;
            break;
        default:
            break;
        }
    }
    return std::nullopt;
}

} // namespace stackplan
