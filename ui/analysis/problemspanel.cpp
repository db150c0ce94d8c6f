#include "analysis/problemspanel.h"

#include "analysis/analysiscontroller.h"
#include "render/diagram.h"
#include "render/plaintext.h"
#include "document.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace stackplan {

namespace {

QIcon severityIcon(Severity s)
{
    static QHash<int, QIcon> cache;
    QIcon &icon = cache[int(s)];
    if (icon.isNull()) {
        QPixmap pm(14, 14);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(DiagramStyle::of(Theme::Light).severity(badgeSeverity(s)));
        p.drawEllipse(QRectF(1, 1, 12, 12));
        icon = QIcon(pm);
    }
    return icon;
}

QString severityText(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QObject::tr("Error");
    case Severity::Warning:
        return QObject::tr("Warning");
    case Severity::Info:
        return QObject::tr("Info");
    }
    return {};
}

// Accepts rows at or above a minimum severity that contain the filter text in any column.
class FindingsFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    int minimumSeverity = 0;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex sev = sourceModel()->index(row, FindingsModel::SeverityColumn, parent);
        if (sourceModel()->data(sev, FindingsModel::SeverityRank).toInt() < minimumSeverity)
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

} // namespace

void FindingsModel::setFindings(std::vector<Finding> findings,
                                const std::function<QString(const QString &)> &nameOf)
{
    std::vector<QString> names;
    names.reserve(findings.size());
    for (const auto &f : findings) {
        QStringList parts;
        for (const auto &id : f.subjects)
            parts << nameOf(id);
        names.push_back(parts.join(QStringLiteral(", ")));
    }
    // Same finding, same row content (identity plus what the row shows beside it).
    auto sameRow = [&](size_t oldRow, size_t newRow) {
        const Finding &a = m_findings[oldRow];
        const Finding &b = findings[newRow];
        return a.source == b.source && a.checked == b.checked
               && m_elementNames[oldRow] == names[newRow];
    };
    // Both lists are sorted (validation sorts each option's findings): a merge walk finds the
    // rows an edit removed, added or changed, and the model updates only those, keeping the
    // selection, the scroll position and the fixes already computed; a large change resets.
    const bool sorted = std::is_sorted(findings.begin(), findings.end())
                        && std::is_sorted(m_findings.begin(), m_findings.end());
    size_t changes = 0;
    if (sorted) {
        size_t i = 0, j = 0;
        while (i < m_findings.size() || j < findings.size()) {
            if (i < m_findings.size() && j < findings.size() && m_findings[i] == findings[j]) {
                changes += !sameRow(i, j);
                ++i, ++j;
            } else if (j >= findings.size()
                       || (i < m_findings.size() && m_findings[i] < findings[j])) {
                ++changes, ++i;
            } else {
                ++changes, ++j;
            }
        }
        if (changes == 0)
            return;
    }
    if (!sorted || changes > 64) {
        beginResetModel();
        m_findings = std::move(findings);
        m_fixesKnown.assign(m_findings.size(), false);
        for (size_t i = 0; i < m_findings.size(); ++i)
            m_fixesKnown[i] = !m_fixer || !m_findings[i].fixes.empty();
        m_elementNames = std::move(names);
        endResetModel();
        return;
    }
    size_t row = 0, j = 0;
    while (row < m_findings.size() || j < findings.size()) {
        if (row < m_findings.size() && j < findings.size() && m_findings[row] == findings[j]) {
            if (!sameRow(row, j)) {
                m_findings[row] = std::move(findings[j]);
                m_fixesKnown[row] = !m_fixer || !m_findings[row].fixes.empty();
                m_elementNames[row] = names[j];
                emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
            }
            ++row, ++j;
            continue;
        }
        if (j >= findings.size() || (row < m_findings.size() && m_findings[row] < findings[j])) {
            size_t end = row + 1; // a run of removed rows
            while (end < m_findings.size()
                   && (j >= findings.size() || m_findings[end] < findings[j]))
                ++end;
            beginRemoveRows({}, int(row), int(end - 1));
            m_findings.erase(m_findings.begin() + long(row), m_findings.begin() + long(end));
            m_fixesKnown.erase(m_fixesKnown.begin() + long(row), m_fixesKnown.begin() + long(end));
            m_elementNames.erase(m_elementNames.begin() + long(row),
                                 m_elementNames.begin() + long(end));
            endRemoveRows();
            continue;
        }
        size_t end = j + 1; // a run of added rows
        while (end < findings.size() && (row >= m_findings.size() || findings[end] < m_findings[row]))
            ++end;
        const size_t count = end - j;
        beginInsertRows({}, int(row), int(row + count - 1));
        for (size_t k = 0; k < count; ++k) {
            const bool known = !m_fixer || !findings[j + k].fixes.empty();
            m_findings.insert(m_findings.begin() + long(row + k), std::move(findings[j + k]));
            m_fixesKnown.insert(m_fixesKnown.begin() + long(row + k), known);
            m_elementNames.insert(m_elementNames.begin() + long(row + k), names[j + k]);
        }
        endInsertRows();
        row += count;
        j = end;
    }
}

