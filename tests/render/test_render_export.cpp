// Diagram files: SVG well-formed (xmllint), self-contained, one group per box and per arrow,
// every component named, byte-for-byte stable (golden file); PNG sized by the scale and not
// blank; PDF one page per option with every component name and finding rule id as text.
#include "examples.h"
#include "exporttest.h"
#include "io/projectfile.h"
#include "profiles/catalogue.h"
#include "render/diagram.h"
#include "render/export.h"
#include "rules/validate.h"

#include <QDir>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <set>

using namespace stackplan;
using examples::example;
using examples::exampleFiles;

class TestExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void svgIsValidAndSelfContained_data();
    void svgIsValidAndSelfContained();
    void svgMatchesTheGoldenFile();
    void pngFollowsTheScale_data();
    void pngFollowsTheScale();
    void pdfHasOnePagePerOptionWithNamesAndRules_data();
    void pdfHasOnePagePerOptionWithNamesAndRules();
    void severalSvgOptionsGoIntoAFolder();
    void unwritablePathsAreReported();
    void darkThemeRecoloursTheDiagram();

private:
    Catalogue m_catalogue;
    QTemporaryDir m_dir;
};

void TestExport::initTestCase()
{
    m_catalogue = Catalogue::standard({}, false);
    QVERIFY(m_dir.isValid());
    QCOMPARE(exampleFiles().size(), 5);
}

void TestExport::svgIsValidAndSelfContained_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("option");
    for (const auto &file : exampleFiles())
        for (const auto &o : example(file).options)
            QTest::newRow(qPrintable(file + QLatin1Char('/') + o.id)) << file << o.id;
}

