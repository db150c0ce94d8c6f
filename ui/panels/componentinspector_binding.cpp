#include "panels/componentinspector.h"

#include "document.h"
#include "editor/edit.h"
#include "panels/componentinspector_p.h"
#include "panels/fieldeditors.h"
#include "profiles/catalogue.h"
#include "util/format.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

// The environment table and the binding section of the component inspector, with the plan
// limits shown beside the fields they constrain.

namespace stackplan {

using inspector::common;

namespace {
enum EnvColumn { EnvName, EnvSecret, EnvValue };
} // namespace

void ComponentInspector::buildEnvironment(Section *s)
{
    m_env = new QTableWidget(0, 3);
    m_env->setHorizontalHeaderLabels({tr("Name"), tr("Secret"), tr("Default value")});
    m_env->verticalHeader()->hide();
    m_env->horizontalHeader()->setSectionResizeMode(EnvName, QHeaderView::Stretch);
    m_env->horizontalHeader()->setSectionResizeMode(EnvSecret, QHeaderView::ResizeToContents);
    m_env->horizontalHeader()->setSectionResizeMode(EnvValue, QHeaderView::Stretch);
    m_env->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_env->setMinimumHeight(110);
    m_env->setToolTip(tr("Names of the environment variables the component reads. Secrets are "
                         "listed by name only; their values never go into the project."));
    m_fields.insert(QStringLiteral("env"), m_env);
    m_envAdd = new QPushButton(tr("Add"));
    m_envRemove = new QPushButton(tr("Remove"));
    m_envNote = new QLabel;
    m_envNote->setStyleSheet(QStringLiteral("color: #607d8b;"));
    m_envNote->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_envAdd);
    buttons->addWidget(m_envRemove);
    buttons->addStretch(1);
    auto *box = new QWidget;
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(m_env);
    v->addLayout(buttons);
    v->addWidget(m_envNote);
    s->form()->addRow(box);

    connect(m_env, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            applyEnvironmentTable();
    });
    connect(m_envAdd, &QPushButton::clicked, this, [this] {
        const Selection sel = selection();
        if (sel.empty())
            return;
        QStringList taken;
        for (const auto &e : sel.front()->env)
            taken << e.name;
        QString name = QStringLiteral("NEW_VARIABLE");
        for (int n = 2; taken.contains(name); ++n)
            name = QStringLiteral("NEW_VARIABLE_%1").arg(n);
        apply(QStringLiteral("env-add"), tr("environment"), [&](Component &c) {
            c.env.push_back(EnvVar{name, false, {}});
        });
        m_env->setCurrentCell(m_env->rowCount() - 1, EnvName);
        m_env->editItem(m_env->item(m_env->rowCount() - 1, EnvName));
    });
    connect(m_envRemove, &QPushButton::clicked, this, [this] {
        const int row = m_env->currentRow();
        if (row < 0)
            return;
        apply(QStringLiteral("env-remove"), tr("environment"), [&](Component &c) {
            if (row < int(c.env.size()))
                c.env.erase(c.env.begin() + row);
        });
    });
}

void ComponentInspector::applyEnvironmentTable()
{
    std::vector<EnvVar> env;
    QStringList names;
    for (int r = 0; r < m_env->rowCount(); ++r) {
        EnvVar e;
        e.name = m_env->item(r, EnvName) ? m_env->item(r, EnvName)->text().trimmed() : QString();
        e.secret
            = m_env->item(r, EnvSecret) && m_env->item(r, EnvSecret)->checkState() == Qt::Checked;
        if (!e.secret && m_env->item(r, EnvValue))
            e.value = m_env->item(r, EnvValue)->text();
        if (e.name.isEmpty() || names.contains(e.name)) {
            m_envNote->setText(e.name.isEmpty() ? tr("A variable needs a name")
                                                : tr("%1 is listed twice").arg(e.name));
            m_envNote->show();
            return;
        }
        names << e.name;
        env.push_back(e);
    }
    m_envNote->clear();
    m_envNote->hide();
    apply(QStringLiteral("env"), tr("environment"), [&](Component &c) { c.env = env; });
}

