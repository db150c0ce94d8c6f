#pragma once

#include <QHash>
#include <QObject>
#include <QPointF>

class QAction;
class QMenu;
class QWidget;

namespace stackplan {

class CanvasController;
class DiagramScene;
class DiagramView;
class Document;

// The canvas commands as QActions with standard shortcuts, kept enabled to match the selection
// and the clipboard, and the canvas context menu built from them. Editing shortcuts (cut, copy,
// paste, duplicate, delete, select all, rename) act while the canvas has focus, so the same keys
// keep working as text editing keys in the inspector's fields.
class CanvasActions : public QObject
{
    Q_OBJECT
public:
    enum Id {
        Cut,
        Copy,
        Paste,
        Duplicate,
        Delete,
        SelectAll,
        Rename,
        AutoArrange,
        Pin,
        SnapToGrid,
        AlignLeft,
        AlignHorizontalCenter,
        AlignRight,
        AlignTop,
        AlignVerticalCenter,
        AlignBottom,
        DistributeHorizontally,
        DistributeVertically,
        ZoomIn,
        ZoomOut,
        ZoomReset,
        FitToView,
    };

    CanvasActions(Document *document, CanvasController *controller, DiagramScene *scene,
                  DiagramView *view, QObject *parent = nullptr);

    QAction *action(Id id) const { return m_actions.value(id); }
    QMenu *createAlignMenu(QWidget *parent) const;
    // The context menu for a right click at `scenePos`; it deletes itself when closed.
    QMenu *createContextMenu(const QPointF &scenePos, QWidget *parent) const;
    void updateEnabled();

private:
    QAction *add(Id id, const QString &text, const QKeySequence &shortcut,
                 const QString &icon = QString());

    Document *m_document;
    CanvasController *m_controller;
    DiagramScene *m_scene;
    DiagramView *m_view;
    QHash<int, QAction *> m_actions;
};

} // namespace stackplan