const Finding *FindingsModel::finding(int row) const
{
    return row >= 0 && row < int(m_findings.size()) ? &m_findings[size_t(row)] : nullptr;
}

const Finding *FindingsModel::findingWithFixes(int row) const
{
    if (row < 0 || row >= int(m_findings.size()))
        return nullptr;
    Finding &f = m_findings[size_t(row)];
    if (!m_fixesKnown[size_t(row)]) {
        m_fixesKnown[size_t(row)] = true;
        f.fixes = m_fixer(f);
    }
    return &f;
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    const Finding *f = finding(index.row());
    if (!f)
        return {};
    if (role == SeverityRank)
        return int(f->severity);
    if (role == FindingIndex)
        return index.row();
    if (role == Qt::DecorationRole && index.column() == SeverityColumn)
        return severityIcon(f->severity);
    if (role == Qt::ToolTipRole) {
        f = findingWithFixes(index.row());
        QString tip = f->message;
        if (!f->source.isEmpty())
            tip += QStringLiteral("\n%1 (checked %2)")
                       .arg(f->source, f->checked.toString(Qt::ISODate));
        for (const auto &fix : f->fixes)
            tip += QStringLiteral("\nFix: ") + fix.label;
        return plainToolTip(tip);
    }
    if (role == Qt::UserRole) { // sort key
        switch (index.column()) {
        case SeverityColumn:
            return -int(f->severity);
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (index.column()) {
    case SeverityColumn:
        return severityText(f->severity);
    case RuleColumn:
        return f->rule;
    case ElementColumn:
        return m_elementNames[size_t(index.row())];
    case MessageColumn:
        return f->message;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case ElementColumn:
        return tr("Element");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

ProblemsPanel::ProblemsPanel(Document *document, AnalysisController *validation, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_validation(validation)
    , m_model(new FindingsModel(this))
{
    auto *proxy = new FindingsFilter(this);
    m_proxy = proxy;
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_severity = new QComboBox;
    m_severity->addItem(tr("All severities"), 0);
    m_severity->addItem(tr("Warnings and errors"), 1);
    m_severity->addItem(tr("Errors only"), 2);
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter problems…"));
    m_filter->setClearButtonEnabled(true);
    m_fix = new QToolButton;
    m_fix->setText(tr("Fix"));
    m_fix->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_fix->setPopupMode(QToolButton::InstantPopup);
    m_fix->setEnabled(false);
    m_summary = new QLabel;

    m_table = new QTableView;
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FindingsModel::SeverityColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(FindingsModel::SeverityColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FindingsModel::RuleColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FindingsModel::ElementColumn,
                                                      QHeaderView::Interactive);
    m_table->setColumnWidth(FindingsModel::ElementColumn, 160);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_severity);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_fix);
    bar->addWidget(m_summary);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_severity, &QComboBox::currentIndexChanged, this, [this, proxy] {
        proxy->minimumSeverity = m_severity->currentData().toInt();
        proxy->invalidate();
    });
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_model->setFixer([this](const Finding &f) { return m_validation->fixesFor(f); });
    connect(m_validation, &AnalysisController::findingsUpdated, this, &ProblemsPanel::refresh);
    connect(m_validation, &AnalysisController::updated, this, &ProblemsPanel::refresh);
    connect(m_document, &Document::currentOptionChanged, this, &ProblemsPanel::refresh);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const Finding *f = findingAt(index.row()))
            emit activated(f->option, f->subjects);
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, &ProblemsPanel::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProblemsPanel::updateFixButton);
    refresh();
}

