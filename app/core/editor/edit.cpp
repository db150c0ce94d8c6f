#include "editor/edit.h"

#include "layout/autoarrange.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
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

namespace {

double snapToGrid(double v)
{
    return std::round(v / kGrid) * kGrid;
}

// Where each listed component is drawn: its layout entry, or the place the canvas gives a box
// without one. Unknown ids are skipped.
std::vector<std::pair<QString, LayoutEntry>> positionsOf(const Option &o, const QStringList &ids)
{
    const auto missing = placeMissing(o);
    std::vector<std::pair<QString, LayoutEntry>> result;
    for (const auto &c : o.components) {
        if (!ids.contains(c.id))
            continue;
        if (const auto it = o.layout.find(c.id); it != o.layout.end())
            result.push_back({c.id, it->second});
        else if (const auto m = missing.find(c.id); m != missing.end())
            result.push_back({c.id, m->second});
    }
    return result;
}

// A SetLayout for the entries that differ from where the boxes are now.
Edit layoutEdit(const Option &o, const QString &option,
                const std::vector<std::pair<QString, LayoutEntry>> &before,
                const std::map<QString, LayoutEntry> &after, const QString &text)
{
    Edit e;
    op::SetLayout set{option, {}};
    for (const auto &[id, was] : before) {
        const auto it = after.find(id);
        const bool hasEntry = o.layout.count(id) > 0;
        if (it != after.end() && (!hasEntry || !(it->second == was)))
            set.entries[id] = it->second;
    }
    if (set.entries.empty())
        return e;
    e.text = text;
    e.ops.push_back(std::move(set));
    return e;
}

} // namespace

Edit alignEdit(const Project &p, const QString &option, const QStringList &componentIds,
               Alignment how)
{
    const Option *o = p.option(option);
    if (!o)
        return {};
    const auto before = positionsOf(*o, componentIds);
    if (before.size() < 2)
        return {};
    double left = 1e300, top = 1e300, right = -1e300, bottom = -1e300;
    for (const auto &[id, e] : before) {
        left = std::min(left, e.x);
        top = std::min(top, e.y);
        right = std::max(right, e.x + kBoxWidth);
        bottom = std::max(bottom, e.y + kBoxHeight);
    }
    std::map<QString, LayoutEntry> after;
    for (const auto &[id, e] : before) {
        LayoutEntry n = e;
        switch (how) {
        case Alignment::Left:
            n.x = left;
            break;
        case Alignment::HorizontalCenter:
            n.x = snapToGrid((left + right) / 2 - kBoxWidth / 2);
            break;
        case Alignment::Right:
            n.x = right - kBoxWidth;
            break;
        case Alignment::Top:
            n.y = top;
            break;
        case Alignment::VerticalCenter:
            n.y = snapToGrid((top + bottom) / 2 - kBoxHeight / 2);
            break;
        case Alignment::Bottom:
            n.y = bottom - kBoxHeight;
            break;
        }
        after[id] = n;
    }
    return layoutEdit(*o, option, before, after, tr("Align %1 components").arg(before.size()));
}

Edit distributeEdit(const Project &p, const QString &option, const QStringList &componentIds,
                    Axis axis)
{
    const Option *o = p.option(option);
    if (!o)
        return {};
    auto before = positionsOf(*o, componentIds);
    if (before.size() < 3)
        return {};
    const bool horizontal = axis == Axis::Horizontal;
    auto coord = [horizontal](const LayoutEntry &e) {
        return horizontal ? e.x : e.y;
    };
    auto sorted = before;
    std::stable_sort(sorted.begin(), sorted.end(), [&](const auto &a, const auto &b) {
        return coord(a.second) < coord(b.second);
    });
    const double first = coord(sorted.front().second);
    const double step = (coord(sorted.back().second) - first) / double(sorted.size() - 1);
    std::map<QString, LayoutEntry> after;
    for (size_t i = 0; i < sorted.size(); ++i) {
        LayoutEntry n = sorted[i].second;
        const double v = i + 1 == sorted.size() ? coord(n) : snapToGrid(first + step * double(i));
        (horizontal ? n.x : n.y) = v;
        after[sorted[i].first] = n;
    }
    return layoutEdit(*o, option, before, after, tr("Distribute %1 components").arg(before.size()));
}

