#include "io/jsonlocator.h"

#include <charconv>

namespace stackplan {

TextPosition positionOfOffset(std::string_view text, size_t offset)
{
    TextPosition pos;
    offset = std::min(offset, text.size());
    for (size_t i = 0; i < offset; ++i) {
        const auto ch = static_cast<unsigned char>(text[i]);
        if (ch == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((ch & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++pos.column;
        }
    }
    return pos;
}

namespace {

class Scanner
{
public:
    explicit Scanner(std::string_view text) : m_s(text) {}

    std::optional<size_t> find(const std::vector<std::string> &segments, size_t depth)
    {
        skipWs();
        if (depth == segments.size())
            return m_i;
        if (m_i >= m_s.size())
            return std::nullopt;
        if (m_s[m_i] == '{') {
            ++m_i;
            while (true) {
                skipWs();
                if (m_i >= m_s.size() || m_s[m_i] == '}')
                    return std::nullopt;
                if (m_s[m_i] == ',') {
                    ++m_i;
                    continue;
                }
                std::string key;
                if (!readString(&key))
                    return std::nullopt;
                skipWs();
                if (m_i < m_s.size() && m_s[m_i] == ':')
                    ++m_i;
                if (key == segments[depth])
                    return find(segments, depth + 1);
                skipValue();
            }
        }
        if (m_s[m_i] == '[') {
            size_t wanted = 0;
            const auto &seg = segments[depth];
            const auto res = std::from_chars(seg.data(), seg.data() + seg.size(), wanted);
            if (res.ec != std::errc() || res.ptr != seg.data() + seg.size())
                return std::nullopt;
            ++m_i;
            size_t index = 0;
            while (true) {
                skipWs();
                if (m_i >= m_s.size() || m_s[m_i] == ']')
                    return std::nullopt;
                if (m_s[m_i] == ',') {
                    ++m_i;
                    continue;
                }
                if (index == wanted)
                    return find(segments, depth + 1);
                skipValue();
                ++index;
            }
        }
        return std::nullopt;
    }

private:
    void skipWs()
    {
        while (m_i < m_s.size()
               && (m_s[m_i] == ' ' || m_s[m_i] == '\n' || m_s[m_i] == '\r' || m_s[m_i] == '\t'))
            ++m_i;
    }

    bool readString(std::string *out)
    {
        if (m_i >= m_s.size() || m_s[m_i] != '"')
            return false;
        ++m_i;
        while (m_i < m_s.size() && m_s[m_i] != '"') {
            if (m_s[m_i] == '\\' && m_i + 1 < m_s.size()) {
                const char esc = m_s[m_i + 1];
                if (out) {
                    switch (esc) {
                    case 'n':
                        *out += '\n';
                        break;
                    case 't':
                        *out += '\t';
                        break;
                    case 'r':
                        *out += '\r';
                        break;
                    case 'b':
                        *out += '\b';
                        break;
                    case 'f':
                        *out += '\f';
                        break;
                    case 'u':
                        *out += '?';
                        break; // keys we look for are ASCII
                    default:
                        *out += esc;
                        break;
                    }
                }
                m_i += esc == 'u' ? 6 : 2;
                continue;
            }
            if (out)
                *out += m_s[m_i];
            ++m_i;
        }
        ++m_i; // closing quote
        return true;
    }

    void skipValue()
    {
        skipWs();
        if (m_i >= m_s.size())
            return;
        const char c = m_s[m_i];
        if (c == '"') {
            readString(nullptr);
            return;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (m_i < m_s.size()) {
                const char d = m_s[m_i];
                if (d == '"') {
                    readString(nullptr);
                    continue;
                }
                if (d == '{' || d == '[')
                    ++depth;
                else if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        ++m_i;
                        return;
                    }
                }
                ++m_i;
            }
            return;
        }
        while (m_i < m_s.size() && m_s[m_i] != ',' && m_s[m_i] != '}' && m_s[m_i] != ']')
            ++m_i;
    }

    std::string_view m_s;
    size_t m_i = 0;
};

} // namespace

std::optional<size_t> locateJsonPointer(std::string_view text,
                                        const std::vector<std::string> &segments)
{
    Scanner scanner(text);
    return scanner.find(segments, 0);
}

std::string jsonPointerString(const std::vector<std::string> &segments)
{
    std::string out;
    for (const auto &seg : segments) {
        out += '/';
        for (const char c : seg) {
            if (c == '~')
                out += "~0";
            else if (c == '/')
                out += "~1";
            else
                out += c;
        }
    }
    return out;
}

} // namespace stackplan
