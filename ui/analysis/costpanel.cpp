#include "analysis/costpanel.h"

#include "analysis/analysiscontroller.h"
#include "cost/billjson.h"
#include "document.h"
#include "render/costchart.h"
#include "render/plaintext.h"
#include "util/format.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QSaveFile>
#include <QScatterSeries>
#include <QSlider>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace stackplan {

namespace {

constexpr double kLow = 0.01, kHigh = 1000;
constexpr int kSliderSteps = 500; // 5 decades, 100 steps each

int sliderFor(double m)
{
    return int(std::lround((std::log10(std::clamp(m, kLow, kHigh)) - std::log10(kLow)) * 100));
}

double multiplierFor(int pos)
{
    return std::pow(10.0, std::log10(kLow) + pos / 100.0);
}

QString quantityText(const std::optional<double> &q)
{
    return q ? formatNumber(std::round(*q * 1000) / 1000, 3) : QObject::tr("unknown");
}

} // namespace

CostPanel::CostPanel(Document *document, QWidget *parent) : QWidget(parent), m_document(document)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(0);
    connect(&m_debounce, &QTimer::timeout, this, &CostPanel::recompute);

    m_level = new QComboBox;
    m_level->addItem(tr("Low traffic"), QStringLiteral("low"));
    m_level->addItem(tr("Typical traffic"), QStringLiteral("typical"));
    m_level->addItem(tr("High traffic"), QStringLiteral("high"));
    m_level->addItem(tr("Custom"), QString());
    m_level->setCurrentIndex(1);
    m_slider = new QSlider(Qt::Horizontal);
    m_slider->setRange(0, kSliderSteps);
    m_slider->setValue(sliderFor(1));
    m_slider->setToolTip(tr("Traffic multiplier, 0.01× to 1000× (logarithmic)"));
    // Only a drag of the handle or the keys move it: a stray click on the groove (it sits just
    // above the tabs) would jump the traffic by a page, and so would a wheel passing over it.
    m_slider->setPageStep(0);
    m_slider->setFocusPolicy(Qt::StrongFocus);
    m_slider->installEventFilter(this);
    m_total = new QLabel;
    QFont bold = m_total->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_total->setFont(bold);
    auto *exportButton = new QPushButton(tr("Export CSV…"));

    m_table = new QTreeWidget;
    m_table->setColumnCount(7);
    m_table->setHeaderLabels({tr("Item"), tr("Quantity"), tr("Included"), tr("Billable"),
                              tr("Unit price"), tr("Amount"), tr("Source")});
    m_table->setRootIsDecorated(true);
    m_table->setAlternatingRowColors(true);
    m_table->header()->setStretchLastSection(true);

    m_barChart = new QChart;
    // The tab names the chart: no title, so the plot and its axis labels get the height.
    m_barChart->legend()->setAlignment(Qt::AlignRight);
    m_barChart->setMargins(QMargins(4, 4, 4, 4));
    m_barChart->setAnimationOptions(QChart::NoAnimation);
    m_barView = new QChartView(m_barChart);
    m_barView->setRenderHint(QPainter::Antialiasing);
    // Axes are created once: recreating them on every refresh leaves painted remnants.
    m_barX = new QBarCategoryAxis;
    m_barY = new QValueAxis;
    m_barY->setLabelFormat(QStringLiteral("$%.0f"));
    m_barChart->addAxis(m_barX, Qt::AlignBottom);
    m_barChart->addAxis(m_barY, Qt::AlignLeft);

    m_curve = new QChart;
    m_curve->legend()->setAlignment(Qt::AlignRight);
    m_curve->setMargins(QMargins(4, 4, 4, 4));
    m_curve->setAnimationOptions(QChart::NoAnimation);
    m_curveView = new QChartView(m_curve);
    m_curveView->setRenderHint(QPainter::Antialiasing);
    m_curveX = new QLogValueAxis;
    m_curveX->setBase(10);
    m_curveX->setRange(kLow, kHigh);
    m_curveX->setLabelFormat(QStringLiteral("%gx"));
    m_curveX->setTitleText(tr("traffic × stated"));
    m_curveX->setMinorTickCount(-1);
    m_curveLogY = new QLogValueAxis;
    m_curveLogY->setBase(10);
    m_curveLogY->setLabelFormat(QStringLiteral("$%g"));
    m_curveLogY->setTitleText(tr("USD/month (log)"));
    m_curveLogY->setMinorTickCount(-1);
    m_curveLinearY = new QValueAxis;
    m_curveLinearY->setLabelFormat(QStringLiteral("$%.0f"));
    m_curveLinearY->setTitleText(tr("USD/month"));
    m_curve->addAxis(m_curveX, Qt::AlignBottom);
    m_curve->addAxis(m_curveLogY, Qt::AlignLeft);
    m_curve->addAxis(m_curveLinearY, Qt::AlignLeft);
    connect(m_curve, &QChart::plotAreaChanged, this, &CostPanel::placeCrossoverLabels);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_level);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_total);
    controls->addWidget(exportButton);

    auto *logScale = new QCheckBox(tr("Logarithmic cost axis"));
    logScale->setChecked(true);
    logScale->setToolTip(tr("Costs span cents to thousands of dollars; on the logarithmic axis "
                            "values below $1 are drawn at $1."));
    connect(logScale, &QCheckBox::toggled, this, &CostPanel::setLogScale);
    auto *curveTab = new QWidget;
    auto *curveLayout = new QVBoxLayout(curveTab);
    curveLayout->setContentsMargins(0, 0, 0, 0);
    curveLayout->addWidget(m_curveView, 1);
    curveLayout->addWidget(logScale);
    auto *tabs = m_tabs = new QTabWidget;
    tabs->setDocumentMode(true);
    tabs->addTab(m_table, tr("Bill"));
    tabs->addTab(m_barView, tr("By component"));
    tabs->addTab(curveTab, tr("Cost vs traffic"));
    for (QWidget *page : {static_cast<QWidget *>(m_table), static_cast<QWidget *>(m_barView),
                          curveTab})
        page->setMinimumHeight(kChartHeight);
    m_barView->setToolTip(tr("Monthly cost by component at the project's low, typical and "
                             "high traffic"));
    m_curveView->setToolTip(tr("Monthly cost of every option against traffic"));
    // Only the page on screen is built; the others when their tab is chosen.
    connect(tabs, &QTabWidget::currentChanged, this, &CostPanel::fillShown);
    connect(m_table, &QTreeWidget::itemExpanded, this, &CostPanel::fillLines);
    connect(m_table, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const QString field = item->data(0, Qt::UserRole + 1).toString();
        if (!field.isEmpty())
            emit fieldRequested(item->data(0, Qt::UserRole).toString(), field);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(controls);
    layout->addWidget(tabs, 1);

    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        if (m_syncing)
            return;
        const QString level = m_level->currentData().toString();
        if (const auto m = trafficMultiplier(m_document->project().assumptions, level))
            setMultiplier(*m);
    });
    connect(m_slider, &QSlider::valueChanged, this, [this](int pos) {
        if (m_syncing)
            return;
        m_multiplier = multiplierFor(pos);
        syncControls();
        schedule();
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Export bill"), QString(), tr("CSV (*.csv)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!exportCsv(path, &error))
            m_total->setToolTip(plainToolTip(error));
    });
    // Bills and the sweep come from the document's analysis, computed once per edit off the UI
    // thread; only a custom traffic multiplier is priced here.
    connect(document->analysis(), &AnalysisController::updated, this, &CostPanel::schedule);
    connect(document, &Document::currentOptionChanged, this, &CostPanel::schedule);
    recompute();
}

