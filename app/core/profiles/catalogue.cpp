#include "profiles/catalogue.h"

#include "io/inputguard.h"
#include "io/jsonlocator.h"
#include "util/datadir.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <toml++/toml.h>

#include <algorithm>
#include <tuple>
#include <set>

namespace stackplan {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Reads one profile document, collecting every problem rather than stopping at the first.
class ProfileReader
{
public:
    ProfileReader(QString fileName, std::vector<ProfileProblem> *problems)
        : m_file(std::move(fileName)), m_problems(problems)
    {
    }

    int errorCount() const { return m_errors; }

    void error(const toml::node *node, const QString &path, const QString &message)
    {
        report(node ? node->source() : toml::source_region{}, path, message, false);
    }
    void warning(const toml::node *node, const QString &path, const QString &message)
    {
        report(node ? node->source() : toml::source_region{}, path, message, true);
    }
    void report(const toml::source_region &where, const QString &path, const QString &message,
                bool isWarning)
    {
        FileError e;
        e.file = m_file;
        e.line = int(where.begin.line);
        e.column = int(where.begin.column);
        e.path = path;
        e.message = message;
        m_problems->push_back({e, isWarning});
        if (!isWarning)
            ++m_errors;
    }

    static QString join(const QString &path, std::string_view key)
    {
        return path.isEmpty() ? qs(key) : path + QLatin1Char('.') + qs(key);
    }
    static QString index(const QString &path, size_t i)
    {
        return path + QStringLiteral("[%1]").arg(i);
    }

    void allowOnly(const toml::table &t, const QString &path,
                   std::initializer_list<const char *> keys)
    {
        for (auto &&[k, v] : t) {
            bool known = false;
            for (const char *key : keys)
                if (k.str() == key)
                    known = true;
            if (!known)
                error(&v, join(path, k.str()),
                      QStringLiteral("unknown key \"%1\"").arg(qs(k.str())));
        }
    }

    std::optional<QString> string(const toml::table &t, const QString &path, const char *key,
                                  bool required)
    {
        const toml::node *n = t.get(key);
        if (!n) {
            if (required)
                error(&t, path,
                      QStringLiteral("missing required key \"%1\"").arg(QLatin1String(key)));
            return std::nullopt;
        }
        if (!n->is_string()) {
            error(n, join(path, key), QStringLiteral("expected a string"));
            return std::nullopt;
        }
        return qs(*n->value<std::string_view>());
    }

    std::optional<double> number(const toml::node *n, const QString &path)
    {
        if (!n->is_number()) {
            error(n, path, QStringLiteral("expected a number"));
            return std::nullopt;
        }
        if (const auto *i = n->as_integer()) {
            // Above 2^53 a double no longer holds every integer: refuse rather than round.
            constexpr int64_t kExact = int64_t(1) << 53;
            const int64_t v = i->get();
            if (v > kExact || v < -kExact) {
                error(n, path,
                      QStringLiteral("integer %1 is too large (at most 2^53 = 9007199254740992)")
                          .arg(v));
                return std::nullopt;
            }
            return double(v);
        }
        const double d = *n->value<double>();
        if (!std::isfinite(d)) {
            error(n, path, QStringLiteral("expected a finite number"));
            return std::nullopt;
        }
        return d;
    }

    std::optional<double> number(const toml::table &t, const QString &path, const char *key,
                                 bool required, bool allowNegative = false)
    {
        const toml::node *n = t.get(key);
        if (!n) {
            if (required)
                error(&t, path,
                      QStringLiteral("missing required key \"%1\"").arg(QLatin1String(key)));
            return std::nullopt;
        }
        const auto d = number(n, join(path, key));
        if (d && !allowNegative && *d < 0) {
            error(n, join(path, key), QStringLiteral("must not be negative (found %1)").arg(*d));
            return std::nullopt;
        }
        return d;
    }

    std::optional<bool> boolean(const toml::node *n, const QString &path)
    {
        if (!n->is_boolean()) {
            error(n, path, QStringLiteral("expected true or false"));
            return std::nullopt;
        }
        return *n->value<bool>();
    }

    QStringList stringArray(const toml::node *n, const QString &path)
    {
        QStringList out;
        const toml::array *a = n->as_array();
        if (!a) {
            error(n, path, QStringLiteral("expected an array of strings"));
            return out;
        }
        for (size_t i = 0; i < a->size(); ++i) {
            const toml::node &e = *a->get(i);
            if (!e.is_string())
                error(&e, index(path, i), QStringLiteral("expected a string"));
            else
                out << qs(*e.value<std::string_view>());
        }
        return out;
    }

    QString oneOf(const toml::node *n, const QString &path, const QStringList &allowed,
                  const char *what)
    {
        if (!n->is_string()) {
            error(n, path, QStringLiteral("expected a string"));
            return {};
        }
        const QString v = qs(*n->value<std::string_view>());
        if (!allowed.contains(v)) {
            error(n, path,
                  QStringLiteral("unknown %1 \"%2\"; expected one of: %3")
                      .arg(QLatin1String(what), v.left(60), allowed.join(QStringLiteral(", "))));
            return {};
        }
        return v;
    }

