#include "model/project.h"

#include <QRegularExpression>

namespace stackplan {

namespace {

template<typename Vec, typename Id>
int indexById(const Vec &items, const Id &id)
{
    for (int i = 0; i < int(items.size()); ++i)
        if (items[i].id == id)
            return i;
    return -1;
}

} // namespace

const Component *Option::component(const QString &componentId) const
{
    const int i = componentIndex(componentId);
    return i < 0 ? nullptr : &components[i];
}

Component *Option::component(const QString &componentId)
{
    const int i = componentIndex(componentId);
    return i < 0 ? nullptr : &components[i];
}

int Option::componentIndex(const QString &componentId) const
{
    return indexById(components, componentId);
}

const Connection *Option::connection(const QString &connectionId) const
{
    const int i = connectionIndex(connectionId);
    return i < 0 ? nullptr : &connections[i];
}

Connection *Option::connection(const QString &connectionId)
{
    const int i = connectionIndex(connectionId);
    return i < 0 ? nullptr : &connections[i];
}

int Option::connectionIndex(const QString &connectionId) const
{
    return indexById(connections, connectionId);
}

std::vector<const Connection *> Option::connectionsOf(const QString &componentId) const
{
    std::vector<const Connection *> result;
    for (const auto &c : connections)
        if (c.from == componentId || c.to == componentId || c.via == componentId)
            result.push_back(&c);
    return result;
}

const Option *Project::option(const QString &optionId) const
{
    const int i = optionIndex(optionId);
    return i < 0 ? nullptr : &options[i];
}

Option *Project::option(const QString &optionId)
{
    const int i = optionIndex(optionId);
    return i < 0 ? nullptr : &options[i];
}

int Project::optionIndex(const QString &optionId) const
{
    return indexById(options, optionId);
}

const Option *Project::findOption(const QString &idOrName) const
{
    if (const auto *o = option(idOrName))
        return o;
    for (const auto &o : options)
        if (o.name == idOrName)
            return &o;
    return nullptr;
}

bool isValidId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"));
    return id.size() <= 80 && re.match(id).hasMatch();
}

QString slugify(const QString &name)
{
    QString out;
    bool dash = false;
    for (const QChar ch : name.normalized(QString::NormalizationForm_KD)) {
        if (ch.isLetterOrNumber() && ch.unicode() < 128) {
            if (dash && !out.isEmpty())
                out += QLatin1Char('-');
            out += ch.toLower();
            dash = false;
        } else if (ch.category() != QChar::Mark_NonSpacing) {
            dash = true;
        }
    }
    out.truncate(60);
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("item") : out;
}

namespace {

// `base` as an id (slugified if it is not one), with -2, -3, … appended until it is not taken.
template<typename Taken>
QString firstFreeId(const QString &base, const Taken &taken)
{
    const QString stem = isValidId(base) ? base : slugify(base);
    if (!taken.contains(stem))
        return stem;
    for (int n = 2;; ++n) {
        const QString candidate = stem + QLatin1Char('-') + QString::number(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

} // namespace

QString uniqueId(const QString &base, const QStringList &taken)
{
    return firstFreeId(base, taken);
}

QString uniqueIdInSet(const QString &base, const QSet<QString> &taken)
{
    return firstFreeId(base, taken);
}

QStringList componentIds(const Option &option)
{
    QStringList ids;
    ids.reserve(int(option.components.size()));
    for (const auto &c : option.components)
        ids << c.id;
    return ids;
}

QStringList connectionIds(const Option &option)
{
    QStringList ids;
    ids.reserve(int(option.connections.size()));
    for (const auto &c : option.connections)
        ids << c.id;
    return ids;
}

QStringList optionIds(const Project &project)
{
    QStringList ids;
    for (const auto &o : project.options)
        ids << o.id;
    return ids;
}

} // namespace stackplan
