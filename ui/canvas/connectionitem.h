#pragma once

#include "render/routing.h"
#include "render/visuals.h"

#include <QGraphicsItem>

namespace stackplan {

// An arrow between two component boxes with a protocol label. It paints the Route the scene's
// Router computed (the same geometry every export draws); it never routes or edits anything.
class ConnectionItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    explicit ConnectionItem(const QString &id);

    const QString &id() const { return m_id; }
    const ConnectionVisual &visual() const { return m_visual; }
    void setVisual(const ConnectionVisual &visual);
    const Route &route() const { return m_route; }
    void setRoute(const Route &route);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_id;
    ConnectionVisual m_visual;
    Route m_route;
    QRectF m_bounds;
};

} // namespace stackplan
