#pragma once

#include "rules/finding.h"

#include <QAbstractTableModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace stackplan {

class Document;
class ValidationController;

// The findings of one option as a table: severity, rule, elements, message (sortable).
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, RuleColumn, ElementColumn, MessageColumn, ColumnCount };
    enum Roles { SeverityRank = Qt::UserRole + 1, FindingIndex };

    using QAbstractTableModel::QAbstractTableModel;
    void setFindings(std::vector<Finding> findings,
                     const std::function<QString(const QString &)> &nameOf);
    const Finding *finding(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<Finding> m_findings;
    std::vector<QString> m_elementNames;
};

// The Problems dock: a sortable, filterable table of the current option's findings.
// Double-click selects and centres the element; fixes come from the context menu or the Fix
// button, each applied as one undoable command.
class ProblemsPanel : public QWidget
{
    Q_OBJECT
public:
    ProblemsPanel(Document *document, ValidationController *validation, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QComboBox *severityFilter() const { return m_severity; }
    QLineEdit *textFilter() const { return m_filter; }
    FindingsModel *model() const { return m_model; }
    // The finding shown at a row of the (sorted, filtered) table.
    const Finding *findingAt(int viewRow) const;
    // Applies fix `index` of a finding as one undoable command.
    bool applyFix(const Finding &finding, int index);

signals:
    // The user wants to see these elements (component or connection ids) of an option.
    void activated(const QString &option, const QStringList &elements);

private:
    void refresh();
    void showContextMenu(const QPoint &pos);
    void updateFixButton();

    Document *m_document;
    ValidationController *m_validation;
    FindingsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QComboBox *m_severity;
    QLineEdit *m_filter;
    QToolButton *m_fix;
    QLabel *m_summary;
};

} // namespace stackplan
