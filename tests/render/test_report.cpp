// The review pack: PDF pages and text checked with pdfinfo / pdftotext, the HTML form
// self-contained with well-formed inline SVG, the summary and bills equal to the engines'
// values, every platform fact used listed once with its source, cancelling writes nothing.
#include "examples.h"
#include "exporttest.h"
#include "cost/bill.h"
#include "io/projectfile.h"
#include "profiles/catalogue.h"
#include "render/report.h"
#include "report/factsused.h"
#include "rules/validate.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <set>
#include <tuple>

using namespace stackplan;
using examples::example;
using examples::exampleFiles;

namespace {

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void factsUsedAreTheEffectiveFactsOnce();
    void pdfHasEveryPartOfEveryOption_data();
    void pdfHasEveryPartOfEveryOption();
    void htmlIsOneSelfContainedFile_data();
    void htmlIsOneSelfContainedFile();
    void progressRunsToTheEndAndCancelWritesNothing();
    void unboundProjectSaysSo();
    void unwritablePathIsReported();

private:
    Catalogue m_catalogue;
    QTemporaryDir m_dir;
};

void TestReport::initTestCase()
{
    m_catalogue = Catalogue::standard({}, false);
    QVERIFY(m_dir.isValid());
    QCOMPARE(exampleFiles().size(), 5);
}

void TestReport::factsUsedAreTheEffectiveFactsOnce()
{
    Catalogue catalogue;
    catalogue.addDirectory(QStringLiteral(STACKPLAN_TEST_DATA "/profiles-test"));
    catalogue.finish();
    QVERIFY(catalogue.profile(QStringLiteral("test-priced")));
    Option o;
    o.id = QStringLiteral("o");
    auto component = [&o](const QString &id, const QString &plan) {
        Component c;
        c.id = id;
        c.name = QStringLiteral("Name of ") + id;
        c.role = Role::Backend;
        if (!plan.isEmpty())
            c.binding = {QStringLiteral("test-priced"), plan, {}};
        o.components.push_back(c);
    };
    component(QStringLiteral("a"), QStringLiteral("instance"));
    component(QStringLiteral("b"), QStringLiteral("instance"));
    component(QStringLiteral("free"), QString());
    const auto facts = factsUsed(o, catalogue);

    QStringList rows;
    for (const auto &f : facts)
        rows << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                    .arg(f.profile, f.scope, f.kind, f.key, f.value, f.fact.source,
                         f.components.join(QLatin1Char(',')));
    const QStringList expected = {
        // The plan's scale_to_zero replaces the profile's: only the plan's is in effect.
        QStringLiteral("test-priced||capability|execution|request-scoped|https://example.com/priced|"
                       "Name of a,Name of b"),
        QStringLiteral("test-priced||limit|memory_mb|512 MB|https://example.com/priced|Name of a,Name of b"),
        QStringLiteral("test-priced||limit|vcpu|1 vCPU|https://example.com/priced|Name of a,Name of b"),
        QStringLiteral("test-priced|plan Instance|capability|scale_to_zero|no|https://example.com/priced|"
                       "Name of a,Name of b"),
        QStringLiteral("test-priced|plan Instance|credit|instance-hours|$5.00 per month against "
                       "instance-hours|https://example.com/credits|Name of a,Name of b"),
        QStringLiteral("test-priced|plan Instance|fee|test-priced-pro|$20.00 per month per account|"
                       "https://example.com/pro|Name of a,Name of b"),
    };
    QCOMPARE(rows.mid(0, expected.size()), expected);
    // Then the plan's three prices, in usage order.
    QCOMPARE(rows.size(), expected.size() + 3);
    QStringList prices;
    for (const auto &f : facts)
        if (f.kind == QLatin1String("price"))
            prices << f.key + QLatin1Char('|') + f.fact.source;
    QCOMPARE(prices, (QStringList{QStringLiteral("cu-hours|https://example.com/cu"),
                                  QStringLiteral("instance-hours|https://example.com/hours"),
                                  QStringLiteral("memory-gb-months|https://example.com/ram")}));
    for (const auto &f : facts)
        QCOMPARE(f.fact.checked, QDate(2026, 1, 1));

    // Over a whole example: each fact once, every one sourced and dated.
    const Project p = example(QStringLiteral("flrts-cloudflare-migration.stackplan.json"));
    const auto all = factsUsed(p, {p.options[0].id, p.options[1].id}, m_catalogue);
    std::set<std::tuple<QString, QString, QString, QString>> keys;
    for (const auto &f : all) {
        QVERIFY(keys.insert({f.profile, f.scope, f.kind, f.key}).second);
        QVERIFY2(f.fact.source.startsWith(QLatin1String("https://")), qPrintable(f.fact.source));
        QVERIFY(f.fact.checked.isValid());
        QVERIFY(!f.components.isEmpty());
    }
    std::set<QString> profiles;
    for (const auto &o2 : p.options)
        for (const auto &c : o2.components)
            if (c.binding.isBound())
                profiles.insert(c.binding.profile);
    std::set<QString> listed;
    for (const auto &f : all)
        listed.insert(f.profile);
    QCOMPARE(listed, profiles);
}

