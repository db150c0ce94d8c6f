#include "io/projectfile.h"

#include "io/atomicsave.h"
#include "io/inputguard.h"
#include "io/jsonlocator.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <set>
#include <string_view>

namespace stackplan {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace {

// ---------------------------------------------------------------------------------------------
// Reading

struct Failure {
    std::vector<std::string> path;
    QString message;
};

class Reader
{
public:
    [[noreturn]] void fail(const QString &message) { throw Failure{m_path, message}; }
    [[noreturn]] void failAt(const std::string &key, const QString &message)
    {
        m_path.push_back(key);
        fail(message);
    }

    // RAII step into a key or index of the current path.
    class Step
    {
    public:
        Step(Reader &r, std::string seg) : m_r(r) { m_r.m_path.push_back(std::move(seg)); }
        ~Step() { m_r.m_path.pop_back(); }
        Step(const Step &) = delete;
        Step &operator=(const Step &) = delete;

    private:
        Reader &m_r;
    };

    static QString typeName(const json &v)
    {
        if (v.is_number())
            return QStringLiteral("a number");
        if (v.is_string())
            return QStringLiteral("a string");
        if (v.is_boolean())
            return QStringLiteral("a boolean");
        if (v.is_array())
            return QStringLiteral("an array");
        if (v.is_object())
            return QStringLiteral("an object");
        return QStringLiteral("null");
    }

    void expectObject(const json &v, std::initializer_list<std::string_view> allowed)
    {
        if (!v.is_object())
            fail(QStringLiteral("expected an object, found %1").arg(typeName(v)));
        // Keys come in sorted order (a std::map): the first unknown one is reported.
        for (const auto &[key, value] : v.get_ref<const json::object_t &>())
            if (std::find(allowed.begin(), allowed.end(), std::string_view(key)) == allowed.end())
                failAt(key,
                       QStringLiteral("unknown field \"%1\"").arg(QString::fromStdString(key)));
    }

    const json &required(const json &obj, const char *key)
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            fail(QStringLiteral("missing required field \"%1\"").arg(QLatin1String(key)));
        return *it;
    }

    QString string(const json &obj, const char *key, bool isRequired = false)
    {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (isRequired)
                fail(QStringLiteral("missing required field \"%1\"").arg(QLatin1String(key)));
            return {};
        }
        Step s(*this, key);
        if (!it->is_string())
            fail(QStringLiteral("expected a string, found %1").arg(typeName(*it)));
        return QString::fromStdString(it->get_ref<const std::string &>());
    }

    QString id(const json &obj, const char *key)
    {
        const QString value = string(obj, key, true);
        if (!isValidId(value)) {
            Step s(*this, key);
            fail(
                QStringLiteral("invalid id \"%1\": use lowercase letters, digits and single dashes")
                    .arg(value.left(80)));
        }
        return value;
    }

