#pragma once

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;

namespace stackplan {

class Document;

// Edits the selected connections: protocol, the component they pass through (via) and whether
// they use the target's own pooler. Several connections show common values or "mixed" and are
// edited together in one undo step.
class ConnectionInspector : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionInspector(Document *document, QWidget *parent = nullptr);

    void setConnections(const QStringList &ids);
    QStringList connections() const { return m_ids; }
    void refresh();

    QComboBox *protocolCombo() const { return m_protocol; }
    QComboBox *viaCombo() const { return m_via; }
    QCheckBox *pooledBox() const { return m_pooled; }

private:
    Document *m_document;
    QStringList m_ids;
    bool m_loading = false;
    QLabel *m_ends;
    QComboBox *m_protocol;
    QComboBox *m_via;
    QCheckBox *m_pooled;
};

} // namespace stackplan
