#pragma once

#include <QLineEdit>

#include <functional>

namespace stackplan {

// A one-line editor laid over part of a widget (a box name on the canvas, an option tab) to
// rename it in place. Enter or leaving the field commits, Escape cancels; either way `done` is
// called exactly once and the editor deletes itself.
class InlineEditor : public QLineEdit
{
    Q_OBJECT
public:
    using Done = std::function<void(bool commit, const QString &text)>;
    InlineEditor(QWidget *parent, const QRect &geometry, const QString &text, const QFont &font,
                 Done done);
    // Ends editing as if the user had pressed Enter (commit) or Escape.
    void finish(bool commit);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    Done m_done;
};

} // namespace stackplan
