#include "canvas/componentitem.h"

#include "canvas/diagramscene.h"
#include "layout/autoarrange.h"
#include "render/painter.h"

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
    if (visual == m_visual)
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
    const auto *s = qobject_cast<DiagramScene *>(scene());
    const DiagramStyle &style = s ? s->style() : DiagramStyle::of(Theme::Light);
    BoxVisual v = m_visual;
    v.selected = isSelected();
    DiagramPainter::paintBox(painter, boxRect(), v, style);
    if (m_highlighted)
        DiagramPainter::paintDropHighlight(painter, boxRect(), style);
    if (m_hovered || isSelected())
        DiagramPainter::paintConnectHandle(painter, handleRect(), style);
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
