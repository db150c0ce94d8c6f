#include "canvas/connectionitem.h"

#include "canvas/componentitem.h"

#include <QPainter>
#include <QPainterPathStroker>

namespace stackplan {

ConnectionItem::ConnectionItem(const QString &id, ComponentItem *from, ComponentItem *to)
    : m_id(id), m_from(from), m_to(to)
{
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setZValue(0);
    setData(0, id);
    updateGeometry();
}

void ConnectionItem::setEnds(ComponentItem *from, ComponentItem *to)
{
    m_from = from;
    m_to = to;
    updateGeometry();
}

void ConnectionItem::setVisual(const ConnectionVisual &visual)
{
    if (visual.label == m_visual.label && visual.badge == m_visual.badge
        && visual.badgeCount == m_visual.badgeCount)
        return;
    prepareGeometryChange();
    m_visual = visual;
    update();
}

void ConnectionItem::updateGeometry()
{
    if (!m_from || !m_to)
        return;
    const QRectF a = m_from->mapRectToScene(m_from->boxRect());
    const QRectF b = m_to->mapRectToScene(m_to->boxRect());
    const QPointF p1 = DiagramPainter::borderPoint(a, b.center());
    const QPointF p2 = DiagramPainter::borderPoint(b, a.center());
    const QLineF line(p1, p2);
    if (line == m_line)
        return;
    prepareGeometryChange();
    m_line = line;
}

QRectF ConnectionItem::boundingRect() const
{
    QRectF r = QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-12, -12, 12, 12);
    if (!m_visual.label.isEmpty())
        r = r.united(
            DiagramPainter::connectionLabelRect(m_line, m_visual.label).adjusted(-4, -14, 18, 4));
    return r;
}

QPainterPath ConnectionItem::shape() const
{
    QPainterPath path(m_line.p1());
    path.lineTo(m_line.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath s = stroker.createStroke(path);
    if (!m_visual.label.isEmpty())
        s.addRect(DiagramPainter::connectionLabelRect(m_line, m_visual.label));
    return s;
}

void ConnectionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    ConnectionVisual v = m_visual;
    v.selected = isSelected();
    DiagramPainter::paintConnection(painter, m_line, v);
}

} // namespace stackplan