    bool boolean(const json &obj, const char *key)
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            return false;
        Step s(*this, key);
        if (!it->is_boolean())
            fail(QStringLiteral("expected a boolean, found %1").arg(typeName(*it)));
        return it->get<bool>();
    }

    double numberValue(const json &v, bool allowNegative)
    {
        if (!v.is_number())
            fail(QStringLiteral("expected a number, found %1").arg(typeName(v)));
        const double d = v.get<double>();
        if (!std::isfinite(d))
            fail(QStringLiteral("number out of range"));
        if (!allowNegative && d < 0)
            fail(QStringLiteral("must not be negative, found %1").arg(d));
        return d;
    }

    std::optional<double> number(const json &obj, const char *key, bool allowNegative = false)
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            return std::nullopt;
        Step s(*this, key);
        return numberValue(*it, allowNegative);
    }

    std::optional<int> integer(const json &obj, const char *key)
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            return std::nullopt;
        Step s(*this, key);
        const double d = numberValue(*it, false);
        if (d != std::floor(d))
            fail(QStringLiteral("expected a whole number, found %1").arg(d));
        if (d > 2147483647.0)
            fail(QStringLiteral("number too large, found %1").arg(QString::number(d, 'f', 0)));
        return int(d);
    }

    QStringList stringList(const json &obj, const char *key)
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            return {};
        Step s(*this, key);
        if (!it->is_array())
            fail(QStringLiteral("expected an array of strings, found %1").arg(typeName(*it)));
        QStringList out;
        for (size_t i = 0; i < it->size(); ++i) {
            Step e(*this, std::to_string(i));
            const auto &v = (*it)[i];
            if (!v.is_string())
                fail(QStringLiteral("expected a string, found %1").arg(typeName(v)));
            out << QString::fromStdString(v.get_ref<const std::string &>());
        }
        return out;
    }

    const json &array(const json &obj, const char *key, bool isRequired)
    {
        static const json empty = json::array();
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (isRequired)
                fail(QStringLiteral("missing required field \"%1\"").arg(QLatin1String(key)));
            return empty;
        }
        Step s(*this, key);
        if (!it->is_array())
            fail(QStringLiteral("expected an array, found %1").arg(typeName(*it)));
        return *it;
    }

    Project project(const json &root)
    {
        if (!root.is_object())
            fail(QStringLiteral("expected a Stackplan project (a JSON object), found %1")
                     .arg(typeName(root)));
        {
            const QString format = string(root, "format", true);
            if (format != QLatin1String("stackplan")) {
                Step s(*this, "format");
                fail(QStringLiteral(
                         "not a Stackplan project: format is \"%1\", expected \"stackplan\"")
                         .arg(format.left(80)));
            }
            const auto version = integer(root, "version");
            if (!version)
                fail(QStringLiteral("missing required field \"version\""));
            if (*version > kProjectFormatVersion) {
                Step s(*this, "version");
                fail(QStringLiteral(
                         "this file uses format version %1, written by a newer Stackplan; "
                         "this version reads up to version %2. Open it with a newer "
                         "Stackplan; it has not been changed.")
                         .arg(*version)
                         .arg(kProjectFormatVersion));
            }
            if (*version < 1) {
                Step s(*this, "version");
                fail(QStringLiteral("invalid format version %1").arg(*version));
            }
        }
        expectObject(root, {"format", "version", "name", "description", "assumptions", "baseline",
                            "options", "layout"});
        Project p;
        p.name = string(root, "name", true);
        p.description = string(root, "description");
        if (const auto it = root.find("assumptions"); it != root.end()) {
            Step s(*this, "assumptions");
            p.assumptions = assumptions(*it);
        }
        const json &opts = array(root, "options", true);
        {
            Step s(*this, "options");
            if (opts.empty())
                fail(QStringLiteral("a project needs at least one option"));
            std::map<QString, size_t> seen;
            for (size_t i = 0; i < opts.size(); ++i) {
                Step e(*this, std::to_string(i));
                Option o = option(opts[i]);
                if (const auto it = seen.find(o.id); it != seen.end())
                    failAt("id",
                           QStringLiteral("duplicate option id \"%1\" (first used by option %2)")
                               .arg(o.id)
                               .arg(it->second));
                seen.emplace(o.id, i);
                p.options.push_back(std::move(o));
            }
        }
        p.baseline = string(root, "baseline", true);
        if (!p.option(p.baseline))
            failAt("baseline", QStringLiteral("baseline \"%1\" is not an option of this project")
                                   .arg(p.baseline.left(80)));
        if (const auto it = root.find("layout"); it != root.end()) {
            Step s(*this, "layout");
            layout(*it, p);
        }
        return p;
    }

    Assumptions assumptions(const json &v)
    {
        expectObject(v, {"traffic", "monthly_budget", "slo"});
        Assumptions a;
        if (const auto it = v.find("traffic"); it != v.end()) {
            Step s(*this, "traffic");
            expectObject(*it, {"low", "typical", "high"});
            a.trafficLow = number(*it, "low").value_or(a.trafficLow);
            a.trafficTypical = number(*it, "typical").value_or(a.trafficTypical);
            a.trafficHigh = number(*it, "high").value_or(a.trafficHigh);
        }
        a.monthlyBudget = number(v, "monthly_budget");
        if (const auto it = v.find("slo"); it != v.end()) {
            Step s(*this, "slo");
            expectObject(*it, {"p50_ms", "p95_ms", "availability_pct"});
            a.slo.p50Ms = number(*it, "p50_ms");
            a.slo.p95Ms = number(*it, "p95_ms");
            a.slo.availabilityPct = number(*it, "availability_pct");
            if (a.slo.availabilityPct && *a.slo.availabilityPct > 100)
                failAt("availability_pct", QStringLiteral("availability must be at most 100 %"));
        }
        return a;
    }

    Option option(const json &v)
    {
        expectObject(v, {"id", "name", "description", "components", "connections"});
        Option o;
        m_indexed = nullptr;
        o.id = id(v, "id");
        o.name = string(v, "name", true);
        o.description = string(v, "description");
        const json &comps = array(v, "components", false);
        {
            Step s(*this, "components");
            std::map<QString, size_t> seen;
            for (size_t i = 0; i < comps.size(); ++i) {
                Step e(*this, std::to_string(i));
                Component c = component(comps[i]);
                if (const auto it = seen.find(c.id); it != seen.end())
                    failAt("id", QStringLiteral(
                                     "duplicate component id \"%1\" (first used by component %2)")
                                     .arg(c.id)
                                     .arg(it->second));
                seen.emplace(c.id, i);
                o.components.push_back(std::move(c));
            }
        }
        const json &conns = array(v, "connections", false);
        {
            Step s(*this, "connections");
            std::map<QString, size_t> seen;
            for (size_t i = 0; i < conns.size(); ++i) {
                Step e(*this, std::to_string(i));
                Connection c = connection(conns[i], o);
                if (const auto it = seen.find(c.id); it != seen.end())
                    failAt("id", QStringLiteral(
                                     "duplicate connection id \"%1\" (first used by connection %2)")
                                     .arg(c.id)
                                     .arg(it->second));
                seen.emplace(c.id, i);
                o.connections.push_back(std::move(c));
            }
        }
        return o;
    }

    Component component(const json &v)
    {
        expectObject(v, {"id", "name", "role", "description", "binding", "region", "domain",
                         "workload", "traffic", "env"});
        Component c;
        c.id = id(v, "id");
        c.name = string(v, "name", true);
        const QString role = string(v, "role", true);
        const auto r = roleFromId(role);
        if (!r)
            failAt("role", QStringLiteral("unknown role \"%1\"; expected one of: %2")
                               .arg(role.left(80), roleIds().join(QStringLiteral(", "))));
        c.role = *r;
        c.description = string(v, "description");
        c.region = string(v, "region");
        c.domain = string(v, "domain");
        if (const auto it = v.find("binding"); it != v.end()) {
            Step s(*this, "binding");
            expectObject(*it, {"profile", "plan", "instance"});
            c.binding.profile = string(*it, "profile", true);
            if (c.binding.profile.isEmpty())
                failAt("profile", QStringLiteral("a binding needs a profile id; remove \"binding\" "
                                                 "to leave the component unbound"));
            c.binding.plan = string(*it, "plan");
            c.binding.instance = string(*it, "instance");
        }
        if (const auto it = v.find("workload"); it != v.end()) {
            Step s(*this, "workload");
            c.workload = workload(*it);
        }
        if (const auto it = v.find("traffic"); it != v.end()) {
            Step s(*this, "traffic");
            c.traffic = traffic(*it);
        }
        const json &env = array(v, "env", false);
        {
            Step s(*this, "env");
            std::set<QString> names;
            for (size_t i = 0; i < env.size(); ++i) {
                Step e(*this, std::to_string(i));
                expectObject(env[i], {"name", "secret", "value"});
                EnvVar var;
                var.name = string(env[i], "name", true);
                if (var.name.isEmpty())
                    failAt("name", QStringLiteral("environment variable name must not be empty"));
                if (!names.insert(var.name).second)
                    failAt("name", QStringLiteral("duplicate environment variable \"%1\"")
                                       .arg(var.name.left(80)));
                var.secret = boolean(env[i], "secret");
                var.value = string(env[i], "value");
                if (var.secret && env[i].contains("value"))
                    failAt("value",
                           QStringLiteral("secret \"%1\" has its value in the file; a project "
                                          "never stores secret values. Delete the \"value\" line "
                                          "(keep \"secret\": true), set the value in your "
                                          "deployment's secret store, and open the file again")
                               .arg(var.name.left(80)));
                c.env.push_back(std::move(var));
            }
        }
        return c;
    }

    Workload workload(const json &v)
    {
        expectObject(v, {"language",        "runtime_version",
                         "framework",       "packages",
                         "memory_mb",       "cpu_ms_per_request",
                         "request_ms",      "longest_request_s",
                         "artifact_mb",     "vcpu",
                         "hours_per_month", "websockets",
                         "streaming",       "filesystem",
                         "background_jobs", "scheduled_jobs",
                         "connection_pool", "min_instances",
                         "max_instances",   "port",
                         "routes",          "start_command",
                         "health_path"});
        Workload w;
        w.language = string(v, "language");
        w.runtimeVersion = string(v, "runtime_version");
        w.framework = string(v, "framework");
        w.packages = stringList(v, "packages");
        w.memoryMb = number(v, "memory_mb");
        w.cpuMsPerRequest = number(v, "cpu_ms_per_request");
        w.requestMs = number(v, "request_ms");
        w.longestRequestS = number(v, "longest_request_s");
        w.artifactMb = number(v, "artifact_mb");
        w.vcpu = number(v, "vcpu");
        w.hoursPerMonth = number(v, "hours_per_month");
        if (w.hoursPerMonth && *w.hoursPerMonth > 744)
            failAt("hours_per_month",
                   QStringLiteral("a month has at most 744 hours, found %1").arg(*w.hoursPerMonth));
        w.websockets = boolean(v, "websockets");
        w.streaming = boolean(v, "streaming");
        if (v.contains("filesystem")) {
            const QString fs = string(v, "filesystem");
            const auto need = filesystemNeedFromId(fs);
            if (!need)
                failAt("filesystem",
                       QStringLiteral("unknown filesystem need \"%1\"; expected one of: %2")
                           .arg(fs.left(80), filesystemNeedIds().join(QStringLiteral(", "))));
            w.filesystem = *need;
        }
        w.backgroundJobs = boolean(v, "background_jobs");
        w.scheduledJobs = stringList(v, "scheduled_jobs");
        w.connectionPool = integer(v, "connection_pool");
        w.minInstances = integer(v, "min_instances");
        w.maxInstances = integer(v, "max_instances");
        if (w.minInstances && w.maxInstances && *w.minInstances > *w.maxInstances)
            failAt("min_instances", QStringLiteral("min instances (%1) exceed max instances (%2)")
                                        .arg(*w.minInstances)
                                        .arg(*w.maxInstances));
        w.port = integer(v, "port");
        if (w.port && (*w.port < 1 || *w.port > 65535))
            failAt("port",
                   QStringLiteral("port must be between 1 and 65535, found %1").arg(*w.port));
        w.routes = stringList(v, "routes");
        w.startCommand = string(v, "start_command");
        w.healthPath = string(v, "health_path");
        if (!w.healthPath.isEmpty() && !w.healthPath.startsWith(QLatin1Char('/')))
            failAt("health_path", QStringLiteral("health path must start with \"/\", found \"%1\"")
                                      .arg(w.healthPath.left(80)));
        return w;
    }

    Traffic traffic(const json &v)
    {
        expectObject(v, {"requests_per_month", "egress_gb", "storage_gb", "reads_per_month",
                         "writes_per_month", "vectors_stored", "vector_queries_per_month",
                         "vector_dimensions", "neurons_per_month", "vector_indexes",
                         "websocket_messages_per_month", "message_kb", "read_replicas",
                         "busiest_day_factor"});
        Traffic t;
        t.requestsPerMonth = number(v, "requests_per_month");
        t.egressGb = number(v, "egress_gb");
        t.storageGb = number(v, "storage_gb");
        t.readsPerMonth = number(v, "reads_per_month");
        t.writesPerMonth = number(v, "writes_per_month");
        t.vectorsStored = number(v, "vectors_stored");
        t.vectorQueriesPerMonth = number(v, "vector_queries_per_month");
        t.vectorDimensions = integer(v, "vector_dimensions");
        t.neuronsPerMonth = number(v, "neurons_per_month");
        t.vectorIndexes = integer(v, "vector_indexes");
        t.websocketMessagesPerMonth = number(v, "websocket_messages_per_month");
        t.messageKb = number(v, "message_kb");
        t.readReplicas = integer(v, "read_replicas");
        t.busiestDayFactor = number(v, "busiest_day_factor");
        if (t.busiestDayFactor && *t.busiestDayFactor < 1)
            failAt("busiest_day_factor",
                   QStringLiteral("the busiest day is at least the average day (factor ≥ 1), "
                                  "found %1")
                       .arg(*t.busiestDayFactor));
        return t;
    }

    Connection connection(const json &v, const Option &o)
    {
        expectObject(v, {"id", "from", "to", "protocol", "via", "pooled"});
        Connection c;
        c.id = id(v, "id");
        c.from = string(v, "from", true);
        c.to = string(v, "to", true);
        const QString protocol = string(v, "protocol", true);
        const auto p = protocolFromId(protocol);
        if (!p)
            failAt("protocol",
                   QStringLiteral("unknown protocol \"%1\"; expected one of: %2")
                       .arg(protocol.left(80), protocolIds().join(QStringLiteral(", "))));
        c.protocol = *p;
        c.via = string(v, "via");
        c.pooled = boolean(v, "pooled");
        if (!hasComponent(o, c.from))
            failAt("from",
                   QStringLiteral("connection from missing component \"%1\"").arg(c.from.left(80)));
        if (!hasComponent(o, c.to))
            failAt("to",
                   QStringLiteral("connection to missing component \"%1\"").arg(c.to.left(80)));
        if (c.from == c.to)
            failAt("to", QStringLiteral("connection from \"%1\" to itself").arg(c.from));
        if (!c.via.isEmpty() && !hasComponent(o, c.via))
            failAt("via",
                   QStringLiteral("connection via missing component \"%1\"").arg(c.via.left(80)));
        return c;
    }

    void layout(const json &v, Project &p)
    {
        if (!v.is_object())
            fail(QStringLiteral("expected an object, found %1").arg(typeName(v)));
        for (const auto &[optionKey, entries] : v.items()) {
            Step s(*this, optionKey);
            Option *o = p.option(QString::fromStdString(optionKey));
            m_indexed = nullptr;
            if (!o)
                fail(QStringLiteral("layout for missing option \"%1\"")
                         .arg(QString::fromStdString(optionKey).left(80)));
            if (!entries.is_object())
                fail(QStringLiteral("expected an object, found %1").arg(typeName(entries)));
            for (const auto &[compKey, pos] : entries.items()) {
                Step c(*this, compKey);
                const QString compId = QString::fromStdString(compKey);
                if (!hasComponent(*o, compId))
                    fail(
                        QStringLiteral("layout for missing component \"%1\"").arg(compId.left(80)));
                expectObject(pos, {"x", "y", "pinned"});
                LayoutEntry e;
                {
                    Step sx(*this, "x");
                    e.x = numberValue(required(pos, "x"), true);
                }
                {
                    Step sy(*this, "y");
                    e.y = numberValue(required(pos, "y"), true);
                }
                e.pinned = boolean(pos, "pinned");
                o->layout[compId] = e;
            }
        }
    }