    // source + checked (+ note) of a fact table.
    Fact fact(const toml::table &t, const QString &path)
    {
        Fact f;
        const toml::node *src = t.get("source");
        const toml::node *chk = t.get("checked");
        if (!src && !chk) {
            error(&t, path, QStringLiteral("fact has no source and no checked date"));
        } else if (!src) {
            error(&t, path, QStringLiteral("fact has no source"));
        } else if (!chk) {
            error(&t, path, QStringLiteral("fact has no checked date"));
        }
        if (src) {
            if (!src->is_string()) {
                error(src, join(path, "source"), QStringLiteral("expected a URL string"));
            } else {
                f.source = qs(*src->value<std::string_view>());
                if (!f.source.startsWith(QLatin1String("https://"))
                    && !f.source.startsWith(QLatin1String("http://")))
                    error(src, join(path, "source"),
                          QStringLiteral("source must be an http(s) URL, found \"%1\"")
                              .arg(f.source.left(60)));
            }
        }
        if (chk) {
            if (const auto *d = chk->as_date()) {
                const toml::date v = d->get();
                f.checked = QDate(v.year, v.month, v.day);
            } else if (chk->is_string()) {
                const QString s = qs(*chk->value<std::string_view>());
                f.checked = QDate::fromString(s, Qt::ISODate);
                if (!f.checked.isValid() || s.size() != 10)
                    error(chk, join(path, "checked"),
                          QStringLiteral("checked must be a date YYYY-MM-DD, found \"%1\"")
                              .arg(s.left(40)));
            } else {
                error(chk, join(path, "checked"),
                      QStringLiteral("checked must be a date YYYY-MM-DD"));
            }
        }
        if (const toml::node *note = t.get("note")) {
            if (!note->is_string())
                error(note, join(path, "note"), QStringLiteral("expected a string"));
            else
                f.note = qs(*note->value<std::string_view>());
        }
        return f;
    }

    const toml::table *table(const toml::node *n, const QString &path)
    {
        const toml::table *t = n ? n->as_table() : nullptr;
        if (n && !t)
            error(n, path, QStringLiteral("expected a table"));
        return t;
    }

    Limits limits(const toml::node *n, const QString &path)
    {
        Limits out;
        const toml::table *t = table(n, path);
        if (!t)
            return out;
        for (auto &&[k, v] : *t) {
            const QString key = qs(k.str());
            const QString p = join(path, k.str());
            if (!limitKeyInfo(key)) {
                error(&v, p, QStringLiteral("unknown limit \"%1\"").arg(key));
                continue;
            }
            const toml::table *lt = v.as_table();
            if (!lt) {
                error(&v, p,
                      QStringLiteral("a limit is a table { value = …, source = …, checked = … }"));
                continue;
            }
            allowOnly(*lt, p, {"value", "max", "ceiling", "source", "checked", "note"});
            Limit l;
            l.value = number(*lt, p, "value", true).value_or(0);
            l.max = number(*lt, p, "max", false);
            if (const toml::node *c = lt->get("ceiling")) {
                if (const auto b = c->value<bool>())
                    l.ceiling = *b;
                else
                    error(c, join(p, "ceiling"), QStringLiteral("ceiling must be true or false"));
            }
            if (l.max && *l.max < l.value)
                error(lt->get("max"), join(p, "max"),
                      QStringLiteral("max (%1) is below the value (%2)").arg(*l.max).arg(l.value));
            l.fact = fact(*lt, p);
            out[key] = l;
        }
        return out;
    }

    template<typename T, typename Fn>
    void capability(const toml::table &t, const QString &path, const char *key,
                    std::optional<Sourced<T>> &out, std::initializer_list<const char *> extra,
                    Fn readValue)
    {
        const toml::node *n = t.get(key);
        if (!n)
            return;
        const QString p = join(path, key);
        const toml::table *ct = n->as_table();
        if (!ct) {
            error(n, p,
                  QStringLiteral("a capability is a table { value = …, source = …, checked = … }"));
            return;
        }
        std::vector<const char *> allowed = {"value", "source", "checked", "note"};
        allowed.insert(allowed.end(), extra.begin(), extra.end());
        for (auto &&[k, v] : *ct) {
            const auto &key = k; // Clang 14 cannot capture a structured binding
            if (std::none_of(allowed.begin(), allowed.end(),
                             [&](const char *a) { return key.str() == a; }))
                error(&v, join(p, k.str()), QStringLiteral("unknown key \"%1\"").arg(qs(k.str())));
        }
        const toml::node *value = ct->get("value");
        if (!value) {
            error(ct, p, QStringLiteral("missing required key \"value\""));
            return;
        }
        Sourced<T> s;
        const int before = m_errors;
        s.value = readValue(*ct, *value, join(p, "value"));
        s.fact = fact(*ct, p);
        if (m_errors == before)
            out = s;
    }

    QString via(const toml::table &ct, const QString &p, const char *key = "via")
    {
        if (const toml::node *v = ct.get(key)) {
            if (!v->is_string()) {
                error(v, join(p, key), QStringLiteral("expected a profile id"));
                return {};
            }
            const QString id = qs(*v->value<std::string_view>());
            m_references.push_back(
                {id, join(p, key), int(v->source().begin.line), int(v->source().begin.column)});
            return id;
        }
        return {};
    }

    // The fact table `t.key = { value = …, source, checked, note }`, or null (absent or not a
    // table, which is reported).
    const toml::table *factTable(const toml::table &t, const char *key, const QString &p)
    {
        const toml::node *n = t.get(key);
        if (!n)
            return nullptr;
        const toml::table *ft = n->as_table();
        if (!ft) {
            error(n, p,
                  QStringLiteral("%1 is a fact table { value = …, source = …, checked = … }")
                      .arg(QLatin1String(key)));
            return nullptr;
        }
        allowOnly(*ft, p, {"value", "source", "checked", "note"});
        return ft;
    }

