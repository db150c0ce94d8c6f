#include "panels/componentinspector.h"

#include "document.h"
#include "editor/edit.h"
#include "panels/componentinspector_p.h"
#include "panels/fieldeditors.h"
#include "profiles/profile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

namespace stackplan {

using inspector::common;

namespace {

constexpr char kFoldedKey[] = "inspector/foldedSections";

std::optional<double> toDouble(const std::optional<int> &v)
{
    return v ? std::optional<double>(*v) : std::nullopt;
}

std::optional<int> toInt(const std::optional<double> &v)
{
    return v ? std::optional<int>(int(*v)) : std::nullopt;
}

// "Memory" → "memory" for undo texts; acronyms ("CPU per request", "vCPU") stay as they are.
QString lowerFirst(const QString &label)
{
    if (label.size() > 1 && label.at(0).isUpper() && label.at(1).isLower())
        return label.at(0).toLower() + label.mid(1);
    return label;
}

} // namespace

ComponentInspector::ComponentInspector(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    Section *identity = addSection(QStringLiteral("identity"), tr("Identity"));
    addText(
        identity, QStringLiteral("name"), tr("Name"), [](const Component &c) { return c.name; },
        [](Component &c, const QString &v) { c.name = v; });
    m_idLabel = new QLabel;
    m_idLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_idLabel->setToolTip(tr("The stable id used in the project file and in exported configs"));
    identity->form()->addRow(tr("Id"), m_idLabel);
    QList<std::pair<QString, QString>> roles;
    for (const Role r : kAllRoles)
        roles.append({roleId(r), roleLabel(r)});
    addChoice(
        identity, QStringLiteral("role"), tr("Role"), roles,
        [](const Component &c) { return roleId(c.role); },
        [](Component &c, const QString &v) { c.role = roleFromId(v).value_or(c.role); });
    addText(
        identity, QStringLiteral("description"), tr("Description"),
        [](const Component &c) { return c.description; },
        [](Component &c, const QString &v) { c.description = v; });
    addText(
        identity, QStringLiteral("region"), tr("Region"),
        [](const Component &c) { return c.region; },
        [](Component &c, const QString &v) { c.region = v; });
    addText(
        identity, QStringLiteral("domain"), tr("Domain"),
        [](const Component &c) { return c.domain; },
        [](Component &c, const QString &v) { c.domain = v.trimmed(); });

    // The platform binding is the most important choice: straight after identity, before the
    // workload fields its limits constrain.
    buildBinding(addSection(QStringLiteral("binding"), tr("Platform")));

    Section *runtime = addSection(QStringLiteral("runtime"), tr("Runtime"));
    auto *language = addText(
        runtime, QStringLiteral("language"), tr("Language"),
        [](const Component &c) { return c.workload.language; },
        [](Component &c, const QString &v) { c.workload.language = v; });
    auto *completer = new QCompleter(runtimeIds(), language);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    language->setCompleter(completer);
    connect(completer, qOverload<const QString &>(&QCompleter::activated), language,
            &QLineEdit::editingFinished);
    addText(
        runtime, QStringLiteral("runtime-version"), tr("Version"),
        [](const Component &c) { return c.workload.runtimeVersion; },
        [](Component &c, const QString &v) { c.workload.runtimeVersion = v; });
    addText(
        runtime, QStringLiteral("framework"), tr("Framework"),
        [](const Component &c) { return c.workload.framework; },
        [](Component &c, const QString &v) { c.workload.framework = v; });
    addList(
        runtime, QStringLiteral("packages"), tr("Packages"), true,
        [](const Component &c) { return c.workload.packages; },
        [](Component &c, const QStringList &v) { c.workload.packages = v; });
    addInteger(
        runtime, QStringLiteral("port"), tr("Port"), QString(),
        [](const Component &c) { return c.workload.port; },
        [](Component &c, const std::optional<int> &v) { c.workload.port = v; })
        ->setRange(1, 65535);
    addList(
        runtime, QStringLiteral("routes"), tr("Routes"), false,
        [](const Component &c) { return c.workload.routes; },
        [](Component &c, const QStringList &v) { c.workload.routes = v; });
    addText(
        runtime, QStringLiteral("start-command"), tr("Start command"),
        [](const Component &c) { return c.workload.startCommand; },
        [](Component &c, const QString &v) { c.workload.startCommand = v.trimmed(); });
    addText(
        runtime, QStringLiteral("health-path"), tr("Health check path"),
        [](const Component &c) { return c.workload.healthPath; },
        [](Component &c, const QString &v) {
            const QString path = v.trimmed();
            c.workload.healthPath
                = path.isEmpty() || path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path;
        });

    Section *workload = addSection(QStringLiteral("workload"), tr("Workload"));
    auto wnum = [&](const char *key, const QString &label, const QString &unit,
                    std::optional<double> Workload::*field, const char *limit = nullptr) {
        return addNumber(
            workload, QString::fromLatin1(key), label, unit,
            [field](const Component &c) { return c.workload.*field; },
            [field](Component &c, const std::optional<double> &v) { c.workload.*field = v; },
            limit ? QString::fromLatin1(limit) : QString());
    };
    auto wint = [&](const char *key, const QString &label, const QString &unit,
                    std::optional<int> Workload::*field, const char *limit = nullptr) {
        return addInteger(
            workload, QString::fromLatin1(key), label, unit,
            [field](const Component &c) { return c.workload.*field; },
            [field](Component &c, const std::optional<int> &v) { c.workload.*field = v; },
            limit ? QString::fromLatin1(limit) : QString());
    };
    wnum("memory", tr("Memory"), tr("MB"), &Workload::memoryMb, "memory_mb");
    wnum("cpu", tr("CPU per request"), tr("ms"), &Workload::cpuMsPerRequest, "cpu_ms");
    wnum("request", tr("Request duration"), tr("ms"), &Workload::requestMs);
    wnum("longest-request", tr("Longest request"), tr("s"), &Workload::longestRequestS,
         "request_timeout_s");
    wnum("artifact", tr("Artifact size"), tr("MB"), &Workload::artifactMb, "artifact_mb");
    wnum("vcpu", tr("vCPU"), tr("vCPU"), &Workload::vcpu, "vcpu");
    wnum("hours", tr("Running hours"), tr("h/month"), &Workload::hoursPerMonth)->setRange(0, 744);
    wint("connection-pool", tr("Connection pool"), tr("/instance"), &Workload::connectionPool,
         "outbound_connections");
    wint("min-instances", tr("Min instances"), QString(), &Workload::minInstances);
    wint("max-instances", tr("Max instances"), QString(), &Workload::maxInstances, "max_instances");

    Section *features = addSection(QStringLiteral("features"), tr("Features"));
    addFlag(
        features, QStringLiteral("websockets"), tr("WebSockets"),
        [](const Component &c) { return c.workload.websockets; },
        [](Component &c, const bool &v) { c.workload.websockets = v; });
    addFlag(
        features, QStringLiteral("streaming"), tr("Streaming"),
        [](const Component &c) { return c.workload.streaming; },
        [](Component &c, const bool &v) { c.workload.streaming = v; });
    addChoice(
        features, QStringLiteral("filesystem"), tr("Filesystem"),
        {{QStringLiteral("none"), tr("None")},
         {QStringLiteral("temporary"), tr("Temporary, per request")},
         {QStringLiteral("persistent"), tr("Persistent")}},
        [](const Component &c) { return filesystemNeedId(c.workload.filesystem); },
        [](Component &c, const QString &v) {
            c.workload.filesystem = filesystemNeedFromId(v).value_or(FilesystemNeed::None);
        });
    addFlag(
        features, QStringLiteral("background-jobs"), tr("Background jobs"),
        [](const Component &c) { return c.workload.backgroundJobs; },
        [](Component &c, const bool &v) { c.workload.backgroundJobs = v; });
    addList(
        features, QStringLiteral("scheduled-jobs"), tr("Scheduled jobs"), false,
        [](const Component &c) { return c.workload.scheduledJobs; },
        [](Component &c, const QStringList &v) { c.workload.scheduledJobs = v; });

    Section *traffic = addSection(QStringLiteral("traffic"), tr("Traffic"));
    auto tnum = [&](const char *key, const QString &label, const QString &unit,
                    std::optional<double> Traffic::*field, const char *limit = nullptr) {
        addNumber(
            traffic, QString::fromLatin1(key), label, unit,
            [field](const Component &c) { return c.traffic.*field; },
            [field](Component &c, const std::optional<double> &v) { c.traffic.*field = v; },
            limit ? QString::fromLatin1(limit) : QString());
    };
    tnum("requests", tr("Requests"), tr("/month"), &Traffic::requestsPerMonth);
    tnum("egress", tr("Egress"), tr("GB/month"), &Traffic::egressGb);
    tnum("storage", tr("Storage"), tr("GB"), &Traffic::storageGb, "storage_gb");
    tnum("reads", tr("Reads"), tr("/month"), &Traffic::readsPerMonth);
    tnum("writes", tr("Writes"), tr("/month"), &Traffic::writesPerMonth);
    tnum("vectors", tr("Vectors stored"), QString(), &Traffic::vectorsStored, "vectors");
    tnum("vector-queries", tr("Vector queries"), tr("/month"), &Traffic::vectorQueriesPerMonth);
    addInteger(
        traffic, QStringLiteral("vector-dimensions"), tr("Vector dimensions"), QString(),
        [](const Component &c) { return c.traffic.vectorDimensions; },
        [](Component &c, const std::optional<int> &v) { c.traffic.vectorDimensions = v; },
        QStringLiteral("vector_dimensions"));
    tnum("neurons", tr("AI neurons"), tr("/month"), &Traffic::neuronsPerMonth);
    addInteger(
        traffic, QStringLiteral("vector-indexes"), tr("Vector indexes"), QString(),
        [](const Component &c) { return c.traffic.vectorIndexes; },
        [](Component &c, const std::optional<int> &v) { c.traffic.vectorIndexes = v; },
        QStringLiteral("vector_indexes"));
    tnum("websocket-messages", tr("WebSocket messages in"), tr("/month"),
         &Traffic::websocketMessagesPerMonth);
    tnum("message-kb", tr("Message size"), tr("KB"), &Traffic::messageKb);
    addInteger(
        traffic, QStringLiteral("read-replicas"), tr("Read replicas"), QString(),
        [](const Component &c) { return c.traffic.readReplicas; },
        [](Component &c, const std::optional<int> &v) { c.traffic.readReplicas = v; });
    tnum("busiest-day", tr("Busiest day"), tr("× average"), &Traffic::busiestDayFactor);

    buildEnvironment(addSection(QStringLiteral("environment"), tr("Environment")));
    layout->addStretch(1);
    Section::alignLabels(m_sections.values());
    m_fields.value(QStringLiteral("background-jobs"))
        ->setToolTip(tr("An in-process scheduler or background threads that outlive a request"));
    m_fields.value(QStringLiteral("streaming"))
        ->setToolTip(tr("Responses are streamed (server-sent events, chunked LLM output)"));
    m_fields.value(QStringLiteral("scheduled-jobs"))
        ->setToolTip(tr("Cron expressions or job names, one per line"));
    m_fields.value(QStringLiteral("domain"))
        ->setToolTip(tr("Public host name, e.g. api.example.com (used by exports)"));
    m_fields.value(QStringLiteral("start-command"))
        ->setToolTip(tr("The command that starts the process, e.g. uvicorn main:app --port 8080"));
    m_fields.value(QStringLiteral("health-path"))
        ->setToolTip(tr("An HTTP path that answers 200 when the service is healthy, e.g. /health"));
    m_fields.value(QStringLiteral("connection-pool"))
        ->setToolTip(tr("Outbound (database) connections each instance keeps open"));
}

QStringList ComponentInspector::sectionOrder() const
{
    QStringList keys;
    for (int i = 0; i < layout()->count(); ++i)
        if (auto *s = qobject_cast<Section *>(layout()->itemAt(i)->widget()))
            keys << s->objectName();
    return keys;
}

QWidget *ComponentInspector::focusField(const QString &key)
{
    QWidget *f = m_fields.value(key);
    if (!f)
        return nullptr;
    for (QWidget *w = f->parentWidget(); w && w != this; w = w->parentWidget())
        if (auto *s = qobject_cast<Section *>(w))
            s->setExpanded(true);
    // A composite editor (number with unit and hint) takes focus in its line edit.
    QWidget *target = f;
    if (!f->focusProxy() && f->focusPolicy() == Qt::NoFocus)
        if (auto *edit = f->findChild<QLineEdit *>())
            target = edit;
    target->setFocus(Qt::OtherFocusReason);
    return f;
}

Section *ComponentInspector::addSection(const QString &key, const QString &title)
{
    auto *s = new Section(title);
    s->setObjectName(key);
    m_sections.insert(key, s);
    layout()->addWidget(s);
    // Folded sections stay folded across selections and sessions.
    const QStringList folded = QSettings().value(QLatin1String(kFoldedKey)).toStringList();
    if (folded.contains(key))
        s->setExpanded(false);
    connect(s->header(), &QToolButton::toggled, this, [key](bool expanded) {
        QSettings settings;
        QStringList folded = settings.value(QLatin1String(kFoldedKey)).toStringList();
        folded.removeAll(key);
        if (!expanded)
            folded.append(key);
        settings.setValue(QLatin1String(kFoldedKey), folded);
    });
    return s;
}

TextField *ComponentInspector::addText(Section *s, const QString &key, const QString &label,
                                       Getter<QString> get, Setter<QString> set)
{
    auto *edit = new TextField;
    s->form()->addRow(label, edit);
    m_fields.insert(key, edit);
    m_loaders.push_back([edit, get](const Selection &sel) {
        if (const auto v = common<QString>(sel, get))
            edit->setValue(*v);
        else
            edit->setMixed();
    });
    auto commit = [this, key, label, set](const QString &text) {
        if (key == QLatin1String("name") && text.trimmed().isEmpty())
            return; // a box always has a name; keep the old one until something is typed
        apply(key, lowerFirst(label), [&](Component &c) { set(c, text); });
    };
    connect(edit, &QLineEdit::textEdited, this, commit);
    // A completion chosen from the popup changes the text without textEdited.
    connect(edit, &QLineEdit::editingFinished, this, [edit, commit] { commit(edit->text()); });
    return edit;
}

NumberField *ComponentInspector::addNumber(Section *s, const QString &key, const QString &label,
                                           const QString &unit, Getter<std::optional<double>> get,
                                           Setter<std::optional<double>> set,
                                           const QString &limitKey)
{
    auto *field = new NumberField(unit, false);
    s->form()->addRow(label, field);
    m_fields.insert(key, field);
    m_loaders.push_back([field, get](const Selection &sel) {
        if (const auto v = common<std::optional<double>>(sel, get))
            field->setValue(*v);
        else
            field->setMixed();
    });
    connect(field, &NumberField::valueEdited, this,
            [this, key, label, set](std::optional<double> v) {
                apply(key, lowerFirst(label), [&](Component &c) { set(c, v); });
            });
    if (!limitKey.isEmpty())
        m_limitHints.push_back({limitKey, field, get});
    return field;
}

NumberField *ComponentInspector::addInteger(Section *s, const QString &key, const QString &label,
                                            const QString &unit, Getter<std::optional<int>> get,
                                            Setter<std::optional<int>> set, const QString &limitKey)
{
    auto *field = new NumberField(unit, true);
    s->form()->addRow(label, field);
    m_fields.insert(key, field);
    auto getDouble = [get](const Component &c) {
        return toDouble(get(c));
    };
    m_loaders.push_back([field, getDouble](const Selection &sel) {
        if (const auto v = common<std::optional<double>>(sel, getDouble))
            field->setValue(*v);
        else
            field->setMixed();
    });
    connect(field, &NumberField::valueEdited, this,
            [this, key, label, set](std::optional<double> v) {
                apply(key, lowerFirst(label), [&](Component &c) { set(c, toInt(v)); });
            });
    if (!limitKey.isEmpty())
        m_limitHints.push_back({limitKey, field, getDouble});
    return field;
}

QCheckBox *ComponentInspector::addFlag(Section *s, const QString &key, const QString &label,
                                       Getter<bool> get, Setter<bool> set)
{
    auto *box = new QCheckBox;
    box->setAccessibleName(label);
    box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    s->form()->addRow(label, box);
    m_fields.insert(key, box);
    m_loaders.push_back([box, get](const Selection &sel) {
        const auto v = common<bool>(sel, get);
        box->setCheckState(!v ? Qt::PartiallyChecked : *v ? Qt::Checked : Qt::Unchecked);
    });
    connect(box, &QCheckBox::clicked, this, [this, key, label, set](bool checked) {
        apply(key, lowerFirst(label), [&](Component &c) { set(c, checked); });
    });
    return box;
}

QComboBox *ComponentInspector::addChoice(Section *s, const QString &key, const QString &label,
                                         const QList<std::pair<QString, QString>> &items,
                                         Getter<QString> get, Setter<QString> set)
{
    auto *combo = new QComboBox;
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(10);
    for (const auto &[id, text] : items)
        combo->addItem(text, id);
    combo->setPlaceholderText(tr("mixed"));
    s->form()->addRow(label, combo);
    m_fields.insert(key, combo);
    m_loaders.push_back([combo, get](const Selection &sel) {
        const auto v = common<QString>(sel, get);
        combo->setCurrentIndex(v ? combo->findData(*v) : -1);
    });
    connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, key, label, set](int i) {
        if (m_loading || i < 0)
            return;
        const QString v = combo->itemData(i).toString();
        apply(key, lowerFirst(label), [&](Component &c) { set(c, v); });
    });
    return combo;
}

