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
         "Clients (the users' devices) and external APIs are not expected to be bound and are "
         "not reported."},
        {"binding.unknown", Severity::Error,
         "Binding names an unknown profile, plan or instance type",
         "The bound profile, plan or instance type is not in the catalogue (a typo, or a user "
         "profile that failed to load)."},
        {"binding.role", Severity::Error, "Profile, plan or instance type cannot host the role",
         "The profile's `roles` do not include the component's role (e.g. a database bound to a "
         "static host), or the plan or instance type is offered for fewer roles than the "
         "platform hosts (its sourced `roles`, e.g. a free instance type offered only for web "
         "services, not background workers or cron jobs)."},
        {"binding.plan-requires", Severity::Error,
         "Plan needs an account subscription no component provides",
         "The plan `requires` an account-level fee key (e.g. Containers and paid Durable Objects "
         "need the Workers Paid subscription), but no component of the option is on a plan that "
         "provides it."},
        {"runtime.language", Severity::Error, "Language not among the platform's runtimes",
         "The workload's language is not in the profile's `runtimes` capability (TypeScript runs "
         "where JavaScript runs; `any` runs every container)."},
        {"runtime.packages", Severity::Error, "Packages the runtime cannot load",
         "The workload lists packages that the profile's `packages` capability names as known "
         "not to load (e.g. C-extension packages without a WebAssembly build on a Pyodide "
         "runtime)."},
        {"limit.memory", Severity::Error, "Memory above the plan's limit",
         "Workload memory against the `memory_mb` limit of the plan or instance type. Above a "
         "configurable default but within the maximum: a warning to configure it."},
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
         "connections are queued on some platforms, so this is a warning."},
        {"limit.daily-requests", Severity::Error, "Daily requests above a plan's daily cap",
         "The `daily_requests` limit against the daily average (requests per month at typical "
         "traffic ÷ 30) and, when the traffic states a busiest-day factor, against the busiest "
         "day: an error, since requests beyond the cap fail. Exceeded only at the high traffic "
         "level: a warning."},
        {"limit.quota", Severity::Error, "Usage above a plan's quota",
         "A free plan's allowance that is a cap, not a free meter (a meter with `cap`: requests, "
         "commands, reads, writes, operations, stored vectors, storage, hours). The usage of "
         "every component drawing on it is summed; a daily cap is compared with the daily "
         "average and with the busiest day the traffic states. An error when usage beyond the "
         "cap fails (`cap = \"fail\"`), a warning when the plan throttles or pauses "
         "(`cap = \"throttle\"`) or when only the high traffic level passes it. The bill shows "
         "such usage as over the cap, never as $0.00. A cap the profile also states as a limit "
         "(`daily_requests`, `storage_gb`) is reported by that limit's rule."},
        {"limit.storage", Severity::Error, "Stored data above the plan's storage cap",
         "Traffic storage GB against the `storage_gb` limit."},
        {"limit.vector-index", Severity::Error, "Vector index above the platform's limits",
         "Dimensions per vector against `vector_dimensions`, stored vectors against `vectors` "
         "(per index) and the component's vector indexes against `vector_indexes` (per "
         "account)."},
        {"feature.websockets", Severity::Error, "WebSockets not available",
         "The workload serves WebSockets (or receives a websocket connection), and the profile "
         "offers none (an error), or offers them only via another product (e.g. Durable Objects) "
         "that the component is not connected to (an error), or terminates each connection "
         "itself but needs another product to coordinate many clients (`coordinate_via`: a "
         "warning). The fix adds and connects that product. A profile that states nothing about "
         "WebSockets gives an info (not stated by the profile)."},
        {"feature.filesystem", Severity::Error, "Filesystem need not met",
         "Temporary files need any local filesystem (an in-memory one per request will do); "
         "persistent files need a persistent one (an ephemeral or in-memory filesystem loses "
         "them on restart: a warning). A profile that states nothing about its filesystem gives "
         "an info (not stated by the profile)."},
        {"feature.background-jobs", Severity::Error,
         "In-process background jobs on a request-scoped runtime",
         "The workload runs an in-process scheduler or background threads, but the profile "
         "states that the platform keeps no process between requests. The fix moves the jobs to "
         "a scheduler component on the platform's own mechanism (its `scheduler` capability: "
         "e.g. Cron Triggers, Cloud Scheduler, EventBridge Scheduler, cron.yaml, timer "
         "triggers, cron job services). A profile that states nothing gives an info."},
        {"feature.scheduled-jobs", Severity::Error, "Scheduled jobs with no mechanism",
         "The workload declares scheduled jobs, no scheduler component calls it, it runs no "
         "in-process scheduler on an always-on platform, and its profile states that the "
         "platform has no scheduler (`scheduler = \"none\"`): an error. A profile that states "
         "nothing about a scheduler gives only an info (not stated by the profile)."},
        {"connection.protocol", Severity::Error, "Connection the platforms cannot make",
         "The protocol is not among the source profile's `outbound` or the target profile's "
         "`inbound` protocols (e.g. a static frontend cannot open a SQL connection). A webhook "
         "is an HTTP callback, so it is carried wherever HTTP is; a host that serves raw `tcp` "
         "(a VM or container platform running a database) serves sql, redis and bolt. A queue "
         "pushing to its consumer uses `queue`, accepted where the consumer's platform consumes "
         "queues. The fix never suggests http for a database or cache."},
        {"connection.pooling", Severity::Warning,
         "Serverless compute opens direct database connections",
         "A request-scoped or scale-to-zero platform connects to a SQL database with neither a "
         "pooler in between (`via`) nor the database's own pooler (`pooled`), and the direct "
         "connections of all its clients (max instances — the workload's, else the platform's "
         "`max_instances` — × connection pool, summed) do not fit the database's "
         "`db_connections`, or cannot be counted. No warning when they fit."},
        {"capacity.db-connections", Severity::Error,
         "More database connections than the plan allows",
         "The sum over clients of max instances (the workload's, else the platform's "
         "`max_instances`) × connection pool, against the database plan's `db_connections` "
         "(direct) or `pooler_connections` (pooled); a pooler in between counts with its own "
         "limit."},
        {"availability.sleeps", Severity::Warning, "Plan sleeps or pauses when idle",
         "The plan stops idle services; the first request after a pause waits for the wake-up. "
         "An error when a p95 latency target is set and the wake-up time exceeds it."},
        {"slo.availability", Severity::Error, "Availability target not met on a request path",
         "The product of the published SLAs along each request path (from an entry point to the "
         "last service) against the availability target; each path below it is an error with "
         "the arithmetic. Components on some path that publish no SLA are named in one info "
         "finding, since those paths cannot be checked. Clients and external APIs are outside "
         "the product."},
        {"slo.latency", Severity::Warning, "Cold start above the p95 latency target",
         "A scale-to-zero service with no minimum instances and a known cold start longer than "
         "the p95 target. The fix keeps one instance warm."},
        {"cost.budget", Severity::Warning, "Monthly bill above the project's budget",
         "The option's total at typical traffic (its known part; a lower bound when some lines "
         "are unknown or over a cap) against the project's monthly budget: a warning with both "
         "figures. Within the budget at typical traffic but above it at the high traffic level: "
         "an info."},
        {"security.secret-value", Severity::Error, "A secret has a stored value",
         "An environment variable marked secret has a value in the project file; project files "
         "are shared and committed, so secrets must be set on the platform, not stored here."},
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