    // `roles = { value = [...], source, checked }` of a plan or instance type.
    RoleRestriction roleRestriction(const toml::table &t, const QString &path)
    {
        const QString p = join(path, "roles");
        const toml::table *rt = factTable(t, "roles", p);
        if (!rt)
            return std::nullopt;
        const int before = m_errors;
        Sourced<std::vector<Role>> out;
        if (const toml::node *v = rt->get("value")) {
            for (const auto &role : stringArray(v, join(p, "value"))) {
                if (const auto r = roleFromId(role))
                    out.value.push_back(*r);
                else
                    error(v, join(p, "value"),
                          QStringLiteral("unknown role \"%1\"; expected one of: %2")
                              .arg(role.left(40), roleIds().join(QStringLiteral(", "))));
            }
        } else {
            error(rt, p, QStringLiteral("missing required key \"value\""));
        }
        out.fact = fact(*rt, p);
        if (m_errors != before)
            return std::nullopt;
        return out;
    }

    // `month_hours = { value = 720, source, checked }`: the month the vendor bills.
    std::optional<Sourced<double>> monthHours(const toml::table &t, const QString &path)
    {
        const QString p = join(path, "month_hours");
        const toml::table *mt = factTable(t, "month_hours", p);
        if (!mt)
            return std::nullopt;
        const int before = m_errors;
        Sourced<double> out;
        out.value = number(*mt, p, "value", true).value_or(0);
        if (m_errors == before && (out.value < 672 || out.value > 744))
            error(mt->get("value"), join(p, "value"),
                  QStringLiteral("a billing month has 672 to 744 hours, found %1").arg(out.value));
        out.fact = fact(*mt, p);
        if (m_errors != before)
            return std::nullopt;
        return out;
    }

    Capabilities capabilities(const toml::node *n, const QString &path)
    {
        Capabilities c;
        const toml::table *t = table(n, path);
        if (!t)
            return c;
        allowOnly(*t, path,
                  {"runtimes", "packages", "websockets", "filesystem", "background_jobs",
                   "scheduler", "outbound_tcp", "execution", "scale_to_zero", "sleep",
                   "cold_start_ms", "edge", "sla", "inbound", "outbound", "pooler", "sql_pooler"});
        const QStringList protocols = protocolIds();
        auto boolValue = [this](const toml::table &, const toml::node &v, const QString &p) {
            return boolean(&v, p).value_or(false);
        };
        auto stringValue = [this](const toml::table &, const toml::node &v, const QString &p) {
            if (!v.is_string()) {
                error(&v, p, QStringLiteral("expected a string"));
                return QString();
            }
            return qs(*v.value<std::string_view>());
        };
        auto protocolList
            = [this, &protocols](const toml::table &, const toml::node &v, const QString &p) {
                  const QStringList list = stringArray(&v, p);
                  for (const auto &s : list)
                      if (!protocols.contains(s))
                          error(&v, p,
                                QStringLiteral("unknown protocol \"%1\"; expected one of: %2")
                                    .arg(s.left(40), protocols.join(QStringLiteral(", "))));
                  return list;
              };
        capability(*t, path, "runtimes", c.runtimes, {},
                   [this](const toml::table &, const toml::node &v, const QString &p) {
                       const QStringList list = stringArray(&v, p);
                       for (const auto &s : list)
                           if (!runtimeIds().contains(s))
                               error(&v, p,
                                     QStringLiteral("unknown runtime \"%1\"; expected one of: %2")
                                         .arg(s.left(40), runtimeIds().join(QStringLiteral(", "))));
                       return list;
                   });
        capability(*t, path, "packages", c.packages, {"unsupported"},
                   [this](const toml::table &ct, const toml::node &v, const QString &p) {
                       PackagesValue pv;
                       pv.mode
                           = oneOf(&v, p, {QStringLiteral("any"), QStringLiteral("wasm-wheels")},
                                   "package mode");
                       if (const toml::node *u = ct.get("unsupported"))
                           pv.unsupported
                               = stringArray(u, p.chopped(6) + QStringLiteral("unsupported"));
                       return pv;
                   });
        capability(*t, path, "websockets", c.websockets, {"via", "coordinate_via"},
                   [this](const toml::table &ct, const toml::node &v, const QString &p) {
                       ViaValue vv;
                       vv.value = oneOf(&v, p,
                                        {QStringLiteral("native"), QStringLiteral("via"),
                                         QStringLiteral("none")},
                                        "websockets mode");
                       vv.via = via(ct, p.chopped(6));
                       vv.coordinateVia = via(ct, p.chopped(6), "coordinate_via");
                       if (vv.value == QLatin1String("via") && vv.via.isEmpty())
                           error(&ct, p.chopped(6),
                                 QStringLiteral("websockets = \"via\" needs a via profile id"));
                       return vv;
                   });
        capability(*t, path, "filesystem", c.filesystem, {},
                   [this](const toml::table &, const toml::node &v, const QString &p) {
                       return oneOf(&v, p,
                                    {QStringLiteral("none"), QStringLiteral("in-memory"),
                                     QStringLiteral("ephemeral"), QStringLiteral("persistent")},
                                    "filesystem");
                   });
        capability(*t, path, "background_jobs", c.backgroundJobs, {}, boolValue);
        capability(
            *t, path, "scheduler", c.scheduler, {"via"},
            [this, stringValue](const toml::table &ct, const toml::node &v, const QString &p) {
                ViaValue vv;
                vv.value = stringValue(ct, v, p);
                vv.via = via(ct, p.chopped(6));
                return vv;
            });
        capability(*t, path, "outbound_tcp", c.outboundTcp, {}, boolValue);
        capability(*t, path, "execution", c.execution, {},
                   [this](const toml::table &, const toml::node &v, const QString &p) {
                       return oneOf(&v, p,
                                    {QStringLiteral("request-scoped"),
                                     QStringLiteral("serverless-container"),
                                     QStringLiteral("always-on"), QStringLiteral("static"),
                                     QStringLiteral("managed")},
                                    "execution model");
                   });
        capability(*t, path, "scale_to_zero", c.scaleToZero, {}, boolValue);
        capability(*t, path, "sleep", c.sleep, {"after_min", "wake_s"},
                   [this](const toml::table &ct, const toml::node &v, const QString &p) {
                       SleepValue sv;
                       sv.sleeps = boolean(&v, p).value_or(false);
                       sv.afterMin = number(ct, p.chopped(6), "after_min", false);
                       sv.wakeS = number(ct, p.chopped(6), "wake_s", false);
                       return sv;
                   });
        capability(*t, path, "cold_start_ms", c.coldStartMs, {},
                   [this](const toml::table &, const toml::node &v, const QString &p) {
                       return number(&v, p).value_or(0);
                   });
        capability(*t, path, "edge", c.edge, {}, boolValue);
        capability(
            *t, path, "sla", c.sla, {},
            [this](const toml::table &, const toml::node &v, const QString &p) {
                const double d = number(&v, p).value_or(0);
                if (d <= 0 || d > 100)
                    error(&v, p,
                          QStringLiteral("an SLA is a percentage in (0, 100], found %1").arg(d));
                return d;
            });
        capability(*t, path, "inbound", c.inbound, {}, protocolList);
        capability(*t, path, "outbound", c.outbound, {}, protocolList);
        capability(*t, path, "pooler", c.pooler, {}, stringValue);
        capability(
            *t, path, "sql_pooler", c.sqlPooler, {"via"},
            [this, stringValue](const toml::table &ct, const toml::node &v, const QString &p) {
                ViaValue vv;
                vv.value = stringValue(ct, v, p);
                vv.via = via(ct, p.chopped(6));
                return vv;
            });
        return c;
    }