void ComponentInspector::loadEnvironment(const Selection &sel)
{
    const auto env = common<std::vector<EnvVar>>(sel, [](const Component &c) { return c.env; });
    m_env->setEnabled(env.has_value());
    m_envAdd->setEnabled(env.has_value());
    m_envRemove->setEnabled(env.has_value());
    m_envNote->setText(env ? QString() : tr("mixed: the selected components differ"));
    m_envNote->setVisible(!env);
    const std::vector<EnvVar> rows = env.value_or(std::vector<EnvVar>{});
    m_env->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        const EnvVar &e = rows[r];
        auto set = [&](int col, QTableWidgetItem *item) {
            QTableWidgetItem *old = m_env->item(r, col);
            if (old && old->text() == item->text() && old->checkState() == item->checkState()
                && old->flags() == item->flags()) {
                delete item;
                return;
            }
            m_env->setItem(r, col, item);
        };
        set(EnvName, new QTableWidgetItem(e.name));
        auto *secret = new QTableWidgetItem;
        secret->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        secret->setCheckState(e.secret ? Qt::Checked : Qt::Unchecked);
        set(EnvSecret, secret);
        auto *value = new QTableWidgetItem(e.secret ? QString() : e.value);
        if (e.secret) {
            value->setFlags(Qt::ItemIsSelectable);
            value->setToolTip(tr("Secret values are set on the platform, never in the project"));
        }
        set(EnvValue, value);
    }
}

void ComponentInspector::buildBinding(Section *s)
{
    m_profile = new QComboBox;
    m_plan = new QComboBox;
    m_instance = new QComboBox;
    for (auto *c : {m_profile, m_plan, m_instance}) {
        c->setPlaceholderText(tr("mixed"));
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(12);
    }
    m_fields.insert(QStringLiteral("profile"), m_profile);
    m_fields.insert(QStringLiteral("plan"), m_plan);
    m_fields.insert(QStringLiteral("instance"), m_instance);
    m_bindingNote = new QLabel;
    m_bindingNote->setWordWrap(true);
    m_bindingNote->setStyleSheet(QStringLiteral("color: #607d8b;"));
    s->form()->addRow(tr("Platform"), m_profile);
    s->form()->addRow(tr("Plan"), m_plan);
    s->form()->addRow(tr("Instance type"), m_instance);
    m_limitsSummary = new QLabel;
    m_limitsSummary->setObjectName(QStringLiteral("limitsSummary"));
    m_limitsSummary->setWordWrap(true);
    m_limitsSummary->setTextFormat(Qt::PlainText);
    s->form()->addRow(tr("Limits"), m_limitsSummary);
    s->form()->addRow(m_bindingNote);

    const Catalogue *catalogue = m_document->catalogue();
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this, catalogue](int i) {
        if (m_loading || i < 0)
            return;
        const QScopedValueRollback busy(m_busy, m_profile);
        const QString id = m_profile->itemData(i).toString();
        Binding b;
        if (const Profile *p = catalogue ? catalogue->profile(id) : nullptr) {
            b.profile = id;
            b.plan = p->plans.empty() ? QString() : p->plans.front().id;
            if (!p->plans.empty() && !p->plans.front().instances.empty())
                b.instance = p->plans.front().instances.front().id;
        }
        apply(QStringLiteral("profile"), tr("binding"), [&](Component &c) { c.binding = b; });
    });
    connect(m_plan, &QComboBox::currentIndexChanged, this, [this, catalogue](int i) {
        if (m_loading || i < 0)
            return;
        const QScopedValueRollback busy(m_busy, m_plan);
        const QString planId = m_plan->itemData(i).toString();
        apply(QStringLiteral("plan"), tr("plan"), [&](Component &c) {
            const Profile *p = catalogue ? catalogue->profile(c.binding.profile) : nullptr;
            const Plan *plan = p ? p->plan(planId) : nullptr;
            if (!plan)
                return;
            c.binding.plan = planId;
            if (!plan->instance(c.binding.instance))
                c.binding.instance
                    = plan->instances.empty() ? QString() : plan->instances.front().id;
        });
    });
    connect(m_instance, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (m_loading || i < 0)
            return;
        const QScopedValueRollback busy(m_busy, m_instance);
        const QString id = m_instance->itemData(i).toString();
        apply(QStringLiteral("instance"), tr("instance type"),
              [&](Component &c) { c.binding.instance = id; });
    });
}

