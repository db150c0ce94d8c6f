// Wrangler: one project per Worker. A Worker project holds the Worker component and
// what it hosts or reaches: the static assets it serves, the Containers and Durable Objects it
// fronts (their classes are exported by its script), and the storage, AI and queue resources its
// members are connected to (bindings). A Container or static assets with no Worker in front get
// a project of their own; a Pages project is written apart.
//
// Files: wrangler.toml (written with toml++), src/index.ts (a typed router: the `Env` interface
// comes from `wrangler types`, so a binding name the toml lacks is a compile error) or
// src/worker.py for Python Workers, package.json (pinned wrangler and workers-types) and
// tsconfig.json.

#include "export/export_p.h"

#include <QRegularExpression>

#include <toml++/toml.h>

#include <deque>
#include <sstream>

namespace stackplan::exporter {

namespace {

// Versions the generated package.json pins: the ones the test suite checks the bundles with
// (tests/export/tools/package.json).
constexpr const char *kWranglerVersion = "4.164.0";
constexpr const char *kWorkersTypesVersion = "5.20261117.1";
constexpr const char *kTypeScriptVersion = "5.9.3";
constexpr const char *kContainersVersion = "0.3.7";

struct Binding {
    const Unit *unit = nullptr;
    QString name; // the binding's name in env
};

struct RouteEntry {
    QString pattern; // as matched by the router
    QString glob;    // for run_worker_first
    QString handler; // TypeScript expression of type Handler
    QString connection;
    QString describe; // for wiring notes
};

struct Project {
    const Unit *worker = nullptr; // null: assets-only, or a front generated for a container
    const Unit *front = nullptr;  // the component the project is named after
    QString dir;
    QString name;
    bool python = false;
    const Unit *assets = nullptr;
    std::vector<Binding> containers;
    std::vector<Binding> objects;
    std::vector<Binding> services; // other Workers it calls
    std::vector<Binding> resources;
    std::vector<RouteEntry> routes;
    QStringList bindingNames;
    std::vector<std::pair<QString, QString>> vars; // name → value
    QStringList secrets;
    QStringList devUrls; // [vars] that send a Container's routes elsewhere in `wrangler dev`
    std::vector<CronJob> crons;
    QString cronSubject;
    std::vector<const Unit *> consumedQueues;
};

bool isCloudflareCompute(const Unit &u)
{
    return u.is("wrangler", "worker") || u.is("wrangler", "container")
           || u.is("wrangler", "durable-object");
}

QString uniqueBinding(Project &p, const QString &base)
{
    QString name = upperSnake(base, QStringLiteral("BINDING"));
    if (name == QLatin1String("ASSETS") && p.assets)
        name += QStringLiteral("_SERVICE");
    QString candidate = name;
    for (int i = 2; p.bindingNames.contains(candidate); ++i)
        candidate = name + QStringLiteral("_%1").arg(i);
    p.bindingNames << candidate;
    return candidate;
}

bool isWorkerLanguage(const Unit &u, bool *python)
{
    const QString l = u.c->workload.language.toLower();
    *python = l == QLatin1String("python");
    const QStringList runtimes
        = u.rb && u.rb->capabilities.runtimes ? u.rb->capabilities.runtimes->value : QStringList();
    if (l.isEmpty())
        return !runtimes.contains(QStringLiteral("python")) || runtimes.size() > 1;
    const QString want = *python ? QStringLiteral("python") : QStringLiteral("typescript");
    if (!runtimes.isEmpty() && !runtimes.contains(want)
        && !(l == QLatin1String("javascript") && runtimes.contains(QStringLiteral("javascript"))))
        return false;
    return *python || l == QLatin1String("typescript") || l == QLatin1String("javascript");
}

class WranglerWriter
{
public:
    explicit WranglerWriter(Context &ctx) : m_ctx(ctx) {}

    void run()
    {
        group();
        for (Project &p : m_projects)
            write(p);
        for (const Unit *u : m_ctx.unitsOf("wrangler", "pages"))
            writePages(*u);
        if (!m_projects.empty() || !m_ctx.unitsOf("wrangler", "pages").empty())
            m_ctx.step(Phase::Tools, QString(),
                       QStringLiteral("Install Node.js 22 or later; each Worker folder installs "
                                      "its pinned Wrangler with `npm install`, then "
                                      "`npx wrangler login` once."));
    }

private:
    Project *projectOf(const QString &componentId)
    {
        for (Project &p : m_projects) {
            if ((p.worker && p.worker->c->id == componentId)
                || (p.front && p.front->c->id == componentId))
                return &p;
            for (const Binding &b : p.containers)
                if (b.unit->c->id == componentId)
                    return &p;
            for (const Binding &b : p.objects)
                if (b.unit->c->id == componentId)
                    return &p;
        }
        return nullptr;
    }

    void group()
    {
        // Workers first: each is a project.
        for (const Unit *u : m_ctx.unitsOf("wrangler", "worker")) {
            bool python = false;
            if (!isWorkerLanguage(*u, &python)) {
                m_ctx.gap(u->c->id,
                          QStringLiteral("%1 is a %2 workload on %3, which does not run it (see "
                                         "the runtime.language finding): no Worker is written")
                              .arg(u->c->name, u->c->workload.language, u->profile->name));
                m_ctx.skip(u->c->id);
                continue;
            }
            Project p;
            p.worker = u;
            p.front = u;
            p.python = python;
            p.dir = u->dir;
            p.name = m_ctx.resourceName(*u);
            m_projects.push_back(p);
        }
        // Containers and Durable Objects join the first Worker that calls them.
        for (const Unit &u : m_ctx.units) {
            if (!u.is("wrangler", "container") && !u.is("wrangler", "durable-object"))
                continue;
            Project *host = nullptr;
            for (const Connection *c : m_ctx.incoming(u.c->id))
                if (!host)
                    if (Project *p = projectOf(c->from); p && p->worker && !p->python)
                        host = p;
            if (!host) {
                Project p;
                p.front = &u;
                p.dir = u.dir;
                p.name = m_ctx.resourceName(u);
                m_projects.push_back(p);
                host = &m_projects.back();
                m_ctx.assume(u.c->id,
                             QStringLiteral("no Worker fronts %1; the bundle adds one (%2/src/"
                                            "index.ts) that forwards every request to it")
                                 .arg(u.c->name, u.dir));
            }
            const QString name = uniqueBinding(*host, u.c->id);
            // Each Wrangler project is one folder: a Container's image is built from a
            // sub-folder of its Worker's folder.
            if (host->dir != u.dir)
                m_ctx.moveInto(u.c->id, host->dir + QLatin1Char('/') + u.c->id);
            if (u.is("wrangler", "container"))
                host->containers.push_back({&u, name});
            else
                host->objects.push_back({&u, name});
        }
        // Static assets: served by the Worker that routes to them, else by their own Worker.
        for (const Unit *u : m_ctx.unitsOf("wrangler", "assets")) {
            Project *host = nullptr;
            for (const Connection *c : m_ctx.incoming(u->c->id))
                if (!host)
                    if (Project *p = projectOf(c->from); p && p->worker && !p->assets)
                        host = p;
            if (!host) {
                Project p;
                p.front = u;
                p.dir = u->dir;
                p.name = m_ctx.resourceName(*u);
                m_projects.push_back(p);
                host = &m_projects.back();
            }
            host->assets = u;
            for (const Connection *c : m_ctx.incoming(u->c->id))
                if (host->worker && c->from == host->worker->c->id)
                    m_ctx.wire(c->id, QStringLiteral("[assets] of %1/wrangler.toml").arg(host->dir));
        }
        // Resources: bound in every project whose members they are connected to.
        auto isResource = [](const Unit *r) {
            return r && r->deploy && r->deploy->target == QLatin1String("wrangler")
                   && !isCloudflareCompute(*r) && !r->is("wrangler", "assets")
                   && !r->is("wrangler", "pages");
        };
        for (Project &p : m_projects) {
            std::vector<const Unit *> members;
            if (p.worker)
                members.push_back(p.worker);
            for (const Binding &b : p.containers)
                members.push_back(b.unit);
            for (const Binding &b : p.objects)
                members.push_back(b.unit);
            // resource → (connections, consumed by a member), in the order first met.
            std::vector<std::pair<const Unit *, std::pair<QStringList, bool>>> found;
            auto note = [&](const Unit *r, const Connection *c, bool consumer) {
                auto it = std::find_if(found.begin(), found.end(),
                                       [&](const auto &f) { return f.first == r; });
                if (it == found.end()) {
                    found.push_back({r, {{}, false}});
                    it = std::prev(found.end());
                }
                if (!it->second.first.contains(c->id))
                    it->second.first << c->id;
                it->second.second = it->second.second || consumer;
            };
            for (const Unit *m : members) {
                for (const Connection *c : m_ctx.outgoing(m->c->id)) {
                    if (const Unit *r = m_ctx.unit(c->to); isResource(r))
                        note(r, c, false);
                    if (const Unit *v = m_ctx.unit(c->via); !c->via.isEmpty() && isResource(v))
                        note(v, c, false);
                }
                for (const Connection *c : m_ctx.incoming(m->c->id))
                    if (const Unit *r = m_ctx.unit(c->from); isResource(r))
                        note(r, c, r->is("wrangler", "queue"));
            }
            for (const auto &[r, uses] : found) {
                const QString name = uniqueBinding(p, r->c->id);
                p.resources.push_back({r, name});
                if (uses.second)
                    p.consumedQueues.push_back(r);
                for (const QString &id : uses.first)
                    m_ctx.wire(id, QStringLiteral("binding %1 (%2) in %3/wrangler.toml")
                                       .arg(name, r->deploy->kind, p.dir));
            }
        }
        // Every Wrangler resource belongs to some project, or it is a gap.
        for (const Unit &u : m_ctx.units) {
            if (!u.deploy || u.deploy->target != QLatin1String("wrangler") || isCloudflareCompute(u)
                || u.is("wrangler", "assets") || u.is("wrangler", "pages"))
                continue;
            bool used = false;
            for (const Project &p : m_projects)
                for (const Binding &b : p.resources)
                    used = used || b.unit == &u;
            if (!used)
                m_ctx.gap(u.c->id, QStringLiteral("%1 (%2) is not connected to a Worker, Container "
                                                  "or Durable Object: no binding is written")
                                       .arg(u.c->name, u.profile->name));
        }
    }