void TestExport::svgIsValidAndSelfContained()
{
    QFETCH(QString, file);
    QFETCH(QString, option);
    REQUIRE_TOOL(xmllint, "xmllint");
    const Project p = example(file);
    const Option &o = *p.option(option);
    const Diagram d = buildDiagram(p, option, &m_catalogue, validateProject(p, m_catalogue));
    const QByteArray svg = diagramSvg(d, p.name);
    QCOMPARE(diagramSvg(d, p.name), svg); // deterministic
    const QString path = m_dir.filePath(option + QStringLiteral(".svg"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(svg);
    f.close();
    const auto lint = exporttest::run(xmllint, {QStringLiteral("--noout"), path});
    QVERIFY2(lint.code == 0, qPrintable(lint.err));

    // One <g class="box"> per component with its id and name, one <g class="connection"> per
    // arrow holding one stroked path per leg; text kept as <text>; nothing referenced outside.
    QXmlStreamReader xml(svg);
    std::set<QString> boxIds, connectionIds;
    QStringList titles;
    int texts = 0, legPaths = 0;
    QString group;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto attrs = xml.attributes();
        for (const auto &a : attrs)
            QVERIFY2(a.name() != QLatin1String("href"), "an external reference");
        if (xml.name() == QLatin1String("g") && attrs.hasAttribute(QStringLiteral("class"))) {
            group = attrs.value(QStringLiteral("class")).toString();
            const QString id = attrs.value(QStringLiteral("id")).toString();
            if (group == QLatin1String("box"))
                QVERIFY(boxIds.insert(id).second);
            else if (group == QLatin1String("connection"))
                QVERIFY(connectionIds.insert(id.chopped(int(strlen(".connection")))).second);
        } else if (xml.name() == QLatin1String("title")) {
            titles << xml.readElementText();
        } else if (xml.name() == QLatin1String("text")) {
            ++texts;
        } else if (xml.name() == QLatin1String("path") && group == QLatin1String("connection")
                   && attrs.value(QStringLiteral("d")).toString().count(QLatin1Char('L')) >= 1
                   && !attrs.value(QStringLiteral("d")).toString().contains(QLatin1Char('C'))) {
            ++legPaths; // leg polylines and arrow heads; label pills have curves
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(boxIds, [&] {
        std::set<QString> ids;
        for (const auto &c : o.components)
            ids.insert(c.id);
        return ids;
    }());
    QCOMPARE(connectionIds, [&] {
        std::set<QString> ids;
        for (const auto &c : o.connections)
            ids.insert(c.id);
        return ids;
    }());
    for (const auto &c : o.components)
        QVERIFY2(titles.contains(c.name), qPrintable(c.name));
    int legs = 0;
    for (const auto &c : d.connections)
        legs += int(c.route.legs.size());
    QCOMPARE(legPaths, 2 * legs); // each leg: its line and its arrow head
    QVERIFY(texts >= 3 * int(o.components.size()) + int(o.connections.size()));
    QVERIFY(!svg.contains("<image"));
    QVERIFY(!svg.contains("http://") || svg.count("http://") == 1); // the SVG namespace only
}

void TestExport::svgMatchesTheGoldenFile()
{
    const Project p = example(QStringLiteral("allogator.stackplan.json"));
    const Diagram d
        = buildDiagram(p, QStringLiteral("hybrid"), &m_catalogue, validateProject(p, m_catalogue));
    const QByteArray svg = diagramSvg(d, p.name);
    const QString golden
        = QStringLiteral(STACKPLAN_TEST_DATA "/golden/render-allogator-hybrid.svg");
    if (qEnvironmentVariableIsSet("STACKPLAN_UPDATE_GOLDEN")) {
        QFile out(golden);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(svg);
    }
    QFile f(golden);
    QVERIFY2(f.open(QIODevice::ReadOnly), "run with STACKPLAN_UPDATE_GOLDEN=1 to create it");
    const QByteArray expected = f.readAll();
    if (svg != expected) {
        const QStringList a = QString::fromUtf8(svg).split(QLatin1Char('\n'));
        const QStringList b = QString::fromUtf8(expected).split(QLatin1Char('\n'));
        for (int i = 0; i < std::min(a.size(), b.size()); ++i)
            if (a[i] != b[i])
                QFAIL(qPrintable(
                    QStringLiteral("line %1:\n got  %2\n want %3").arg(i + 1).arg(a[i], b[i])));
        QFAIL("different length");
    }
}

void TestExport::pngFollowsTheScale_data()
{
    QTest::addColumn<double>("scale");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("2x (default)") << 2.0;
    QTest::newRow("3x") << 3.0;
}

void TestExport::pngFollowsTheScale()
{
    QFETCH(double, scale);
    const Project p = example(QStringLiteral("flrts-cloudflare-migration.stackplan.json"));
    const Diagram d = buildDiagram(p, QStringLiteral("after"), &m_catalogue, {});
    const QString path = m_dir.filePath(QStringLiteral("after-%1.png").arg(scale));
    const ExportResult r = exportDiagrams({d}, DiagramFormat::Png, scale, path, p.name);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.written, QStringList{path});
    const QImage image(path);
    QCOMPARE(image.size(), QSize(int(std::ceil(d.bounds.width() * scale)),
                                 int(std::ceil(d.bounds.height() * scale))));
    // Not blank: a good share of pixels differ from the background, in many colours.
    const QRgb background = image.pixel(0, 0);
    QCOMPARE(QColor(background), QColor(Qt::white));
    int inked = 0;
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb px = image.pixel(x, y);
            inked += px != background;
            colours.insert(px);
        }
    const int sampled = ((image.height() + 1) / 2) * ((image.width() + 1) / 2);
    QVERIFY2(inked > sampled / 40, qPrintable(QString::number(inked)));
    QVERIFY(colours.size() > 50);
}

void TestExport::pdfHasOnePagePerOptionWithNamesAndRules_data()
{
    QTest::addColumn<QString>("file");
    for (const auto &file : exampleFiles())
        QTest::newRow(qPrintable(file)) << file;
}

void TestExport::pdfHasOnePagePerOptionWithNamesAndRules()
{
    QFETCH(QString, file);
    REQUIRE_TOOL(pdfinfo, "pdfinfo");
    REQUIRE_TOOL(pdftotext, "pdftotext");
    const Project p = example(file);
    const std::vector<Finding> findings = validateProject(p, m_catalogue);
    QCOMPARE(findings.empty(), file.startsWith(QLatin1String("cloudflare-containers")));
    for (const bool badges : {true, false}) {
        std::vector<Diagram> diagrams;
        for (const auto &o : p.options)
            diagrams.push_back(
                buildDiagram(p, o.id, &m_catalogue, findings, {badges, Theme::Light}));
        const QString path = m_dir.filePath(
            file + (badges ? QStringLiteral(".pdf") : QStringLiteral(".plain.pdf")));
        const ExportResult r = exportDiagrams(diagrams, DiagramFormat::Pdf, 2, path, p.name);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(exporttest::pdfPages(pdfinfo, path), int(p.options.size()));
        const QString text = exporttest::pdfText(pdftotext, path);
        for (const auto &o : p.options)
            for (const auto &c : o.components)
                QVERIFY2(text.contains(c.name.simplified()), qPrintable(c.name));
        for (const auto &f : findings)
            QVERIFY2(text.contains(f.rule) == badges, qPrintable(f.rule));
    }
}

void TestExport::severalSvgOptionsGoIntoAFolder()
{
    const Project p = example(QStringLiteral("allogator.stackplan.json"));
    std::vector<Diagram> diagrams;
    for (const auto &o : p.options)
        diagrams.push_back(buildDiagram(p, o.id, &m_catalogue, {}));
    const QString folder = m_dir.filePath(QStringLiteral("allogator-svg"));
    const ExportResult r = exportDiagrams(diagrams, DiagramFormat::Svg, 2, folder, p.name);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.written, QStringList({folder + QStringLiteral("/all-workers.svg"),
                                     folder + QStringLiteral("/hybrid.svg"),
                                     folder + QStringLiteral("/edge-rewrite.svg")}));
    for (const auto &path : r.written)
        QVERIFY(QFileInfo(path).size() > 1000);
    // A file where the folder should be is refused, and left as it was.
    const QString file = m_dir.filePath(QStringLiteral("taken.svg"));
    QFile taken(file);
    QVERIFY(taken.open(QIODevice::WriteOnly));
    taken.write("keep");
    taken.close();
    const ExportResult refused = exportDiagrams(diagrams, DiagramFormat::Svg, 2, file, p.name);
    QCOMPARE(refused.error, file
                                + QStringLiteral(" is a file; exporting several options needs a "
                                                 "folder (one SVG file per option)"));
    QVERIFY(taken.open(QIODevice::ReadOnly));
    QCOMPARE(taken.readAll(), QByteArray("keep"));
}

