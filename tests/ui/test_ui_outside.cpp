// Issue 17 in the GUI: a project file changed by another program is noticed (watcher, and a check
// right before saving) and the user chooses Reload / Overwrite / Save As; names from a file never
// render as HTML in tooltips.
#include "analysis/analysisdocks.h"
#include "analysis/problemspanel.h"
#include "analysis/analysiscontroller.h"
#include "document.h"
#include "editor/edit.h"
#include "io/projectfile.h"
#include "mainwindow.h"
#include "panels/profilebrowser.h"
#include "profiles/catalogue.h"
#include "uitest.h"

#include <QAbstractButton>
#include <QFile>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocumentFragment>

using namespace stackplan;
using namespace uitest;

namespace {

QString nameOnDisk(const QString &path)
{
    const ProjectLoad load = loadProjectFile(path);
    return load.ok() ? load.project->name : QString();
}

// Another program rewrites the file with a new project name.
void outsideEdit(const QString &path, const QString &name)
{
    ProjectLoad load = loadProjectFile(path);
    QVERIFY(load.ok());
    load.project->name = name;
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate)); // in place, as many editors do
    f.write(serializeProject(*load.project));
}

} // namespace

class TestUiOutside : public QObject
{
    Q_OBJECT

private slots:
    void outsideEditsAreNoticedAndNeverSilentlyLost();
    void theDialogOffersReloadOverwriteAndSaveAs();
    void namesAreNotRenderedAsHtmlInTooltips();
    void platformsPanelMarksAProfileThatReplacesABundledOne();

private:
    const Catalogue m_catalogue = Catalogue::standard({}, false);
};

void TestUiOutside::outsideEditsAreNoticedAndNeverSilentlyLost()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.stackplan.json"));
    QVERIFY(QFile::copy(examplePath(), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    // A killed save left its temporary file: opening the project removes it.
    const QString stale = dir.filePath(QStringLiteral(".p.stackplan.json.stackplan-save-999999999-AbC123"));
    {
        QFile f(stale);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"stackpl");
    }
    MainWindow w(&m_catalogue);
    QVERIFY(w.openFile(path));
    QVERIFY(!QFile::exists(stale));
    Document *doc = w.document();

    int asked = 0;
    bool askedWhileSaving = false;
    MainWindow::OutsideChange answer = MainWindow::OutsideChange::Keep;
    w.setOutsideChangeFunction([&](bool saving) {
        ++asked;
        askedWhileSaving = saving;
        return answer;
    });

    QVERIFY(doc->push(projectInfoEdit(doc->project(), QStringLiteral("Mine"),
                                      doc->project().description, doc->project().assumptions)));
    outsideEdit(path, QStringLiteral("Theirs"));
    // The watcher notices and asks; "keep editing" changes nothing.
    QTRY_COMPARE(asked, 1);
    QVERIFY(!askedWhileSaving);
    QVERIFY(doc->changedOnDisk());
    QCOMPARE(doc->project().name, QStringLiteral("Mine"));

    // Saving asks again; cancelling keeps the other program's file.
    QVERIFY(!w.saveFile());
    QCOMPARE(asked, 2);
    QVERIFY(askedWhileSaving);
    QCOMPARE(nameOnDisk(path), QStringLiteral("Theirs"));
    // The document itself refuses to save over it unless told to.
    QString error;
    QVERIFY(!doc->save(&error));
    QCOMPARE(error, path + QStringLiteral(" changed on disk since it was opened; reload it, or "
                                          "save over it or elsewhere."));

    // Overwrite: our version is written, and our own save does not look like an outside edit.
    answer = MainWindow::OutsideChange::Overwrite;
    QVERIFY(w.saveFile());
    QCOMPARE(asked, 3);
    QCOMPARE(nameOnDisk(path), QStringLiteral("Mine"));
    QVERIFY(!doc->isModified());
    QVERIFY(!doc->changedOnDisk());
    QTest::qWait(300);
    QCOMPARE(asked, 3);
    QVERIFY(w.saveFile()); // nothing changed outside: saves without asking
    QCOMPARE(asked, 3);

    // Reload: the other program's version replaces ours (the watcher follows the new file).
    outsideEdit(path, QStringLiteral("Theirs again"));
    answer = MainWindow::OutsideChange::Reload;
    QTRY_COMPARE(asked, 4);
    QCOMPARE(doc->project().name, QStringLiteral("Theirs again"));
    QVERIFY(!doc->isModified());
    QVERIFY(!doc->changedOnDisk());
}

