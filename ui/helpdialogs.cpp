#include "helpdialogs.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <set>

namespace stackplan {

namespace {

QString plain(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

struct Row {
    QString menu, action, keys;
};

void collect(QMenu *menu, const QString &path, std::vector<Row> &rows, std::set<QAction *> &seen)
{
    for (QAction *a : menu->actions()) {
        if (a->menu()) {
            collect(a->menu(), path + QStringLiteral(" → ") + plain(a->menu()->title()), rows,
                    seen);
            continue;
        }
        if (a->isSeparator() || a->shortcuts().isEmpty() || !seen.insert(a).second)
            continue;
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        rows.push_back({path, plain(a->text()), keys.join(QStringLiteral(", "))});
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("ShortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    std::vector<Row> rows;
    std::set<QAction *> seen;
    if (auto *main = qobject_cast<QMainWindow *>(window))
        for (QAction *a : main->menuBar()->actions())
            if (a->menu())
                collect(a->menu(), plain(a->menu()->title()), rows, seen);
    // Actions that live on widgets only (the canvas's editing keys are also in Edit).
    for (QWidget *w : window->findChildren<QWidget *>())
        for (QAction *a : w->actions())
            if (!a->shortcuts().isEmpty() && !a->menu() && seen.insert(a).second) {
                QStringList keys;
                for (const QKeySequence &k : a->shortcuts())
                    keys << k.toString(QKeySequence::NativeText);
                rows.push_back({tr("Canvas"), plain(a->text()), keys.join(QStringLiteral(", "))});
            }

    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Search actions and keys"));
    m_filter->setClearButtonEnabled(true);
    m_table = new QTableWidget(int(rows.size()), 3);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut"), tr("Menu")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int r = 0; r < int(rows.size()); ++r) {
        m_table->setItem(r, 0, new QTableWidgetItem(rows[r].action));
        m_table->setItem(r, 1, new QTableWidgetItem(rows[r].keys));
        m_table->setItem(r, 2, new QTableWidgetItem(rows[r].menu));
    }
    m_table->resizeColumnsToContents();
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(620, 560);
}

void ShortcutsDialog::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int r = 0; r < m_table->rowCount(); ++r) {
        bool match = needle.isEmpty();
        for (int c = 0; c < 3 && !match; ++c)
            match = m_table->item(r, c)->text().contains(needle, Qt::CaseInsensitive);
        m_table->setRowHidden(r, !match);
    }
}

int ShortcutsDialog::visibleRows() const
{
    int n = 0;
    for (int r = 0; r < m_table->rowCount(); ++r)
        n += !m_table->isRowHidden(r);
    return n;
}

DocumentationDialog::DocumentationDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("DocumentationDialog"));
    setWindowTitle(tr("Stackplan Documentation"));
    m_pages = new QListWidget;
    m_browser = new QTextBrowser;
    m_browser->setOpenLinks(false);
    const std::pair<QString, QString> pages[] = {
        {tr("Overview (README)"), QStringLiteral(":/docs/README.md")},
        {tr("Costs"), QStringLiteral(":/docs/docs/cost.md")},
        {tr("Validation"), QStringLiteral(":/docs/docs/validation.md")},
        {tr("Export"), QStringLiteral(":/docs/docs/export.md")},
        {tr("File format"), QStringLiteral(":/docs/docs/file-format.md")},
        {tr("Platform profiles"), QStringLiteral(":/docs/profiles/README.md")},
    };
    for (const auto &[title, path] : pages) {
        if (!QFile::exists(path))
            continue;
        auto *item = new QListWidgetItem(title, m_pages);
        item->setData(Qt::UserRole, path);
    }
    m_pages->setMaximumWidth(200);
    connect(m_pages, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            showPage(item->data(Qt::UserRole).toString());
    });
    // Links between the bundled pages open here; web links in the browser.
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) {
            QDesktopServices::openUrl(url);
            return;
        }
        const QUrl resolved = m_browser->source().resolved(url);
        if (resolved.path().endsWith(QLatin1String(".md")))
            showPage(QLatin1Char(':') + resolved.path());
        else
            m_browser->setSource(resolved);
    });
    auto *split = new QSplitter;
    split->addWidget(m_pages);
    split->addWidget(m_browser);
    split->setStretchFactor(1, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(980, 720);
    if (m_pages->count() > 0)
        m_pages->setCurrentRow(0);
}

void DocumentationDialog::showPage(const QString &path)
{
    QString resource = path;
    if (resource.startsWith(QLatin1String("qrc:")))
        resource = resource.mid(3);
    m_browser->setSource(QUrl(QStringLiteral("qrc") + resource), QTextDocument::MarkdownResource);
    for (int i = 0; i < m_pages->count(); ++i)
        if (m_pages->item(i)->data(Qt::UserRole).toString() == resource) {
            const QSignalBlocker block(m_pages);
            m_pages->setCurrentRow(i);
        }
}

} // namespace stackplan
