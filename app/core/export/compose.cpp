// Self-hosted: docker-compose.yml for the components bound to a Docker host, plus an nginx
// container (nginx.conf) for a proxy or a static frontend among them. A component whose image
// puts nginx in front of the app (the monolith of "nginx + FastAPI") also gets a service here,
// so the image runs on any Docker host as it does on its platform. Components on a platform
// without its own config format ("image" targets) get their Dockerfile and the steps to take.

#include "export/export_p.h"

#include <QRegularExpression>

namespace stackplan::exporter {

namespace {

bool isApp(const Component &c)
{
    return runsPython(c) || runsNode(c);
}

// An image reference the user typed as the framework ("postgres:16", "redis:7-alpine").
QString imageReference(const Component &c)
{
    static const QRegularExpression re(
        QStringLiteral("^[a-z0-9]+([._\\-/][a-z0-9]+)*:[A-Za-z0-9_][A-Za-z0-9._\\-]{0,127}$"));
    const QString f = c.workload.framework.trimmed();
    return re.match(f).hasMatch() ? f : QString();
}

// Compose interpolates $VAR in values: a literal dollar is written as $$.
std::string literal(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('$'), QStringLiteral("$$"));
    return v.toStdString();
}

struct Service {
    const Unit *unit = nullptr;
    QString name;
    ojson spec = ojson::object();
    int port = 0;
};

class ComposeWriter
{
public:
    explicit ComposeWriter(Context &ctx) : m_ctx(ctx) {}

    void run()
    {
        for (const Unit &u : m_ctx.units) {
            const bool hosted = u.is("compose");
            const bool monolith = !hosted && u.deploy && hasNginxFront(*u.c) && isApp(*u.c);
            if (hosted || monolith)
                add(u, hosted);
            m_hosted = m_hosted || hosted;
        }
        if (m_services.empty())
            return;
        for (Service &s : m_services)
            dependencies(s);
        ojson services = ojson::object();
        ojson volumes = ojson::object();
        for (const Service &s : m_services) {
            services[s.name.toStdString()] = s.spec;
            if (s.spec.contains("volumes"))
                for (const auto &v : s.spec["volumes"]) {
                    const std::string ref = v.get<std::string>();
                    const std::string name = ref.substr(0, ref.find(':'));
                    if (name.rfind("./", 0) != 0)
                        volumes[name] = ojson::object();
                }
        }
        ojson doc = {{"services", services}};
        if (!volumes.empty())
            doc["volumes"] = volumes;
        m_ctx.file(QStringLiteral("docker-compose.yml"),
                   QByteArrayLiteral("# Docker Compose file written by Stackplan: `cp .env.example "
                                     ".env`, fill in the values, then\n# `docker compose up -d "
                                     "--build` on the host.\n")
                       + toYaml(doc),
                   QStringLiteral("runs the self-hosted services with Docker Compose"));
        if (m_hosted)
            m_ctx.step(Phase::Backends, QString(),
                       QStringLiteral("On the Docker host: `cp .env.example .env`, fill in the "
                                      "values, then `docker compose up -d --build` in the bundle's "
                                      "folder (each build folder needs the application's source "
                                      "next to its Dockerfile)."));
        else
            m_ctx.step(Phase::Verify, QString(),
                       QStringLiteral("Try the image on any Docker host first: `cp .env.example "
                                      ".env`, fill in the values, then `docker compose up --build`."));
    }

private:
    void environment(Service &s)
    {
        ojson env = ojson::object();
        for (const EnvEntry &e : m_ctx.env(s.unit->c->id))
            env[e.name.toStdString()] = e.secret || e.value.isEmpty()
                                            ? "${" + e.name.toStdString() + "}"
                                            : literal(e.value);
        if (!env.empty())
            s.spec["environment"] = env;
    }

    bool isPublic(const Unit &u) const
    {
        for (const Connection *c : m_ctx.incoming(u.c->id))
            if (const Unit *f = m_ctx.unit(c->from);
                f && (f->c->role == Role::Client || f->c->role == Role::ExternalApi))
                return true;
        return false;
    }