void TestUiOutside::theDialogOffersReloadOverwriteAndSaveAs()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.stackplan.json"));
    QVERIFY(QFile::copy(examplePath(), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    MainWindow w(&m_catalogue);
    QVERIFY(w.openFile(path));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Document *doc = w.document();
    QVERIFY(doc->push(projectInfoEdit(doc->project(), QStringLiteral("Mine"),
                                      doc->project().description, doc->project().assumptions)));
    outsideEdit(path, QStringLiteral("Theirs"));
    QStringList buttons;
    QString text;
    whenDialogAppears([&](QWidget *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        QVERIFY(box);
        text = box->text() + QLatin1Char('\n') + box->informativeText();
        for (QAbstractButton *b : box->buttons())
            buttons << b->text();
        shot(box, QStringLiteral("outside-change-dialog"));
        for (QAbstractButton *b : box->buttons())
            if (b->text() == QStringLiteral("&Overwrite"))
                b->click();
    });
    QVERIFY(w.saveFile()); // asks right before writing, even if the watcher has not fired yet
    buttons.sort();
    QCOMPARE(buttons, QStringList({"&Overwrite", "&Reload", "Cancel", "Save &As…"}));
    QCOMPARE(text, QStringLiteral("%1 was changed by another program since Stackplan opened it.\n"
                                  "Reload it and lose your unsaved changes, overwrite it with this "
                                  "version and lose the other program's changes, or save this "
                                  "version as another file.")
                       .arg(path));
    QCOMPARE(nameOnDisk(path), QStringLiteral("Mine"));
    QTest::qWait(300);
    QVERIFY(!QApplication::activeModalWidget()); // the watcher does not ask about our own save
}

void TestUiOutside::namesAreNotRenderedAsHtmlInTooltips()
{
    auto w = exampleWindow(&m_catalogue, {}, QSize(1500, 950));
    QVERIFY(w);
    Document *doc = w->document();
    AnalysisController *v = w->analysis()->validation();
    QTRY_VERIFY(!v->isBusy());
    // A hostile name and a memory above Cloud Run's limit, so the box gets a badge and a row.
    Component c = *doc->currentOption()->component(QStringLiteral("backend"));
    c.name = QStringLiteral("<img src=x><b>0 errors</b>");
    c.workload.memoryMb = 40000;
    QVERIFY(doc->push(updateComponentEdit(doc->project(), doc->currentOptionId(), c,
                                          QStringLiteral("Edit"))));
    ComponentItem *backend = w->scene()->componentItem(QStringLiteral("backend"));
    QTRY_COMPARE(backend->visual().badge, BadgeSeverity::Error);
    const QString tip = backend->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("&lt;img src=x&gt;&lt;b&gt;0 errors&lt;/b&gt;")),
             qPrintable(tip));
    QVERIFY2(!tip.contains(QStringLiteral("<img")), qPrintable(tip));
    // The full name first, then the findings, both as plain text inside the rich tooltip.
    QVERIFY(QTextDocumentFragment::fromHtml(tip).toPlainText().startsWith(
        QStringLiteral("<img src=x><b>0 errors</b>\nlimit.memory: <img src=x><b>0 errors</b> "
                       "needs 40,000 MB of memory")));
    QTableView *table = w->analysis()->problems()->table();
    QTRY_VERIFY(table->model()->rowCount() > 0);
    const QString rowTip = table->model()->index(0, 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(rowTip.contains(QStringLiteral("&lt;img src=x&gt;")), qPrintable(rowTip));
    QVERIFY2(!rowTip.contains(QStringLiteral("<img")), qPrintable(rowTip));
}

void TestUiOutside::platformsPanelMarksAProfileThatReplacesABundledOne()
{
    // A user profile that replaces the bundled Supabase, e.g. with every price set to 0.
    QTemporaryDir dir;
    QFile src(QStringLiteral(STACKPLAN_SOURCE_DIR "/profiles/supabase.toml"));
    QVERIFY(src.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(src.readAll());
    text.replace(QRegularExpression(QStringLiteral("\\nprice = [0-9.]+")),
                 QStringLiteral("\nprice = 0"));
    QFile dst(dir.filePath(QStringLiteral("supabase.toml")));
    QVERIFY(dst.open(QIODevice::WriteOnly));
    dst.write(text.toUtf8());
    dst.close();
    Catalogue catalogue;
    catalogue.addBundled();
    catalogue.addDirectory(dir.path());
    catalogue.finish();
    QCOMPARE(catalogue.replacedOrigin(QStringLiteral("supabase")),
             QStringLiteral(":/profiles/supabase.toml"));
    ProfileBrowser browser(&catalogue);
    browser.resize(1000, 640);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    browser.showProfile(QStringLiteral("supabase"));
    QCOMPARE(browser.currentProfileId(), QStringLiteral("supabase"));
    QCOMPARE(browser.tree()->currentItem()->text(0), QStringLiteral("Supabase (replaces bundled)"));
    const QString details = browser.details()->toPlainText();
    QVERIFY2(details.startsWith(
                 QStringLiteral("Replaces the bundled profile. Loaded from %1 instead of "
                                ":/profiles/supabase.toml.")
                     .arg(dir.filePath(QStringLiteral("supabase.toml")))),
             qPrintable(details));
    shot(&browser, QStringLiteral("platforms-override"));
    // A bundled profile that nobody replaced is not marked.
    browser.showProfile(QStringLiteral("neon"));
    QCOMPARE(browser.tree()->currentItem()->text(0), QStringLiteral("Neon"));
    QVERIFY(!browser.details()->toPlainText().contains(QStringLiteral("Replaces")));
}

QTEST_MAIN(TestUiOutside)
#include "test_ui_outside.moc"
