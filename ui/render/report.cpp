#include "render/report.h"

#include "cost/bill.h"
#include "profiles/catalogue.h"
#include "render/costchart.h"
#include "render/diagram.h"
#include "rules/validate.h"
#include "util/format.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace stackplan {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Report", text);
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// Multi-line text as HTML paragraphs.
QString paragraphs(const QString &text)
{
    QString out;
    for (const QString &para : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out += QStringLiteral("<p>%1</p>\n").arg(esc(para));
    return out;
}

QString severityColor(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QStringLiteral("#c62828");
    case Severity::Warning:
        return QStringLiteral("#e65100");
    case Severity::Info:
        break;
    }
    return QStringLiteral("#1565c0");
}

// A link showing its URL. In the PDF the text gets zero-width break opportunities after each
// slash, so that long URLs wrap inside narrow table cells instead of overflowing them.
QString link(const QString &url, bool breakable)
{
    if (url.isEmpty())
        return QString();
    QString text = esc(url);
    if (breakable)
        text.replace(QLatin1Char('/'), QStringLiteral("/\u200B"));
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(url), text);
}

QString optionTitle(const ReportInput &in, const Option &o)
{
    QString t = o.name;
    if (o.id == in.project->baseline)
        t += QStringLiteral(" (baseline)");
    return t;
}

// "2 errors, 1 warning, 0 infos"
QString countsText(const FindingCounts &c)
{
    auto part = [](int n, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    return QStringList{part(c.errors, "error", "errors"), part(c.warnings, "warning", "warnings"),
                       part(c.infos, "info", "infos")}
        .join(QStringLiteral(", "));
}

QString subjectNames(const Option &o, const QStringList &subjects)
{
    QStringList names;
    for (const auto &id : subjects) {
        if (const Component *c = o.component(id)) {
            names << c->name;
        } else if (const Connection *k = o.connection(id)) {
            const Component *from = o.component(k->from);
            const Component *to = o.component(k->to);
            names << QStringLiteral("%1 → %2").arg(from ? from->name : k->from,
                                                   to ? to->name : k->to);
        } else {
            names << id;
        }
    }
    return names.join(QStringLiteral(", "));
}

QString coverHtml(const ReportInput &in)
{
    const Project &p = *in.project;
    const Assumptions &a = p.assumptions;
    QString h;
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(p.name));
    h += QStringLiteral("<p class=\"sub\">%1 · %2 · %3</p>\n")
             .arg(tr("Architecture review pack"), esc(in.date.toString(Qt::ISODate)),
                  esc(in.generator));
    h += paragraphs(p.description);
    h += QStringLiteral("<h2>%1</h2>\n").arg(tr("Assumptions"));
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
    auto row = [&h](const QString &k, const QString &v) {
        h += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>\n").arg(esc(k), esc(v));
    };
    row(tr("Traffic levels"),
        QStringLiteral("low ×%1, typical ×%2, high ×%3 of each component's stated traffic")
            .arg(formatNumber(a.trafficLow, 3), formatNumber(a.trafficTypical, 3),
                 formatNumber(a.trafficHigh, 3)));
    row(tr("Monthly budget"), a.monthlyBudget ? formatMoney(*a.monthlyBudget) : tr("not set"));
    row(tr("Latency target p50"),
        a.slo.p50Ms ? QStringLiteral("%1 ms").arg(formatNumber(*a.slo.p50Ms)) : tr("not set"));
    row(tr("Latency target p95"),
        a.slo.p95Ms ? QStringLiteral("%1 ms").arg(formatNumber(*a.slo.p95Ms)) : tr("not set"));
    row(tr("Availability target"), a.slo.availabilityPct
                                       ? QStringLiteral("%1 %").arg(formatNumber(*a.slo.availabilityPct))
                                       : tr("not set"));
    h += QStringLiteral("</table>\n");

    QDate oldest, newest;
    int stale = 0;
    for (const auto &f : in.facts) {
        if (!f.fact.checked.isValid())
            continue;
        if (!oldest.isValid() || f.fact.checked < oldest)
            oldest = f.fact.checked;
        if (!newest.isValid() || f.fact.checked > newest)
            newest = f.fact.checked;
        if (f.fact.isStale(in.date))
            ++stale;
    }
    h += QStringLiteral("<h2>%1</h2>\n").arg(tr("Platform data"));
    if (newest.isValid())
        h += QStringLiteral("<p>%1</p>\n")
                 .arg(esc(QStringLiteral("%1 platform facts used, checked against the vendors' "
                                         "pages between %2 and %3; %4 checked more than 12 "
                                         "months before %5. Every fact is listed with its source "
                                         "in the appendix.")
                              .arg(in.facts.size())
                              .arg(oldest.toString(Qt::ISODate), newest.toString(Qt::ISODate))
                              .arg(stale)
                              .arg(in.date.toString(Qt::ISODate))));
    else
        h += QStringLiteral("<p>%1</p>\n").arg(tr("No component is bound to a platform."));

    h += QStringLiteral("<h2>%1</h2>\n").arg(tr("Options"));
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<tr><th>%1</th>"
                        "<th>%2</th><th>%3</th><th>%4</th></tr>\n")
             .arg(tr("Option"), tr("Components"), tr("Connections"), tr("Description"));
    for (const auto &option : p.options) {
        const Option *o = &option;
        h += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                            "<td>%4</td></tr>\n")
                 .arg(esc(optionTitle(in, *o)))
                 .arg(o->components.size())
                 .arg(o->connections.size())
                 .arg(esc(o->description));
    }
    h += QStringLiteral("</table>\n");
    return h;
}

