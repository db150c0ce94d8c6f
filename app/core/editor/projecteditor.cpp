#include "editor/projecteditor.h"

#include "io/projectfile.h"

#include <type_traits>

namespace stackplan {

// A change to report once the whole edit has succeeded.
struct ProjectEditor::Note {
    enum Kind {
        ComponentAdded,
        ComponentRemoved,
        ComponentChanged,
        ConnectionAdded,
        ConnectionRemoved,
        ConnectionChanged,
        LayoutChanged,
        OptionAdded,
        OptionRemoved,
        OptionChanged,
        OptionsReordered,
        BaselineChanged,
        ProjectInfoChanged,
    } kind;
    QString option;
    QString id;
    QStringList ids;
};

ProjectEditor::ProjectEditor(QObject *parent) : QObject(parent)
{
    Option o;
    o.id = QStringLiteral("option-1");
    o.name = tr("Option 1");
    m_project.name = tr("Untitled");
    m_project.options.push_back(o);
    m_project.baseline = o.id;
}

ProjectEditor::ProjectEditor(Project project, QObject *parent)
    : QObject(parent), m_project(std::move(project))
{
}

void ProjectEditor::reset(Project project)
{
    m_project = std::move(project);
    emit projectReset();
    emit changed();
}

ProjectEditor::Result ProjectEditor::apply(const Edit &edit)
{
    Result result;
    Edit inverse;
    inverse.text = edit.text;
    std::vector<Note> notes;
    for (const auto &op : edit.ops) {
        QString error;
        auto inv = applyOne(op, &error, &notes);
        if (!inv) {
            // Roll back what was applied, newest first, so the project is exactly as before.
            for (auto it = inverse.ops.rbegin(); it != inverse.ops.rend(); ++it) {
                QString ignored;
                applyOne(*it, &ignored, nullptr);
            }
            result.error = error;
            return result;
        }
        inverse.ops.push_back(std::move(*inv));
    }
    std::reverse(inverse.ops.begin(), inverse.ops.end());
    result.inverse = std::move(inverse);

    for (const auto &n : notes) {
        switch (n.kind) {
        case Note::ComponentAdded:
            emit componentAdded(n.option, n.id);
            break;
        case Note::ComponentRemoved:
            emit componentRemoved(n.option, n.id);
            break;
        case Note::ComponentChanged:
            emit componentChanged(n.option, n.id);
            break;
        case Note::ConnectionAdded:
            emit connectionAdded(n.option, n.id);
            break;
        case Note::ConnectionRemoved:
            emit connectionRemoved(n.option, n.id);
            break;
        case Note::ConnectionChanged:
            emit connectionChanged(n.option, n.id);
            break;
        case Note::LayoutChanged:
            emit layoutChanged(n.option, n.ids);
            break;
        case Note::OptionAdded:
            emit optionAdded(n.id);
            break;
        case Note::OptionRemoved:
            emit optionRemoved(n.id);
            break;
        case Note::OptionChanged:
            emit optionChanged(n.id);
            break;
        case Note::OptionsReordered:
            emit optionsReordered();
            break;
        case Note::BaselineChanged:
            emit baselineChanged(n.id);
            break;
        case Note::ProjectInfoChanged:
            emit projectInfoChanged();
            break;
        }
    }
    if (!edit.ops.empty())
        emit changed();
    return result;
}

namespace {

QString checkComponent(const Component &c)
{
    if (!isValidId(c.id))
        return QStringLiteral("invalid component id \"%1\"").arg(c.id.left(80));
    if (!isValidRole(c.role))
        return QStringLiteral("component \"%1\" has an unknown role").arg(c.id);
    if (c.workload.minInstances && c.workload.maxInstances
        && *c.workload.minInstances > *c.workload.maxInstances)
        return QStringLiteral("min instances exceed max instances on \"%1\"").arg(c.id);
    if (!c.workload.healthPath.isEmpty() && !c.workload.healthPath.startsWith(QLatin1Char('/')))
        return QStringLiteral("health path of \"%1\" must start with \"/\"").arg(c.id);
    return {};
}

QString checkConnection(const Option &o, const Connection &c)
{
    if (!isValidId(c.id))
        return QStringLiteral("invalid connection id \"%1\"").arg(c.id.left(80));
    if (!isValidProtocol(c.protocol))
        return QStringLiteral("connection \"%1\" has an unknown protocol").arg(c.id);
    if (!o.component(c.from))
        return QStringLiteral("connection from missing component \"%1\"").arg(c.from);
    if (!o.component(c.to))
        return QStringLiteral("connection to missing component \"%1\"").arg(c.to);
    if (c.from == c.to)
        return QStringLiteral("a connection cannot start and end at \"%1\"").arg(c.from);
    if (!c.via.isEmpty() && !o.component(c.via))
        return QStringLiteral("connection via missing component \"%1\"").arg(c.via);
    return {};
}

} // namespace

std::optional<EditOp> ProjectEditor::applyOne(const EditOp &anyOp, QString *error,
                                              std::vector<Note> *notes)
{
    auto note = [notes](Note n) {
        if (notes)
            notes->push_back(std::move(n));
    };
    auto optionOrFail = [&](const QString &id) -> Option * {
        Option *o = m_project.option(id);
        if (!o)
            *error = QStringLiteral("no option \"%1\"").arg(id);
        return o;
    };

    return std::visit(
        [&](const auto &op) -> std::optional<EditOp> {
            using T = std::decay_t<decltype(op)>;
            if constexpr (std::is_same_v<T, op::AddComponent>) {
                Option *o = optionOrFail(op.option);
                if (!o)
                    return std::nullopt;
                if (const QString e = checkComponent(op.component); !e.isEmpty()) {
                    *error = e;
                    return std::nullopt;
                }
                if (o->component(op.component.id)) {
                    *error = QStringLiteral("duplicate component id \"%1\"").arg(op.component.id);
                    return std::nullopt;
                }
                const int n = int(o->components.size());
                const int index = op.index < 0 || op.index > n ? n : op.index;
                o->components.insert(o->components.begin() + index, op.component);
                if (op.position)
                    o->layout[op.component.id] = *op.position;
                note({Note::ComponentAdded, op.option, op.component.id, {}});
                return op::RemoveComponent{op.option, op.component.id};
            } else if constexpr (std::is_same_v<T, op::RemoveComponent>) {
                Option *o = optionOrFail(op.option);
                if (!o)
                    return std::nullopt;
                const int index = o->componentIndex(op.id);
                if (index < 0) {
                    *error = QStringLiteral("no component \"%1\"").arg(op.id);
                    return std::nullopt;
                }
                if (!o->connectionsOf(op.id).empty()) {
                    *error = QStringLiteral("component \"%1\" still has connections").arg(op.id);
                    return std::nullopt;
                }
                op::AddComponent inv{op.option, o->components[index], index, std::nullopt};
                if (const auto it = o->layout.find(op.id); it != o->layout.end()) {
                    inv.position = it->second;
                    o->layout.erase(it);
                }
                o->components.erase(o->components.begin() + index);
                note({Note::ComponentRemoved, op.option, op.id, {}});
                return inv;
            } else if constexpr (std::is_same_v<T, op::UpdateComponent>) {
                Option *o = optionOrFail(op.option);
                if (!o)
                    return std::nullopt;
                Component *c = o->component(op.component.id);
                if (!c) {
                    *error = QStringLiteral("no component \"%1\"").arg(op.component.id);
                    return std::nullopt;
                }
                if (const QString e = checkComponent(op.component); !e.isEmpty()) {
                    *error = e;
                    return std::nullopt;
                }
                op::UpdateComponent inv{op.option, *c};
                *c = op.component;
                note({Note::ComponentChanged, op.option, op.component.id, {}});
                return inv;
            } else if constexpr (std::is_same_v<T, op::AddConnection>) {
                Option *o = optionOrFail(op.option);
                if (!o)
                    return std::nullopt;
                if (const QString e = checkConnection(*o, op.connection); !e.isEmpty()) {
                    *error = e;
                    return std::nullopt;
                }
                if (o->connection(op.connection.id)) {
                    *error = QStringLiteral("duplicate connection id \"%1\"").arg(op.connection.id);
                    return std::nullopt;
                }
                const int n = int(o->connections.size());
                const int index = op.index < 0 || op.index > n ? n : op.index;
                o->connections.insert(o->connections.begin() + index, op.connection);
                note({Note::ConnectionAdded, op.option, op.connection.id, {}});
                return op::RemoveConnection{op.option, op.connection.id};
            } else if constexpr (std::is_same_v<T, op::RemoveConnection>) {
                Option *o = optionOrFail(op.option);
                if (!o)
                    return std::nullopt;
                const int index = o->connectionIndex(op.id);
                if (index < 0) {
                    *error = QStringLiteral("no connection \"%1\"").arg(op.id);
                    return std::nullopt;
                }
                op::AddConnection inv{op.option, o->connections[index], index};
                o->connections.erase(o->connections.begin() + index);
                note({Note::ConnectionRemoved, op.option, op.id, {}});
                return inv;
            } else if constexpr (std::is_same_v<T, op::UpdateConnection>) {
                Option *o = optionOrFail(op.option);
                if (!o)
                    return std::nullopt;
                Connection *c = o->connection(op.connection.id);
                if (!c) {
                    *error = QStringLiteral("no connection \"%1\"").arg(op.connection.id);
                    return std::nullopt;
                }
                if (const QString e = checkConnection(*o, op.connection); !e.isEmpty()) {
                    *error = e;
                    return std::nullopt;
                }
                op::UpdateConnection inv{op.option, *c};
                *c = op.connection;
                note({Note::ConnectionChanged, op.option, op.connection.id, {}});
                return inv;
            } else if constexpr (std::is_same_v<T, op::SetLayout>) {
                Option *o = optionOrFail(op.option);
                if (!o)
                    return std::nullopt;
                for (const auto &[id, entry] : op.entries) {
                    if (!o->component(id)) {
                        *error = QStringLiteral("no component \"%1\"").arg(id);
                        return std::nullopt;
                    }
                }
                op::SetLayout inv{op.option, {}};
                QStringList ids;
                for (const auto &[id, entry] : op.entries) {
                    const auto it = o->layout.find(id);
                    inv.entries[id] = it == o->layout.end()
                                          ? std::nullopt
                                          : std::optional<LayoutEntry>(it->second);
                    if (entry)
                        o->layout[id] = *entry;
                    else if (it != o->layout.end())
                        o->layout.erase(it);
                    ids << id;
                }
                note({Note::LayoutChanged, op.option, {}, ids});
                return inv;
            } else if constexpr (std::is_same_v<T, op::AddOption>) {
                if (m_project.option(op.option.id)) {
                    *error = QStringLiteral("duplicate option id \"%1\"").arg(op.option.id);
                    return std::nullopt;
                }
                if (const QString e = checkOption(op.option); !e.isEmpty()) {
                    *error = e;
                    return std::nullopt;
                }
                const int n = int(m_project.options.size());
                const int index = op.index < 0 || op.index > n ? n : op.index;
                m_project.options.insert(m_project.options.begin() + index, op.option);
                note({Note::OptionAdded, {}, op.option.id, {}});
                return op::RemoveOption{op.option.id};
            } else if constexpr (std::is_same_v<T, op::RemoveOption>) {
                const int index = m_project.optionIndex(op.id);
                if (index < 0) {
                    *error = QStringLiteral("no option \"%1\"").arg(op.id);
                    return std::nullopt;
                }
                if (m_project.options.size() == 1) {
                    *error = QStringLiteral("a project keeps at least one option");
                    return std::nullopt;
                }
                if (m_project.baseline == op.id) {
                    *error = QStringLiteral(
                                 "option \"%1\" is the baseline; choose another baseline first")
                                 .arg(op.id);
                    return std::nullopt;
                }
                op::AddOption inv{m_project.options[index], index};
                m_project.options.erase(m_project.options.begin() + index);
                note({Note::OptionRemoved, {}, op.id, {}});
                return inv;
            } else if constexpr (std::is_same_v<T, op::UpdateOptionInfo>) {
                Option *o = optionOrFail(op.id);
                if (!o)
                    return std::nullopt;
                if (op.name.trimmed().isEmpty()) {
                    *error = QStringLiteral("an option needs a name");
                    return std::nullopt;
                }
                op::UpdateOptionInfo inv{op.id, o->name, o->description};
                o->name = op.name;
                o->description = op.description;
                note({Note::OptionChanged, {}, op.id, {}});
                return inv;
            } else if constexpr (std::is_same_v<T, op::MoveOption>) {
                const int from = m_project.optionIndex(op.id);
                if (from < 0) {
                    *error = QStringLiteral("no option \"%1\"").arg(op.id);
                    return std::nullopt;
                }
                const int to = std::clamp(op.index, 0, int(m_project.options.size()) - 1);
                Option moved = std::move(m_project.options[from]);
                m_project.options.erase(m_project.options.begin() + from);
                m_project.options.insert(m_project.options.begin() + to, std::move(moved));
                note({Note::OptionsReordered, {}, op.id, {}});
                return op::MoveOption{op.id, from};
            } else if constexpr (std::is_same_v<T, op::SetBaseline>) {
                if (!m_project.option(op.id)) {
                    *error = QStringLiteral("no option \"%1\"").arg(op.id);
                    return std::nullopt;
                }
                op::SetBaseline inv{m_project.baseline};
                m_project.baseline = op.id;
                note({Note::BaselineChanged, {}, op.id, {}});
                return inv;
            } else if constexpr (std::is_same_v<T, op::SetProjectInfo>) {
                const auto &a = op.assumptions;
                if (a.trafficLow <= 0 || a.trafficTypical <= 0 || a.trafficHigh <= 0) {
                    *error = QStringLiteral("traffic multipliers must be positive");
                    return std::nullopt;
                }
                if (a.slo.availabilityPct
                    && (*a.slo.availabilityPct <= 0 || *a.slo.availabilityPct > 100)) {
                    *error = QStringLiteral("availability target must be between 0 and 100 %");
                    return std::nullopt;
                }
                op::SetProjectInfo inv{m_project.name, m_project.description,
                                       m_project.assumptions};
                m_project.name = op.name;
                m_project.description = op.description;
                m_project.assumptions = op.assumptions;
                note({Note::ProjectInfoChanged, {}, {}, {}});
                return inv;
            }
        },
        anyOp);
}

} // namespace stackplan
