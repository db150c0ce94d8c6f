#pragma once

#include "export/bundle.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace stackplan {

class Document;

// File → Export → Deployment Bundle…: pick the options and the folder (or a zip), preview the
// file tree, each file's text and the notes (what was not exported, what was assumed, the manual
// steps) before anything is written, then write through the same core functions as
// `stackplan export`. Errors are shown in the dialog; after a successful export an "Open Folder"
// button appears.
class BundleExportDialog : public QDialog
{
    Q_OBJECT
public:
    BundleExportDialog(Document *document, const QString &suggestedFolder, QWidget *parent = nullptr);

    // The bundles the preview shows (one per checked option).
    const std::vector<Bundle> &bundles() const { return m_bundles; }
    QString target() const;
    // Writes the previewed bundles; false with `error()` set on failure. A non-empty folder or an
    // existing zip is replaced only after the user agrees.
    bool exportNow();
    QString error() const { return m_error; }
    QString writtenTo() const { return m_written; }

signals:
    void exported(const QString &path);

private:
    void rebuild();
    void showFile();
    void toggleZip(bool zip);

    Document *m_document;
    std::vector<Bundle> m_bundles;
    QListWidget *m_options;
    QLineEdit *m_path;
    QCheckBox *m_zip;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_file;
    QListWidget *m_notes;
    QLabel *m_summary;
    QLabel *m_status;
    QPushButton *m_export;
    QPushButton *m_open;
    QString m_error;
    QString m_written;
};

} // namespace stackplan