private:
    // Whether the option has a component with this id: a set built once per option (reset when
    // another option is read), so connections and layouts are checked in linear time.
    bool hasComponent(const Option &o, const QString &id)
    {
        if (m_indexed != &o) {
            m_componentIds.clear();
            m_componentIds.reserve(qsizetype(o.components.size()));
            for (const auto &c : o.components)
                m_componentIds.insert(c.id);
            m_indexed = &o;
        }
        return m_componentIds.contains(id);
    }

    std::vector<std::string> m_path;
    const Option *m_indexed = nullptr;
    QSet<QString> m_componentIds;
};

// ---------------------------------------------------------------------------------------------
// Writing: straight into one buffer, byte for byte what nlohmann's ordered_json dump(2) of the
// same document printed (2-space indent, "key": value, empty containers as {} and [], strings
// escaped as nlohmann escapes them without ensure_ascii), without building the document first.

class Writer
{
public:
    explicit Writer(size_t reserve) { m_out.reserve(reserve); }
    std::string take() { return std::move(m_out); }

    // Containers open lazily: "{" or "[" is written with the first item, so an empty one
    // prints as {} or [].
    void open(char bracket) { m_stack.push_back({0, bracket}); }
    void close()
    {
        const Frame f = m_stack.back();
        m_stack.pop_back();
        if (f.count == 0) {
            m_out += f.bracket;
            m_out += f.bracket == '{' ? '}' : ']';
            return;
        }
        newline();
        m_out += f.bracket == '{' ? '}' : ']';
    }
    // An object member's key (then its value).
    void key(const char *k)
    {
        item();
        m_out += '"';
        m_out += k;
        m_out += "\": ";
    }
    void key(const QString &k)
    {
        item();
        string(k);
        m_out += ": ";
    }
    // Before an array element.
    void item()
    {
        Frame &f = m_stack.back();
        m_out += f.count++ == 0 ? f.bracket : ',';
        newline();
    }

