#include "rules/finding.h"

#include <tuple>

namespace stackplan {

QString severityId(Severity s)
{
    switch (s) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        return QStringLiteral("error");
    }
    return {};
}

bool Finding::operator==(const Finding &o) const
{
    return rule == o.rule && severity == o.severity && option == o.option && subjects == o.subjects
           && message == o.message;
}

bool Finding::operator<(const Finding &o) const
{
    // Worst first, then by option, subject, rule and message: a stable order for every view.
    const int a = -int(severity), b = -int(o.severity);
    return std::tie(a, option, subjects, rule, message)
           < std::tie(b, o.option, o.subjects, o.rule, o.message);
}

const std::vector<RuleInfo> &ruleCatalogue()
{
    static const std::vector<RuleInfo> rules = {
        {"binding.missing", Severity::Info, "Component not bound to a platform",
         "The component has no platform profile, so nothing about it can be checked or priced. "
         "Clients (the "
         "users' devices) and external APIs are not expected to be bound and are not reported."},
        {"binding.unknown", Severity::Error,
         "Binding names an unknown profile, plan or instance type",
         "The bound profile, plan or instance type is not in the catalogue (a typo, or a user "
         "profile that "
         "failed to load)."},
        {"binding.role", Severity::Error, "Profile cannot host the component's role",
         "The profile's `roles` do not include the component's role (e.g. a database bound to a "
         "static "
         "host)."},
        {"binding.plan-requires", Severity::Error,
         "Plan needs an account subscription no component provides",
         "The plan `requires` an account-level fee key (e.g. Containers and paid Durable Objects "
         "need the "
         "Workers Paid subscription), but no component of the option is on a plan that provides "
         "it."},
        {"runtime.language", Severity::Error, "Language not among the platform's runtimes",
         "The workload's language is not in the profile's `runtimes` capability (TypeScript runs "
         "where "
         "JavaScript runs; `any` runs every container)."},
        {"runtime.packages", Severity::Error, "Packages the runtime cannot load",
         "The workload lists packages that the profile's `packages` capability names as known not "
         "to load "
         "(e.g. C-extension packages without a WebAssembly build on a Pyodide runtime)."},
        {"limit.memory", Severity::Error, "Memory above the plan's limit",
         "Workload memory against the `memory_mb` limit of the plan or instance type. Above a "
         "configurable "
         "default but within the maximum: a warning to configure it."},
        {"limit.cpu-time", Severity::Error, "CPU time per request above the limit",
         "Workload CPU ms per request against the `cpu_ms` limit (default and configurable "
         "maximum)."},
        {"limit.artifact-size", Severity::Error, "Bundle or image larger than allowed",
         "Workload artifact size against the `artifact_mb` limit."},
        {"limit.request-duration", Severity::Error, "Request longer than the platform's timeout",
         "The longest request (or the typical duration, when the longest is not given) against "
         "`request_timeout_s`."},
        {"limit.outbound-connections", Severity::Warning,
         "More simultaneous outbound connections than allowed",
         "The workload's connection pool against `outbound_connections` per request. Extra "
         "connections are "
         "queued on some platforms, so this is a warning."},
        {"limit.daily-requests", Severity::Error, "Daily requests above a free plan's cap",
         "Requests per month at the typical traffic level, divided by 30 days, against "
         "`daily_requests`. "
         "Exceeded only at the high traffic level: a warning."},
        {"limit.storage", Severity::Error, "Stored data above the plan's storage cap",
         "Traffic storage GB against the `storage_gb` limit."},
        {"feature.websockets", Severity::Error, "WebSockets not available",
         "The workload serves WebSockets (or receives a websocket connection), and the profile "
         "offers none, "
         "or offers them only via another product (e.g. Durable Objects) that the component is not "
         "connected "
         "to. The fix adds and connects one."},
        {"feature.filesystem", Severity::Error, "Filesystem need not met",
         "Temporary files need any local filesystem; persistent files need a persistent one (an "
         "ephemeral or "
         "in-memory filesystem loses them on restart: a warning)."},
        {"feature.background-jobs", Severity::Error,
         "In-process background jobs on a request-scoped runtime",
         "The workload runs an in-process scheduler or background threads, but the platform keeps "
         "no process "
         "between requests. The fix moves the jobs to a scheduler component on the platform's "
         "mechanism "
         "(e.g. Cron Triggers)."},
        {"feature.scheduled-jobs", Severity::Error, "Scheduled jobs with no mechanism",
         "The workload declares scheduled jobs, but its platform has no scheduler, it runs no "
         "in-process "
         "scheduler on an always-on platform, and no scheduler component calls it."},
        {"connection.protocol", Severity::Error, "Connection the platforms cannot make",
         "The protocol is not among the source profile's `outbound` or the target profile's "
         "`inbound` protocols (e.g. a static frontend cannot open a SQL connection). A webhook is "
         "an HTTP callback, so it is carried wherever HTTP is."},
        {"connection.pooling", Severity::Warning,
         "Serverless compute opens direct database connections",
         "A request-scoped or scale-to-zero platform connects to a SQL database with neither a "
         "pooler in "
         "between (`via`) nor the database's own pooler (`pooled`); each instance opens its own "
         "connections."},
        {"capacity.db-connections", Severity::Error,
         "More database connections than the plan allows",
         "The sum over clients of max instances × connection pool, against the database plan's "
         "`db_connections` (direct) or `pooler_connections` (pooled); a pooler in between counts "
         "with its "
         "own limit."},
        {"availability.sleeps", Severity::Warning, "Plan sleeps or pauses when idle",
         "The plan stops idle services; the first request after a pause waits for the wake-up. An "
         "error when "
         "a p95 latency target is set and the wake-up time exceeds it."},
        {"slo.availability", Severity::Error, "Availability target not met on a request path",
         "The product of the published SLAs along each request path (from an entry point to the "
         "last "
         "service) against the availability target; each path below it is an error with the "
         "arithmetic. Components on some path that publish no SLA are named in one info finding, "
         "since those paths cannot be checked. Clients and external APIs are outside the product."},
        {"slo.latency", Severity::Warning, "Cold start above the p95 latency target",
         "A scale-to-zero service with no minimum instances and a known cold start longer than the "
         "p95 "
         "target. The fix keeps one instance warm."},
        {"security.secret-value", Severity::Error, "A secret has a stored value",
         "An environment variable marked secret has a value in the project file; project files are "
         "shared "
         "and committed, so secrets must be set on the platform, not stored here."},
        {"graph.isolated", Severity::Warning, "Component with no connection",
         "The component neither calls nor is called by anything in the option."},
    };
    return rules;
}

const RuleInfo *ruleInfo(const QString &id)
{
    for (const auto &r : ruleCatalogue())
        if (id == QLatin1String(r.id))
            return &r;
    return nullptr;
}

} // namespace stackplan
