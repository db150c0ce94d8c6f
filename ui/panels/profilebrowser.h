#pragma once

#include <QDate>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTextBrowser;
class QTreeWidget;

namespace stackplan {

class Catalogue;
struct Profile;

// Browses the platform catalogue by vendor and category, showing every limit, capability and
// price of the selected profile with a clickable source and its checked date; facts checked more
// than 12 months before today are marked stale.
class ProfileBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileBrowser(const Catalogue *catalogue, QWidget *parent = nullptr);

    void showProfile(const QString &id);
    QString currentProfileId() const;
    QTreeWidget *tree() const { return m_tree; }
    QTextBrowser *details() const { return m_details; }
    QComboBox *categoryFilter() const { return m_category; }
    QLineEdit *searchField() const { return m_search; }
    int visibleProfileCount() const;

    // The detail page of a profile, as HTML.
    static QString profileHtml(const Profile &profile, const QDate &today);

private:
    void rebuildTree();

    const Catalogue *m_catalogue;
    QLineEdit *m_search;
    QComboBox *m_category;
    QTreeWidget *m_tree;
    QTextBrowser *m_details;
};

} // namespace stackplan
