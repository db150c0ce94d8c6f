#include "render/costchart.h"

#include "profiles/catalogue.h"
#include "util/format.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace stackplan {

QColor optionColor(int index)
{
    static const QColor palette[]
        = {QColor(0x1e, 0x88, 0xe5), QColor(0xe5, 0x39, 0x35), QColor(0x43, 0xa0, 0x47),
           QColor(0xfb, 0x8c, 0x00), QColor(0x8e, 0x24, 0xaa), QColor(0x00, 0xac, 0xc1),
           QColor(0x6d, 0x4c, 0x41), QColor(0x54, 0x6e, 0x7a)};
    const int n = int(std::size(palette));
    return palette[((index % n) + n) % n];
}

namespace {

QString optionName(const Project &project, const QString &id)
{
    const Option *o = project.option(id);
    return o ? o->name : id;
}

// "$1", "$10", "$1k", "$1M"
QString moneyTick(double v)
{
    if (v >= 1e6)
        return QStringLiteral("$%1M").arg(formatNumber(v / 1e6, 2));
    if (v >= 1e3)
        return QStringLiteral("$%1k").arg(formatNumber(v / 1e3, 2));
    return QStringLiteral("$%1").arg(formatNumber(v, 2));
}

} // namespace

CostChart makeCostChart(const Project &project, const Sweep &sweep, const QString &highlight,
                        const Catalogue &catalogue)
{
    static constexpr double kFloor = 1;
    CostChart chart;
    chart.title = QStringLiteral("Monthly cost against traffic (× each component's stated traffic)");
    if (!sweep.multipliers.empty()) {
        chart.xMin = sweep.multipliers.front();
        chart.xMax = sweep.multipliers.back();
    }
    double top = kFloor;
    for (const auto &s : sweep.series) {
        CostChart::Curve curve;
        curve.option = s.option;
        curve.name = optionName(project, s.option);
        curve.color = optionColor(project.optionIndex(s.option));
        curve.highlighted = s.option == highlight;
        for (size_t i = 0; i < s.totals.size() && i < sweep.multipliers.size(); ++i) {
            curve.points.emplace_back(sweep.multipliers[i], std::max(s.totals[i], kFloor));
            top = std::max(top, s.totals[i]);
        }
        chart.curves.push_back(std::move(curve));
    }
    if (project.assumptions.monthlyBudget) {
        chart.budget = *project.assumptions.monthlyBudget;
        top = std::max(top, *chart.budget);
    }
    chart.yMin = kFloor;
    chart.yMax = std::pow(10.0, std::ceil(std::log10(top * 1.5)));
    const auto &a = project.assumptions;
    chart.levels = {{a.trafficLow, QStringLiteral("low ×%1").arg(formatNumber(a.trafficLow, 3))},
                    {a.trafficTypical,
                     QStringLiteral("typical ×%1").arg(formatNumber(a.trafficTypical, 3))},
                    {a.trafficHigh, QStringLiteral("high ×%1").arg(formatNumber(a.trafficHigh, 3))}};
    if (const Option *o = project.option(highlight)) {
        const BillModel model(project, *o, catalogue);
        for (const auto &b : sweep.breakpoints)
            if (b.option == highlight)
                chart.breakpoints.push_back({b.multiplier, std::max(model.total(b.multiplier), kFloor),
                                             b.description});
    }
    for (const auto &c : sweep.crossovers) {
        if (!highlight.isEmpty() && c.cheaperAbove != highlight && c.cheaperBelow != highlight)
            continue;
        chart.crossovers.push_back(
            {c.multiplier, std::max(c.total, kFloor),
             QStringLiteral("%1 becomes cheaper than %2 above ×%3 (%4 per month)")
                 .arg(optionName(project, c.cheaperAbove), optionName(project, c.cheaperBelow),
                      formatNumber(c.multiplier, 2), formatMoney(c.total))});
    }
    return chart;
}