    QString resourceName(const Unit &u) const { return m_ctx.resourceName(u); }

    // The API routes a Worker forwards to `target`, from the routes of both ends.
    std::vector<exporter::Route> routesTo(const Project &p, const Unit &target, int routedTargets)
    {
        auto parse = [&](const Unit &u) {
            std::vector<exporter::Route> out;
            for (const QString &r : u.c->workload.routes) {
                const auto route = parseRoute(r);
                if (!route)
                    m_ctx.gap(u.c->id, QStringLiteral("route %1 of %2 is not a URL path; it is "
                                                      "not routed")
                                           .arg(codeString(r), u.c->name));
                else if (route->prefix != QLatin1String("/") && route->glob != QLatin1String("/*"))
                    out.push_back(*route);
            }
            return out;
        };
        const auto own = p.worker ? parse(*p.worker) : std::vector<exporter::Route>();
        const auto theirs = parse(target);
        if (!own.empty() && !theirs.empty()) {
            std::vector<exporter::Route> out;
            for (const auto &w : own)
                for (const auto &t : theirs)
                    if ((w.prefix.startsWith(t.prefix) || t.prefix.startsWith(w.prefix))
                        && std::none_of(out.begin(), out.end(),
                                        [&](const auto &o) { return o.text == w.text; }))
                        out.push_back(w);
            return out;
        }
        if (!theirs.empty())
            return theirs;
        if (!own.empty() && routedTargets == 1)
            return own;
        if (own.empty() && theirs.empty() && routedTargets == 1 && !p.assets) {
            exporter::Route all;
            all.text = QStringLiteral("/*");
            all.glob = QStringLiteral("/*");
            all.prefix = QStringLiteral("/");
            return {all};
        }
        return {};
    }

    static QString pattern(const exporter::Route &r)
    {
        QString t = r.text;
        while (t.size() > 1 && t.endsWith(QLatin1Char('/')))
            t.chop(1);
        return t;
    }

