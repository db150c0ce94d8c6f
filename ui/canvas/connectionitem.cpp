#include "canvas/connectionitem.h"

#include "canvas/componentitem.h"
#include "canvas/diagramscene.h"
#include "render/painter.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace stackplan {

ConnectionItem::ConnectionItem(const QString &id) : m_id(id)
{
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setZValue(0);
    setData(0, id);
}

void ConnectionItem::setVisual(const ConnectionVisual &visual)
{
    if (visual == m_visual)
        return;
    m_visual = visual;
    update();
}

void ConnectionItem::setRoute(const Route &route)
{
    if (route == m_route)
        return;
    prepareGeometryChange();
    m_route = route;
    QRectF r;
    for (const auto &leg : m_route.legs)
        for (const QPointF &p : leg)
            r = r.united(QRectF(p, QSizeF(0.01, 0.01)));
    if (!m_route.label.isEmpty())
        r = r.united(m_route.label.adjusted(0, -10, 14, 0)); // with the label's badge
    m_bounds = r.adjusted(-12, -12, 12, 12);
}

QRectF ConnectionItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath ConnectionItem::shape() const
{
    QPainterPath path;
    for (const auto &leg : m_route.legs) {
        if (leg.empty())
            continue;
        path.moveTo(leg.front());
        for (size_t k = 1; k < leg.size(); ++k)
            path.lineTo(leg[k]);
    }
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath s = stroker.createStroke(path);
    if (!m_route.label.isEmpty())
        s.addRect(m_route.label);
    return s;
}

void ConnectionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    ConnectionVisual v = m_visual;
    v.selected = isSelected();
    const auto *s = qobject_cast<DiagramScene *>(scene());
    const DiagramStyle &style = s ? s->style() : DiagramStyle::of(Theme::Light);
    // Zoomed as far out as boxes are simplified, labels and arrow heads cannot be read: plain
    // hairlines (their badge colour when the connection has a finding).
    if (option
        && QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
               < ComponentItem::kSimplifiedBelow) {
        const QColor color = v.selected                        ? style.selection
                             : v.badge != BadgeSeverity::None ? style.severity(v.badge)
                                                               : style.connection;
        painter->setPen(QPen(color, 0));
        for (const auto &leg : m_route.legs)
            if (leg.size() > 1)
                painter->drawPolyline(leg.data(), int(leg.size()));
        return;
    }
    DiagramPainter::paintConnection(painter, m_route, v, style);
}

} // namespace stackplan
