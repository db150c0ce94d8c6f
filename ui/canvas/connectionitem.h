#pragma once

#include "canvas/diagrampainter.h"

#include <QGraphicsItem>

#include <vector>

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
    // An intermediary (a pooler) the arrow is drawn through; null for a direct arrow.
    ComponentItem *viaItem() const { return m_via; }
    void setVia(ComponentItem *via);
    const ConnectionVisual &visual() const { return m_visual; }
    void setVisual(const ConnectionVisual &visual);
    void updateGeometry();
    // Several direct arrows between the same two boxes are drawn side by side: `offset` moves
    // this one sideways (in pixels, to the left of the pair's lower-id → higher-id direction, so
    // a → b and b → a part to opposite sides) and `labelAt` staggers the labels along it.
    void setParallel(double offset, double labelAt);
    double parallelOffset() const { return m_offset; }
    double labelAt() const { return m_labelAt; }
    // The first leg (the whole arrow when there is no intermediary); the label sits on it.
    QLineF line() const { return m_segments.empty() ? QLineF() : m_segments.front(); }
    const std::vector<QLineF> &segments() const { return m_segments; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_id;
    ComponentItem *m_from;
    ComponentItem *m_to;
    ComponentItem *m_via = nullptr;
    ConnectionVisual m_visual;
    std::vector<QLineF> m_segments;
    double m_offset = 0;
    double m_labelAt = 0.5;
};

} // namespace stackplan