QString summaryHtml(const ReportInput &in)
{
    const Comparison &c = in.analysis.comparison;
    QString h = QStringLiteral("<h1>%1</h1>\n").arg(tr("Summary"));
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">\n"
                        "<tr><th></th>");
    for (const auto &o : c.options)
        h += QStringLiteral("<th>%1</th>").arg(esc(optionHeading(o)));
    h += QStringLiteral("</tr>\n");
    for (const auto &row : comparisonRows(c)) {
        h += QStringLiteral("<tr><th align=\"left\">%1</th>").arg(esc(row.label));
        for (int i = 0; i < row.cells.size(); ++i)
            h += i == row.best && !row.cells[i].isEmpty()
                     ? QStringLiteral("<td bgcolor=\"#e8f5e9\"><b>%1</b></td>").arg(esc(row.cells[i]))
                     : QStringLiteral("<td>%1</td>").arg(esc(row.cells[i]));
        h += QStringLiteral("</tr>\n");
    }
    h += QStringLiteral("</table>\n<p class=\"note\">%1</p>\n")
             .arg(tr("Monthly USD, known part (≥ when some prices are unknown); bold on green: best "
                     "in its row."));
    if (!c.crossovers.empty()) {
        h += QStringLiteral("<h2>%1</h2>\n<ul>\n").arg(tr("Crossovers"));
        for (const auto &x : c.crossovers)
            h += QStringLiteral("<li>%1</li>\n").arg(esc(crossoverSentence(c, x)));
        h += QStringLiteral("</ul>\n");
    }
    return h;
}