Edit arrangeEdit(const Project &p, const QString &option)
{
    const Option *o = p.option(option);
    if (!o)
        return {};
    const auto before = positionsOf(*o, componentIds(*o));
    return layoutEdit(*o, option, before, arrangeByTier(*o), tr("Auto-arrange"));
}

Edit setPinnedEdit(const Project &p, const QString &option, const QStringList &componentIds,
                   bool pinned)
{
    const Option *o = p.option(option);
    if (!o)
        return {};
    const auto before = positionsOf(*o, componentIds);
    std::map<QString, LayoutEntry> after;
    for (const auto &[id, e] : before)
        after[id] = LayoutEntry{e.x, e.y, pinned};
    const QString text
        = before.size() == 1
              ? (pinned ? tr("Pin component") : tr("Unpin component"))
              : (pinned ? tr("Pin %1 components") : tr("Unpin %1 components")).arg(before.size());
    return layoutEdit(*o, option, before, after, text);
}

namespace {
// One update op per element that exists in the option and differs from its current value.
template<typename Element, typename UpdateOp>
Edit updateElementsEdit(const Project &p, const QString &option,
                        const std::vector<Element> &elements,
                        const Element *(Option::*find)(const QString &) const, const QString &text)
{
    Edit e;
    const Option *o = p.option(option);
    if (!o)
        return e;
    for (const auto &element : elements) {
        const Element *now = (o->*find)(element.id);
        if (now && !(*now == element))
            e.ops.push_back(UpdateOp{option, element});
    }
    if (!e.ops.empty())
        e.text = text;
    return e;
}
} // namespace

Edit updateComponentsEdit(const Project &p, const QString &option,
                          const std::vector<Component> &components, const QString &text)
{
    return updateElementsEdit<Component, op::UpdateComponent>(p, option, components,
                                                              &Option::component, text);
}

Edit updateConnectionsEdit(const Project &p, const QString &option,
                           const std::vector<Connection> &connections, const QString &text)
{
    return updateElementsEdit<Connection, op::UpdateConnection>(p, option, connections,
                                                                &Option::connection, text);
}

Edit optionInfoEdit(const Project &p, const QString &option, const QString &name,
                    const QString &description)
{
    Edit e;
    const Option *o = p.option(option);
    if (!o || (o->name == name && o->description == description))
        return e;
    e.text = o->name == name ? tr("Edit description of %1").arg(o->name)
                             : tr("Rename option %1 to %2").arg(o->name, name);
    e.ops.push_back(op::UpdateOptionInfo{option, name, description});
    return e;
}

Edit moveOptionEdit(const Project &p, const QString &option, int index)
{
    Edit e;
    const int from = p.optionIndex(option);
    if (from < 0)
        return e;
    const int to = std::clamp(index, 0, int(p.options.size()) - 1);
    if (to == from)
        return e;
    e.text = tr("Move option %1").arg(p.options[from].name);
    e.ops.push_back(op::MoveOption{option, to});
    return e;
}

Edit reorderOptionsEdit(const Project &p, const QStringList &orderedIds)
{
    Edit e;
    QStringList current = optionIds(p);
    QStringList wanted = orderedIds;
    std::sort(wanted.begin(), wanted.end());
    QStringList sorted = current;
    std::sort(sorted.begin(), sorted.end());
    if (wanted != sorted || orderedIds == current)
        return e;
    for (int i = 0; i < int(orderedIds.size()); ++i) {
        if (current[i] == orderedIds[i])
            continue;
        e.ops.push_back(op::MoveOption{orderedIds[i], i});
        current.move(current.indexOf(orderedIds[i]), i);
    }
    e.text = tr("Reorder options");
    return e;
}

Edit setBaselineEdit(const Project &p, const QString &option)
{
    Edit e;
    const Option *o = p.option(option);
    if (!o || p.baseline == option)
        return e;
    e.text = tr("Make %1 the baseline").arg(o->name);
    e.ops.push_back(op::SetBaseline{option});
    return e;
}

Edit projectInfoEdit(const Project &p, const QString &name, const QString &description,
                     const Assumptions &assumptions)
{
    Edit e;
    if (p.name == name && p.description == description && p.assumptions == assumptions)
        return e;
    e.text = p.assumptions == assumptions ? tr("Edit project details")
                                          : tr("Edit project assumptions");
    e.ops.push_back(op::SetProjectInfo{name, description, assumptions});
    return e;
}

} // namespace stackplan
