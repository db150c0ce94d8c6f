#include "canvas/diagramscene.h"

#include "canvas/componentitem.h"
#include "canvas/connectionitem.h"
#include "document.h"
#include "editor/edit.h"
#include "layout/autoarrange.h"

#include "mimetypes.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMimeData>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace stackplan {

DiagramScene::DiagramScene(Document *document, QObject *parent)
    : QGraphicsScene(parent), m_document(document)
{
    setItemIndexMethod(QGraphicsScene::NoIndex); // many moving items: no BSP rebuilds on drag
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
                m_arrowsToSpread = true;
            });
    connect(ed, &ProjectEditor::connectionRemoved, this,
            [this, mine](const QString &o, const QString &id) {
                if (!mine(o))
                    return;
                delete m_connections.take(id);
                m_arrowsToSpread = true;
            });
    connect(ed, &ProjectEditor::connectionChanged, this,
            [this, mine](const QString &o, const QString &id) {
                if (mine(o))
                    refreshConnection(id);
            });
    // Side-by-side arrows are laid out once per edit, after all its connections have changed.
    connect(ed, &ProjectEditor::changed, this, [this] {
        if (m_arrowsToSpread)
            spreadParallelArrows();
    });
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
        spreadParallelArrows();
    }
    m_syncing = false;
    setSceneRect(contentRect().adjusted(-2000, -2000, 2000, 2000));
}

void DiagramScene::addComponentItem(const Component &c, const LayoutEntry &pos)
{
    m_syncing = true;
    auto *item = new ComponentItem(c.id);
    item->setVisual(visualFor(c));
    item->setPos(pos.x, pos.y);
    item->setToolTip(m_componentBadges.value(c.id).tooltip);
    addItem(item);
    m_components.insert(c.id, item);
    m_syncing = false;
}

void DiagramScene::addConnectionItem(const Connection &c)
{
    auto *from = m_components.value(c.from);
    auto *to = m_components.value(c.to);
    if (!from || !to)
        return;
    auto *item = new ConnectionItem(c.id, from, to);
    item->setVia(c.via.isEmpty() ? nullptr : m_components.value(c.via));
    item->setVisual(visualFor(c));
    item->setToolTip(m_connectionBadges.value(c.id).tooltip);
    addItem(item);
    m_connections.insert(c.id, item);
}

void DiagramScene::refreshComponent(const QString &id)
{
    const Option *o = m_document->currentOption();
    const Component *c = o ? o->component(id) : nullptr;
    if (auto *item = m_components.value(id); item && c) {
        item->setVisual(visualFor(*c));
        item->setToolTip(m_componentBadges.value(id).tooltip);
    }
}

void DiagramScene::refreshConnection(const QString &id)
{
    const Option *o = m_document->currentOption();
    const Connection *c = o ? o->connection(id) : nullptr;
    auto *item = m_connections.value(id);
    if (!item || !c)
        return;
    auto *from = m_components.value(c->from);
    auto *to = m_components.value(c->to);
    auto *via = c->via.isEmpty() ? nullptr : m_components.value(c->via);
    if (from != item->fromItem() || to != item->toItem() || via != item->viaItem()) {
        item->setEnds(from, to);
        item->setVia(via);
        m_arrowsToSpread = true;
    }
    item->setVisual(visualFor(*c));
    item->setToolTip(m_connectionBadges.value(id).tooltip);
}

void DiagramScene::spreadParallelArrows()
{
    m_arrowsToSpread = false;
    // Direct arrows grouped by the unordered pair of boxes they join, in id order.
    std::map<std::pair<QString, QString>, std::vector<ConnectionItem *>> pairs;
    for (auto *item : std::as_const(m_connections)) {
        if (item->viaItem() || !item->fromItem() || !item->toItem())
            continue;
        const QString &a = item->fromItem()->id();
        const QString &b = item->toItem()->id();
        pairs[a < b ? std::pair(a, b) : std::pair(b, a)].push_back(item);
    }
    constexpr double kGap = 18;        // pixels between side-by-side arrows
    constexpr double kLabelStep = 0.2; // labels staggered along the arrows
    for (auto &[pair, items] : pairs) {
        std::sort(items.begin(), items.end(), [](const ConnectionItem *x, const ConnectionItem *y) {
            return x->id() < y->id();
        });
        const double middle = (items.size() - 1) / 2.0;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const double shift = i - middle;
            const double along = std::clamp(0.5 + shift * kLabelStep, 0.2, 0.8);
            const bool forward = items[i]->fromItem()->id() == pair.first;
            items[i]->setParallel(shift * kGap, forward ? along : 1 - along);
        }
    }
}

void DiagramScene::refreshPositions(const QStringList &ids)
{
    const Option *o = m_document->currentOption();
    if (!o)
        return;
    m_syncing = true;
    for (const auto &id : ids) {
        if (auto *item = m_components.value(id)) {
            const LayoutEntry e = positionOf(*o, id);
            if (item->pos() != QPointF(e.x, e.y))
                item->setPos(e.x, e.y);
            if (const Component *c = o->component(id))
                item->setVisual(visualFor(*c));
        }
    }
    m_syncing = false;
}

BoxVisual DiagramScene::visualFor(const Component &c) const
{
    BoxVisual v;
    v.name = c.name;
    v.roleId = roleId(c.role);
    v.roleLabel = roleLabel(c.role);
    if (!c.binding.isBound()) {
        v.bindingLine = tr("unbound");
    } else if (const Profile *p = m_document->catalogue()
                                      ? m_document->catalogue()->profile(c.binding.profile)
                                      : nullptr) {
        const Plan *plan = c.binding.plan.isEmpty() ? &p->plans.front() : p->plan(c.binding.plan);
        v.bindingLine = p->name + QStringLiteral(" · ") + (plan ? plan->id : c.binding.plan);
        if (!c.binding.instance.isEmpty())
            v.bindingLine += QStringLiteral(" · ") + c.binding.instance;
        v.accent = QColor(p->color);
    } else {
        v.bindingLine = tr("unknown profile %1").arg(c.binding.profile);
    }
    const Option *o = m_document->currentOption();
    if (o) {
        const auto it = o->layout.find(c.id);
        v.pinned = it != o->layout.end() && it->second.pinned;
    }
    const Badge b = m_componentBadges.value(c.id);
    v.badge = b.severity;
    v.badgeCount = b.count;
    return v;
}

ConnectionVisual DiagramScene::visualFor(const Connection &c) const
{
    ConnectionVisual v;
    v.label = protocolId(c.protocol);
    // An intermediary on the canvas is shown by routing the arrow through its box.
    if (!c.via.isEmpty() && !m_components.contains(c.via))
        v.label += tr(" via %1").arg(c.via);
    if (c.pooled)
        v.label += tr(" (pooled)");
    const Badge b = m_connectionBadges.value(c.id);
    v.badge = b.severity;
    v.badgeCount = b.count;
    return v;
}

void DiagramScene::setBadges(const QHash<QString, Badge> &components,
                             const QHash<QString, Badge> &connections)
{
    m_componentBadges = components;
    m_connectionBadges = connections;
    for (auto it = m_components.cbegin(); it != m_components.cend(); ++it)
        refreshComponent(it.key());
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it)
        refreshConnection(it.key());
}

void DiagramScene::componentItemMoved(ComponentItem *item)
{
    for (auto *conn : std::as_const(m_connections))
        if (conn->fromItem() == item || conn->toItem() == item || conn->viaItem() == item)
            conn->updateGeometry();
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
