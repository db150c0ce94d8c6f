#pragma once

#include "model/types.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace stackplan {

// Plain value types of the project model (DESIGN.md, "The model"). They hold no behaviour beyond
// lookups; every mutation of a live project goes through ProjectEditor.

struct EnvVar {
    QString name;
    bool secret = false;
    QString value; // only for non-secret defaults; a stored secret value is a finding
    bool operator==(const EnvVar &) const = default;
};

struct Workload {
    QString language;       // e.g. python, typescript, static
    QString runtimeVersion; // e.g. 3.11
    QString framework;      // e.g. fastapi
    QStringList packages;   // dependency names
    std::optional<double> memoryMb;
    std::optional<double> cpuMsPerRequest;
    std::optional<double> requestMs;       // typical wall-clock duration of a request
    std::optional<double> longestRequestS; // longest request (streaming, long AI calls)
    std::optional<double> artifactMb;      // deployable bundle / image size
    std::optional<double> vcpu;
    std::optional<double> hoursPerMonth; // running hours per month, when known
    bool websockets = false;
    bool streaming = false;
    FilesystemNeed filesystem = FilesystemNeed::None;
    bool backgroundJobs = false;       // in-process scheduler or background threads
    QStringList scheduledJobs;         // cron expressions or job names
    std::optional<int> connectionPool; // outbound (database) connection pool per instance
    std::optional<int> minInstances;
    std::optional<int> maxInstances;
    std::optional<int> port;
    QStringList routes;
    QString startCommand; // how the process starts (e.g. "uvicorn main:app --port 8080")
    QString healthPath;   // HTTP path that answers 200 when the service is healthy
    bool operator==(const Workload &) const = default;
};

struct Traffic {
    std::optional<double> requestsPerMonth;
    std::optional<double> egressGb;
    std::optional<double> storageGb;
    std::optional<double> readsPerMonth;
    std::optional<double> writesPerMonth;
    std::optional<double> vectorsStored;
    std::optional<double> vectorQueriesPerMonth;
    std::optional<int> vectorDimensions;
    std::optional<double> neuronsPerMonth;
    std::optional<int> vectorIndexes;                // indexes this component needs
    std::optional<double> websocketMessagesPerMonth; // incoming WebSocket messages
    std::optional<double> messageKb;                 // typical message / operation size
    std::optional<int> readReplicas;                 // regions each write is copied to
    std::optional<double> busiestDayFactor;          // busiest day ÷ average day (≥ 1)
    bool operator==(const Traffic &) const = default;
};

struct Binding {
    QString profile;
    QString plan;
    QString instance;
    bool isBound() const { return !profile.isEmpty(); }
    bool operator==(const Binding &) const = default;
};

struct Component {
    QString id;
    QString name;
    Role role = Role::Backend;
    QString description;
    Workload workload;
    Traffic traffic;
    std::vector<EnvVar> env;
    QString region;
    QString domain; // public host name (custom domain), e.g. api.example.com
    Binding binding;
    bool operator==(const Component &) const = default;
};

struct Connection {
    QString id;
    QString from;
    QString to;
    Protocol protocol = Protocol::Http;
    QString via;         // id of an intermediary component (e.g. a connection pooler)
    bool pooled = false; // goes through the target's own pooler
    bool operator==(const Connection &) const = default;
};

struct LayoutEntry {
    double x = 0;
    double y = 0;
    bool pinned = false;
    bool operator==(const LayoutEntry &) const = default;
};

struct Option {
    QString id;
    QString name;
    QString description;
    std::vector<Component> components;
    std::vector<Connection> connections;
    std::map<QString, LayoutEntry> layout; // component id → position, kept apart from semantics

    const Component *component(const QString &componentId) const;
    Component *component(const QString &componentId);
    int componentIndex(const QString &componentId) const;
    const Connection *connection(const QString &connectionId) const;
    Connection *connection(const QString &connectionId);
    int connectionIndex(const QString &connectionId) const;
    // Connections that start at, end at or pass via the component.
    std::vector<const Connection *> connectionsOf(const QString &componentId) const;
    bool operator==(const Option &) const = default;
};

struct Slo {
    std::optional<double> p50Ms;
    std::optional<double> p95Ms;
    std::optional<double> availabilityPct;
    bool operator==(const Slo &) const = default;
};

struct Assumptions {
    double trafficLow = 0.5; // multipliers of each component's stated traffic
    double trafficTypical = 1.0;
    double trafficHigh = 3.0;
    std::optional<double> monthlyBudget; // USD
    Slo slo;
    bool operator==(const Assumptions &) const = default;
};

struct Project {
    QString name;
    QString description;
    Assumptions assumptions;
    std::vector<Option> options;
    QString baseline; // option id

    const Option *option(const QString &optionId) const;
    Option *option(const QString &optionId);
    int optionIndex(const QString &optionId) const;
    // Finds an option by id or, failing that, by exact name.
    const Option *findOption(const QString &idOrName) const;
    bool operator==(const Project &) const = default;
};

// Ids are lowercase words joined by dashes: stable, readable, and safe in file names and URLs.
bool isValidId(const QString &id);
// A readable id derived from a name ("FastAPI backend" → "fastapi-backend").
QString slugify(const QString &name);
// `base` made unique against `taken` by appending -2, -3, ...
QString uniqueId(const QString &base, const QStringList &taken);
QString uniqueIdInSet(const QString &base, const QSet<QString> &taken);
QStringList componentIds(const Option &option);
QStringList connectionIds(const Option &option);
QStringList optionIds(const Project &project);

} // namespace stackplan