void CostPanel::setDark(bool dark)
{
    for (QChart *chart : {m_barChart, m_curve}) {
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundRoundness(0);
    }
    schedule(); // the series set their own colours again
}

bool CostPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_slider && event->type() == QEvent::Wheel && !m_slider->hasFocus())
        return true; // a wheel passing over the slider scrolls nothing
    return QWidget::eventFilter(watched, event);
}

void CostPanel::setMultiplier(double multiplier)
{
    m_multiplier = std::clamp(multiplier, kLow, kHigh);
    syncControls();
    schedule();
}

void CostPanel::setLevel(const QString &level)
{
    const int index = m_level->findData(level);
    m_level->setCurrentIndex(index >= 0 ? index : m_level->count() - 1);
}

void CostPanel::syncControls()
{
    m_syncing = true;
    m_slider->setValue(sliderFor(m_multiplier));
    const Assumptions &a = m_document->project().assumptions;
    int index = m_level->count() - 1;
    for (const auto &[level, value] :
         {std::pair{0, a.trafficLow}, {1, a.trafficTypical}, {2, a.trafficHigh}})
        if (std::fabs(value - m_multiplier) < 1e-9)
            index = level;
    m_level->setCurrentIndex(index);
    m_syncing = false;
}

void CostPanel::schedule()
{
    m_debounce.start();
}

