#include "diagramexport.h"

#include "analysis/analysiscontroller.h"
#include "document.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace stackplan {

DiagramExporter::DiagramExporter(Document *document, QObject *parent)
    : QObject(parent), m_document(document)
{
}

Diagram DiagramExporter::diagram(const QString &optionId, bool badges, Theme theme) const
{
    const Project &p = m_document->project();
    // The document's own analysis, brought up to date if an edit is still being analysed.
    const std::vector<Finding> findings = badges && m_document->catalogue()
                                              ? m_document->analysis()->current().findings
                                              : std::vector<Finding>();
    return buildDiagram(p, optionId, m_document->catalogue(), findings, {badges, theme});
}

ExportResult DiagramExporter::exportDiagrams(const DiagramExportRequest &r) const
{
    const Project &p = m_document->project();
    const QStringList ids
        = r.allOptions ? optionIds(p) : QStringList{m_document->currentOptionId()};
    const std::vector<Finding> findings = r.badges && m_document->catalogue()
                                              ? m_document->analysis()->current().findings
                                              : std::vector<Finding>();
    std::vector<Diagram> diagrams;
    for (const auto &id : ids)
        diagrams.push_back(
            buildDiagram(p, id, m_document->catalogue(), findings, {r.badges, r.theme}));
    return stackplan::exportDiagrams(diagrams, r.format, r.scale, r.path, p.name);
}

void DiagramExporter::copyCurrentToClipboard() const
{
    const Diagram d = diagram(m_document->currentOptionId());
    auto *mime = new QMimeData;
    mime->setImageData(diagramImage(d, 2));
    mime->setData(QStringLiteral("image/svg+xml"), diagramSvg(d, m_document->project().name));
    QGuiApplication::clipboard()->setMimeData(mime);
}

DiagramExportDialog::DiagramExportDialog(const QString &suggestedBase,
                                         const QString &currentOptionId, QWidget *parent)
    : QDialog(parent), m_base(suggestedBase), m_option(currentOptionId)
{
    setWindowTitle(tr("Export Diagram"));
    setObjectName(QStringLiteral("DiagramExportDialog"));
    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("SVG (vector, text kept as text)"), QStringLiteral("svg"));
    m_format->addItem(tr("PNG image"), QStringLiteral("png"));
    m_format->addItem(tr("PDF (one page per option)"), QStringLiteral("pdf"));
    m_current = new QRadioButton(tr("Current option"));
    m_current->setObjectName(QStringLiteral("currentOption"));
    m_all = new QRadioButton(tr("All options"));
    m_all->setObjectName(QStringLiteral("allOptions"));
    m_current->setChecked(true);
    auto *scope = new QHBoxLayout;
    scope->addWidget(m_current);
    scope->addWidget(m_all);
    scope->addStretch();
    m_scale = new QDoubleSpinBox;
    m_scale->setObjectName(QStringLiteral("scale"));
    m_scale->setRange(0.25, 8);
    m_scale->setSingleStep(0.5);
    m_scale->setValue(2);
    m_scale->setSuffix(QStringLiteral(" ×"));
    m_badges = new QCheckBox(tr("Problem badges and the key of findings"));
    m_badges->setObjectName(QStringLiteral("badges"));
    m_badges->setChecked(true);
    m_theme = new QComboBox;
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setMinimumWidth(360);
    auto *browse = new QPushButton(tr("Browse…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Options:"), scope);
    form->addRow(tr("Scale (PNG):"), m_scale);
    form->addRow(QString(), m_badges);
    form->addRow(tr("Theme:"), m_theme);
    form->addRow(tr("Save to:"), pathRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &DiagramExportDialog::updatePath);
    connect(m_all, &QRadioButton::toggled, this, &DiagramExportDialog::updatePath);
    connect(browse, &QPushButton::clicked, this, [this] {
        const DiagramExportRequest r = request();
        const bool folder = r.allOptions && r.format != DiagramFormat::Pdf;
        const QString path
            = folder ? QFileDialog::getExistingDirectory(this, tr("Export into folder"), r.path)
                     : QFileDialog::getSaveFileName(this, tr("Export diagram"), r.path);
        if (!path.isEmpty())
            m_path->setText(QDir::toNativeSeparators(path));
    });
    updatePath();
}

// Suggests BASE-OPTION.svg / .png for one option, BASE.pdf for a PDF, and the folder BASE for
// SVG or PNG files of every option; the user's own folder is kept.
void DiagramExportDialog::updatePath()
{
    const DiagramExportRequest r = request();
    m_scale->setEnabled(r.format == DiagramFormat::Png);
    const QString dir = m_path->text().isEmpty()
                            ? QFileInfo(m_base).absolutePath()
                            : QFileInfo(QDir::fromNativeSeparators(m_path->text())).absolutePath();
    const QString stem = QFileInfo(m_base).fileName();
    QString name;
    if (r.format == DiagramFormat::Pdf)
        name = stem + (r.allOptions ? QString() : QLatin1Char('-') + m_option)
               + QStringLiteral(".pdf");
    else if (r.allOptions)
        name = stem + QStringLiteral("-diagrams");
    else
        name = stem + QLatin1Char('-') + m_option + QLatin1Char('.') + diagramFormatId(r.format);
    m_path->setText(QDir::toNativeSeparators(QDir(dir).filePath(name)));
}

DiagramExportRequest DiagramExportDialog::request() const
{
    DiagramExportRequest r;
    r.format = *diagramFormatFromId(m_format->currentData().toString());
    r.allOptions = m_all->isChecked();
    r.scale = m_scale->value();
    r.badges = m_badges->isChecked();
    r.theme = *themeFromId(m_theme->currentData().toString());
    r.path = QDir::fromNativeSeparators(m_path->text());
    return r;
}

} // namespace stackplan
