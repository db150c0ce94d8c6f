#include "render/painter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace stackplan::DiagramPainter {

namespace {

void paintBadge(QPainter *p, const QRectF &r, BadgeSeverity s, int count, const DiagramStyle &style)
{
    p->setPen(Qt::NoPen);
    p->setBrush(style.severity(s));
    p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    p->setPen(style.badgeText);
    p->setFont(style.badgeFont());
    p->drawText(r, Qt::AlignCenter, QString::number(count));
}

void paintArrowHead(QPainter *p, const QPointF &from, const QPointF &tip, const QColor &color)
{
    const QLineF line(from, tip);
    if (line.length() < 1)
        return;
    const double angle = std::atan2(-line.dy(), line.dx());
    const double size = 10;
    const QPointF a
        = tip - QPointF(std::sin(angle + M_PI / 3) * size, std::cos(angle + M_PI / 3) * size);
    const QPointF b = tip
                      - QPointF(std::sin(angle + M_PI - M_PI / 3) * size,
                                std::cos(angle + M_PI - M_PI / 3) * size);
    p->setBrush(color);
    p->setPen(Qt::NoPen);
    p->drawPolygon(QPolygonF({tip, a, b}));
}

// Greedy word wrap onto at most `maxLines` lines; the last line takes the remaining words.
QStringList wrappedName(const QString &name, const QFont &font, double width, int maxLines)
{
    const QFontMetricsF fm(font);
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList lines;
    int k = 0;
    while (k < words.size()) {
        if (int(lines.size()) == maxLines - 1) {
            lines << words.mid(k).join(QLatin1Char(' '));
            break;
        }
        QString line = words[k++];
        while (k < words.size()
               && fm.horizontalAdvance(line + QLatin1Char(' ') + words[k]) <= width)
            line += QLatin1Char(' ') + words[k++];
        lines << line;
    }
    return lines.isEmpty() ? QStringList{name} : lines;
}

} // namespace

NameLayout boxNameLayout(const QString &name, const DiagramStyle &style, double width)
{
    // The name on one line, or wrapped onto two at the same size (a name stays as legible as
    // any other), then at smaller sizes, three lines at the smallest; elided only when even that
    // is too long (the canvas shows the full name in the box's tooltip).
    NameLayout layout;
    layout.font = style.nameFont();
    layout.lines = QStringList{name};
    if (QFontMetricsF(layout.font).horizontalAdvance(name) > width) {
        // Exports have no tooltip: rather than elide, a last resort of three smaller lines.
        for (int step = 0; step <= 3; ++step) {
            layout.font = style.nameFont(step);
            layout.lines = wrappedName(name, layout.font, width, step < 3 ? 2 : 3);
            if (QFontMetricsF(layout.font).horizontalAdvance(layout.lines.last()) <= width)
                break;
        }
    }
    const QFontMetricsF fm(layout.font);
    for (QString &line : layout.lines) {
        const QString shown = fm.elidedText(line, Qt::ElideRight, width);
        layout.elided = layout.elided || shown != line;
        line = shown;
    }
    return layout;
}

