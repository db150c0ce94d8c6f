#include "bundleexport.h"

#include "analysis/analysiscontroller.h"
#include "document.h"
#include "export/text.h"
#include "render/plaintext.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace stackplan {

namespace {

constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kBundleRole = Qt::UserRole + 2;

QString noteLabel(BundleNote::Kind kind)
{
    switch (kind) {
    case BundleNote::Kind::Gap:
        return QObject::tr("Not exported");
    case BundleNote::Kind::Assumption:
        return QObject::tr("Assumed");
    case BundleNote::Kind::Step:
        return QObject::tr("Step");
    }
    return {};
}

bool nonEmpty(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return false;
    if (!info.isDir())
        return true;
    return !QDir(path)
                .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)
                .isEmpty();
}

} // namespace

BundleExportDialog::BundleExportDialog(Document *document, const QString &suggestedFolder,
                                       QWidget *parent)
    : QDialog(parent), m_document(document)
{
    setWindowTitle(tr("Export Deployment Bundle"));
    setObjectName(QStringLiteral("BundleExportDialog"));
    resize(1040, 680);

    m_options = new QListWidget;
    m_options->setObjectName(QStringLiteral("options"));
    m_options->setMaximumHeight(110);
    for (const Option &o : document->project().options) {
        auto *item = new QListWidgetItem(o.id == document->project().baseline
                                             ? tr("%1 (baseline)").arg(o.name)
                                             : o.name);
        item->setData(Qt::UserRole, o.id);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(o.id == document->currentOptionId() ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(plainToolTip(o.description.isEmpty() ? o.name : o.description));
        m_options->addItem(item);
    }
    m_path = new QLineEdit(QDir::toNativeSeparators(suggestedFolder));
    m_path->setObjectName(QStringLiteral("path"));
    auto *browse = new QPushButton(tr("Browse…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    m_zip = new QCheckBox(tr("Write one zip archive instead of a folder"));
    m_zip->setObjectName(QStringLiteral("zip"));
    auto *form = new QFormLayout;
    form->addRow(tr("Options:"), m_options);
    form->addRow(tr("Save to:"), pathRow);
    form->addRow(QString(), m_zip);

    m_tree = new QTreeWidget;
    m_tree->setObjectName(QStringLiteral("files"));
    m_tree->setHeaderLabels({tr("File"), tr("Size")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_file = new QPlainTextEdit;
    m_file->setObjectName(QStringLiteral("fileText"));
    m_file->setReadOnly(true);
    m_file->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_file->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_file->setPlaceholderText(tr("Select a file to see what will be written."));
    auto *split = new QSplitter;
    split->addWidget(m_tree);
    split->addWidget(m_file);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    m_notes = new QListWidget;
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setWordWrap(true);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summary"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox;
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("export"));
    // Beside the status line rather than in the button box, which shows its buttons on layout.
    m_open = new QPushButton(tr("Open Folder"));
    m_open->setObjectName(QStringLiteral("openFolder"));
    m_open->setVisible(false);
    buttons->addButton(QDialogButtonBox::Close);

    auto *vsplit = new QSplitter(Qt::Vertical);
    vsplit->addWidget(split);
    auto *notesBox = new QWidget;
    auto *notesLayout = new QVBoxLayout(notesBox);
    notesLayout->setContentsMargins(0, 0, 0, 0);
    notesLayout->addWidget(m_summary);
    notesLayout->addWidget(m_notes);
    vsplit->addWidget(notesBox);
    vsplit->setStretchFactor(0, 3);
    vsplit->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(vsplit, 1);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_open);
    layout->addLayout(statusRow);
    layout->addWidget(buttons);

    connect(m_options, &QListWidget::itemChanged, this, &BundleExportDialog::rebuild);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &BundleExportDialog::showFile);
    connect(m_zip, &QCheckBox::toggled, this, &BundleExportDialog::toggleZip);
    connect(m_export, &QPushButton::clicked, this, &BundleExportDialog::exportNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QFileInfo info(m_written);
        QDesktopServices::openUrl(
            QUrl::fromLocalFile(info.isDir() ? info.absoluteFilePath() : info.absolutePath()));
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path
            = m_zip->isChecked()
                  ? QFileDialog::getSaveFileName(this, tr("Export bundle as"), target(),
                                                 tr("Zip archives (*.zip)"))
                  : QFileDialog::getExistingDirectory(this, tr("Export bundle into"), target());
        if (!path.isEmpty())
            m_path->setText(QDir::toNativeSeparators(path));
    });
    rebuild();
}

QString BundleExportDialog::target() const
{
    return QDir::fromNativeSeparators(m_path->text().trimmed());
}

void BundleExportDialog::toggleZip(bool zip)
{
    QString path = target();
    if (zip && !path.endsWith(QLatin1String(".zip")))
        path += QStringLiteral(".zip");
    else if (!zip && path.endsWith(QLatin1String(".zip")))
        path.chop(4);
    m_path->setText(QDir::toNativeSeparators(path));
}

void BundleExportDialog::rebuild()
{
    m_bundles.clear();
    const Project &p = m_document->project();
    // The findings the bundle notes come from the document's analysis, brought up to date first.
    const Analysis &analysis = m_document->analysis()->current();
    for (int i = 0; i < m_options->count(); ++i)
        if (m_options->item(i)->checkState() == Qt::Checked)
            if (const Option *o = p.option(m_options->item(i)->data(Qt::UserRole).toString()))
                m_bundles.push_back(
                    makeBundle(p, *o, *m_document->catalogue(), analysis.findingsOf(o->id)));

    m_tree->clear();
    m_notes->clear();
    m_file->clear();
    int files = 0, gaps = 0, steps = 0;
    for (size_t b = 0; b < m_bundles.size(); ++b) {
        const Bundle &bundle = m_bundles[b];
        QTreeWidgetItem *root = nullptr;
        if (m_bundles.size() > 1) {
            root = new QTreeWidgetItem(m_tree, {bundle.option + QLatin1Char('/')});
            root->setExpanded(true);
        }
        std::map<QString, QTreeWidgetItem *> folders;
        for (const auto &[path, bytes] : bundle.files) {
            QTreeWidgetItem *parent = root;
            const QStringList parts = path.split(QLatin1Char('/'));
            QString sofar;
            for (int i = 0; i + 1 < parts.size(); ++i) {
                sofar += parts[i] + QLatin1Char('/');
                auto &folder = folders[sofar];
                if (!folder) {
                    folder = parent ? new QTreeWidgetItem(parent, {parts[i] + QLatin1Char('/')})
                                    : new QTreeWidgetItem(m_tree, {parts[i] + QLatin1Char('/')});
                    folder->setExpanded(true);
                }
                parent = folder;
            }
            auto *item = parent ? new QTreeWidgetItem(parent, {parts.last()})
                                : new QTreeWidgetItem(m_tree, {parts.last()});
            item->setText(1, tr("%1 B").arg(bytes.size()));
            item->setData(0, kPathRole, path);
            item->setData(0, kBundleRole, int(b));
            ++files;
        }
        const QString prefix = m_bundles.size() > 1 ? bundle.option + QStringLiteral(": ") : QString();
        // What was left out first, then what was assumed, then the manual steps.
        std::vector<BundleNote> notes = bundle.notes;
        std::stable_sort(notes.begin(), notes.end(), [](const BundleNote &a, const BundleNote &b) {
            return int(a.kind) < int(b.kind);
        });
        for (const BundleNote &n : notes) {
            gaps += n.kind == BundleNote::Kind::Gap;
            steps += n.kind == BundleNote::Kind::Step;
            auto *item = new QListWidgetItem(
                QStringLiteral("%1%2: %3").arg(prefix, noteLabel(n.kind), exporter::commentText(n.text, 400)));
            if (n.kind != BundleNote::Kind::Step)
                item->setIcon(style()->standardIcon(n.kind == BundleNote::Kind::Gap
                                                        ? QStyle::SP_MessageBoxWarning
                                                        : QStyle::SP_MessageBoxInformation));
            m_notes->addItem(item);
        }
        if (!bundle.hasTargets)
            m_notes->addItem(tr("%1No component of this option has a deployment target: only "
                                "DEPLOY.md and .env.example are written.")
                                 .arg(prefix));
    }
    m_summary->setText(m_bundles.empty()
                           ? tr("Check at least one option to export.")
                           : tr("%1 %2: %3 files, %4 not exported, %5 manual steps (all in "
                                "DEPLOY.md)")
                                 .arg(m_bundles.size())
                                 .arg(m_bundles.size() == 1 ? tr("option") : tr("options"))
                                 .arg(files)
                                 .arg(gaps)
                                 .arg(steps));
    m_export->setEnabled(!m_bundles.empty());
    // Show DEPLOY.md first: it is the guide to everything else.
    const auto found = m_tree->findItems(QStringLiteral("DEPLOY.md"), Qt::MatchExactly | Qt::MatchRecursive);
    if (!found.isEmpty())
        m_tree->setCurrentItem(found.first());
}

void BundleExportDialog::showFile()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || item->data(0, kPathRole).isNull()) {
        m_file->clear();
        return;
    }
    const Bundle &b = m_bundles[size_t(item->data(0, kBundleRole).toInt())];
    m_file->setPlainText(QString::fromUtf8(b.files.at(item->data(0, kPathRole).toString())));
}

