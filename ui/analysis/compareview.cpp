#include "analysis/compareview.h"

#include "analysis/analysiscontroller.h"
#include "compare/comparison.h"
#include "document.h"
#include "editor/edit.h"
#include "util/format.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace stackplan {

namespace {

const QColor kLevelColours[3]
    = {QColor(0x90, 0xca, 0xf9), QColor(0x1e, 0x88, 0xe5), QColor(0x0d, 0x47, 0xa1)};
const QColor kBest(0xc8, 0xe6, 0xc9);    // best value of a row
const QColor kCurrent(0xe3, 0xf2, 0xfd); // the current option's column
const QColor kBad(0xc6, 0x28, 0x28);
const QColor kGood(0x2e, 0x7d, 0x32);

// A long option name broken at spaces into lines of about `width` characters: headers do not
// wrap by themselves.
QString wrapped(const QString &text, int width = 26)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines << line;
    return lines.join(QLatin1Char('\n'));
}

QString heading(const OptionComparison &o)
{
    return o.baseline ? wrapped(QStringLiteral("★ ") + o.name) + QStringLiteral("\n(baseline)")
                      : wrapped(o.name);
}

} // namespace

CompareView::CompareView(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("CompareView"));
    m_title = new QLabel;
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_baseline = new QComboBox;
    m_baseline->setObjectName(QStringLiteral("baseline"));
    m_baseline->setToolTip(tr("The option every other is compared against (marked ★ in the "
                              "option tabs); changing it is an undoable edit"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(new QLabel(tr("Baseline:")));
    top->addWidget(m_baseline);

    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(true);
    m_table->setAlternatingRowColors(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionsClickable(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setToolTip(tr("Click a column to make that option current; double-click to open it "
                           "on the canvas"));
    // Stretched columns get their widths when the table is laid out, after a refresh of a shown
    // view: wrapped rows are measured again then.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this,
            &CompareView::fitTableHeight, Qt::QueuedConnection);

    m_chart = new QChart;
    m_chart->setTitle(tr("Monthly cost at the project's traffic levels"));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_axisX = new QBarCategoryAxis;
    m_axisY = new QValueAxis;
    m_axisY->setLabelFormat(QStringLiteral("$%.0f"));
    m_axisY->setTitleText(tr("USD per month"));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_chartView = new QChartView(m_chart);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(240);

    m_crossovers = new QLabel;
    m_crossovers->setObjectName(QStringLiteral("crossovers"));
    m_crossovers->setWordWrap(true);
    m_crossovers->setTextFormat(Qt::RichText);
    m_crossovers->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_crossovers->setMargin(6);

    // The table on top, as tall as its rows; the chart and the sentences share the rest.
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_chartView, 3);
    bottom->addWidget(m_crossovers, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_table);
    layout->addLayout(bottom, 1);

    AnalysisController *analysis = document->analysis();
    connect(analysis, &AnalysisController::updated, this, &CompareView::refresh);
    connect(document, &Document::currentOptionChanged, this, &CompareView::markCurrent);
    connect(m_table, &QTableWidget::cellClicked, this,
            [this](int, int column) { m_document->setCurrentOption(optionAtColumn(column)); });
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this,
            [this](int column) { m_document->setCurrentOption(optionAtColumn(column)); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int, int column) {
        const QString id = optionAtColumn(column);
        if (!id.isEmpty()) {
            m_document->setCurrentOption(id);
            emit openRequested(id);
        }
    });
    connect(m_baseline, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_syncing || index < 0)
            return;
        const QString id = m_baseline->itemData(index).toString();
        if (id != m_document->project().baseline)
            m_document->push(setBaselineEdit(m_document->project(), id));
    });
    refresh();
}

QString CompareView::optionAtColumn(int column) const
{
    return column >= 0 && column < m_optionIds.size() ? m_optionIds[column] : QString();
}

void CompareView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refreshNow();
}

void CompareView::refresh()
{
    // Hidden: nothing is drawn until the view is shown, so the edit path stays short.
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    refreshNow();
}

void CompareView::refreshNow()
{
    m_dirty = false;
    ++m_refreshes;
    const Comparison &c = m_document->analysis()->analysis().comparison;
    m_optionIds.clear();
    for (const auto &o : c.options)
        m_optionIds << o.option;
    QString traffic = c.traffic == QLatin1String("typical") ? tr("typical traffic")
                                                            : tr("%1 traffic").arg(c.traffic);
    m_title->setText(c.options.empty()
                         ? tr("No options to compare")
                         : tr("%1 options compared · deltas at %2 (×%3) · monthly USD")
                               .arg(c.options.size())
                               .arg(traffic, formatNumber(c.multiplier)));
    fillBaselineSelector();
    fillTable();
    fillChart();
    QStringList lines;
    const QString cheapest = c.cheapestPassing();
    if (const OptionComparison *o = c.option(cheapest))
        lines << tr("<b>Cheapest option without errors or unbound components</b>: %1 at %2 a "
                    "month.")
                     .arg(o->name.toHtmlEscaped(), o->cost.text.toHtmlEscaped());
    else if (!c.options.empty())
        lines << tr("<b>Every option has errors or unbound components.</b>");
    for (const auto &x : c.crossovers)
        lines << QStringLiteral("• ") + crossoverSentence(c, x).toHtmlEscaped();
    if (c.crossovers.empty() && c.options.size() > 1)
        lines << tr("The cost curves do not cross between ×0.01 and ×1000 traffic.");
    m_crossovers->setText(lines.join(QStringLiteral("<br>")));
    markCurrent();
}

