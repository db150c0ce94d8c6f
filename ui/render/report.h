#pragma once

#include "cost/bill.h"
#include "cost/sweep.h"
#include "render/export.h"
#include "report/factsused.h"
#include "rules/finding.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace stackplan {

class Catalogue;

// The review pack: one document a review board reads instead of the app. A cover (project,
// description, assumptions, date of the platform data), a summary comparing every option, then
// per option its diagram, findings with sources and fixes, the bill by component at typical
// traffic and the cost-versus-traffic chart, and an appendix of every platform fact used with
// its source and checked date. PDF (A4 landscape, vector) or one self-contained HTML file.
enum class ReportFormat { Pdf, Html };
std::optional<ReportFormat> reportFormatFromId(const QString &id); // "pdf", "html"

// The values the pack shows. The GUI fills it from the analysis it already holds; the CLI from
// makeReportInput. Nothing is recomputed while writing.
struct ReportInput {
    const Project *project = nullptr;
    const Catalogue *catalogue = nullptr;
    QStringList options;            // option ids, in project order
    std::vector<Finding> findings;  // of every option
    std::map<QString, Bill> low, typical, high; // by option id
    Sweep sweep;
    std::vector<UsedFact> facts;
    QDate date; // the pack's date (util/format today())
    QString generator; // "Stackplan 1.2.0"
};

ReportInput makeReportInput(const Project &project, const Catalogue &catalogue,
                            std::vector<Finding> findings);

// Called before each part is laid out: (done, total, what). Returning false cancels.
using ReportProgress = std::function<bool(int, int, const QString &)>;

// The HTML pack: one file, diagrams and charts inline as SVG, styles inline, no external
// resources (links to the facts' sources excepted).
QByteArray reportHtml(const ReportInput &input, const ReportProgress &progress = {});

struct ReportResult {
    QString error;          // why nothing was written
    bool cancelled = false; // the progress callback said stop; nothing was written
    int pages = 0;          // PDF pages written
    bool ok() const { return error.isEmpty() && !cancelled; }
};
// Writes the pack to `path` atomically (the file is replaced only once complete).
ReportResult writeReport(const ReportInput &input, ReportFormat format, const QString &path,
                         const ReportProgress &progress = {});

} // namespace stackplan