    std::vector<Meter> meters(const toml::node *n, const QString &path)
    {
        std::vector<Meter> out;
        if (!n)
            return out;
        const toml::array *a = n->as_array();
        if (!a) {
            error(n, path, QStringLiteral("expected an array of tables ([[…meters]])"));
            return out;
        }
        for (size_t i = 0; i < a->size(); ++i) {
            const QString p = index(path, i);
            const toml::table *t = a->get(i)->as_table();
            if (!t) {
                error(a->get(i), p, QStringLiteral("expected a table"));
                continue;
            }
            allowOnly(*t, p,
                      {"usage",
                       "price",
                       "per",
                       "included",
                       "period",
                       "included_per",
                       "cap",
                       "basis",
                       "tiers",
                       "memory_mb",
                       "gb_mb",
                       "round_up",
                       "round_up_each",
                       "duration_unit_ms",
                       "websocket_messages_per_unit",
                       "size_unit_kb",
                       "replicated_writes",
                       "count_stored_vectors",
                       "source",
                       "checked",
                       "note"});
            Meter m;
            if (const toml::node *u = t->get("usage"))
                m.usage = oneOf(u, join(p, "usage"), meterUsages(), "usage");
            else
                error(t, p, QStringLiteral("missing required key \"usage\""));
            m.price = number(*t, p, "price", false);
            m.per = number(*t, p, "per", false).value_or(1);
            if (m.per <= 0)
                error(t->get("per"), join(p, "per"), QStringLiteral("per must be positive"));
            m.included = number(*t, p, "included", false).value_or(0);
            if (const toml::node *period = t->get("period"))
                m.includedPerDay = oneOf(period, join(p, "period"),
                                         {QStringLiteral("month"), QStringLiteral("day")}, "period")
                                   == QLatin1String("day");
            if (const toml::node *scope = t->get("included_per")) {
                const QString v = oneOf(scope, join(p, "included_per"),
                                        {QStringLiteral("account"), QStringLiteral("component"),
                                         QStringLiteral("instance")},
                                        "allowance scope");
                m.includedPer = v == QLatin1String("component")  ? AllowanceScope::Component
                                : v == QLatin1String("instance") ? AllowanceScope::Instance
                                                                 : AllowanceScope::Account;
            }
            if (const toml::node *cap = t->get("cap")) {
                const QString v
                    = oneOf(cap, join(p, "cap"),
                            {QStringLiteral("fail"), QStringLiteral("throttle")}, "cap");
                m.cap = v == QLatin1String("fail")       ? MeterCap::Fail
                        : v == QLatin1String("throttle") ? MeterCap::Throttle
                                                         : MeterCap::None;
                if (m.cap != MeterCap::None && !t->contains("included"))
                    error(cap, join(p, "cap"),
                          QStringLiteral("a cap needs the included quantity it caps"));
            }
            auto positive = [&](const char *key) -> std::optional<double> {
                const auto v = number(*t, p, key, false);
                if (v && *v <= 0) {
                    error(t->get(key), join(p, key), QStringLiteral("must be positive"));
                    return std::nullopt;
                }
                return v;
            };
            m.roundUp = positive("round_up");
            m.roundUpEach = positive("round_up_each");
            m.durationUnitMs = positive("duration_unit_ms");
            m.websocketMessagesPerUnit = positive("websocket_messages_per_unit");
            m.sizeUnitKb = positive("size_unit_kb");
            if (const toml::node *b = t->get("replicated_writes"))
                m.replicatedWrites = boolean(b, join(p, "replicated_writes")).value_or(false);
            if (const toml::node *b = t->get("count_stored_vectors"))
                m.countStoredVectors = boolean(b, join(p, "count_stored_vectors")).value_or(false);
            if (const toml::node *basis = t->get("basis"))
                m.basis = oneOf(
                    basis, join(p, "basis"),
                    {QStringLiteral("request"), QStringLiteral("instance"), QStringLiteral("idle")},
                    "basis");
            m.memoryMb = number(*t, p, "memory_mb", false);
            m.mbPerGb = number(*t, p, "gb_mb", false).value_or(1024);
            if (m.mbPerGb != 1000 && m.mbPerGb != 1024)
                error(t->get("gb_mb"), join(p, "gb_mb"),
                      QStringLiteral("gb_mb must be 1000 or 1024"));
            if (const toml::node *tiers = t->get("tiers")) {
                const toml::array *ta = tiers->as_array();
                if (!ta)
                    error(tiers, join(p, "tiers"),
                          QStringLiteral("expected an array of { upto, price }"));
                for (size_t j = 0; ta && j < ta->size(); ++j) {
                    const QString tp = index(join(p, "tiers"), j);
                    const toml::table *tt = ta->get(j)->as_table();
                    if (!tt) {
                        error(ta->get(j), tp, QStringLiteral("expected a table { upto, price }"));
                        continue;
                    }
                    allowOnly(*tt, tp, {"upto", "price"});
                    Tier tier;
                    tier.upTo = number(*tt, tp, "upto", false);
                    tier.price = number(*tt, tp, "price", true).value_or(0);
                    if (!m.tiers.empty()
                        && (!m.tiers.back().upTo
                            || (tier.upTo && *tier.upTo <= *m.tiers.back().upTo)))
                        error(tt, tp,
                              QStringLiteral("tiers must be in increasing order of upto, with only "
                                             "the last open"));
                    m.tiers.push_back(tier);
                }
                if (m.price && !m.tiers.empty())
                    error(tiers, join(p, "tiers"),
                          QStringLiteral("give either price or tiers, not both"));
            }
            m.fact = fact(*t, p);
            if (!t->contains("price") && !t->contains("tiers") && m.fact.note.isEmpty())
                error(t, p,
                      QStringLiteral(
                          "a meter without a price needs a note saying why the price is unknown"));
            out.push_back(std::move(m));
        }
        return out;
    }