    void planRoutes(Project &p)
    {
        struct Target {
            const Connection *c;
            const Unit *u;
            QString handler;
            QString describe;
        };
        std::vector<Target> targets;
        const QString from = p.worker ? p.worker->c->id : QString();
        // A Worker drawn as a proxy routes requests on; any other Worker is an application whose
        // own code calls the services it is connected to (Containers and Durable Objects are
        // reached only through their Worker, so they are always routed).
        const bool routes = p.worker && p.worker->c->role == Role::Proxy;
        auto add = [&](const Connection *c, const Unit *u) {
            if (u->is("wrangler", "container")) {
                for (const Binding &b : p.containers)
                    if (b.unit == u) {
                        // `wrangler dev` runs no Containers without Docker: a URL in this var
                        // sends the Container's routes to a backend run locally instead.
                        const QString dev = uniqueBinding(p, u->c->id + QStringLiteral("-url"));
                        p.vars.emplace_back(dev, QString());
                        p.devUrls << dev;
                        const int n = u->c->workload.maxInstances.value_or(1);
                        const QString stub
                            = n > 1 ? QStringLiteral("(await getRandom(env.%1, %2))").arg(b.name).arg(n)
                                    : QStringLiteral("getContainer(env.%1)").arg(b.name);
                        targets.push_back(
                            {c, u,
                             QStringLiteral("async (request, env) =>\n    env.%1 ? forward(request, "
                                            "env.%1) : %2.fetch(request)")
                                 .arg(dev, stub),
                             QStringLiteral("Container %1").arg(b.name)});
                        m_ctx.step(Phase::Verify, u->c->id,
                                   QStringLiteral("Local development without Docker: run %1 "
                                                  "yourself and `cd %2 && npx wrangler dev --var "
                                                  "%3:http://127.0.0.1:%4` sends its routes there.")
                                       .arg(markdown(u->c->name), p.dir, dev)
                                       .arg(servicePort(m_ctx, *u)));
                    }
            } else if (u->is("wrangler", "durable-object")) {
                for (const Binding &b : p.objects)
                    if (b.unit == u)
                        targets.push_back(
                            {c, u,
                             QStringLiteral("(request, env) => env.%1.get(env.%1.idFromName("
                                            "\"default\")).fetch(request)")
                                 .arg(b.name),
                             QStringLiteral("Durable Object %1").arg(b.name)});
            } else if (u->is("wrangler", "worker")) {
                // Another Worker: a service binding; a router also forwards routes to it.
                const QString name = uniqueBinding(p, u->c->id);
                p.services.push_back({u, name});
                if (routes)
                    targets.push_back({c, u, QStringLiteral("(request, env) => env.%1.fetch(request)").arg(name),
                                       QStringLiteral("service binding %1").arg(name)});
                else if (c)
                    m_ctx.wire(c->id, QStringLiteral("service binding %1 in %2/wrangler.toml")
                                          .arg(name, p.dir));
            } else if (!u->is("wrangler")
                       && (u->c->role == Role::Backend || u->c->role == Role::Worker
                           || u->c->role == Role::Proxy)) {
                // A service on another platform: its URL in [vars]; a router forwards to it.
                const QString var = uniqueBinding(p, u->c->id + QStringLiteral("-url"));
                const QString url = m_ctx.publicUrl(*u);
                p.vars.emplace_back(var, url);
                if (url.isEmpty())
                    m_ctx.step(Phase::Wiring, u->c->id,
                               QStringLiteral("Put the URL of %1 in `%2` under `[vars]` of "
                                              "`%3/wrangler.toml` once it is deployed.")
                                   .arg(markdown(u->c->name), var, p.dir));
                else
                    m_ctx.step(Phase::Wiring, u->c->id,
                               QStringLiteral("Check that `%1` in `%2/wrangler.toml` is the URL %3 "
                                              "answers on (%4).")
                                   .arg(var, p.dir, markdown(u->c->name), url));
                if (routes)
                    targets.push_back({c, u, QStringLiteral("(request, env) => forward(request, env.%1)").arg(var),
                                       QStringLiteral("%1 at %2").arg(u->c->name, var)});
                else if (c)
                    m_ctx.wire(c->id, QStringLiteral("its URL in %1 under [vars] of %2/wrangler.toml")
                                          .arg(var, p.dir));
            }
            // Databases, caches, storage and third-party APIs reached over HTTP are calls from
            // the Worker's own code: their settings are its environment (see finish()).
        };
        if (p.worker) {
            for (const Connection *c : m_ctx.outgoing(from)) {
                if (c->protocol != Protocol::Http && c->protocol != Protocol::WebSocket
                    && c->protocol != Protocol::Binding && c->protocol != Protocol::Grpc
                    && c->protocol != Protocol::Webhook)
                    continue;
                const Unit *u = m_ctx.unit(c->to);
                if (!u || u == p.assets)
                    continue;
                const bool resource = std::any_of(p.resources.begin(), p.resources.end(),
                                                  [&](const Binding &b) { return b.unit == u; });
                if (!resource)
                    add(c, u);
            }
        } else {
            for (const Binding &b : p.containers)
                add(nullptr, b.unit);
            for (const Binding &b : p.objects)
                add(nullptr, b.unit);
        }
        const int routed = int(targets.size());
        for (const Target &t : targets) {
            // A Worker written only to front a Container forwards it everything.
            auto routes = !p.worker && routed == 1 ? std::vector<exporter::Route>()
                                                   : routesTo(p, *t.u, routed);
            if (!p.worker && routed == 1) {
                exporter::Route all;
                all.text = QStringLiteral("/*");
                all.glob = QStringLiteral("/*");
                all.prefix = QStringLiteral("/");
                routes.push_back(all);
            }
            if (routes.empty()) {
                if (t.c)
                    m_ctx.gap(t.c->id, QStringLiteral("%1 calls %2 but no route says which paths "
                                                      "go there: add routes to either")
                                           .arg(p.front->c->name, t.u->c->name));
                continue;
            }
            QStringList texts;
            for (const auto &r : routes) {
                p.routes.push_back({pattern(r), r.glob, t.handler, t.c ? t.c->id : QString(),
                                    t.describe});
                texts << r.text;
            }
            if (t.c)
                m_ctx.wire(t.c->id, QStringLiteral("routes %1 in %2/src/index.ts → %3")
                                        .arg(texts.join(QStringLiteral(", ")), p.dir, t.describe));
            if (p.worker)
                m_ctx.expressed(p.worker->c->id, QStringLiteral("routes"));
            m_ctx.expressed(t.u->c->id, QStringLiteral("routes"));
        }
    }

    void planEnvironment(Project &p)
    {
        // A Container's variables without a value are set in the Worker's [vars] and handed to
        // it through `envVars`, so the deployer edits wrangler.toml only.
        for (const Binding &b : p.containers)
            for (const EnvEntry &e : m_ctx.env(b.unit->c->id))
                if (!e.secret && e.value.isEmpty()
                    && std::none_of(p.vars.begin(), p.vars.end(),
                                    [&](const auto &v) { return v.first == e.name; })) {
                    p.vars.emplace_back(e.name, QString());
                    m_ctx.step(Phase::Secrets, b.unit->c->id,
                               QStringLiteral("Set `%1` under `[vars]` in `%2/wrangler.toml` (passed "
                                              "to the container of %3).")
                                   .arg(e.name, p.dir, markdown(b.unit->c->name)));
                }
        if (!p.worker)
            return;
        for (const EnvEntry &e : m_ctx.env(p.worker->c->id)) {
            if (e.secret) {
                p.secrets << e.name;
                m_ctx.step(Phase::Secrets, p.worker->c->id,
                           QStringLiteral("`cd %1 && npx wrangler secret put %2`").arg(p.dir, e.name));
            } else if (!e.value.isEmpty()) {
                p.vars.emplace_back(e.name, e.value);
            } else {
                p.vars.emplace_back(e.name, QString());
                m_ctx.step(Phase::Secrets, p.worker->c->id,
                           QStringLiteral("Set `%1` under `[vars]` in `%2/wrangler.toml`.")
                               .arg(e.name, p.dir));
            }
        }
    }

    void planCrons(Project &p)
    {
        std::vector<const Unit *> members;
        if (p.worker)
            members.push_back(p.worker);
        for (const Binding &b : p.containers)
            members.push_back(b.unit);
        for (const Unit *u : members) {
            for (const QString &job : u->c->workload.scheduledJobs) {
                const auto cron = parseCronJob(job);
                if (!cron) {
                    m_ctx.gap(u->c->id, QStringLiteral("scheduled job %1 of %2 has no cron "
                                                       "schedule: start it with five cron fields "
                                                       "(\"0 3 * * * nightly\") to export it as a "
                                                       "Cron Trigger")
                                            .arg(codeString(job), u->c->name));
                    continue;
                }
                if (std::none_of(p.crons.begin(), p.crons.end(),
                                 [&](const CronJob &c) { return c.schedule == cron->schedule; }))
                    p.crons.push_back(*cron);
                else
                    m_ctx.gap(u->c->id, QStringLiteral("job %1 shares its schedule with another "
                                                       "job; both run from one Cron Trigger")
                                            .arg(codeString(job)));
                m_ctx.expressed(u->c->id, QStringLiteral("scheduled_jobs"));
            }
        }
    }

    void write(Project &p)
    {
        planRoutes(p);
        planEnvironment(p);
        planCrons(p);
        const bool hasScript = p.worker || !p.containers.empty() || !p.objects.empty();
        writeToml(p, hasScript);
        if (!hasScript) {
            writeAssetsOnlyPackage(p);
            return;
        }
        if (p.python)
            writePython(p);
        else
            writeTypeScript(p);
    }

    QString compatibilityDate(const Project &p) const
    {
        for (const Unit *u : {p.worker, p.assets})
            if (u && u->deploy && !u->deploy->compatibilityDate.isEmpty())
                return u->deploy->compatibilityDate;
        // The newest date any profile states.
        QString newest;
        for (const Profile &pr : m_ctx.catalogue.profiles())
            if (pr.deploy && pr.deploy->compatibilityDate > newest)
                newest = pr.deploy->compatibilityDate;
        return newest;
    }

