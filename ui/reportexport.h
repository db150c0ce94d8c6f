#pragma once

#include "render/report.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace stackplan {

class Document;

// The review pack of the document as it is now: the values the pack shows, from the document's
// project and catalogue.
ReportInput reportInput(Document &document);

// Writes the pack with a progress dialog (cancellable) while the parts are laid out.
ReportResult writeReportWithProgress(Document &document, ReportFormat format,
                                     const QString &path, QWidget *parent);

// File → Export → Review pack…: format (PDF or HTML) and where to save it.
class ReportExportDialog : public QDialog
{
    Q_OBJECT
public:
    ReportExportDialog(const QString &suggestedBase, QWidget *parent = nullptr);
    ReportFormat format() const;
    QString path() const;

private:
    void updatePath();

    QString m_base;
    QComboBox *m_format;
    QLineEdit *m_path;
};

} // namespace stackplan