ListField *ComponentInspector::addList(Section *s, const QString &key, const QString &label,
                                       bool packages, Getter<QStringList> get,
                                       Setter<QStringList> set)
{
    auto *field = new ListField(packages);
    s->form()->addRow(label, field);
    m_fields.insert(key, field);
    m_loaders.push_back([field, get](const Selection &sel) {
        if (const auto v = common<QStringList>(sel, get))
            field->setList(*v);
        else
            field->setMixed();
    });
    connect(field, &ListField::listEdited, this, [this, key, label, set](const QStringList &v) {
        if (!m_loading)
            apply(key, lowerFirst(label), [&](Component &c) { set(c, v); });
    });
    return field;
}

ComponentInspector::Selection ComponentInspector::selection() const
{
    Selection sel;
    if (const Option *o = m_document->currentOption())
        for (const auto &id : m_ids)
            if (const Component *c = o->component(id))
                sel.push_back(c);
    return sel;
}

void ComponentInspector::setComponents(const QStringList &ids)
{
    m_ids = ids;
    refresh();
}

void ComponentInspector::refresh()
{
    const Selection sel = selection();
    if (sel.empty())
        return;
    m_loading = true;
    m_idLabel->setText(sel.size() == 1 ? sel.front()->id : tr("%1 components").arg(sel.size()));
    for (const auto &load : m_loaders)
        load(sel);
    loadEnvironment(sel);
    loadBinding(sel);
    updateLimitHints(sel);
    m_loading = false;
}

void ComponentInspector::apply(const QString &key, const QString &what,
                               const std::function<void(Component &)> &f)
{
    if (m_loading)
        return;
    const Option *o = m_document->currentOption();
    const Selection sel = selection();
    if (!o || sel.empty())
        return;
    std::vector<Component> changed;
    for (const Component *c : sel) {
        Component copy = *c;
        f(copy);
        changed.push_back(std::move(copy));
    }
    const QString text = sel.size() == 1 ? tr("Edit %1 of %2").arg(what, sel.front()->name)
                                         : tr("Edit %1 of %2 components").arg(what).arg(sel.size());
    const QString mergeKey
        = QStringLiteral("inspector/%1/%2/%3").arg(o->id, m_ids.join(QLatin1Char(',')), key);
    const Edit edit = updateComponentsEdit(m_document->project(), o->id, changed, text);
    // Table edits are discrete commits and never merge; typing in a field does.
    m_document->push(edit, key.startsWith(QLatin1String("env")) ? QString() : mergeKey);
}

} // namespace stackplan