void ComponentInspector::loadBinding(const Selection &sel)
{
    const Catalogue *catalogue = m_document->catalogue();
    // Profiles that can host every selected role, by name; the current one is kept even if it
    // cannot, so the combo never lies about the model.
    std::vector<const Profile *> hosts;
    if (catalogue)
        for (const auto &p : catalogue->profiles())
            if (std::all_of(sel.begin(), sel.end(),
                            [&](const Component *c) { return p.canHost(c->role); }))
                hosts.push_back(&p);
    std::sort(hosts.begin(), hosts.end(), [](const Profile *a, const Profile *b) {
        return QString::localeAwareCompare(a->name, b->name) < 0;
    });
    const auto profile = common<QString>(sel, [](const Component &c) { return c.binding.profile; });
    QStringList ids{QString()};
    for (const Profile *p : hosts)
        ids << p->id;
    if (profile && !ids.contains(*profile))
        ids << *profile;
    QList<std::pair<QString, QString>> items{{tr("Not bound"), QString()}};
    for (const QString &id : ids.mid(1)) {
        const Profile *p = catalogue ? catalogue->profile(id) : nullptr;
        const bool hosts = p && std::all_of(sel.begin(), sel.end(), [&](const Component *c) {
                               return p->canHost(c->role);
                           });
        items.append({!p      ? tr("%1 (unknown profile)").arg(id)
                      : hosts ? p->name
                              : tr("%1 (cannot host this role)").arg(p->name),
                      id});
    }
    bool complete = setComboItems(m_profile, items, m_busy);
    for (int i = 1; i < m_profile->count(); ++i)
        if (const Profile *p
            = catalogue ? catalogue->profile(m_profile->itemData(i).toString()) : nullptr)
            m_profile->setItemData(i, QStringLiteral("%1 — %2").arg(p->vendor, p->description),
                                   Qt::ToolTipRole);
    m_profile->setCurrentIndex(profile ? m_profile->findData(*profile) : -1);

    const Profile *p = profile && catalogue ? catalogue->profile(*profile) : nullptr;
    const auto plan = common<QString>(sel, [](const Component &c) { return c.binding.plan; });
    QList<std::pair<QString, QString>> plans;
    if (p)
        for (const auto &pl : p->plans)
            plans.append({pl.name.isEmpty() ? pl.id : pl.name, pl.id});
    complete = setComboItems(m_plan, plans, m_busy) && complete;
    m_plan->setEnabled(p != nullptr);
    // An unbound box has no plan: say so rather than "mixed".
    const bool unbound = profile && profile->isEmpty();
    m_plan->setPlaceholderText(unbound ? tr("not bound") : tr("mixed"));
    const Plan *resolvedPlan
        = p && plan ? (plan->isEmpty() ? &p->plans.front() : p->plan(*plan)) : nullptr;
    m_plan->setCurrentIndex(resolvedPlan ? m_plan->findData(resolvedPlan->id) : -1);

    const auto instance
        = common<QString>(sel, [](const Component &c) { return c.binding.instance; });
    const bool hasInstances = resolvedPlan && !resolvedPlan->instances.empty();
    QList<std::pair<QString, QString>> instances;
    if (hasInstances)
        for (const auto &in : resolvedPlan->instances)
            instances.append({in.name.isEmpty() ? in.id : in.name, in.id});
    complete = setComboItems(m_instance, instances, m_busy) && complete;
    m_instance->setEnabled(hasInstances);
    if (!complete) // a combo box could not be rebuilt while it was emitting; finish afterwards
        QMetaObject::invokeMethod(this, &ComponentInspector::refresh, Qt::QueuedConnection);
    m_instance->setCurrentIndex(hasInstances && instance ? m_instance->findData(*instance) : -1);
    if (!hasInstances)
        m_instance->setPlaceholderText(resolvedPlan ? tr("none on this plan")
                                       : unbound    ? tr("not bound")
                                                    : QString());
    else
        m_instance->setPlaceholderText(tr("mixed"));

    if (!profile)
        m_bindingNote->setText(tr("The selected components are bound differently."));
    else if (profile->isEmpty())
        m_bindingNote->setText(
            tr("Choose the platform this component runs on; only platforms that can host its "
               "role are listed."));
    else if (p)
        m_bindingNote->setText(tr("%1. The plan's limits are shown beside the fields they "
                                  "constrain.")
                                   .arg(p->vendor));
    else
        m_bindingNote->setText(tr("No profile \"%1\" in the catalogue.").arg(*profile));
}

