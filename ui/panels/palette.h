#pragma once

#include "mimetypes.h"
#include "model/types.h"

#include <QListWidget>

namespace stackplan {

// The roles a user can draw, each with its icon. Drag one onto the canvas, or click it to place
// a new box in view. The palette only reports intent; the canvas controller makes the edit.
class Palette : public QListWidget
{
    Q_OBJECT
public:
    explicit Palette(QWidget *parent = nullptr);

    QListWidgetItem *itemFor(Role role) const;
    static QIcon roleIcon(Role role);
    QSize sizeHint() const override;

signals:
    void roleActivated(stackplan::Role role);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
};

} // namespace stackplan
