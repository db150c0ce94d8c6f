#pragma once

#include "model/project.h"
#include "render/routing.h"
#include "render/style.h"
#include "render/visuals.h"
#include "rules/finding.h"

#include <QHash>
#include <QSet>
#include <QRectF>

#include <map>
#include <vector>

class QPainter;

namespace stackplan {

class Catalogue;

// A diagram of one option as values: every box and arrow with its geometry and visual, and the
// key of findings shown under it. Built from the model alone (no scene), it is what the exports
// and the report writer draw; the canvas shows the same boxes, routes and visuals item by item.

struct DiagramBox {
    QString id;
    QRectF rect;
    BoxVisual visual;
};

struct DiagramConnection {
    QString id;
    Route route;
    ConnectionVisual visual;
};

struct LegendEntry {
    BadgeSeverity severity = BadgeSeverity::None;
    QString rule;
    QString subjects; // names of the elements it concerns
    QString message;
    QRectF rect; // where it is drawn, under the diagram
};

struct DiagramOptions {
    bool badges = true; // problem badges on boxes and arrows, and the key of findings
    Theme theme = Theme::Light;
};

struct Diagram {
    QString optionId;
    QString optionName;
    Theme theme = Theme::Light;
    std::vector<DiagramBox> boxes;              // model order
    std::vector<DiagramConnection> connections; // model order
    std::vector<LegendEntry> legend;
    QRectF bounds; // everything drawn, with a margin
};

// The problem badge of one element: worst severity, number of findings, their rule ids.
struct ElementBadge {
    BadgeSeverity severity = BadgeSeverity::None;
    int count = 0;
    QStringList rules;
    QString tooltip; // "rule: message" per finding
    bool operator==(const ElementBadge &) const = default;
};

BadgeSeverity badgeSeverity(Severity s);
// Badges of the option's components and connections, by element id; with `only`, of those
// elements alone (the rest of the findings are skipped).
QHash<QString, ElementBadge> elementBadges(const Option &option,
                                           const std::vector<Finding> &findings,
                                           const QSet<QString> *only = nullptr);
BoxVisual boxVisual(const Component &c, const Catalogue *catalogue, bool pinned);
// `viaShown`: the intermediary is a box on the diagram, so the arrow is drawn through it.
ConnectionVisual connectionVisual(const Connection &c, bool viaShown);
// Where each box is: the layout, and for boxes without a layout entry the place the canvas
// gives them (placeMissing).
std::map<QString, QRectF> boxRects(const Option &option);
Router::Link routerLink(const Connection &c, const ConnectionVisual &v, const DiagramStyle &style);

// `findings` are those of the whole project or of this option; other options' are ignored.
Diagram buildDiagram(const Project &project, const QString &optionId, const Catalogue *catalogue,
                     const std::vector<Finding> &findings, const DiagramOptions &options = {});

// Draws the diagram into any painter, scaled to fit `target` with its aspect kept and centred:
// one call for the canvas-free exports and for pages of a report.
void paintDiagram(QPainter *p, const Diagram &d, const QRectF &target);
// The same, in diagram coordinates (no scaling), element by element, for the SVG writer.
void paintBackground(QPainter *p, const Diagram &d);
void paintLegend(QPainter *p, const Diagram &d);

} // namespace stackplan
