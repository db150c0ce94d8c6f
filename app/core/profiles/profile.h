#pragma once

#include "model/types.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace stackplan {

// A platform profile as loaded from TOML (profiles/README.md is the schema). Pure data: rules
// and the bill engine read these fields generically and never test a profile's id.

struct Fact {
    QString source; // https URL
    QDate checked;
    QString note;
    // Facts checked more than 12 months before `today` are shown as stale.
    bool isStale(const QDate &today) const
    {
        return checked.isValid() && checked.addMonths(12) < today;
    }
    bool operator==(const Fact &) const = default;
};

struct Limit {
    double value = 0;
    std::optional<double> max; // configurable maximum, when the value is a default
    // The value is only the most the plan autoscales to, never a size a service runs at: the
    // bill does not take it as the size of an unsized workload.
    bool ceiling = false;
    Fact fact;
};
using Limits = std::map<QString, Limit>;

// Known limit keys and their units (the closed set of the schema).
struct LimitKeyInfo {
    const char *key;
    const char *unit;
    const char *label;
};
const std::vector<LimitKeyInfo> &limitKeys();
const LimitKeyInfo *limitKeyInfo(const QString &key);

template<typename T>
struct Sourced {
    T value{};
    Fact fact;
};

struct ViaValue {
    QString value; // mode or mechanism name
    QString via;   // profile id that provides it
    // WebSockets: the profile whose product coordinates many clients (shared state, broadcast)
    // when the platform itself terminates each connection on its own.
    QString coordinateVia;
};

struct PackagesValue {
    QString mode; // any | wasm-wheels
    QStringList unsupported;
};

struct SleepValue {
    bool sleeps = false;
    std::optional<double> afterMin;
    std::optional<double> wakeS;
};

struct Capabilities {
    std::optional<Sourced<QStringList>> runtimes;
    std::optional<Sourced<PackagesValue>> packages;
    std::optional<Sourced<ViaValue>> websockets; // native | via | none
    std::optional<Sourced<QString>> filesystem;  // none | in-memory | ephemeral | persistent
    std::optional<Sourced<bool>> backgroundJobs;
    std::optional<Sourced<ViaValue>> scheduler;
    std::optional<Sourced<bool>> outboundTcp;
    std::optional<Sourced<QString>>
        execution; // request-scoped | serverless-container | always-on | static | managed
    std::optional<Sourced<bool>> scaleToZero;
    std::optional<Sourced<SleepValue>> sleep;
    std::optional<Sourced<double>> coldStartMs;
    std::optional<Sourced<bool>> edge;
    std::optional<Sourced<double>> sla;
    std::optional<Sourced<QStringList>> inbound;
    std::optional<Sourced<QStringList>> outbound;
    std::optional<Sourced<QString>> pooler;
    std::optional<Sourced<ViaValue>> sqlPooler;

    // Fields set in `over` replace those here.
    void overrideWith(const Capabilities &over);
};

struct Tier {
    std::optional<double> upTo; // cumulative quantity; none for the last tier
    double price = 0;           // per `per` units
};

// What happens to usage beyond a meter's included quantity when the plan sells no more.
enum class MeterCap {
    None,     // billed at the meter's price (the usual case)
    Fail,     // a hard quota: requests beyond it fail
    Throttle, // the plan throttles, pauses or suspends the service beyond it
};

// Whose allowance `included` is.
enum class AllowanceScope {
    Account,   // one allowance for the whole account, shared by its components (default)
    Component, // each component bound to the plan (a project, database or service) has its own
    Instance,  // each running instance of each component has its own
};

struct Meter {
    QString usage;
    std::optional<double> price; // per `per` units; none when unknown
    double per = 1;
    double included = 0;
    bool includedPerDay = false;
    AllowanceScope includedPer = AllowanceScope::Account;
    MeterCap cap = MeterCap::None;
    QString basis; // request | instance | empty
    std::vector<Tier> tiers;
    std::optional<double> memoryMb;
    double mbPerGb = 1024; // how the vendor converts MB to the GB it bills (1000 or 1024)
    // Billing units and conversions the vendor publishes (profiles/README.md, "Meters").
    std::optional<double> roundUp;        // the account's billable quantity, in these units
    std::optional<double> roundUpEach;    // each component's quantity, in these units
    std::optional<double> durationUnitMs; // each request's duration, rounded up to this
    std::optional<double> websocketMessagesPerUnit; // incoming WebSocket messages per unit
    std::optional<double> sizeUnitKb; // each operation counts once per started unit of size
    bool replicatedWrites = false;    // writes count once more per read replica
    bool countStoredVectors = false;  // each query also counts every stored vector
    Fact fact;
    bool priceKnown() const { return price.has_value() || !tiers.empty(); }
};

