#include "panels/profilebrowser.h"

#include "profiles/catalogue.h"
#include "profiles/profilejson.h"
#include "render/plaintext.h"
#include "util/format.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace stackplan {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString factCells(const Fact &f, const QDate &today)
{
    QString source
        = QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(f.source), esc(QUrl(f.source).host()));
    QString checked = f.checked.toString(Qt::ISODate);
    if (f.isStale(today))
        checked += QStringLiteral(" <span style=\"color:#e65100;font-weight:bold\">stale</span>");
    QString cells = QStringLiteral("<td>%1</td><td style=\"white-space:nowrap\">%2</td>")
                        .arg(source, checked);
    return cells;
}

QString noteRow(const Fact &f, int span)
{
    if (f.note.isEmpty())
        return {};
    return QStringLiteral(
               "<tr><td></td><td colspan=\"%1\" style=\"color:#607d8b\"><i>%2</i></td></tr>")
        .arg(span - 1)
        .arg(esc(f.note));
}

QString tableHead()
{
    return QStringLiteral(
        "<table cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">"
        "<tr style=\"background:#eceff1\"><th align=\"left\">fact</th><th align=\"left\">value</th>"
        "<th align=\"left\">source</th><th align=\"left\">checked</th></tr>");
}

QString limitsTable(const Limits &limits, const QDate &today)
{
    QString html = tableHead();
    for (const auto &[key, l] : limits) {
        const auto *info = limitKeyInfo(key);
        html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td>%3</tr>")
                    .arg(esc(info ? QString::fromLatin1(info->label) : key),
                         esc(describeLimit(key, l)), factCells(l.fact, today));
        html += noteRow(l.fact, 4);
    }
    return html + QStringLiteral("</table>");
}

QString capabilitiesTable(const Capabilities &c, const QDate &today)
{
    QString html = tableHead();
    for (const auto &row : capabilityRows(c)) {
        html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td>%3</tr>")
                    .arg(esc(QString(row.key).replace(QLatin1Char('_'), QLatin1Char(' '))),
                         esc(row.value), factCells(row.fact, today));
        html += noteRow(row.fact, 4);
    }
    return html + QStringLiteral("</table>");
}

QString metersTable(const std::vector<Meter> &meters, const QDate &today)
{
    QString html = tableHead();
    for (const auto &m : meters) {
        html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td>%3</tr>")
                    .arg(esc(m.usage), esc(describeMeter(m)), factCells(m.fact, today));
        html += noteRow(m.fact, 4);
    }
    return html + QStringLiteral("</table>");
}

} // namespace