QString findingsHtml(const ReportInput &in, const Option &o, bool pdf)
{
    QString h = QStringLiteral("<h2>%1</h2>\n").arg(esc(QStringLiteral("%1: findings (%2)")
                                                            .arg(o.name, countsText(countFindings(in.analysis.findings, o.id)))));
    bool any = false;
    QString rows;
    for (const auto &f : in.analysis.findings) {
        if (f.option != o.id)
            continue;
        any = true;
        QStringList fixes;
        for (const auto &fix : f.fixes)
            fixes << esc(fix.label);
        QString source = link(f.source, pdf);
        if (f.checked.isValid())
            source += QStringLiteral("<br/>checked %1").arg(f.checked.toString(Qt::ISODate));
        rows += QStringLiteral("<tr><td><span style=\"color:%1\"><b>%2</b></span></td><td>%3</td>"
                               "<td>%4</td><td>%5</td><td>%6</td><td>%7</td></tr>\n")
                    .arg(severityColor(f.severity), esc(severityId(f.severity)), esc(f.rule),
                         esc(subjectNames(o, f.subjects)), esc(f.message), source,
                         fixes.join(QStringLiteral("<br/>")));
    }
    if (!any)
        return h + QStringLiteral("<p>%1</p>\n").arg(tr("No findings."));
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n"
                        "<tr><th width=\"7%\">%1</th><th width=\"10%\">%2</th>"
                        "<th width=\"17%\">%3</th><th width=\"36%\">%4</th>"
                        "<th width=\"15%\">%5</th><th width=\"15%\">%6</th></tr>\n")
             .arg(tr("Severity"), tr("Rule"), tr("Concerns"), tr("Finding"), tr("Source"),
                  tr("Fixes"));
    return h + rows + QStringLiteral("</table>\n");
}

QString quantityText(const std::optional<double> &q)
{
    return q ? formatNumber(std::round(*q * 1000) / 1000, 3) : QStringLiteral("?");
}

QString amountText(const BillLine &l)
{
    if (l.overCap)
        return tr("over the plan's cap");
    return l.amount ? formatMoney(*l.amount) : tr("unknown");
}

QString bindingText(const Binding &b, const Catalogue &catalogue)
{
    if (!b.isBound())
        return tr("not bound");
    const Profile *profile = catalogue.profile(b.profile);
    const Plan *plan = profile ? profile->plan(b.plan) : nullptr;
    QString t = profile ? profile->name : b.profile;
    t += QStringLiteral(" / ") + (plan ? plan->name : b.plan);
    if (!b.instance.isEmpty())
        t += QStringLiteral(" / ") + b.instance;
    return t;
}

QString billHtml(const ReportInput &in, const Option &o, bool pdf)
{
    const auto *bills = in.analysis.billsOf(o.id);
    if (!bills)
        return {};
    const Bill &bill = (*bills)[1];
    QString h = QStringLiteral("<h2>%1</h2>\n")
                    .arg(esc(QStringLiteral("%1: bill at typical traffic (×%2): %3 per month")
                                 .arg(o.name, formatNumber(bill.multiplier, 3), bill.totalText())));
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n"
                        "<tr><th width=\"13%\">%1</th><th width=\"13%\">%2</th>"
                        "<th width=\"36%\">%3</th><th width=\"7%\">%4</th><th width=\"7%\">%5</th>"
                        "<th width=\"8%\">%6</th><th width=\"16%\">%7</th></tr>\n")
             .arg(tr("Component"), tr("Platform / plan"), tr("Line"), tr("Quantity"),
                  tr("Included"), tr("Amount"), tr("Source"));
    auto line = [&](const QString &component, const QString &binding, const BillLine &l) {
        QString source = link(l.source, pdf);
        if (l.checked.isValid())
            source += QStringLiteral("<br/>checked %1").arg(l.checked.toString(Qt::ISODate));
        QString description = esc(l.description);
        if (!l.note.isEmpty())
            description += QStringLiteral("<br/><span class=\"note\">%1</span>").arg(esc(l.note));
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td align=\"right\">%4</td>"
                            "<td align=\"right\">%5</td><td align=\"right\">%6</td><td>%7</td></tr>\n")
                 .arg(esc(component), esc(binding), description, esc(quantityText(l.quantity)),
                      esc(quantityText(l.included)), esc(amountText(l)), source);
    };
    for (const auto &cb : bill.components) {
        const QString binding = bindingText(cb.binding, *in.catalogue);
        QString subtotal = formatMoney(cb.known);
        if (cb.unknown > 0)
            subtotal = QStringLiteral("≥ %1 (%2 unknown)").arg(subtotal).arg(cb.unknown);
        h += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td><b>%3</b></td><td></td><td></td>"
                            "<td align=\"right\"><b>%4</b></td><td></td></tr>\n")
                 .arg(esc(cb.name), esc(binding), tr("component total"), esc(subtotal));
        for (const auto &l : cb.lines)
            line(QString(), QString(), l);
    }
    for (const auto &l : bill.accountLines)
        line(tr("account"), QString(), l);
    h += QStringLiteral("<tr><td colspan=\"5\"><b>%1</b></td><td align=\"right\"><b>%2</b></td>"
                        "<td></td></tr>\n</table>\n")
             .arg(tr("Total per month"), esc(bill.totalText()));
    return h;
}