    void add(const Unit &u, bool hosted)
    {
        Service s;
        s.unit = &u;
        s.name = u.c->id;
        const Component &c = *u.c;
        const Role role = c.role;
        if (isApp(c)) {
            const Image image = writeImage(m_ctx, u, {true, QStringLiteral("the image of %1").arg(c.name)});
            s.spec["build"] = ("./" + u.dir).toStdString();
            s.port = image.port;
            environment(s);
        } else if (const QString ref = imageReference(c); !ref.isEmpty()) {
            s.spec["image"] = ref.toStdString();
            s.port = c.workload.port.value_or(0);
            environment(s);
        } else if (role == Role::Database || role == Role::Cache) {
            const bool redis = role == Role::Cache;
            s.spec["image"] = redis ? "redis:7-alpine" : "postgres:16-alpine";
            s.port = redis ? 6379 : 5432;
            m_ctx.assume(c.id, QStringLiteral("%1 runs the %2 image (set its framework to an image "
                                              "such as \"%3\" to choose another)")
                                   .arg(c.name, redis ? QStringLiteral("redis:7-alpine")
                                                      : QStringLiteral("postgres:16-alpine"),
                                        redis ? QStringLiteral("valkey/valkey:8")
                                              : QStringLiteral("postgres:17")));
            s.spec["volumes"] = ojson::array({(c.id + (redis ? ":/data" : ":/var/lib/postgresql/data")).toStdString()});
            if (!redis) {
                m_ctx.addEnv(c.id, {QStringLiteral("POSTGRES_PASSWORD"), QStringLiteral("POSTGRES_PASSWORD"), true, {}});
                m_ctx.expressed(c.id, QStringLiteral("persistent_files"));
            }
            environment(s);
        } else if (role == Role::Frontend || role == Role::Proxy) {
            s.spec["image"] = "nginx:1.27-alpine";
            s.port = c.workload.port.value_or(80);
            writeNginx(s);
        } else {
            m_ctx.gap(c.id, QStringLiteral("no image for %1: give it a language (Python or "
                                           "Node.js) or an image reference as its framework")
                                .arg(c.name));
            return;
        }
        s.spec["restart"] = "unless-stopped";
        if (s.port > 0 && isPublic(u)) {
            // Each public service needs a host port of its own.
            int host = s.port;
            if (m_hostPorts.contains(host)) {
                host = 8080;
                while (m_hostPorts.contains(host))
                    ++host;
                m_ctx.assume(c.id, QStringLiteral("%1 is published on host port %2 (port %3 is taken "
                                                  "by another service)")
                                       .arg(c.name)
                                       .arg(host)
                                       .arg(s.port));
            }
            m_hostPorts << host;
            s.spec["ports"] = ojson::array({QStringLiteral("%1:%2").arg(host).arg(s.port).toStdString()});
            for (const Connection *cn : m_ctx.incoming(c.id))
                m_ctx.wire(cn->id, QStringLiteral("port %1 published by docker-compose.yml").arg(host));
        }
        if (hosted) {
            m_ctx.notApplicable(c.id, QStringLiteral("region"),
                                QStringLiteral("the Docker host's location decides"));
            for (const char *k : {"min_instances", "max_instances"})
                m_ctx.notApplicable(c.id, QString::fromLatin1(k),
                                    QStringLiteral("Compose runs one container per service"));
            m_ctx.notApplicable(c.id, QStringLiteral("longest_request"),
                                QStringLiteral("docker-compose.yml has no request timeout setting"));
            if (!c.domain.isEmpty()) {
                m_ctx.step(Phase::Domains, c.id,
                           QStringLiteral("Point `%1` at the Docker host and terminate TLS in "
                                          "front of it.")
                               .arg(c.domain.trimmed()));
                m_ctx.expressed(c.id, QStringLiteral("domain"));
            }
            if (!c.workload.memoryMb && !c.workload.vcpu) {
            } else {
                m_ctx.notApplicable(c.id, QStringLiteral("memory"),
                                    QStringLiteral("the host's size decides"));
                m_ctx.notApplicable(c.id, QStringLiteral("vcpu"),
                                    QStringLiteral("the host's size decides"));
            }
        }
        m_services.push_back(s);
    }

    const Service *service(const QString &id) const
    {
        for (const Service &s : m_services)
            if (s.unit->c->id == id)
                return &s;
        return nullptr;
    }

    bool dependsOn(const QString &from, const QString &to, int depth = 0) const
    {
        if (from == to)
            return true;
        if (depth > 64)
            return false;
        const Service *s = service(from);
        if (!s || !s->spec.contains("depends_on"))
            return false;
        for (const auto &d : s->spec["depends_on"])
            if (dependsOn(QString::fromStdString(d.get<std::string>()), to, depth + 1))
                return true;
        return false;
    }

    void dependencies(Service &s)
    {
        for (const Connection *c : m_ctx.outgoing(s.unit->c->id)) {
            const Service *to = service(c->to);
            if (!to || dependsOn(to->name, s.name))
                continue;
            if (!s.spec.contains("depends_on"))
                s.spec["depends_on"] = ojson::array();
            const std::string name = to->name.toStdString();
            if (std::find(s.spec["depends_on"].begin(), s.spec["depends_on"].end(), name)
                == s.spec["depends_on"].end())
                s.spec["depends_on"].push_back(name);
            m_ctx.wire(c->id, QStringLiteral("service %1 reaches %2 on the Compose network")
                                  .arg(s.name, to->name));
        }
    }

