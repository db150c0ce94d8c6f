#pragma once

#include "rules/finding.h"
#include "rules/validate.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <vector>

namespace stackplan {

class Document;

// Keeps the findings of every option of the document current. Each model change restarts a
// zero-delay timer, so a burst of changes within one event-loop turn validates once; validation
// runs on a worker thread over a copy of the project, and a result that is no longer current
// (the model changed meanwhile) is dropped. Views read the findings and listen to updated().
class ValidationController : public QObject
{
    Q_OBJECT
public:
    explicit ValidationController(Document *document, QObject *parent = nullptr);
    ~ValidationController() override;

    // Findings of one option (sorted, worst first), or of all options in option order.
    std::vector<Finding> findings(const QString &optionId) const;
    const std::vector<Finding> &allFindings() const { return m_findings; }
    using Counts = FindingCounts;
    Counts counts(const QString &optionId) const;
    // "1 error, 2 warnings, 0 infos" (with `separator` between the parts).
    static QString countsText(const Counts &c, const QString &separator = QStringLiteral(", "));
    // True while a validation is scheduled or running.
    bool isBusy() const;
    // Run synchronously now (tests, exports).
    void validateNow();

signals:
    void updated();

private:
    void schedule();
    void start();

    Document *m_document;
    QTimer m_debounce;
    QFutureWatcher<std::vector<Finding>> m_watcher;
    quint64 m_generation = 0; // bumped on every change
    quint64 m_running = 0;    // generation the running job validates
    bool m_pending = false;
    std::vector<Finding> m_findings;
};

} // namespace stackplan
