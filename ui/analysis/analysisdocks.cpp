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

#include <algorithm>

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
    connect(document, &Document::currentOptionChanged, this, [this] {
        m_badgeOption.clear(); // new items: all badges again
        QTimer::singleShot(0, this, &AnalysisDocks::refresh);
    });
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
    const Option *o = m_document->currentOption();
    if (!o)
        return;
    std::vector<Finding> findings = m_validation->findings(o->id);
    // Both lists sorted: a merge walk gives the findings that went or came, and only the
    // elements they concern get their badge recomputed.
    QSet<QString> affected;
    bool incremental = o->id == m_badgeOption && std::is_sorted(findings.begin(), findings.end())
                       && std::is_sorted(m_badgeFindings.begin(), m_badgeFindings.end());
    for (size_t i = 0, j = 0; incremental && (i < m_badgeFindings.size() || j < findings.size());) {
        if (i < m_badgeFindings.size() && j < findings.size()
            && m_badgeFindings[i] == findings[j]) {
            ++i, ++j;
            continue;
        }
        const bool gone = j >= findings.size()
                          || (i < m_badgeFindings.size() && m_badgeFindings[i] < findings[j]);
        for (const auto &id : (gone ? m_badgeFindings[i++] : findings[j++]).subjects)
            affected.insert(id);
        if (affected.size() > 64)
            incremental = false; // many: recompute all
    }
    if (incremental) {
        if (affected.isEmpty())
            return;
        const auto partial = elementBadges(*o, findings, &affected);
        for (const auto &id : affected) {
            const auto it = partial.constFind(id);
            if (it != partial.cend())
                m_badges.insert(id, *it);
            else
                m_badges.remove(id);
        }
    } else {
        m_badges = elementBadges(*o, findings);
    }
    m_badgeOption = o->id;
    m_badgeFindings = std::move(findings);
    m_scene->setBadges(m_badges);
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
