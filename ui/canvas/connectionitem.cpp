#include "canvas/connectionitem.h"

#include "canvas/componentitem.h"

#include <QPainter>
#include <QPainterPathStroker>

#include <cmath>

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

void ConnectionItem::setVia(ComponentItem *via)
{
    if (via == m_via)
        return;
    m_via = via;
    updateGeometry();
}

void ConnectionItem::setParallel(double offset, double labelAt)
{
    if (offset == m_offset && labelAt == m_labelAt)
        return;
    prepareGeometryChange();
    m_offset = offset;
    m_labelAt = labelAt;
    updateGeometry();
}

void ConnectionItem::updateGeometry()
{
    if (!m_from || !m_to)
        return;
    const QRectF a = m_from->mapRectToScene(m_from->boxRect());
    const QRectF b = m_to->mapRectToScene(m_to->boxRect());
    std::vector<QLineF> segments;
    if (m_via) {
        const QRectF v = m_via->mapRectToScene(m_via->boxRect());
        segments.emplace_back(DiagramPainter::borderPoint(a, v.center()),
                              DiagramPainter::borderPoint(v, a.center()));
        segments.emplace_back(DiagramPainter::borderPoint(v, b.center()),
                              DiagramPainter::borderPoint(b, v.center()));
    } else {
        QLineF l(DiagramPainter::borderPoint(a, b.center()),
                 DiagramPainter::borderPoint(b, a.center()));
        QPointF d = b.center() - a.center();
        if (m_from->id() > m_to->id())
            d = -d;
        if (const double len = std::hypot(d.x(), d.y()); m_offset != 0 && len > 0)
            l.translate(QPointF(d.y() / len, -d.x() / len) * m_offset);
        segments.push_back(l);
    }
    if (segments == m_segments)
        return;
    prepareGeometryChange();
    m_segments = std::move(segments);
}

QRectF ConnectionItem::boundingRect() const
{
    QRectF r;
    for (const auto &l : m_segments)
        r = r.united(QRectF(l.p1(), l.p2()).normalized().adjusted(-12, -12, 12, 12));
    if (!m_visual.label.isEmpty() && !m_segments.empty())
        r = r.united(DiagramPainter::connectionLabelRect(line(), m_visual.label, m_labelAt)
                         .adjusted(-4, -14, 18, 4));
    return r;
}

QPainterPath ConnectionItem::shape() const
{
    QPainterPath path;
    for (const auto &l : m_segments) {
        path.moveTo(l.p1());
        path.lineTo(l.p2());
    }
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath s = stroker.createStroke(path);
    if (!m_visual.label.isEmpty() && !m_segments.empty())
        s.addRect(DiagramPainter::connectionLabelRect(line(), m_visual.label, m_labelAt));
    return s;
}

void ConnectionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    ConnectionVisual v = m_visual;
    v.selected = isSelected();
    v.labelAt = m_labelAt;
    DiagramPainter::paintConnection(painter, m_segments, v);
}

} // namespace stackplan