    std::vector<Plan> plans(const toml::table &root, const QString &path)
    {
        std::vector<Plan> out;
        const toml::node *n = root.get("plans");
        const toml::array *a = n ? n->as_array() : nullptr;
        if (!a) {
            if (n)
                error(n, path, QStringLiteral("expected an array of tables ([[plans]])"));
            else
                error(&root, path, QStringLiteral("a profile needs at least one [[plans]] entry"));
            return out;
        }
        if (a->empty())
            error(n, path, QStringLiteral("a profile needs at least one plan"));
        std::set<QString> ids;
        for (size_t i = 0; i < a->size(); ++i) {
            const QString p = index(path, i);
            const toml::table *t = a->get(i)->as_table();
            if (!t) {
                error(a->get(i), p, QStringLiteral("expected a table"));
                continue;
            }
            allowOnly(*t, p,
                      {"id", "name", "description", "deploy_name", "requires", "roles",
                       "month_hours", "fee", "credits", "limits", "capabilities", "meters",
                       "instances"});
            Plan plan;
            plan.id = idValue(*t, p);
            plan.deployName = string(*t, p, "deploy_name", false).value_or(QString());
            if (!plan.id.isEmpty() && !ids.insert(plan.id).second)
                error(t->get("id"), join(p, "id"),
                      QStringLiteral("duplicate plan id \"%1\"").arg(plan.id));
            plan.name = string(*t, p, "name", true).value_or(plan.id);
            plan.description = string(*t, p, "description", false).value_or(QString());
            plan.roles = roleRestriction(*t, p);
            plan.monthHours = monthHours(*t, p);
            if (const toml::node *r = t->get("requires")) {
                plan.requiredFees = stringArray(r, join(p, "requires"));
                for (const auto &key : plan.requiredFees)
                    m_requires.push_back({key, join(p, "requires"), int(r->source().begin.line),
                                          int(r->source().begin.column)});
            }
            if (const toml::node *f = t->get("fee")) {
                const QString fp = join(p, "fee");
                if (const toml::table *ft = table(f, fp)) {
                    allowOnly(*ft, fp, {"amount", "key", "source", "checked", "note"});
                    Fee fee;
                    fee.amount = number(*ft, fp, "amount", true).value_or(0);
                    fee.key = string(*ft, fp, "key", true).value_or(QString());
                    fee.fact = fact(*ft, fp);
                    plan.fee = fee;
                }
            }
            if (const toml::node *c = t->get("credits")) {
                const QString cp = join(p, "credits");
                if (const toml::table *ct = table(c, cp)) {
                    allowOnly(*ct, cp, {"amount", "applies_to", "source", "checked", "note"});
                    Credit credit;
                    credit.amount = number(*ct, cp, "amount", true).value_or(0);
                    if (const toml::node *ap = ct->get("applies_to")) {
                        credit.appliesTo = stringArray(ap, join(cp, "applies_to"));
                        for (const auto &u : credit.appliesTo)
                            if (!meterUsages().contains(u))
                                error(ap, join(cp, "applies_to"),
                                      QStringLiteral("unknown usage \"%1\"").arg(u));
                    } else {
                        error(ct, cp, QStringLiteral("missing required key \"applies_to\""));
                    }
                    credit.fact = fact(*ct, cp);
                    plan.credits = credit;
                }
            }
            plan.limits = limits(t->get("limits"), join(p, "limits"));
            plan.capabilities = capabilities(t->get("capabilities"), join(p, "capabilities"));
            plan.meters = meters(t->get("meters"), join(p, "meters"));
            if (const toml::node *inst = t->get("instances")) {
                const toml::array *ia = inst->as_array();
                if (!ia)
                    error(inst, join(p, "instances"),
                          QStringLiteral("expected an array of tables ([[plans.instances]])"));
                std::set<QString> instIds;
                for (size_t j = 0; ia && j < ia->size(); ++j) {
                    const QString ip = index(join(p, "instances"), j);
                    const toml::table *it = ia->get(j)->as_table();
                    if (!it) {
                        error(ia->get(j), ip, QStringLiteral("expected a table"));
                        continue;
                    }
                    allowOnly(*it, ip,
                              {"id", "name", "description", "deploy_name", "roles", "limits",
                               "meters"});
                    Instance instance;
                    instance.id = idValue(*it, ip);
                    instance.deployName
                        = string(*it, ip, "deploy_name", false).value_or(QString());
                    if (!instance.id.isEmpty() && !instIds.insert(instance.id).second)
                        error(it->get("id"), join(ip, "id"),
                              QStringLiteral("duplicate instance id \"%1\"").arg(instance.id));
                    instance.name = string(*it, ip, "name", false).value_or(instance.id);
                    instance.description
                        = string(*it, ip, "description", false).value_or(QString());
                    instance.roles = roleRestriction(*it, ip);
                    instance.limits = limits(it->get("limits"), join(ip, "limits"));
                    instance.meters = meters(it->get("meters"), join(ip, "meters"));
                    plan.instances.push_back(std::move(instance));
                }
            }
            out.push_back(std::move(plan));
        }
        return out;
    }

