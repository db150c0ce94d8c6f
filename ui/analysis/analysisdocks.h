#pragma once

#include "render/diagram.h"
#include "rules/finding.h"

#include <QHash>
#include <QObject>

class QLabel;
class QStatusBar;
class QTabBar;

namespace stackplan {

class CostPanel;
class DiagramScene;
class DiagramView;
class Document;
class ProblemsPanel;
class AnalysisController;

// Connects live validation and costing to the views of a document: the Problems and Costs panels,
// badges on boxes and arrows, a severity dot and counts on each option tab, counts in the status
// bar, and "show this element" from a problem row. MainWindow creates it and docks its panels.
class AnalysisDocks : public QObject
{
    Q_OBJECT
public:
    AnalysisDocks(Document *document, DiagramScene *scene, DiagramView *view, QTabBar *tabs,
                  QStatusBar *statusBar, QObject *parent = nullptr);

    AnalysisController *validation() const { return m_validation; }
    ProblemsPanel *problems() const { return m_problems; }
    CostPanel *costs() const { return m_costs; }
    QLabel *statusCounts() const { return m_status; }

    // Selects the elements of an option on the canvas and centres the view on them.
    void showElements(const QString &option, const QStringList &elements);

private:
    void refresh();
    void updateBadges();
    void updateTabs();
    void updateStatus();

    Document *m_document;
    DiagramScene *m_scene;
    DiagramView *m_view;
    QTabBar *m_tabs;
    AnalysisController *m_validation;
    ProblemsPanel *m_problems;
    CostPanel *m_costs;
    QLabel *m_status;
    // The findings and badges last shown on the canvas, so an edit recomputes the badges of the
    // elements whose findings changed, not of the whole option.
    QString m_badgeOption;
    std::vector<Finding> m_badgeFindings;
    QHash<QString, ElementBadge> m_badges;
};

} // namespace stackplan
