// Container images: a Dockerfile per containerised component from its workload (language and
// runtime version, framework, port, start command, packages), a non-root user, and a health
// check where the platform does not probe the container itself. A framework of "nginx + …"
// builds the document's monolith: nginx on the public port serving static files and proxying
// the component's routes to the app on an internal port.

#include "export/export_p.h"

#include <QRegularExpression>

namespace stackplan::exporter {

namespace {

// A version like "3.11" or "22", as used in official image tags.
QString imageVersion(const QString &v)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]+(\\.[0-9]+){0,2}$"));
    return re.match(v.trimmed()).hasMatch() ? v.trimmed() : QString();
}

// A dependency spec that pip or npm will read as a package, never as an option or a URL.
bool isPythonRequirement(const QString &s)
{
    static const QRegularExpression re(
        QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._\\-]*(\\[[A-Za-z0-9._,\\-]+\\])?"
                       "( *(==|>=|<=|~=|!=|<|>) *[A-Za-z0-9.*+!\\-]+( *, *(==|>=|<=|~=|!=|<|>) *"
                       "[A-Za-z0-9.*+!\\-]+)*)?$"));
    return re.match(s.trimmed()).hasMatch();
}

struct NpmPackage {
    QString name;
    QString version;
};
std::optional<NpmPackage> npmPackage(const QString &s)
{
    static const QRegularExpression re(QStringLiteral(
        "^((@[a-z0-9\\-~][a-z0-9\\-._~]*/)?[a-z0-9\\-~][a-z0-9\\-._~]*)(@([A-Za-z0-9.^~<>=*| \\-]+))?$"));
    const auto m = re.match(s.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return NpmPackage{m.captured(1), m.captured(4).isEmpty() ? QStringLiteral("*") : m.captured(4)};
}

QString defaultStartCommand(Context &ctx, const Unit &u, int port, bool internal)
{
    const Component &c = *u.c;
    const QString host = internal ? QStringLiteral("127.0.0.1") : QStringLiteral("0.0.0.0");
    const QStringList fw = words(c.workload.framework);
    QString cmd;
    if (runsPython(c)) {
        static const QStringList asgi = {QStringLiteral("fastapi"), QStringLiteral("starlette"),
                                         QStringLiteral("litestar"), QStringLiteral("quart")};
        if (std::any_of(fw.begin(), fw.end(), [](const QString &w) { return asgi.contains(w); }))
            cmd = QStringLiteral("uvicorn main:app --host %1 --port %2").arg(host).arg(port);
        else if (fw.contains(QStringLiteral("flask")) || fw.contains(QStringLiteral("django")))
            cmd = QStringLiteral("gunicorn --bind %1:%2 main:app").arg(host).arg(port);
        else
            cmd = QStringLiteral("python main.py");
    } else {
        cmd = QStringLiteral("npm start");
    }
    ctx.assume(c.id, QStringLiteral("%1 has no start command; the image runs \"%2\" (set the start "
                                    "command to change it)")
                         .arg(c.name, cmd));
    return cmd;
}

// CMD in exec form when the command is plain words, else through sh -c.
QString dockerCmd(const QString &command)
{
    QStringList words;
    if (const auto w = commandWords(command))
        words = *w;
    else
        words = {QStringLiteral("sh"), QStringLiteral("-c"), command};
    QStringList parts;
    for (const QString &w : words)
        parts << codeString(w);
    return QStringLiteral("[") + parts.join(QStringLiteral(", ")) + QStringLiteral("]");
}

QString shellCommand(const QString &command)
{
    if (const auto w = commandWords(command)) {
        QStringList parts;
        for (const QString &word : *w)
            parts << shellWord(word);
        return QStringLiteral("exec ") + parts.join(QLatin1Char(' '));
    }
    return QStringLiteral("exec sh -c ") + shellWord(command);
}

QByteArray monolithNginxConf(const Unit &u, int publicPort, int appPort,
                             const std::vector<Route> &routes)
{
    QString conf;
    conf += QStringLiteral("# nginx for %1: static files on :%2, API routes proxied to the app on "
                           "127.0.0.1:%3.\n")
                .arg(commentText(u.c->name))
                .arg(publicPort)
                .arg(appPort);
    conf += QStringLiteral("# Runs as a non-root user: pid and temporary files live in /tmp.\n");
    conf += QStringLiteral("worker_processes auto;\npid /tmp/nginx.pid;\nerror_log stderr;\n\n");
    conf += QStringLiteral("events {\n    worker_connections 1024;\n}\n\n");
    conf += QStringLiteral("http {\n");
    conf += QStringLiteral("    include /etc/nginx/mime.types;\n");
    conf += QStringLiteral("    default_type application/octet-stream;\n");
    conf += QStringLiteral("    access_log /dev/stdout;\n");
    conf += QStringLiteral("    sendfile on;\n");
    for (const char *t : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
        conf += QStringLiteral("    %1_temp_path /tmp/nginx-%1;\n").arg(QLatin1String(t));
    conf += QStringLiteral("\n    map $http_upgrade $connection_upgrade {\n"
                           "        default upgrade;\n        '' close;\n    }\n\n");
    conf += QStringLiteral("    server {\n        listen %1;\n        root /usr/share/nginx/html;\n"
                           "        index index.html;\n\n")
                .arg(publicPort);
    const QString proxy = QStringLiteral(
                              "            proxy_pass http://127.0.0.1:%1;\n"
                              "            proxy_http_version 1.1;\n"
                              "            proxy_set_header Host $host;\n"
                              "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                              "            proxy_set_header X-Forwarded-Proto $scheme;\n"
                              "            proxy_set_header Upgrade $http_upgrade;\n"
                              "            proxy_set_header Connection $connection_upgrade;\n"
                              "            proxy_buffering off;\n"
                              "            proxy_read_timeout 3600s;\n")
                              .arg(appPort);
    QStringList seen;
    for (const Route &r : routes) {
        QStringList locations;
        if (r.hasParams) {
            QString re = QRegularExpression::escape(r.prefix);
            re.replace(QStringLiteral("\\*"), QStringLiteral("[^/]+"));
            locations << QStringLiteral("~ ^%1(/|$)").arg(re);
        } else if (r.exact) {
            locations << QStringLiteral("= %1").arg(r.prefix)
                      << QStringLiteral("^~ %1/").arg(r.prefix);
        } else {
            locations << QStringLiteral("^~ %1").arg(r.prefix);
        }
        for (const QString &l : locations) {
            if (seen.contains(l))
                continue;
            seen << l;
            conf += QStringLiteral("        location %1 {\n").arg(l) + proxy
                    + QStringLiteral("        }\n\n");
        }
    }
    conf += QStringLiteral("        location / {\n            try_files $uri $uri/ /index.html;\n"
                           "        }\n    }\n}\n");
    return conf.toUtf8();
}

Image buildImage(Context &ctx, const Unit &u, const ImageOptions &options);

} // namespace

bool runsPython(const Component &c)
{
    return c.workload.language.compare(QLatin1String("python"), Qt::CaseInsensitive) == 0;
}

bool runsNode(const Component &c)
{
    const QString l = c.workload.language.toLower();
    return l == QLatin1String("javascript") || l == QLatin1String("typescript")
           || l == QLatin1String("node") || l == QLatin1String("nodejs");
}

bool hasNginxFront(const Component &c)
{
    return words(c.workload.framework).contains(QStringLiteral("nginx"));
}

int servicePort(Context &ctx, const Unit &u)
{
    const Workload &w = u.c->workload;
    if (w.port)
        return *w.port;
    if (!hasNginxFront(*u.c))
        if (const auto p = commandPort(w.startCommand))
            return *p;
    ctx.assume(u.c->id, QStringLiteral("%1 states no port; it is exported as listening on 8080")
                            .arg(u.c->name));
    return 8080;
}

Image writeImage(Context &ctx, const Unit &u, const ImageOptions &options)
{
    if (const auto it = ctx.images.find(u.c->id); it != ctx.images.end())
        return it->second;
    Image image = buildImage(ctx, u, options);
    ctx.images[u.c->id] = image;
    return image;
}

namespace {

Image buildImage(Context &ctx, const Unit &u, const ImageOptions &options)
{
    Image image;
    const Component &c = *u.c;
    if (!runsPython(c) && !runsNode(c)) {
        ctx.gap(c.id, QStringLiteral("no Dockerfile for %1: Stackplan writes images for Python and "
                                     "Node.js workloads (language: %2); add your own %3/Dockerfile")
                          .arg(c.name,
                               c.workload.language.isEmpty() ? QStringLiteral("not stated")
                                                             : c.workload.language,
                               u.dir));
        image.dockerfile = u.dir + QStringLiteral("/Dockerfile");
        image.port = servicePort(ctx, u);
        ctx.expressed(c.id, QStringLiteral("port"));
        return image;
    }
    const bool python = runsPython(c);
    image.nginxFront = hasNginxFront(c);
    image.port = servicePort(ctx, u);
    ctx.expressed(c.id, QStringLiteral("port"));

    int appPort = image.port;
    std::vector<Route> routes;
    if (image.nginxFront) {
        appPort = commandPort(c.workload.startCommand).value_or(image.port == 8000 ? 8001 : 8000);
        if (appPort == image.port)
            appPort = image.port + 1;
        for (const QString &r : c.workload.routes) {
            const auto route = parseRoute(r);
            if (!route)
                ctx.gap(c.id, QStringLiteral("route %1 of %2 is not a URL path; it is not proxied")
                                  .arg(codeString(r), c.name));
            else if (route->prefix != QLatin1String("/"))
                routes.push_back(*route);
        }
        ctx.expressed(c.id, QStringLiteral("routes"));
    }

    QString start = c.workload.startCommand.trimmed();
    if (start.isEmpty())
        start = defaultStartCommand(ctx, u, appPort, image.nginxFront);
    ctx.expressed(c.id, QStringLiteral("start_command"));

    // Dependencies.
    QStringList deps;
    ojson npmDeps = ojson::object();
    for (const QString &p : c.workload.packages) {
        if (python) {
            if (isPythonRequirement(p))
                deps << p.trimmed();
            else
                ctx.gap(c.id, QStringLiteral("package %1 of %2 is not a plain requirement; add it "
                                             "to requirements.txt by hand")
                                  .arg(codeString(p), c.name));
        } else if (const auto n = npmPackage(p)) {
            npmDeps[n->name.toStdString()] = n->version.toStdString();
        } else {
            ctx.gap(c.id, QStringLiteral("package %1 of %2 is not an npm package name; add it to "
                                         "package.json by hand")
                              .arg(codeString(p), c.name));
        }
    }
    if (!c.workload.packages.isEmpty())
        ctx.expressed(c.id, QStringLiteral("packages"));
    const QString server = start.section(QLatin1Char(' '), 0, 0);
    if (python && (server == QLatin1String("uvicorn") || server == QLatin1String("gunicorn"))) {
        bool listed = false;
        for (const QString &d : deps)
            listed = listed || packageName(d) == server;
        if (!listed) {
            deps << server;
            ctx.assume(c.id, QStringLiteral("%1 is added to the requirements of %2 (its start "
                                            "command runs it)")
                                 .arg(server, c.name));
        }
    }

    const QString dir = u.dir;
    QString df;
    df += QStringLiteral("# Image of %1, written by Stackplan from the diagram (edit freely).\n")
              .arg(commentText(c.name));
    QString version = imageVersion(c.workload.runtimeVersion);
    if (python) {
        if (version.isEmpty()) {
            version = QStringLiteral("3.12");
            ctx.assume(c.id, QStringLiteral("%1 states no Python version; the image uses %2")
                                 .arg(c.name, version));
        }
        df += QStringLiteral("FROM python:%1-slim\n\n").arg(version);
        df += QStringLiteral("ENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1\n");
    } else {
        if (version.isEmpty()) {
            version = QStringLiteral("22");
            ctx.assume(c.id, QStringLiteral("%1 states no Node.js version; the image uses %2")
                                 .arg(c.name, version));
        }
        df += QStringLiteral("FROM node:%1-slim\n\n").arg(version);
        df += QStringLiteral("ENV NODE_ENV=production\n");
    }
    if (image.nginxFront)
        df += QStringLiteral(
            "\n# nginx serves the static files and proxies the API to the app; it may bind the\n"
            "# public port as a non-root user.\n"
            "RUN apt-get update \\\n"
            "    && apt-get install -y --no-install-recommends nginx libcap2-bin \\\n"
            "    && setcap cap_net_bind_service=+ep /usr/sbin/nginx \\\n"
            "    && rm -rf /var/lib/apt/lists/*\n");
    df += QStringLiteral("\nWORKDIR /app\n");
    if (python) {
        df += QStringLiteral("COPY requirements.txt .\n");
        df += QStringLiteral("RUN pip install --no-cache-dir -r requirements.txt\n");
    } else {
        df += QStringLiteral("COPY package*.json ./\n");
        df += QStringLiteral("RUN npm install --omit=dev\n");
    }
    df += QStringLiteral("COPY . .\n");
    if (image.nginxFront) {
        df += QStringLiteral("COPY nginx.conf /etc/nginx/nginx.conf\n");
        df += QStringLiteral("COPY static/ /usr/share/nginx/html/\n");
        df += QStringLiteral("COPY start.sh /usr/local/bin/start.sh\n");
        df += QStringLiteral("RUN chmod 0755 /usr/local/bin/start.sh\n");
    }
    const QString user = python ? QStringLiteral("app") : QStringLiteral("node");
    if (python)
        df += QStringLiteral("\n# Run as an unprivileged user.\n"
                             "RUN useradd --create-home --uid 10001 app\n");
    else
        df += QStringLiteral("\n# Run as the image's unprivileged user.\n");
    df += QStringLiteral("USER %1\n\nEXPOSE %2\n").arg(user).arg(image.port);
    if (options.healthCheck) {
        const QString path = c.workload.healthPath.isEmpty() ? QStringLiteral("/")
                                                             : c.workload.healthPath;
        const QString url = QStringLiteral("http://127.0.0.1:%1%2").arg(image.port).arg(path);
        QString probe;
        if (python)
            probe = QStringLiteral("import sys, urllib.request; "
                                   "sys.exit(0 if urllib.request.urlopen(%1, timeout=4).status < 400 "
                                   "else 1)")
                        .arg(pythonString(url).replace(QLatin1Char('"'), QLatin1Char('\'')));
        else
            probe = QStringLiteral("fetch(%1).then(r => process.exit(r.ok ? 0 : 1), () => "
                                   "process.exit(1))")
                        .arg(pythonString(url).replace(QLatin1Char('"'), QLatin1Char('\'')));
        df += QStringLiteral("HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 "
                             "\\\n    CMD [%1, %2, %3]\n")
                  .arg(codeString(python ? QStringLiteral("python") : QStringLiteral("node")),
                       codeString(python ? QStringLiteral("-c") : QStringLiteral("-e")),
                       codeString(probe));
        if (!c.workload.healthPath.isEmpty())
            ctx.expressed(c.id, QStringLiteral("health_path"));
    }
    if (image.nginxFront)
        df += QStringLiteral("\nCMD [\"/usr/local/bin/start.sh\"]\n");
    else
        df += QStringLiteral("\nCMD %1\n").arg(dockerCmd(start));

    image.dockerfile = dir + QStringLiteral("/Dockerfile");
    const QString purpose = options.purpose.isEmpty()
                                ? QStringLiteral("the container image of %1").arg(c.name)
                                : options.purpose;
    ctx.file(image.dockerfile, df.toUtf8(), purpose);
    if (python) {
        ctx.file(dir + QStringLiteral("/requirements.txt"),
                 (deps.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8(),
                 QStringLiteral("Python packages of %1").arg(c.name));
    } else {
        ojson pkg = ojson::object();
        pkg["name"] = dnsName(c.name, 214, QStringLiteral("app")).toStdString();
        pkg["private"] = true;
        pkg["scripts"] = {{"start", "node index.js"}};
        pkg["dependencies"] = npmDeps;
        ctx.file(dir + QStringLiteral("/package.json"), toJson(pkg),
                 QStringLiteral("Node.js packages of %1 (merge with your own)").arg(c.name));
    }
    if (image.nginxFront) {
        ctx.file(dir + QStringLiteral("/nginx.conf"),
                 monolithNginxConf(u, image.port, appPort, routes),
                 QStringLiteral("nginx inside the %1 image: static files and the API proxy")
                     .arg(c.name));
        QString sh = QStringLiteral("#!/bin/sh\n# Starts nginx on :%1 in the background, then the "
                                    "app on 127.0.0.1:%2 in the foreground.\nset -eu\nnginx\n")
                         .arg(image.port)
                         .arg(appPort);
        sh += shellCommand(start) + QLatin1Char('\n');
        ctx.file(dir + QStringLiteral("/start.sh"), sh.toUtf8(),
                 QStringLiteral("the %1 image's entry point (nginx, then the app)").arg(c.name),
                 true);
        ctx.step(Phase::Backends, c.id,
                 QStringLiteral("Build the frontend and copy its output into `%1/static/` before "
                                "building the %2 image.")
                     .arg(dir, markdown(c.name)));
    }
    image.ok = true;
    return image;
}

} // namespace

} // namespace stackplan::exporter
