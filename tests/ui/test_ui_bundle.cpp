// File → Export → Deployment Bundle…: the dialog previews exactly what `stackplan export` writes
// (same core functions), lets the user pick options and a folder or zip, asks before replacing
// anything, shows errors in a dialog, and offers to open the folder afterwards.
#include "bundleexport.h"
#include "profiles/catalogue.h"
#include "uitest.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace stackplan;
using namespace uitest;

namespace {

QStringList treePaths(QTreeWidget *tree)
{
    QStringList out;
    std::function<void(QTreeWidgetItem *, const QString &)> walk = [&](QTreeWidgetItem *item,
                                                                       const QString &prefix) {
        const QString path = prefix + item->text(0);
        if (item->childCount() == 0)
            out << path;
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i), path);
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        walk(tree->topLevelItem(i), QString());
    return out;
}

QStringList bundlePaths(const Bundle &b)
{
    QStringList out;
    for (const auto &[path, bytes] : b.files)
        out << path;
    return out;
}

void checkOnly(QListWidget *options, const QStringList &ids)
{
    for (int i = 0; i < options->count(); ++i)
        options->item(i)->setCheckState(ids.contains(options->item(i)->data(Qt::UserRole).toString())
                                            ? Qt::Checked
                                            : Qt::Unchecked);
}

} // namespace

class TestUiBundle : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void fileMenuOffersTheBundle();
    void previewShowsTheFilesAndNotesOfTheCheckedOptions();
    void exportWritesWhatThePreviewShows();
    void replacingAskedFirstAndErrorsShownInADialog();
    void zipExport();

private:
    Catalogue m_catalogue;
};

void TestUiBundle::fileMenuOffersTheBundle()
{
    auto w = exampleWindow(&m_catalogue);
    QVERIFY(w);
    QAction *action = w->findChild<QAction *>(QStringLiteral("ExportBundleAction"));
    QVERIFY(action);
    QCOMPARE(action->text(), QStringLiteral("Deployment &Bundle…"));
    // The action opens the dialog on the current option.
    bool seen = false;
    whenDialogAppears([&](QWidget *d) {
        auto *dialog = qobject_cast<BundleExportDialog *>(d);
        QVERIFY(dialog);
        seen = true;
        QCOMPARE(dialog->bundles().size(), size_t(1));
        QCOMPARE(dialog->bundles().front().option, w->document()->currentOptionId());
        QVERIFY(dialog->target().endsWith(QStringLiteral("/allogator-deploy")));
        dialog->reject();
    });
    action->trigger();
    QVERIFY(seen);
}

void TestUiBundle::previewShowsTheFilesAndNotesOfTheCheckedOptions()
{
    auto w = exampleWindow(&m_catalogue, QStringLiteral("hybrid"));
    QVERIFY(w);
    BundleExportDialog dialog(w->document(), QStringLiteral("/tmp/x"));
    dialog.show();
    auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("files"));
    auto *options = dialog.findChild<QListWidget *>(QStringLiteral("options"));
    auto *notes = dialog.findChild<QListWidget *>(QStringLiteral("notes"));
    auto *file = dialog.findChild<QPlainTextEdit *>(QStringLiteral("fileText"));
    const Project &p = w->document()->project();
    const Bundle hybrid = makeBundle(p, *p.option(QStringLiteral("hybrid")), m_catalogue);
    QCOMPARE(treePaths(tree), bundlePaths(hybrid));
    // DEPLOY.md is shown first, with the text that will be written.
    QCOMPARE(file->toPlainText(), QString::fromUtf8(hybrid.files.at(QStringLiteral("DEPLOY.md"))));
    QCOMPARE(notes->count(), int(hybrid.notes.size()));
    QVERIFY(notes->item(0)->text().startsWith(QStringLiteral("Not exported: Supabase Postgres is on Supabase")));
    shot(&dialog, QStringLiteral("bundle-dialog-hybrid"));
    // Two options: one folder each in the tree, their notes prefixed by the option.
    checkOnly(options, {QStringLiteral("hybrid"), QStringLiteral("edge-rewrite")});
    QCOMPARE(dialog.bundles().size(), size_t(2));
    QCOMPARE(tree->topLevelItemCount(), 2);
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("hybrid/"));
    QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("edge-rewrite/"));
    QVERIFY(notes->item(0)->text().startsWith(QStringLiteral("hybrid: ")));
    checkOnly(options, {});
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("export"))->isEnabled());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("summary"))->text(),
             QStringLiteral("Check at least one option to export."));
}

