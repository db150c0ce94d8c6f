#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace stackplan {

// The closed vocabularies of the model. Each enum has a stable string id used in files, the
// CLI and profiles, and a human label for the UI.

enum class Role {
    Client,
    Frontend,
    Proxy,
    Backend,
    Worker,
    Scheduler,
    Database,
    Cache,
    ObjectStorage,
    VectorIndex,
    Queue,
    ExternalApi,
};

inline constexpr std::array kAllRoles = {
    Role::Client,        Role::Frontend,    Role::Proxy,    Role::Backend,
    Role::Worker,        Role::Scheduler,   Role::Database, Role::Cache,
    Role::ObjectStorage, Role::VectorIndex, Role::Queue,    Role::ExternalApi,
};

enum class Protocol {
    Http,
    WebSocket,
    Grpc,
    Sql,
    Redis,
    S3,
    Binding,
    Webhook,
    Queue,
    Bolt,
    Tcp,
};

inline constexpr std::array kAllProtocols = {
    Protocol::Http,  Protocol::WebSocket, Protocol::Grpc,    Protocol::Sql,
    Protocol::Redis, Protocol::S3,        Protocol::Binding, Protocol::Webhook,
    Protocol::Queue, Protocol::Bolt,      Protocol::Tcp,
};

// What a workload needs from the local filesystem.
enum class FilesystemNeed {
    None,       // no local files
    Temporary,  // scratch files within a request (e.g. running generated code)
    Persistent, // files that must survive restarts
};

inline constexpr std::array kAllFilesystemNeeds
    = {FilesystemNeed::None, FilesystemNeed::Temporary, FilesystemNeed::Persistent};

QString roleId(Role role);
QString roleLabel(Role role);
std::optional<Role> roleFromId(const QString &id);
QStringList roleIds();
bool isValidRole(Role role);

QString protocolId(Protocol protocol);
std::optional<Protocol> protocolFromId(const QString &id);
QStringList protocolIds();
bool isValidProtocol(Protocol protocol);

QString filesystemNeedId(FilesystemNeed need);
std::optional<FilesystemNeed> filesystemNeedFromId(const QString &id);
QStringList filesystemNeedIds();

// The protocol a new connection gets from the roles of its two ends (frontend → backend: http;
// backend → database: sql; ...).
Protocol defaultProtocol(Role from, Role to);

} // namespace stackplan
