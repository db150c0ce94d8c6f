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
    // A box is repainted from a pixmap while it is dragged or the view scrolls, not laid out
    // and drawn again (text, role icon): the pixmap is redrawn only on update() or a new zoom.
    setCacheMode(DeviceCoordinateCache);
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

void ComponentItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const auto *s = qobject_cast<DiagramScene *>(scene());
    const DiagramStyle &style = s ? s->style() : DiagramStyle::of(Theme::Light);
    BoxVisual v = m_visual;
    v.selected = isSelected();
    // Zoomed far out (a box under about 80 pixels wide) its text cannot be read: a plain card
    // with the vendor colour and the badge's colour, which thousands of boxes draw in a frame.
    if (option
        && QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
               < kSimplifiedBelow) {
        paintSimplified(painter, v, style);
        return;
    }
    DiagramPainter::paintBox(painter, boxRect(), v, style);
    if (m_highlighted)
        DiagramPainter::paintDropHighlight(painter, boxRect(), style);
    if (m_hovered || isSelected())
        DiagramPainter::paintConnectHandle(painter, handleRect(), style);
}

void ComponentItem::paintSimplified(QPainter *painter, const BoxVisual &v,
                                    const DiagramStyle &style) const
{
    const QRectF r = boxRect();
    painter->setPen(QPen(v.selected ? style.selection : style.boxBorder, v.selected ? 6 : 2));
    painter->setBrush(style.boxFill);
    painter->drawRect(r);
    painter->setPen(Qt::NoPen);
    painter->setBrush(v.accent.isValid() ? v.accent : style.boxBorder);
    painter->drawRect(QRectF(r.left(), r.top(), 18, r.height()));
    if (v.badge != BadgeSeverity::None && v.badgeCount > 0) {
        painter->setBrush(style.severity(v.badge));
        painter->drawEllipse(QRectF(r.right() - 30, r.top() - DiagramPainter::kBadgeOverhang, 40, 40));
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