    // A member that may turn out empty ("workload": {} is omitted): mark before its key, and
    // drop it if its object got no member.
    struct Mark {
        size_t size;
        int count;
    };
    Mark mark() const { return {m_out.size(), m_stack.back().count}; }
    bool closeOrDrop(const Mark &m)
    {
        if (m_stack.back().count == 0) {
            m_stack.pop_back();
            m_out.resize(m.size);
            m_stack.back().count = m.count;
            return false;
        }
        close();
        return true;
    }

    void boolean(bool v) { m_out += v ? "true" : "false"; }
    void integer(std::int64_t v)
    {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        m_out.append(buf, r.ptr);
    }
    void number(double v)
    {
        // Whole numbers without a fraction (jsonwrite::num); others as nlohmann prints them.
        if (std::floor(v) == v && std::fabs(v) < 9.0e15)
            integer(static_cast<std::int64_t>(v));
        else
            m_out += ojson(v).dump();
    }
    void string(const QString &s)
    {
        const size_t start = m_out.size();
        m_out += '"';
        const char16_t *p = reinterpret_cast<const char16_t *>(s.utf16());
        const qsizetype n = s.size();
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = p[i];
            if (c >= 0xD800 && c <= 0xDFFF) {
                // Surrogates (paired or not): the whole string as nlohmann writes its UTF-8.
                m_out.resize(start);
                m_out
                    += ojson(s.toStdString()).dump(-1, ' ', false, json::error_handler_t::replace);
                return;
            }
            if (c < 0x80) {
                escapeAscii(char(c));
            } else if (c < 0x800) {
                m_out += char(0xC0 | (c >> 6));
                m_out += char(0x80 | (c & 0x3F));
            } else {
                m_out += char(0xE0 | (c >> 12));
                m_out += char(0x80 | ((c >> 6) & 0x3F));
                m_out += char(0x80 | (c & 0x3F));
            }
        }
        m_out += '"';
    }

