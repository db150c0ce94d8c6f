#pragma once

#include "inlineeditor.h"

#include <QPointer>
#include <QWidget>

class QMenu;
class QTabBar;
class QToolButton;

namespace stackplan {

class Document;
class OptionController;

// The option tabs above the canvas: one tab per option in project order, the baseline marked
// with a star; a "+" button adds an option; tabs can be dragged to reorder, double-clicked to
// rename in place, and have a context menu (rename, duplicate, mark as baseline, move, delete).
// The tabs follow the model; every action goes through the OptionController.
class OptionTabs : public QWidget
{
    Q_OBJECT
public:
    OptionTabs(Document *document, OptionController *controller, QWidget *parent = nullptr);
    // Widest a tab's name is shown before it is elided (the tooltip holds the full name).
    static constexpr int kTabTextWidth = 220;

    QTabBar *tabBar() const { return m_tabs; }
    QToolButton *addButton() const { return m_add; }
    // Opens an in-place editor over the tab of `optionId` (the current option by default).
    void startRename(const QString &optionId = QString());
    InlineEditor *renameEditor() const { return m_editor; }
    // The context menu of a tab; the caller owns it.
    QMenu *createMenu(const QString &optionId, QWidget *parent);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void commitReorder();
    QString optionAt(int index) const;

    Document *m_document;
    OptionController *m_controller;
    QTabBar *m_tabs;
    QToolButton *m_add;
    QPointer<InlineEditor> m_editor;
    bool m_rebuilding = false;
    bool m_reorderPending = false; // a tab is being dragged; the model follows on release
};

} // namespace stackplan
