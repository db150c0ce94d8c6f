#include "panels/palette.h"

#include <QMimeData>

namespace stackplan {

namespace {

QString roleHint(Role role)
{
    switch (role) {
    case Role::Client:
        return Palette::tr("A browser, mobile app or other caller outside the system");
    case Role::Frontend:
        return Palette::tr("Static or server-rendered web frontend");
    case Role::Proxy:
        return Palette::tr("Edge proxy, gateway or router in front of other components");
    case Role::Backend:
        return Palette::tr("API or application server");
    case Role::Worker:
        return Palette::tr("Background worker consuming jobs or events");
    case Role::Scheduler:
        return Palette::tr("Runs jobs on a schedule (cron)");
    case Role::Database:
        return Palette::tr("Relational or document database");
    case Role::Cache:
        return Palette::tr("Cache or key-value store");
    case Role::ObjectStorage:
        return Palette::tr("Object (blob) storage for files and assets");
    case Role::VectorIndex:
        return Palette::tr("Vector index for embeddings and similarity search");
    case Role::Queue:
        return Palette::tr("Message queue between producers and consumers");
    case Role::ExternalApi:
        return Palette::tr("A third-party API the system calls");
    }
    return {};
}

} // namespace

Palette::Palette(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("Palette"));
    setIconSize(QSize(28, 28));
    setSpacing(1);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    setFrameShape(QFrame::NoFrame);
    for (const Role role : kAllRoles) {
        auto *item = new QListWidgetItem(roleIcon(role), roleLabel(role), this);
        item->setData(Qt::UserRole, roleId(role));
        item->setToolTip(
            tr("%1\nDrag onto the canvas, or click to add it in view.").arg(roleHint(role)));
        item->setSizeHint(QSize(0, 36));
    }
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        clearSelection();
        if (const auto role = roleFromId(item->data(Qt::UserRole).toString()))
            emit roleActivated(*role);
    });
}

QIcon Palette::roleIcon(Role role)
{
    return QIcon(QStringLiteral(":/icons/roles/%1.svg").arg(roleId(role)));
}

QListWidgetItem *Palette::itemFor(Role role) const
{
    for (int i = 0; i < count(); ++i)
        if (item(i)->data(Qt::UserRole).toString() == roleId(role))
            return item(i);
    return nullptr;
}

QSize Palette::sizeHint() const
{
    int text = 0;
    for (int i = 0; i < count(); ++i)
        text = std::max(text, fontMetrics().horizontalAdvance(item(i)->text()));
    return QSize(iconSize().width() + text + 36, (count() + 1) * 38);
}

QStringList Palette::mimeTypes() const
{
    return {QString::fromLatin1(kRoleMimeType)};
}

QMimeData *Palette::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(kRoleMimeType),
                  items.front()->data(Qt::UserRole).toString().toUtf8());
    return data;
}

} // namespace stackplan
