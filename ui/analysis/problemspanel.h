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
class AnalysisController;

// The findings of one option as a table: severity, rule, elements, message (sortable).
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, RuleColumn, ElementColumn, MessageColumn, ColumnCount };
    enum Roles { SeverityRank = Qt::UserRole + 1, FindingIndex };

    using QAbstractTableModel::QAbstractTableModel;
    // Resets the model unless the findings and their element names are those shown already.
    void setFindings(std::vector<Finding> findings,
                     const std::function<QString(const QString &)> &nameOf);
    // Where fixes come from: findings are validated without them, and a row's fixes are asked
    // for the first time they are needed (a fix menu, a tooltip).
    void setFixer(std::function<std::vector<Fix>(const Finding &)> fixer) { m_fixer = std::move(fixer); }
    // The finding at a row, as validated (fixes only if they were already known).
    const Finding *finding(int row) const;
    // The finding at a row with its fixes.
    const Finding *findingWithFixes(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    // Mutable: fixes are filled in on first use.
    mutable std::vector<Finding> m_findings;
    mutable std::vector<bool> m_fixesKnown;
    std::vector<QString> m_elementNames;
    std::function<std::vector<Fix>(const Finding &)> m_fixer;
};

// The Problems dock: a sortable, filterable table of the current option's findings.
// Double-click selects and centres the element; fixes come from the context menu or the Fix
// button, each applied as one undoable command.
class ProblemsPanel : public QWidget
{
    Q_OBJECT
public:
    ProblemsPanel(Document *document, AnalysisController *validation, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QComboBox *severityFilter() const { return m_severity; }
    QLineEdit *textFilter() const { return m_filter; }
    FindingsModel *model() const { return m_model; }
    // The finding shown at a row of the (sorted, filtered) table, with its fixes.
    const Finding *findingAt(int viewRow) const;
    // Applies fix `index` of a finding as one undoable command, if the finding was computed for
    // the document as it is now (`revision`, Document::revision()); a fix computed for an older
    // state is refused with editRejected(), so it can never silently undo a later edit.
    bool applyFix(const Finding &finding, int index, quint64 revision);
    // The same for a finding the panel shows now (the revision of the analysis it shows).
    bool applyFix(const Finding &finding, int index);
    // The revision of the analysis the panel shows.
    quint64 shownRevision() const { return m_shownRevision; }

signals:
    // The user wants to see these elements (component or connection ids) of an option.
    void activated(const QString &option, const QStringList &elements);

private:
    void refresh();
    void showContextMenu(const QPoint &pos);
    void updateFixButton();

    Document *m_document;
    AnalysisController *m_validation;
    FindingsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QComboBox *m_severity;
    QLineEdit *m_filter;
    QToolButton *m_fix;
    QLabel *m_summary;
    quint64 m_shownRevision = 0;
};

} // namespace stackplan
