// File → Export → Diagram… and Edit → Copy Diagram as Image: the dialog's choices reach the
// files, errors are shown in a dialog, and the clipboard gets the current option's diagram.
#include "../render/exporttest.h"
#include "diagramexport.h"
#include "reportexport.h"
#include "profiles/catalogue.h"
#include "uitest.h"

#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRadioButton>
#include <QStatusBar>
#include <QTemporaryDir>

using namespace stackplan;
using namespace uitest;

namespace {

// Fills the export dialog when it appears and presses Export.
void answerExportDialog(const QString &format, bool all, const QString &path)
{
    whenDialogAppears([=](QWidget *w) {
        auto *dialog = qobject_cast<DiagramExportDialog *>(w);
        QVERIFY(dialog);
        auto *formats = dialog->findChild<QComboBox *>(QStringLiteral("format"));
        formats->setCurrentIndex(formats->findData(format));
        dialog
            ->findChild<QRadioButton *>(all ? QStringLiteral("allOptions")
                                            : QStringLiteral("currentOption"))
            ->setChecked(true);
        dialog->findChild<QLineEdit *>(QStringLiteral("path"))->setText(path);
        shot(dialog, QStringLiteral("export-dialog-%1").arg(format));
        dialog->accept();
    });
}

// Fills the review-pack dialog when it appears and presses Export.
void answerReportDialog(const QString &format, const QString &path)
{
    whenDialogAppears([=](QWidget *w) {
        auto *dialog = qobject_cast<ReportExportDialog *>(w);
        QVERIFY(dialog);
        auto *formats = dialog->findChild<QComboBox *>(QStringLiteral("format"));
        formats->setCurrentIndex(formats->findData(format));
        dialog->findChild<QLineEdit *>(QStringLiteral("path"))->setText(path);
        shot(dialog, QStringLiteral("report-dialog-%1").arg(format));
        dialog->accept();
    });
}

} // namespace

class TestUiExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void menusOfferExportAndCopy();
    void dialogSuggestsNamesThatFollowTheChoices();
    void exportWritesOnePdfPagePerOption();
    void exportWritesOneSvgPerOptionIntoAFolder();
    void exportErrorsAreShownInADialog();
    void copyPutsTheCurrentDiagramOnTheClipboard();
    void reportDialogSuggestsNamesThatFollowTheFormat();
    void reviewPackIsWrittenAsPdfAndHtml();
    void reviewPackAsksBeforeReplacingAFile();

private:
    Catalogue m_catalogue;
};

void TestUiExport::menusOfferExportAndCopy()
{
    auto w = exampleWindow(&m_catalogue);
    QVERIFY(w);
    QStringList found;
    for (QAction *top : w->menuBar()->actions())
        for (QAction *a : top->menu()->actions()) {
            if (a->menu() && a->text() == QLatin1String("&Export"))
                for (QAction *e : a->menu()->actions())
                    found << top->text() + QStringLiteral(" > Export > ") + e->text();
            if (a->objectName() == QLatin1String("CopyDiagramAction"))
                found << top->text() + QStringLiteral(" > ") + a->text();
        }
    QVERIFY2(found.contains(QStringLiteral("&File > Export > &Diagram…")),
             qPrintable(found.join(';')));
    QVERIFY(found.contains(QStringLiteral("&Edit > Copy Diagram as &Image")));
    QVERIFY(found.contains(QStringLiteral("&File > Export > &Review Pack…")));
}

void TestUiExport::dialogSuggestsNamesThatFollowTheChoices()
{
    DiagramExportDialog dialog(QStringLiteral("/tmp/shop"), QStringLiteral("hybrid"));
    auto *formats = dialog.findChild<QComboBox *>(QStringLiteral("format"));
    auto *all = dialog.findChild<QRadioButton *>(QStringLiteral("allOptions"));
    QCOMPARE(dialog.request().path, QStringLiteral("/tmp/shop-hybrid.svg"));
    QCOMPARE(dialog.request().scale, 2.0);
    QVERIFY(dialog.request().badges);
    QCOMPARE(dialog.request().theme, Theme::Light);
    formats->setCurrentIndex(formats->findData(QStringLiteral("png")));
    QCOMPARE(dialog.request().path, QStringLiteral("/tmp/shop-hybrid.png"));
    all->setChecked(true);
    QCOMPARE(dialog.request().path, QStringLiteral("/tmp/shop-diagrams"));
    formats->setCurrentIndex(formats->findData(QStringLiteral("pdf")));
    QCOMPARE(dialog.request().path, QStringLiteral("/tmp/shop.pdf"));
    QCOMPARE(dialog.request().format, DiagramFormat::Pdf);
    QVERIFY(dialog.request().allOptions);
}

void TestUiExport::exportWritesOnePdfPagePerOption()
{
    auto w = exampleWindow(&m_catalogue);
    QVERIFY(w);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("allogator.pdf"));
    answerExportDialog(QStringLiteral("pdf"), true, pdf);
    w->findChild<QAction *>(QStringLiteral("ExportDiagramAction"))->trigger();
    QTRY_VERIFY(QFileInfo::exists(pdf));
    QCOMPARE(w->statusBar()->currentMessage(), QStringLiteral("Exported ") + pdf);
    REQUIRE_TOOL(pdfinfo, "pdfinfo");
    QCOMPARE(exporttest::pdfPages(pdfinfo, pdf), int(w->document()->project().options.size()));
}