void CostPanel::recomputeNow()
{
    m_debounce.stop();
    m_document->analysis()->current(); // brought up to date synchronously if an edit is pending
    m_forceFill = true;
    recompute();
    m_forceFill = false;
}

void CostPanel::recompute()
{
    const Project &p = m_document->project();
    const Option *o = m_document->currentOption();
    if (!o || !m_document->catalogue())
        return;
    const Analysis &analysis = m_document->analysis()->analysis();
    const auto *levels = analysis.billsOf(o->id);
    const Bill *atLevel = nullptr;
    if (levels)
        for (const Bill &b : *levels)
            if (b.multiplier == m_multiplier)
                atLevel = &b;
    m_bill = atLevel ? *atLevel : computeBill(p, *o, *m_document->catalogue(), m_multiplier);
    m_sweep = analysis.sweep;
    m_total->setText(
        tr("%1 / month at ×%2").arg(m_bill.totalText(), formatNumber(m_multiplier, 3)));
    // The table and charts are rebuilt only while the panel is visible (or when asked to).
    m_chartsDirty = true;
    if (isVisible() || m_forceFill)
        fillCharts();
}

void CostPanel::fillCharts()
{
    m_chartsDirty = false;
    m_tableDirty = m_barsDirty = m_curveDirty = true;
    fillShown();
}

void CostPanel::fillShown()
{
    const bool all = m_forceFill;
    QWidget *page = m_tabs->currentWidget();
    if (m_tableDirty && (all || page == m_table)) {
        m_tableDirty = false;
        fillTable();
    }
    if (m_barsDirty && (all || page == m_barView)) {
        m_barsDirty = false;
        fillBars();
    }
    if (m_curveDirty && (all || (page && page->isAncestorOf(m_curveView)))) {
        m_curveDirty = false;
        fillCurve();
    }
}

void CostPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_chartsDirty)
        fillCharts();
}

namespace {

// Columns of one bill line in the Costs table.
QTreeWidgetItem *addBillLine(QTreeWidget *table, QTreeWidgetItem *parent, const BillLine &l)
{
    auto *item = new QTreeWidgetItem(parent);
    item->setText(0, l.description);
    if (l.usage != QLatin1String("fee") && l.usage != QLatin1String("credit")) {
        item->setText(1, quantityText(l.quantity));
        item->setText(2, formatNumber(std::round(l.included * 1000) / 1000, 3));
        item->setText(3, quantityText(l.billable));
        item->setText(
            4, l.unitPrice
                   ? (l.per == 1
                          ? formatPrice(*l.unitPrice)
                          : CostPanel::tr("%1 per %2")
                                .arg(formatPrice(*l.unitPrice), formatNumber(l.per)))
                   : CostPanel::tr("unknown"));
    }
    item->setText(5, l.amount ? formatMoney(*l.amount) : CostPanel::tr("unknown"));
    item->setText(6, l.source);
    item->setToolTip(
        6, plainToolTip(QStringLiteral("%1\nchecked %2%3")
                            .arg(l.source, l.checked.toString(Qt::ISODate),
                                 l.note.isEmpty() ? QString() : QStringLiteral("\n") + l.note)));
    for (int c = 1; c <= 5; ++c)
        item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    if (!l.amount)
        item->setForeground(5, QColor(0xe6, 0x51, 0x00));
    if (l.isUnknown()) {
        // What is missing, where the source would be; a field is one click away.
        item->setText(6, l.note);
        item->setToolTip(0, l.note);
        item->setToolTip(5, l.note);
        if (!l.missingField.isEmpty()) {
            item->setData(0, Qt::UserRole, l.component);
            item->setData(0, Qt::UserRole + 1, l.missingField);
            QFont link = item->font(6);
            link.setUnderline(true);
            item->setFont(6, link);
            item->setForeground(6, table->palette().color(QPalette::Link));
            item->setToolTip(
                6, CostPanel::tr("%1\nClick to edit it in the Inspector.").arg(l.note));
        }
    }
    return item;
}

} // namespace

