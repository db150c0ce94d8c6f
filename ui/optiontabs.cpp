#include "optiontabs.h"

#include "document.h"
#include "inlineeditor.h"
#include "optioncontroller.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QMenu>
#include <QTabBar>
#include <QToolButton>

namespace stackplan {

OptionTabs::OptionTabs(Document *document, OptionController *controller, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_controller(controller)
    , m_tabs(new QTabBar)
    , m_add(new QToolButton)
{
    setObjectName(QStringLiteral("OptionTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setDrawBase(false);
    m_tabs->setExpanding(false);
    m_tabs->setMovable(true);
    // Names are shortened to kTabTextWidth by rebuild(), never squeezed to a few letters when
    // many options share the bar: the bar scrolls instead; the tooltip has the full name.
    m_tabs->setElideMode(Qt::ElideNone);
    m_tabs->setUsesScrollButtons(true);
    m_tabs->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tabs->installEventFilter(this);
    m_add->setText(QStringLiteral("+"));
    m_add->setAutoRaise(true);
    m_add->setToolTip(tr("Add an empty option (Option menu: duplicate the current one)"));
    m_add->setAccessibleName(tr("Add option"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(0);
    layout->addWidget(m_tabs);
    layout->addWidget(m_add);
    layout->addStretch(1);

    ProjectEditor *ed = document->editor();
    for (auto signal : {&ProjectEditor::optionAdded, &ProjectEditor::optionRemoved,
                        &ProjectEditor::optionChanged, &ProjectEditor::baselineChanged})
        connect(ed, signal, this, &OptionTabs::rebuild);
    connect(ed, &ProjectEditor::optionsReordered, this, &OptionTabs::rebuild);
    connect(ed, &ProjectEditor::projectReset, this, &OptionTabs::rebuild);
    connect(document, &Document::currentOptionChanged, this, &OptionTabs::rebuild);
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int index) {
        if (!m_rebuilding && index >= 0)
            m_document->setCurrentOption(optionAt(index));
    });
    // A drag moves the tab once per neighbour it passes; the model is reordered once, when the
    // mouse is released, so one drag is one undo step.
    connect(m_tabs, &QTabBar::tabMoved, this, [this] {
        if (!m_rebuilding)
            m_reorderPending = true;
    });
    connect(m_tabs, &QTabBar::tabBarDoubleClicked, this, [this](int index) {
        if (index >= 0)
            startRename(optionAt(index));
    });
    connect(m_tabs, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int index = m_tabs->tabAt(pos);
        if (index < 0)
            return;
        QMenu *menu = createMenu(optionAt(index), this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_tabs->mapToGlobal(pos));
    });
    connect(m_add, &QToolButton::clicked, this, [this] { m_controller->addOption(); });
    rebuild();
}

bool OptionTabs::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tabs && event->type() == QEvent::MouseButtonRelease)
        QMetaObject::invokeMethod(this, &OptionTabs::commitReorder, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

void OptionTabs::commitReorder()
{
    if (!std::exchange(m_reorderPending, false))
        return;
    QStringList order;
    for (int i = 0; i < m_tabs->count(); ++i)
        order << optionAt(i);
    if (!m_controller->reorderOptions(order))
        rebuild();
}

QString OptionTabs::optionAt(int index) const
{
    return m_tabs->tabData(index).toString();
}

void OptionTabs::rebuild()
{
    m_rebuilding = true;
    const Project &p = m_document->project();
    while (m_tabs->count() > int(p.options.size()))
        m_tabs->removeTab(m_tabs->count() - 1);
    for (int i = 0; i < int(p.options.size()); ++i) {
        const Option &o = p.options[i];
        const QString name = m_tabs->fontMetrics().elidedText(o.name, Qt::ElideRight, kTabTextWidth);
        const QString text = o.id == p.baseline ? tr("%1 ★").arg(name) : name;
        if (i < m_tabs->count())
            m_tabs->setTabText(i, text);
        else
            m_tabs->addTab(text);
        m_tabs->setTabData(i, o.id);
        QString tip = o.id == p.baseline ? tr("%1 (baseline)").arg(o.name) : o.name;
        if (!o.description.isEmpty())
            tip += QLatin1Char('\n') + o.description;
        m_tabs->setTabToolTip(i, tip);
    }
    m_tabs->setCurrentIndex(p.optionIndex(m_document->currentOptionId()));
    m_rebuilding = false;
}

void OptionTabs::startRename(const QString &optionId)
{
    const QString id = optionId.isEmpty() ? m_document->currentOptionId() : optionId;
    const Option *o = m_document->project().option(id);
    const int index = m_document->project().optionIndex(id);
    if (!o || index < 0 || index >= m_tabs->count())
        return;
    if (m_editor)
        m_editor->finish(false);
    const QRect r = m_tabs->tabRect(index).adjusted(2, 2, -2, -2).translated(m_tabs->pos());
    m_editor = new InlineEditor(this, r.adjusted(0, 0, std::max(0, 160 - r.width()), 0), o->name,
                                font(), [this, id](bool commit, const QString &text) {
                                    if (commit)
                                        m_controller->renameOption(id, text);
                                });
}

QMenu *OptionTabs::createMenu(const QString &id, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    const Project &p = m_document->project();
    const int index = p.optionIndex(id);
    menu->addAction(tr("&Rename…"), this, [this, id] { startRename(id); });
    menu->addAction(tr("&Duplicate"), this, [this, id] { m_controller->duplicateOption(id); });
    QAction *baseline = menu->addAction(tr("Mark as &Baseline"), this,
                                        [this, id] { m_controller->setBaseline(id); });
    baseline->setEnabled(p.baseline != id);
    menu->addSeparator();
    QAction *left = menu->addAction(tr("Move &Left"), this,
                                    [this, id, index] { m_controller->moveOption(id, index - 1); });
    left->setEnabled(index > 0);
    QAction *right = menu->addAction(
        tr("Move R&ight"), this, [this, id, index] { m_controller->moveOption(id, index + 1); });
    right->setEnabled(index + 1 < int(p.options.size()));
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("&Delete Option"), this,
                                      [this, id] { m_controller->removeOption(id); });
    remove->setEnabled(p.options.size() > 1);
    return menu;
}

} // namespace stackplan