void TestExport::unwritablePathsAreReported()
{
    const Project p = example(QStringLiteral("allogator.stackplan.json"));
    const Diagram d = buildDiagram(p, QStringLiteral("hybrid"), &m_catalogue, {});
    const QString path = m_dir.filePath(QStringLiteral("missing-folder/sub/x.pdf"));
    for (const auto format : {DiagramFormat::Pdf, DiagramFormat::Png, DiagramFormat::Svg}) {
        const ExportResult r = exportDiagrams({d}, format, 2, path, p.name);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.startsWith(QStringLiteral("cannot write ") + path), qPrintable(r.error));
        QVERIFY(r.written.isEmpty());
    }
}

void TestExport::darkThemeRecoloursTheDiagram()
{
    const Project p = example(QStringLiteral("allogator.stackplan.json"));
    const Diagram light = buildDiagram(p, QStringLiteral("hybrid"), &m_catalogue, {});
    const Diagram dark
        = buildDiagram(p, QStringLiteral("hybrid"), &m_catalogue, {}, {true, Theme::Dark});
    QCOMPARE(dark.bounds, light.bounds); // same geometry
    const QImage image = diagramImage(dark, 1);
    QCOMPARE(QColor(image.pixel(0, 0)), DiagramStyle::of(Theme::Dark).background);
    const QByteArray svg = diagramSvg(dark, p.name);
    QVERIFY(svg.contains(DiagramStyle::of(Theme::Dark).boxFill.name().toLatin1()));
    QVERIFY(svg.contains(DiagramStyle::of(Theme::Dark).iconStroke.name().toLatin1()));
    QVERIFY(!svg.contains("#37474f")); // the light icon stroke is gone
}

QTEST_MAIN(TestExport)
#include "test_render_export.moc"
