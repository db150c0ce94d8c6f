#include "panels/connectioninspector.h"

#include "document.h"
#include "editor/edit.h"
#include "panels/fieldeditors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <functional>

namespace stackplan {

ConnectionInspector::ConnectionInspector(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_ends(new QLabel)
    , m_protocol(new QComboBox)
    , m_via(new QComboBox)
    , m_pooled(new QCheckBox)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *section = new Section(tr("Connection"));
    layout->addWidget(section);
    layout->addStretch(1);
    m_ends->setWordWrap(true);
    for (const Protocol p : kAllProtocols)
        m_protocol->addItem(protocolId(p), protocolId(p));
    m_protocol->setPlaceholderText(tr("mixed"));
    m_via->setPlaceholderText(tr("mixed"));
    m_via->setToolTip(tr("A component the connection passes through, such as a connection "
                         "pooler or a proxy"));
    section->form()->addRow(tr("Between"), m_ends);
    section->form()->addRow(tr("Protocol"), m_protocol);
    section->form()->addRow(tr("Via"), m_via);
    section->form()->addRow(tr("Pooled"), m_pooled);
    m_pooled->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_pooled->setToolTip(tr("Goes through the target's own connection pooler"));

    auto apply = [this](const QString &key, const QString &what,
                        const std::function<void(Connection &)> &f) {
        const Option *o = m_document->currentOption();
        if (m_loading || !o)
            return;
        std::vector<Connection> changed;
        for (const auto &id : m_ids)
            if (const Connection *c = o->connection(id)) {
                Connection copy = *c;
                f(copy);
                changed.push_back(copy);
            }
        const QString text = changed.size() == 1
                                 ? tr("Edit %1 of connection").arg(what)
                                 : tr("Edit %1 of %2 connections").arg(what).arg(changed.size());
        m_document->push(
            updateConnectionsEdit(m_document->project(), o->id, changed, text),
            QStringLiteral("connection/%1/%2/%3").arg(o->id, m_ids.join(QLatin1Char(',')), key));
    };
    connect(m_protocol, &QComboBox::currentIndexChanged, this, [this, apply](int i) {
        if (i < 0)
            return;
        const auto p = protocolFromId(m_protocol->itemData(i).toString());
        if (p)
            apply(QStringLiteral("protocol"), tr("protocol"),
                  [&](Connection &c) { c.protocol = *p; });
    });
    connect(m_via, &QComboBox::currentIndexChanged, this, [this, apply](int i) {
        if (i < 0)
            return;
        const QString via = m_via->itemData(i).toString();
        apply(QStringLiteral("via"), tr("via"), [&](Connection &c) { c.via = via; });
    });
    connect(m_pooled, &QCheckBox::clicked, this, [apply](bool on) {
        apply(QStringLiteral("pooled"), tr("pooling"), [&](Connection &c) { c.pooled = on; });
    });
}

void ConnectionInspector::setConnections(const QStringList &ids)
{
    m_ids = ids;
    refresh();
}

void ConnectionInspector::refresh()
{
    const Option *o = m_document->currentOption();
    if (!o)
        return;
    std::vector<const Connection *> sel;
    for (const auto &id : m_ids)
        if (const Connection *c = o->connection(id))
            sel.push_back(c);
    if (sel.empty())
        return;
    m_loading = true;
    auto name = [o](const QString &id) {
        const Component *c = o->component(id);
        return c ? c->name : id;
    };
    auto same = [&](auto get) {
        for (const Connection *c : sel)
            if (!(get(*c) == get(*sel.front())))
                return false;
        return true;
    };
    if (sel.size() == 1)
        m_ends->setText(tr("%1 → %2").arg(name(sel.front()->from), name(sel.front()->to)));
    else
        m_ends->setText(tr("%1 connections").arg(sel.size()));

    const bool sameProtocol = same([](const Connection &c) { return c.protocol; });
    m_protocol->setCurrentIndex(
        sameProtocol ? m_protocol->findData(protocolId(sel.front()->protocol)) : -1);

    // Via candidates: any component that is not an end of a selected connection.
    QList<std::pair<QString, QString>> vias{{tr("Direct"), QString()}};
    for (const auto &c : o->components) {
        bool isEnd = false;
        for (const Connection *conn : sel)
            isEnd = isEnd || conn->from == c.id || conn->to == c.id;
        if (!isEnd)
            vias.append({c.name, c.id});
    }
    // The candidates depend on the selection only, never on the via just chosen, so this never
    // rebuilds the combo box while it reports a change.
    setComboItems(m_via, vias);
    const bool sameVia = same([](const Connection &c) { return c.via; });
    m_via->setCurrentIndex(sameVia ? m_via->findData(sel.front()->via) : -1);

    const bool samePooled = same([](const Connection &c) { return c.pooled; });
    m_pooled->setCheckState(!samePooled           ? Qt::PartiallyChecked
                            : sel.front()->pooled ? Qt::Checked
                                                  : Qt::Unchecked);
    m_loading = false;
}

} // namespace stackplan