void TestReport::pdfHasEveryPartOfEveryOption_data()
{
    QTest::addColumn<QString>("file");
    for (const auto &f : exampleFiles())
        QTest::newRow(qPrintable(f)) << f;
}

void TestReport::pdfHasEveryPartOfEveryOption()
{
    QFETCH(QString, file);
    REQUIRE_TOOL(pdfinfo, "pdfinfo");
    REQUIRE_TOOL(pdftotext, "pdftotext");
    const Project p = example(file);
    QVERIFY(!p.options.empty());
    const ReportInput in = makeReportInput(p, m_catalogue);
    const QString path = m_dir.filePath(file + QStringLiteral(".pdf"));
    const ReportResult r = writeReport(in, ReportFormat::Pdf, path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(exporttest::pdfPages(pdfinfo, path), r.pages);
    // Cover, summary, then per option a diagram page, its findings and bill, its chart page,
    // then the appendix: at least that many pages, more where tables run on.
    QVERIFY(r.pages >= 3 + 3 * int(p.options.size()));

    const QString text = exporttest::pdfText(pdftotext, path);
    QVERIFY(text.contains(p.name.simplified()));
    for (const char *part : {"Assumptions", "Platform data", "Summary",
                             "Appendix: platform facts used", "Monthly cost against traffic"})
        QVERIFY2(text.contains(QLatin1String(part)), part);
    // The summary is the comparison the Compare view shows, row by row.
    for (const auto &row : comparisonRows(in.analysis.comparison))
        QVERIFY2(text.contains(row.label.simplified()), qPrintable(row.label));
    QVERIFY(text.contains(QStringLiteral("page %1 of %1").arg(r.pages)));
    for (const auto &o : p.options) {
        QVERIFY2(text.contains(QStringLiteral(": findings (")), qPrintable(o.name));
        // The bill heading states the option's total at typical traffic.
        const Bill bill = computeBill(p, o, m_catalogue, p.assumptions.trafficTypical);
        QVERIFY2(text.contains(bill.totalText()), qPrintable(o.name + bill.totalText()));
        for (const auto &c : o.components)
            QVERIFY2(text.contains(c.name.simplified()), qPrintable(o.id + ": " + c.name));
    }
    for (const auto &f : in.analysis.findings)
        QVERIFY2(text.contains(f.rule), qPrintable(f.rule));
}

void TestReport::htmlIsOneSelfContainedFile_data()
{
    pdfHasEveryPartOfEveryOption_data();
}

void TestReport::htmlIsOneSelfContainedFile()
{
    QFETCH(QString, file);
    const Project p = example(file);
    const ReportInput in = makeReportInput(p, m_catalogue);
    const QString path = m_dir.filePath(file + QStringLiteral(".html"));
    const ReportResult r = writeReport(in, ReportFormat::Html, path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QString html = readAll(path);
    QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
    QCOMPARE(html.toUtf8(), reportHtml(in)); // deterministic
    // Nothing loaded from elsewhere: no scripts, images, style sheets or fonts by reference.
    for (const char *ref : {"<script", "<img", "<link", "src=", "url(", "@import", "xlink:href"})
        QVERIFY2(!html.contains(QLatin1String(ref)), ref);
    // Each option: its diagram and its chart as inline SVG, each well-formed XML.
    const QRegularExpression svg(QStringLiteral("<svg.*?</svg>"),
                                 QRegularExpression::DotMatchesEverythingOption);
    int svgs = 0;
    for (auto it = svg.globalMatch(html); it.hasNext();) {
        QXmlStreamReader xml(it.next().captured(0));
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        ++svgs;
    }
    QCOMPARE(svgs, 2 * int(p.options.size()));
    // The summary: every row of the comparison, every cell, the best one marked.
    const auto rows = comparisonRows(in.analysis.comparison);
    QVERIFY(rows.size() >= 8);
    for (const auto &row : rows) {
        QVERIFY2(html.contains(QStringLiteral("<th align=\"left\">%1</th>").arg(row.label.toHtmlEscaped())),
                 qPrintable(row.label));
        for (int i = 0; i < row.cells.size(); ++i) {
            const QString cell = row.cells[i].toHtmlEscaped();
            const QString expected
                = i == row.best && !cell.isEmpty()
                      ? QStringLiteral("<td bgcolor=\"#e8f5e9\"><b>%1</b></td>").arg(cell)
                      : QStringLiteral("<td>%1</td>").arg(cell);
            QVERIFY2(html.contains(expected), qPrintable(row.key + ": " + row.cells[i]));
        }
    }
    for (const auto &x : in.analysis.comparison.crossovers)
        QVERIFY(html.contains(
            crossoverSentence(in.analysis.comparison, x).toHtmlEscaped()));
    // Every component, finding rule, bill total and fact source as written.
    for (const auto &o : p.options) {
        QVERIFY(html.contains(o.name.toHtmlEscaped()));
        for (const auto &c : o.components)
            QVERIFY2(html.contains(c.name.toHtmlEscaped()), qPrintable(c.name));
        for (const double m : {p.assumptions.trafficLow, p.assumptions.trafficTypical,
                               p.assumptions.trafficHigh})
            QVERIFY(html.contains(computeBill(p, o, m_catalogue, m).totalText().toHtmlEscaped()));
    }
    for (const auto &f : in.analysis.findings)
        QVERIFY2(html.contains(QStringLiteral("<td>%1</td>").arg(f.rule)), qPrintable(f.rule));
    QVERIFY(!in.facts.empty());
    for (const auto &f : in.facts)
        QVERIFY2(html.contains(QStringLiteral("href=\"%1\"").arg(f.fact.source.toHtmlEscaped())),
                 qPrintable(f.fact.source));
    QVERIFY(html.contains(QStringLiteral("%1 platform facts used").arg(in.facts.size())));
}

void TestReport::progressRunsToTheEndAndCancelWritesNothing()
{
    const Project p = example(QStringLiteral("allogator.stackplan.json"));
    const ReportInput in = makeReportInput(p, m_catalogue);
    // cover, summary, 3 per option, appendix
    const int parts = 3 + 3 * int(p.options.size());
    for (const auto format : {ReportFormat::Pdf, ReportFormat::Html}) {
        std::vector<int> seen;
        int lastTotal = 0;
        const QString path = m_dir.filePath(QStringLiteral("progress.out"));
        const ReportResult r = writeReport(in, format, path, [&](int done, int total, const QString &) {
            seen.push_back(done);
            lastTotal = total;
            return true;
        });
        QVERIFY(r.ok());
        QCOMPARE(lastTotal, parts);
        std::vector<int> expected;
        for (int i = 0; i <= parts; ++i)
            expected.push_back(i);
        QCOMPARE(seen, expected);

        // Cancelled at the third part: the file there before is untouched, no temp file left.
        const QString kept = m_dir.filePath(QStringLiteral("kept.out"));
        {
            QFile f(kept);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("the user's file");
        }
        const ReportResult c = writeReport(in, format, kept,
                                           [](int done, int, const QString &) { return done < 3; });
        QVERIFY(c.cancelled);
        QVERIFY(!c.ok());
        QCOMPARE(readAll(kept), QStringLiteral("the user's file"));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("kept")),
                 QStringList{QStringLiteral("kept.out")});
    }
}

