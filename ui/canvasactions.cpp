#include "canvasactions.h"

#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "canvascontroller.h"
#include "document.h"
#include "panels/palette.h"

#include <QAction>
#include <QIcon>
#include <QMenu>

namespace stackplan {

CanvasActions::CanvasActions(Document *document, CanvasController *controller, DiagramScene *scene,
                             DiagramView *view, QObject *parent)
    : QObject(parent), m_document(document), m_controller(controller), m_scene(scene), m_view(view)
{
    auto on = [this](Id id, auto f) {
        connect(action(id), &QAction::triggered, this, f);
    };
    auto *c = controller;

    add(Cut, tr("Cu&t"), QKeySequence::Cut, QStringLiteral("cut"));
    on(Cut, [c] { c->cutSelection(); });
    add(Copy, tr("&Copy"), QKeySequence::Copy, QStringLiteral("copy"));
    on(Copy, [c] { c->copySelection(); });
    add(Paste, tr("&Paste"), QKeySequence::Paste, QStringLiteral("paste"));
    on(Paste, [c] { c->paste(); });
    add(Duplicate, tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), QStringLiteral("duplicate"));
    on(Duplicate, [c] { c->duplicateSelection(); });
    add(Delete, tr("&Delete"), QKeySequence::Delete, QStringLiteral("delete"));
    action(Delete)->setShortcuts(
        {QKeySequence(QKeySequence::Delete), QKeySequence(Qt::Key_Backspace)});
    on(Delete, [c] { c->deleteSelection(); });
    add(SelectAll, tr("Select &All"), QKeySequence::SelectAll);
    on(SelectAll, [c] { c->selectAll(); });
    add(Rename, tr("&Rename"), QKeySequence(Qt::Key_F2));
    on(Rename, [c] { c->startRename(); });
    // Editing keys belong to the canvas; elsewhere they edit text.
    for (Id id : {Cut, Copy, Paste, Duplicate, Delete, SelectAll, Rename}) {
        action(id)->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        view->addAction(action(id));
    }