void TestUiExport::exportWritesOneSvgPerOptionIntoAFolder()
{
    auto w = exampleWindow(&m_catalogue);
    QVERIFY(w);
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("diagrams"));
    answerExportDialog(QStringLiteral("svg"), true, folder);
    w->findChild<QAction *>(QStringLiteral("ExportDiagramAction"))->trigger();
    QStringList expected;
    for (const auto &o : w->document()->project().options)
        expected << o.id + QStringLiteral(".svg");
    expected.sort();
    QTRY_COMPARE(QDir(folder).entryList(QDir::Files, QDir::Name), expected);
}

void TestUiExport::exportErrorsAreShownInADialog()
{
    auto w = exampleWindow(&m_catalogue);
    QVERIFY(w);
    const QString path = QStringLiteral("/proc/no-such-folder/x.png");
    answerExportDialog(QStringLiteral("png"), false, path);
    QString shown;
    QTimer watcher;
    watcher.setInterval(20);
    connect(&watcher, &QTimer::timeout, this, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            shown = box->windowTitle() + QLatin1Char('|') + box->text();
            shot(box, QStringLiteral("export-error"));
            box->accept();
        }
    });
    watcher.start();
    w->findChild<QAction *>(QStringLiteral("ExportDiagramAction"))->trigger();
    QTRY_VERIFY(!shown.isEmpty());
    QCOMPARE(shown, QStringLiteral("Cannot export the diagram|cannot write %1: No such file or "
                                   "directory")
                        .arg(path));
}

void TestUiExport::copyPutsTheCurrentDiagramOnTheClipboard()
{
    auto w = exampleWindow(&m_catalogue, QStringLiteral("hybrid"));
    QVERIFY(w);
    QGuiApplication::clipboard()->clear();
    w->findChild<QAction *>(QStringLiteral("CopyDiagramAction"))->trigger();
    const Diagram d = w->diagramExporter()->diagram(QStringLiteral("hybrid"));
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(qvariant_cast<QImage>(mime->imageData()).size(), diagramImage(d, 2).size());
    const QByteArray svg = mime->data(QStringLiteral("image/svg+xml"));
    for (const auto &c : w->document()->currentOption()->components)
        QVERIFY2(svg.contains("<g id=\"" + c.id.toUtf8() + "\" class=\"box\">"), qPrintable(c.id));
    QCOMPARE(w->statusBar()->currentMessage(),
             QStringLiteral("Copied the diagram of %1 as an image")
                 .arg(w->document()->currentOption()->name));
}

void TestUiExport::reportDialogSuggestsNamesThatFollowTheFormat()
{
    ReportExportDialog dialog(QStringLiteral("/tmp/shop"));
    auto *formats = dialog.findChild<QComboBox *>(QStringLiteral("format"));
    auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("path"));
    QCOMPARE(path->text(), QStringLiteral("/tmp/shop-review.pdf"));
    QCOMPARE(dialog.format(), ReportFormat::Pdf);
    formats->setCurrentIndex(formats->findData(QStringLiteral("html")));
    QCOMPARE(path->text(), QStringLiteral("/tmp/shop-review.html"));
    QCOMPARE(dialog.format(), ReportFormat::Html);
    // A folder the user chose is kept when the format changes.
    path->setText(QStringLiteral("/srv/reviews/shop-review.html"));
    formats->setCurrentIndex(formats->findData(QStringLiteral("pdf")));
    QCOMPARE(dialog.path(), QStringLiteral("/srv/reviews/shop-review.pdf"));
}

void TestUiExport::reviewPackIsWrittenAsPdfAndHtml()
{
    auto w = exampleWindow(&m_catalogue);
    QVERIFY(w);
    QTemporaryDir dir;
    const int options = int(w->document()->project().options.size());
    const QString pdf = dir.filePath(QStringLiteral("allogator-review.pdf"));
    answerReportDialog(QStringLiteral("pdf"), pdf);
    w->findChild<QAction *>(QStringLiteral("ExportReportAction"))->trigger();
    QTRY_VERIFY(QFileInfo::exists(pdf));
    QCOMPARE(w->statusBar()->currentMessage(), QStringLiteral("Exported the review pack to ") + pdf);
    REQUIRE_TOOL(pdfinfo, "pdfinfo");
    REQUIRE_TOOL(pdftotext, "pdftotext");
    QVERIFY(exporttest::pdfPages(pdfinfo, pdf) >= 3 + 3 * options);
    const QString text = exporttest::pdfText(pdftotext, pdf);
    for (const auto &o : w->document()->project().options)
        QVERIFY2(text.contains(o.name + QStringLiteral(": findings (")), qPrintable(o.name));

    const QString html = dir.filePath(QStringLiteral("allogator-review.html"));
    answerReportDialog(QStringLiteral("html"), html);
    w->findChild<QAction *>(QStringLiteral("ExportReportAction"))->trigger();
    QTRY_VERIFY(QFileInfo::exists(html));
    QFile f(html);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().count("<svg"), 2 * options);
}

void TestUiExport::reviewPackAsksBeforeReplacingAFile()
{
    auto w = exampleWindow(&m_catalogue);
    QVERIFY(w);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.pdf"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a review pack");
    }
    answerReportDialog(QStringLiteral("pdf"), path);
    QString asked;
    QTimer watcher;
    watcher.setInterval(20);
    connect(&watcher, &QTimer::timeout, this, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            asked = box->windowTitle() + QLatin1Char('|') + box->text();
            box->button(QMessageBox::Cancel)->click();
        }
    });
    watcher.start();
    w->findChild<QAction *>(QStringLiteral("ExportReportAction"))->trigger();
    QTRY_VERIFY(!asked.isEmpty());
    QCOMPARE(asked, QStringLiteral("Replace File?|%1 already exists. Replace it?").arg(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("not a review pack"));
}

QTEST_MAIN(TestUiExport)
#include "test_ui_export.moc"
