#pragma once

#include "render/routing.h"
#include "render/style.h"
#include "render/visuals.h"

#include <QFont>
#include <QRectF>
#include <QStringList>
#include <QSizeF>

class QPainter;

namespace stackplan {

// Paints boxes and arrows with a DiagramStyle. The canvas items and every export (SVG, PNG,
// PDF, clipboard) draw with these functions only, so what is exported is what is seen. They
// never clip (the SVG generator of Qt 6.4 drops clip paths), so shapes are cut as paths.
namespace DiagramPainter {

void paintBox(QPainter *p, const QRectF &rect, const BoxVisual &v, const DiagramStyle &style);
// How paintBox sets a name in `width` pixels: one line, else two at the same size, else two at
// smaller sizes, else three at the smallest; the last line elided only if even that is too long.
struct NameLayout {
    QStringList lines; // as drawn, elided where needed
    QFont font;
    bool elided = false;
};
NameLayout boxNameLayout(const QString &name, const DiagramStyle &style, double width);
// The width a box of `boxWidth` gives its name and detail lines.
inline double boxTextWidth(double boxWidth)
{
    return boxWidth - 14 - 34 - 10 - 8; // icon inset, icon, gap, right margin
}
// Each leg of the route with an arrow head at its end, and the label in its rect.
void paintConnection(QPainter *p, const Route &route, const ConnectionVisual &v,
                     const DiagramStyle &style);
// The size of a connection's label pill, which the router places.
QSizeF labelSize(const QString &label, const DiagramStyle &style);
// How far a box's badge sticks out above and to the right of its rect.
inline constexpr double kBadgeOverhang = 10;

// Canvas-only decorations, kept here so their colours come from the style too.
void paintConnectHandle(QPainter *p, const QRectF &handle, const DiagramStyle &style);
void paintDropHighlight(QPainter *p, const QRectF &box, const DiagramStyle &style);

} // namespace DiagramPainter

} // namespace stackplan
