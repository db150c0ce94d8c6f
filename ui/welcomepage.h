#pragma once

#include "model/project.h"
#include "render/style.h"

#include <QWidget>

#include <vector>

class QLabel;
class QVBoxLayout;
class QPushButton;

namespace stackplan {

class Catalogue;
class RecentFiles;

// What the window shows when no project is open: New blank project, Open, the bundled examples
// (a thumbnail of each baseline diagram drawn by the render library, its name and a one-line
// description, the full one in the tooltip) and the recent files. It only reports what was
// chosen; the main window opens it.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    // `examplesDir` holds the bundled *.stackplan.json files.
    WelcomePage(const QString &examplesDir, const Catalogue *catalogue, RecentFiles *recent,
                QWidget *parent = nullptr);

    // Size of an example's thumbnail, in device-independent pixels.
    static constexpr QSize kThumbnailSize{300, 170};

    // The example cards, in file-name order (object name "example:<file name>").
    QList<QPushButton *> exampleCards() const { return m_cards; }
    // One button per recent file (object name "recent:<path>"), newest first.
    QList<QPushButton *> recentButtons() const { return m_recentButtons; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *openButton() const { return m_open; }
    // The first sentence of an example's description after its "Seed NNN." tag.
    static QString oneLine(const QString &description);

    // Re-reads the recent files.
    void refresh();

signals:
    void newRequested();
    void openRequested();
    void exampleRequested(const QString &fileName);
    void recentRequested(const QString &path);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QString m_examplesDir;
    const Catalogue *m_catalogue;
    Theme m_theme = Theme::Light;
    std::vector<std::pair<QLabel *, Project>> m_thumbnails;
    RecentFiles *m_recentFiles;
    QPushButton *m_new;
    QPushButton *m_open;
    QList<QPushButton *> m_cards;
    QWidget *m_recentBox;
    QVBoxLayout *m_recentLayout;
    QList<QPushButton *> m_recentButtons;
    QLabel *m_noRecent;
};

} // namespace stackplan