QString ProfileBrowser::profileHtml(const Profile &p, const QDate &today)
{
    QStringList roles;
    for (const auto r : p.roles)
        roles << roleLabel(r);
    QString html = QStringLiteral("<h2 style=\"margin-bottom:2px\">%1</h2>").arg(esc(p.name));
    html += QStringLiteral(
                "<p style=\"margin-top:0\"><b>%1</b> · %2 · <code>%3</code><br/>hosts: %4<br/>"
                "<a href=\"%5\">%5</a><br/><span style=\"color:#607d8b\">from %6</span></p>")
                .arg(esc(p.vendor), esc(p.category), esc(p.id),
                     esc(roles.join(QStringLiteral(", "))), esc(p.docs), esc(p.origin));
    if (!p.description.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(p.description));
    if (!p.notes.isEmpty()) {
        html += QStringLiteral("<ul>");
        for (const auto &n : p.notes)
            html += QStringLiteral("<li>%1</li>").arg(esc(n));
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<h3>Capabilities</h3>") + capabilitiesTable(p.capabilities, today);
    if (!p.limits.empty())
        html += QStringLiteral("<h3>Limits (all plans)</h3>") + limitsTable(p.limits, today);
    for (const auto &plan : p.plans) {
        html += QStringLiteral("<h3>Plan: %1 <code>%2</code></h3>")
                    .arg(esc(plan.name), esc(plan.id));
        if (!plan.description.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(esc(plan.description));
        if (plan.fee || plan.credits || !plan.requiredFees.isEmpty()) {
            html += tableHead();
            if (plan.fee) {
                html += QStringLiteral("<tr><td>account fee</td><td><b>%1 per month</b> (%2, once "
                                       "per account)</td>%3</tr>")
                            .arg(esc(formatMoney(plan.fee->amount)), esc(plan.fee->key),
                                 factCells(plan.fee->fact, today));
                html += noteRow(plan.fee->fact, 4);
            }
            if (plan.credits) {
                html += QStringLiteral(
                            "<tr><td>credits</td><td><b>%1 per month</b> against %2</td>%3</tr>")
                            .arg(esc(formatMoney(plan.credits->amount)),
                                 esc(plan.credits->appliesTo.join(QStringLiteral(", "))),
                                 factCells(plan.credits->fact, today));
            }
            if (!plan.requiredFees.isEmpty())
                html += QStringLiteral("<tr><td>requires</td><td colspan=\"3\"><b>%1</b></td></tr>")
                            .arg(esc(plan.requiredFees.join(QStringLiteral(", "))));
            html += QStringLiteral("</table>");
        }
        const auto caps = capabilityRows(plan.capabilities);
        if (!caps.empty())
            html += QStringLiteral("<h4>Capabilities on this plan</h4>")
                    + capabilitiesTable(plan.capabilities, today);
        if (!plan.limits.empty())
            html += QStringLiteral("<h4>Limits</h4>") + limitsTable(plan.limits, today);
        if (!plan.meters.empty())
            html += QStringLiteral("<h4>Prices</h4>") + metersTable(plan.meters, today);
        for (const auto &inst : plan.instances) {
            html += QStringLiteral("<h4>Instance: %1</h4>").arg(esc(inst.name));
            if (!inst.limits.empty())
                html += limitsTable(inst.limits, today);
            if (!inst.meters.empty())
                html += metersTable(inst.meters, today);
        }
    }
    return html;
}

ProfileBrowser::ProfileBrowser(const Catalogue *catalogue, QWidget *parent)
    : QWidget(parent), m_catalogue(catalogue)
{
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Filter profiles…"));
    m_search->setClearButtonEnabled(true);
    m_category = new QComboBox;
    m_category->addItem(tr("All categories"), QString());
    for (const auto &c : profileCategories())
        m_category->addItem(c, c);
    m_tree = new QTreeWidget;
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(true);
    m_details = new QTextBrowser;
    m_details->setOpenExternalLinks(true);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_category);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_tree, 1);
    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_search, &QLineEdit::textChanged, this, &ProfileBrowser::rebuildTree);
    connect(m_category, &QComboBox::currentIndexChanged, this, &ProfileBrowser::rebuildTree);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const QString id = item ? item->data(0, Qt::UserRole).toString() : QString();
        const Profile *p = id.isEmpty() ? nullptr : m_catalogue->profile(id);
        QString html = p ? profileHtml(*p, today()) : QString();
        if (const QString replaced = p ? m_catalogue->replacedOrigin(p->id) : QString();
            !replaced.isEmpty())
            html.prepend(QStringLiteral("<p style=\"color:#b71c1c\"><b>%1</b> %2</p>")
                             .arg(isBundledOrigin(replaced) ? tr("Replaces the bundled profile.")
                                                            : tr("Replaces another profile."),
                                  tr("Loaded from %1 instead of %2.")
                                      .arg(esc(p->origin), esc(replaced))));
        m_details->setHtml(html);
    });
    rebuildTree();
}

void ProfileBrowser::rebuildTree()
{
    const QString keep = currentProfileId();
    const QString filter = m_search->text().trimmed();
    const QString category = m_category->currentData().toString();
    m_tree->clear();
    std::map<QString, QTreeWidgetItem *> vendors;
    for (const auto &p : m_catalogue->profiles()) {
        if (!category.isEmpty() && p.category != category)
            continue;
        if (!filter.isEmpty() && !p.name.contains(filter, Qt::CaseInsensitive)
            && !p.id.contains(filter, Qt::CaseInsensitive)
            && !p.vendor.contains(filter, Qt::CaseInsensitive))
            continue;
        QTreeWidgetItem *&vendor = vendors[p.vendor];
        if (!vendor) {
            vendor = new QTreeWidgetItem({p.vendor});
            QFont f = vendor->font(0);
            f.setBold(true);
            vendor->setFont(0, f);
        }
        const QString replaced = m_catalogue->replacedOrigin(p.id);
        auto *item = new QTreeWidgetItem(
            vendor, {replaced.isEmpty() ? p.name
                                        : (isBundledOrigin(replaced) ? tr("%1 (replaces bundled)")
                                                                     : tr("%1 (replaces another)"))
                                              .arg(p.name)});
        item->setData(0, Qt::UserRole, p.id);
        item->setToolTip(0, plainToolTip(QStringLiteral("%1 · %2").arg(p.id, p.category)));
    }
    for (const auto &[name, item] : vendors)
        m_tree->addTopLevelItem(item);
    m_tree->expandAll();
    if (!keep.isEmpty())
        showProfile(keep);
}

void ProfileBrowser::showProfile(const QString &id)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *vendor = m_tree->topLevelItem(i);
        for (int j = 0; j < vendor->childCount(); ++j)
            if (vendor->child(j)->data(0, Qt::UserRole).toString() == id) {
                m_tree->setCurrentItem(vendor->child(j));
                return;
            }
    }
}

QString ProfileBrowser::currentProfileId() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

int ProfileBrowser::visibleProfileCount() const
{
    int n = 0;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        n += m_tree->topLevelItem(i)->childCount();
    return n;
}

} // namespace stackplan
