#pragma once

#include "cost/sweep.h"

#include <QColor>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

class QPainter;

namespace stackplan {

// Colour of the i-th option in every chart (the Costs dock, the Compare view, the review pack).
QColor optionColor(int index);

// A cost-versus-traffic chart as a value, painted with QPainter for the review pack (PDF and
// SVG alike): one curve per option of a sweep over a log traffic axis and a log cost axis
// (values below $1 drawn at $1, as in the Costs dock), the budget line, the project's three
// traffic levels, the highlighted option's breakpoints and the crossovers that involve it.
struct CostChart {
    struct Curve {
        QString option;
        QString name;
        QColor color;
        bool highlighted = false;
        std::vector<QPointF> points; // (multiplier, USD per month)
    };
    struct Marker {
        double multiplier = 0;
        double total = 0;
        QString label;
    };
    QString title;
    std::vector<Curve> curves;
    std::vector<Marker> breakpoints; // orange dots
    std::vector<Marker> crossovers;  // red squares with their sentence
    std::optional<double> budget;
    std::vector<std::pair<double, QString>> levels; // traffic levels: multiplier, "typical ×1"
    double xMin = 0.01, xMax = 1000;
    double yMin = 1, yMax = 10;
};

// Builds the chart of `sweep` with `highlight` (an option id, or empty for none) emphasised;
// `names` maps option ids to display names.
CostChart makeCostChart(const Project &project, const Sweep &sweep, const QString &highlight,
                        const Catalogue &catalogue);
void paintCostChart(QPainter *p, const CostChart &chart, const QRectF &target);

} // namespace stackplan