void CostPanel::fillLines(QTreeWidgetItem *top)
{
    // A collapsed component of a large bill gets its lines when it is first expanded.
    const int index = m_table->indexOfTopLevelItem(top);
    if (index < 0 || index >= int(m_bill.components.size()) || top->childCount() > 0
        || !top->data(0, Qt::UserRole + 2).toBool())
        return;
    top->setData(0, Qt::UserRole + 2, false);
    for (const auto &l : m_bill.components[size_t(index)].lines)
        addBillLine(m_table, top, l);
}

void CostPanel::fillTable()
{
    m_table->clear();
    const bool expand = int(m_bill.components.size()) <= kExpandedComponents;
    for (const auto &cb : m_bill.components) {
        auto *top = new QTreeWidgetItem(m_table);
        top->setText(0, QStringLiteral("%1 — %2 / %3%4")
                            .arg(cb.name, cb.binding.profile, cb.binding.plan,
                                 cb.binding.instance.isEmpty()
                                     ? QString()
                                     : QStringLiteral(" / ") + cb.binding.instance));
        top->setText(5, formatMoney(cb.known)
                            + (cb.unknown ? tr(" + %1 unknown").arg(cb.unknown) : QString()));
        top->setTextAlignment(5, Qt::AlignRight | Qt::AlignVCenter);
        if (expand) {
            for (const auto &l : cb.lines)
                addBillLine(m_table, top, l);
        } else if (!cb.lines.empty()) {
            top->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
            top->setData(0, Qt::UserRole + 2, true); // lines not built yet
        }
    }
    if (!m_bill.accountLines.empty()) {
        auto *account = new QTreeWidgetItem(m_table);
        account->setText(0, tr("Account (once per option)"));
        double sum = 0;
        for (const auto &l : m_bill.accountLines) {
            addBillLine(m_table, account, l);
            sum += l.amount.value_or(0);
        }
        account->setText(5, formatMoney(sum));
        account->setTextAlignment(5, Qt::AlignRight | Qt::AlignVCenter);
    }
    auto *total = new QTreeWidgetItem(m_table);
    total->setText(0, tr("Total per month"));
    total->setText(5, m_bill.totalText());
    total->setTextAlignment(5, Qt::AlignRight | Qt::AlignVCenter);
    QFont f = total->font(0);
    f.setBold(true);
    total->setFont(0, f);
    total->setFont(5, f);
    if (expand)
        m_table->expandAll();
    else
        m_table->expandItem(m_table->topLevelItem(m_table->topLevelItemCount() - 2));
    for (int c = 0; c < 6; ++c)
        m_table->resizeColumnToContents(c);
}

