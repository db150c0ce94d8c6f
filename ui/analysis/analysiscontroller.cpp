#include "analysis/analysiscontroller.h"

#include "document.h"

#include <QtConcurrent/QtConcurrentRun>

namespace stackplan {

AnalysisController::AnalysisController(Document *document, QObject *parent)
    : QObject(parent), m_document(document)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(0);
    m_analysis.revision = ~quint64(0); // none yet
    connect(&m_debounce, &QTimer::timeout, this, &AnalysisController::start);
    connect(document, &Document::revisionChanged, this, &AnalysisController::schedule);
    connect(&m_watcher, &QFutureWatcher<Analysis>::finished, this, [this] {
        Analysis result = m_watcher.result();
        if (result.revision == m_document->revision()) {
            m_analysis = std::move(result);
            emit updated();
        }
        if (m_pending) {
            m_pending = false;
            start();
        }
    });
    schedule();
}

AnalysisController::~AnalysisController()
{
    m_watcher.waitForFinished();
}

void AnalysisController::schedule()
{
    m_debounce.start();
}

void AnalysisController::start()
{
    if (m_watcher.isRunning()) {
        m_pending = true; // run again when the current job ends
        return;
    }
    if (isCurrent())
        return; // a pending restart after a burst that the last result already covers
    ++m_runs;
    const Project snapshot = m_document->project();
    const Catalogue *catalogue = m_document->catalogue();
    const quint64 revision = m_document->revision();
    if (!catalogue) {
        m_analysis = Analysis{};
        m_analysis.revision = revision;
        emit updated();
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(
        [snapshot, catalogue, revision] { return analyse(snapshot, *catalogue, revision); }));
}

bool AnalysisController::isCurrent() const
{
    return m_analysis.revision == m_document->revision();
}

const Analysis &AnalysisController::current()
{
    if (!isCurrent())
        analyseNow();
    return m_analysis;
}

bool AnalysisController::isBusy() const
{
    return m_debounce.isActive() || m_watcher.isRunning() || m_pending;
}

void AnalysisController::analyseNow()
{
    m_debounce.stop();
    m_watcher.waitForFinished();
    m_pending = false;
    ++m_runs;
    const Catalogue *catalogue = m_document->catalogue();
    if (catalogue) {
        m_analysis = analyse(m_document->project(), *catalogue, m_document->revision());
    } else {
        m_analysis = Analysis{};
        m_analysis.revision = m_document->revision();
    }
    emit updated();
}

std::vector<Finding> AnalysisController::findings(const QString &optionId) const
{
    return m_analysis.findingsOf(optionId);
}

QString AnalysisController::countsText(const Counts &c, const QString &separator)
{
    auto part = [](int n, const QString &one, const QString &many) {
        return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
    };
    return part(c.errors, tr("error"), tr("errors")) + separator
           + part(c.warnings, tr("warning"), tr("warnings")) + separator
           + part(c.infos, tr("info"), tr("infos"));
}

AnalysisController::Counts AnalysisController::counts(const QString &optionId) const
{
    return countFindings(m_analysis.findings, optionId);
}

} // namespace stackplan
