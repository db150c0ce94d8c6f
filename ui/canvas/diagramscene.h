#pragma once

#include "model/project.h"
#include "render/diagram.h"
#include "render/routing.h"
#include "render/style.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <QTimer>

#include <map>

class QGraphicsLineItem;

namespace stackplan {

class ComponentItem;
class ConnectionItem;
class Document;

// The canvas of the document's current option. Items are created, moved and deleted only in
// response to model signals, in id → item maps; on reset or option switch the scene rebuilds from
// the model. User gestures become Edits pushed through the Document: a drag is recorded on press
// and pushed once on release; a drag from a box's handle to another box connects them with the
// default protocol for their roles. Drops from the palette and context menus are reported as
// signals for the CanvasController; the scene opens no menus or dialogs itself. Arrows are routed
// by a Router fed with the boxes and connections, incrementally: an edit or a drag re-routes only
// what it touched, and the result equals what the exports compute from the model.
// A box's tooltip: its full name and the findings on it, as wrapped rich text.
QString boxToolTip(const Component &c, const QString &findings);

class DiagramScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit DiagramScene(Document *document, QObject *parent = nullptr);
    ~DiagramScene() override;

    Document *document() const { return m_document; }
    QString optionId() const { return m_option; }
    ComponentItem *componentItem(const QString &id) const { return m_components.value(id); }
    ConnectionItem *connectionItem(const QString &id) const { return m_connections.value(id); }
    int componentItemCount() const { return int(m_components.size()); }
    int connectionItemCount() const { return int(m_connections.size()); }

    QStringList selectedComponentIds() const;
    QStringList selectedConnectionIds() const;
    void selectElements(const QStringList &componentIds, const QStringList &connectionIds);

    // Problem badges per element id (component or connection), set by the validation view.
    void setBadges(const QHash<QString, ElementBadge> &badges);
    const DiagramStyle &style() const { return DiagramStyle::of(m_theme); }
    // Light or dark boxes and arrows (the view's background follows the scene's style).
    void setTheme(Theme theme);
    const Router &router() const { return m_router; }

    // Called by ComponentItem when it moves, to keep its arrows attached (re-routed on the next
    // turn of the event loop, once for all boxes a drag moves).
    void componentItemMoved(ComponentItem *item);
    // Where a box the user is dragging goes when the mouse proposes `proposed`: the nearest grid
    // point while snapping is on, so the box moves in grid steps under the cursor.
    QPointF dragPosition(const ComponentItem *item, const QPointF &proposed) const;
    // Rect of all boxes, for fit-to-view and exports.
    QRectF contentRect() const;

    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool snap) { m_snap = snap; }

signals:
    void elementActivated(const QString &componentId);
    void selectionIdsChanged();
    // A role dragged from the palette was dropped at `scenePos`.
    void roleDropped(stackplan::Role role, const QPointF &scenePos);
    // Right click; the element under the cursor, if any, is selected first.
    void contextMenuRequested(const QPoint &screenPos, const QPointF &scenePos);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    void rebuild();
    void addComponentItem(const Component &c, const LayoutEntry &pos);
    void addConnectionItem(const Connection &c);
    void refreshComponent(const QString &id);
    void refreshConnection(const QString &id);
    void refreshPositions(const QStringList &ids);
    // Gives the router's new routes to the arrows whose route changed.
    void applyRoutes();
    BoxVisual visualFor(const Component &c) const;
    ConnectionVisual visualFor(const Connection &c) const;
    LayoutEntry positionOf(const Option &o, const QString &id) const;
    ComponentItem *componentAt(const QPointF &scenePos) const;
    void cancelConnectDrag();

    Document *m_document;
    QString m_option;
    QHash<QString, ComponentItem *> m_components;
    QHash<QString, ConnectionItem *> m_connections;
    QHash<QString, ElementBadge> m_badges;
    Router m_router;
    QTimer m_routeTimer;
    Theme m_theme = Theme::Light;
    std::map<QString, LayoutEntry> m_fallback; // positions of boxes without a layout entry
    std::map<QString, QPointF> m_pressPositions;
    ComponentItem *m_connectFrom = nullptr;
    ComponentItem *m_connectTarget = nullptr;
    QGraphicsLineItem *m_rubberLine = nullptr;
    bool m_syncing = false;
    bool m_snap = true;
};

} // namespace stackplan