void CostPanel::fillBars()
{
    m_barChart->removeAllSeries();
    const Project &p = m_document->project();
    const Option *o = m_document->currentOption();
    const Assumptions &a = p.assumptions;
    const double levels[] = {a.trafficLow, a.trafficTypical, a.trafficHigh};
    std::vector<Bill> bills;
    if (const auto *analysed = m_document->analysis()->analysis().billsOf(o->id)) {
        bills.assign(analysed->begin(), analysed->end());
    } else {
        const BillModel model(p, *o, *m_document->catalogue());
        for (const double m : levels)
            bills.push_back(model.evaluate(m));
    }
    m_bars = new QStackedBarSeries;
    const size_t n = bills[0].components.size();
    // One set per component, or, for many, one per most expensive component (at any level) and
    // one for all others, so the legend stays readable and the chart cheap to build.
    std::vector<bool> own(n, true);
    if (n > size_t(kMaxComponentSets)) {
        std::vector<std::pair<double, size_t>> peak;
        for (size_t i = 0; i < n; ++i) {
            double most = 0;
            for (const auto &b : bills)
                most = std::max(most, b.components[i].known);
            peak.push_back({-most, i}); // most expensive first, then in component order
        }
        std::sort(peak.begin(), peak.end());
        own.assign(n, false);
        for (size_t k = 0; k + 1 < size_t(kMaxComponentSets); ++k)
            own[peak[k].second] = true;
    }
    int colour = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!own[i])
            continue;
        auto *set = new QBarSet(bills[0].components[i].name);
        for (const auto &b : bills)
            *set << b.components[i].known;
        set->setColor(optionColor(colour++));
        m_bars->append(set);
    }
    if (const auto others = std::count(own.begin(), own.end(), false)) {
        auto *set = new QBarSet(tr("%n other component(s)", nullptr, int(others)));
        for (const auto &b : bills) {
            double sum = 0;
            for (size_t i = 0; i < n; ++i)
                if (!own[i])
                    sum += b.components[i].known;
            *set << sum;
        }
        set->setColor(QColor(0xb0, 0xbe, 0xc5));
        m_bars->append(set);
    }
    auto *account = new QBarSet(tr("Account fees and credits"));
    for (const auto &b : bills) {
        double sum = 0;
        for (const auto &l : b.accountLines)
            sum += l.amount.value_or(0);
        *account << sum;
    }
    account->setColor(QColor(0x90, 0xa4, 0xae));
    m_bars->append(account);
    m_barChart->addSeries(m_bars);
    m_barX->clear();
    m_barX->append({tr("Low ×%1").arg(formatNumber(a.trafficLow)),
                    tr("Typical ×%1").arg(formatNumber(a.trafficTypical)),
                    tr("High ×%1").arg(formatNumber(a.trafficHigh))});
    double top = 1;
    for (const auto &b : bills)
        top = std::max(top, b.total);
    m_barY->setRange(0, top * 1.1);
    m_barY->applyNiceNumbers();
    m_bars->attachAxis(m_barX);
    m_bars->attachAxis(m_barY);
}

void CostPanel::setLogScale(bool log)
{
    if (m_logScale == log)
        return;
    m_logScale = log;
    fillCurve();
}

void CostPanel::fillCurve()
{
    m_curve->removeAllSeries();
    const Project &p = m_document->project();
    static constexpr double kFloor = 1; // log axis: values below $1 are drawn at $1
    auto shown = [this](double v) {
        return m_logScale ? std::max(v, kFloor) : v;
    };
    double top = 1;
    for (const auto &s : m_sweep.series)
        for (const double t : s.totals)
            top = std::max(top, t);
    if (p.assumptions.monthlyBudget)
        top = std::max(top, *p.assumptions.monthlyBudget);
    m_curveLogY->setRange(kFloor, std::pow(10.0, std::ceil(std::log10(top * 1.5))));
    m_curveLinearY->setRange(0, top * 1.1);
    m_curveLinearY->applyNiceNumbers();
    m_curveLogY->setVisible(m_logScale);
    m_curveLinearY->setVisible(!m_logScale);
    QAbstractAxis *yAxis = m_logScale ? static_cast<QAbstractAxis *>(m_curveLogY) : m_curveLinearY;
    QAbstractAxis *x = m_curveX;
    auto add = [&](QXYSeries *series, bool inLegend) {
        m_curve->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(yAxis);
        if (!inLegend)
            for (auto *marker : m_curve->legend()->markers(series))
                marker->setVisible(false);
    };
    int colour = 0;
    for (const auto &s : m_sweep.series) {
        auto *line = new QLineSeries;
        const Option *o = p.option(s.option);
        line->setName(o ? (o->id == p.baseline ? tr("%1 ★").arg(o->name) : o->name) : s.option);
        line->setObjectName(s.option);
        for (size_t i = 0; i < s.totals.size(); ++i)
            line->append(m_sweep.multipliers[i], shown(s.totals[i]));
        QPen pen(optionColor(colour++));
        pen.setWidthF(s.option == m_document->currentOptionId() ? 3.0 : 1.8);
        line->setPen(pen);
        add(line, true);
    }
    const double yTop = m_logScale ? m_curveLogY->max() : m_curveLinearY->max();
    const double yBottom = m_logScale ? kFloor : 0;
    if (p.assumptions.monthlyBudget) {
        auto *budget = new QLineSeries;
        budget->setName(tr("Budget %1").arg(formatMoney(*p.assumptions.monthlyBudget)));
        budget->setObjectName(QStringLiteral("budget"));
        budget->append(kLow, *p.assumptions.monthlyBudget);
        budget->append(kHigh, *p.assumptions.monthlyBudget);
        budget->setPen(QPen(QColor(0x2e, 0x7d, 0x32), 1.5, Qt::DashLine));
        add(budget, true);
    }
    auto *current = new QLineSeries;
    current->setName(tr("Current traffic ×%1").arg(formatNumber(m_multiplier, 3)));
    current->setObjectName(QStringLiteral("current"));
    current->append(m_multiplier, yBottom);
    current->append(m_multiplier, yTop);
    current->setPen(QPen(QColor(0x37, 0x47, 0x4f), 1.2, Qt::DotLine));
    add(current, false);

    auto *breaks = new QScatterSeries;
    breaks->setName(tr("Breakpoints"));
    breaks->setObjectName(QStringLiteral("breakpoints"));
    breaks->setMarkerSize(8);
    breaks->setColor(QColor(0xff, 0xa0, 0x00));
    breaks->setBorderColor(Qt::white);
    std::map<QString, std::unique_ptr<BillModel>> models; // one per option, not per breakpoint
    for (const auto &b : m_sweep.breakpoints) {
        const Option *o = p.option(b.option);
        if (!o)
            continue;
        auto &model = models[b.option];
        if (!model)
            model = std::make_unique<BillModel>(p, *o, *m_document->catalogue());
        breaks->append(b.multiplier, shown(model->total(b.multiplier)));
    }
    add(breaks, true);

    auto *cross = new QScatterSeries;
    cross->setName(tr("Crossovers"));
    cross->setObjectName(QStringLiteral("crossovers"));
    cross->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    cross->setMarkerSize(10);
    cross->setColor(QColor(0xd3, 0x2f, 0x2f));
    for (const auto &c : m_sweep.crossovers)
        cross->append(c.multiplier, shown(c.total));
    add(cross, true);
    placeCrossoverLabels();
}

