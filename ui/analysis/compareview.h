#pragma once

#include <QWidget>

class QBarSeries;
class QBarCategoryAxis;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTableWidget;
class QValueAxis;

namespace stackplan {

class Document;

// The Compare view: the options of the document side by side, read from the document's one
// analysis (Analysis::comparison). One column per option (the baseline starred, the current
// option's heading bold), one row per comparison row with the best value of each row
// highlighted, deltas against the baseline as "−38 % vs baseline"; a grouped bar chart of each
// option's monthly cost at the low, typical and high traffic levels; one sentence per crossover.
// Clicking a column or a bar makes that option current; the Baseline box marks another option
// as the baseline (one undoable edit). Rebuilt when the analysis changes, only while visible.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    explicit CompareView(Document *document, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QBarSeries *barSeries() const { return m_bars; }
    QChartView *chartView() const { return m_chartView; }
    QComboBox *baselineSelector() const { return m_baseline; }
    QLabel *crossoverLabel() const { return m_crossovers; }
    // Rebuild now from the analysis as it is (tests, screenshots).
    void refreshNow();
    // Rebuilds done so far (tests: one per analysis while visible).
    int refreshes() const { return m_refreshes; }

signals:
    // The user asked to open an option on the canvas (double-click on its column).
    void openRequested(const QString &optionId);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void refresh();
    void fillTable();
    void fillChart();
    void fitTableHeight();
    void fillBaselineSelector();
    void markCurrent();
    QString optionAtColumn(int column) const;

    Document *m_document;
    QLabel *m_title;
    QComboBox *m_baseline;
    QTableWidget *m_table;
    QChart *m_chart;
    QChartView *m_chartView;
    QBarSeries *m_bars = nullptr;
    QBarCategoryAxis *m_axisX;
    QValueAxis *m_axisY;
    QLabel *m_crossovers;
    QStringList m_optionIds; // column order
    bool m_dirty = true;
    bool m_syncing = false;
    int m_refreshes = 0;
};

} // namespace stackplan
