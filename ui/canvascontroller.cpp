#include "canvascontroller.h"

#include "canvas/componentitem.h"
#include "canvas/connectionitem.h"
#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "document.h"
#include "inlineeditor.h"
#include "io/projectfile.h"
#include "layout/autoarrange.h"
#include "mimetypes.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <vector>

namespace stackplan {

namespace {

} // namespace

CanvasController::CanvasController(Document *document, DiagramScene *scene, DiagramView *view,
                                   QObject *parent)
    : QObject(parent), m_document(document), m_scene(scene), m_view(view)
{
    connect(scene, &DiagramScene::roleDropped, this,
            [this](Role role, const QPointF &pos) { addComponent(role, pos); });
    connect(scene, &DiagramScene::elementActivated, this,
            [this](const QString &id) { startRename(id); });
    connect(view, &DiagramView::nudgeRequested, this, &CanvasController::nudgeSelection);
    connect(document, &Document::currentOptionChanged, this, [this] { finishRename(false); });
    connect(document->editor(), &ProjectEditor::projectReset, this,
            [this] { finishRename(false); });
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        connect(clipboard, &QClipboard::dataChanged, this,
                [this] { emit pasteAvailableChanged(canPaste()); });
}

QString CanvasController::addComponent(Role role, const QPointF &scenePos)
{
    const Option *o = m_document->currentOption();
    if (!o)
        return {};
    Component c;
    c.role = role;
    c.name = roleLabel(role);
    QStringList names;
    for (const auto &existing : o->components)
        names << existing.name;
    for (int n = 2; names.contains(c.name); ++n)
        c.name = tr("%1 %2").arg(roleLabel(role)).arg(n);
    QPointF topLeft = scenePos - QPointF(kBoxWidth / 2, kBoxHeight / 2);
    if (m_scene->snapToGrid())
        topLeft = QPointF(snappedToGrid(topLeft.x()), snappedToGrid(topLeft.y()));
    const Edit e = addComponentEdit(m_document->project(), o->id, c,
                                    LayoutEntry{topLeft.x(), topLeft.y(), false});
    if (e.isEmpty())
        return {};
    const QString id = std::get<op::AddComponent>(e.ops.front()).component.id;
    if (!m_document->push(e))
        return {};
    m_scene->selectElements({id}, {});
    return id;
}

QString CanvasController::addComponentInView(Role role)
{
    const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
    const QPointF topLeft = freeSpotNear(centre - QPointF(kBoxWidth / 2, kBoxHeight / 2));
    const QString id = addComponent(role, topLeft + QPointF(kBoxWidth / 2, kBoxHeight / 2));
    if (ComponentItem *item = m_scene->componentItem(id))
        m_view->ensureVisible(item, 40, 40);
    return id;
}

QPointF CanvasController::freeSpotNear(const QPointF &topLeft) const
{
    const QPointF origin(snappedToGrid(topLeft.x()), snappedToGrid(topLeft.y()));
    // Candidate spots around `topLeft`, nearest first (at equal distance: below before above,
    // right before left), 128 px and half a row apart.
    const auto steps = [](int n) {
        std::vector<int> v{0};
        for (int k = 1; k <= n; ++k)
            v.insert(v.end(), {k, -k});
        return v;
    };
    std::vector<QPointF> candidates;
    for (const int j : steps(6))
        for (const int i : steps(3))
            candidates.emplace_back(origin + QPointF(i * kGrid * 16, j * kRowSpacing / 2));
    std::stable_sort(candidates.begin(), candidates.end(), [&](const QPointF &a, const QPointF &b) {
        return QLineF(origin, a).length() < QLineF(origin, b).length();
    });
    // What a spot would cover: a box there must not touch another box, and preferably no arrow
    // either, so that nothing hides behind it.
    auto blockedBy = [&](const QPointF &p, bool arrowsToo) {
        const QRectF wanted = QRectF(p, QSizeF(kBoxWidth, kBoxHeight)).adjusted(-16, -16, 16, 16);
        for (const QGraphicsItem *item : m_scene->items(wanted, Qt::IntersectsItemBoundingRect)) {
            if (item->type() == ComponentItem::Type
                && item->mapRectToScene(static_cast<const ComponentItem *>(item)->boxRect())
                       .intersects(wanted))
                return true;
            if (arrowsToo && item->type() == ConnectionItem::Type
                && item->mapToScene(item->shape()).intersects(wanted))
                return true;
        }
        return false;
    };
    for (const bool arrowsToo : {true, false})
        for (const QPointF &p : candidates)
            if (!blockedBy(p, arrowsToo))
                return p;
    // Crowded all around: the first free row below.
    QPointF p = origin;
    for (int attempt = 0; attempt < 64 && blockedBy(p, false); ++attempt)
        p.ry() += kRowSpacing;
    return p;
}

bool CanvasController::hasSelection() const
{
    return !m_scene->selectedItems().isEmpty();
}

bool CanvasController::hasComponentSelection() const
{
    return !m_scene->selectedComponentIds().isEmpty();
}

void CanvasController::selectAll()
{
    const Option *o = m_document->currentOption();
    if (!o)
        return;
    m_scene->selectElements(componentIds(*o), connectionIds(*o));
}

void CanvasController::deleteSelection()
{
    const QStringList comps = m_scene->selectedComponentIds();
    const QStringList conns = m_scene->selectedConnectionIds();
    if (comps.isEmpty() && conns.isEmpty())
        return;
    m_document->push(removeElementsEdit(m_document->project(), m_scene->optionId(), comps, conns));
}

void CanvasController::copySelection()
{
    const Option *o = m_document->currentOption();
    const QStringList ids = m_scene->selectedComponentIds();
    if (!o || ids.isEmpty())
        return;
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setMimeData(toMime(copyElements(*o, ids)));
}

void CanvasController::cutSelection()
{
    const QStringList ids = m_scene->selectedComponentIds();
    if (ids.isEmpty())
        return;
    copySelection();
    Edit e = removeElementsEdit(m_document->project(), m_scene->optionId(), ids,
                                m_scene->selectedConnectionIds());
    e.text = ids.size() == 1
                 ? tr("Cut %1").arg(m_document->currentOption()->component(ids.front())->name)
                 : tr("Cut %1 components").arg(ids.size());
    m_document->push(e);
}

bool CanvasController::canPaste() const
{
    const QClipboard *clipboard = QGuiApplication::clipboard();
    const QMimeData *mime = clipboard ? clipboard->mimeData() : nullptr;
    return mime && mime->hasFormat(QString::fromLatin1(kElementsMimeType));
}

void CanvasController::paste()
{
    const QClipboard *clipboard = QGuiApplication::clipboard();
    if (const auto clip = fromMime(clipboard ? clipboard->mimeData() : nullptr))
        pasteClip(*clip, QString());
}

void CanvasController::duplicateSelection()
{
    const Option *o = m_document->currentOption();
    const QStringList ids = m_scene->selectedComponentIds();
    if (!o || ids.isEmpty())
        return;
    pasteClip(copyElements(*o, ids), ids.size() == 1
                                         ? tr("Duplicate %1").arg(o->component(ids.front())->name)
                                         : tr("Duplicate %1 components").arg(ids.size()));
}

void CanvasController::pasteClip(const Clipboard &clip, const QString &text)
{
    const Option *o = m_document->currentOption();
    if (!o || clip.components.empty())
        return;
    // Shift the copy diagonally until no pasted box sits on a box that is already there, so a
    // paste into the same option cascades and a paste into another option keeps its place.
    auto collides = [&](double dx, double dy) {
        for (const auto &[id, e] : clip.layout)
            for (const auto &c : o->components)
                if (const ComponentItem *item = m_scene->componentItem(c.id))
                    if (std::abs(item->x() - (e.x + dx)) < kGrid * 2
                        && std::abs(item->y() - (e.y + dy)) < kGrid * 2)
                        return true;
        return false;
    };
    double offset = 0;
    for (int i = 0; i < 100 && collides(offset, offset); ++i)
        offset += kGrid * 4;
    QStringList newIds;
    Edit e = pasteEdit(m_document->project(), o->id, clip, offset, offset, &newIds);
    if (!text.isEmpty())
        e.text = text;
    if (m_document->push(e))
        m_scene->selectElements(newIds, {});
}

void CanvasController::align(Alignment how)
{
    m_document->push(alignEdit(m_document->project(), m_scene->optionId(),
                               m_scene->selectedComponentIds(), how));
}

void CanvasController::distribute(Axis axis)
{
    m_document->push(distributeEdit(m_document->project(), m_scene->optionId(),
                                    m_scene->selectedComponentIds(), axis));
}

void CanvasController::autoArrange()
{
    // One undo step, then a fit: boxes may have moved out of view.
    m_document->push(arrangeEdit(m_document->project(), m_scene->optionId()));
    QTimer::singleShot(0, m_view, [view = m_view] { view->fitContents(); });
}

bool CanvasController::selectionPinned() const
{
    const Option *o = m_document->currentOption();
    const QStringList ids = m_scene->selectedComponentIds();
    if (!o || ids.isEmpty())
        return false;
    for (const auto &id : ids) {
        const auto it = o->layout.find(id);
        if (it == o->layout.end() || !it->second.pinned)
            return false;
    }
    return true;
}

void CanvasController::togglePinned()
{
    m_document->push(setPinnedEdit(m_document->project(), m_scene->optionId(),
                                   m_scene->selectedComponentIds(), !selectionPinned()));
}

void CanvasController::nudgeSelection(double dx, double dy)
{
    const Option *o = m_document->currentOption();
    const QStringList ids = m_scene->selectedComponentIds();
    if (!o || ids.isEmpty())
        return;
    std::map<QString, LayoutEntry> to;
    for (const auto &id : ids) {
        const ComponentItem *item = m_scene->componentItem(id);
        if (!item)
            continue;
        const auto it = o->layout.find(id);
        to[id] = LayoutEntry{item->x() + dx, item->y() + dy,
                             it != o->layout.end() && it->second.pinned};
    }
    // Holding an arrow key merges into one step per selection.
    m_document->push(moveEdit(m_document->project(), o->id, to),
                     QStringLiteral("nudge/%1/%2").arg(o->id, ids.join(QLatin1Char(','))));
}

void CanvasController::startRename(const QString &componentId)
{
    QString id = componentId;
    if (id.isEmpty()) {
        const QStringList selected = m_scene->selectedComponentIds();
        if (selected.size() != 1)
            return;
        id = selected.front();
    }
    const Option *o = m_document->currentOption();
    const Component *c = o ? o->component(id) : nullptr;
    ComponentItem *item = m_scene->componentItem(id);
    if (!c || !item)
        return;
    finishRename(false);
    m_view->ensureVisible(item, 20, 20);
    // Over the name line of the box (DiagramPainter::paintBox), scaled with the view.
    const QRectF nameRect(item->pos() + QPointF(54, 6), QSizeF(kBoxWidth - 58, 24));
    QFont f = m_view->font();
    f.setBold(true);
    f.setPointSizeF(std::max(7.0, 9.5 * m_view->zoom()));
    m_renaming = id;
    m_renameEditor = new InlineEditor(
        m_view->viewport(), m_view->mapFromScene(nameRect).boundingRect(), c->name, f,
        [this](bool commit, const QString &text) {
            const QString renamedId = std::exchange(m_renaming, QString());
            m_view->setFocus(Qt::OtherFocusReason);
            const QString name = text.trimmed();
            const Option *o = m_document->currentOption();
            const Component *c = o ? o->component(renamedId) : nullptr;
            if (!commit || name.isEmpty() || !c || c->name == name)
                return;
            Component renamed = *c;
            renamed.name = name;
            m_document->push(updateComponentEdit(m_document->project(), o->id, renamed,
                                                 tr("Rename %1 to %2").arg(c->name, name)));
        });
}

void CanvasController::finishRename(bool commit)
{
    if (m_renameEditor)
        m_renameEditor->finish(commit);
}

QMimeData *CanvasController::toMime(const Clipboard &clip)
{
    Project p;
    p.name = QStringLiteral("Clipboard");
    Option o;
    o.id = QStringLiteral("clipboard");
    o.name = QStringLiteral("Clipboard");
    o.components = clip.components;
    o.connections = clip.connections;
    o.layout = clip.layout;
    p.options.push_back(std::move(o));
    p.baseline = QStringLiteral("clipboard");
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(kElementsMimeType), serializeProject(p));
    return mime;
}

std::optional<Clipboard> CanvasController::fromMime(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(QString::fromLatin1(kElementsMimeType)))
        return std::nullopt;
    ProjectLoad load = parseProject(mime->data(QString::fromLatin1(kElementsMimeType)),
                                    QStringLiteral("clipboard"));
    if (!load.ok() || load.project->options.empty())
        return std::nullopt;
    const Option &o = load.project->options.front();
    return Clipboard{o.components, o.connections, o.layout};
}

} // namespace stackplan
