#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;
class QTableWidget;
class QTextBrowser;

namespace stackplan {

// Help → Keyboard Shortcuts: every action of a window that has a shortcut, with its menu, read
// from the window's menus and actions when the sheet opens (so it never goes stale), filtered as
// the user types.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    QLineEdit *filter() const { return m_filter; }
    QTableWidget *table() const { return m_table; }
    // Rows not hidden by the filter.
    int visibleRows() const;

private:
    void applyFilter(const QString &text);

    QLineEdit *m_filter;
    QTableWidget *m_table;
};

// Help → Documentation: the README and docs/*.md compiled into the application (":/docs"),
// rendered as Markdown, with links between them followed in place. Offline by construction;
// links to the web open in the system browser.
class DocumentationDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DocumentationDialog(QWidget *parent = nullptr);

    QListWidget *pages() const { return m_pages; }
    QTextBrowser *browser() const { return m_browser; }
    // Shows a page by its resource path, e.g. ":/docs/docs/cost.md".
    void showPage(const QString &path);

private:
    QListWidget *m_pages;
    QTextBrowser *m_browser;
};

} // namespace stackplan
