#pragma once

#include "canvas/diagrampainter.h"

#include <QGraphicsItem>

namespace stackplan {

class ComponentItem;

// An arrow between two component boxes with a protocol label. Geometry follows the boxes; the
// scene calls updateGeometry() when either moves.
class ConnectionItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    ConnectionItem(const QString &id, ComponentItem *from, ComponentItem *to);

    const QString &id() const { return m_id; }
    ComponentItem *fromItem() const { return m_from; }
    ComponentItem *toItem() const { return m_to; }
    void setEnds(ComponentItem *from, ComponentItem *to);
    const ConnectionVisual &visual() const { return m_visual; }
    void setVisual(const ConnectionVisual &visual);
    void updateGeometry();
    QLineF line() const { return m_line; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_id;
    ComponentItem *m_from;
    ComponentItem *m_to;
    ConnectionVisual m_visual;
    QLineF m_line;
};

} // namespace stackplan
