#pragma once

#include "render/visuals.h"

#include <QGraphicsItem>

namespace stackplan {

struct DiagramStyle;

// A component box. It paints its BoxVisual and reports moves to the scene; it never edits the
// model, opens dialogs or does I/O (STYLE.md, "Items are projections").
class ComponentItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    explicit ComponentItem(const QString &id);

    // Below this level of detail (device pixels per scene unit) a box is drawn simplified.
    static constexpr double kSimplifiedBelow = 0.34;

    const QString &id() const { return m_id; }
    const BoxVisual &visual() const { return m_visual; }
    void setVisual(const BoxVisual &visual);
    QRectF boxRect() const;
    // The connect handle on the right edge, in item coordinates.
    QRectF handleRect() const;
    bool isOverHandle(const QPointF &itemPos) const;
    // Marks the box as the target of a connect drag.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void paintSimplified(QPainter *painter, const BoxVisual &v, const DiagramStyle &style) const;

    QString m_id;
    BoxVisual m_visual;
    bool m_hovered = false;
    bool m_highlighted = false;
};

} // namespace stackplan