    void writeToml(Project &p, bool hasScript)
    {
        toml::table t;
        t.insert("name", p.name.toStdString());
        if (hasScript)
            t.insert("main", p.python ? "src/worker.py" : "src/index.ts");
        const QString date = compatibilityDate(p);
        if (!date.isEmpty()) {
            t.insert("compatibility_date", date.toStdString());
        }
        QStringList flags;
        if (p.worker && p.worker->deploy)
            flags = p.worker->deploy->flags;
        else if (hasScript)
            flags = {QStringLiteral("nodejs_compat")};
        if (!flags.isEmpty()) {
            toml::array a;
            for (const QString &f : flags)
                a.push_back(f.toStdString());
            t.insert("compatibility_flags", a);
        }
        // Custom domains.
        toml::array routes;
        for (const Unit *u : {p.worker ? p.worker : p.front, p.assets}) {
            if (!u || u->c->domain.isEmpty())
                continue;
            const QString url = m_ctx.publicUrl(*u);
            if (url.isEmpty()) {
                m_ctx.gap(u->c->id, QStringLiteral("domain %1 of %2 is not a host name")
                                        .arg(codeString(u->c->domain), u->c->name));
                continue;
            }
            routes.push_back(toml::table{{"pattern", url.mid(8).toStdString()},
                                         {"custom_domain", true}});
            m_ctx.expressed(u->c->id, QStringLiteral("domain"));
            m_ctx.step(Phase::Domains, u->c->id,
                       QStringLiteral("The zone of `%1` must be on the same %2 account; "
                                      "`wrangler deploy` attaches the custom domain.")
                           .arg(url.mid(8), u->profile->vendor));
        }
        if (!routes.empty())
            t.insert("routes", routes);
        if (p.assets) {
            toml::table a;
            a.insert("directory", "./public");
            if (hasScript) // an assets-only Worker has no script to hand a binding to
                a.insert("binding", "ASSETS");
            static const QStringList spa = {QStringLiteral("react"),  QStringLiteral("vue"),
                                            QStringLiteral("svelte"), QStringLiteral("angular"),
                                            QStringLiteral("solid"),  QStringLiteral("preact"),
                                            QStringLiteral("vite")};
            const QStringList fw = words(p.assets->c->workload.framework);
            if (std::any_of(fw.begin(), fw.end(), [](const QString &w) { return spa.contains(w); }))
                a.insert("not_found_handling", "single-page-application");
            if (hasScript && !p.routes.empty()) {
                toml::array first;
                QStringList seen;
                for (const RouteEntry &r : p.routes) {
                    QStringList globs = {r.glob};
                    if (!r.glob.endsWith(QLatin1String("/*")))
                        globs << r.glob + QStringLiteral("/*");
                    for (const QString &g : globs)
                        if (!seen.contains(g)) {
                            seen << g;
                            first.push_back(g.toStdString());
                        }
                }
                a.insert("run_worker_first", first);
            }
            t.insert("assets", a);
            m_ctx.step(Phase::Edge, p.assets->c->id,
                       QStringLiteral("Build %1 and copy its output into `%2/public/` (or point "
                                      "`[assets] directory` in `%2/wrangler.toml` at it).")
                           .arg(markdown(p.assets->c->name), p.dir));
        }
        if (!p.vars.empty()) {
            toml::table v;
            for (const auto &[name, value] : p.vars)
                v.insert(name.toStdString(), value.toStdString());
            t.insert("vars", v);
        }
        writeBindings(p, t);
        QStringList secrets = p.secrets;
        for (const Binding &b : p.containers)
            for (const EnvEntry &e : m_ctx.env(b.unit->c->id))
                if (e.secret && !secrets.contains(e.name))
                    secrets << e.name;
        if (!secrets.isEmpty()) {
            toml::array required;
            for (const QString &name : secrets)
                required.push_back(name.toStdString());
            t.insert("secrets", toml::table{{"required", required}});
        }
        if (!p.crons.empty()) {
            toml::array crons;
            for (const CronJob &c : p.crons)
                crons.push_back(c.schedule.toStdString());
            t.insert("triggers", toml::table{{"crons", crons}});
        }
        if (p.worker) {
            m_ctx.notApplicable(p.worker->c->id, QStringLiteral("region"),
                                QStringLiteral("Workers run in every location of the network; a "
                                               "region does not apply"));
            for (const char *s : {"min_instances", "max_instances"})
                m_ctx.notApplicable(p.worker->c->id, QString::fromLatin1(s),
                                    QStringLiteral("Workers scale per request; there are no "
                                                   "instances to set"));
            m_ctx.notApplicable(p.worker->c->id, QStringLiteral("memory"),
                                QStringLiteral("the isolate's memory is fixed by the platform"));
            m_ctx.notApplicable(p.worker->c->id, QStringLiteral("port"),
                                QStringLiteral("a Worker has no port"));
            m_ctx.notApplicable(p.worker->c->id, QStringLiteral("start_command"),
                                QStringLiteral("a Worker starts from its `main` script"));
            m_ctx.notApplicable(p.worker->c->id, QStringLiteral("longest_request"),
                                QStringLiteral("wrangler.toml has no request timeout setting"));
        }
        std::ostringstream out;
        out << toml::toml_formatter(t, toml::format_flags::allow_unicode_strings);
        QByteArray text = QByteArrayLiteral("# Wrangler configuration of ")
                          + commentText(p.front->c->name).toUtf8()
                          + QByteArrayLiteral(", written by Stackplan.\n"
                                              "# Deploy with `npx wrangler deploy` from this "
                                              "folder (see DEPLOY.md).\n")
                          + QByteArray::fromStdString(out.str()) + '\n';
        m_ctx.file(p.dir + QStringLiteral("/wrangler.toml"), text,
                   QStringLiteral("Wrangler configuration of the %1 Worker").arg(p.front->c->name));
        m_ctx.step(Phase::Edge, p.front->c->id,
                   QStringLiteral("`cd %1 && npm install && npx wrangler deploy`").arg(p.dir));
    }

