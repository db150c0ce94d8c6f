#include "analysis/validationcontroller.h"

#include "document.h"
#include "rules/validate.h"

#include <QtConcurrent/QtConcurrentRun>

namespace stackplan {

ValidationController::ValidationController(Document *document, QObject *parent)
    : QObject(parent), m_document(document)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(0);
    connect(&m_debounce, &QTimer::timeout, this, &ValidationController::start);
    connect(document->editor(), &ProjectEditor::changed, this, &ValidationController::schedule);
    connect(&m_watcher, &QFutureWatcher<std::vector<Finding>>::finished, this, [this] {
        if (m_running == m_generation) {
            m_findings = m_watcher.result();
            emit updated();
        }
        m_running = 0;
        if (m_pending) {
            m_pending = false;
            start();
        }
    });
    schedule();
}

ValidationController::~ValidationController()
{
    m_watcher.waitForFinished();
}

void ValidationController::schedule()
{
    ++m_generation;
    m_debounce.start();
}

void ValidationController::start()
{
    if (m_watcher.isRunning()) {
        m_pending = true; // run again when the current job ends
        return;
    }
    m_running = m_generation;
    const Project snapshot = m_document->project();
    const Catalogue *catalogue = m_document->catalogue();
    m_watcher.setFuture(
        QtConcurrent::run([snapshot, catalogue] { return validateProject(snapshot, *catalogue); }));
}

bool ValidationController::isBusy() const
{
    return m_debounce.isActive() || m_watcher.isRunning() || m_pending;
}

void ValidationController::validateNow()
{
    m_debounce.stop();
    m_watcher.waitForFinished();
    m_pending = false;
    m_findings = validateProject(m_document->project(), *m_document->catalogue());
    m_running = 0;
    emit updated();
}

std::vector<Finding> ValidationController::findings(const QString &optionId) const
{
    std::vector<Finding> out;
    for (const auto &f : m_findings)
        if (f.option == optionId)
            out.push_back(f);
    return out;
}

QString ValidationController::countsText(const Counts &c, const QString &separator)
{
    auto part = [](int n, const QString &one, const QString &many) {
        return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
    };
    return part(c.errors, tr("error"), tr("errors")) + separator
           + part(c.warnings, tr("warning"), tr("warnings")) + separator
           + part(c.infos, tr("info"), tr("infos"));
}

ValidationController::Counts ValidationController::counts(const QString &optionId) const
{
    return countFindings(m_findings, optionId);
}

} // namespace stackplan
