#include "analysis/analysisdocks.h"

#include "analysis/analysiscontroller.h"
#include "analysis/costpanel.h"
#include "analysis/problemspanel.h"
#include "canvas/componentitem.h"
#include "canvas/connectionitem.h"
#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "document.h"
#include "render/diagram.h"

#include <QLabel>
#include <QPainter>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>

namespace stackplan {

namespace {

QIcon dot(BadgeSeverity s)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    if (s != BadgeSeverity::None) {
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(DiagramStyle::of(Theme::Light).severity(s));
        p.drawEllipse(QRectF(1, 1, 10, 10));
    }
    return QIcon(pm);
}

} // namespace

AnalysisDocks::AnalysisDocks(Document *document, DiagramScene *scene, DiagramView *view,
                             QTabBar *tabs, QStatusBar *statusBar, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_scene(scene)
    , m_view(view)
    , m_tabs(tabs)
    , m_validation(document->analysis())
    , m_problems(new ProblemsPanel(document, m_validation))
    , m_costs(new CostPanel(document))
    , m_status(new QLabel)
{
    m_status->setObjectName(QStringLiteral("ProblemCounts"));
    if (statusBar)
        statusBar->addPermanentWidget(m_status);
    connect(m_validation, &AnalysisController::findingsUpdated, this, &AnalysisDocks::refresh);
    connect(m_validation, &AnalysisController::updated, this, &AnalysisDocks::refresh);
    // Items and tabs are rebuilt on option switches and resets; badges follow on the next turn.
    connect(document, &Document::currentOptionChanged, this,
            [this] { QTimer::singleShot(0, this, &AnalysisDocks::refresh); });
    connect(document->editor(), &ProjectEditor::changed, this,
            [this] { QTimer::singleShot(0, this, &AnalysisDocks::updateTabs); });
    connect(m_problems, &ProblemsPanel::activated, this, &AnalysisDocks::showElements);
}

void AnalysisDocks::refresh()
{
    updateBadges();
    updateTabs();
    updateStatus();
}

void AnalysisDocks::updateBadges()
{
    if (const Option *o = m_document->currentOption())
        m_scene->setBadges(elementBadges(*o, m_validation->findings(o->id)));
}

void AnalysisDocks::updateTabs()
{
    if (!m_tabs)
        return;
    const Project &p = m_document->project();
    for (int i = 0; i < m_tabs->count() && i < int(p.options.size()); ++i) {
        const Option &o = p.options[size_t(i)];
        const auto c = m_validation->counts(o.id);
        const BadgeSeverity worst = c.errors     ? BadgeSeverity::Error
                                    : c.warnings ? BadgeSeverity::Warning
                                    : c.infos    ? BadgeSeverity::Info
                                                 : BadgeSeverity::None;
        m_tabs->setTabIcon(i, dot(worst));
        m_tabs->setTabToolTip(i,
                              QStringLiteral("%1%2\n%3")
                                  .arg(o.name, o.id == p.baseline ? tr(" (baseline)") : QString(),
                                       AnalysisController::countsText(c)));
    }
}

void AnalysisDocks::updateStatus()
{
    const Option *o = m_document->currentOption();
    if (!o)
        return;
    const auto c = m_validation->counts(o->id);
    m_status->setText(AnalysisController::countsText(c, QStringLiteral(" · ")));
    m_status->setStyleSheet(c.errors     ? QStringLiteral("color: #c62828; font-weight: bold")
                            : c.warnings ? QStringLiteral("color: #ef6c00")
                                         : QString());
}

void AnalysisDocks::showElements(const QString &option, const QStringList &elements)
{
    m_document->setCurrentOption(option);
    const Option *o = m_document->project().option(option);
    if (!o)
        return;
    QStringList components, connections;
    for (const auto &id : elements)
        (o->component(id) ? components : connections) << id;
    m_scene->selectElements(components, connections);
    QRectF area;
    for (const auto &id : components)
        if (auto *item = m_scene->componentItem(id))
            area = area.united(item->sceneBoundingRect());
    for (const auto &id : connections)
        if (auto *item = m_scene->connectionItem(id))
            area = area.united(item->sceneBoundingRect());
    if (!area.isNull())
        m_view->centerOn(area.center());
}

} // namespace stackplan