private:
    struct Frame {
        int count;
        char bracket;
    };

    void newline()
    {
        m_out += '\n';
        m_out.append(2 * m_stack.size(), ' ');
    }
    void escapeAscii(char c)
    {
        switch (c) {
        case '"':
            m_out += "\\\"";
            return;
        case '\\':
            m_out += "\\\\";
            return;
        case '\b':
            m_out += "\\b";
            return;
        case '\f':
            m_out += "\\f";
            return;
        case '\n':
            m_out += "\\n";
            return;
        case '\r':
            m_out += "\\r";
            return;
        case '\t':
            m_out += "\\t";
            return;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                m_out += "\\u00";
                m_out += hex[(c >> 4) & 0xF];
                m_out += hex[c & 0xF];
            } else {
                m_out += c;
            }
        }
    }
    std::string m_out;
    std::vector<Frame> m_stack;
};

void putNum(Writer &w, const char *key, const std::optional<double> &v)
{
    if (v) {
        w.key(key);
        w.number(*v);
    }
}

void putInt(Writer &w, const char *key, const std::optional<int> &v)
{
    if (v) {
        w.key(key);
        w.integer(*v);
    }
}

void putStr(Writer &w, const char *key, const QString &v)
{
    if (!v.isEmpty()) {
        w.key(key);
        w.string(v);
    }
}