void TestReport::unboundProjectSaysSo()
{
    Project p;
    p.name = QStringLiteral("Sketch <b>only</b>");
    Option o;
    o.id = QStringLiteral("sketch");
    o.name = QStringLiteral("Sketch");
    Component c;
    c.id = QStringLiteral("api");
    c.name = QStringLiteral("API & workers");
    o.components.push_back(c);
    p.options.push_back(o);
    const ReportInput in = makeReportInput(p, m_catalogue);
    QVERIFY(in.facts.empty());
    const QString html = QString::fromUtf8(reportHtml(in));
    QVERIFY(html.contains(QLatin1String("No component is bound to a platform.")));
    QVERIFY(html.contains(QLatin1String("Sketch &lt;b&gt;only&lt;/b&gt;")));
    QVERIFY(!html.contains(QLatin1String("<b>only</b>")));
    QVERIFY(html.contains(QLatin1String("API &amp; workers")));
    QVERIFY(html.contains(QLatin1String("(0 facts)")));
    const ReportResult r
        = writeReport(in, ReportFormat::Pdf, m_dir.filePath(QStringLiteral("sketch.pdf")));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.pages, 6); // cover, summary, diagram, findings and bill, chart, appendix
}

void TestReport::unwritablePathIsReported()
{
    const Project p = example(QStringLiteral("allogator.stackplan.json"));
    const ReportInput in = makeReportInput(p, m_catalogue);
    const QString path = m_dir.filePath(QStringLiteral("no/such/folder/pack.pdf"));
    const ReportResult r = writeReport(in, ReportFormat::Pdf, path);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(QStringLiteral("cannot write %1: ").arg(path)), qPrintable(r.error));
    QVERIFY(!QFileInfo::exists(path));
}

QTEST_MAIN(TestReport)
#include "test_report.moc"