void TestUiBundle::exportWritesWhatThePreviewShows()
{
    auto w = exampleWindow(&m_catalogue, QStringLiteral("hybrid"));
    QVERIFY(w);
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("bundle"));
    BundleExportDialog dialog(w->document(), out);
    dialog.show();
    QSignalSpy exported(&dialog, &BundleExportDialog::exported);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("export")), Qt::LeftButton);
    QCOMPARE(exported.count(), 1);
    QCOMPARE(dialog.writtenTo(), out);
    for (const auto &[path, bytes] : dialog.bundles().front().files) {
        QFile f(out + QLatin1Char('/') + path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        QCOMPARE(f.readAll(), bytes);
    }
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("openFolder"))->isVisible());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("status"))->text(),
             QStringLiteral("Wrote %1 files to %2. Start with DEPLOY.md.")
                 .arg(dialog.bundles().front().files.size())
                 .arg(QDir::toNativeSeparators(out)));
    shot(&dialog, QStringLiteral("bundle-dialog-written"));
}

void TestUiBundle::replacingAskedFirstAndErrorsShownInADialog()
{
    auto w = exampleWindow(&m_catalogue, QStringLiteral("hybrid"));
    QVERIFY(w);
    QTemporaryDir tmp;
    QFile mine(tmp.filePath(QStringLiteral("mine.txt")));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.write("keep");
    mine.close();
    BundleExportDialog dialog(w->document(), tmp.path());
    dialog.show();
    // Declining keeps the folder as it was.
    QString question;
    whenDialogAppears([&](QWidget *d) {
        auto *box = qobject_cast<QMessageBox *>(d);
        QVERIFY(box);
        question = box->text();
        box->button(QMessageBox::No)->click();
    });
    QVERIFY(!dialog.exportNow());
    QCOMPARE(question, QStringLiteral("%1 is not empty. Replace its content with the bundle?")
                           .arg(QDir::toNativeSeparators(tmp.path())));
    QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("mine.txt"))));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("status"))->text(),
             QStringLiteral("Nothing was written."));
    // Accepting replaces it.
    whenDialogAppears([](QWidget *d) { qobject_cast<QMessageBox *>(d)->button(QMessageBox::Yes)->click(); });
    QVERIFY(dialog.exportNow());
    QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("mine.txt"))));
    QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("DEPLOY.md"))));
    // A folder that cannot be created: the error is shown in a dialog and in the status line.
    QFile blocker(tmp.filePath(QStringLiteral("DEPLOY.md")));
    dialog.findChild<QLineEdit *>(QStringLiteral("path"))->setText(tmp.filePath(QStringLiteral("DEPLOY.md/sub")));
    QString shown;
    whenDialogAppears([&](QWidget *d) {
        auto *box = qobject_cast<QMessageBox *>(d);
        QVERIFY(box);
        shown = box->text();
        box->accept();
    });
    QVERIFY(!dialog.exportNow());
    QCOMPARE(shown, QStringLiteral("cannot create %1").arg(tmp.filePath(QStringLiteral("DEPLOY.md"))));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("status"))->text(),
             QStringLiteral("Cannot export: ") + shown);
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("openFolder"))->isVisible());
}

void TestUiBundle::zipExport()
{
    auto w = exampleWindow(&m_catalogue, QStringLiteral("hybrid"));
    QVERIFY(w);
    QTemporaryDir tmp;
    BundleExportDialog dialog(w->document(), tmp.filePath(QStringLiteral("b")));
    dialog.show();
    dialog.findChild<QCheckBox *>(QStringLiteral("zip"))->setChecked(true);
    QCOMPARE(dialog.target(), tmp.filePath(QStringLiteral("b.zip")));
    QVERIFY(dialog.exportNow());
    QVERIFY(QFileInfo(tmp.filePath(QStringLiteral("b.zip"))).size() > 1000);
    dialog.findChild<QCheckBox *>(QStringLiteral("zip"))->setChecked(false);
    QCOMPARE(dialog.target(), tmp.filePath(QStringLiteral("b")));
}

QTEST_MAIN(TestUiBundle)
#include "test_ui_bundle.moc"