    void writeBindings(const Project &p, toml::table &t)
    {
        toml::array kv, r2, d1, hyperdrive, vectorize, producers, consumers, services;
        bool ai = false;
        for (const Binding &b : p.resources) {
            const Unit &u = *b.unit;
            const QString kind = u.deploy->kind;
            const std::string name = b.name.toStdString();
            const std::string resource = resourceName(u).toStdString();
            if (kind == QLatin1String("kv")) {
                kv.push_back(toml::table{{"binding", name}});
                m_ctx.step(Phase::Resources, u.c->id,
                           QStringLiteral("KV namespace for %1: `wrangler deploy` creates it (or "
                                          "`npx wrangler kv namespace create %2` and add its `id` "
                                          "to `%3/wrangler.toml`).")
                               .arg(markdown(u.c->name), b.name, p.dir));
            } else if (kind == QLatin1String("r2")) {
                r2.push_back(toml::table{{"binding", name}, {"bucket_name", resource}});
                m_ctx.step(Phase::Resources, u.c->id,
                           QStringLiteral("`npx wrangler r2 bucket create %1`")
                               .arg(QString::fromStdString(resource)));
            } else if (kind == QLatin1String("d1")) {
                d1.push_back(toml::table{{"binding", name}, {"database_name", resource}});
                m_ctx.step(Phase::Resources, u.c->id,
                           QStringLiteral("D1 database for %1: `wrangler deploy` creates it (or "
                                          "`npx wrangler d1 create %2` and add its "
                                          "`database_id`).")
                               .arg(markdown(u.c->name), QString::fromStdString(resource)));
            } else if (kind == QLatin1String("hyperdrive")) {
                hyperdrive.push_back(toml::table{{"binding", name}, {"id", "replace-with-hyperdrive-id"}});
                m_ctx.step(Phase::Resources, u.c->id,
                           QStringLiteral("`npx wrangler hyperdrive create %1 "
                                          "--connection-string=\"postgres://USER:PASSWORD@HOST:5432/"
                                          "DB\"`, then replace `replace-with-hyperdrive-id` in "
                                          "`%2/wrangler.toml` with the id it prints.")
                               .arg(QString::fromStdString(resource), p.dir));
            } else if (kind == QLatin1String("vectorize")) {
                vectorize.push_back(toml::table{{"binding", name}, {"index_name", resource}});
                const auto dims = u.c->traffic.vectorDimensions;
                if (dims)
                    m_ctx.step(Phase::Resources, u.c->id,
                               QStringLiteral("`npx wrangler vectorize create %1 --dimensions=%2 "
                                              "--metric=cosine`")
                                   .arg(QString::fromStdString(resource))
                                   .arg(*dims));
                else
                    m_ctx.step(Phase::Resources, u.c->id,
                               QStringLiteral("`npx wrangler vectorize create %1 "
                                              "--dimensions=N --metric=cosine` with your "
                                              "embedding model's dimensions (the diagram states "
                                              "none).")
                                   .arg(QString::fromStdString(resource)));
            } else if (kind == QLatin1String("ai")) {
                if (ai) {
                    m_ctx.gap(u.c->id, QStringLiteral("a Worker has one AI binding; %1 shares it")
                                           .arg(u.c->name));
                    continue;
                }
                ai = true;
                t.insert("ai", toml::table{{"binding", name}});
            } else if (kind == QLatin1String("queue")) {
                producers.push_back(toml::table{{"binding", name}, {"queue", resource}});
                if (std::find(p.consumedQueues.begin(), p.consumedQueues.end(), &u)
                    != p.consumedQueues.end())
                    consumers.push_back(toml::table{{"queue", resource}});
                m_ctx.step(Phase::Resources, u.c->id,
                           QStringLiteral("`npx wrangler queues create %1`")
                               .arg(QString::fromStdString(resource)));
            }
        }
        for (const Binding &b : p.services)
            services.push_back(toml::table{{"binding", b.name.toStdString()},
                                           {"service", resourceName(*b.unit).toStdString()}});
        if (!kv.empty())
            t.insert("kv_namespaces", kv);
        if (!r2.empty())
            t.insert("r2_buckets", r2);
        if (!d1.empty())
            t.insert("d1_databases", d1);
        if (!hyperdrive.empty())
            t.insert("hyperdrive", hyperdrive);
        if (!vectorize.empty())
            t.insert("vectorize", vectorize);
        if (!services.empty())
            t.insert("services", services);
        if (!producers.empty() || !consumers.empty()) {
            toml::table q;
            if (!producers.empty())
                q.insert("producers", producers);
            if (!consumers.empty())
                q.insert("consumers", consumers);
            t.insert("queues", q);
        }
        toml::array objects, containers, classes;
        for (const Binding &b : p.objects) {
            const std::string cls = pascalCase(b.unit->c->id).toStdString();
            objects.push_back(toml::table{{"name", b.name.toStdString()}, {"class_name", cls}});
            classes.push_back(cls);
            notScaled(*b.unit, QStringLiteral("a Durable Object is one instance per name"));
        }
        for (const Binding &b : p.containers) {
            const Unit &u = *b.unit;
            const std::string cls = pascalCase(u.c->id).toStdString();
            objects.push_back(toml::table{{"name", b.name.toStdString()}, {"class_name", cls}});
            classes.push_back(cls);
            toml::table c{{"class_name", cls}};
            const Image image = writeImage(m_ctx, u,
                                           {false, QStringLiteral("the image of the %1 Container")
                                                       .arg(u.c->name)});
            const QString rel = u.dir == p.dir
                                    ? QStringLiteral("./Dockerfile")
                                    : QStringLiteral("./%1/Dockerfile").arg(u.dir.mid(p.dir.size() + 1));
            c.insert("image", rel.toStdString());
            if (u.c->workload.maxInstances) {
                c.insert("max_instances", *u.c->workload.maxInstances);
                m_ctx.expressed(u.c->id, QStringLiteral("max_instances"));
            }
            if (u.rb && u.rb->instance) {
                c.insert("instance_type", (u.rb->instance->deployName.isEmpty()
                                               ? u.rb->instance->id
                                               : u.rb->instance->deployName)
                                              .toStdString());
                m_ctx.expressed(u.c->id, QStringLiteral("memory"));
                m_ctx.expressed(u.c->id, QStringLiteral("vcpu"));
            }
            containers.push_back(c);
            if (u.c->workload.minInstances.value_or(0) > 0)
                m_ctx.notApplicable(u.c->id, QStringLiteral("min_instances"),
                                    QStringLiteral("Containers start on request and sleep when "
                                                   "idle; there is no minimum to set"));
            else
                m_ctx.expressed(u.c->id, QStringLiteral("min_instances"));
            m_ctx.notApplicable(u.c->id, QStringLiteral("region"),
                                QStringLiteral("the platform places Containers near the request"));
            m_ctx.notApplicable(u.c->id, QStringLiteral("longest_request"),
                                QStringLiteral("wrangler.toml has no request timeout setting"));
            m_ctx.step(Phase::Edge, u.c->id,
                       QStringLiteral("Docker must run where you deploy: `wrangler deploy` "
                                      "builds `%1` and pushes it to the platform's registry.")
                           .arg(image.dockerfile));
            for (const EnvEntry &e : m_ctx.env(u.c->id))
                if (e.secret)
                    m_ctx.step(Phase::Secrets, u.c->id,
                               QStringLiteral("`cd %1 && npx wrangler secret put %2` (passed to "
                                              "the container of %3)")
                                   .arg(p.dir, e.name, markdown(u.c->name)));
        }
        if (!objects.empty())
            t.insert("durable_objects", toml::table{{"bindings", objects}});
        if (!containers.empty())
            t.insert("containers", containers);
        if (!classes.empty()) {
            toml::array migrations;
            migrations.push_back(toml::table{{"tag", "v1"}, {"new_sqlite_classes", classes}});
            t.insert("migrations", migrations);
        }
    }

    void notScaled(const Unit &u, const QString &why)
    {
        for (const char *s : {"min_instances", "max_instances"})
            m_ctx.notApplicable(u.c->id, QString::fromLatin1(s), why);
    }

    ojson packageJson(const Project &p, bool containers) const
    {
        ojson pkg = ojson::object();
        pkg["name"] = p.name.toStdString();
        pkg["private"] = true;
        pkg["scripts"] = {{"deploy", "wrangler deploy"},
                          {"dev", "wrangler dev"},
                          {"types", "wrangler types --include-runtime=false --strict-vars=false"},
                          {"check", "wrangler types --include-runtime=false --strict-vars=false && "
                                    "tsc --noEmit"}};
        ojson deps = ojson::object();
        if (containers)
            deps["@cloudflare/containers"] = kContainersVersion;
        if (p.worker)
            for (const QString &spec : p.worker->c->workload.packages) {
                static const QRegularExpression re(QStringLiteral(
                    "^((@[a-z0-9\\-~][a-z0-9\\-._~]*/)?[a-z0-9\\-~][a-z0-9\\-._~]*)(@(.+))?$"));
                const auto m = re.match(spec.trimmed());
                if (m.hasMatch())
                    deps[m.captured(1).toStdString()]
                        = m.captured(4).isEmpty() ? "*" : m.captured(4).toStdString();
                else
                    m_ctx.gap(p.worker->c->id,
                              QStringLiteral("package %1 is not an npm package name; add it to "
                                             "package.json by hand")
                                  .arg(codeString(spec)));
            }
        if (!deps.empty())
            pkg["dependencies"] = deps;
        pkg["devDependencies"] = {{"@cloudflare/workers-types", kWorkersTypesVersion},
                                  {"typescript", kTypeScriptVersion},
                                  {"wrangler", kWranglerVersion}};
        return pkg;
    }

