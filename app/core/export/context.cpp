#include "export/export_p.h"

#include "rules/validate.h"

#include <QRegularExpression>

namespace stackplan::exporter {

bool Unit::is(const char *target, const char *kind) const
{
    return deploy && deploy->target == QLatin1String(target)
           && (!kind || deploy->kind == QLatin1String(kind));
}

Context::Context(const Project &p, const Option &o, const Catalogue &cat,
                 std::vector<Finding> optionFindings)
    : project(p), option(o), catalogue(cat)
{
    findings = std::move(optionFindings);
    bundle.option = o.id;
    units.reserve(o.components.size());
    for (const Component &c : o.components) {
        Unit u;
        u.c = &c;
        u.dir = c.id;
        if (c.binding.isBound()) {
            u.profile = cat.profile(c.binding.profile);
            u.rb = cat.resolved(c.binding);
            if (u.profile && u.profile->deploy)
                u.deploy = &*u.profile->deploy;
        }
        m_unitIndex.insert(c.id, int(units.size()));
        units.push_back(u);
        if (u.deploy)
            bundle.hasTargets = true;
    }
    for (const Connection &c : o.connections) {
        m_out[c.from].push_back(&c);
        m_in[c.to].push_back(&c);
    }
    for (const Unit &u : units) {
        const QString &health = u.c->workload.healthPath;
        const auto r = parseRoute(health);
        if (u.deploy && !health.isEmpty() && (!r || !r->exact || r->hasParams))
            notApplicable(u.c->id, QStringLiteral("health_path"),
                          QStringLiteral("%1 is not a plain URL path, so no health check uses it")
                              .arg(codeString(health)));
    }
}

const Unit *Context::unit(const QString &componentId) const
{
    const auto it = m_unitIndex.constFind(componentId);
    return it == m_unitIndex.constEnd() ? nullptr : &units[size_t(*it)];
}

const std::vector<const Connection *> &Context::outgoing(const QString &componentId) const
{
    static const std::vector<const Connection *> none;
    const auto it = m_out.constFind(componentId);
    return it == m_out.constEnd() ? none : *it;
}

const std::vector<const Connection *> &Context::incoming(const QString &componentId) const
{
    static const std::vector<const Connection *> none;
    const auto it = m_in.constFind(componentId);
    return it == m_in.constEnd() ? none : *it;
}

void Context::moveInto(const QString &componentId, const QString &dir)
{
    if (const auto it = m_unitIndex.constFind(componentId); it != m_unitIndex.constEnd())
        units[size_t(*it)].dir = dir;
}

std::vector<const Unit *> Context::unitsOf(const char *target, const char *kind) const
{
    std::vector<const Unit *> out;
    for (const Unit &u : units)
        if (u.is(target, kind))
            out.push_back(&u);
    return out;
}

void Context::file(const QString &path, const QByteArray &bytes, const QString &purpose,
                   bool executable)
{
    bundle.files[path] = bytes;
    if (executable)
        bundle.executables.insert(path);
    fileDocs.push_back({path, purpose});
}

bool Context::firstTime(int kind, const QString &subject, const QString &text)
{
    const QString key = QString::number(kind) + QLatin1Char('\n') + subject + QLatin1Char('\n') + text;
    if (m_noted.contains(key))
        return false;
    m_noted.insert(key);
    return true;
}

void Context::gap(const QString &subject, const QString &text)
{
    if (firstTime(int(BundleNote::Kind::Gap), subject, text))
        bundle.notes.push_back({BundleNote::Kind::Gap, subject, text});
}

void Context::assume(const QString &subject, const QString &text)
{
    if (firstTime(int(BundleNote::Kind::Assumption), subject, text))
        bundle.notes.push_back({BundleNote::Kind::Assumption, subject, text});
}

void Context::step(Phase phase, const QString &subject, const QString &text)
{
    // The same step for several components is written once.
    if (!firstTime(100 + int(phase), QString(), text))
        return;
    steps.push_back({phase, subject, text});
    bundle.notes.push_back({BundleNote::Kind::Step, subject, text});
}

void Context::wire(const QString &connectionId, const QString &how)
{
    QStringList &list = wiring[connectionId];
    if (!list.contains(how))
        list << how;
}

void Context::expressed(const QString &componentId, const QString &setting)
{
    settings[componentId][setting] = QString();
}

void Context::notApplicable(const QString &componentId, const QString &setting,
                            const QString &why)
{
    auto &s = settings[componentId];
    if (!s.count(setting))
        s[setting] = why;
}

QString Context::resourceName(const Unit &u, int maxLength) const
{
    // "<project>-<component>": the project part is its first two significant words, so names
    // stay short and readable yet differ between projects in one account.
    static const QStringList small = {QStringLiteral("a"),    QStringLiteral("an"),
                                      QStringLiteral("and"),  QStringLiteral("the"),
                                      QStringLiteral("on"),   QStringLiteral("of"),
                                      QStringLiteral("for"),  QStringLiteral("to"),
                                      QStringLiteral("in"),   QStringLiteral("with"),
                                      QStringLiteral("from"), QStringLiteral("by")};
    QStringList words;
    for (const QString &w : slugify(project.name).split(QLatin1Char('-'), Qt::SkipEmptyParts))
        if (!small.contains(w) && words.size() < 2)
            words << w;
    const QString prefix = words.join(QLatin1Char('-'));
    const QString id = u.c->id;
    const QString name = prefix.isEmpty() || id == prefix || id.startsWith(prefix + QLatin1Char('-'))
                             ? id
                             : prefix + QLatin1Char('-') + id;
    return dnsName(name, maxLength, QStringLiteral("app"));
}

QString Context::publicUrl(const Unit &u) const
{
    const QString domain = u.c->domain.trimmed();
    static const QRegularExpression host(QStringLiteral("^[A-Za-z0-9.\\-]+$"));
    if (!domain.isEmpty() && host.match(domain).hasMatch())
        return QStringLiteral("https://") + domain.toLower();
    if (u.is("wrangler", "pages"))
        return QStringLiteral("https://%1.pages.dev").arg(resourceName(u, 58));
    if (u.is("fly-toml", "app"))
        return QStringLiteral("https://%1.fly.dev").arg(resourceName(u));
    if (u.is("render-blueprint", "web"))
        return QStringLiteral("https://%1.onrender.com").arg(resourceName(u));
    return {};
}

const std::vector<EnvEntry> &Context::env(const QString &componentId)
{
    if (const auto it = m_env.find(componentId); it != m_env.end())
        return it->second;
    std::vector<EnvEntry> &out = m_env[componentId];
    const Unit *u = unit(componentId);
    if (!u)
        return out;
    QStringList taken;
    for (const EnvVar &v : u->c->env) {
        EnvEntry e;
        e.original = v.name;
        e.secret = v.secret;
        e.name = isEnvName(v.name) ? v.name : upperSnake(v.name);
        while (taken.contains(e.name))
            e.name += QLatin1Char('_');
        taken << e.name;
        if (e.name != v.name)
            assume(componentId, QStringLiteral("environment variable %1 is exported as %2 (a "
                                               "valid name)")
                                    .arg(codeString(v.name), e.name));
        if (v.secret && !v.value.isEmpty())
            gap(componentId, QStringLiteral("the value stored for secret %1 is not exported: "
                                            "secrets are set with the platform's own command")
                                 .arg(e.name));
        if (!v.secret) {
            if (v.value.contains(QLatin1Char('\n')) || v.value.contains(QLatin1Char('\r'))
                || v.value.contains(QChar(0)))
                gap(componentId, QStringLiteral("the value of %1 spans several lines; set it by "
                                                "hand")
                                     .arg(e.name));
            else
                e.value = v.value;
        }
        out.push_back(e);
    }
    fillCorsOrigins(componentId, out);
    return out;
}

void Context::addEnv(const QString &componentId, const EnvEntry &entry)
{
    env(componentId);
    auto &vars = m_env[componentId];
    if (std::none_of(vars.begin(), vars.end(), [&](const EnvEntry &e) { return e.name == entry.name; }))
        vars.push_back(entry);
}

void Context::fillCorsOrigins(const QString &id, std::vector<EnvEntry> &vars)
{
    // Frontends calling a service from the browser: the service must allow their origins. An
    // empty non-secret variable named for CORS origins gets them; otherwise DEPLOY.md says so.
    static const QRegularExpression corsName(
        QStringLiteral("(CORS.*ORIGIN|ALLOWED_ORIGIN|ORIGINS?$)"),
        QRegularExpression::CaseInsensitiveOption);
    {
        const Unit *b = unit(id);
        QStringList origins;
        std::vector<const Connection *> calls;
        for (const Connection *c : incoming(id)) {
            const Unit *f = unit(c->from);
            if (!f || f->c->role != Role::Frontend
                || (c->protocol != Protocol::Http && c->protocol != Protocol::WebSocket))
                continue;
            // A Worker serving the frontend's assets itself answers on the same origin.
            if (f->is("wrangler", "assets") && b->is("wrangler", "worker")) {
                bool served = false;
                for (const Connection *o : outgoing(id))
                    served = served || o->to == f->c->id;
                if (served)
                    continue;
            }
            calls.push_back(c);
            const QString origin = publicUrl(*f);
            if (!origin.isEmpty() && !origins.contains(origin))
                origins << origin;
        }
        if (calls.empty())
            return;
        EnvEntry *target = nullptr;
        for (EnvEntry &e : vars)
            if (!e.secret && e.value.isEmpty() && corsName.match(e.name).hasMatch())
                target = &e;
        const QString name = b->c->name;
        if (target && !origins.isEmpty()) {
            target->value = origins.join(QLatin1Char(','));
            for (const Connection *c : calls)
                wire(c->id, QStringLiteral("CORS: %1 allows %2").arg(target->name, target->value));
        } else {
            const QString who = origins.isEmpty() ? QStringLiteral("the frontend's URL")
                                                  : origins.join(QStringLiteral(", "));
            step(Phase::Wiring, id,
                 QStringLiteral("Allow cross-origin requests from %1 in %2 (CORS).")
                     .arg(who, markdown(name)));
            for (const Connection *c : calls)
                wire(c->id, QStringLiteral("CORS origin to allow by hand (see Steps)"));
        }
    }
}

void Context::describeUntargeted()
{
    for (const Unit &u : units) {
        if (u.deploy || u.c->role == Role::Client)
            continue;
        const QString name = u.c->name;
        if (u.profile) {
            gap(u.c->id, QStringLiteral("%1 is on %2, for which Stackplan writes no deployment "
                                        "files: create it with %3's own tools")
                             .arg(name, u.profile->name, u.profile->vendor));
            step(Phase::Resources, u.c->id,
                 QStringLiteral("Create %1 on %2%3 and note its connection settings.")
                     .arg(markdown(name), markdown(u.profile->name),
                          u.rb ? QStringLiteral(" (%1)").arg(markdown(u.rb->plan->name)) : QString()));
        } else if (u.c->role != Role::ExternalApi) {
            gap(u.c->id, QStringLiteral("%1 is not bound to a platform: nothing is exported for it")
                             .arg(name));
        }
        for (const Connection *c : incoming(u.c->id)) {
            const Unit *from = unit(c->from);
            if (!from || !from->deploy || wiring.count(c->id))
                continue;
            if (u.c->role == Role::ExternalApi && !u.profile)
                continue; // an outbound API call: described in finish()
            wire(c->id, QStringLiteral("the connection settings of %1 go in the environment of %2")
                            .arg(name, from->c->name));
            if (c->protocol != Protocol::Sql)
                continue;
            QStringList packages;
            for (const QString &p : from->c->workload.packages)
                packages << packageName(p);
            QString command;
            if (packages.contains(QStringLiteral("alembic")))
                command = QStringLiteral("`alembic upgrade head`");
            else if (packages.contains(QStringLiteral("django")))
                command = QStringLiteral("`python manage.py migrate`");
            else if (packages.contains(QStringLiteral("prisma")))
                command = QStringLiteral("`npx prisma migrate deploy`");
            step(Phase::Migrations, from->c->id,
                 command.isEmpty()
                     ? QStringLiteral("Run the database migrations of %1 against %2 before it "
                                      "serves traffic.")
                           .arg(markdown(from->c->name), markdown(name))
                     : QStringLiteral("Run %1 for %2 against %3 before it serves traffic.")
                           .arg(command, markdown(from->c->name), markdown(name)));
        }
    }
    // Webhooks from outside: the sender must be told the URL.
    for (const Connection &c : option.connections) {
        const Unit *from = unit(c.from);
        const Unit *to = unit(c.to);
        if (c.protocol != Protocol::Webhook || !from || !to || !to->deploy)
            continue;
        QStringList routes = to->c->workload.routes;
        for (const Connection *o : outgoing(to->c->id))
            if (const Unit *next = unit(o->to))
                routes += next->c->workload.routes;
        QString path;
        for (const QString &r : routes)
            if (const auto route = parseRoute(r);
                route && route->exact && !route->hasParams
                && route->text.contains(QLatin1String("hook"), Qt::CaseInsensitive)) {
                path = route->text;
                break;
            }
        const QString base = publicUrl(*to);
        const QString url = base.isEmpty() ? QStringLiteral("the public URL of %1").arg(markdown(to->c->name))
                                           : QStringLiteral("`%1`").arg(base);
        step(Phase::Wiring, to->c->id,
             QStringLiteral("Register %1%2 as the webhook of %3.")
                 .arg(url, path.isEmpty() ? QString() : QStringLiteral(" + `%1`").arg(path),
                      markdown(from->c->name)));
        wire(c.id, QStringLiteral("webhook URL registered by hand (see Steps)"));
    }
}

void Context::finish()
{
    describeUntargeted();
    // Connections: every one is carried by some file or named in the gaps.
    for (const Connection &c : option.connections) {
        if (wiring.count(c.id))
            continue;
        const Unit *from = unit(c.from);
        const Unit *to = unit(c.to);
        const QString label = QStringLiteral("%1 → %2 (%3)")
                                  .arg(from ? from->c->name : c.from, to ? to->c->name : c.to,
                                       protocolId(c.protocol));
        if (from && from->c->role == Role::Client) {
            wire(c.id, to && to->deploy ? QStringLiteral("public entry point")
                                        : QStringLiteral("public entry point (not exported)"));
            continue;
        }
        if (to && to->c->role == Role::ExternalApi && !to->deploy) {
            wire(c.id, QStringLiteral("outbound call to an external API: its keys are environment "
                                      "variables"));
            continue;
        }
        gap(c.id, QStringLiteral("connection %1 is not expressed by any exported file: wire it "
                                 "by hand")
                      .arg(label));
    }
    // Settings a component's model states but no target file carries.
    struct Setting {
        const char *key;
        bool (*isSet)(const Component &);
        const char *label;
    };
    static const Setting list[] = {
        {"region", [](const Component &c) { return !c.region.isEmpty(); }, "region"},
        {"domain", [](const Component &c) { return !c.domain.isEmpty(); }, "domain"},
        {"memory", [](const Component &c) { return c.workload.memoryMb.has_value(); }, "memory"},
        {"vcpu", [](const Component &c) { return c.workload.vcpu.has_value(); }, "vCPU"},
        {"min_instances", [](const Component &c) { return c.workload.minInstances.has_value(); },
         "min instances"},
        {"max_instances", [](const Component &c) { return c.workload.maxInstances.has_value(); },
         "max instances"},
        {"port", [](const Component &c) { return c.workload.port.has_value(); }, "port"},
        // Routes of a proxy say what it forwards; a service's own routes are its code's.
        {"routes",
         [](const Component &c) { return c.role == Role::Proxy && !c.workload.routes.isEmpty(); },
         "routes"},
        {"start_command", [](const Component &c) { return !c.workload.startCommand.isEmpty(); },
         "start command"},
        {"health_path", [](const Component &c) { return !c.workload.healthPath.isEmpty(); },
         "health check path"},
        {"scheduled_jobs", [](const Component &c) { return !c.workload.scheduledJobs.isEmpty(); },
         "scheduled jobs"},
        {"longest_request", [](const Component &c) { return c.workload.longestRequestS.has_value(); },
         "longest request (timeout)"},
        {"packages", [](const Component &c) { return !c.workload.packages.isEmpty(); },
         "packages"},
        {"persistent_files",
         [](const Component &c) { return c.workload.filesystem == FilesystemNeed::Persistent; },
         "persistent files"},
    };
    for (const Unit &u : units) {
        if (!u.deploy || m_skipped.contains(u.c->id))
            continue;
        const auto &done = settings[u.c->id];
        for (const Setting &s : list) {
            if (!s.isSet(*u.c))
                continue;
            const auto it = done.find(QString::fromLatin1(s.key));
            if (it == done.end())
                gap(u.c->id, QStringLiteral("%1 of %2 is not carried by the %3 files: set it by "
                                            "hand")
                                 .arg(QString::fromLatin1(s.label), u.c->name, u.deploy->target));
            else if (!it->second.isEmpty())
                gap(u.c->id, QStringLiteral("%1 of %2: %3")
                                 .arg(QString::fromLatin1(s.label), u.c->name, it->second));
        }
    }
}

} // namespace stackplan::exporter
