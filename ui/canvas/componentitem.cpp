#include "canvas/componentitem.h"

#include "canvas/diagramscene.h"
#include "layout/autoarrange.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace stackplan {

ComponentItem::ComponentItem(const QString &id) : m_id(id)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setZValue(1);
    setData(0, id);
}

void ComponentItem::setVisual(const BoxVisual &visual)
{
    if (visual.name == m_visual.name && visual.roleId == m_visual.roleId
        && visual.roleLabel == m_visual.roleLabel && visual.bindingLine == m_visual.bindingLine
        && visual.accent == m_visual.accent && visual.badge == m_visual.badge
        && visual.badgeCount == m_visual.badgeCount && visual.pinned == m_visual.pinned)
        return;
    m_visual = visual;
    update();
}

QRectF ComponentItem::boxRect() const
{
    return QRectF(0, 0, kBoxWidth, kBoxHeight);
}

QRectF ComponentItem::handleRect() const
{
    return QRectF(kBoxWidth - 6, kBoxHeight / 2 - 7, 14, 14);
}

bool ComponentItem::isOverHandle(const QPointF &itemPos) const
{
    return handleRect().adjusted(-4, -4, 4, 4).contains(itemPos);
}

void ComponentItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

QRectF ComponentItem::boundingRect() const
{
    return boxRect().adjusted(-4, -12, 14, 4);
}

void ComponentItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    BoxVisual v = m_visual;
    v.selected = isSelected();
    DiagramPainter::paintBox(painter, boxRect(), v);
    if (m_highlighted) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 2.5, Qt::DashLine));
        painter->setBrush(QColor(0x1e, 0x88, 0xe5, 24));
        painter->drawRoundedRect(boxRect().adjusted(-3, -3, 3, 3), 10, 10);
        painter->restore();
    }
    if (m_hovered || isSelected()) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 1.5));
        painter->setBrush(Qt::white);
        painter->drawEllipse(handleRect());
        painter->drawLine(handleRect().center() - QPointF(3.5, 0),
                          handleRect().center() + QPointF(3.5, 0));
        painter->drawLine(handleRect().center() - QPointF(0, 3.5),
                          handleRect().center() + QPointF(0, 3.5));
        painter->restore();
    }
}

QVariant ComponentItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange) {
        if (auto *s = qobject_cast<DiagramScene *>(scene()))
            return s->dragPosition(this, value.toPointF());
    } else if (change == ItemPositionHasChanged) {
        if (auto *s = qobject_cast<DiagramScene *>(scene()))
            s->componentItemMoved(this);
    } else if (change == ItemSelectedHasChanged) {
        update();
    }
    return QGraphicsItem::itemChange(change, value);
}

void ComponentItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void ComponentItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace stackplan