    QString idValue(const toml::table &t, const QString &path)
    {
        const auto id = string(t, path, "id", true);
        if (!id)
            return {};
        static const QRegularExpression re(QStringLiteral("^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"));
        if (!re.match(*id).hasMatch()) {
            error(t.get("id"), join(path, "id"),
                  QStringLiteral("invalid id \"%1\": use lowercase letters, digits and dashes")
                      .arg(id->left(60)));
            return {};
        }
        return *id;
    }

    std::optional<Profile> profile(const toml::table &root)
    {
        allowOnly(root, {},
                  {"id", "name", "vendor", "category", "roles", "docs", "account", "color",
                   "description", "notes", "domains", "month_hours", "capabilities", "limits",
                   "plans", "deploy"});
        Profile p;
        p.id = idValue(root, {});
        p.name = string(root, {}, "name", true).value_or(QString());
        p.vendor = string(root, {}, "vendor", true).value_or(QString());
        if (const toml::node *c = root.get("category"))
            p.category = oneOf(c, QStringLiteral("category"), profileCategories(), "category");
        else
            error(&root, {}, QStringLiteral("missing required key \"category\""));
        if (const toml::node *r = root.get("roles")) {
            for (const auto &role : stringArray(r, QStringLiteral("roles"))) {
                if (const auto rr = roleFromId(role))
                    p.roles.push_back(*rr);
                else
                    error(r, QStringLiteral("roles"),
                          QStringLiteral("unknown role \"%1\"; expected one of: %2")
                              .arg(role.left(40), roleIds().join(QStringLiteral(", "))));
            }
            if (p.roles.empty() && m_errors == 0)
                error(r, QStringLiteral("roles"),
                      QStringLiteral("a profile must host at least one role"));
        } else {
            error(&root, {}, QStringLiteral("missing required key \"roles\""));
        }
        p.docs = string(root, {}, "docs", true).value_or(QString());
        if (!p.docs.isEmpty() && !p.docs.startsWith(QLatin1String("https://"))
            && !p.docs.startsWith(QLatin1String("http://")))
            error(root.get("docs"), QStringLiteral("docs"),
                  QStringLiteral("docs must be an http(s) URL"));
        p.account = string(root, {}, "account", true).value_or(QString());
        p.color = string(root, {}, "color", false).value_or(QString());
        static const QRegularExpression colorRe(QStringLiteral("^#[0-9a-fA-F]{6}$"));
        if (!p.color.isEmpty() && !colorRe.match(p.color).hasMatch())
            error(root.get("color"), QStringLiteral("color"),
                  QStringLiteral("color must be #rrggbb"));
        p.description = string(root, {}, "description", false).value_or(QString());
        if (const toml::node *n = root.get("notes"))
            p.notes = stringArray(n, QStringLiteral("notes"));
        if (const toml::node *n = root.get("domains")) {
            p.domains = stringArray(n, QStringLiteral("domains"));
            for (const auto &d : p.domains)
                if (d.isEmpty() || d.contains(QLatin1String("://")) || d.contains(QLatin1Char(' ')))
                    error(n, QStringLiteral("domains"),
                          QStringLiteral("a domain is a host name such as example.com, or a "
                                         "host/path prefix such as github.com/example/; found "
                                         "\"%1\"")
                              .arg(d.left(60)));
        }
        p.monthHours = monthHours(root, {});
        if (const toml::node *c = root.get("capabilities"))
            p.capabilities = capabilities(c, QStringLiteral("capabilities"));
        else
            error(&root, {}, QStringLiteral("missing required table [capabilities]"));
        p.limits = limits(root.get("limits"), QStringLiteral("limits"));
        p.plans = plans(root, QStringLiteral("plans"));
        if (const toml::node *d = root.get("deploy"))
            p.deploy = deploy(d, QStringLiteral("deploy"));
        if (m_errors > 0)
            return std::nullopt;
        return p;
    }