bool BundleExportDialog::exportNow()
{
    m_error.clear();
    m_written.clear();
    m_open->setVisible(false);
    const QString path = target();
    const bool zip = m_zip->isChecked();
    if (path.isEmpty()) {
        m_error = tr("Choose where to write the bundle.");
    } else if (m_bundles.empty()) {
        m_error = tr("Check at least one option to export.");
    } else {
        bool force = false;
        if (nonEmpty(path)) {
            const auto answer = QMessageBox::question(
                this, tr("Replace?"),
                zip ? tr("%1 exists. Replace it?").arg(QDir::toNativeSeparators(path))
                    : tr("%1 is not empty. Replace its content with the bundle?")
                          .arg(QDir::toNativeSeparators(path)),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
            if (answer != QMessageBox::Yes) {
                m_status->setText(tr("Nothing was written."));
                return false;
            }
            force = true;
        }
        QString error;
        if ((zip ? writeBundlesZip(m_bundles, path, force, &error)
                 : writeBundles(m_bundles, path, force, &error))) {
            m_written = path;
            int files = 0;
            for (const Bundle &b : m_bundles)
                files += int(b.files.size());
            m_status->setStyleSheet(QString());
            m_status->setText((files == 1 ? tr("Wrote 1 file to %2. Start with DEPLOY.md.")
                                          : tr("Wrote %1 files to %2. Start with DEPLOY.md."))
                                  .arg(files)
                                  .arg(QDir::toNativeSeparators(path)));
            m_open->setVisible(true);
            emit exported(path);
            return true;
        }
        m_error = error;
    }
    m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_status->setText(tr("Cannot export: %1").arg(m_error));
    QMessageBox::warning(this, tr("Cannot export the bundle"), m_error);
    return false;
}

} // namespace stackplan