    void writeAssetsOnlyPackage(const Project &p)
    {
        ojson pkg = ojson::object();
        pkg["name"] = p.name.toStdString();
        pkg["private"] = true;
        pkg["scripts"] = {{"deploy", "wrangler deploy"}};
        pkg["devDependencies"] = {{"wrangler", kWranglerVersion}};
        m_ctx.file(p.dir + QStringLiteral("/package.json"), toJson(pkg),
                   QStringLiteral("pinned Wrangler for %1").arg(p.front->c->name));
    }

    void writeTypeScript(Project &p)
    {
        if (p.worker)
            m_ctx.expressed(p.worker->c->id, QStringLiteral("packages"));
        m_ctx.file(p.dir + QStringLiteral("/package.json"), toJson(packageJson(p, !p.containers.empty())),
                   QStringLiteral("pinned Wrangler, workers-types and TypeScript for %1")
                       .arg(p.front->c->name));
        ojson ts = {{"compilerOptions",
                     {{"target", "es2022"},
                      {"module", "es2022"},
                      {"moduleResolution", "bundler"},
                      {"lib", {"es2022"}},
                      {"types", {"@cloudflare/workers-types"}},
                      {"strict", true},
                      {"noEmit", true},
                      {"skipLibCheck", true},
                      {"isolatedModules", true}}},
                    {"include", {"worker-configuration.d.ts", "src/**/*.ts"}}};
        m_ctx.file(p.dir + QStringLiteral("/tsconfig.json"), toJson(ts),
                   QStringLiteral("TypeScript settings; `npm run check` type-checks the router "
                                  "against the bindings of wrangler.toml"));
        m_ctx.file(p.dir + QStringLiteral("/src/index.ts"), typeScript(p).toUtf8(),
                   p.worker ? QStringLiteral("the %1 Worker's router").arg(p.front->c->name)
                            : QStringLiteral("a Worker that forwards every request to %1")
                                  .arg(p.front->c->name));
    }

    QString typeScript(Project &p)
    {
        QString ts;
        const QString who = commentText(p.front->c->name);
        ts += QStringLiteral("// %1 \"%2\": written by Stackplan from the diagram of option \"%3\".\n")
                  .arg(p.worker ? QStringLiteral("Worker") : QStringLiteral("Front Worker of"),
                       who, commentText(m_ctx.option.name));
        ts += QStringLiteral(
            "// It forwards each API route to the service the diagram connects it to");
        ts += p.assets ? QStringLiteral(" and serves the\n// static assets for every other path.\n")
                       : QStringLiteral(".\n");
        ts += QStringLiteral("// `Env` comes from `npm run types` (wrangler types), so a binding "
                             "or secret missing\n// from wrangler.toml is a type error in `npm run "
                             "check`.\n");
        QStringList containerImports;
        if (!p.containers.empty()) {
            containerImports << QStringLiteral("Container");
            bool random = false, single = false;
            for (const Binding &b : p.containers)
                (b.unit->c->workload.maxInstances.value_or(1) > 1 ? random : single) = true;
            if (single)
                containerImports << QStringLiteral("getContainer");
            if (random)
                containerImports << QStringLiteral("getRandom");
            ts += QStringLiteral("import { %1 } from \"@cloudflare/containers\";\n")
                      .arg(containerImports.join(QStringLiteral(", ")));
        }
        if (!p.objects.empty())
            ts += QStringLiteral("import { DurableObject } from \"cloudflare:workers\";\n");
        for (const Binding &b : p.containers) {
            const Unit &u = *b.unit;
            const int port = servicePort(m_ctx, u);
            ts += QStringLiteral("\n/** %1: a Container (binding %2). */\n")
                      .arg(commentText(u.c->name), b.name);
            ts += QStringLiteral("export class %1 extends Container<Env> {\n").arg(pascalCase(u.c->id));
            ts += QStringLiteral("  defaultPort = %1;\n").arg(port);
            ts += QStringLiteral("  sleepAfter = \"10m\";\n");
            QStringList vars;
            for (const EnvEntry &e : m_ctx.env(u.c->id)) {
                const bool fromWorker = e.secret || std::any_of(p.vars.begin(), p.vars.end(), [&](const auto &v) {
                    return v.first == e.name;
                });
                if (fromWorker)
                    vars << QStringLiteral("    %1: this.env.%1,").arg(e.name);
                else
                    vars << QStringLiteral("    %1: %2,").arg(e.name, codeString(e.value));
            }
            if (!vars.isEmpty())
                ts += QStringLiteral("  envVars = {\n") + vars.join(QLatin1Char('\n'))
                      + QStringLiteral("\n  };\n");
            if (!u.c->env.empty())
                m_ctx.expressed(u.c->id, QStringLiteral("env"));
            ts += QStringLiteral("}\n");
        }
        for (const Binding &b : p.objects) {
            const Unit &u = *b.unit;
            ts += QStringLiteral("\n/** %1: a Durable Object (binding %2). It accepts WebSockets "
                                 "and relays each\n * message to the other clients connected to "
                                 "the same object: replace with your logic. */\n")
                      .arg(commentText(u.c->name), b.name);
            ts += QStringLiteral(
                      "export class %1 extends DurableObject<Env> {\n"
                      "  async fetch(request: Request): Promise<Response> {\n"
                      "    if (request.headers.get(\"Upgrade\") !== \"websocket\") {\n"
                      "      return new Response(\"Expected a WebSocket upgrade\", { status: 426 });\n"
                      "    }\n"
                      "    const pair = new WebSocketPair();\n"
                      "    this.ctx.acceptWebSocket(pair[1]);\n"
                      "    return new Response(null, { status: 101, webSocket: pair[0] });\n"
                      "  }\n\n"
                      "  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): "
                      "Promise<void> {\n"
                      "    for (const peer of this.ctx.getWebSockets()) {\n"
                      "      if (peer !== ws) peer.send(message);\n"
                      "    }\n"
                      "  }\n"
                      "}\n")
                      .arg(pascalCase(u.c->id));
            m_ctx.step(Phase::Edge, u.c->id,
                       QStringLiteral("Replace the relay in class `%1` of `%2/src/index.ts` with "
                                      "the logic of %3.")
                           .arg(pascalCase(u.c->id), p.dir, markdown(u.c->name)));
        }
        ts += QStringLiteral("\ntype Handler = (request: Request, env: Env) => Promise<Response>;\n");
        const bool forwards = std::any_of(p.routes.begin(), p.routes.end(), [](const RouteEntry &r) {
            return r.handler.contains(QLatin1String("forward("));
        });
        if (forwards)
            ts += QStringLiteral(
                "\n// Sends the request on to a service on another platform, keeping path and query.\n"
                "async function forward(request: Request, origin: string): Promise<Response> {\n"
                "  if (!origin) {\n"
                "    return new Response(\"The backend URL is not set in wrangler.toml [vars]\", "
                "{ status: 502 });\n"
                "  }\n"
                "  const url = new URL(request.url);\n"
                "  return fetch(new Request(new URL(url.pathname + url.search, origin), request));\n"
                "}\n");
        QStringList notImplemented;
        if (p.worker && p.routes.empty())
            for (const QString &r : p.worker->c->workload.routes)
                if (const auto route = parseRoute(r))
                    notImplemented << pattern(*route);
        if (!notImplemented.isEmpty()) {
            ts += QStringLiteral("\n// The application's own handlers: Stackplan writes the "
                                 "configuration, not the logic.\n"
                                 "const notImplemented: Handler = async (request) =>\n"
                                 "  new Response(`Not implemented: ${new URL(request.url).pathname}`, "
                                 "{ status: 501 });\n");
            m_ctx.gap(p.worker->c->id,
                      QStringLiteral("the application code of %1 is not generated: write the "
                                     "handlers of its routes in %2/src/index.ts")
                          .arg(p.worker->c->name, p.dir));
            m_ctx.expressed(p.worker->c->id, QStringLiteral("routes"));
        }
        ts += QStringLiteral("\n// First match wins. A path matches a route and every path below "
                             "it; \"*\" matches\n// the rest of the path and \"{name}\" one "
                             "segment.\nconst routes: ReadonlyArray<readonly [string, Handler]> = "
                             "[\n");
        for (const RouteEntry &r : p.routes)
            ts += QStringLiteral("  [%1, %2],\n").arg(codeString(r.pattern), r.handler);
        for (const QString &r : notImplemented)
            ts += QStringLiteral("  [%1, notImplemented],\n").arg(codeString(r));
        ts += QStringLiteral("];\n");
        ts += QStringLiteral(
            "\nfunction matches(pattern: string, path: string): boolean {\n"
            "  const want = pattern.split(\"/\");\n"
            "  const have = path.split(\"/\");\n"
            "  for (let i = 0; i < want.length; i++) {\n"
            "    if (want[i] === \"*\") return have.length > i;\n"
            "    if (i >= have.length) return false;\n"
            "    if (want[i].startsWith(\"{\") && want[i].endsWith(\"}\")) {\n"
            "      if (have[i] === \"\") return false;\n"
            "    } else if (want[i] !== have[i]) {\n"
            "      return false;\n"
            "    }\n"
            "  }\n"
            "  return true;\n"
            "}\n");
        ts += QStringLiteral("\nasync function route(request: Request, env: Env): Promise<Response> {\n"
                             "  const path = new URL(request.url).pathname;\n"
                             "  for (const [pattern, handle] of routes) {\n"
                             "    if (matches(pattern, path)) return handle(request, env);\n"
                             "  }\n");
        ts += p.assets ? QStringLiteral("  return env.ASSETS.fetch(request);\n}\n")
                       : QStringLiteral("  return new Response(\"Not found\", { status: 404 });\n}\n");
        ts += QStringLiteral("\nexport default {\n"
                             "  async fetch(request, env): Promise<Response> {\n"
                             "    return route(request, env);\n"
                             "  },\n");
        if (!p.crons.empty()) {
            ts += QStringLiteral("\n  // One Cron Trigger per scheduled job (wrangler.toml "
                                 "[triggers]).\n"
                                 "  async scheduled(controller, env, ctx): Promise<void> {\n"
                                 "    switch (controller.cron) {\n");
            for (const CronJob &c : p.crons) {
                ts += QStringLiteral("      case %1: // %2\n")
                          .arg(codeString(c.schedule), commentText(c.description, 120));
                if (!c.path.isEmpty())
                    ts += QStringLiteral("        ctx.waitUntil(route(new Request(%1, { method: "
                                         "\"POST\" }), env));\n        return;\n")
                              .arg(codeString(QStringLiteral("https://cron.internal") + c.path));
                else {
                    ts += QStringLiteral("        throw new Error(%1);\n")
                              .arg(codeString(QStringLiteral("scheduled job not implemented: ")
                                              + commentText(c.description, 120)));
                    jobStep(p, c);
                }
            }
            ts += QStringLiteral("    }\n  },\n");
        }
        if (!p.consumedQueues.empty()) {
            ts += QStringLiteral("\n  // Messages pushed by the queues this Worker consumes.\n"
                                 "  async queue(batch, env): Promise<void> {\n"
                                 "    throw new Error(`implement the consumer of queue ${batch.queue}`);\n"
                                 "  },\n");
            for (const Unit *q : p.consumedQueues)
                m_ctx.step(Phase::Edge, q->c->id,
                           QStringLiteral("Write the consumer of %1 in the `queue` handler of "
                                          "`%2/src/index.ts`.")
                               .arg(markdown(q->c->name), p.dir));
        }
        ts += QStringLiteral("} satisfies ExportedHandler<Env>;\n");
        return ts;
    }

