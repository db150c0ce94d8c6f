#pragma once

#include "compare/analysis.h"
#include "rules/validate.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <vector>

namespace stackplan {

class Document;

// The one analysis of a document (findings, bills at the three traffic levels, the cost sweep and
// the comparison of every option), owned by the Document and read by every view: the Problems
// dock, badges, option tabs, the Costs dock, the Compare view and the exports. Each model change
// bumps the document's revision and restarts a zero-delay timer, so a burst of changes within
// one event-loop turn is analysed once; the analysis runs on a worker thread over a copy of the
// project, and a result whose revision is no longer the document's is dropped.
class AnalysisController : public QObject
{
    Q_OBJECT
public:
    explicit AnalysisController(Document *document, QObject *parent = nullptr);
    ~AnalysisController() override;

    // The latest finished analysis; it may describe an older revision while one is running.
    const Analysis &analysis() const { return m_analysis; }
    // True when the analysis describes the document as it is now.
    bool isCurrent() const;
    // The analysis of the document as it is now, computed synchronously if needed (exports).
    const Analysis &current();

    // Findings of one option (sorted, worst first), or of all options in option order.
    std::vector<Finding> findings(const QString &optionId) const;
    const std::vector<Finding> &allFindings() const { return m_analysis.findings; }
    using Counts = FindingCounts;
    Counts counts(const QString &optionId) const;
    // "1 error, 2 warnings, 0 infos" (with `separator` between the parts).
    static QString countsText(const Counts &c, const QString &separator = QStringLiteral(", "));
    // True while an analysis is scheduled or running.
    bool isBusy() const;
    // Run synchronously now (tests, exports).
    void analyseNow();
    // Analyses started so far (on the worker or synchronously): one per burst of edits.
    int runs() const { return m_runs; }

signals:
    void updated();

private:
    void schedule();
    void start();

    Document *m_document;
    QTimer m_debounce;
    QFutureWatcher<Analysis> m_watcher;
    bool m_pending = false;
    int m_runs = 0;
    Analysis m_analysis;
};

} // namespace stackplan
