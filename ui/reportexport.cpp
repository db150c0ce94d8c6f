#include "reportexport.h"

#include "document.h"
#include "analysis/analysiscontroller.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QVBoxLayout>

namespace stackplan {

ReportInput reportInput(Document &document)
{
    // The document's own analysis, brought up to date if an edit is still being analysed.
    return makeReportInput(document.project(), *document.catalogue(),
                           document.analysis()->current());
}

ReportResult writeReportWithProgress(Document &document, ReportFormat format,
                                     const QString &path, QWidget *parent)
{
    QProgressDialog progress(QCoreApplication::translate("ReportExport", "Writing the review pack…"),
                             QCoreApplication::translate("ReportExport", "Cancel"), 0, 1, parent);
    progress.setObjectName(QStringLiteral("ReportProgress"));
    progress.setWindowTitle(QCoreApplication::translate("ReportExport", "Review Pack"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    const ReportInput input = reportInput(document);
    return writeReport(input, format, path, [&progress](int done, int total, const QString &what) {
        progress.setMaximum(total);
        progress.setValue(done);
        if (!what.isEmpty())
            progress.setLabelText(what);
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        return !progress.wasCanceled();
    });
}

ReportExportDialog::ReportExportDialog(const QString &suggestedBase, QWidget *parent)
    : QDialog(parent), m_base(suggestedBase)
{
    setWindowTitle(tr("Export Review Pack"));
    setObjectName(QStringLiteral("ReportExportDialog"));
    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("PDF (A4 landscape, vector)"), QStringLiteral("pdf"));
    m_format->addItem(tr("HTML (one self-contained file)"), QStringLiteral("html"));
    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setMinimumWidth(360);
    auto *browse = new QPushButton(tr("Browse…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Save to:"), pathRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ReportExportDialog::updatePath);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export review pack"), this->path(),
            format() == ReportFormat::Pdf ? tr("PDF (*.pdf)") : tr("HTML (*.html)"));
        if (!path.isEmpty())
            m_path->setText(QDir::toNativeSeparators(path));
    });
    updatePath();
}

// Suggests BASE-review.pdf / .html in the folder already chosen (else the project's).
void ReportExportDialog::updatePath()
{
    const QString dir = m_path->text().isEmpty()
                            ? QFileInfo(m_base).absolutePath()
                            : QFileInfo(QDir::fromNativeSeparators(m_path->text())).absolutePath();
    const QString name = QFileInfo(m_base).fileName() + QStringLiteral("-review.")
                         + m_format->currentData().toString();
    m_path->setText(QDir::toNativeSeparators(QDir(dir).filePath(name)));
}

ReportFormat ReportExportDialog::format() const
{
    return *reportFormatFromId(m_format->currentData().toString());
}

QString ReportExportDialog::path() const
{
    return QDir::fromNativeSeparators(m_path->text());
}

} // namespace stackplan
