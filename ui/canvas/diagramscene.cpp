#include "canvas/diagramscene.h"

#include "canvas/componentitem.h"
#include "canvas/connectionitem.h"
#include "document.h"
#include "editor/edit.h"
#include "layout/autoarrange.h"
#include "render/diagram.h"
#include "render/plaintext.h"

#include "mimetypes.h"

#include <QGraphicsLineItem>
#include <QGraphicsView>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMimeData>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace stackplan {

QString boxToolTip(const Component &c, const QString &findings)
{
    // Rich text, so the tooltip wraps (at about 80 characters) instead of running across the
    // screen; the full name first, since the box may show it elided.
    QString tip = QStringLiteral("<p><b>%1</b></p>").arg(c.name.toHtmlEscaped());
    if (!findings.isEmpty())
        tip += QStringLiteral("<p>%1</p>")
                   .arg(findings.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
    return tip;
}

DiagramScene::DiagramScene(Document *document, QObject *parent)
    : QGraphicsScene(parent), m_document(document)
{
    setItemIndexMethod(QGraphicsScene::NoIndex); // many moving items: no BSP rebuilds on drag
    m_routeTimer.setSingleShot(true);
    m_routeTimer.setInterval(0);
    connect(&m_routeTimer, &QTimer::timeout, this, &DiagramScene::applyRoutes);
    ProjectEditor *ed = document->editor();
    auto mine = [this](const QString &option) {
        return option == m_option;
    };
    connect(ed, &ProjectEditor::projectReset, this, &DiagramScene::rebuild);
    connect(document, &Document::currentOptionChanged, this, &DiagramScene::rebuild);
    connect(ed, &ProjectEditor::componentAdded, this,
            [this, mine](const QString &o, const QString &id) {
                if (!mine(o))
                    return;
                const Option *opt = m_document->project().option(o);
                if (const Component *c = opt ? opt->component(id) : nullptr)
                    addComponentItem(*c, positionOf(*opt, id));
            });
    connect(ed, &ProjectEditor::componentRemoved, this,
            [this, mine](const QString &o, const QString &id) {
                if (!mine(o))
                    return;
                ComponentItem *item = m_components.take(id);
                if (item == m_connectFrom || item == m_connectTarget)
                    cancelConnectDrag();
                delete item;
                m_fallback.erase(id);
                m_router.removeBox(id);
            });
    connect(ed, &ProjectEditor::componentChanged, this,
            [this, mine](const QString &o, const QString &id) {
                if (mine(o))
                    refreshComponent(id);
            });
    connect(ed, &ProjectEditor::connectionAdded, this,
            [this, mine](const QString &o, const QString &id) {
                if (!mine(o))
                    return;
                if (const Connection *c = m_document->project().option(o)->connection(id))
                    addConnectionItem(*c);
            });
    connect(ed, &ProjectEditor::connectionRemoved, this,
            [this, mine](const QString &o, const QString &id) {
                if (!mine(o))
                    return;
                delete m_connections.take(id);
                m_router.removeLink(id);
            });
    connect(ed, &ProjectEditor::connectionChanged, this,
            [this, mine](const QString &o, const QString &id) {
                if (mine(o))
                    refreshConnection(id);
            });
    // Arrows are routed once per edit, after all its boxes and connections have changed.
    connect(ed, &ProjectEditor::changed, this, &DiagramScene::applyRoutes);
    connect(ed, &ProjectEditor::layoutChanged, this,
            [this, mine](const QString &o, const QStringList &ids) {
                if (mine(o))
                    refreshPositions(ids);
            });
    connect(ed, &ProjectEditor::optionRemoved, this, [this](const QString &o) {
        if (o == m_option)
            rebuild();
    });
    connect(this, &QGraphicsScene::selectionChanged, this, &DiagramScene::selectionIdsChanged);
    rebuild();
}

DiagramScene::~DiagramScene()
{
    blockSignals(true); // items deleted by ~QGraphicsScene must not report a selection change
}

LayoutEntry DiagramScene::positionOf(const Option &o, const QString &id) const
{
    if (const auto it = o.layout.find(id); it != o.layout.end())
        return it->second;
    if (const auto it = m_fallback.find(id); it != m_fallback.end())
        return it->second;
    return {};
}

void DiagramScene::rebuild()
{
    m_syncing = true;
    clearSelection();
    for (auto *item : std::as_const(m_connections))
        delete item;
    for (auto *item : std::as_const(m_components))
        delete item;
    m_connections.clear();
    m_components.clear();
    m_fallback.clear();
    m_router.clear();
    m_connectFrom = nullptr;
    m_connectTarget = nullptr;
    delete m_rubberLine;
    m_rubberLine = nullptr;
    m_pressPositions.clear();
    m_option = m_document->currentOptionId();
    const Option *o = m_document->currentOption();
    if (o) {
        m_fallback = placeMissing(*o);
        for (const auto &c : o->components)
            addComponentItem(c, positionOf(*o, c.id));
        for (const auto &c : o->connections)
            addConnectionItem(c);
    }
    applyRoutes();
    m_syncing = false;
    setSceneRect(contentRect().adjusted(-2000, -2000, 2000, 2000));
}

void DiagramScene::setTheme(Theme theme)
{
    if (theme == m_theme)
        return;
    m_theme = theme;
    update(); // every item and the views' background
    for (QGraphicsView *v : views())
        v->viewport()->update();
}

void DiagramScene::addComponentItem(const Component &c, const LayoutEntry &pos)
{
    m_syncing = true;
    auto *item = new ComponentItem(c.id);
    item->setVisual(visualFor(c));
    item->setPos(pos.x, pos.y);
    item->setToolTip(boxToolTip(c, m_badges.value(c.id).tooltip));
    addItem(item);
    m_components.insert(c.id, item);
    m_router.setBox(c.id, item->mapRectToScene(item->boxRect()));
    m_syncing = false;
}

void DiagramScene::addConnectionItem(const Connection &c)
{
    auto *item = new ConnectionItem(c.id);
    addItem(item);
    m_connections.insert(c.id, item);
    refreshConnection(c.id);
}

void DiagramScene::refreshComponent(const QString &id)
{
    const Option *o = m_document->currentOption();
    const Component *c = o ? o->component(id) : nullptr;
    if (auto *item = m_components.value(id); item && c) {
        item->setVisual(visualFor(*c));
        item->setToolTip(boxToolTip(*c, m_badges.value(id).tooltip));
    }
}

void DiagramScene::refreshConnection(const QString &id)
{
    const Option *o = m_document->currentOption();
    const Connection *c = o ? o->connection(id) : nullptr;
    auto *item = m_connections.value(id);
    if (!item || !c)
        return;
    const ConnectionVisual v = visualFor(*c);
    item->setVisual(v);
    item->setToolTip(plainToolTip(m_badges.value(id).tooltip));
    m_router.setLink(id, routerLink(*c, v, style()));
}

void DiagramScene::applyRoutes()
{
    m_routeTimer.stop();
    for (const QString &id : m_router.update())
        if (auto *item = m_connections.value(id))
            item->setRoute(m_router.route(id));
}

void DiagramScene::refreshPositions(const QStringList &ids)
{
    const Option *o = m_document->currentOption();
    if (!o)
        return;
    m_syncing = true;
    QHash<QString, const Component *> byId;
    if (ids.size() > 8) {
        byId.reserve(qsizetype(o->components.size()));
        for (const auto &c : o->components)
            byId.insert(c.id, &c);
    }
    for (const auto &id : ids) {
        if (auto *item = m_components.value(id)) {
            const LayoutEntry e = positionOf(*o, id);
            if (item->pos() != QPointF(e.x, e.y))
                item->setPos(e.x, e.y);
            if (const Component *c = ids.size() > 8 ? byId.value(id) : o->component(id))
                item->setVisual(visualFor(*c));
        }
    }
    m_syncing = false;
    applyRoutes();
}

BoxVisual DiagramScene::visualFor(const Component &c) const
{
    const Option *o = m_document->currentOption();
    const auto it = o ? o->layout.find(c.id) : std::map<QString, LayoutEntry>::const_iterator();
    BoxVisual v
        = boxVisual(c, m_document->catalogue(), o && it != o->layout.end() && it->second.pinned);
    const ElementBadge b = m_badges.value(c.id);
    v.badge = b.severity;
    v.badgeCount = b.count;
    return v;
}

ConnectionVisual DiagramScene::visualFor(const Connection &c) const
{
    // An intermediary on the canvas is shown by routing the arrow through its box.
    ConnectionVisual v = connectionVisual(c, m_components.contains(c.via));
    const ElementBadge b = m_badges.value(c.id);
    v.badge = b.severity;
    v.badgeCount = b.count;
    return v;
}

void DiagramScene::setBadges(const QHash<QString, ElementBadge> &badges)
{
    // Only the elements whose badge changed are refreshed: every item already shows m_badges
    // (items are built and refreshed from it), and an edit changes a handful of badges.
    QSet<QString> changed;
    for (auto it = badges.cbegin(); it != badges.cend(); ++it) {
        const auto old = m_badges.constFind(it.key());
        if (old == m_badges.cend() || !(*old == *it))
            changed.insert(it.key());
    }
    for (auto it = m_badges.cbegin(); it != m_badges.cend(); ++it)
        if (!badges.contains(it.key()))
            changed.insert(it.key());
    m_badges = badges;
    if (changed.isEmpty())
        return;
    const Option *o = m_document->currentOption();
    if (!o)
        return;
    auto refreshBox = [this](const Component &c) {
        if (auto *item = m_components.value(c.id)) {
            item->setVisual(visualFor(c));
            item->setToolTip(boxToolTip(c, m_badges.value(c.id).tooltip));
        }
    };
    auto refreshLink = [this](const Connection &c) {
        if (auto *item = m_connections.value(c.id)) {
            const ConnectionVisual v = visualFor(c);
            item->setVisual(v);
            item->setToolTip(plainToolTip(m_badges.value(c.id).tooltip));
            m_router.setLink(c.id, routerLink(c, v, style()));
        }
    };
    if (changed.size() > 16) { // many (another option, a reset): one pass over the option
        for (const auto &c : o->components)
            if (changed.contains(c.id))
                refreshBox(c);
        for (const auto &c : o->connections)
            if (changed.contains(c.id))
                refreshLink(c);
    } else {
        for (const QString &id : changed) {
            if (const Component *c = o->component(id))
                refreshBox(*c);
            else if (const Connection *c = o->connection(id))
                refreshLink(*c);
        }
    }
    applyRoutes();
}

void DiagramScene::componentItemMoved(ComponentItem *item)
{
    if (m_components.value(item->id()) != item)
        return; // not added yet
    m_router.setBox(item->id(), item->mapRectToScene(item->boxRect()));
    if (!m_syncing)
        m_routeTimer.start();
}

QRectF DiagramScene::contentRect() const
{
    QRectF r;
    for (auto *item : std::as_const(m_components))
        r = r.united(item->sceneBoundingRect());
    for (auto *item : std::as_const(m_connections))
        r = r.united(item->sceneBoundingRect());
    return r;
}

QStringList DiagramScene::selectedComponentIds() const
{
    QStringList ids;
    for (auto *item : selectedItems())
        if (item->type() == ComponentItem::Type)
            ids << static_cast<ComponentItem *>(item)->id();
    // Model order, so multi-selection behaves predictably.
    QStringList ordered;
    if (const Option *o = m_document->currentOption())
        for (const auto &c : o->components)
            if (ids.contains(c.id))
                ordered << c.id;
    return ordered;
}

QStringList DiagramScene::selectedConnectionIds() const
{
    QStringList ids;
    for (auto *item : selectedItems())
        if (item->type() == ConnectionItem::Type)
            ids << static_cast<ConnectionItem *>(item)->id();
    QStringList ordered;
    if (const Option *o = m_document->currentOption())
        for (const auto &c : o->connections)
            if (ids.contains(c.id))
                ordered << c.id;
    return ordered;
}

void DiagramScene::selectElements(const QStringList &componentIds, const QStringList &connectionIds)
{
    blockSignals(true);
    clearSelection();
    for (const auto &id : componentIds)
        if (auto *item = m_components.value(id))
            item->setSelected(true);
    for (const auto &id : connectionIds)
        if (auto *item = m_connections.value(id))
            item->setSelected(true);
    blockSignals(false);
    emit selectionChanged();
}

ComponentItem *DiagramScene::componentAt(const QPointF &scenePos) const
{
    for (auto *item : items(scenePos))
        if (item->type() == ComponentItem::Type)
            return static_cast<ComponentItem *>(item);
    return nullptr;
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        ComponentItem *hit = componentAt(event->scenePos());
        if (hit && hit->isOverHandle(hit->mapFromScene(event->scenePos()))) {
            m_connectFrom = hit;
            m_rubberLine
                = addLine(QLineF(hit->mapToScene(hit->handleRect().center()), event->scenePos()),
                          QPen(QColor(0x1e, 0x88, 0xe5), 1.5, Qt::DashLine));
            m_rubberLine->setZValue(10);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    m_pressPositions.clear();
    if (event->button() == Qt::LeftButton)
        for (auto *item : selectedItems())
            if (item->type() == ComponentItem::Type)
                m_pressPositions[static_cast<ComponentItem *>(item)->id()] = item->pos();
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_rubberLine) {
        QLineF l = m_rubberLine->line();
        l.setP2(event->scenePos());
        m_rubberLine->setLine(l);
        ComponentItem *target = componentAt(event->scenePos());
        if (target == m_connectFrom)
            target = nullptr;
        if (target != m_connectTarget) {
            if (m_connectTarget)
                m_connectTarget->setHighlighted(false);
            m_connectTarget = target;
            if (target)
                target->setHighlighted(true);
        }
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_rubberLine) {
        ComponentItem *from = m_connectFrom;
        cancelConnectDrag();
        ComponentItem *to = componentAt(event->scenePos());
        if (from && to && to != from)
            m_document->push(connectEdit(m_document->project(), m_option, from->id(), to->id()));
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (m_pressPositions.empty())
        return;
    std::map<QString, LayoutEntry> moved;
    const Option *o = m_document->currentOption();
    for (const auto &[id, before] : m_pressPositions) {
        ComponentItem *item = m_components.value(id);
        if (!item || item->pos() == before)
            continue;
        QPointF p = item->pos();
        if (m_snap)
            p = QPointF(snappedToGrid(p.x()), snappedToGrid(p.y()));
        LayoutEntry e{p.x(), p.y(), false};
        if (o)
            if (const auto it = o->layout.find(id); it != o->layout.end())
                e.pinned = it->second.pinned;
        moved[id] = e;
    }
    m_pressPositions.clear();
    if (!moved.empty() && !m_document->push(moveEdit(m_document->project(), m_option, moved)))
        refreshPositions([&] {
            QStringList ids;
            for (const auto &[id, e] : moved)
                ids << id;
            return ids;
        }());
}

QPointF DiagramScene::dragPosition(const ComponentItem *item, const QPointF &proposed) const
{
    if (!m_snap || m_syncing || !m_pressPositions.count(item->id()))
        return proposed;
    return QPointF(snappedToGrid(proposed.x()), snappedToGrid(proposed.y()));
}

void DiagramScene::cancelConnectDrag()
{
    if (m_connectTarget)
        m_connectTarget->setHighlighted(false);
    m_connectTarget = nullptr;
    m_connectFrom = nullptr;
    delete m_rubberLine;
    m_rubberLine = nullptr;
}

void DiagramScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    QGraphicsItem *hit = nullptr;
    for (auto *item : items(event->scenePos()))
        if (item->type() == ComponentItem::Type || item->type() == ConnectionItem::Type) {
            hit = item;
            break;
        }
    if (hit && !hit->isSelected()) {
        clearSelection();
        hit->setSelected(true);
    } else if (!hit) {
        clearSelection();
    }
    emit contextMenuRequested(event->screenPos(), event->scenePos());
    event->accept();
}

namespace {
bool carriesRole(const QGraphicsSceneDragDropEvent *event)
{
    return event->mimeData() && event->mimeData()->hasFormat(QString::fromLatin1(kRoleMimeType));
}
} // namespace

void DiagramScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    if (carriesRole(event))
        event->acceptProposedAction();
    else
        QGraphicsScene::dragEnterEvent(event);
}

void DiagramScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    if (carriesRole(event))
        event->acceptProposedAction();
    else
        QGraphicsScene::dragMoveEvent(event);
}

void DiagramScene::dragLeaveEvent(QGraphicsSceneDragDropEvent *event)
{
    if (carriesRole(event))
        event->accept();
    else
        QGraphicsScene::dragLeaveEvent(event);
}

void DiagramScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    if (!carriesRole(event)) {
        QGraphicsScene::dropEvent(event);
        return;
    }
    const auto role = roleFromId(
        QString::fromUtf8(event->mimeData()->data(QString::fromLatin1(kRoleMimeType))));
    if (!role) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    emit roleDropped(*role, event->scenePos());
}

void DiagramScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (ComponentItem *hit = componentAt(event->scenePos())) {
        emit elementActivated(hit->id());
        event->accept();
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

} // namespace stackplan