    void jobStep(const Project &p, const CronJob &c)
    {
        m_ctx.step(Phase::Edge, p.front->c->id,
                   QStringLiteral("Implement the job \"%1\" (cron `%2`) in the `scheduled` handler "
                                  "of `%3`.")
                       .arg(markdown(c.description), c.schedule,
                            p.dir + (p.python ? QStringLiteral("/src/worker.py")
                                              : QStringLiteral("/src/index.ts"))));
    }

    void writePython(Project &p)
    {
        const Component &c = *p.worker->c;
        QString target = asgiTarget(c.workload.startCommand);
        const QStringList fw = words(c.workload.framework);
        static const QStringList asgi = {QStringLiteral("fastapi"), QStringLiteral("starlette"),
                                         QStringLiteral("litestar"), QStringLiteral("quart")};
        const bool isAsgi = std::any_of(fw.begin(), fw.end(),
                                        [](const QString &w) { return asgi.contains(w); });
        if (target.isEmpty() && isAsgi) {
            target = QStringLiteral("main:app");
            m_ctx.assume(c.id, QStringLiteral("the ASGI app of %1 is taken to be main:app (a "
                                              "uvicorn start command would say)")
                                   .arg(c.name));
        }
        QString py;
        py += QStringLiteral("\"\"\"Entry point of %1 as a Python Worker, written by "
                             "Stackplan.\"\"\"\n\n")
                  .arg(commentText(c.name).replace(QLatin1Char('\\'), QLatin1Char('/'))
                           .replace(QStringLiteral("\"\"\""), QStringLiteral("'''")));
        const bool jsRequest = std::any_of(p.crons.begin(), p.crons.end(),
                                           [](const CronJob &j) { return !j.path.isEmpty(); });
        if (jsRequest)
            py += QStringLiteral("from js import Object, Request\nfrom pyodide.ffi import to_js\n");
        py += QStringLiteral("from workers import Response, WorkerEntrypoint\n");
        if (!target.isEmpty()) {
            const QString module = target.section(QLatin1Char(':'), 0, 0);
            const QString attr = target.section(QLatin1Char(':'), 1, 1);
            py += attr == QLatin1String("app")
                      ? QStringLiteral("\nfrom %1 import app\n").arg(module)
                      : QStringLiteral("\nfrom %1 import %2 as app\n").arg(module, attr);
            m_ctx.expressed(c.id, QStringLiteral("start_command"));
        }
        py += QStringLiteral("\n\nclass Default(WorkerEntrypoint):\n"
                             "    async def fetch(self, request):\n");
        if (!target.isEmpty())
            py += QStringLiteral("        import asgi\n\n"
                                 "        return await asgi.fetch(app, request.js_object, self.env)\n");
        else {
            py += QStringLiteral("        return Response(\"Not implemented\", status=501)\n");
            m_ctx.gap(c.id, QStringLiteral("%1 is not an ASGI app (framework: %2): write its fetch "
                                           "handler in %3/src/worker.py")
                                .arg(c.name,
                                     c.workload.framework.isEmpty() ? QStringLiteral("not stated")
                                                                    : c.workload.framework,
                                     p.dir));
        }
        if (!p.crons.empty()) {
            py += QStringLiteral("\n    async def scheduled(self, controller, env, ctx):\n"
                                 "        # One Cron Trigger per scheduled job (wrangler.toml "
                                 "[triggers]); they replace the\n"
                                 "        # in-process scheduler.\n");
            bool first = true;
            for (const CronJob &j : p.crons) {
                py += QStringLiteral("        %1 controller.cron == %2:\n")
                          .arg(first ? QStringLiteral("if") : QStringLiteral("elif"),
                               pythonString(j.schedule));
                first = false;
                py += QStringLiteral("            # %1\n").arg(commentText(j.description, 100));
                if (!j.path.isEmpty() && !target.isEmpty())
                    py += QStringLiteral("            request = Request.new(%1, to_js({\"method\": "
                                         "\"POST\"}, dict_converter=Object.fromEntries))\n"
                                         "            import asgi\n\n"
                                         "            await asgi.fetch(app, request, self.env)\n")
                              .arg(pythonString(QStringLiteral("https://cron.internal") + j.path));
                else {
                    py += QStringLiteral("            raise NotImplementedError(%1)\n")
                              .arg(pythonString(QStringLiteral("scheduled job: ")
                                                + commentText(j.description, 100)));
                    jobStep(p, j);
                }
            }
        }
        m_ctx.file(p.dir + QStringLiteral("/src/worker.py"), py.toUtf8(),
                   QStringLiteral("the Python Worker's entry point for %1").arg(c.name));
        writePyproject(p);
    }

