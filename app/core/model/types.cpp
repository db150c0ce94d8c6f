#include "model/types.h"

namespace stackplan {

namespace {

struct RoleName {
    Role role;
    const char *id;
    const char *label;
};

constexpr RoleName kRoleNames[] = {
    {Role::Client, "client", "Client"},
    {Role::Frontend, "frontend", "Frontend"},
    {Role::Proxy, "proxy", "Proxy"},
    {Role::Backend, "backend", "Backend"},
    {Role::Worker, "worker", "Worker"},
    {Role::Scheduler, "scheduler", "Scheduler"},
    {Role::Database, "database", "Database"},
    {Role::Cache, "cache", "Cache / KV"},
    {Role::ObjectStorage, "object-storage", "Object storage"},
    {Role::VectorIndex, "vector-index", "Vector index"},
    {Role::Queue, "queue", "Queue"},
    {Role::ExternalApi, "external-api", "External API"},
};

struct ProtocolName {
    Protocol protocol;
    const char *id;
};

constexpr ProtocolName kProtocolNames[] = {
    {Protocol::Http, "http"},       {Protocol::WebSocket, "websocket"},
    {Protocol::Grpc, "grpc"},       {Protocol::Sql, "sql"},
    {Protocol::Redis, "redis"},     {Protocol::S3, "s3"},
    {Protocol::Binding, "binding"}, {Protocol::Webhook, "webhook"},
    {Protocol::Queue, "queue"},     {Protocol::Bolt, "bolt"},
    {Protocol::Tcp, "tcp"},
};

constexpr const char *kFilesystemIds[] = {"none", "temporary", "persistent"};

} // namespace

QString roleId(Role role)
{
    for (const auto &n : kRoleNames)
        if (n.role == role)
            return QString::fromLatin1(n.id);
    return {};
}

QString roleLabel(Role role)
{
    for (const auto &n : kRoleNames)
        if (n.role == role)
            return QString::fromLatin1(n.label);
    return {};
}

std::optional<Role> roleFromId(const QString &id)
{
    for (const auto &n : kRoleNames)
        if (id == QLatin1String(n.id))
            return n.role;
    return std::nullopt;
}

QStringList roleIds()
{
    QStringList ids;
    for (const auto &n : kRoleNames)
        ids << QString::fromLatin1(n.id);
    return ids;
}

bool isValidRole(Role role)
{
    return !roleId(role).isEmpty();
}

QString protocolId(Protocol protocol)
{
    for (const auto &n : kProtocolNames)
        if (n.protocol == protocol)
            return QString::fromLatin1(n.id);
    return {};
}

std::optional<Protocol> protocolFromId(const QString &id)
{
    for (const auto &n : kProtocolNames)
        if (id == QLatin1String(n.id))
            return n.protocol;
    return std::nullopt;
}

QStringList protocolIds()
{
    QStringList ids;
    for (const auto &n : kProtocolNames)
        ids << QString::fromLatin1(n.id);
    return ids;
}

bool isValidProtocol(Protocol protocol)
{
    return !protocolId(protocol).isEmpty();
}

QString filesystemNeedId(FilesystemNeed need)
{
    const auto i = static_cast<int>(need);
    if (i < 0 || i >= int(std::size(kFilesystemIds)))
        return {};
    return QString::fromLatin1(kFilesystemIds[i]);
}

std::optional<FilesystemNeed> filesystemNeedFromId(const QString &id)
{
    for (const auto need : kAllFilesystemNeeds)
        if (filesystemNeedId(need) == id)
            return need;
    return std::nullopt;
}

QStringList filesystemNeedIds()
{
    QStringList ids;
    for (const auto need : kAllFilesystemNeeds)
        ids << filesystemNeedId(need);
    return ids;
}

Protocol defaultProtocol(Role from, Role to)
{
    switch (to) {
    case Role::Database:
        return Protocol::Sql;
    case Role::Cache:
        return from == Role::Client ? Protocol::Http : Protocol::Redis;
    case Role::ObjectStorage:
        return from == Role::Client || from == Role::Frontend ? Protocol::Http : Protocol::S3;
    case Role::Queue:
        return Protocol::Queue;
    case Role::VectorIndex:
        return Protocol::Http;
    default:
        break;
    }
    if (from == Role::ExternalApi)
        return Protocol::Webhook;
    // A queue pushes its messages to the consumer.
    if (from == Role::Queue)
        return Protocol::Queue;
    return Protocol::Http;
}

} // namespace stackplan