struct Fee {
    double amount = 0; // USD per month, per account
    QString key;
    Fact fact;
};

struct Credit {
    double amount = 0;     // USD per month
    QStringList appliesTo; // usages
    Fact fact;
};

// Roles a plan or instance type is offered for (e.g. a free instance type sold only for web
// services), when narrower than the profile's.
using RoleRestriction = std::optional<Sourced<std::vector<Role>>>;

struct Instance {
    QString id;
    QString name;
    QString description;
    QString deployName; // the size's name in deployment configs, when it differs from `id`
    RoleRestriction roles;
    Limits limits;
    std::vector<Meter> meters;
};

struct Plan {
    QString id;
    QString name;
    QString description;
    QString deployName; // the plan's name in deployment configs, when it differs from `id`
    QStringList requiredFees; // fee keys named by `requires`
    RoleRestriction roles;
    std::optional<Sourced<double>> monthHours; // overrides the profile's
    std::optional<Fee> fee;
    std::optional<Credit> credits;
    Limits limits;
    Capabilities capabilities; // overrides of the profile's
    std::vector<Meter> meters;
    std::vector<Instance> instances;

    const Instance *instance(const QString &id) const;
};

// How a component bound to the profile is deployed (profiles/README.md, "Deployment"): the
// deployment target (a file format the exporter knows) and what the component is within it.
struct Deploy {
    // The file format written, one of deployTargets() (profiles/README.md, "Deployment").
    QString target;
    QString kind;              // what it is within the target (worker, kv, service, web, ...)
    QString cli;               // the platform's command-line tool, as DEPLOY.md's steps call it
    QStringList regions;       // region ids the config file accepts (empty: not checked)
    QStringList flags;         // wrangler compatibility flags
    QString compatibilityDate; // wrangler compatibility_date
    QString note;              // shown in DEPLOY.md
};

struct Profile {
    QString id;
    QString name;
    QString vendor;
    QString category;
    std::vector<Role> roles;
    QString docs;
    QString account;
    QString color;
    QString description;
    QStringList notes;
    // The vendor's own web domains (and code-hosting paths such as github.com/vendor): a fact
    // sourced elsewhere must say why in its note (isVendorSource).
    QStringList domains;
    // Hours in the month the vendor bills (e.g. 720 for "per 30 days"); none: the default 730.
    std::optional<Sourced<double>> monthHours;
    Capabilities capabilities;
    Limits limits;
    std::vector<Plan> plans;
    std::optional<Deploy> deploy; // none: Stackplan has no deployment target for it
    QString origin;               // file it was loaded from

    const Plan *plan(const QString &id) const;
    bool canHost(Role role) const;
    // True when `url` is on one of `domains` (a host or any subdomain of it, or a host/path
    // prefix such as github.com/cloudflare/).
    bool isVendorSource(const QString &url) const;
};

// The effective facts of a binding: profile facts overridden by the plan's, overridden by the
// instance type's.
struct ResolvedBinding {
    const Profile *profile = nullptr;
    const Plan *plan = nullptr;
    const Instance *instance = nullptr;
    Limits limits;
    Capabilities capabilities;
    std::vector<Meter> meters;

    bool isValid() const { return profile && plan; }
    const Limit *limit(const QString &key) const;
    // The narrowest role restriction: the instance type's, else the plan's; null if none.
    const Sourced<std::vector<Role>> *roleRestriction() const;
    // Whether the binding may host the role: the profile's roles and any plan/instance restriction.
    bool canHost(Role role) const;
    // Hours of the billing month (plan, else profile, else 730).
    double monthHours() const;
};

ResolvedBinding resolve(const Profile &profile, const Plan &plan, const Instance *instance);

// Closed vocabularies of the schema.
const QStringList &profileCategories();
const QStringList &meterUsages();
const QStringList &runtimeIds();
// Deployment targets and, for each, the kinds of component it knows.
const std::map<QString, QStringList> &deployTargets();
// Keyword a fact's note must contain when its source is not on the vendor's domains.
inline constexpr const char *kSecondarySourceMarker = "secondary source";

} // namespace stackplan
