// Knative services: per service, service.yaml (serving.knative.dev/v1, the format
// `gcloud run services replace` reads) and deploy.sh (Cloud Build, Secret Manager access,
// `services replace`, public access, Cloud Scheduler jobs), beside the image's Dockerfile.

#include "export/export_p.h"

#include <cmath>

namespace stackplan::exporter {

namespace {

// Cloud Run's CPU settings are whole numbers from this list (fractions need concurrency 1).
int cloudRunCpu(double vcpu)
{
    for (int c : {1, 2, 4, 6, 8})
        if (vcpu <= c)
            return c;
    return 8;
}

bool cpuAlwaysAllocated(const Unit &u)
{
    // Instance-based billing (CPU for the instance's whole life) is what the plan's CPU meter
    // bills on; request-based billing throttles CPU between requests.
    if (!u.rb)
        return false;
    for (const Meter &m : u.rb->meters)
        if (m.usage == QLatin1String("vcpu-s"))
            return m.basis == QLatin1String("instance");
    return false;
}

bool isPublic(const Context &ctx, const Unit &u)
{
    for (const Connection *c : ctx.incoming(u.c->id)) {
        const Unit *from = ctx.unit(c->from);
        if (!from)
            continue;
        const Role r = from->c->role;
        if (r == Role::Client || r == Role::Frontend || r == Role::ExternalApi || r == Role::Proxy)
            return true;
    }
    return false;
}

void writeService(Context &ctx, const Unit &u)
{
    const Component &c = *u.c;
    const QString service = ctx.resourceName(u, 49);
    const Image image = writeImage(ctx, u, {false, QStringLiteral("the image Cloud Run runs for %1").arg(c.name)});
    QString region = c.region;
    if (region.isEmpty()) {
        region = QStringLiteral("us-central1");
        ctx.assume(c.id, QStringLiteral("%1 states no region; deploy.sh defaults to %2 (set REGION "
                                        "to change it)")
                             .arg(c.name, region));
    } else {
        region = dnsName(region, 40, QStringLiteral("us-central1"));
    }
    ctx.expressed(c.id, QStringLiteral("region"));

    ojson annotations = ojson::object();
    if (c.workload.minInstances) {
        annotations["autoscaling.knative.dev/minScale"] = std::to_string(*c.workload.minInstances);
        ctx.expressed(c.id, QStringLiteral("min_instances"));
    }
    if (c.workload.maxInstances) {
        annotations["autoscaling.knative.dev/maxScale"] = std::to_string(*c.workload.maxInstances);
        ctx.expressed(c.id, QStringLiteral("max_instances"));
    }
    annotations["run.googleapis.com/cpu-throttling"] = cpuAlwaysAllocated(u) ? "false" : "true";

    ojson container = ojson::object();
    container["image"] = QStringLiteral("%1-docker.pkg.dev/PROJECT_ID/cloud-run/%2:latest")
                             .arg(region, service)
                             .toStdString();
    container["ports"] = ojson::array({{{"name", "http1"}, {"containerPort", image.port}}});
    ojson env = ojson::array();
    QStringList secrets;
    for (const EnvEntry &e : ctx.env(c.id)) {
        if (e.secret) {
            env.push_back({{"name", e.name.toStdString()},
                           {"valueFrom",
                            {{"secretKeyRef", {{"name", e.name.toStdString()}, {"key", "latest"}}}}}});
            secrets << e.name;
        } else {
            env.push_back({{"name", e.name.toStdString()}, {"value", e.value.toStdString()}});
            if (e.value.isEmpty())
                ctx.step(Phase::Secrets, c.id,
                         QStringLiteral("Give `%1` a value in `%2/service.yaml`.").arg(e.name, u.dir));
        }
    }
    if (!env.empty())
        container["env"] = env;
    ojson limits = ojson::object();
    if (c.workload.memoryMb) {
        limits["memory"] = QStringLiteral("%1Mi").arg(std::ceil(*c.workload.memoryMb)).toStdString();
        ctx.expressed(c.id, QStringLiteral("memory"));
    }
    if (c.workload.vcpu) {
        const int cpu = cloudRunCpu(*c.workload.vcpu);
        if (cpu != *c.workload.vcpu)
            ctx.assume(c.id, QStringLiteral("%1 asks for %2 vCPU; Cloud Run's next setting is %3")
                                 .arg(c.name)
                                 .arg(*c.workload.vcpu)
                                 .arg(cpu));
        limits["cpu"] = std::to_string(cpu);
        ctx.expressed(c.id, QStringLiteral("vcpu"));
    }
    if (!limits.empty())
        container["resources"] = {{"limits", limits}};
    if (!c.workload.healthPath.isEmpty()) {
        if (const auto r = parseRoute(c.workload.healthPath); r && r->exact && !r->hasParams) {
            container["startupProbe"] = {{"httpGet", {{"path", r->text.toStdString()}, {"port", image.port}}}};
            container["livenessProbe"] = {{"httpGet", {{"path", r->text.toStdString()}, {"port", image.port}}}};
            ctx.expressed(c.id, QStringLiteral("health_path"));
        }
    }
    ojson spec = ojson::object();
    if (c.workload.longestRequestS) {
        const int timeout = int(std::min(3600.0, std::ceil(*c.workload.longestRequestS)));
        spec["timeoutSeconds"] = timeout;
        ctx.expressed(c.id, QStringLiteral("longest_request"));
        if (*c.workload.longestRequestS > 3600)
            ctx.gap(c.id, QStringLiteral("%1's longest request (%2 s) exceeds Cloud Run's 3,600 s "
                                         "request timeout; service.yaml sets 3600")
                              .arg(c.name)
                              .arg(*c.workload.longestRequestS));
    }
    spec["containers"] = ojson::array({container});

    ojson doc = ojson::object();
    doc["apiVersion"] = "serving.knative.dev/v1";
    doc["kind"] = "Service";
    doc["metadata"] = {{"name", service.toStdString()},
                       {"annotations", {{"run.googleapis.com/ingress", "all"}}}};
    doc["spec"] = {{"template", {{"metadata", {{"annotations", annotations}}}, {"spec", spec}}}};
    const QByteArray yaml = QByteArrayLiteral("# Service ") + commentText(c.name, 60).toUtf8()
                            + QByteArrayLiteral(", written by Stackplan. deploy.sh fills in the "
                                                "image and applies it\n# with `gcloud run services "
                                                "replace`.\n")
                            + toYaml(doc);
    ctx.file(u.dir + QStringLiteral("/service.yaml"), yaml,
             QStringLiteral("the Cloud Run service of %1 (Knative v1)").arg(c.name));

    // deploy.sh
    QString sh;
    sh += QStringLiteral("#!/usr/bin/env bash\n");
    sh += QStringLiteral("# Builds the image of %1 with Cloud Build and deploys it to Cloud Run "
                         "from service.yaml.\n")
              .arg(commentText(c.name));
    sh += QStringLiteral("# Usage: PROJECT_ID=my-project SOURCE_DIR=path/to/app ./deploy.sh\n"
                         "# SOURCE_DIR is the application's source folder, holding this "
                         "Dockerfile (default: this folder).\n");
    sh += QStringLiteral("set -euo pipefail\ncd \"$(dirname \"$0\")\"\n\n");
    sh += QStringLiteral("PROJECT_ID=\"${PROJECT_ID:?Set PROJECT_ID to your %1 project id}\"\n")
              .arg(commentText(u.profile->vendor));
    sh += QStringLiteral("REGION=\"${REGION:-%1}\"\n").arg(region);
    sh += QStringLiteral("SOURCE_DIR=\"${SOURCE_DIR:-.}\"\n");
    sh += QStringLiteral("REPOSITORY=\"${REPOSITORY:-cloud-run}\"\n");
    sh += QStringLiteral("SERVICE=%1\n").arg(shellWord(service));
    sh += QStringLiteral("IMAGE=\"${REGION}-docker.pkg.dev/${PROJECT_ID}/${REPOSITORY}/${SERVICE}:"
                         "latest\"\n\n");
    QStringList quotedSecrets;
    for (const QString &s : secrets)
        quotedSecrets << shellWord(s);
    if (!secrets.isEmpty()) {
        sh += QStringLiteral("# Secrets the service reads from Secret Manager (values never live "
                             "in this bundle).\nSECRETS=(%1)\n")
                  .arg(quotedSecrets.join(QLatin1Char(' ')));
        sh += QStringLiteral(
            "for secret in \"${SECRETS[@]}\"; do\n"
            "  if ! gcloud secrets describe \"$secret\" --project \"$PROJECT_ID\" >/dev/null 2>&1; "
            "then\n"
            "    echo \"Create the secret $secret first: printf %s VALUE | gcloud secrets create "
            "$secret --data-file=- --project $PROJECT_ID\" >&2\n"
            "    exit 1\n"
            "  fi\n"
            "done\n\n");
    }
    sh += QStringLiteral("gcloud services enable run.googleapis.com cloudbuild.googleapis.com "
                         "artifactregistry.googleapis.com secretmanager.googleapis.com --project "
                         "\"$PROJECT_ID\"\n");
    sh += QStringLiteral("if ! gcloud artifacts repositories describe \"$REPOSITORY\" --location "
                         "\"$REGION\" --project \"$PROJECT_ID\" >/dev/null 2>&1; then\n"
                         "  gcloud artifacts repositories create \"$REPOSITORY\" "
                         "--repository-format docker --location \"$REGION\" --project "
                         "\"$PROJECT_ID\"\nfi\n");
    // Without a Dockerfile, Cloud Build builds the source with Google's buildpacks.
    sh += QStringLiteral("if [ -f \"$SOURCE_DIR/Dockerfile\" ]; then\n"
                         "  gcloud builds submit \"$SOURCE_DIR\" --tag \"$IMAGE\" --project "
                         "\"$PROJECT_ID\"\n"
                         "else\n"
                         "  gcloud builds submit \"$SOURCE_DIR\" --pack \"image=$IMAGE\" --project "
                         "\"$PROJECT_ID\"\n"
                         "fi\n\n");
    sh += QStringLiteral("NUMBER=\"$(gcloud projects describe \"$PROJECT_ID\" --format "
                         "'value(projectNumber)')\"\n");
    if (!secrets.isEmpty())
        sh += QStringLiteral(
            "# The default compute service account runs the service and must read the secrets.\n"
            "for secret in \"${SECRETS[@]}\"; do\n"
            "  gcloud secrets add-iam-policy-binding \"$secret\" --project \"$PROJECT_ID\" \\\n"
            "    --member \"serviceAccount:${NUMBER}-compute@developer.gserviceaccount.com\" \\\n"
            "    --role roles/secretmanager.secretAccessor >/dev/null\n"
            "done\n\n");
    sh += QStringLiteral("manifest=\"$(mktemp)\"\ntrap 'rm -f \"$manifest\"' EXIT\n"
                         "sed \"s|image: \\\".*\\\"|image: \\\"${IMAGE}\\\"|\" service.yaml > "
                         "\"$manifest\"\n");
    sh += QStringLiteral("gcloud run services replace \"$manifest\" --region \"$REGION\" --project "
                         "\"$PROJECT_ID\"\n");
    if (isPublic(ctx, u))
        sh += QStringLiteral("gcloud run services add-iam-policy-binding \"$SERVICE\" --region "
                             "\"$REGION\" --project \"$PROJECT_ID\" \\\n"
                             "  --member allUsers --role roles/run.invoker\n");
    sh += QStringLiteral("URL=\"$(gcloud run services describe \"$SERVICE\" --region \"$REGION\" "
                         "--project \"$PROJECT_ID\" --format 'value(status.url)')\"\n"
                         "URL=\"${URL:-https://${SERVICE}-${NUMBER}.${REGION}.run.app}\"\n");
    bool jobs = false;
    for (const QString &job : c.workload.scheduledJobs) {
        const auto cron = parseCronJob(job);
        if (!cron || cron->path.isEmpty()) {
            ctx.gap(c.id, QStringLiteral("scheduled job %1 of %2 needs %3: Cloud Scheduler calls a "
                                         "URL, so start the job with a cron schedule and name the "
                                         "path it calls (\"0 3 * * * POST /jobs/cleanup\")")
                              .arg(codeString(job), c.name,
                                   cron ? QStringLiteral("a path") : QStringLiteral("a schedule")));
            continue;
        }
        if (!jobs)
            sh += QStringLiteral("\n# Cloud Scheduler calls the service for each scheduled job.\n"
                                 "gcloud services enable cloudscheduler.googleapis.com --project "
                                 "\"$PROJECT_ID\"\n");
        jobs = true;
        const QString name = dnsName(service + QLatin1Char('-') + cron->path, 63, QStringLiteral("job"));
        sh += QStringLiteral("gcloud scheduler jobs create http %1 --location \"$REGION\" --project "
                             "\"$PROJECT_ID\" \\\n  --schedule %2 --uri \"${URL}%3\" --http-method "
                             "POST || true\n")
                  .arg(shellWord(name), shellWord(cron->schedule), cron->path);
        ctx.expressed(c.id, QStringLiteral("scheduled_jobs"));
    }
    sh += QStringLiteral("echo \"%1 is at $URL\"\n").arg(commentText(service));
    ctx.file(u.dir + QStringLiteral("/deploy.sh"), sh.toUtf8(),
             QStringLiteral("builds and deploys %1 to Cloud Run").arg(c.name), true);

    for (const QString &s : secrets)
        ctx.step(Phase::Secrets, c.id,
                 QStringLiteral("`printf %s \"$VALUE\" | gcloud secrets create %1 --data-file=- "
                                "--project PROJECT_ID`")
                     .arg(s));
    if (!secrets.isEmpty())
        ctx.expressed(c.id, QStringLiteral("env"));
    ctx.step(Phase::Backends, c.id,
             QStringLiteral("Copy `%1/Dockerfile` and its dependency file into the source folder of "
                            "%2, then `PROJECT_ID=… SOURCE_DIR=… %1/deploy.sh`.")
                 .arg(u.dir, markdown(c.name)));
    if (!c.domain.isEmpty()) {
        ctx.step(Phase::Domains, c.id,
                 QStringLiteral("`gcloud beta run domain-mappings create --service %1 --domain %2 "
                                "--region %3`, then add the DNS records it prints (or put the "
                                "service behind a load balancer where domain mappings are not "
                                "offered).")
                     .arg(service, c.domain.trimmed(), region));
        ctx.expressed(c.id, QStringLiteral("domain"));
    }
}

} // namespace

void writeCloudRun(Context &ctx)
{
    const auto services = ctx.unitsOf("knative", "service");
    for (const Unit *u : services)
        writeService(ctx, *u);
    if (!services.empty())
        ctx.step(Phase::Tools, QString(),
                 QStringLiteral("Install the %1 CLI and `%2 auth login`.")
                     .arg(services.front()->profile->vendor, services.front()->deploy->cli));
}

} // namespace stackplan::exporter
