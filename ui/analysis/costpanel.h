#pragma once

#include "cost/bill.h"
#include "cost/sweep.h"

#include <QTimer>
#include <QWidget>

class QAbstractAxis;
class QBarCategoryAxis;
class QChart;
class QChartView;
class QComboBox;
class QGraphicsSimpleTextItem;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QSlider;
class QStackedBarSeries;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QValueAxis;

namespace stackplan {

class Document;

// The Costs dock: what the current option costs at the chosen traffic, line by line with sources,
// as stacked bars by component at the project's low/typical/high levels, and as a cost-vs-traffic
// curve for every option with breakpoints, crossovers, the current traffic and the budget.
// Reads the bills and the sweep of the document's analysis (recomputed once per edit, off the UI
// thread); the table and charts are rebuilt only while the panel is visible.
class CostPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CostPanel(Document *document, QWidget *parent = nullptr);

    double multiplier() const { return m_multiplier; }
    void setMultiplier(double multiplier);
    // "low", "typical", "high"; anything else selects "custom".
    void setLevel(const QString &level);

    const Bill &bill() const { return m_bill; }
    const Sweep &sweep() const { return m_sweep; }
    QStackedBarSeries *barSeries() const { return m_bars; }
    QChart *curveChart() const { return m_curve; }
    QChartView *barView() const { return m_barView; }
    QChartView *curveView() const { return m_curveView; }
    QTreeWidget *billTable() const { return m_table; }
    QLabel *totalLabel() const { return m_total; }
    QSlider *slider() const { return m_slider; }
    QComboBox *levelSelector() const { return m_level; }
    // The current option's curve, by option id.
    QLineSeries *curveSeries(const QString &option) const;

    bool exportCsv(const QString &path, QString *error) const;
    // The cost axis of the curve chart: logarithmic (default; costs span cents to thousands,
    // values below $1 drawn at $1) or linear.
    void setLogScale(bool log);
    bool logScale() const { return m_logScale; }
    // Recompute now instead of at the end of the event-loop turn.
    void recomputeNow();
    // Dark or light charts, with the application palette.
    void setDark(bool dark);

    // Height every tab of the panel (bill, bars, curve) is laid out for, so the dock keeps one
    // height whichever tab is shown and no axis label is elided.
    static constexpr int kChartHeight = 240;
    // At most this many bar sets in the by-component chart: above it, the most expensive
    // components keep their own set and the rest are summed in one "Other components" set.
    static constexpr int kMaxComponentSets = 12;
    // Bills with more components than this are shown collapsed, each component's lines built
    // when it is expanded.
    static constexpr int kExpandedComponents = 50;

signals:
    // An unknown bill line was clicked whose quantity needs `field` (BillLine::missingField) of
    // the component `componentId`.
    void fieldRequested(const QString &componentId, const QString &field);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void schedule();
    void recompute();
    void fillCharts();
    void fillShown();
    void fillTable();
    void fillLines(QTreeWidgetItem *top);
    void fillBars();
    void fillCurve();
    void placeCrossoverLabels();
    void syncControls();
    bool eventFilter(QObject *watched, QEvent *event) override;

    Document *m_document;
    QTimer m_debounce;
    double m_multiplier = 1;
    Bill m_bill;
    Sweep m_sweep;
    QComboBox *m_level;
    QSlider *m_slider;
    QLabel *m_total;
    QTreeWidget *m_table;
    QTabWidget *m_tabs;
    QChart *m_barChart;
    QChartView *m_barView;
    QStackedBarSeries *m_bars = nullptr;
    QBarCategoryAxis *m_barX;
    QValueAxis *m_barY;
    QChart *m_curve;
    QLogValueAxis *m_curveX;
    QLogValueAxis *m_curveLogY;
    QValueAxis *m_curveLinearY;
    QChartView *m_curveView;
    std::vector<QGraphicsSimpleTextItem *> m_crossoverLabels;
    bool m_syncing = false;
    bool m_logScale = true;
    bool m_chartsDirty = true; // the bill changed while the panel was hidden
    // Pages built from an older bill: each is rebuilt when it is shown.
    bool m_tableDirty = true, m_barsDirty = true, m_curveDirty = true;
    bool m_forceFill = false;
};

} // namespace stackplan
