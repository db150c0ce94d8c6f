#include "analysis/analysiscontroller.h"

#include "document.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace stackplan {

AnalysisController::AnalysisController(Document *document, QObject *parent)
    : QObject(parent), m_document(document)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(0);
    m_analysis.revision = ~quint64(0); // none yet
    if (document->catalogue())
        m_live = std::make_unique<IncrementalValidator>(*document->catalogue());
    connect(&m_debounce, &QTimer::timeout, this, &AnalysisController::start);
    // Copying the project for the worker takes milliseconds on a large project: it waits until
    // the badges and the Problems rows of the edit are painted.
    m_launch.setSingleShot(true);
    m_launch.setInterval(20);
    connect(&m_launch, &QTimer::timeout, this, &AnalysisController::launch);
    connect(document, &Document::revisionChanged, this, &AnalysisController::schedule);
    connect(document, &Document::currentOptionChanged, this, [this] {
        if (findingsRevision(m_document->currentOptionId()) != m_document->revision())
            schedule();
    });
    connect(&m_watcher, &QFutureWatcher<Analysis>::finished, this, [this] {
        Analysis result = m_watcher.result();
        if (result.revision == m_document->revision()) {
            m_analysis = std::move(result);
            emit updated();
        }
#ifdef __GLIBC__
        // The worker's snapshot and scratch memory were freed in its own malloc arena: give
        // it back to the system, or a long session's footprint only grows.
        malloc_trim(0);
#endif
        if (m_pending) {
            m_pending = false;
            launch();
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

void AnalysisController::validateShownOption()
{
    const Option *option = m_document->currentOption();
    const quint64 revision = m_document->revision();
    if (!option || !m_live || findingsRevision(option->id) == revision)
        return;
    std::vector<Finding> found = m_live->validate(m_document->project(), *option);
    // Replace the option's findings (one contiguous run: the list is in option order).
    auto &all = m_analysis.findings;
    const Project &p = m_document->project();
    const int index = p.optionIndex(option->id);
    const auto first = std::find_if(all.begin(), all.end(), [&](const Finding &f) {
        return f.option == option->id || p.optionIndex(f.option) > index;
    });
    const auto last = std::find_if(first, all.end(),
                                   [&](const Finding &f) { return f.option != option->id; });
    const size_t at = size_t(first - all.begin());
    const size_t old = size_t(last - first);
    // Overwrite the common part in place, then erase or insert the difference.
    const size_t common = std::min(old, found.size());
    std::move(found.begin(), found.begin() + long(common), all.begin() + long(at));
    if (old > common)
        all.erase(all.begin() + long(at + common), all.begin() + long(at + old));
    else
        all.insert(all.begin() + long(at + common),
                   std::make_move_iterator(found.begin() + long(common)),
                   std::make_move_iterator(found.end()));
    m_liveOption = option->id;
    m_liveRevision = revision;
    emit findingsUpdated();
}

void AnalysisController::start()
{
    validateShownOption();
    m_launch.start();
}

void AnalysisController::launch()
{
    if (m_watcher.isRunning()) {
        m_pending = true; // run again when the current job ends
        return;
    }
    if (isCurrent())
        return; // a pending restart after a burst that the last result already covers
    ++m_runs;
    const Catalogue *catalogue = m_document->catalogue();
    const quint64 revision = m_document->revision();
    if (!catalogue) {
        m_analysis = Analysis{};
        m_analysis.revision = revision;
        emit updated();
        return;
    }
    // Bills of the option on screen only (the Costs dock prices another when it is shown).
    const QStringList billsOf{m_document->currentOptionId()};
    m_watcher.setFuture(
        QtConcurrent::run([snapshot = m_document->project(), catalogue, revision, billsOf] {
            return analyse(snapshot, *catalogue, revision, FixScope::none(), billsOf);
        }));
}

bool AnalysisController::isCurrent() const
{
    return m_analysis.revision == m_document->revision();
}

quint64 AnalysisController::findingsRevision(const QString &optionId) const
{
    if (optionId == m_liveOption && m_liveRevision != ~quint64(0)
        && (m_analysis.revision == ~quint64(0) || m_liveRevision > m_analysis.revision))
        return m_liveRevision;
    return m_analysis.revision;
}

const Analysis &AnalysisController::current()
{
    if (!isCurrent() || !m_analysis.withFixes)
        analyseNow();
    return m_analysis;
}

bool AnalysisController::isBusy() const
{
    return m_debounce.isActive() || m_launch.isActive() || m_watcher.isRunning() || m_pending;
}

void AnalysisController::analyseNow()
{
    m_debounce.stop();
    m_launch.stop();
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
    emit findingsUpdated();
    emit updated();
}

std::vector<Finding> AnalysisController::findings(const QString &optionId) const
{
    return m_analysis.findingsOf(optionId);
}

std::vector<Fix> AnalysisController::fixesFor(const Finding &finding) const
{
    if (m_analysis.withFixes && isCurrent())
        return finding.fixes;
    const Catalogue *catalogue = m_document->catalogue();
    const Option *option = m_document->project().option(finding.option);
    if (!catalogue || !option)
        return {};
    return stackplan::fixesFor(m_document->project(), *option, *catalogue, finding);
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
