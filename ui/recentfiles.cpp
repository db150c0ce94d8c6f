#include "recentfiles.h"
#include "render/plaintext.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace stackplan {

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QObject *parent) : QObject(parent) {}

QStringList RecentFiles::files() const
{
    QStringList result;
    for (const QString &path : QSettings().value(kKey).toStringList())
        if (QFileInfo::exists(path))
            result << path;
    return result;
}

void RecentFiles::store(const QStringList &files)
{
    QSettings().setValue(kKey, files.mid(0, kMaximum));
}

void RecentFiles::add(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return;
    const QString abs = QFileInfo(path).absoluteFilePath();
    QStringList list = QSettings().value(kKey).toStringList();
    list.removeAll(abs);
    list.prepend(abs);
    store(list);
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = QSettings().value(kKey).toStringList();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

QMenu *RecentFiles::createMenu(const QString &title, QWidget *parent)
{
    auto *menu = new QMenu(title, parent);
    auto fill = [this, menu] {
        menu->clear();
        const QStringList list = files();
        int n = 0;
        for (const QString &path : list) {
            const QString label = QStringLiteral("&%1 %2").arg(++n).arg(
                QDir::toNativeSeparators(QFileInfo(path).fileName()));
            QAction *a = menu->addAction(label, this, [this, path] { emit openRequested(path); });
            a->setToolTip(plainToolTip(QDir::toNativeSeparators(path)));
            a->setStatusTip(QDir::toNativeSeparators(path));
        }
        if (list.isEmpty())
            menu->addAction(tr("No recent projects"))->setEnabled(false);
        menu->addSeparator();
        menu->addAction(tr("&Clear Menu"), this, &RecentFiles::clear)->setEnabled(!list.isEmpty());
    };
    connect(menu, &QMenu::aboutToShow, menu, fill);
    fill();
    return menu;
}

} // namespace stackplan
