#pragma once

#include "model/project.h"

#include <QString>

#include <map>
#include <optional>
#include <variant>
#include <vector>

namespace stackplan {

// Primitive edits of a project, keyed by ids and holding value snapshots (never pointers).
// ProjectEditor::apply() applies a list of them atomically and returns the list that undoes it.

namespace op {

struct AddComponent {
    QString option;
    Component component;
    int index = -1; // -1: append
    std::optional<LayoutEntry> position;
};
struct RemoveComponent {
    QString option;
    QString id;
};
struct UpdateComponent {
    QString option;
    Component component; // replaces the component with the same id
};
struct AddConnection {
    QString option;
    Connection connection;
    int index = -1;
};
struct RemoveConnection {
    QString option;
    QString id;
};
struct UpdateConnection {
    QString option;
    Connection connection;
};
struct SetLayout {
    QString option;
    std::map<QString, std::optional<LayoutEntry>> entries; // nullopt removes the entry
};
struct AddOption {
    Option option;
    int index = -1;
};
struct RemoveOption {
    QString id;
};
struct UpdateOptionInfo {
    QString id;
    QString name;
    QString description;
};
struct MoveOption {
    QString id;
    int index = 0;
};
struct SetBaseline {
    QString id;
};
struct SetProjectInfo {
    QString name;
    QString description;
    Assumptions assumptions;
};

} // namespace op

using EditOp = std::variant<op::AddComponent, op::RemoveComponent, op::UpdateComponent,
                            op::AddConnection, op::RemoveConnection, op::UpdateConnection,
                            op::SetLayout, op::AddOption, op::RemoveOption, op::UpdateOptionInfo,
                            op::MoveOption, op::SetBaseline, op::SetProjectInfo>;

struct Edit {
    QString text; // for the undo stack ("Move 3 components")
    std::vector<EditOp> ops;
    bool isEmpty() const { return ops.empty(); }
};

// ---- Builders for compound user actions. They read the current project to decide what to
// ---- change and return an Edit; they never change anything themselves.

// A new component with an id derived from its name, placed at `pos`.
Edit addComponentEdit(const Project &p, const QString &option, Component c, LayoutEntry pos);
// Removes the components and every connection that touches them, in one step.
Edit removeElementsEdit(const Project &p, const QString &option, const QStringList &componentIds,
                        const QStringList &connectionIds);
// Connects two components with the default protocol for their roles.
Edit connectEdit(const Project &p, const QString &option, const QString &from, const QString &to,
                 std::optional<Protocol> protocol = std::nullopt);
Edit moveEdit(const Project &p, const QString &option, const std::map<QString, LayoutEntry> &to);
Edit updateComponentEdit(const Project &p, const QString &option, const Component &c,
                         const QString &text);
// A deep copy of an option (components, connections, layout) under a new id and name.
Edit duplicateOptionEdit(const Project &p, const QString &option, const QString &newName);
Edit addOptionEdit(const Project &p, const QString &name);
// Removes an option; if it was the baseline, the first remaining option becomes the baseline.
Edit removeOptionEdit(const Project &p, const QString &option);

// A copy of some components (with the connections among them, and their layout) into an
// option, with ids made unique there and positions shifted by `offset`.
struct Clipboard {
    std::vector<Component> components;
    std::vector<Connection> connections;
    std::map<QString, LayoutEntry> layout;
};
Clipboard copyElements(const Option &option, const QStringList &componentIds);
Edit pasteEdit(const Project &p, const QString &option, const Clipboard &clip, double dx, double dy,
               QStringList *newIds = nullptr);

// ---- Arrangement. Positions of boxes without a layout entry are taken from placeMissing(), as
// ---- the canvas shows them; results snap to the layout grid.

enum class Alignment { Left, HorizontalCenter, Right, Top, VerticalCenter, Bottom };
enum class Axis { Horizontal, Vertical };

// Lines the components up on one edge or centre line of their common bounding box.
Edit alignEdit(const Project &p, const QString &option, const QStringList &componentIds,
               Alignment how);
// Spaces three or more components evenly between the outermost two along `axis`.
Edit distributeEdit(const Project &p, const QString &option, const QStringList &componentIds,
                    Axis axis);
// Lays the option out by tier (arrangeByTier). Pinned boxes keep their place; the edit holds only
// the boxes that actually move, so arranging an arranged option is an empty edit.
Edit arrangeEdit(const Project &p, const QString &option);
// Pins or unpins boxes: auto-arrange leaves pinned boxes where the user put them.
Edit setPinnedEdit(const Project &p, const QString &option, const QStringList &componentIds,
                   bool pinned);

// ---- Field edits of several elements at once (the inspector's multi-selection). Elements that
// ---- would not change are left out; an edit that changes nothing is empty.
Edit updateComponentsEdit(const Project &p, const QString &option,
                          const std::vector<Component> &components, const QString &text);
Edit updateConnectionsEdit(const Project &p, const QString &option,
                           const std::vector<Connection> &connections, const QString &text);

// ---- Options and project.
Edit optionInfoEdit(const Project &p, const QString &option, const QString &name,
                    const QString &description);
// Moves an option to `index` in the tab order (clamped).
Edit moveOptionEdit(const Project &p, const QString &option, int index);
// Puts the options in the given order (a permutation of their ids), in one step.
Edit reorderOptionsEdit(const Project &p, const QStringList &orderedIds);
Edit setBaselineEdit(const Project &p, const QString &option);
Edit projectInfoEdit(const Project &p, const QString &name, const QString &description,
                     const Assumptions &assumptions);

} // namespace stackplan