void CompareView::fillBaselineSelector()
{
    m_syncing = true;
    m_baseline->clear();
    const Project &p = m_document->project();
    for (const auto &o : p.options)
        m_baseline->addItem(o.name, o.id);
    m_baseline->setCurrentIndex(m_baseline->findData(p.baseline));
    m_syncing = false;
}

void CompareView::fillTable()
{
    const Comparison &c = m_document->analysis()->analysis().comparison;
    const auto rows = comparisonRows(c);
    m_table->clear();
    m_table->setColumnCount(int(c.options.size()));
    m_table->setRowCount(int(rows.size()));
    for (int col = 0; col < int(c.options.size()); ++col) {
        const OptionComparison &o = c.options[size_t(col)];
        auto *h = new QTableWidgetItem(heading(o));
        h->setData(Qt::UserRole, o.option);
        h->setToolTip(
            tr("%1 (%2)%3").arg(o.name, o.option, o.baseline ? tr(", the baseline") : QString()));
        m_table->setHorizontalHeaderItem(col, h);
    }
    for (int row = 0; row < int(rows.size()); ++row) {
        const ComparisonRow &r = rows[size_t(row)];
        auto *label = new QTableWidgetItem(r.label);
        label->setData(Qt::UserRole, r.key);
        m_table->setVerticalHeaderItem(row, label);
        for (int col = 0; col < r.cells.size(); ++col) {
            const OptionComparison &o = c.options[size_t(col)];
            auto *item = new QTableWidgetItem(r.cells[col]);
            item->setToolTip(r.cells[col]);
            item->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            if (col == r.best) {
                item->setBackground(kBest);
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
                item->setData(Qt::UserRole, true); // best in its row
            }
            if (r.key == QLatin1String("delta") && !o.baseline && std::fabs(o.delta.cost) >= 0.005)
                item->setForeground(o.delta.cost < 0 ? kGood : kBad);
            else if ((r.key == QLatin1String("findings") || r.key == QLatin1String("errors"))
                     && o.errors)
                item->setForeground(kBad);
            else if (r.cells[col].contains(QStringLiteral("✗")))
                item->setForeground(kBad);
            else if (r.key == QLatin1String("budget") && o.headroom && *o.headroom < 0)
                item->setForeground(kBad);
            m_table->setItem(row, col, item);
        }
    }
    fitTableHeight();
}

void CompareView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTableHeight(); // wrapped cells take more or fewer lines at another width
}

void CompareView::fitTableHeight()
{
    m_table->resizeRowsToContents();
    // As tall as its rows, so nothing scrolls and the chart gets the rest (capped for very many
    // rows: then the table scrolls).
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth();
    for (int row = 0; row < m_table->rowCount(); ++row)
        height += m_table->rowHeight(row);
    m_table->setFixedHeight(std::min(height, 520));
}

void CompareView::fillChart()
{
    const Comparison &c = m_document->analysis()->analysis().comparison;
    m_chart->removeAllSeries();
    m_bars = new QBarSeries;
    m_bars->setObjectName(QStringLiteral("costByLevel"));
    static const char *const names[3]
        = {QT_TR_NOOP("Low"), QT_TR_NOOP("Typical"), QT_TR_NOOP("High")};
    double top = 1;
    for (int level = 0; level < 3; ++level) {
        auto *set = new QBarSet(
            tr("%1 ×%2").arg(tr(names[level]), formatNumber(c.levels[size_t(level)])));
        set->setColor(kLevelColours[level]);
        set->setBorderColor(kLevelColours[level].darker(120));
        for (const auto &o : c.options) {
            *set << o.costs[size_t(level)].total;
            top = std::max(top, o.costs[size_t(level)].total);
        }
        connect(set, &QBarSet::clicked, this,
                [this](int index) { m_document->setCurrentOption(optionAtColumn(index)); });
        connect(set, &QBarSet::hovered, this, [this, level](bool on, int index) {
            const Comparison &cmp = m_document->analysis()->analysis().comparison;
            if (!on || index < 0 || index >= int(cmp.options.size())) {
                QToolTip::hideText();
                return;
            }
            const OptionComparison &o = cmp.options[size_t(index)];
            QToolTip::showText(QCursor::pos(),
                               tr("%1 at ×%2: %3 a month")
                                   .arg(o.name, formatNumber(o.costs[size_t(level)].multiplier),
                                        o.costs[size_t(level)].text));
        });
        m_bars->append(set);
    }
    if (c.budget)
        top = std::max(top, *c.budget);
    m_chart->addSeries(m_bars);
    QStringList categories;
    for (const auto &o : c.options) {
        QString name = o.name.size() > 30 ? o.name.left(29) + QStringLiteral("…") : o.name;
        categories << (o.baseline ? QStringLiteral("★ ") + name : name);
    }
    m_axisX->clear();
    m_axisX->append(categories);
    m_axisY->setRange(0, top * 1.1);
    m_axisY->applyNiceNumbers();
    m_bars->attachAxis(m_axisX);
    m_bars->attachAxis(m_axisY);
}

void CompareView::markCurrent()
{
    const QString current = m_document->currentOptionId();
    for (int col = 0; col < m_table->columnCount(); ++col) {
        const bool isCurrent = optionAtColumn(col) == current;
        if (QTableWidgetItem *h = m_table->horizontalHeaderItem(col)) {
            QFont f = h->font();
            f.setBold(isCurrent);
            h->setFont(f);
        }
        for (int row = 0; row < m_table->rowCount(); ++row) {
            QTableWidgetItem *item = m_table->item(row, col);
            if (!item || item->data(Qt::UserRole).toBool())
                continue; // the best value keeps its highlight
            item->setBackground(isCurrent ? QBrush(kCurrent) : QBrush());
        }
    }
}

} // namespace stackplan