void putList(Writer &w, const char *key, const QStringList &v)
{
    if (v.isEmpty())
        return;
    w.key(key);
    w.open('[');
    for (const auto &s : v) {
        w.item();
        w.string(s);
    }
    w.close();
}

void putBool(Writer &w, const char *key, bool v)
{
    if (v) {
        w.key(key);
        w.boolean(true);
    }
}

void writeWorkload(Writer &o, const Workload &w)
{
    const Writer::Mark m = o.mark();
    o.key("workload");
    o.open('{');
    putStr(o, "language", w.language);
    putStr(o, "runtime_version", w.runtimeVersion);
    putStr(o, "framework", w.framework);
    putList(o, "packages", w.packages);
    putNum(o, "memory_mb", w.memoryMb);
    putNum(o, "cpu_ms_per_request", w.cpuMsPerRequest);
    putNum(o, "request_ms", w.requestMs);
    putNum(o, "longest_request_s", w.longestRequestS);
    putNum(o, "artifact_mb", w.artifactMb);
    putNum(o, "vcpu", w.vcpu);
    putNum(o, "hours_per_month", w.hoursPerMonth);
    putBool(o, "websockets", w.websockets);
    putBool(o, "streaming", w.streaming);
    if (w.filesystem != FilesystemNeed::None)
        putStr(o, "filesystem", filesystemNeedId(w.filesystem));
    putBool(o, "background_jobs", w.backgroundJobs);
    putList(o, "scheduled_jobs", w.scheduledJobs);
    putInt(o, "connection_pool", w.connectionPool);
    putInt(o, "min_instances", w.minInstances);
    putInt(o, "max_instances", w.maxInstances);
    putInt(o, "port", w.port);
    putList(o, "routes", w.routes);
    putStr(o, "start_command", w.startCommand);
    putStr(o, "health_path", w.healthPath);
    o.closeOrDrop(m);
}

void writeTraffic(Writer &o, const Traffic &t)
{
    const Writer::Mark m = o.mark();
    o.key("traffic");
    o.open('{');
    putNum(o, "requests_per_month", t.requestsPerMonth);
    putNum(o, "egress_gb", t.egressGb);
    putNum(o, "storage_gb", t.storageGb);
    putNum(o, "reads_per_month", t.readsPerMonth);
    putNum(o, "writes_per_month", t.writesPerMonth);
    putNum(o, "vectors_stored", t.vectorsStored);
    putNum(o, "vector_queries_per_month", t.vectorQueriesPerMonth);
    putInt(o, "vector_dimensions", t.vectorDimensions);
    putNum(o, "neurons_per_month", t.neuronsPerMonth);
    putInt(o, "vector_indexes", t.vectorIndexes);
    putNum(o, "websocket_messages_per_month", t.websocketMessagesPerMonth);
    putNum(o, "message_kb", t.messageKb);
    putInt(o, "read_replicas", t.readReplicas);
    putNum(o, "busiest_day_factor", t.busiestDayFactor);
    o.closeOrDrop(m);
}

