#pragma once

#include "editor/edit.h"
#include "inlineeditor.h"

#include <QObject>
#include <QPointF>
#include <QPointer>

#include <optional>

class QMimeData;

namespace stackplan {

class DiagramScene;
class DiagramView;
class Document;

// The user's actions on the canvas, turned into edits of the current option: place a box
// (dropped from the palette or clicked), delete, cut, copy, paste and duplicate the selection,
// align, distribute, auto-arrange, pin, nudge and rename in place. Every change is one Edit pushed
// through the Document, so it is one undo step; nudges and nothing else merge. Tests drive it
// without a window; MainWindow only binds actions and shortcuts to it.
class CanvasController : public QObject
{
    Q_OBJECT
public:
    CanvasController(Document *document, DiagramScene *scene, DiagramView *view,
                     QObject *parent = nullptr);

    // Adds a box of `role` centred on `scenePos` and selects it. Returns its id.
    QString addComponent(Role role, const QPointF &scenePos);
    // Adds a box of `role` in the visible part of the canvas, clear of other boxes.
    QString addComponentInView(Role role);

    bool hasSelection() const;
    bool hasComponentSelection() const;
    void selectAll();
    void deleteSelection();
    void copySelection();
    void cutSelection();
    bool canPaste() const;
    // Pastes the clipboard into the current option, shifted clear of boxes already there, and
    // selects what was pasted. Works across options and across windows.
    void paste();
    void duplicateSelection();

    void align(Alignment how);
    void distribute(Axis axis);
    void autoArrange();
    // Pins the selection, or unpins it if every selected box is pinned already.
    void togglePinned();
    bool selectionPinned() const;
    void nudgeSelection(double dx, double dy);

    // Opens an in-place name editor over the box (the single selected one by default).
    void startRename(const QString &componentId = QString());
    InlineEditor *renameEditor() const { return m_renameEditor; }

    // The clipboard format, exposed for tests and other views.
    static QMimeData *toMime(const Clipboard &clip);
    static std::optional<Clipboard> fromMime(const QMimeData *mime);

signals:
    void pasteAvailableChanged(bool available);

private:
    void pasteClip(const Clipboard &clip, const QString &text);
    void finishRename(bool commit);
    QPointF freeSpotNear(const QPointF &topLeft) const;

    Document *m_document;
    DiagramScene *m_scene;
    DiagramView *m_view;
    QPointer<InlineEditor> m_renameEditor;
    QString m_renaming;
};

} // namespace stackplan
