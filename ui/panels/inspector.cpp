#include "panels/inspector.h"

#include "document.h"
#include "panels/componentinspector.h"
#include "panels/connectioninspector.h"
#include "panels/projectinspector.h"
#include "profiles/catalogue.h"

#include <QLabel>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace stackplan {

Inspector::Inspector(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel)
    , m_subtitle(new QLabel)
    , m_scroll(new QScrollArea)
    , m_components(new ComponentInspector(document))
    , m_connections(new ConnectionInspector(document))
    , m_project(new ProjectInspector(document))
{
    setObjectName(QStringLiteral("Inspector"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long name wraps (or is cut) instead of widening the dock and squeezing the canvas.
    m_title->setWordWrap(true);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_subtitle->setStyleSheet(QStringLiteral("color: #607d8b;"));
    m_subtitle->setWordWrap(true);
    auto *header = new QWidget;
    auto *h = new QVBoxLayout(header);
    h->setContentsMargins(10, 8, 10, 6);
    h->setSpacing(2);
    h->addWidget(m_title);
    h->addWidget(m_subtitle);

    // Pages are shown one at a time; hidden pages take no room, so the scroll range fits the
    // page in view.
    auto *content = new QWidget;
    auto *c = new QVBoxLayout(content);
    c->setContentsMargins(4, 0, 8, 8);
    for (QWidget *page : {static_cast<QWidget *>(m_project), static_cast<QWidget *>(m_components),
                          static_cast<QWidget *>(m_connections)}) {
        c->addWidget(page);
        page->hide();
    }
    c->addStretch(1);
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_scroll, 1);

    connect(document->editor(), &ProjectEditor::changed, this, &Inspector::refresh);
    connect(document, &Document::currentOptionChanged, this, [this] { setSelection({}, {}); });
    refresh();
}

QWidget *Inspector::currentPage() const
{
    return m_current;
}

void Inspector::showPage(QWidget *page)
{
    if (m_current == page)
        return;
    if (m_current)
        m_current->hide();
    m_current = page;
    page->show();
}

QString Inspector::title() const
{
    return m_title->text();
}

void Inspector::setSelection(const QStringList &componentIds, const QStringList &connectionIds)
{
    m_componentIds = componentIds;
    m_connectionIds = connectionIds;
    m_components->setComponents(componentIds);
    m_connections->setConnections(connectionIds);
    refresh();
}

void Inspector::refresh()
{
    const Option *o = m_document->currentOption();
    QStringList comps, conns;
    for (const auto &id : std::as_const(m_componentIds))
        if (o && o->component(id))
            comps << id;
    for (const auto &id : std::as_const(m_connectionIds))
        if (o && o->connection(id))
            conns << id;
    if (comps != m_componentIds || conns != m_connectionIds) {
        m_componentIds = comps;
        m_connectionIds = conns;
        m_components->setComponents(comps);
        m_connections->setConnections(conns);
    }

    if (!comps.isEmpty()) {
        showPage(m_components);
        m_components->refresh();
        if (comps.size() == 1) {
            const Component *c = o->component(comps.front());
            m_title->setText(c->name);
            QString binding = tr("not bound");
            if (c->binding.isBound()) {
                const Profile *p = m_document->catalogue()
                                       ? m_document->catalogue()->profile(c->binding.profile)
                                       : nullptr;
                binding = p ? p->name : c->binding.profile;
            }
            m_subtitle->setText(tr("%1 · %2").arg(roleLabel(c->role), binding));
        } else {
            m_title->setText(tr("%1 components").arg(comps.size()));
            m_subtitle->setText(conns.isEmpty()
                                    ? tr("Edits apply to all of them")
                                    : tr("Edits apply to all of them; %n connection(s) also "
                                         "selected",
                                         nullptr, int(conns.size())));
        }
    } else if (!conns.isEmpty()) {
        showPage(m_connections);
        m_connections->refresh();
        m_title->setText(conns.size() == 1 ? tr("Connection")
                                           : tr("%1 connections").arg(conns.size()));
        m_subtitle->setText(conns.size() == 1 ? o->connection(conns.front())->id
                                              : tr("Edits apply to all of them"));
    } else {
        showPage(m_project);
        m_project->refresh();
        m_title->setText(m_document->project().name);
        m_subtitle->setText(tr("Project assumptions and the current option"));
    }
}

void Inspector::focusField(const QString &key)
{
    if (QWidget *f = m_components->focusField(key)) {
        m_scroll->ensureWidgetVisible(f);
        // Once more after the unfolded section is laid out.
        QTimer::singleShot(0, this, [this, f] { m_scroll->ensureWidgetVisible(f); });
    }
}

} // namespace stackplan