void ComponentInspector::updateLimitHints(const Selection &sel)
{
    const auto binding = common<Binding>(sel, [](const Component &c) { return c.binding; });
    ResolvedBinding resolved;
    if (binding && binding->isBound() && m_document->catalogue())
        resolved = m_document->catalogue()->resolve(*binding);
    QStringList limits;
    if (resolved.isValid())
        for (const LimitKeyInfo &info : limitKeys())
            if (const Limit *limit = resolved.limit(QString::fromLatin1(info.key)))
                limits << tr("%1: %2 %3")
                              .arg(QString::fromLatin1(info.label), formatNumber(limit->value),
                                   QString::fromLatin1(info.unit))
                              .trimmed();
    m_limitsSummary->setText(!binding                ? tr("mixed")
                             : !binding->isBound()   ? tr("not bound")
                             : !resolved.isValid()   ? tr("unknown platform or plan")
                             : limits.isEmpty()      ? tr("none listed for this plan")
                                                     : limits.join(QLatin1Char('\n')));
    for (const auto &hint : m_limitHints) {
        const Limit *limit = resolved.isValid() ? resolved.limit(hint.key) : nullptr;
        if (!limit) {
            hint.field->clearHint();
            continue;
        }
        const LimitKeyInfo *info = limitKeyInfo(hint.key);
        const QString unit = info ? QString::fromLatin1(info->unit) : QString();
        QString text = limit->max
                           ? tr("limit %1 %3 by default, up to %2 %3")
                                 .arg(formatNumber(limit->value), formatNumber(*limit->max), unit)
                           : tr("limit %1 %2").arg(formatNumber(limit->value), unit);
        auto level = NumberField::HintLevel::Neutral;
        if (const auto v = common<std::optional<double>>(sel, hint.value); v && *v) {
            if (**v > limit->max.value_or(limit->value))
                level = NumberField::HintLevel::Exceeded;
            else if (**v > limit->value)
                level = NumberField::HintLevel::Warning;
        }
        const QString plan
            = resolved.plan->name.isEmpty() ? resolved.plan->id : resolved.plan->name;
        QString tip = tr("%1 on %2, %3 plan")
                          .arg(info ? QString::fromLatin1(info->label) : hint.key,
                               resolved.profile->name, plan);
        if (!limit->fact.source.isEmpty())
            tip += tr("\nSource: %1 (checked %2)")
                       .arg(limit->fact.source, limit->fact.checked.toString(Qt::ISODate));
        if (!limit->fact.note.isEmpty())
            tip += QLatin1Char('\n') + limit->fact.note;
        hint.field->setHint(text, level, tip);
    }
}

} // namespace stackplan
