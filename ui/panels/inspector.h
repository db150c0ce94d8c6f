#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QScrollArea;

namespace stackplan {

class ComponentInspector;
class ConnectionInspector;
class Document;
class ProjectInspector;

// The inspector dock: the page for what is selected on the canvas — components, else
// connections, else the project and the current option — under a header naming it. It follows
// the model: every change re-reads the values shown, and elements that disappear leave the
// selection.
class Inspector : public QWidget
{
    Q_OBJECT
public:
    explicit Inspector(Document *document, QWidget *parent = nullptr);

    void setSelection(const QStringList &componentIds, const QStringList &connectionIds);
    ComponentInspector *componentPage() const { return m_components; }
    ConnectionInspector *connectionPage() const { return m_connections; }
    ProjectInspector *projectPage() const { return m_project; }
    QWidget *currentPage() const;
    QString title() const;
    // Shows the component page's field `key` (unfolded, scrolled to, focused).
    void focusField(const QString &key);

private:
    void refresh();
    void showPage(QWidget *page);

    Document *m_document;
    QStringList m_componentIds;
    QStringList m_connectionIds;
    QLabel *m_title;
    QLabel *m_subtitle;
    QWidget *m_current = nullptr;
    QScrollArea *m_scroll;
    ComponentInspector *m_components;
    ConnectionInspector *m_connections;
    ProjectInspector *m_project;
};

} // namespace stackplan
