#pragma once

#include <QObject>
#include <QString>

namespace stackplan {

class Document;

// Option-level actions of the tabs and the Option menu: add, duplicate (a deep copy with its
// layout), rename, delete, reorder and mark as baseline. Each is one undoable edit through the
// Document; adding or duplicating switches the canvas to the new option.
class OptionController : public QObject
{
    Q_OBJECT
public:
    explicit OptionController(Document *document, QObject *parent = nullptr);

    // Return the new option's id, or an empty string if nothing was added.
    QString addOption(const QString &name = QString());
    QString duplicateOption(const QString &id, const QString &name = QString());
    bool renameOption(const QString &id, const QString &name);
    bool removeOption(const QString &id);
    bool moveOption(const QString &id, int index);
    // Puts the options in this order (a permutation of their ids), as one step.
    bool reorderOptions(const QStringList &orderedIds);
    bool setBaseline(const QString &id);

private:
    Document *m_document;
};

} // namespace stackplan