    void writePyproject(const Project &p)
    {
        const Component &c = *p.worker->c;
        QStringList unsupported;
        if (p.worker->rb && p.worker->rb->capabilities.packages)
            unsupported = p.worker->rb->capabilities.packages->value.unsupported;
        const bool requestScoped = p.worker->rb && p.worker->rb->capabilities.execution
                                   && p.worker->rb->capabilities.execution->value
                                          == QLatin1String("request-scoped");
        static const QStringList servers = {QStringLiteral("uvicorn"), QStringLiteral("gunicorn"),
                                            QStringLiteral("hypercorn"), QStringLiteral("daphne")};
        static const QStringList schedulers = {QStringLiteral("apscheduler"),
                                               QStringLiteral("schedule"),
                                               QStringLiteral("celery")};
        toml::array deps;
        for (const QString &spec : c.workload.packages) {
            const QString name = packageName(spec);
            if (unsupported.contains(name, Qt::CaseInsensitive)) {
                m_ctx.gap(c.id, QStringLiteral("package %1 is left out of pyproject.toml: %2 "
                                               "cannot load it")
                                    .arg(spec, p.worker->profile->name));
                continue;
            }
            if (requestScoped && servers.contains(name)) {
                m_ctx.assume(c.id, QStringLiteral("package %1 is left out: the Workers runtime "
                                                  "serves the app itself")
                                       .arg(spec));
                continue;
            }
            if (schedulers.contains(name) && !p.crons.empty()) {
                m_ctx.assume(c.id, QStringLiteral("package %1 is left out: Cron Triggers run the "
                                                  "scheduled jobs")
                                       .arg(spec));
                continue;
            }
            static const QRegularExpression ok(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._\\-\\[\\],<>=!~ ]*$"));
            if (!ok.match(spec.trimmed()).hasMatch()) {
                m_ctx.gap(c.id, QStringLiteral("package %1 is not a plain requirement; add it to "
                                               "pyproject.toml by hand")
                                    .arg(codeString(spec)));
                continue;
            }
            deps.push_back(spec.trimmed().toStdString());
        }
        m_ctx.expressed(c.id, QStringLiteral("packages"));
        toml::table project{{"name", p.name.toStdString()},
                            {"version", "0.1.0"},
                            {"dependencies", deps}};
        static const QRegularExpression version(QStringLiteral("^[0-9]+\\.[0-9]+$"));
        if (version.match(c.workload.runtimeVersion).hasMatch())
            project.insert("requires-python", (QStringLiteral(">=") + c.workload.runtimeVersion).toStdString());
        toml::table doc{{"project", project},
                        {"dependency-groups",
                         toml::table{{"dev", toml::array{"workers-py", "workers-runtime-sdk"}}}}};
        std::ostringstream out;
        out << toml::toml_formatter(doc, toml::format_flags::allow_unicode_strings);
        m_ctx.file(p.dir + QStringLiteral("/pyproject.toml"),
                   QByteArrayLiteral("# Python packages of the Worker; deploy with `uv run "
                                     "pywrangler deploy`.\n")
                       + QByteArray::fromStdString(out.str()) + '\n',
                   QStringLiteral("packages of the %1 Python Worker (bundled by pywrangler)")
                       .arg(c.name));
        m_ctx.step(Phase::Tools, c.id,
                   QStringLiteral("Python Workers deploy with uv: `cd %1 && uv run pywrangler "
                                  "deploy` (it bundles pyproject.toml's packages).")
                       .arg(p.dir));
        // package.json is still written: it pins the wrangler that pywrangler drives.
        writeAssetsOnlyPackage(p);
    }

    void writePages(const Unit &u)
    {
        toml::table t;
        t.insert("name", resourceName(u).toStdString());
        t.insert("pages_build_output_dir", "./dist");
        if (!u.deploy->compatibilityDate.isEmpty()) {
            t.insert("compatibility_date", u.deploy->compatibilityDate.toStdString());
        }
        std::ostringstream out;
        out << toml::toml_formatter(t, toml::format_flags::allow_unicode_strings);
        m_ctx.file(u.dir + QStringLiteral("/wrangler.toml"),
                   QByteArrayLiteral("# Pages project of ")
                       + commentText(u.c->name).toUtf8()
                       + QByteArrayLiteral(", written by Stackplan.\n")
                       + QByteArray::fromStdString(out.str()) + '\n',
                   QStringLiteral("Pages configuration of %1").arg(u.c->name));
        ojson pkg = ojson::object();
        pkg["name"] = resourceName(u).toStdString();
        pkg["private"] = true;
        pkg["scripts"] = {{"deploy", "wrangler pages deploy"}};
        pkg["devDependencies"] = {{"wrangler", kWranglerVersion}};
        m_ctx.file(u.dir + QStringLiteral("/package.json"), toJson(pkg),
                   QStringLiteral("pinned Wrangler for the %1 Pages project").arg(u.c->name));
        m_ctx.step(Phase::Edge, u.c->id,
                   QStringLiteral("Build %1 into `%2/dist/`, then `cd %2 && npm install && npx "
                                  "wrangler pages deploy`.")
                       .arg(markdown(u.c->name), u.dir));
        if (!u.c->domain.isEmpty())
            m_ctx.step(Phase::Domains, u.c->id,
                       QStringLiteral("Add the custom domain `%1` to the Pages project in the "
                                      "dashboard (Custom domains).")
                           .arg(u.c->domain.trimmed()));
        m_ctx.expressed(u.c->id, QStringLiteral("domain"));
        for (const Connection *c : m_ctx.outgoing(u.c->id)) {
            const Unit *to = m_ctx.unit(c->to);
            if (!to)
                continue;
            const QString url = m_ctx.publicUrl(*to);
            m_ctx.step(Phase::Wiring, u.c->id,
                       QStringLiteral("Build %1 with the URL of %2 (%3).")
                           .arg(markdown(u.c->name), markdown(to->c->name),
                                url.isEmpty() ? QStringLiteral("known once it is deployed") : url));
            m_ctx.wire(c->id, QStringLiteral("browser calls from the Pages app (URL set at build time)"));
        }
    }

    Context &m_ctx;
    std::deque<Project> m_projects; // stable addresses while grouping
};

} // namespace

void writeWrangler(Context &ctx)
{
    WranglerWriter(ctx).run();
}

} // namespace stackplan::exporter