QString factsHtml(const ReportInput &in, bool pdf)
{
    QString h = QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n")
                    .arg(tr("Appendix: platform facts used"),
                         esc(QStringLiteral("Every limit, capability, price, fee and credit of a "
                                            "platform that a bound component relies on, with the "
                                            "vendor page it comes from and the date it was checked "
                                            "(%1 facts).")
                                 .arg(in.facts.size())));
    if (in.facts.empty())
        return h;
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n"
                        "<tr><th width=\"14%\">%1</th><th width=\"14%\">%2</th>"
                        "<th width=\"26%\">%3</th><th width=\"22%\">%4</th>"
                        "<th width=\"8%\">%5</th><th width=\"16%\">%6</th></tr>\n")
             .arg(tr("Platform"), tr("Fact"), tr("Value"), tr("Source"), tr("Checked"),
                  tr("Used by"));
    for (const auto &f : in.facts) {
        QString platform = esc(f.profileName);
        if (!f.scope.isEmpty())
            platform += QStringLiteral("<br/>") + esc(f.scope);
        QString checked = esc(f.fact.checked.toString(Qt::ISODate));
        if (f.fact.isStale(in.date))
            checked += QStringLiteral(" <b>(stale)</b>");
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td>"
                            "</tr>\n")
                 .arg(platform, esc(QStringLiteral("%1 %2").arg(f.kind, f.key)), esc(f.value),
                      link(f.fact.source, pdf), checked, esc(f.components.join(QStringLiteral(", "))));
    }
    return h + QStringLiteral("</table>\n");
}

// One part of the pack: flowing text, or a diagram or chart on a page of its own.
struct Part {
    enum Kind { Text, DiagramPage, ChartPage } kind = Text;
    QString heading; // diagram and chart pages
    QString html;    // text parts
    QString option;  // diagram and chart pages
};

std::vector<Part> parts(const ReportInput &in, bool pdf)
{
    std::vector<Part> out;
    out.push_back({Part::Text, {}, coverHtml(in), {}});
    out.push_back({Part::Text, {}, summaryHtml(in), {}});
    int n = 0;
    for (const auto &option : in.project->options) {
        const Option *o = &option;
        const QString id = o->id;
        ++n;
        const QString title = QStringLiteral("Option %1 of %2: %3")
                                  .arg(n)
                                  .arg(in.project->options.size())
                                  .arg(optionTitle(in, *o));
        out.push_back({Part::DiagramPage, title, {}, id});
        out.push_back({Part::Text, {}, findingsHtml(in, *o, pdf) + billHtml(in, *o, pdf), id});
        out.push_back({Part::ChartPage, title + QStringLiteral(": cost against traffic"), {}, id});
    }
    out.push_back({Part::Text, {}, factsHtml(in, pdf), {}});
    return out;
}

Diagram diagramOf(const ReportInput &in, const QString &option)
{
    return buildDiagram(*in.project, option, in.catalogue, in.analysis.findings);
}

QByteArray inlineSvg(const QByteArray &svg)
{
    const qsizetype start = svg.indexOf("<svg");
    return start < 0 ? svg : svg.mid(start);
}

QByteArray chartSvg(const CostChart &chart, const QSizeF &size)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator gen;
    gen.setOutputDevice(&buffer);
    gen.setResolution(96);
    gen.setSize(size.toSize());
    gen.setViewBox(QRectF(QPointF(0, 0), size));
    gen.setTitle(chart.title);
    {
        QPainter p(&gen);
        paintCostChart(&p, chart, QRectF(QPointF(0, 0), size));
    }
    return inlineSvg(buffer.data());
}