const Finding *ProblemsPanel::findingAt(int viewRow) const
{
    const QModelIndex source = m_proxy->mapToSource(m_proxy->index(viewRow, 0));
    return m_model->findingWithFixes(source.row());
}

bool ProblemsPanel::applyFix(const Finding &finding, int index, quint64 revision)
{
    if (index < 0 || index >= int(finding.fixes.size()))
        return false;
    if (revision != m_document->revision()) {
        emit m_document->editRejected(
            tr("The design changed after “%1” was proposed; the problems are being rechecked, "
               "choose the fix again from the updated list.")
                .arg(finding.fixes[size_t(index)].label));
        return false;
    }
    return m_document->push(finding.fixes[size_t(index)].edit);
}

bool ProblemsPanel::applyFix(const Finding &finding, int index)
{
    return applyFix(finding, index, m_shownRevision);
}

void ProblemsPanel::refresh()
{
    const Option *o = m_document->currentOption();
    // Element names by id, built once (a lookup per subject would walk the option each time);
    // connections ("A → B") only if a finding concerns one.
    QHash<QString, QString> names;
    QHash<QString, const Connection *> links;
    if (o) {
        names.reserve(qsizetype(o->components.size()));
        for (const auto &c : o->components)
            names.insert(c.id, c.name);
    }
    auto nameOf = [&](const QString &id) {
        const auto it = names.constFind(id);
        if (it != names.cend())
            return *it;
        if (o && links.isEmpty())
            for (const auto &c : o->connections)
                links.insert(c.id, &c);
        if (const Connection *c = links.value(id))
            return QStringLiteral("%1 → %2").arg(names.value(c->from, c->from),
                                                names.value(c->to, c->to));
        return id;
    };
    m_shownRevision = o ? m_validation->findingsRevision(o->id) : m_validation->analysis().revision;
    m_model->setFindings(o ? m_validation->findings(o->id) : std::vector<Finding>{}, nameOf);
    const auto counts = o ? m_validation->counts(o->id) : AnalysisController::Counts{};
    m_summary->setText(AnalysisController::countsText(counts));
    updateFixButton();
}

void ProblemsPanel::updateFixButton()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const Finding *f = rows.isEmpty() ? nullptr : findingAt(rows.first().row());
    delete m_fix->menu();
    m_fix->setEnabled(f && !f->fixes.empty());
    if (!f || f->fixes.empty())
        return;
    auto *menu = new QMenu(m_fix);
    const Finding copy = *f;
    const quint64 revision = m_shownRevision;
    for (int i = 0; i < int(copy.fixes.size()); ++i)
        menu->addAction(copy.fixes[size_t(i)].label, this,
                        [this, copy, i, revision] { applyFix(copy, i, revision); });
    m_fix->setMenu(menu);
}

void ProblemsPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    const Finding *f = index.isValid() ? findingAt(index.row()) : nullptr;
    if (!f)
        return;
    const Finding copy = *f;
    const quint64 revision = m_shownRevision;
    QMenu menu(this);
    menu.addAction(tr("Show on Canvas"), this,
                   [this, copy] { emit activated(copy.option, copy.subjects); });
    if (!copy.fixes.empty()) {
        menu.addSeparator();
        for (int i = 0; i < int(copy.fixes.size()); ++i)
            menu.addAction(copy.fixes[size_t(i)].label, this,
                           [this, copy, i, revision] { applyFix(copy, i, revision); });
    }
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

} // namespace stackplan
