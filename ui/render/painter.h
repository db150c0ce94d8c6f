#pragma once

#include "render/routing.h"
#include "render/style.h"
#include "render/visuals.h"

#include <QRectF>
#include <QSizeF>

class QPainter;

namespace stackplan {

// Paints boxes and arrows with a DiagramStyle. The canvas items and every export (SVG, PNG,
// PDF, clipboard) draw with these functions only, so what is exported is what is seen. They
// never clip (the SVG generator of Qt 6.4 drops clip paths), so shapes are cut as paths.
namespace DiagramPainter {

void paintBox(QPainter *p, const QRectF &rect, const BoxVisual &v, const DiagramStyle &style);
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