const char *kHtmlStyle = R"(body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10pt;color:#212121;max-width:1200px;margin:2em auto;padding:0 1em}
h1{font-size:18pt;border-bottom:2px solid #1e88e5;padding-bottom:.2em}
h2{font-size:13pt;margin-top:1.5em}
p.sub{color:#616161}
.note{font-size:8pt;color:#546e7a}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #bdbdbd;padding:3px 6px;vertical-align:top}
th{background:#eceff1}
figure{margin:1em 0}
figure svg{max-width:100%;height:auto;border:1px solid #e0e0e0}
section{page-break-before:always}
a{color:#1565c0;word-break:break-all})";

bool report(const ReportProgress &progress, int done, int total, const QString &what)
{
    return !progress || progress(done, total, what);
}

} // namespace

std::optional<ReportFormat> reportFormatFromId(const QString &id)
{
    if (id == QLatin1String("pdf"))
        return ReportFormat::Pdf;
    if (id == QLatin1String("html"))
        return ReportFormat::Html;
    return std::nullopt;
}

ReportInput makeReportInput(const Project &project, const Catalogue &catalogue, Analysis analysis)
{
    ReportInput in;
    in.project = &project;
    in.catalogue = &catalogue;
    in.analysis = std::move(analysis);
    in.facts = factsUsed(project, optionIds(project), catalogue);
    in.date = today();
    in.generator = QStringLiteral("Stackplan %1").arg(QCoreApplication::applicationVersion());
    return in;
}

ReportInput makeReportInput(const Project &project, const Catalogue &catalogue)
{
    return makeReportInput(project, catalogue, analyse(project, catalogue));
}

QByteArray reportHtml(const ReportInput &in, const ReportProgress &progress)
{
    const auto all = parts(in, false);
    const int total = int(all.size());
    QByteArray h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                   + esc(in.project->name + QStringLiteral(" — review pack")).toUtf8()
                   + "</title>\n<style>\n" + kHtmlStyle + "\n</style>\n</head>\n<body>\n";
    int done = 0;
    for (const auto &part : all) {
        if (!report(progress, done++, total, part.heading))
            return {};
        h += "<section>\n";
        switch (part.kind) {
        case Part::Text:
            h += part.html.toUtf8();
            break;
        case Part::DiagramPage: {
            const Diagram d = diagramOf(in, part.option);
            h += "<h1>" + esc(part.heading).toUtf8() + "</h1>\n<figure>\n"
                 + inlineSvg(diagramSvg(d, part.heading)) + "\n</figure>\n";
            break;
        }
        case Part::ChartPage:
            h += "<h2>" + esc(part.heading).toUtf8() + "</h2>\n<figure>\n"
                 + chartSvg(makeCostChart(*in.project, in.analysis.sweep, part.option, *in.catalogue),
                            QSizeF(960, 560))
                 + "\n</figure>\n";
            break;
        }
        h += "</section>\n";
    }
    report(progress, total, total, tr("done"));
    return h + "</body>\n</html>\n";
}

ReportResult writeReport(const ReportInput &in, ReportFormat format, const QString &path,
                         const ReportProgress &progress)
{
    ReportResult result;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = QStringLiteral("cannot write %1: %2")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
        return result;
    }
    if (format == ReportFormat::Html) {
        const QByteArray html = reportHtml(in, progress);
        if (html.isEmpty()) {
            file.cancelWriting();
            result.cancelled = true;
            return result;
        }
        if (file.write(html) != html.size() || !file.commit())
            result.error = QStringLiteral("cannot write %1: %2")
                               .arg(QDir::toNativeSeparators(path), file.errorString());
        return result;
    }

    // PDF: A4 landscape at 72 dpi, so one device unit is one point.
    QPdfWriter writer(&file);
    writer.setResolution(72);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                     QMarginsF(0, 0, 0, 0), QPageLayout::Point));
    writer.setTitle(in.project->name + QStringLiteral(" — review pack"));
    writer.setCreator(in.generator);
    const QRectF page(QPointF(0, 0), writer.pageLayout().fullRectPoints().size());
    const QRectF body = page.adjusted(40, 36, -40, -44);

    const auto all = parts(in, true);
    // Lay out text parts first, so the total page count is known for the footers.
    std::vector<std::unique_ptr<QTextDocument>> docs(all.size());
    int pages = 0;
    for (size_t i = 0; i < all.size(); ++i) {
        if (all[i].kind != Part::Text) {
            ++pages;
            continue;
        }
        auto doc = std::make_unique<QTextDocument>();
        doc->documentLayout()->setPaintDevice(&writer);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(8.5);
        doc->setDefaultFont(font);
        doc->setDocumentMargin(0);
        doc->setDefaultStyleSheet(QStringLiteral(
            "h1{font-size:16pt;color:#0d47a1} h2{font-size:12pt;color:#263238} th{background-color:"
            "#eceff1} p.sub{color:#616161} a{color:#1565c0} .note{font-size:7pt;color:#546e7a}"));
        doc->setHtml(all[i].html);
        doc->setPageSize(body.size());
        pages += doc->pageCount();
        docs[i] = std::move(doc);
    }

    QPainter painter;
    if (!painter.begin(&writer)) {
        file.cancelWriting();
        result.error = QStringLiteral("cannot start the PDF %1").arg(QDir::toNativeSeparators(path));
        return result;
    }
    QFont footerFont(QStringLiteral("DejaVu Sans"));
    footerFont.setPixelSize(8);
    QFont headingFont(QStringLiteral("DejaVu Sans"));
    headingFont.setPixelSize(15);
    headingFont.setBold(true);
    int pageNo = 0;
    auto newPage = [&] {
        if (pageNo > 0)
            writer.newPage();
        ++pageNo;
        painter.setFont(footerFont);
        painter.setPen(QColor(0x75, 0x75, 0x75));
        painter.drawText(QRectF(body.left(), page.bottom() - 30, body.width(), 14),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("%1 — review pack — %2")
                             .arg(in.project->name, in.date.toString(Qt::ISODate)));
        painter.drawText(QRectF(body.left(), page.bottom() - 30, body.width(), 14),
                         Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("page %1 of %2").arg(pageNo).arg(pages));
    };
    auto heading = [&](const QString &text) {
        painter.setFont(headingFont);
        painter.setPen(QColor(0x0d, 0x47, 0xa1));
        const QRectF r(body.left(), body.top(), body.width(), 22);
        painter.drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(headingFont).elidedText(text, Qt::ElideRight, r.width()));
        return body.adjusted(0, 30, 0, 0);
    };

    const int total = int(all.size());
    for (size_t i = 0; i < all.size(); ++i) {
        const Part &part = all[i];
        if (!report(progress, int(i), total, part.heading)) {
            painter.end();
            file.cancelWriting();
            result.cancelled = true;
            return result;
        }
        switch (part.kind) {
        case Part::Text: {
            QTextDocument &doc = *docs[i];
            for (int n = 0; n < doc.pageCount(); ++n) {
                newPage();
                painter.save();
                painter.translate(body.topLeft());
                painter.translate(0, -n * body.height());
                doc.drawContents(&painter, QRectF(0, n * body.height(), body.width(), body.height()));
                painter.restore();
            }
            break;
        }
        case Part::DiagramPage: {
            newPage();
            const QRectF area = heading(part.heading);
            paintDiagram(&painter, diagramOf(in, part.option), area);
            break;
        }
        case Part::ChartPage: {
            newPage();
            const QRectF area = heading(part.heading);
            paintCostChart(&painter,
                           makeCostChart(*in.project, in.analysis.sweep, part.option, *in.catalogue), area);
            break;
        }
        }
    }
    painter.end();
    report(progress, total, total, tr("done"));
    if (!file.commit()) {
        result.error = QStringLiteral("cannot write %1: %2")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
        return result;
    }
    result.pages = pageNo;
    return result;
}

} // namespace stackplan
