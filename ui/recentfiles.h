#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace stackplan {

// The most recently opened or saved projects, newest first, kept in QSettings. The menu rebuilds
// itself when shown and reports the chosen file; files that no longer exist are left out.
class RecentFiles : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaximum = 8;

    explicit RecentFiles(QObject *parent = nullptr);

    QStringList files() const;
    void add(const QString &path);
    void remove(const QString &path);
    void clear();
    // A menu filled from files(); owned by `parent`.
    QMenu *createMenu(const QString &title, QWidget *parent);

signals:
    void openRequested(const QString &path);

private:
    void store(const QStringList &files);
};

} // namespace stackplan