    void writeNginx(Service &s)
    {
        const Component &c = *s.unit->c;
        QString conf;
        conf += QStringLiteral("# nginx of %1, written by Stackplan: static files and the API "
                               "proxy.\n")
                    .arg(commentText(c.name));
        conf += QStringLiteral("# Upstreams resolve through Docker's DNS at request time, so "
                               "nginx starts before them.\n");
        conf += QStringLiteral("events {\n    worker_connections 1024;\n}\n\nhttp {\n"
                               "    include /etc/nginx/mime.types;\n"
                               "    default_type application/octet-stream;\n"
                               "    resolver 127.0.0.11 valid=30s ipv6=off;\n\n"
                               "    map $http_upgrade $connection_upgrade {\n"
                               "        default upgrade;\n        '' close;\n    }\n\n"
                               "    server {\n        listen %1;\n"
                               "        root /usr/share/nginx/html;\n        index index.html;\n\n")
                    .arg(s.port);
        bool staticFiles = c.role == Role::Frontend;
        QStringList seen;
        for (const Connection *cn : m_ctx.outgoing(c.id)) {
            const Unit *to = m_ctx.unit(cn->to);
            if (!to)
                continue;
            if (to->c->role == Role::Frontend && !isApp(*to->c)) {
                staticFiles = true;
                m_ctx.wire(cn->id, QStringLiteral("static files served by %1's nginx").arg(c.id));
                continue;
            }
            const int port = to->c->workload.port.value_or(0) > 0 ? *to->c->workload.port
                                                                   : servicePort(m_ctx, *to);
            QStringList routes = c.workload.routes;
            if (routes.isEmpty())
                routes = to->c->workload.routes;
            if (routes.isEmpty()) {
                m_ctx.gap(cn->id, QStringLiteral("%1 proxies to %2 but no route says which paths: "
                                                 "add routes to either")
                                      .arg(c.name, to->c->name));
                continue;
            }
            for (const QString &r : routes) {
                const auto route = parseRoute(r);
                if (!route) {
                    m_ctx.gap(c.id, QStringLiteral("route %1 is not a URL path; it is not proxied")
                                        .arg(codeString(r)));
                    continue;
                }
                QString location = route->hasParams
                                       ? QStringLiteral("~ ^%1(/|$)")
                                             .arg(QRegularExpression::escape(route->prefix)
                                                      .replace(QStringLiteral("\\*"),
                                                               QStringLiteral("[^/]+")))
                                       : QStringLiteral("^~ %1").arg(route->prefix);
                if (seen.contains(location))
                    continue;
                seen << location;
                conf += QStringLiteral("        location %1 {\n"
                                       "            set $upstream http://%2:%3;\n"
                                       "            proxy_pass $upstream;\n"
                                       "            proxy_http_version 1.1;\n"
                                       "            proxy_set_header Host $host;\n"
                                       "            proxy_set_header X-Forwarded-For "
                                       "$proxy_add_x_forwarded_for;\n"
                                       "            proxy_set_header Upgrade $http_upgrade;\n"
                                       "            proxy_set_header Connection "
                                       "$connection_upgrade;\n"
                                       "        }\n\n")
                            .arg(location, to->c->id)
                            .arg(port);
            }
            m_ctx.wire(cn->id, QStringLiteral("proxied by %1/nginx.conf").arg(s.unit->dir));
            m_ctx.expressed(c.id, QStringLiteral("routes"));
        }
        conf += staticFiles ? QStringLiteral("        location / {\n            try_files $uri "
                                             "$uri/ /index.html;\n        }\n")
                            : QStringLiteral("        location / {\n            return 404;\n"
                                             "        }\n");
        conf += QStringLiteral("    }\n}\n");
        m_ctx.file(s.unit->dir + QStringLiteral("/nginx.conf"), conf.toUtf8(),
                   QStringLiteral("nginx of %1").arg(c.name));
        ojson volumes = ojson::array({("./" + s.unit->dir + "/nginx.conf:/etc/nginx/nginx.conf:ro").toStdString()});
        if (staticFiles) {
            volumes.push_back(("./" + s.unit->dir + "/static:/usr/share/nginx/html:ro").toStdString());
            m_ctx.step(Phase::Backends, c.id,
                       QStringLiteral("Copy the built frontend into `%1/static/`.").arg(s.unit->dir));
        }
        s.spec["volumes"] = volumes;
        m_ctx.expressed(c.id, QStringLiteral("port"));
    }

    Context &m_ctx;
    std::vector<Service> m_services;
    bool m_hosted = false; // some component is bound to a Docker host (else: local runs only)
    QList<int> m_hostPorts;
};

} // namespace

void writeCompose(Context &ctx)
{
    ComposeWriter(ctx).run();
}

void writePlainImages(Context &ctx)
{
    for (const Unit *u : ctx.unitsOf("dockerfile")) {
        writeImage(ctx, *u, {true, QStringLiteral("the image of %1").arg(u->c->name)});
        ctx.gap(u->c->id, QStringLiteral("%1 runs on %2: %3")
                              .arg(u->c->name, u->profile->name,
                                   u->deploy->note.isEmpty()
                                       ? QStringLiteral("Stackplan writes its image only; create "
                                                        "the service with the vendor's tools")
                                       : u->deploy->note));
    }
}

} // namespace stackplan::exporter
