#pragma once

#include "compare/analysis.h"
#include "rules/incremental.h"
#include "rules/validate.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace stackplan {

class Document;

// The one analysis of a document (findings, bills at the three traffic levels, the cost sweep and
// the comparison of every option), owned by the Document and read by every view: the Problems
// dock, badges, option tabs, the Costs dock, the Compare view and the exports.
//
// Each model change bumps the document's revision and restarts a zero-delay timer, so a burst of
// changes within one event-loop turn is analysed once, in two steps:
// 1. the findings of the option on screen, at once on the UI thread by an IncrementalValidator
//    (only what the edit touched is revalidated; no rebinding fixes), then findingsUpdated():
//    badges, tabs and the Problems dock follow in the same frame;
// 2. once that frame is painted, everything (every option's findings, the bills of the option on
//    screen, the sweep, the comparison) on a worker thread over a copy of the project, then
//    updated(); a result whose revision is no longer the document's is dropped.
// Fixes are computed when asked for (fixesFor(), a fix menu); current() gives an analysis with
// every fix, as the CLI computes it, for exports.
class AnalysisController : public QObject
{
    Q_OBJECT
public:
    explicit AnalysisController(Document *document, QObject *parent = nullptr);
    ~AnalysisController() override;

    // The latest analysis; it may describe an older revision while one is running, except for
    // the findings of the option on screen (see findingsRevision()).
    const Analysis &analysis() const { return m_analysis; }
    // True when the whole analysis describes the document as it is now.
    bool isCurrent() const;
    // The analysis of the document as it is now, with every fix, computed synchronously if
    // needed (exports, tests).
    const Analysis &current();

    // Findings of one option (sorted, worst first), or of all options in option order.
    std::vector<Finding> findings(const QString &optionId) const;
    const std::vector<Finding> &allFindings() const { return m_analysis.findings; }
    // The document revision the findings of `optionId` describe.
    quint64 findingsRevision(const QString &optionId) const;
    // The fixes of a finding of the document as it is now (computed on demand unless the
    // analysis already carries them); empty if the option no longer has that finding.
    std::vector<Fix> fixesFor(const Finding &finding) const;
    using Counts = FindingCounts;
    Counts counts(const QString &optionId) const;
    // "1 error, 2 warnings, 0 infos" (with `separator` between the parts).
    static QString countsText(const Counts &c, const QString &separator = QStringLiteral(", "));
    // True while an analysis is scheduled or running.
    bool isBusy() const;
    // Run synchronously now, with every fix (tests, exports).
    void analyseNow();
    // Analyses started so far (on the worker or synchronously): one per burst of edits.
    int runs() const { return m_runs; }

signals:
    // The findings of the option on screen describe the document as it is now.
    void findingsUpdated();
    // The whole analysis was replaced.
    void updated();

private:
    void schedule();
    void start();
    void launch();
    void validateShownOption();

    Document *m_document;
    QTimer m_debounce;
    QTimer m_launch; // the worker starts after the frame that shows the new findings
    QFutureWatcher<Analysis> m_watcher;
    bool m_pending = false;
    int m_runs = 0;
    Analysis m_analysis;
    // The option on screen, validated on the UI thread; its findings in m_analysis describe
    // m_liveRevision (which may be newer than m_analysis.revision).
    std::unique_ptr<IncrementalValidator> m_live;
    QString m_liveOption;
    quint64 m_liveRevision = ~quint64(0);
};

} // namespace stackplan
