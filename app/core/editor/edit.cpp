#include "editor/edit.h"

#include <QCoreApplication>

#include <set>

namespace stackplan {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("stackplan::Edit", text);
}

QString connectionIdFor(const Option &o, const QString &from, const QString &to,
                        const QStringList &extraTaken = {})
{
    return uniqueId(from + QStringLiteral("-to-") + to, connectionIds(o) + extraTaken);
}

} // namespace

Edit addComponentEdit(const Project &p, const QString &option, Component c, LayoutEntry pos)
{
    Edit e;
    const Option *o = p.option(option);
    if (!o)
        return e;
    if (c.name.trimmed().isEmpty())
        c.name = roleLabel(c.role);
    c.id = uniqueId(c.id.isEmpty() ? slugify(c.name) : c.id, componentIds(*o));
    e.text = tr("Add %1").arg(c.name);
    e.ops.push_back(op::AddComponent{option, std::move(c), -1, pos});
    return e;
}

Edit removeElementsEdit(const Project &p, const QString &option, const QStringList &componentIds,
                        const QStringList &connectionIds)
{
    Edit e;
    const Option *o = p.option(option);
    if (!o)
        return e;
    std::set<QString> comps(componentIds.begin(), componentIds.end());
    std::set<QString> conns(connectionIds.begin(), connectionIds.end());
    // Keep the model's order so undo restores every element at its index.
    for (const auto &c : o->connections) {
        const bool touches = comps.count(c.from) || comps.count(c.to) || comps.count(c.via);
        if (touches || conns.count(c.id))
            e.ops.push_back(op::RemoveConnection{option, c.id});
    }
    int removed = 0;
    for (const auto &c : o->components) {
        if (comps.count(c.id)) {
            e.ops.push_back(op::RemoveComponent{option, c.id});
            ++removed;
        }
    }
    if (removed == 1 && e.ops.size() >= 1) {
        const auto *c = o->component(*comps.begin());
        e.text = tr("Delete %1").arg(c ? c->name : *comps.begin());
    } else if (removed > 1) {
        e.text = tr("Delete %1 components").arg(removed);
    } else {
        e.text = tr("Delete connection");
    }
    return e;
}

Edit connectEdit(const Project &p, const QString &option, const QString &from, const QString &to,
                 std::optional<Protocol> protocol)
{
    Edit e;
    const Option *o = p.option(option);
    if (!o)
        return e;
    const Component *a = o->component(from);
    const Component *b = o->component(to);
    if (!a || !b || from == to)
        return e;
    Connection c;
    c.id = connectionIdFor(*o, from, to);
    c.from = from;
    c.to = to;
    c.protocol = protocol.value_or(defaultProtocol(a->role, b->role));
    e.text = tr("Connect %1 to %2").arg(a->name, b->name);
    e.ops.push_back(op::AddConnection{option, c, -1});
    return e;
}

Edit moveEdit(const Project &p, const QString &option, const std::map<QString, LayoutEntry> &to)
{
    Edit e;
    if (!p.option(option) || to.empty())
        return e;
    op::SetLayout set{option, {}};
    for (const auto &[id, entry] : to)
        set.entries[id] = entry;
    e.text = to.size() == 1 ? tr("Move component") : tr("Move %1 components").arg(to.size());
    e.ops.push_back(std::move(set));
    return e;
}

Edit updateComponentEdit(const Project &p, const QString &option, const Component &c,
                         const QString &text)
{
    Edit e;
    const Option *o = p.option(option);
    if (!o || !o->component(c.id) || *o->component(c.id) == c)
        return e;
    e.text = text;
    e.ops.push_back(op::UpdateComponent{option, c});
    return e;
}

Edit duplicateOptionEdit(const Project &p, const QString &option, const QString &newName)
{
    Edit e;
    const Option *o = p.option(option);
    if (!o)
        return e;
    Option copy = *o;
    copy.name = newName.trimmed().isEmpty() ? tr("%1 (copy)").arg(o->name) : newName;
    copy.id = uniqueId(slugify(copy.name), optionIds(p));
    e.text = tr("Duplicate option %1").arg(o->name);
    e.ops.push_back(op::AddOption{std::move(copy), p.optionIndex(option) + 1});
    return e;
}

Edit addOptionEdit(const Project &p, const QString &name)
{
    Edit e;
    Option o;
    o.name = name.trimmed().isEmpty() ? tr("Option %1").arg(p.options.size() + 1) : name;
    o.id = uniqueId(slugify(o.name), optionIds(p));
    e.text = tr("Add option %1").arg(o.name);
    e.ops.push_back(op::AddOption{std::move(o), -1});
    return e;
}

Edit removeOptionEdit(const Project &p, const QString &option)
{
    Edit e;
    const Option *o = p.option(option);
    if (!o || p.options.size() < 2)
        return e;
    e.text = tr("Delete option %1").arg(o->name);
    if (p.baseline == option) {
        const auto &next = p.options[0].id == option ? p.options[1] : p.options[0];
        e.ops.push_back(op::SetBaseline{next.id});
    }
    e.ops.push_back(op::RemoveOption{option});
    return e;
}

Clipboard copyElements(const Option &option, const QStringList &componentIds)
{
    Clipboard clip;
    std::set<QString> ids(componentIds.begin(), componentIds.end());
    for (const auto &c : option.components) {
        if (!ids.count(c.id))
            continue;
        clip.components.push_back(c);
        if (const auto it = option.layout.find(c.id); it != option.layout.end())
            clip.layout[c.id] = it->second;
    }
    for (const auto &c : option.connections) {
        if (ids.count(c.from) && ids.count(c.to) && (c.via.isEmpty() || ids.count(c.via)))
            clip.connections.push_back(c);
    }
    return clip;
}

Edit pasteEdit(const Project &p, const QString &option, const Clipboard &clip, double dx, double dy,
               QStringList *newIds)
{
    Edit e;
    const Option *o = p.option(option);
    if (!o || clip.components.empty())
        return e;
    QStringList taken = componentIds(*o);
    std::map<QString, QString> rename;
    for (const auto &c : clip.components) {
        Component copy = c;
        copy.id = uniqueId(c.id, taken);
        taken << copy.id;
        rename[c.id] = copy.id;
        std::optional<LayoutEntry> pos;
        if (const auto it = clip.layout.find(c.id); it != clip.layout.end())
            pos = LayoutEntry{it->second.x + dx, it->second.y + dy, false};
        if (newIds)
            *newIds << copy.id;
        e.ops.push_back(op::AddComponent{option, std::move(copy), -1, pos});
    }
    QStringList takenConnections;
    for (const auto &c : clip.connections) {
        Connection copy = c;
        copy.from = rename[c.from];
        copy.to = rename[c.to];
        if (!c.via.isEmpty())
            copy.via = rename[c.via];
        copy.id = connectionIdFor(*o, copy.from, copy.to, takenConnections);
        takenConnections << copy.id;
        e.ops.push_back(op::AddConnection{option, std::move(copy), -1});
    }
    e.text = clip.components.size() == 1 ? tr("Paste %1").arg(clip.components.front().name)
                                         : tr("Paste %1 components").arg(clip.components.size());
    return e;
}

} // namespace stackplan
