#include "inlineeditor.h"

#include <QKeyEvent>

namespace stackplan {

InlineEditor::InlineEditor(QWidget *parent, const QRect &geometry, const QString &text,
                           const QFont &font, Done done)
    : QLineEdit(parent), m_done(std::move(done))
{
    setObjectName(QStringLiteral("InlineEditor"));
    setFont(font);
    QRect r = geometry;
    r.setHeight(std::max(r.height(), fontMetrics().height() + 8));
    setGeometry(r);
    setText(text);
    selectAll();
    connect(this, &QLineEdit::editingFinished, this, [this] { finish(true); });
    show();
    setFocus(Qt::OtherFocusReason);
}

void InlineEditor::finish(bool commit)
{
    if (!m_done)
        return;
    const Done done = std::exchange(m_done, nullptr);
    const QString value = text();
    hide();
    deleteLater();
    done(commit, value);
}

void InlineEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        finish(false);
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace stackplan
