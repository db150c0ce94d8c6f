#include "canvas/diagrampainter.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>

#include <cmath>
#include <memory>

namespace stackplan::DiagramPainter {

namespace {

const QColor kText(0x26, 0x32, 0x38);
const QColor kMuted(0x60, 0x7d, 0x8b);
const QColor kBorder(0xb0, 0xbe, 0xc5);
const QColor kSelected(0x1e, 0x88, 0xe5);

QFont font(double pointSize, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

} // namespace

QColor severityColor(BadgeSeverity s)
{
    switch (s) {
    case BadgeSeverity::Error:
        return QColor(0xd3, 0x2f, 0x2f);
    case BadgeSeverity::Warning:
        return QColor(0xf5, 0x7c, 0x00);
    case BadgeSeverity::Info:
        return QColor(0x19, 0x76, 0xd2);
    case BadgeSeverity::None:
        break;
    }
    return QColor(0x60, 0x7d, 0x8b);
}

void paintRoleIcon(QPainter *p, const QRectF &rect, const QString &roleId)
{
    static QHash<QString, std::shared_ptr<QSvgRenderer>> cache;
    auto &renderer = cache[roleId];
    if (!renderer)
        renderer
            = std::make_shared<QSvgRenderer>(QStringLiteral(":/icons/roles/%1.svg").arg(roleId));
    if (renderer->isValid())
        renderer->render(p, rect);
}

void paintBox(QPainter *p, const QRectF &r, const BoxVisual &v)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    // Card with a vendor accent on the left.
    QPainterPath card;
    card.addRoundedRect(r, 8, 8);
    p->setPen(QPen(v.selected ? kSelected : kBorder, v.selected ? 2.4 : 1.2));
    p->setBrush(Qt::white);
    p->drawPath(card);
    p->save();
    p->setClipPath(card);
    p->fillRect(QRectF(r.left(), r.top(), 6, r.height()), v.accent.isValid() ? v.accent : kBorder);
    p->restore();

    const QRectF icon(r.left() + 14, r.top() + (r.height() - 34) / 2, 34, 34);
    paintRoleIcon(p, icon, v.roleId);

    const double textLeft = icon.right() + 10;
    const double textWidth = r.right() - textLeft - 8;
    p->setPen(kText);
    p->setFont(font(9.5, true));
    const QFontMetricsF fmName(p->font());
    p->drawText(QRectF(textLeft, r.top() + 8, textWidth, 20), Qt::AlignLeft | Qt::AlignVCenter,
                fmName.elidedText(v.name, Qt::ElideRight, textWidth));
    p->setFont(font(7.5));
    const QFontMetricsF fm(p->font());
    p->setPen(kMuted);
    p->drawText(QRectF(textLeft, r.top() + 29, textWidth, 16), Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(v.roleLabel, Qt::ElideRight, textWidth));
    p->setPen(v.accent.isValid() ? v.accent.darker(135) : kMuted);
    p->drawText(QRectF(textLeft, r.top() + 46, textWidth, 18), Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(v.bindingLine, Qt::ElideRight, textWidth));

    if (v.pinned) {
        p->setPen(QPen(kMuted, 1.2));
        p->setBrush(kMuted);
        p->drawEllipse(QPointF(r.right() - 10, r.bottom() - 10), 2.5, 2.5);
    }
    if (v.badge != BadgeSeverity::None && v.badgeCount > 0) {
        const QRectF badge(r.right() - 14, r.top() - 10, 24, 20);
        p->setPen(Qt::NoPen);
        p->setBrush(severityColor(v.badge));
        p->drawRoundedRect(badge, 10, 10);
        p->setPen(Qt::white);
        p->setFont(font(8, true));
        p->drawText(badge, Qt::AlignCenter, QString::number(v.badgeCount));
    }
    p->restore();
}

QPointF borderPoint(const QRectF &rect, const QPointF &towards)
{
    const QPointF c = rect.center();
    const double dx = towards.x() - c.x();
    const double dy = towards.y() - c.y();
    if (std::abs(dx) < 1e-9 && std::abs(dy) < 1e-9)
        return c;
    const double sx = dx != 0 ? (rect.width() / 2) / std::abs(dx) : 1e18;
    const double sy = dy != 0 ? (rect.height() / 2) / std::abs(dy) : 1e18;
    const double s = std::min(sx, sy);
    return QPointF(c.x() + dx * s, c.y() + dy * s);
}

QRectF connectionLabelRect(const QLineF &line, const QString &label, double at)
{
    const QFontMetricsF fm(font(7.5));
    const double w = fm.horizontalAdvance(label) + 10;
    const double h = fm.height() + 4;
    const QPointF mid = line.pointAt(at);
    return QRectF(mid.x() - w / 2, mid.y() - h / 2, w, h);
}

void paintConnection(QPainter *p, const QLineF &line, const ConnectionVisual &v)
{
    paintConnection(p, std::vector<QLineF>{line}, v);
}

void paintConnection(QPainter *p, const std::vector<QLineF> &segments, const ConnectionVisual &v)
{
    if (segments.empty())
        return;
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QColor color = v.selected ? kSelected : QColor(0x54, 0x6e, 0x7a);
    for (const QLineF &line : segments) {
        p->setPen(QPen(color, v.selected ? 2.4 : 1.6, Qt::SolidLine, Qt::RoundCap));
        p->setBrush(Qt::NoBrush);
        p->drawLine(line);
        // Arrow head at the end of each leg.
        if (line.length() > 1) {
            const double angle = std::atan2(-line.dy(), line.dx());
            const double size = 10;
            const QPointF tip = line.p2();
            const QPointF a
                = tip
                  - QPointF(std::sin(angle + M_PI / 3) * size, std::cos(angle + M_PI / 3) * size);
            const QPointF b = tip
                              - QPointF(std::sin(angle + M_PI - M_PI / 3) * size,
                                        std::cos(angle + M_PI - M_PI / 3) * size);
            p->setBrush(color);
            p->setPen(Qt::NoPen);
            p->drawPolygon(QPolygonF({tip, a, b}));
        }
    }
    const QLineF &line = segments.front();
    if (!v.label.isEmpty()) {
        const QRectF lr = connectionLabelRect(line, v.label, v.labelAt);
        p->setPen(QPen(v.badge != BadgeSeverity::None ? severityColor(v.badge) : kBorder, 1));
        p->setBrush(QColor(0xfa, 0xfa, 0xfa));
        p->drawRoundedRect(lr, 4, 4);
        p->setPen(kText);
        p->setFont(font(7.5));
        p->drawText(lr, Qt::AlignCenter, v.label);
        if (v.badge != BadgeSeverity::None && v.badgeCount > 0) {
            const QRectF badge(lr.right() - 4, lr.top() - 10, 18, 16);
            p->setPen(Qt::NoPen);
            p->setBrush(severityColor(v.badge));
            p->drawRoundedRect(badge, 8, 8);
            p->setPen(Qt::white);
            p->setFont(font(7, true));
            p->drawText(badge, Qt::AlignCenter, QString::number(v.badgeCount));
        }
    }
    p->restore();
}

} // namespace stackplan::DiagramPainter
