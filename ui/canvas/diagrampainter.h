#pragma once

#include <QColor>
#include <QLineF>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace stackplan {

// How a component box and a connection look. The canvas items, and through QGraphicsScene::render
// the SVG, PNG and PDF exports, all paint with these functions: what is exported is what is seen.

enum class BadgeSeverity { None, Info, Warning, Error };

struct BoxVisual {
    QString name;
    QString roleId;
    QString roleLabel;
    QString bindingLine; // "<profile name> · <plan id>", or "unbound"
    QColor accent;       // vendor colour, or neutral when unbound
    BadgeSeverity badge = BadgeSeverity::None;
    int badgeCount = 0;
    bool selected = false;
    bool pinned = false;
};

struct ConnectionVisual {
    QString label; // protocol (+ via)
    BadgeSeverity badge = BadgeSeverity::None;
    int badgeCount = 0;
    bool selected = false;
    double labelAt = 0.5; // where along the first leg the label sits, 0 = source, 1 = target
};

namespace DiagramPainter {

void paintBox(QPainter *p, const QRectF &rect, const BoxVisual &v);
// `line` runs from the border of the source box to the border of the target box.
void paintConnection(QPainter *p, const QLineF &line, const ConnectionVisual &v);
// A connection drawn through an intermediary: one segment per leg, an arrow head at the end of
// each, the label on the first.
void paintConnection(QPainter *p, const std::vector<QLineF> &segments, const ConnectionVisual &v);
QRectF connectionLabelRect(const QLineF &line, const QString &label, double at = 0.5);
QColor severityColor(BadgeSeverity s);
// The point where the segment from the centre of `rect` towards `towards` leaves the rect.
QPointF borderPoint(const QRectF &rect, const QPointF &towards);
void paintRoleIcon(QPainter *p, const QRectF &rect, const QString &roleId);

} // namespace DiagramPainter

} // namespace stackplan