    add(AutoArrange, tr("&Auto-arrange by Tier"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
        QStringLiteral("arrange"));
    action(AutoArrange)->setToolTip(tr("Arrange boxes left to right by tier; pinned boxes stay"));
    on(AutoArrange, [c] { c->autoArrange(); });
    add(Pin, tr("&Pin Position"), QKeySequence());
    action(Pin)->setCheckable(true);
    action(Pin)->setToolTip(tr("Pinned boxes keep their place when the option is auto-arranged"));
    on(Pin, [c] { c->togglePinned(); });
    add(SnapToGrid, tr("&Snap to Grid"), QKeySequence());
    action(SnapToGrid)->setCheckable(true);
    action(SnapToGrid)->setChecked(scene->snapToGrid());
    connect(action(SnapToGrid), &QAction::toggled, scene, &DiagramScene::setSnapToGrid);

    add(AlignLeft, tr("Align &Left Edges"), QKeySequence());
    on(AlignLeft, [c] { c->align(Alignment::Left); });
    add(AlignHorizontalCenter, tr("Align &Centres"), QKeySequence());
    on(AlignHorizontalCenter, [c] { c->align(Alignment::HorizontalCenter); });
    add(AlignRight, tr("Align &Right Edges"), QKeySequence());
    on(AlignRight, [c] { c->align(Alignment::Right); });
    add(AlignTop, tr("Align &Top Edges"), QKeySequence());
    on(AlignTop, [c] { c->align(Alignment::Top); });
    add(AlignVerticalCenter, tr("Align &Middles"), QKeySequence());
    on(AlignVerticalCenter, [c] { c->align(Alignment::VerticalCenter); });
    add(AlignBottom, tr("Align &Bottom Edges"), QKeySequence());
    on(AlignBottom, [c] { c->align(Alignment::Bottom); });
    add(DistributeHorizontally, tr("Distribute &Horizontally"), QKeySequence());
    on(DistributeHorizontally, [c] { c->distribute(Axis::Horizontal); });
    add(DistributeVertically, tr("Distribute &Vertically"), QKeySequence());
    on(DistributeVertically, [c] { c->distribute(Axis::Vertical); });

    add(ZoomIn, tr("Zoom &In"), QKeySequence::ZoomIn, QStringLiteral("zoom-in"));
    // Ctrl+= too: on most keyboards + needs Shift, and the README promises Ctrl+=.
    action(ZoomIn)->setShortcuts({QKeySequence(QKeySequence::ZoomIn), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    on(ZoomIn, [view] { view->zoomBy(1.2); });
    add(ZoomOut, tr("Zoom &Out"), QKeySequence::ZoomOut, QStringLiteral("zoom-out"));
    on(ZoomOut, [view] { view->zoomBy(1 / 1.2); });
    add(ZoomReset, tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_1));
    on(ZoomReset, [view] { view->setZoom(1.0); });
    add(FitToView, tr("&Fit to View"), QKeySequence(Qt::CTRL | Qt::Key_0),
        QStringLiteral("zoom-fit"));
    on(FitToView, [view] { view->fitContents(DiagramView::Fit::Whole); });

    connect(scene, &DiagramScene::selectionIdsChanged, this, &CanvasActions::updateEnabled);
    connect(document->editor(), &ProjectEditor::changed, this, &CanvasActions::updateEnabled);
    connect(controller, &CanvasController::pasteAvailableChanged, this,
            &CanvasActions::updateEnabled);
    connect(scene, &DiagramScene::contextMenuRequested, this,
            [this](const QPoint &screenPos, const QPointF &scenePos) {
                createContextMenu(scenePos, m_view)->popup(screenPos);
            });
    updateEnabled();
}

QAction *CanvasActions::add(Id id, const QString &text, const QKeySequence &shortcut,
                            const QString &icon)
{
    auto *a = new QAction(text, this);
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    // Bundled icons (resources/icons/actions): no icon theme may be installed.
    if (!icon.isEmpty())
        a->setIcon(QIcon(QStringLiteral(":/icons/actions/%1.svg").arg(icon)));
    m_actions.insert(id, a);
    return a;
}

void CanvasActions::updateEnabled()
{
    const int components = int(m_scene->selectedComponentIds().size());
    const bool any = components > 0 || !m_scene->selectedConnectionIds().isEmpty();
    action(Cut)->setEnabled(components > 0);
    action(Copy)->setEnabled(components > 0);
    action(Duplicate)->setEnabled(components > 0);
    action(Paste)->setEnabled(m_controller->canPaste());
    action(Delete)->setEnabled(any);
    action(Rename)->setEnabled(components == 1);
    action(Pin)->setEnabled(components > 0);
    action(Pin)->setChecked(m_controller->selectionPinned());
    for (Id id :
         {AlignLeft, AlignHorizontalCenter, AlignRight, AlignTop, AlignVerticalCenter, AlignBottom})
        action(id)->setEnabled(components >= 2);
    action(DistributeHorizontally)->setEnabled(components >= 3);
    action(DistributeVertically)->setEnabled(components >= 3);
    const Option *o = m_document->currentOption();
    action(AutoArrange)->setEnabled(o && !o->components.empty());
    action(SelectAll)->setEnabled(o && !o->components.empty());
}

QMenu *CanvasActions::createAlignMenu(QWidget *parent) const
{
    auto *menu = new QMenu(tr("Al&ign"), parent);
    for (Id id : {AlignLeft, AlignHorizontalCenter, AlignRight})
        menu->addAction(action(id));
    menu->addSeparator();
    for (Id id : {AlignTop, AlignVerticalCenter, AlignBottom})
        menu->addAction(action(id));
    menu->addSeparator();
    menu->addAction(action(DistributeHorizontally));
    menu->addAction(action(DistributeVertically));
    return menu;
}

QMenu *CanvasActions::createContextMenu(const QPointF &scenePos, QWidget *parent) const
{
    auto *menu = new QMenu(parent);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const int components = int(m_scene->selectedComponentIds().size());
    const int connections = int(m_scene->selectedConnectionIds().size());
    if (components > 0) {
        if (components == 1)
            menu->addAction(action(Rename));
        menu->addAction(action(Duplicate));
        menu->addSeparator();
        menu->addAction(action(Cut));
        menu->addAction(action(Copy));
        menu->addAction(action(Paste));
        menu->addAction(action(Delete));
        menu->addSeparator();
        menu->addAction(action(Pin));
        if (components > 1)
            menu->addMenu(createAlignMenu(menu));
    } else if (connections > 0) {
        menu->addAction(action(Delete));
    } else {
        QMenu *addMenu = menu->addMenu(tr("&Add"));
        for (const Role role : kAllRoles)
            addMenu->addAction(
                Palette::roleIcon(role), roleLabel(role), m_controller,
                [c = m_controller, role, scenePos] { c->addComponent(role, scenePos); });
        menu->addAction(action(Paste));
        menu->addSeparator();
        menu->addAction(action(SelectAll));
        menu->addAction(action(AutoArrange));
        menu->addAction(action(FitToView));
    }
    return menu;
}

} // namespace stackplan