void writeComponent(Writer &o, const Component &c)
{
    o.open('{');
    o.key("id");
    o.string(c.id);
    o.key("name");
    o.string(c.name);
    o.key("role");
    o.string(roleId(c.role));
    putStr(o, "description", c.description);
    if (c.binding.isBound()) {
        o.key("binding");
        o.open('{');
        o.key("profile");
        o.string(c.binding.profile);
        putStr(o, "plan", c.binding.plan);
        putStr(o, "instance", c.binding.instance);
        o.close();
    }
    putStr(o, "region", c.region);
    putStr(o, "domain", c.domain);
    writeWorkload(o, c.workload);
    writeTraffic(o, c.traffic);
    if (!c.env.empty()) {
        o.key("env");
        o.open('[');
        for (const auto &var : c.env) {
            o.item();
            o.open('{');
            o.key("name");
            o.string(var.name);
            putBool(o, "secret", var.secret);
            if (!var.secret) // a secret's value is never written (docs/file-format.md)
                putStr(o, "value", var.value);
            o.close();
        }
        o.close();
    }
    o.close();
}

void writeConnection(Writer &o, const Connection &c)
{
    o.open('{');
    o.key("id");
    o.string(c.id);
    o.key("from");
    o.string(c.from);
    o.key("to");
    o.string(c.to);
    o.key("protocol");
    o.string(protocolId(c.protocol));
    putStr(o, "via", c.via);
    putBool(o, "pooled", c.pooled);
    o.close();
}

void writeAssumptions(Writer &o, const Assumptions &a)
{
    o.key("assumptions");
    o.open('{');
    o.key("traffic");
    o.open('{');
    o.key("low");
    o.number(a.trafficLow);
    o.key("typical");
    o.number(a.trafficTypical);
    o.key("high");
    o.number(a.trafficHigh);
    o.close();
    putNum(o, "monthly_budget", a.monthlyBudget);
    const Writer::Mark m = o.mark();
    o.key("slo");
    o.open('{');
    putNum(o, "p50_ms", a.slo.p50Ms);
    putNum(o, "p95_ms", a.slo.p95Ms);
    putNum(o, "availability_pct", a.slo.availabilityPct);
    o.closeOrDrop(m);
    o.close();
}

} // namespace

ProjectLoad parseProject(const QByteArray &bytes, const QString &fileName)
{
    ProjectLoad result;
    result.error.file = fileName;
    const std::string_view text(bytes.constData(), size_t(bytes.size()));
    if (const auto deep = checkJsonNesting(text)) {
        const auto pos = positionOfOffset(text, deep->offset);
        result.error.line = pos.line;
        result.error.column = pos.column;
        result.error.message = deep->message;
        return result;
    }
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error &e) {
        const auto pos = positionOfOffset(text, e.byte > 0 ? e.byte - 1 : 0);
        result.error.line = pos.line;
        result.error.column = pos.column;
        // nlohmann: "[json.exception.parse_error.101] parse error at line 3, column 5: syntax
        // error while parsing ..." — keep the part after the location, which we print ourselves.
        QString what = QString::fromUtf8(e.what());
        const int colon = what.indexOf(QStringLiteral(": "));
        if (colon >= 0)
            what = what.mid(colon + 2);
        result.error.message = QStringLiteral("invalid JSON: ") + what;
        return result;
    } catch (const json::exception &e) {
        // e.g. out_of_range.406 "number overflow parsing '1e999'": locate the literal.
        QString what = QString::fromUtf8(e.what());
        what = what.mid(what.indexOf(QLatin1Char(']')) + 2);
        const int quote = int(what.indexOf(QLatin1Char('\'')));
        const std::string literal
            = quote >= 0 ? what.mid(quote + 1).chopped(1).toStdString() : std::string();
        const size_t at = literal.empty() ? std::string_view::npos : text.find(literal);
        const auto pos = positionOfOffset(text, at == std::string_view::npos ? 0 : at);
        result.error.line = pos.line;
        result.error.column = pos.column;
        result.error.message = QStringLiteral("invalid JSON: ") + what;
        return result;
    }
    {
        // nlohmann keeps the last of two equal keys; a file that says two things is refused.
        std::vector<std::string> dupPath;
        if (const auto dup = findDuplicateJsonKey(text, &dupPath)) {
            const auto pos = positionOfOffset(text, dup->offset);
            result.error.line = pos.line;
            result.error.column = pos.column;
            result.error.path = QString::fromStdString(jsonPointerString(dupPath));
            result.error.message = dup->message;
            return result;
        }
    }
    try {
        Reader reader;
        result.project = reader.project(root);
    } catch (const Failure &f) {
        result.error.path = QString::fromStdString(jsonPointerString(f.path));
        result.error.message = f.message;
        // Locate the deepest existing part of the path, so "missing field" points at its object.
        for (size_t n = f.path.size() + 1; n-- > 0;) {
            const std::vector<std::string> prefix(f.path.begin(), f.path.begin() + long(n));
            if (const auto off = locateJsonPointer(text, prefix)) {
                const auto pos = positionOfOffset(text, *off);
                result.error.line = pos.line;
                result.error.column = pos.column;
                break;
            }
        }
    } catch (const json::exception &e) {
        result.error.message = QStringLiteral("invalid value: ") + QString::fromUtf8(e.what());
    }
    return result;
}