void paintCostChart(QPainter *p, const CostChart &chart, const QRectF &target)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(11);
    QFont small = font;
    small.setPixelSize(10);
    QFont bold = font;
    bold.setBold(true);
    bold.setPixelSize(13);
    const QFontMetricsF fm(font);
    const QFontMetricsF sm(small);
    const QColor text(0x21, 0x21, 0x21), grid(0xe0, 0xe0, 0xe0), axis(0x61, 0x61, 0x61);

    // Legend rows under the plot: one per curve (two columns), budget, then each crossover.
    const int curveRows = int(chart.curves.size() + 1) / 2;
    const int legendRows = curveRows + (chart.budget || !chart.breakpoints.empty() ? 1 : 0)
                           + int(chart.crossovers.size());
    const double rowH = sm.height() + 4;
    const double legendH = legendRows * rowH + 6;
    const QRectF titleRect(target.left(), target.top(), target.width(), 22);
    QRectF plot(target.left() + 56, titleRect.bottom() + 8, target.width() - 56 - 16,
                target.height() - titleRect.height() - 8 - 34 - legendH);
    if (plot.height() < 60)
        plot.setHeight(60);

    p->setPen(text);
    p->setFont(bold);
    p->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, chart.title);

    const double lx0 = std::log10(chart.xMin), lx1 = std::log10(chart.xMax);
    const double ly0 = std::log10(chart.yMin), ly1 = std::log10(chart.yMax);
    auto map = [&](double x, double y) {
        const double fx = (std::log10(std::clamp(x, chart.xMin, chart.xMax)) - lx0) / (lx1 - lx0);
        const double fy = (std::log10(std::clamp(y, chart.yMin, chart.yMax)) - ly0) / (ly1 - ly0);
        return QPointF(plot.left() + fx * plot.width(), plot.bottom() - fy * plot.height());
    };

    // Grid and axes: decades on both axes.
    p->setFont(small);
    for (int e = int(std::ceil(lx0 - 1e-9)); e <= int(std::floor(lx1 + 1e-9)); ++e) {
        const double x = map(std::pow(10.0, e), chart.yMin).x();
        p->setPen(QPen(grid, 1));
        p->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p->setPen(axis);
        const QString label = QStringLiteral("×%1").arg(formatNumber(std::pow(10.0, e), 2));
        p->drawText(QRectF(x - 40, plot.bottom() + 4, 80, sm.height()), Qt::AlignHCenter, label);
    }
    for (int e = int(std::ceil(ly0 - 1e-9)); e <= int(std::floor(ly1 + 1e-9)); ++e) {
        const double y = map(chart.xMin, std::pow(10.0, e)).y();
        p->setPen(QPen(grid, 1));
        p->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p->setPen(axis);
        p->drawText(QRectF(target.left(), y - sm.height() / 2, 50, sm.height()),
                    Qt::AlignRight | Qt::AlignVCenter, moneyTick(std::pow(10.0, e)));
    }
    p->setPen(QPen(axis, 1));
    p->setBrush(Qt::NoBrush);
    p->drawRect(plot);
    p->drawText(QRectF(plot.left(), plot.bottom() + 4 + sm.height(), plot.width(), sm.height() + 2),
                Qt::AlignHCenter,
                QStringLiteral("traffic multiplier (log scale); monthly USD (log scale, below $1 "
                               "drawn at $1)"));

    // Traffic levels.
    for (const auto &[m, label] : chart.levels) {
        if (m < chart.xMin || m > chart.xMax)
            continue;
        const double x = map(m, chart.yMin).x();
        p->setPen(QPen(QColor(0x37, 0x47, 0x4f), 1, Qt::DotLine));
        p->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p->setPen(axis);
        p->save();
        p->translate(x + 3, plot.top() + 4);
        p->rotate(90);
        p->drawText(QPointF(0, 0), label);
        p->restore();
    }
    // Budget.
    if (chart.budget) {
        const double y = map(chart.xMin, *chart.budget).y();
        p->setPen(QPen(QColor(0x2e, 0x7d, 0x32), 1.5, Qt::DashLine));
        p->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
    // Curves: others first, the highlighted one on top.
    p->setClipRect(plot.adjusted(-1, -1, 1, 1));
    for (const bool top : {false, true}) {
        for (const auto &c : chart.curves) {
            if (c.highlighted != top || c.points.empty())
                continue;
            QPainterPath path(map(c.points.front().x(), c.points.front().y()));
            for (size_t i = 1; i < c.points.size(); ++i)
                path.lineTo(map(c.points[i].x(), c.points[i].y()));
            QColor colour = c.color;
            if (!c.highlighted && chart.curves.size() > 1)
                colour.setAlphaF(0.55);
            p->setPen(QPen(colour, c.highlighted ? 3.0 : 1.6));
            p->drawPath(path);
        }
    }
    for (const auto &b : chart.breakpoints) {
        p->setPen(QPen(Qt::white, 1));
        p->setBrush(QColor(0xff, 0xa0, 0x00));
        p->drawEllipse(map(b.multiplier, b.total), 4.5, 4.5);
    }
    p->setFont(small);
    for (size_t i = 0; i < chart.crossovers.size(); ++i) {
        const QPointF at = map(chart.crossovers[i].multiplier, chart.crossovers[i].total);
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0xd3, 0x2f, 0x2f));
        p->drawRect(QRectF(at - QPointF(4.5, 4.5), QSizeF(9, 9)));
        p->setPen(QColor(0xb7, 0x1c, 0x1c));
        p->drawText(at + QPointF(7, -6), QString::number(i + 1));
    }
    p->setClipping(false);

    // Legend.
    double y = plot.bottom() + 4 + 2 * sm.height() + 10;
    const double colW = plot.width() / 2;
    for (size_t i = 0; i < chart.curves.size(); ++i) {
        const auto &c = chart.curves[i];
        const double x = plot.left() + double(i % 2) * colW;
        const double rowY = y + double(i / 2) * rowH;
        p->setPen(QPen(c.color, c.highlighted ? 3.0 : 1.6));
        p->drawLine(QPointF(x, rowY + rowH / 2), QPointF(x + 18, rowY + rowH / 2));
        p->setPen(text);
        QFont f = small;
        f.setBold(c.highlighted);
        p->setFont(f);
        p->drawText(QRectF(x + 24, rowY, colW - 28, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetricsF(f).elidedText(c.name, Qt::ElideRight, colW - 28));
    }
    p->setFont(small);
    y += curveRows * rowH;
    if (chart.budget || !chart.breakpoints.empty()) {
        double x = plot.left();
        if (chart.budget) {
            p->setPen(QPen(QColor(0x2e, 0x7d, 0x32), 1.5, Qt::DashLine));
            p->drawLine(QPointF(x, y + rowH / 2), QPointF(x + 18, y + rowH / 2));
            p->setPen(text);
            const QString label = QStringLiteral("budget %1").arg(formatMoney(*chart.budget));
            p->drawText(QRectF(x + 24, y, colW - 28, rowH), Qt::AlignLeft | Qt::AlignVCenter, label);
            x += colW;
        }
        if (!chart.breakpoints.empty()) {
            p->setPen(QPen(Qt::white, 1));
            p->setBrush(QColor(0xff, 0xa0, 0x00));
            p->drawEllipse(QPointF(x + 9, y + rowH / 2), 4.5, 4.5);
            p->setPen(text);
            p->drawText(QRectF(x + 24, y, colW - 28, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                        QStringLiteral("breakpoint: an allowance runs out or a paid plan is needed"));
        }
        y += rowH;
    }
    for (size_t i = 0; i < chart.crossovers.size(); ++i) {
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0xd3, 0x2f, 0x2f));
        p->drawRect(QRectF(plot.left() + 4.5, y + rowH / 2 - 4.5, 9, 9));
        p->setPen(text);
        p->drawText(QRectF(plot.left() + 24, y, plot.width() - 24, rowH),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    sm.elidedText(QStringLiteral("%1. %2").arg(i + 1).arg(chart.crossovers[i].label),
                                  Qt::ElideRight, plot.width() - 24));
        y += rowH;
    }
    p->restore();
}

} // namespace stackplan
