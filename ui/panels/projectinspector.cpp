#include "panels/projectinspector.h"

#include "document.h"
#include "editor/edit.h"
#include "panels/fieldeditors.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace stackplan {

namespace {

QPlainTextEdit *descriptionEdit()
{
    auto *e = new QPlainTextEdit;
    e->setTabChangesFocus(true);
    e->setFixedHeight(e->fontMetrics().lineSpacing() * 4 + 2 * e->frameWidth() + 10);
    return e;
}

void setPlainTextQuietly(QPlainTextEdit *e, const QString &text)
{
    if (e->toPlainText() != text)
        e->setPlainText(text);
}

} // namespace

ProjectInspector::ProjectInspector(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_name(new TextField)
    , m_description(descriptionEdit())
    , m_optionName(new TextField)
    , m_optionDescription(descriptionEdit())
    , m_baseline(new QCheckBox(tr("Baseline for comparison")))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *project = new Section(tr("Project"));
    project->form()->addRow(tr("Name"), m_name);
    project->form()->addRow(tr("Description"), m_description);
    layout->addWidget(project);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!text.trimmed().isEmpty())
            applyProject(QStringLiteral("name"), [&](Project &p) { p.name = text; });
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_description->toPlainText();
        applyProject(QStringLiteral("description"), [&](Project &p) { p.description = text; });
    });

    auto *traffic = new Section(tr("Traffic levels"));
    traffic->setToolTip(tr("Multipliers of each component's stated traffic"));
    auto multiplier = [](double Assumptions::*field) {
        return std::pair{[field](const Assumptions &a) { return std::optional<double>(a.*field); },
                         [field](Assumptions &a, std::optional<double> v) {
                             if (!v || *v <= 0)
                                 return false;
                             a.*field = *v;
                             return true;
                         }};
    };
    for (const auto &[key, label, field] :
         {std::tuple{"low", tr("Low"), &Assumptions::trafficLow},
          std::tuple{"typical", tr("Typical"), &Assumptions::trafficTypical},
          std::tuple{"high", tr("High"), &Assumptions::trafficHigh}}) {
        auto [get, set] = multiplier(field);
        addNumber(traffic, QString::fromLatin1(key), label, tr("× traffic"), get, set);
    }
    layout->addWidget(traffic);

    auto *targets = new Section(tr("Budget and SLO"));
    addNumber(
        targets, QStringLiteral("budget"), tr("Monthly budget"), tr("USD"),
        [](const Assumptions &a) { return a.monthlyBudget; },
        [](Assumptions &a, std::optional<double> v) {
            a.monthlyBudget = v;
            return true;
        });
    addNumber(
        targets, QStringLiteral("p50"), tr("p50 latency"), tr("ms"),
        [](const Assumptions &a) { return a.slo.p50Ms; },
        [](Assumptions &a, std::optional<double> v) {
            a.slo.p50Ms = v;
            return true;
        });
    addNumber(
        targets, QStringLiteral("p95"), tr("p95 latency"), tr("ms"),
        [](const Assumptions &a) { return a.slo.p95Ms; },
        [](Assumptions &a, std::optional<double> v) {
            a.slo.p95Ms = v;
            return true;
        });
    addNumber(
        targets, QStringLiteral("availability"), tr("Availability"), tr("%"),
        [](const Assumptions &a) { return a.slo.availabilityPct; },
        [](Assumptions &a, std::optional<double> v) {
            if (v && *v <= 0)
                return false;
            a.slo.availabilityPct = v;
            return true;
        })
        ->setRange(0, 100);
    layout->addWidget(targets);

    auto *option = new Section(tr("Option"));
    option->form()->addRow(tr("Name"), m_optionName);
    option->form()->addRow(tr("Description"), m_optionDescription);
    option->form()->addRow(QString(), m_baseline);
    layout->addWidget(option);
    layout->addStretch(1);
    Section::alignLabels({project, traffic, targets, option});
    auto applyOption = [this](const QString &key, const QString &name, const QString &desc) {
        const Option *o = m_document->currentOption();
        if (m_loading || !o || name.trimmed().isEmpty())
            return;
        m_document->push(optionInfoEdit(m_document->project(), o->id, name, desc),
                         QStringLiteral("option/%1/%2").arg(o->id, key));
    };
    connect(m_optionName, &QLineEdit::textEdited, this, [this, applyOption](const QString &t) {
        if (const Option *o = m_document->currentOption())
            applyOption(QStringLiteral("name"), t, o->description);
    });
    connect(m_optionDescription, &QPlainTextEdit::textChanged, this, [this, applyOption] {
        if (const Option *o = m_document->currentOption())
            applyOption(QStringLiteral("description"), o->name, m_optionDescription->toPlainText());
    });
    connect(m_baseline, &QCheckBox::clicked, this, [this](bool on) {
        const Option *o = m_document->currentOption();
        if (!o)
            return;
        if (on)
            m_document->push(setBaselineEdit(m_document->project(), o->id));
        else
            refresh(); // the baseline moves by marking another option, never by unmarking
    });
}

NumberField *
ProjectInspector::addNumber(Section *s, const QString &key, const QString &label,
                            const QString &unit,
                            std::function<std::optional<double>(const Assumptions &)> get,
                            std::function<bool(Assumptions &, std::optional<double>)> set)
{
    auto *field = new NumberField(unit, false);
    s->form()->addRow(label, field);
    m_numbers.push_back({key, field});
    m_loaders.push_back(
        [this, field, get] { field->setValue(get(m_document->project().assumptions)); });
    connect(field, &NumberField::valueEdited, this, [this, key, set](std::optional<double> v) {
        Assumptions a = m_document->project().assumptions;
        if (set(a, v))
            applyProject(key, [&](Project &p) { p.assumptions = a; });
    });
    return field;
}

NumberField *ProjectInspector::field(const QString &key) const
{
    for (const auto &[k, f] : m_numbers)
        if (k == key)
            return f;
    return nullptr;
}

void ProjectInspector::applyProject(const QString &key, const std::function<void(Project &)> &f)
{
    if (m_loading)
        return;
    Project p = m_document->project();
    f(p);
    m_document->push(projectInfoEdit(m_document->project(), p.name, p.description, p.assumptions),
                     QStringLiteral("project/%1").arg(key));
}

void ProjectInspector::refresh()
{
    m_loading = true;
    const Project &p = m_document->project();
    m_name->setValue(p.name);
    setPlainTextQuietly(m_description, p.description);
    for (const auto &load : m_loaders)
        load();
    if (const Option *o = m_document->currentOption()) {
        m_optionName->setValue(o->name);
        setPlainTextQuietly(m_optionDescription, o->description);
        m_baseline->setChecked(p.baseline == o->id);
        m_baseline->setEnabled(p.baseline != o->id);
    }
    m_loading = false;
}

} // namespace stackplan