ProjectLoad loadProjectFile(const QString &path)
{
    constexpr qint64 kMaxSize = 256ll * 1024 * 1024;
    QString why;
    const auto bytes = readBoundedFile(path, kMaxSize, &why);
    if (!bytes) {
        ProjectLoad result;
        result.error.file = path;
        result.error.message = why;
        return result;
    }
    return parseProject(*bytes, path);
}

QByteArray serializeProject(const Project &p)
{
    // About 700 bytes a component and 150 a connection in the canonical layout.
    size_t estimate = 4096;
    for (const auto &o : p.options)
        estimate += 800 * o.components.size() + 160 * o.connections.size();
    Writer w(estimate);
    w.open('{');
    w.key("format");
    w.string(QStringLiteral("stackplan"));
    w.key("version");
    w.integer(kProjectFormatVersion);
    w.key("name");
    w.string(p.name);
    putStr(w, "description", p.description);
    writeAssumptions(w, p.assumptions);
    w.key("baseline");
    w.string(p.baseline);
    w.key("options");
    w.open('[');
    for (const auto &o : p.options) {
        w.item();
        w.open('{');
        w.key("id");
        w.string(o.id);
        w.key("name");
        w.string(o.name);
        putStr(w, "description", o.description);
        w.key("components");
        w.open('[');
        for (const auto &c : o.components) {
            w.item();
            writeComponent(w, c);
        }
        w.close();
        w.key("connections");
        w.open('[');
        for (const auto &c : o.connections) {
            w.item();
            writeConnection(w, c);
        }
        w.close();
        w.close();
    }
    w.close();
    // The layout of each option, in component order; options without one are left out.
    w.key("layout");
    w.open('{');
    for (const auto &o : p.options) {
        const Writer::Mark m = w.mark();
        w.key(o.id);
        w.open('{');
        for (const auto &c : o.components) {
            const auto it = o.layout.find(c.id);
            if (it == o.layout.end())
                continue;
            w.key(c.id);
            w.open('{');
            w.key("x");
            w.number(it->second.x);
            w.key("y");
            w.number(it->second.y);
            putBool(w, "pinned", it->second.pinned);
            w.close();
        }
        w.closeOrDrop(m);
    }
    w.close();
    w.close();
    std::string out = w.take();
    out += '\n';
    return QByteArray(out.data(), qsizetype(out.size()));
}

bool saveProjectFile(const Project &project, const QString &path, QString *error)
{
    return writeFileAtomically(path, serializeProject(project), error);
}

QString checkOption(const Option &option)
{
    if (!isValidId(option.id))
        return QStringLiteral("invalid option id \"%1\"").arg(option.id.left(80));
    std::set<QString> ids;
    for (const auto &c : option.components) {
        if (!isValidId(c.id))
            return QStringLiteral("invalid component id \"%1\"").arg(c.id.left(80));
        if (!isValidRole(c.role))
            return QStringLiteral("component \"%1\" has an unknown role").arg(c.id);
        if (!ids.insert(c.id).second)
            return QStringLiteral("duplicate component id \"%1\"").arg(c.id);
    }
    std::set<QString> connIds;
    for (const auto &c : option.connections) {
        if (!isValidId(c.id))
            return QStringLiteral("invalid connection id \"%1\"").arg(c.id.left(80));
        if (!connIds.insert(c.id).second)
            return QStringLiteral("duplicate connection id \"%1\"").arg(c.id);
        if (!isValidProtocol(c.protocol))
            return QStringLiteral("connection \"%1\" has an unknown protocol").arg(c.id);
        if (!ids.count(c.from))
            return QStringLiteral("connection \"%1\" from missing component \"%2\"")
                .arg(c.id, c.from);
        if (!ids.count(c.to))
            return QStringLiteral("connection \"%1\" to missing component \"%2\"").arg(c.id, c.to);
        if (c.from == c.to)
            return QStringLiteral("connection \"%1\" from \"%2\" to itself").arg(c.id, c.from);
        if (!c.via.isEmpty() && !ids.count(c.via))
            return QStringLiteral("connection \"%1\" via missing component \"%2\"")
                .arg(c.id, c.via);
    }
    for (const auto &[id, entry] : option.layout)
        if (!ids.count(id))
            return QStringLiteral("layout entry for missing component \"%1\"").arg(id);
    return {};
}

} // namespace stackplan
