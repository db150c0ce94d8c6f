// Container platforms configured by one file each: fly.toml per app (written with toml++), one
// render.yaml Blueprint for the option (services and Postgres databases), and railway.json per
// service. Each builds the component's image from its Dockerfile. Vendor and tool names in the
// steps come from the profile (`vendor`, `deploy.cli`).

#include "export/export_p.h"

#include <QRegularExpression>

#include <toml++/toml.h>

#include <cmath>
#include <sstream>

namespace stackplan::exporter {

namespace {

QString sizeName(const Unit &u)
{
    if (!u.rb)
        return {};
    if (u.rb->instance)
        return u.rb->instance->deployName.isEmpty() ? u.rb->instance->id : u.rb->instance->deployName;
    if (!u.rb->plan->deployName.isEmpty())
        return u.rb->plan->deployName;
    return u.rb->plan->instances.empty() ? u.rb->plan->id : QString();
}

std::optional<double> memoryMb(const Unit &u)
{
    if (u.rb)
        if (const Limit *l = u.rb->limit(QStringLiteral("memory_mb")))
            return l->value;
    return u.c->workload.memoryMb;
}

QString secretStep(const QString &command)
{
    return QStringLiteral("`%1`").arg(command);
}

// Connections from `u` to volumes of the same platform: mounted into it.
std::vector<const Unit *> volumesOf(const Context &ctx, const Unit &u, const char *target)
{
    std::vector<const Unit *> out;
    for (const Connection *c : ctx.outgoing(u.c->id))
        if (const Unit *v = ctx.unit(c->to); v && v->is(target, "volume"))
            out.push_back(v);
    return out;
}

// ---- fly.toml

void writeFlyApp(Context &ctx, const Unit &u)
{
    const Component &c = *u.c;
    const QString app = ctx.resourceName(u);
    const QString cli = u.deploy->cli;
    const Image image = writeImage(ctx, u, {false, QStringLiteral("the image %1 runs for %2").arg(u.profile->vendor, c.name)});
    toml::table t;
    t.insert("app", app.toStdString());
    static const QRegularExpression regionCode(QStringLiteral("^[a-z]{3}$"));
    const QStringList &regions = u.deploy->regions;
    if (regions.isEmpty() ? regionCode.match(c.region).hasMatch() : regions.contains(c.region)) {
        t.insert("primary_region", c.region.toStdString());
        ctx.expressed(c.id, QStringLiteral("region"));
    } else if (!c.region.isEmpty()) {
        ctx.notApplicable(c.id, QStringLiteral("region"),
                          QStringLiteral("%1 is not a %2 region code (three letters, e.g. "
                                         "\"iad\"); choose one when creating the app")
                              .arg(codeString(c.region), u.profile->vendor));
    }
    t.insert("build", toml::table{{"dockerfile", "Dockerfile"}});
    toml::table env;
    QStringList secrets;
    for (const EnvEntry &e : ctx.env(c.id)) {
        if (e.secret) {
            secrets << e.name;
            ctx.step(Phase::Secrets, c.id,
                     secretStep(QStringLiteral("%1 secrets set %2=… --app %3").arg(cli, e.name, app)));
        } else {
            env.insert(e.name.toStdString(), e.value.toStdString());
            if (e.value.isEmpty())
                ctx.step(Phase::Secrets, c.id,
                         QStringLiteral("Give `%1` a value under `[env]` in `%2/fly.toml`.")
                             .arg(e.name, u.dir));
        }
    }
    if (!env.empty())
        t.insert("env", env);
    toml::table http{{"internal_port", image.port}, {"force_https", true}, {"auto_start_machines", true}};
    const int minimum = c.workload.minInstances.value_or(0);
    http.insert("auto_stop_machines", minimum > 0 ? "off" : "stop");
    http.insert("min_machines_running", minimum);
    ctx.expressed(c.id, QStringLiteral("min_instances"));
    if (!c.workload.healthPath.isEmpty())
        if (const auto r = parseRoute(c.workload.healthPath); r && r->exact && !r->hasParams) {
            toml::array checks;
            checks.push_back(toml::table{{"grace_period", "10s"},
                                         {"interval", "30s"},
                                         {"method", "GET"},
                                         {"timeout", "5s"},
                                         {"path", r->text.toStdString()}});
            http.insert("checks", checks);
            ctx.expressed(c.id, QStringLiteral("health_path"));
        }
    t.insert("http_service", http);
    const QString size = sizeName(u);
    if (!size.isEmpty()) {
        toml::table vm{{"size", size.toStdString()}};
        if (const auto mb = memoryMb(u)) {
            const int m = int(std::ceil(*mb));
            vm.insert("memory", m % 1024 == 0 ? QStringLiteral("%1gb").arg(m / 1024).toStdString()
                                              : QStringLiteral("%1mb").arg(m).toStdString());
            ctx.expressed(c.id, QStringLiteral("memory"));
        }
        toml::array vms;
        vms.push_back(vm);
        t.insert("vm", vms);
        ctx.expressed(c.id, QStringLiteral("vcpu"));
    }
    const auto volumes = volumesOf(ctx, u, "fly-toml");
    if (!volumes.empty()) {
        toml::array mounts;
        int i = 0;
        for (const Unit *v : volumes) {
            const QString name = upperSnake(v->c->id).toLower();
            const QString path = volumes.size() == 1 ? QStringLiteral("/data")
                                                     : QStringLiteral("/data/%1").arg(v->c->id);
            mounts.push_back(toml::table{{"source", name.toStdString()}, {"destination", path.toStdString()}});
            const int gb = int(std::ceil(v->c->traffic.storageGb.value_or(1)));
            ctx.step(Phase::Resources, v->c->id,
                     secretStep(QStringLiteral("%1 volumes create %2 --size %3 --app %4")
                                    .arg(cli, name)
                                    .arg(std::max(1, gb))
                                    .arg(app)));
            for (const Connection *cn : ctx.outgoing(c.id))
                if (cn->to == v->c->id)
                    ctx.wire(cn->id, QStringLiteral("[[mounts]] %1 at %2 in %3/fly.toml").arg(name, path, u.dir));
            ++i;
        }
        t.insert("mounts", mounts);
        if (c.workload.filesystem == FilesystemNeed::Persistent)
            ctx.expressed(c.id, QStringLiteral("persistent_files"));
    }
    std::ostringstream out;
    out << toml::toml_formatter(t, toml::format_flags::allow_unicode_strings);
    ctx.file(u.dir + QStringLiteral("/fly.toml"),
             QByteArrayLiteral("# App ") + commentText(c.name).toUtf8()
                 + QByteArrayLiteral(", written by Stackplan.\n")
                 + QByteArray::fromStdString(out.str()) + '\n',
             QStringLiteral("the %1 app of %2").arg(u.profile->vendor, c.name));
    ctx.step(Phase::Backends, c.id,
             QStringLiteral("Copy `%1/Dockerfile`, its dependency file and `fly.toml` into the "
                            "source folder of %2, then `%4 apps create %3` and `%4 deploy` "
                            "there.")
                 .arg(u.dir, markdown(c.name), app, cli));
    if (c.workload.maxInstances && *c.workload.maxInstances > 1) {
        ctx.step(Phase::Backends, c.id,
                 secretStep(QStringLiteral("%1 scale count %2 --app %3")
                                .arg(cli)
                                .arg(*c.workload.maxInstances)
                                .arg(app))
                     + QStringLiteral(" (auto start and stop follow the traffic)"));
    }
    ctx.expressed(c.id, QStringLiteral("max_instances"));
    if (!c.domain.isEmpty()) {
        ctx.step(Phase::Domains, c.id,
                 secretStep(QStringLiteral("%1 certs add %2 --app %3").arg(cli, c.domain.trimmed(), app))
                     + QStringLiteral(", then point its DNS records at the app as it prints."));
        ctx.expressed(c.id, QStringLiteral("domain"));
    }
    for (const QString &job : c.workload.scheduledJobs)
        ctx.gap(c.id, QStringLiteral("scheduled job %1 of %2: fly.toml has no scheduler; keep the "
                                     "in-process scheduler on an always-running Machine, or "
                                     "create a scheduled Machine (`%3 machine run --schedule`)")
                          .arg(codeString(job), c.name, cli));
    if (!c.workload.scheduledJobs.isEmpty())
        ctx.expressed(c.id, QStringLiteral("scheduled_jobs"));
    ctx.notApplicable(c.id, QStringLiteral("longest_request"),
                      QStringLiteral("fly.toml has no request timeout setting"));
}

// ---- render.yaml

ojson renderEnv(Context &ctx, const Unit &u, const QString &file)
{
    ojson vars = ojson::array();
    bool port = false;
    // A Blueprint database reached over SQL fills the variable that holds its URL.
    QString databaseVar;
    QString database;
    for (const Connection *c : ctx.outgoing(u.c->id)) {
        const Unit *to = ctx.unit(c->to);
        if (to && to->is("render-blueprint", "postgres") && c->protocol == Protocol::Sql) {
            database = ctx.resourceName(*to);
            ctx.wire(c->id, QStringLiteral("fromDatabase %1 in render.yaml").arg(database));
            break;
        }
    }
    static const QRegularExpression dbName(QStringLiteral("DATABASE_URL|DB_URL|POSTGRES.*URL"));
    for (const EnvEntry &e : ctx.env(u.c->id)) {
        ojson v = {{"key", e.name.toStdString()}};
        if (!database.isEmpty() && databaseVar.isEmpty() && dbName.match(e.name).hasMatch()) {
            databaseVar = e.name;
            v["fromDatabase"] = {{"name", database.toStdString()}, {"property", "connectionString"}};
        } else if (e.secret || e.value.isEmpty()) {
            v["sync"] = false;
            ctx.step(Phase::Secrets, u.c->id,
                     QStringLiteral("Enter `%1` of %2 when %3 asks for it while creating the "
                                    "Blueprint (`sync: false` in %4).")
                         .arg(e.name, markdown(u.c->name), u.profile->vendor, file));
        } else {
            v["value"] = e.value.toStdString();
        }
        port = port || e.name == QLatin1String("PORT");
        vars.push_back(v);
    }
    if (!database.isEmpty() && databaseVar.isEmpty()) {
        vars.push_back({{"key", "DATABASE_URL"},
                        {"fromDatabase", {{"name", database.toStdString()}, {"property", "connectionString"}}}});
        ctx.assume(u.c->id, QStringLiteral("%1 gets DATABASE_URL from the Blueprint database %2")
                                .arg(u.c->name, database));
    }
    if (!port) {
        vars.push_back({{"key", "PORT"}, {"value", std::to_string(servicePort(ctx, u))}});
    }
    return vars;
}

} // namespace

void writeFly(Context &ctx)
{
    const auto apps = ctx.unitsOf("fly-toml", "app");
    for (const Unit *u : apps)
        writeFlyApp(ctx, *u);
    for (const Unit *v : ctx.unitsOf("fly-toml", "volume")) {
        bool mounted = false;
        for (const Connection *c : ctx.incoming(v->c->id))
            if (const Unit *from = ctx.unit(c->from); from && from->is("fly-toml", "app"))
                mounted = true;
        if (!mounted)
            ctx.gap(v->c->id, QStringLiteral("%1 is not connected from an app on %2: a volume is "
                                             "mounted into the Machine that uses it")
                                  .arg(v->c->name, v->profile->vendor));
    }
    if (!apps.empty())
        ctx.step(Phase::Tools, QString(),
                 QStringLiteral("Install the %1 CLI and `%2 auth login`.")
                     .arg(apps.front()->profile->vendor, apps.front()->deploy->cli));
}

void writeRender(Context &ctx)
{
    const auto webs = ctx.unitsOf("render-blueprint", "web");
    const auto dbs = ctx.unitsOf("render-blueprint", "postgres");
    if (webs.empty() && dbs.empty())
        return;
    const QString file = QStringLiteral("render.yaml");
    auto region = [&](const Unit &u, ojson &o) {
        if (u.c->region.isEmpty())
            return;
        const QStringList &regions = u.deploy->regions;
        if (regions.isEmpty() || regions.contains(u.c->region.toLower())) {
            o["region"] = dnsName(u.c->region, 40).toStdString();
            ctx.expressed(u.c->id, QStringLiteral("region"));
        } else {
            ctx.notApplicable(u.c->id, QStringLiteral("region"),
                              QStringLiteral("%1 is not a Blueprint region (%2)")
                                  .arg(codeString(u.c->region), regions.join(QStringLiteral(", "))));
        }
    };
    ojson services = ojson::array();
    for (const Unit *u : webs) {
        const Component &c = *u->c;
        const Image image = writeImage(ctx, *u, {false, QStringLiteral("the image %1 builds for %2").arg(u->profile->vendor, c.name)});
        ojson s = ojson::object();
        s["type"] = "web";
        s["name"] = ctx.resourceName(*u).toStdString();
        s["runtime"] = "docker";
        s["dockerfilePath"] = ("./" + image.dockerfile).toStdString();
        s["dockerContext"] = ("./" + u->dir).toStdString();
        const QString plan = sizeName(*u);
        if (!plan.isEmpty()) {
            s["plan"] = plan.toStdString();
            ctx.expressed(c.id, QStringLiteral("memory"));
            ctx.expressed(c.id, QStringLiteral("vcpu"));
        } else {
            ctx.gap(c.id, QStringLiteral("%1 is bound to a plan without an instance type: "
                                         "render.yaml leaves `plan` to the Blueprint's default")
                              .arg(c.name));
        }
        region(*u, s);
        const int minimum = std::max(1, c.workload.minInstances.value_or(1));
        const int maximum = std::max(minimum, c.workload.maxInstances.value_or(minimum));
        if (maximum > minimum)
            s["scaling"] = {{"minInstances", minimum}, {"maxInstances", maximum}, {"targetCPUPercent", 60}};
        else
            s["numInstances"] = minimum;
        ctx.expressed(c.id, QStringLiteral("min_instances"));
        ctx.expressed(c.id, QStringLiteral("max_instances"));
        if (!c.workload.healthPath.isEmpty())
            if (const auto r = parseRoute(c.workload.healthPath); r && r->exact && !r->hasParams) {
                s["healthCheckPath"] = r->text.toStdString();
                ctx.expressed(c.id, QStringLiteral("health_path"));
            }
        s["envVars"] = renderEnv(ctx, *u, file);
        if (!c.domain.isEmpty()) {
            const QString url = ctx.publicUrl(*u);
            if (url.startsWith(QLatin1String("https://")) && !url.endsWith(QLatin1String(".onrender.com"))) {
                s["domains"] = ojson::array({url.mid(8).toStdString()});
                ctx.expressed(c.id, QStringLiteral("domain"));
                ctx.step(Phase::Domains, c.id,
                         QStringLiteral("Point the DNS of `%1` at the service as the %2 "
                                        "dashboard shows (Settings → Custom Domains).")
                             .arg(url.mid(8), u->profile->vendor));
            }
        }
        for (const QString &job : c.workload.scheduledJobs)
            ctx.gap(c.id, QStringLiteral("scheduled job %1 of %2: add a cron job service "
                                         "(type: cron) to render.yaml for it, or keep the "
                                         "in-process scheduler")
                              .arg(codeString(job), c.name));
        if (!c.workload.scheduledJobs.isEmpty())
            ctx.expressed(c.id, QStringLiteral("scheduled_jobs"));
        ctx.notApplicable(c.id, QStringLiteral("longest_request"),
                          QStringLiteral("render.yaml has no request timeout setting"));
        services.push_back(s);
    }
    ojson databases = ojson::array();
    for (const Unit *u : dbs) {
        ojson d = ojson::object();
        d["name"] = ctx.resourceName(*u).toStdString();
        const QString plan = sizeName(*u);
        if (!plan.isEmpty())
            d["plan"] = plan.toStdString();
        region(*u, d);
        databases.push_back(d);
        for (const Connection *c : ctx.incoming(u->c->id))
            if (!ctx.wiring.count(c->id))
                ctx.wire(c->id, QStringLiteral("the Blueprint database %1 (connection string in its "
                                               "dashboard)")
                                    .arg(ctx.resourceName(*u)));
    }
    ojson doc = ojson::object();
    if (!services.empty())
        doc["services"] = services;
    if (!databases.empty())
        doc["databases"] = databases;
    ctx.file(file,
             QByteArrayLiteral("# Blueprint written by Stackplan: commit it at the root of the "
                               "repository and create\n# a Blueprint from it in the dashboard.\n")
                 + toYaml(doc),
             QStringLiteral("the Blueprint (services and databases)"));
    ctx.step(Phase::Backends, QString(),
             QStringLiteral("Commit `render.yaml` and each service folder (Dockerfile and "
                            "dependency file, next to the application's source) to the repository "
                            "the Blueprint builds from, then create a Blueprint from it in the "
                            "dashboard."));
}

void writeRailway(Context &ctx)
{
    const auto services = ctx.unitsOf("railway-json", "service");
    for (const Unit *u : services) {
        const Component &c = *u->c;
        writeImage(ctx, *u, {false, QStringLiteral("the image %1 builds for %2").arg(u->profile->vendor, c.name)});
        ojson deploy = ojson::object();
        if (!c.workload.healthPath.isEmpty())
            if (const auto r = parseRoute(c.workload.healthPath); r && r->exact && !r->hasParams) {
                deploy["healthcheckPath"] = r->text.toStdString();
                deploy["healthcheckTimeout"] = 300;
                ctx.expressed(c.id, QStringLiteral("health_path"));
            }
        deploy["restartPolicyType"] = "ON_FAILURE";
        deploy["restartPolicyMaxRetries"] = 10;
        // Replicas are set per region; without a region the service runs one replica.
        const int replicas = std::max(1, c.workload.minInstances.value_or(1));
        const QString region = c.region.toLower();
        const QStringList &regions = u->deploy->regions;
        if (!region.isEmpty() && (regions.isEmpty() || regions.contains(region))) {
            deploy["multiRegionConfig"] = {{dnsName(region, 63).toStdString(), {{"numReplicas", replicas}}}};
            ctx.expressed(c.id, QStringLiteral("region"));
            ctx.expressed(c.id, QStringLiteral("min_instances"));
        } else {
            if (!region.isEmpty())
                ctx.notApplicable(c.id, QStringLiteral("region"),
                                  QStringLiteral("%1 is not a region railway.json names (%2)")
                                      .arg(codeString(c.region), regions.join(QStringLiteral(", "))));
            if (replicas > 1)
                ctx.notApplicable(c.id, QStringLiteral("min_instances"),
                                  QStringLiteral("railway.json sets replicas per region: give the "
                                                 "component one of %1")
                                      .arg(regions.join(QStringLiteral(", "))));
            else
                ctx.expressed(c.id, QStringLiteral("min_instances"));
        }
        if (c.workload.maxInstances && *c.workload.maxInstances > replicas)
            ctx.notApplicable(c.id, QStringLiteral("max_instances"),
                              QStringLiteral("railway.json sets a fixed number of replicas (%1 here)")
                                  .arg(replicas));
        else
            ctx.expressed(c.id, QStringLiteral("max_instances"));
        ojson doc = {{"$schema", "https://railway.com/railway.schema.json"},
                     {"build", {{"builder", "DOCKERFILE"}, {"dockerfilePath", "Dockerfile"}}},
                     {"deploy", deploy}};
        ctx.file(u->dir + QStringLiteral("/railway.json"), toJson(doc),
                 QStringLiteral("config as code of %1").arg(c.name));
        const QString cli = u->deploy->cli;
        const QString service = ctx.resourceName(*u);
        for (const EnvEntry &e : ctx.env(c.id))
            ctx.step(Phase::Secrets, c.id,
                     e.secret || e.value.isEmpty()
                         ? secretStep(QStringLiteral("%1 variables --service %2 --set \"%3=…\"")
                                          .arg(cli, service, e.name))
                         : secretStep(QStringLiteral("%1 variables --service %2 --set %3")
                                          .arg(cli, service,
                                               shellWord(e.name + QLatin1Char('=') + e.value))));
        ctx.step(Phase::Backends, c.id,
                 QStringLiteral("Copy `%1/Dockerfile`, its dependency file and `%2` into the "
                                "source folder of %3, create the service (`%4 add --service %5`) "
                                "and deploy it with `%4 up --service %5`.")
                     .arg(u->dir, QStringLiteral("railway.json"), markdown(c.name), cli, service));
        ctx.step(Phase::Domains, c.id,
                 c.domain.isEmpty()
                     ? secretStep(QStringLiteral("%1 domain --service %2").arg(cli, service))
                           + QStringLiteral(" gives the service a public URL.")
                     : secretStep(QStringLiteral("%1 domain %2 --service %3")
                                      .arg(cli, c.domain.trimmed(), service))
                           + QStringLiteral(", then add the DNS records it prints."));
        if (!c.domain.isEmpty())
            ctx.expressed(c.id, QStringLiteral("domain"));
        for (const QString &job : c.workload.scheduledJobs)
            ctx.gap(c.id, QStringLiteral("scheduled job %1 of %2: create a separate %3 service "
                                         "with a cron schedule for it, or keep the in-process "
                                         "scheduler")
                              .arg(codeString(job), c.name, u->profile->vendor));
        if (!c.workload.scheduledJobs.isEmpty())
            ctx.expressed(c.id, QStringLiteral("scheduled_jobs"));
        ctx.notApplicable(c.id, QStringLiteral("longest_request"),
                          QStringLiteral("railway.json has no request timeout setting"));
    }
    if (!services.empty())
        ctx.step(Phase::Tools, QString(),
                 QStringLiteral("Install the %1 CLI, `%2 login` and `%2 link` to the project.")
                     .arg(services.front()->profile->vendor, services.front()->deploy->cli));
}

} // namespace stackplan::exporter
