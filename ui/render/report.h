#pragma once

#include "compare/analysis.h"
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

// The values the pack shows: the same analysis the app's views read (findings, bills at the
// three traffic levels, sweep, comparison), so the pack never recomputes or disagrees. The GUI
// passes its document's analysis; the CLI makes one with analyse().
struct ReportInput {
    const Project *project = nullptr;
    const Catalogue *catalogue = nullptr;
    Analysis analysis;
    std::vector<UsedFact> facts; // of every option
    QDate date;                  // the pack's date (util/format today())
    QString generator;           // "Stackplan 1.2.0"
};

ReportInput makeReportInput(const Project &project, const Catalogue &catalogue, Analysis analysis);
ReportInput makeReportInput(const Project &project, const Catalogue &catalogue);

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