void paintBox(QPainter *p, const QRectF &r, const BoxVisual &v, const DiagramStyle &style)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    // Card with a vendor accent on the left, cut to the card's rounded corners.
    QPainterPath card;
    card.addRoundedRect(r, 8, 8);
    p->setPen(QPen(v.selected ? style.selection : style.boxBorder, v.selected ? 2.4 : 1.2));
    p->setBrush(style.boxFill);
    p->drawPath(card);
    QPainterPath strip;
    strip.addRect(QRectF(r.left(), r.top(), 6, r.height()));
    p->setPen(Qt::NoPen);
    p->setBrush(v.accent.isValid() ? v.accent : style.boxBorder);
    p->drawPath(card.intersected(strip));

    const QRectF icon(r.left() + 14, r.top() + (r.height() - 34) / 2, 34, 34);
    style.paintRoleIcon(p, icon, v.roleId);

    const double textLeft = icon.right() + 10;
    const double textWidth = r.right() - textLeft - 8;
    const NameLayout name = boxNameLayout(v.name, style, textWidth);
    const QFont &nameFont = name.font;
    const QStringList &lines = name.lines;
    const bool wrapped = lines.size() > 1;
    const QFontMetricsF fmName(nameFont);
    p->setPen(style.text);
    p->setFont(nameFont);
    double y = r.top() + (!wrapped ? 8 : lines.size() == 2 ? 6 : 4);
    const double lineHeight = !wrapped ? 20 : std::ceil(fmName.height());
    for (const QString &line : lines) {
        p->drawText(QRectF(textLeft, y, textWidth, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                    line);
        y += lineHeight;
    }
    const double detailHeight = !wrapped ? 16 : lines.size() == 2 ? 14 : 13;
    y = !wrapped ? r.top() + 29 : y + 1;
    p->setFont(style.detailFont());
    const QFontMetricsF fm(p->font());
    p->setPen(style.muted);
    p->drawText(QRectF(textLeft, y, textWidth, detailHeight), Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(v.roleLabel, Qt::ElideRight, textWidth));
    y = !wrapped ? r.top() + 46 : y + detailHeight;
    const QColor binding = !v.accent.isValid()           ? style.muted
                           : style.theme == Theme::Light ? v.accent.darker(135)
                                                         : v.accent.lighter(125);
    p->setPen(binding);
    p->drawText(QRectF(textLeft, y, textWidth, !wrapped ? 18 : detailHeight),
                Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(v.bindingLine, Qt::ElideRight, textWidth));

    if (v.pinned) {
        p->setPen(Qt::NoPen);
        p->setBrush(style.muted);
        p->drawEllipse(QPointF(r.right() - 10, r.bottom() - 10), 2.5, 2.5);
    }
    if (v.badge != BadgeSeverity::None && v.badgeCount > 0)
        paintBadge(p, QRectF(r.right() - 14, r.top() - kBadgeOverhang, 24, 20), v.badge,
                   v.badgeCount, style);
    p->restore();
}

QSizeF labelSize(const QString &label, const DiagramStyle &style)
{
    if (label.isEmpty())
        return {};
    const QFontMetricsF fm(style.labelFont());
    return QSizeF(std::ceil(fm.horizontalAdvance(label)) + 10, std::ceil(fm.height()) + 4);
}

void paintConnection(QPainter *p, const Route &route, const ConnectionVisual &v,
                     const DiagramStyle &style)
{
    if (route.legs.empty())
        return;
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QColor color = v.selected ? style.selection : style.connection;
    for (const auto &leg : route.legs) {
        if (leg.size() < 2)
            continue;
        QPainterPath path(leg.front());
        for (size_t k = 1; k < leg.size(); ++k)
            path.lineTo(leg[k]);
        p->setPen(QPen(color, v.selected ? 2.4 : 1.6, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        p->setBrush(Qt::NoBrush);
        p->drawPath(path);
        paintArrowHead(p, leg[leg.size() - 2], leg.back(), color);
    }
    if (!v.label.isEmpty() && !route.label.isEmpty()) {
        const QRectF lr = route.label;
        p->setPen(
            QPen(v.badge != BadgeSeverity::None ? style.severity(v.badge) : style.labelBorder, 1));
        p->setBrush(style.labelFill);
        p->drawRoundedRect(lr, 4, 4);
        p->setPen(style.text);
        p->setFont(style.labelFont());
        p->drawText(lr, Qt::AlignCenter, v.label);
        if (v.badge != BadgeSeverity::None && v.badgeCount > 0)
            paintBadge(p, QRectF(lr.right() - 4, lr.top() - 10, 18, 16), v.badge, v.badgeCount,
                       style);
    }
    p->restore();
}

void paintConnectHandle(QPainter *p, const QRectF &handle, const DiagramStyle &style)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(style.selection, 1.5));
    p->setBrush(style.boxFill);
    p->drawEllipse(handle);
    const QPointF c = handle.center();
    p->drawLine(c - QPointF(3.5, 0), c + QPointF(3.5, 0));
    p->drawLine(c - QPointF(0, 3.5), c + QPointF(0, 3.5));
    p->restore();
}

void paintDropHighlight(QPainter *p, const QRectF &box, const DiagramStyle &style)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QColor fill = style.selection;
    fill.setAlpha(24);
    p->setPen(QPen(style.selection, 2.5, Qt::DashLine));
    p->setBrush(fill);
    p->drawRoundedRect(box.adjusted(-3, -3, 3, 3), 10, 10);
    p->restore();
}

} // namespace stackplan::DiagramPainter