    // deploy = { target = "wrangler", kind = "worker", cli = "npx wrangler", flags = [...],
    //            compatibility_date = "…" }
    std::optional<Deploy> deploy(const toml::node *n, const QString &path)
    {
        const toml::table *t = table(n, path);
        if (!t)
            return std::nullopt;
        allowOnly(*t, path,
                  {"target", "kind", "cli", "regions", "flags", "compatibility_date", "note"});
        Deploy d;
        const toml::node *target = t->get("target");
        if (!target) {
            error(t, path, QStringLiteral("missing required key \"target\""));
            return std::nullopt;
        }
        QStringList targets;
        for (const auto &[name, kinds] : deployTargets())
            targets << name;
        d.target = oneOf(target, join(path, "target"), targets, "deployment target");
        if (d.target.isEmpty())
            return std::nullopt;
        const QStringList &kinds = deployTargets().at(d.target);
        if (const toml::node *kind = t->get("kind"))
            d.kind = oneOf(kind, join(path, "kind"), kinds, "deployment kind");
        else if (kinds.size() == 1)
            d.kind = kinds.first();
        else
            error(t, path, QStringLiteral("missing required key \"kind\""));
        if (const toml::node *f = t->get("flags"))
            d.flags = stringArray(f, join(path, "flags"));
        if (const toml::node *r = t->get("regions"))
            d.regions = stringArray(r, join(path, "regions"));
        if (const toml::node *c = t->get("compatibility_date")) {
            d.compatibilityDate = string(*t, path, "compatibility_date", false).value_or(QString());
            const QDate date = QDate::fromString(d.compatibilityDate, Qt::ISODate);
            if (!date.isValid() || d.compatibilityDate.size() != 10)
                error(c, join(path, "compatibility_date"),
                      QStringLiteral("compatibility_date must be a date YYYY-MM-DD, found \"%1\"")
                          .arg(d.compatibilityDate.left(40)));
        }
        d.cli = string(*t, path, "cli", false).value_or(QString());
        d.note = string(*t, path, "note", false).value_or(QString());
        return d;
    }

    std::vector<Catalogue::Reference> m_references; // profile ids named by `via`
    std::vector<Catalogue::Reference> m_requires;   // fee keys named by `requires`

private:
    QString m_file;
    std::vector<ProfileProblem> *m_problems;
    int m_errors = 0;
};

std::optional<Profile> parseProfileImpl(const QByteArray &text, const QString &fileName,
                                        std::vector<ProfileProblem> *problems,
                                        Catalogue::PendingChecks *pending)
{
    toml::table root;
    const std::string_view doc(text.constData(), size_t(text.size()));
    if (const auto deep = checkTomlDepth(doc)) {
        // toml++ 3.3 recurses once per key part: a key thousands of parts long overflows the
        // stack, so the limits are checked before the parser sees the text.
        const auto pos = positionOfOffset(doc, deep->offset);
        problems->push_back({FileError{fileName, pos.line, pos.column, QString(), deep->message},
                             false});
        return std::nullopt;
    }
    try {
        root = toml::parse(doc, fileName.toStdString());
    } catch (const toml::parse_error &e) {
        FileError err;
        err.file = fileName;
        err.line = int(e.source().begin.line);
        err.column = int(e.source().begin.column);
        err.message = QStringLiteral("invalid TOML: ") + qs(e.description());
        problems->push_back({err, false});
        return std::nullopt;
    }
    ProfileReader reader(fileName, problems);
    auto profile = reader.profile(root);
    if (profile) {
        profile->origin = fileName;
        const QString stem = QFileInfo(fileName).fileName().section(QLatin1Char('.'), 0, 0);
        if (!stem.isEmpty() && stem != profile->id && fileName.endsWith(QLatin1String(".toml")))
            reader.warning(root.get("id"), QStringLiteral("id"),
                           QStringLiteral("profile id \"%1\" differs from the file name \"%2\"")
                               .arg(profile->id, QFileInfo(fileName).fileName()));
        if (pending) {
            pending->file = fileName;
            pending->profiles = reader.m_references;
            pending->fees = reader.m_requires;
        }
    }
    return profile;
}

} // namespace

std::optional<Profile> parseProfile(const QByteArray &text, const QString &fileName,
                                    std::vector<ProfileProblem> *problems)
{
    return parseProfileImpl(text, fileName, problems, nullptr);
}

bool isBundledOrigin(const QString &origin)
{
    return origin.startsWith(bundledDataDir(QStringLiteral("profiles")) + QLatin1Char('/'));
}

QString Catalogue::replacedOrigin(const QString &id) const
{
    for (const auto &[replacedId, origin] : m_overrides)
        if (replacedId == id)
            return origin;
    return {};
}

QString Catalogue::userFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/stackplan/profiles");
}

Catalogue Catalogue::standard(const QStringList &extraDirs, bool includeUserFolder)
{
    Catalogue c;
    c.addBundled();
    if (includeUserFolder && QFileInfo(userFolder()).isDir())
        c.addDirectory(userFolder());
    for (const auto &dir : extraDirs)
        c.addDirectory(dir);
    c.finish();
    return c;
}

void Catalogue::addBundled()
{
    addDirectory(bundledDataDir(QStringLiteral("profiles")));
}

void Catalogue::addDirectory(const QString &dir)
{
    const QFileInfo info(dir);
    if (!info.isDir()) {
        FileError e;
        e.file = dir;
        e.message = QStringLiteral("not a directory");
        m_problems.push_back({e, false});
        return;
    }
    m_sourceOfBatch.clear();
    QStringList files
        = QDir(dir).entryList({QStringLiteral("*.toml")}, QDir::Files | QDir::System | QDir::Readable,
                             QDir::Name); // System: a device or FIFO is reported, not skipped
    for (const auto &name : files) {
        const QString path = dir + QLatin1Char('/') + name;
        QString why;
        const auto bytes = readBoundedFile(path, 4 * 1024 * 1024, &why);
        if (!bytes) {
            FileError e;
            e.file = path;
            e.message = why;
            m_problems.push_back({e, false});
            continue;
        }
        addText(*bytes, path);
    }
    m_sourceOfBatch.clear();
}

