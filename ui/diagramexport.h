#pragma once

#include "render/export.h"

#include <QDialog>
#include <QObject>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QRadioButton;

namespace stackplan {

class Document;

// What File → Export → Diagram… writes.
struct DiagramExportRequest {
    DiagramFormat format = DiagramFormat::Svg;
    bool allOptions = false;
    double scale = 2;
    bool badges = true;
    Theme theme = Theme::Light;
    QString path;
};

// Draws the document's options with the render library (findings computed now, so badges are
// current) for File → Export → Diagram… and Edit → Copy Diagram as Image. No dialogs: the main
// window shows errors.
class DiagramExporter : public QObject
{
    Q_OBJECT
public:
    explicit DiagramExporter(Document *document, QObject *parent = nullptr);

    Diagram diagram(const QString &optionId, bool badges = true, Theme theme = Theme::Light) const;
    ExportResult exportDiagrams(const DiagramExportRequest &request) const;
    // The current option as a PNG image (2×) and as SVG on the clipboard.
    void copyCurrentToClipboard() const;

private:
    Document *m_document;
};

// The options of a diagram export: format, current option or all, scale, badges, theme, path.
class DiagramExportDialog : public QDialog
{
    Q_OBJECT
public:
    DiagramExportDialog(const QString &suggestedBase, const QString &currentOptionId,
                        QWidget *parent = nullptr);
    DiagramExportRequest request() const;

private:
    void updatePath();

    QString m_base;
    QString m_option;
    QComboBox *m_format;
    QRadioButton *m_current;
    QRadioButton *m_all;
    QDoubleSpinBox *m_scale;
    QCheckBox *m_badges;
    QComboBox *m_theme;
    QLineEdit *m_path;
};

} // namespace stackplan
