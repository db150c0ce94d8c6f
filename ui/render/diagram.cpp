#include "render/diagram.h"

#include "layout/autoarrange.h"
#include "profiles/catalogue.h"
#include "render/painter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QSet>

#include <cmath>

namespace stackplan {

namespace {

constexpr double kMargin = 24;
constexpr double kLegendGap = 28;
constexpr double kLegendMinWidth = 520;
constexpr double kLegendRuleWidth = 130;

QString tr(const char *text)
{
    return QCoreApplication::translate("Diagram", text);
}

} // namespace

BadgeSeverity badgeSeverity(Severity s)
{
    switch (s) {
    case Severity::Error:
        return BadgeSeverity::Error;
    case Severity::Warning:
        return BadgeSeverity::Warning;
    case Severity::Info:
        return BadgeSeverity::Info;
    }
    return BadgeSeverity::None;
}

QHash<QString, ElementBadge> elementBadges(const Option &option,
                                           const std::vector<Finding> &findings,
                                           const QSet<QString> *only)
{
    QHash<QString, ElementBadge> badges;
    // The option's element ids, once (a lookup per subject would walk the option each time);
    // for a few elements, just those that exist.
    QSet<QString> ids;
    if (only) {
        for (const auto &id : *only)
            if (option.component(id) || option.connection(id))
                ids.insert(id);
    } else {
        ids.reserve(qsizetype(option.components.size() + option.connections.size()));
        for (const auto &c : option.components)
            ids.insert(c.id);
        for (const auto &c : option.connections)
            ids.insert(c.id);
    }
    for (const auto &f : findings) {
        if (f.option != option.id)
            continue;
        for (const auto &id : f.subjects) {
            if (!ids.contains(id))
                continue;
            ElementBadge &b = badges[id];
            if (b.count == 0 || int(badgeSeverity(f.severity)) > int(b.severity))
                b.severity = badgeSeverity(f.severity);
            ++b.count;
            if (!b.rules.contains(f.rule))
                b.rules << f.rule;
            if (!b.tooltip.isEmpty())
                b.tooltip += QLatin1Char('\n');
            b.tooltip += f.rule + QLatin1String(": ") + f.message;
        }
    }
    return badges;
}

BoxVisual boxVisual(const Component &c, const Catalogue *catalogue, bool pinned)
{
    BoxVisual v;
    v.name = c.name;
    v.roleId = roleId(c.role);
    v.roleLabel = roleLabel(c.role);
    v.pinned = pinned;
    if (!c.binding.isBound()) {
        v.bindingLine = tr("unbound");
    } else if (const Profile *p = catalogue ? catalogue->profile(c.binding.profile) : nullptr) {
        const Plan *plan = c.binding.plan.isEmpty() ? &p->plans.front() : p->plan(c.binding.plan);
        v.bindingLine = p->name + QStringLiteral(" · ") + (plan ? plan->id : c.binding.plan);
        if (!c.binding.instance.isEmpty())
            v.bindingLine += QStringLiteral(" · ") + c.binding.instance;
        v.accent = QColor(p->color);
    } else {
        v.bindingLine = tr("unknown profile %1").arg(c.binding.profile);
    }
    return v;
}

ConnectionVisual connectionVisual(const Connection &c, bool viaShown)
{
    ConnectionVisual v;
    v.label = protocolId(c.protocol);
    if (!c.via.isEmpty() && !viaShown)
        v.label += tr(" via %1").arg(c.via);
    if (c.pooled)
        v.label += tr(" (pooled)");
    return v;
}

std::map<QString, QRectF> boxRects(const Option &option)
{
    const std::map<QString, LayoutEntry> missing = placeMissing(option);
    std::map<QString, QRectF> rects;
    for (const auto &c : option.components) {
        auto it = option.layout.find(c.id);
        const LayoutEntry e = it != option.layout.end() ? it->second : missing.at(c.id);
        rects[c.id] = QRectF(e.x, e.y, kBoxWidth, kBoxHeight);
    }
    return rects;
}

Router::Link routerLink(const Connection &c, const ConnectionVisual &v, const DiagramStyle &style)
{
    return Router::Link{c.from, c.to, c.via, DiagramPainter::labelSize(v.label, style)};
}

Diagram buildDiagram(const Project &project, const QString &optionId, const Catalogue *catalogue,
                     const std::vector<Finding> &findings, const DiagramOptions &options)
{
    Diagram d;
    d.theme = options.theme;
    const Option *o = project.option(optionId);
    if (!o)
        return d;
    d.optionId = o->id;
    d.optionName = o->name;
    const DiagramStyle &style = DiagramStyle::of(options.theme);
    const std::map<QString, QRectF> rects = boxRects(*o);
    const QHash<QString, ElementBadge> badges
        = options.badges ? elementBadges(*o, findings) : QHash<QString, ElementBadge>();

    QRectF content;
    for (const auto &c : o->components) {
        const auto it = o->layout.find(c.id);
        DiagramBox box{c.id, rects.at(c.id),
                       boxVisual(c, catalogue, it != o->layout.end() && it->second.pinned)};
        const ElementBadge b = badges.value(c.id);
        box.visual.badge = b.severity;
        box.visual.badgeCount = b.count;
        content = content.united(box.rect.adjusted(0, -DiagramPainter::kBadgeOverhang,
                                                   DiagramPainter::kBadgeOverhang, 0));
        d.boxes.push_back(std::move(box));
    }
    std::map<QString, Router::Link> links;
    for (const auto &c : o->connections) {
        DiagramConnection conn{c.id, {}, connectionVisual(c, rects.count(c.via) > 0)};
        const ElementBadge b = badges.value(c.id);
        conn.visual.badge = b.severity;
        conn.visual.badgeCount = b.count;
        links[c.id] = routerLink(c, conn.visual, style);
        d.connections.push_back(std::move(conn));
    }
    const std::map<QString, Route> routes = Router::routeAll(rects, links);
    for (auto &conn : d.connections) {
        conn.route = routes.at(conn.id);
        for (const auto &leg : conn.route.legs)
            for (const QPointF &p : leg)
                content = content.united(QRectF(p, QSizeF(0.01, 0.01)));
        if (!conn.route.label.isEmpty())
            content = content.united(conn.route.label.adjusted(0, -10, 14, 0));
    }
    if (content.isNull())
        content = QRectF(0, 0, kBoxWidth, kBoxHeight);

    if (options.badges) {
        // The key of findings under the diagram: rule id, then what it concerns and why.
        const double width = std::max(content.width(), kLegendMinWidth);
        const QFontMetricsF fm(style.legendFont());
        double y = content.bottom() + kLegendGap;
        for (const auto &f : findings) {
            if (f.option != o->id)
                continue;
            QStringList names;
            for (const auto &id : f.subjects) {
                if (const Component *c = o->component(id))
                    names << c->name;
                else if (const Connection *c = o->connection(id)) {
                    const Component *from = o->component(c->from);
                    const Component *to = o->component(c->to);
                    names << QStringLiteral("%1 → %2").arg(from ? from->name : c->from,
                                                           to ? to->name : c->to);
                }
            }
            LegendEntry e{
                badgeSeverity(f.severity), f.rule, names.join(QStringLiteral(", ")), f.message, {}};
            const QString text
                = e.subjects.isEmpty() ? e.message : e.subjects + QStringLiteral(": ") + e.message;
            const double textWidth = width - kLegendRuleWidth - 14;
            const QRectF measured = fm.boundingRect(QRectF(0, 0, textWidth, 1e6),
                                                    Qt::TextWordWrap | Qt::AlignLeft, text);
            e.rect = QRectF(content.left(), y, width, std::ceil(measured.height()));
            y = e.rect.bottom() + 6;
            d.legend.push_back(std::move(e));
        }
        if (!d.legend.empty())
            content = content.united(
                QRectF(content.left(), content.bottom(), width, y - content.bottom()));
    }
    const QRectF b = content.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    d.bounds = QRectF(QPointF(std::floor(b.left()), std::floor(b.top())),
                      QPointF(std::ceil(b.right()), std::ceil(b.bottom())));
    return d;
}

void paintBackground(QPainter *p, const Diagram &d)
{
    p->fillRect(d.bounds, DiagramStyle::of(d.theme).background);
}

void paintLegend(QPainter *p, const Diagram &d)
{
    const DiagramStyle &style = DiagramStyle::of(d.theme);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    for (const auto &e : d.legend) {
        const QRectF &r = e.rect;
        const QFontMetricsF fm(style.legendFont());
        p->setPen(Qt::NoPen);
        p->setBrush(style.severity(e.severity));
        p->drawEllipse(QPointF(r.left() + 5, r.top() + fm.height() / 2), 4, 4);
        p->setPen(style.text);
        p->setFont(style.legendFont(true));
        p->drawText(QRectF(r.left() + 14, r.top(), kLegendRuleWidth - 8, fm.height()),
                    Qt::AlignLeft | Qt::AlignVCenter, e.rule);
        p->setFont(style.legendFont());
        const QString text
            = e.subjects.isEmpty() ? e.message : e.subjects + QStringLiteral(": ") + e.message;
        p->drawText(QRectF(r.left() + 14 + kLegendRuleWidth, r.top(),
                           r.width() - 14 - kLegendRuleWidth, r.height() + fm.height()),
                    Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    }
    p->restore();
}

void paintDiagram(QPainter *p, const Diagram &d, const QRectF &target)
{
    if (d.bounds.isEmpty() || target.isEmpty())
        return;
    const DiagramStyle &style = DiagramStyle::of(d.theme);
    const double s
        = std::min(target.width() / d.bounds.width(), target.height() / d.bounds.height());
    p->save();
    p->translate(target.center());
    p->scale(s, s);
    p->translate(-d.bounds.center());
    paintBackground(p, d);
    for (const auto &c : d.connections)
        DiagramPainter::paintConnection(p, c.route, c.visual, style);
    for (const auto &b : d.boxes)
        DiagramPainter::paintBox(p, b.rect, b.visual, style);
    paintLegend(p, d);
    p->restore();
}

} // namespace stackplan