bool Catalogue::addText(const QByteArray &text, const QString &fileName)
{
    Catalogue::PendingChecks pending;
    auto profile = parseProfileImpl(text, fileName, &m_problems, &pending);
    if (!profile)
        return false;
    if (m_sourceOfBatch.contains(profile->id)) {
        const Profile *first = this->profile(profile->id);
        FileError e;
        e.file = fileName;
        e.path = QStringLiteral("id");
        e.message = QStringLiteral(
                        "duplicate profile id \"%1\" (also defined in %2); this file is skipped")
                        .arg(profile->id, first ? first->origin : QString());
        m_problems.push_back({e, false});
        return false;
    }
    m_sourceOfBatch << profile->id;
    m_pending[profile->id] = pending;
    const auto it = std::lower_bound(m_profiles.begin(), m_profiles.end(), profile->id,
                                     [](const Profile &p, const QString &id) { return p.id < id; });
    if (it != m_profiles.end() && it->id == profile->id) {
        m_overrides.push_back({profile->id, it->origin});
        *it = std::move(*profile);
    } else {
        m_profiles.insert(it, std::move(*profile));
    }
    return true;
}

void Catalogue::finish()
{
    std::set<QString> feeKeys;
    for (const auto &p : m_profiles)
        for (const auto &plan : p.plans)
            if (plan.fee)
                feeKeys.insert(plan.fee->key);
    std::vector<QString> broken;
    for (const auto &[id, checks] : m_pending) {
        const Profile *p = profile(id);
        if (!p || p->origin != checks.file)
            continue; // replaced by an override
        bool ok = true;
        for (const auto &ref : checks.profiles) {
            if (!profile(ref.id)) {
                FileError e{checks.file, ref.line, ref.column, ref.path,
                            QStringLiteral("refers to unknown profile \"%1\"").arg(ref.id)};
                m_problems.push_back({e, false});
                ok = false;
            }
        }
        for (const auto &ref : checks.fees) {
            if (!feeKeys.count(ref.id)) {
                FileError e{
                    checks.file, ref.line, ref.column, ref.path,
                    QStringLiteral("requires \"%1\", which no plan's fee provides").arg(ref.id)};
                m_problems.push_back({e, false});
                ok = false;
            }
        }
        if (!ok)
            broken.push_back(id);
    }
    for (const auto &id : broken)
        m_profiles.erase(std::remove_if(m_profiles.begin(), m_profiles.end(),
                                        [&](const Profile &p) { return p.id == id; }),
                         m_profiles.end());
    m_pending.clear();

    m_resolved.clear();
    m_resolvedIndex.clear();
    for (const auto &p : m_profiles) {
        for (const auto &plan : p.plans) {
            m_resolvedIndex.push_back({p.id, plan.id, {}, m_resolved.size()});
            m_resolved.push_back(stackplan::resolve(p, plan, nullptr));
            for (const auto &inst : plan.instances) {
                m_resolvedIndex.push_back({p.id, plan.id, inst.id, m_resolved.size()});
                m_resolved.push_back(stackplan::resolve(p, plan, &inst));
            }
        }
    }
    // Sorted, so a lookup compares a few short ids instead of building and hashing a key.
    std::sort(m_resolvedIndex.begin(), m_resolvedIndex.end(),
              [](const ResolvedKey &a, const ResolvedKey &b) {
                  return std::tie(a.profile, a.plan, a.instance)
                         < std::tie(b.profile, b.plan, b.instance);
              });
}

const ResolvedBinding *Catalogue::resolved(const Binding &binding) const
{
    QString plan = binding.plan;
    if (plan.isEmpty()) {
        const Profile *p = profile(binding.profile);
        if (!p)
            return nullptr;
        plan = p->plans.front().id;
    }
    const auto wanted = std::tie(binding.profile, plan, binding.instance);
    const auto it = std::lower_bound(m_resolvedIndex.begin(), m_resolvedIndex.end(), wanted,
                                     [](const ResolvedKey &k, const auto &w) {
                                         return std::tie(k.profile, k.plan, k.instance) < w;
                                     });
    if (it == m_resolvedIndex.end() || std::tie(it->profile, it->plan, it->instance) != wanted)
        return nullptr;
    return &m_resolved[it->index];
}

const Profile *Catalogue::profile(const QString &id) const
{
    const auto it
        = std::lower_bound(m_profiles.begin(), m_profiles.end(), id,
                           [](const Profile &p, const QString &key) { return p.id < key; });
    return it != m_profiles.end() && it->id == id ? &*it : nullptr;
}

bool Catalogue::hasErrors() const
{
    return std::any_of(m_problems.begin(), m_problems.end(),
                       [](const auto &p) { return !p.warning; });
}

const Fee *Catalogue::fee(const QString &key) const
{
    for (const auto &p : m_profiles)
        for (const auto &plan : p.plans)
            if (plan.fee && plan.fee->key == key)
                return &*plan.fee;
    return nullptr;
}

ResolvedBinding Catalogue::resolve(const Binding &binding, QString *why) const
{
    auto fail = [why](const QString &message) {
        if (why)
            *why = message;
        return ResolvedBinding{};
    };
    const Profile *p = profile(binding.profile);
    if (!p)
        return fail(QStringLiteral("unknown profile \"%1\"").arg(binding.profile));
    const Plan *plan = binding.plan.isEmpty() ? &p->plans.front() : p->plan(binding.plan);
    if (!plan)
        return fail(
            QStringLiteral("profile \"%1\" has no plan \"%2\"").arg(binding.profile, binding.plan));
    const Instance *instance = nullptr;
    if (!binding.instance.isEmpty()) {
        instance = plan->instance(binding.instance);
        if (!instance)
            return fail(QStringLiteral("plan \"%1\" of \"%2\" has no instance type \"%3\"")
                            .arg(plan->id, p->id, binding.instance));
    }
    return stackplan::resolve(*p, *plan, instance);
}

} // namespace stackplan