void CostPanel::placeCrossoverLabels()
{
    for (auto *label : m_crossoverLabels)
        delete label;
    m_crossoverLabels.clear();
    const Project &p = m_document->project();
    QLineSeries *anchor = nullptr;
    for (auto *s : m_curve->series())
        if ((anchor = qobject_cast<QLineSeries *>(s)))
            break;
    if (!anchor)
        return;
    const QRectF area = m_curve->plotArea();
    for (const auto &c : m_sweep.crossovers) {
        const Option *above = p.option(c.cheaperAbove);
        QString name = above ? above->name : c.cheaperAbove;
        if (name.size() > 30)
            name = name.left(29) + QStringLiteral("…");
        auto *label = new QGraphicsSimpleTextItem(
            tr("%1 cheaper above ×%2").arg(name, formatNumber(c.multiplier, 2)), m_curve);
        QFont f = label->font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        label->setFont(f);
        label->setBrush(QColor(0xb7, 0x1c, 0x1c));
        const double y = m_logScale ? std::max(c.total, 1.0) : c.total;
        const QPointF at = m_curve->mapToPosition(QPointF(c.multiplier, y), anchor);
        const QRectF box = label->boundingRect();
        QPointF pos
            = at + QPointF(8, -box.height() - 6 - 16 * double(m_crossoverLabels.size() % 4));
        if (pos.x() + box.width() > area.right())
            pos.setX(at.x() - 8 - box.width());
        pos.setX(std::max(pos.x(), area.left() + 2));
        pos.setY(std::clamp(pos.y(), area.top() + 2, area.bottom() - box.height() - 2));
        label->setPos(pos);
        label->setZValue(20);
        m_crossoverLabels.push_back(label);
    }
}

QLineSeries *CostPanel::curveSeries(const QString &option) const
{
    for (auto *s : m_curve->series())
        if (s->objectName() == option)
            return qobject_cast<QLineSeries *>(s);
    return nullptr;
}

bool CostPanel::exportCsv(const QString &path, QString *error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    const QByteArray csv = billCsvHeader() + billToCsv(m_bill);
    if (f.write(csv) != csv.size() || !f.commit()) {
        if (error)
            *error = tr("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace stackplan
