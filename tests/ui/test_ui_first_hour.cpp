// The first hour of a new user (issue 16): a welcome page, help, examples that open legible,
// auto-arrange that fits, charts that read at their default size, an inspector that leads with
// the platform, unknown costs that say what to fill in, and the desktop polish around them.
#include "analysis/analysisdocks.h"
#include "analysis/costpanel.h"
#include "appearance.h"
#include "canvasactions.h"
#include "canvascontroller.h"
#include "helpdialogs.h"
#include "optiontabs.h"
#include "panels/componentinspector.h"
#include "panels/fieldeditors.h"
#include "panels/inspector.h"
#include "panels/palette.h"
#include "profiles/catalogue.h"
#include "recentfiles.h"
#include "render/painter.h"
#include "uitest.h"
#include "welcomepage.h"

#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

using namespace stackplan;
using namespace uitest;
using namespace stackplan::DiagramPainter;

namespace {

// Distinct colours in an image: a blank or single-colour thumbnail has one or two.
int colours(const QImage &image)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            seen.insert(image.pixel(x, y));
    return int(seen.size());
}

// Every text item of a chart view's scene (axis labels, titles, legend): QtCharts elides axis
// labels it has no room for with "...".
QStringList chartTexts(QChartView *view)
{
    QStringList texts;
    for (QGraphicsItem *item : view->scene()->items()) {
        if (!item->isVisible())
            continue;
        if (auto *t = dynamic_cast<QGraphicsTextItem *>(item))
            texts << t->toPlainText();
        else if (auto *s = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            texts << s->text();
    }
    return texts;
}

// Elided texts, leaving out the crossover labels, which shorten option names on purpose.
int elided(const QStringList &texts)
{
    int n = 0;
    for (const QString &t : texts)
        n += !t.contains(QLatin1String(" cheaper "))
             && (t.contains(QLatin1String("...")) || t.contains(QChar(0x2026)));
    return n;
}

QDockWidget *dock(MainWindow *w, const char *name)
{
    return w->findChild<QDockWidget *>(QString::fromLatin1(name));
}

// Rows of the shortcut sheet matching "ctrl+shift+".
constexpr int kCtrlShiftRows = 8; // incl. Compare Options (Ctrl+Shift+O)

// Each example opened in a 1440 × 900 window: the zoom it fits at (per mille) and whether it is
// larger than the view at a legible size (and so scrolls).
struct LegibleExample {
    const char *file;
    int zoom;
    bool scrolls;
};
const LegibleExample kLegibleExamples[] = {
    {"allogator.stackplan.json", 923, true},
    {"cloudflare-containers-starter.stackplan.json", 923, true},
    {"fastapi-websockets-baml.stackplan.json", 923, true},
    {"flrts-cloudflare-migration.stackplan.json", 923, true},
    {"inkcre-python-workers.stackplan.json", 923, true},
};

// Counts paint events of the viewport that cover all of it.
class FullPaints : public QObject
{
public:
    explicit FullPaints(QWidget *w) : m_widget(w) { w->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint
            && static_cast<QPaintEvent *>(event)->region().contains(m_widget->rect()))
            ++count;
        return false;
    }

private:
    QWidget *m_widget;
};

} // namespace

class TestUiFirstHour : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    // 1. Welcome page and help
    void welcomePageShowsTheExamplesWithThumbnails();
    void welcomePageOpensAnExampleARecentFileOrABlankProject();
    void shortcutsSheetIsGeneratedFromTheActionsAndSearchable();
    void documentationIsBundled();
    // 2. Legible by default
    void examplesOpenLegible_data();
    void examplesOpenLegible();
    void longNamesWrapBeforeTheyAreElided();
    void optionTabsShowNamesUpToAWidth();
    // 3. Auto-arrange
    void autoArrangeIsOneUndoStepFollowedByAFit();
    // 4. Charts
    void costChartsReadAtTheirDefaultSize_data();
    void costChartsReadAtTheirDefaultSize();
    void trafficSliderIgnoresStrayClicksAndWheels();
    // 5. Inspector
    void inspectorLeadsWithThePlatform();
    void foldedSectionsAreRemembered();
    // 6. Unknown costs
    void unknownLineNamesTheFieldAndLeadsToIt();
    // 7. Polish
    void titleNamesTheFileOnce();
    void toolbarIconsAreBundled();
    void geometryAndDocksAreRestored();
    void emptyCanvasHintClearsWithTheFirstBox();
    void ctrlEqualsZoomsIn();
    void darkPaletteReachesTheCanvas();

private:
    Catalogue m_catalogue;
};

void TestUiFirstHour::initTestCase()
{
    m_catalogue = Catalogue::standard({}, false);
}

void TestUiFirstHour::init()
{
    QSettings().clear(); // each test starts as a first run
}

void TestUiFirstHour::welcomePageShowsTheExamplesWithThumbnails()
{
    MainWindow w(&m_catalogue);
    w.showWelcome();
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.welcomeShown());
    const QList<QPushButton *> cards = w.welcomePage()->exampleCards();
    QCOMPARE(cards.size(), 5);
    QStringList names;
    for (QPushButton *card : cards) {
        names << card->objectName();
        auto *thumb = card->findChild<QLabel *>(QStringLiteral("thumbnail"));
        QVERIFY(thumb);
        const QImage image = thumb->pixmap().toImage();
        QCOMPARE(image.size() / image.devicePixelRatio(), WelcomePage::kThumbnailSize);
        QVERIFY2(colours(image) > 20, qPrintable(card->objectName())); // a drawn diagram
        QVERIFY(card->isVisible());
    }
    QCOMPARE(names, QStringList({QStringLiteral("example:allogator.stackplan.json"),
                                 QStringLiteral("example:cloudflare-containers-starter.stackplan.json"),
                                 QStringLiteral("example:fastapi-websockets-baml.stackplan.json"),
                                 QStringLiteral("example:flrts-cloudflare-migration.stackplan.json"),
                                 QStringLiteral("example:inkcre-python-workers.stackplan.json")}));
    auto *line = cards[0]->findChild<QLabel *>(QStringLiteral("description"));
    QCOMPARE(line->text(),
             QStringLiteral("The document concludes that the Python FastAPI/LangGraph backend "
                            "cannot run on Cloudflare Workers and recommends React on Workers + "
                            "FastAPI on Cloud Run + Supabase for $30–80 a month."));
    QVERIFY(cards[0]->toolTip().startsWith(QStringLiteral("Seed 000. The document concludes")));
    QCOMPARE(WelcomePage::oneLine(QStringLiteral("Seed 004. Story 2.11 moves the bot. More.")),
             QStringLiteral("Story 2.11 moves the bot."));
    shot(&w, QStringLiteral("welcome-light"));
}

void TestUiFirstHour::welcomePageOpensAnExampleARecentFileOrABlankProject()
{
    QTemporaryDir tmp;
    const QString copy = tmp.filePath(QStringLiteral("mine.stackplan.json"));
    QVERIFY(QFile::copy(examplePath(), copy));
    RecentFiles().add(copy);

    MainWindow w(&m_catalogue);
    w.showWelcome();
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.welcomePage()->recentButtons().size(), 1);
    QCOMPARE(w.welcomePage()->recentButtons()[0]->objectName(), QStringLiteral("recent:") + copy);

    QTest::mouseClick(w.welcomePage()->exampleCards()[2], Qt::LeftButton);
    QVERIFY(!w.welcomeShown());
    QCOMPARE(w.document()->project().name,
             QStringLiteral("FastAPI with WebSockets, BAML and code execution"));
    QVERIFY(w.document()->filePath().isEmpty()); // the bundled copy is never overwritten

    w.showWelcome();
    QTest::mouseClick(w.welcomePage()->recentButtons()[0], Qt::LeftButton);
    QVERIFY(!w.welcomeShown());
    QCOMPARE(w.document()->filePath(), copy);

    w.showWelcome();
    QTest::mouseClick(w.welcomePage()->newButton(), Qt::LeftButton);
    QVERIFY(!w.welcomeShown());
    QCOMPARE(w.document()->project().name, QStringLiteral("Untitled"));
    QCOMPARE(w.document()->currentOption()->components.size(), size_t(0));

    // Adding a box from the palette while the welcome page shows starts editing too.
    w.showWelcome();
    QTest::mouseClick(w.palette()->viewport(), Qt::LeftButton, {},
                      w.palette()->visualItemRect(w.palette()->itemFor(Role::Backend)).center());
    QTRY_VERIFY(!w.welcomeShown());
}

void TestUiFirstHour::shortcutsSheetIsGeneratedFromTheActionsAndSearchable()
{
    MainWindow w(&m_catalogue);
    ShortcutsDialog sheet(&w);
    QTableWidget *t = sheet.table();
    QMap<QString, QString> keys; // action → shortcut
    QMap<QString, QString> menus;
    for (int r = 0; r < t->rowCount(); ++r) {
        keys.insert(t->item(r, 0)->text(), t->item(r, 1)->text());
        menus.insert(t->item(r, 0)->text(), t->item(r, 2)->text());
    }
    QCOMPARE(keys.value(QStringLiteral("Zoom In")), QStringLiteral("Ctrl++, Ctrl+="));
    QCOMPARE(keys.value(QStringLiteral("Auto-arrange by Tier")), QStringLiteral("Ctrl+Shift+L"));
    QCOMPARE(keys.value(QStringLiteral("Keyboard Shortcuts")), QStringLiteral("Ctrl+/"));
    QCOMPARE(keys.value(QStringLiteral("Documentation")), QStringLiteral("F1"));
    QCOMPARE(menus.value(QStringLiteral("Components")), QStringLiteral("View → Panels"));
    QCOMPARE(sheet.visibleRows(), t->rowCount());
    QTest::keyClicks(sheet.filter(), QStringLiteral("zoom"));
    QCOMPARE(sheet.visibleRows(), 2); // Zoom In, Zoom Out
    sheet.filter()->clear();
    QTest::keyClicks(sheet.filter(), QStringLiteral("ctrl+shift+"));
    QCOMPARE(sheet.visibleRows(), kCtrlShiftRows);
}

void TestUiFirstHour::documentationIsBundled()
{
    DocumentationDialog docs;
    QCOMPARE(docs.pages()->count(), 6);
    QCOMPARE(docs.browser()->source(), QUrl(QStringLiteral("qrc:/docs/README.md")));
    QVERIFY(docs.browser()->toPlainText().startsWith(QStringLiteral("Stackplan")));
    docs.pages()->setCurrentRow(1);
    QCOMPARE(docs.browser()->source(), QUrl(QStringLiteral("qrc:/docs/docs/cost.md")));
    QVERIFY(docs.browser()->toPlainText().contains(QStringLiteral("Running time.")));
    // A link from the README to a page of docs/ is followed in place.
    docs.showPage(QStringLiteral(":/docs/README.md"));
    emit docs.browser()->anchorClicked(QUrl(QStringLiteral("docs/export.md")));
    QCOMPARE(docs.browser()->source(), QUrl(QStringLiteral("qrc:/docs/docs/export.md")));
    QCOMPARE(docs.pages()->currentRow(), 3);
}

void TestUiFirstHour::examplesOpenLegible_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("zoomPermille"); // the fit at 1440 × 900
    QTest::addColumn<bool>("scrolls");      // the diagram is wider or taller than the view
    for (const auto &row : kLegibleExamples)
        QTest::newRow(row.file) << QString::fromLatin1(row.file) << row.zoom << row.scrolls;
}

void TestUiFirstHour::examplesOpenLegible()
{
    QFETCH(QString, file);
    QFETCH(int, zoomPermille);
    QFETCH(bool, scrolls);
    MainWindow w(&m_catalogue);
    w.resize(1440, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openExample(file));
    QTRY_VERIFY(w.view()->followsFit());
    QApplication::processEvents();
    const double zoom = w.view()->zoom();
    QCOMPARE(qRound(zoom * 1000), zoomPermille);
    // A box name on screen: 13 px in the diagram, at least 9 pt (12 px at 96 dpi) on screen.
    const double namePt = DiagramStyle::of(Theme::Light).nameFont().pixelSize() * zoom * 72.0
                          / w.view()->logicalDpiY();
    QVERIFY2(namePt >= 9.0 - 1e-9, qPrintable(QString::number(namePt)));
    QCOMPARE(w.view()->wholeFitZoom() < w.view()->legibleZoom(), scrolls);
    // It starts at the top left: the leftmost box is in view.
    QRectF left;
    for (const auto &[id, e] : w.document()->currentOption()->layout)
        if (left.isNull() || e.x < left.x() || (e.x == left.x() && e.y < left.y()))
            left = QRectF(e.x, e.y, kBoxWidth, kBoxHeight);
    QVERIFY(w.view()->viewport()->rect().contains(w.view()->mapFromScene(left).boundingRect()));
    shot(&w, QStringLiteral("example-") + QString(file).remove(QStringLiteral(".stackplan.json")));
}

void TestUiFirstHour::longNamesWrapBeforeTheyAreElided()
{
    const DiagramStyle &style = DiagramStyle::of(Theme::Light);
    const double width = boxTextWidth(kBoxWidth);
    QCOMPARE(width, 170.0);
    NameLayout n = boxNameLayout(QStringLiteral("FastAPI backend"), style, width);
    QCOMPARE(n.lines, QStringList{QStringLiteral("FastAPI backend")});
    QCOMPARE(n.font.pixelSize(), 13);
    n = boxNameLayout(QStringLiteral("LangGraph agent orchestrator service"), style, width);
    QCOMPARE(n.lines, QStringList({QStringLiteral("LangGraph agent"),
                                   QStringLiteral("orchestrator service")}));
    QCOMPARE(n.font.pixelSize(), 13); // wrapped at full size
    QVERIFY(!n.elided);
    n = boxNameLayout(QStringLiteral("A very long component name that no box of this size can "
                                     "hold even on three lines of its smallest type at all"),
                      style, width);
    QCOMPARE(n.lines.size(), 3);
    QCOMPARE(n.font.pixelSize(), 10);
    QVERIFY(n.elided);
    QVERIFY(n.lines.last().endsWith(QChar(0x2026)));

    // The canvas box shows the full name in its tooltip, wrapped as rich text.
    auto w = exampleWindow(&m_catalogue);
    QVERIFY(w);
    const QString tip = w->scene()->componentItem(QStringLiteral("backend"))->toolTip();
    QVERIFY(tip.startsWith(QStringLiteral("<p><b>FastAPI backend</b></p>")));
    QVERIFY(Qt::mightBeRichText(tip));
}

void TestUiFirstHour::optionTabsShowNamesUpToAWidth()
{
    auto w = exampleWindow(&m_catalogue);
    QVERIFY(w);
    QTabBar *tabs = w->optionTabs();
    const QString full = QStringLiteral("React on Workers + FastAPI on Cloud Run + Supabase");
    const QString shown = tabs->fontMetrics().elidedText(full, Qt::ElideRight,
                                                         OptionTabs::kTabTextWidth);
    QVERIFY(shown != full && shown.endsWith(QChar(0x2026)));
    QCOMPARE(tabs->tabText(1), shown + QStringLiteral(" ★"));
    QVERIFY(tabs->tabToolTip(1).startsWith(full));
    QCOMPARE(tabs->elideMode(), Qt::ElideNone); // never squeezed to a few letters
}

void TestUiFirstHour::autoArrangeIsOneUndoStepFollowedByAFit()
{
    auto w = exampleWindow(&m_catalogue, QStringLiteral("hybrid"), QSize(1440, 900));
    QVERIFY(w);
    // Throw a box far out of view and scroll away.
    QVERIFY(w->document()->push(moveEdit(w->document()->project(), QStringLiteral("hybrid"),
                                         {{QStringLiteral("backend"), {5000, 4000, false}}})));
    w->view()->setZoom(2.0);
    w->view()->centerOn(-3000, -3000);
    QVERIFY(!w->view()->followsFit());
    const int steps = w->document()->undoStack()->count();
    w->canvasActions()->action(CanvasActions::AutoArrange)->trigger();
    QCOMPARE(w->document()->undoStack()->count(), steps + 1);
    QCOMPARE(w->document()->undoStack()->undoText(), QStringLiteral("Auto-arrange"));
    QTRY_VERIFY(w->view()->followsFit());
    const Option *o = w->document()->currentOption();
    QVERIFY(o->layout == arrangeByTier(*o));
    // The fit after arrange stops at the legible zoom (this example is wider than the view at
    // 9 pt) and starts at the top left: the first tier is in view.
    QCOMPARE(qRound(w->view()->zoom() * 1000), 923);
    const QRectF browser = w->scene()->componentItem(QStringLiteral("browser"))->sceneBoundingRect();
    QVERIFY(w->view()->viewport()->rect().contains(w->view()->mapFromScene(browser).boundingRect()));
    // Fit to View shows everything however small.
    w->canvasActions()->action(CanvasActions::FitToView)->trigger();
    for (const auto &c : o->components) {
        const QRectF box = w->scene()->componentItem(c.id)->sceneBoundingRect();
        QVERIFY2(w->view()->viewport()->rect().contains(w->view()->mapFromScene(box).boundingRect()),
                 qPrintable(c.id));
    }
}

void TestUiFirstHour::costChartsReadAtTheirDefaultSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1440x900") << QSize(1440, 900);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TestUiFirstHour::costChartsReadAtTheirDefaultSize()
{
    QFETCH(QSize, size);
    auto w = exampleWindow(&m_catalogue, QStringLiteral("hybrid"), size);
    QVERIFY(w);
    QDockWidget *costs = dock(w.get(), "CostsDock");
    costs->raise();
    QTRY_VERIFY(costs->isVisible() && !costs->visibleRegion().isEmpty());
    CostPanel *panel = w->analysis()->costs();
    panel->recomputeNow();
    auto *tabs = panel->findChild<QTabWidget *>();
    QVERIFY(tabs);
    const int height = costs->height();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        for (int k = 0; k < 3; ++k)
            QApplication::processEvents();
        QCOMPARE(costs->height(), height); // one height for every tab
        QCOMPARE(panel->slider()->value(), 200); // ×1: tabs never move the traffic
    }
    for (QChartView *view : {panel->barView(), panel->curveView()}) {
        QVERIFY(view->height() >= CostPanel::kChartHeight - 40);
        const QStringList texts = chartTexts(view);
        QVERIFY(texts.size() > 8);
        QVERIFY2(elided(texts) == 0, qPrintable(texts.join(QLatin1Char('|'))));
    }
    tabs->setCurrentIndex(1);
    shot(w.get(), QStringLiteral("costs-bars-%1x%2").arg(size.width()).arg(size.height()));
    tabs->setCurrentIndex(2);
    shot(w.get(), QStringLiteral("costs-curve-%1x%2").arg(size.width()).arg(size.height()));
}

void TestUiFirstHour::trafficSliderIgnoresStrayClicksAndWheels()
{
    auto w = exampleWindow(&m_catalogue, QStringLiteral("hybrid"));
    QVERIFY(w);
    dock(w.get(), "CostsDock")->raise();
    QSlider *slider = w->analysis()->costs()->slider();
    QTRY_VERIFY(slider->isVisible());
    const int value = slider->value();
    // A click on the groove far from the handle, as when aiming at the tabs below.
    QTest::mouseClick(slider, Qt::LeftButton, {}, QPoint(slider->width() - 4, slider->height() / 2));
    QCOMPARE(slider->value(), value);
    // A wheel passing over it while it does not have focus.
    w->view()->setFocus();
    QWheelEvent wheel(QPointF(slider->width() / 2, slider->height() / 2),
                      slider->mapToGlobal(QPointF(slider->width() / 2, slider->height() / 2)),
                      QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                      false);
    QApplication::sendEvent(slider, &wheel);
    QCOMPARE(slider->value(), value);
    // The keys still move it once it has focus.
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Right);
    QCOMPARE(slider->value(), value + 1);
}

void TestUiFirstHour::inspectorLeadsWithThePlatform()
{
    auto w = exampleWindow(&m_catalogue, QStringLiteral("hybrid"));
    QVERIFY(w);
    ComponentInspector *page = w->inspector()->componentPage();
    QCOMPARE(page->sectionOrder(),
             QStringList({QStringLiteral("identity"), QStringLiteral("binding"),
                          QStringLiteral("runtime"), QStringLiteral("workload"),
                          QStringLiteral("features"), QStringLiteral("traffic"),
                          QStringLiteral("environment")}));
    w->scene()->selectElements({QStringLiteral("backend")}, {});
    QTRY_COMPARE(page->components(), QStringList{QStringLiteral("backend")});
    auto *limits = page->findChild<QLabel *>(QStringLiteral("limitsSummary"));
    QVERIFY(limits);
    QCOMPARE(limits->text().split(QLatin1Char('\n')).first(), QStringLiteral("memory: 512 MB"));

    // An unbound box says so.
    Component c = *w->document()->currentOption()->component(QStringLiteral("backend"));
    c.binding = Binding{};
    QVERIFY(w->document()->push(updateComponentEdit(w->document()->project(),
                                                    QStringLiteral("hybrid"), c, QStringLiteral("unbind"))));
    QTRY_COMPARE(limits->text(), QStringLiteral("not bound"));
    auto *plan = qobject_cast<QComboBox *>(page->field(QStringLiteral("plan")));
    QCOMPARE(plan->currentIndex(), -1);
    QCOMPARE(plan->placeholderText(), QStringLiteral("not bound"));
    auto *instance = qobject_cast<QComboBox *>(page->field(QStringLiteral("instance")));
    QCOMPARE(instance->placeholderText(), QStringLiteral("not bound"));
    shot(w.get(), QStringLiteral("inspector-unbound"));
}

void TestUiFirstHour::foldedSectionsAreRemembered()
{
    {
        MainWindow w(&m_catalogue);
        Section *traffic = w.inspector()->componentPage()->section(QStringLiteral("traffic"));
        QVERIFY(traffic->isExpanded());
        traffic->header()->click();
        QVERIFY(!traffic->isExpanded());
    }
    MainWindow again(&m_catalogue); // a restart
    QVERIFY(!again.inspector()->componentPage()->section(QStringLiteral("traffic"))->isExpanded());
    QVERIFY(again.inspector()->componentPage()->section(QStringLiteral("workload"))->isExpanded());
}

void TestUiFirstHour::unknownLineNamesTheFieldAndLeadsToIt()
{
    auto w = exampleWindow(&m_catalogue, QStringLiteral("hybrid"));
    QVERIFY(w);
    // Cloud Run bills request time: without a request duration the quantity is unknown.
    Component c = *w->document()->currentOption()->component(QStringLiteral("backend"));
    c.workload.requestMs.reset();
    QVERIFY(w->document()->push(updateComponentEdit(w->document()->project(),
                                                    QStringLiteral("hybrid"), c, QStringLiteral("clear"))));
    CostPanel *panel = w->analysis()->costs();
    panel->recomputeNow();
    const ComponentBill *bill = panel->bill().componentBill(QStringLiteral("backend"));
    QVERIFY(bill);
    QTreeWidgetItem *line = nullptr;
    QTreeWidget *table = panel->billTable();
    for (int i = 0; i < table->topLevelItemCount() && !line; ++i)
        for (int k = 0; k < table->topLevelItem(i)->childCount(); ++k)
            if (table->topLevelItem(i)->child(k)->data(0, Qt::UserRole + 1).toString()
                == QLatin1String("request")) {
                line = table->topLevelItem(i)->child(k);
                break;
            }
    QVERIFY(line);
    QCOMPARE(line->text(5), QStringLiteral("unknown"));
    QVERIFY2(line->text(6).startsWith(
                 QStringLiteral("quantity unknown: set Request duration (Workload) in the Inspector")),
             qPrintable(line->text(6)));
    dock(w.get(), "CostsDock")->raise();
    QTRY_VERIFY(table->isVisible());
    w->scene()->clearSelection();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(line).center());
    QTRY_COMPARE(w->scene()->selectedComponentIds(), QStringList{QStringLiteral("backend")});
    QWidget *field = w->inspector()->componentPage()->field(QStringLiteral("request"));
    QTRY_VERIFY(w->focusWidget() && (w->focusWidget() == field || field->isAncestorOf(w->focusWidget())));
    shot(w.get(), QStringLiteral("unknown-cost-hint"));
}

void TestUiFirstHour::titleNamesTheFileOnce()
{
    MainWindow w(&m_catalogue);
    QCOMPARE(w.windowTitle(), QStringLiteral("Untitled[*] — Stackplan"));
    QVERIFY(w.openFile(examplePath()));
    QCOMPARE(w.windowTitle(), QStringLiteral("allogator.stackplan.json[*] — Stackplan"));
    QVERIFY(w.openExample(QStringLiteral("inkcre-python-workers.stackplan.json")));
    QCOMPARE(w.windowTitle(), QStringLiteral("InKCre Core on Python Workers[*] — Stackplan"));
}

void TestUiFirstHour::toolbarIconsAreBundled()
{
    MainWindow w(&m_catalogue);
    auto *bar = w.findChild<QToolBar *>(QStringLiteral("MainToolBar"));
    QVERIFY(bar);
    int actions = 0;
    for (QAction *a : bar->actions()) {
        if (a->isSeparator())
            continue;
        ++actions;
        QVERIFY2(!a->icon().pixmap(24, 24).isNull(), qPrintable(a->text()));
        QVERIFY2(colours(a->icon().pixmap(24, 24).toImage()) > 2, qPrintable(a->text()));
    }
    QCOMPARE(actions, 9); // the eight of the first-hour toolbar and Compare Options
    QVERIFY(QFile::exists(QStringLiteral(":/icons/actions/arrange.svg")));
}

void TestUiFirstHour::geometryAndDocksAreRestored()
{
    {
        MainWindow w(&m_catalogue);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.resize(1200, 760);
        dock(&w, "PaletteDock")->hide();
        QTRY_COMPARE(w.size(), QSize(1200, 760));
        QVERIFY(w.close());
    }
    MainWindow w(&m_catalogue);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.size(), QSize(1200, 760));
    QVERIFY(!dock(&w, "PaletteDock")->isVisible());
    QVERIFY(dock(&w, "InspectorDock")->isVisible());
}

void TestUiFirstHour::emptyCanvasHintClearsWithTheFirstBox()
{
    MainWindow w(&m_catalogue);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    FullPaints paints(w.view()->viewport());
    QApplication::processEvents();
    paints.count = 0;
    w.canvas()->addComponentInView(Role::Backend);
    QTRY_VERIFY(paints.count > 0); // the whole viewport, hint and all, is repainted
}

void TestUiFirstHour::ctrlEqualsZoomsIn()
{
    auto w = exampleWindow(&m_catalogue);
    QVERIFY(w);
    w->view()->setZoom(1.0);
    w->activateWindow();
    w->view()->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    QTest::keyClick(w->view(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(qRound(w->view()->zoom() * 100), 120);
}

void TestUiFirstHour::darkPaletteReachesTheCanvas()
{
    auto w = exampleWindow(&m_catalogue, QStringLiteral("hybrid"), QSize(1440, 900));
    QVERIFY(w);
    QCOMPARE(w->appearance()->mode(), Appearance::Mode::System);
    QCOMPARE(w->appearance()->theme(), Theme::Light); // the offscreen platform is light
    shot(w.get(), QStringLiteral("palette-light"));
    w->findChild<QAction *>(QStringLiteral("Theme:dark"))->trigger();
    QCOMPARE(w->appearance()->theme(), Theme::Dark);
    QCOMPARE(w->scene()->style().theme, Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QApplication::processEvents();
    const QImage canvas = w->view()->viewport()->grab().toImage();
    int background = 0, all = 0;
    for (int y = 0; y < canvas.height(); y += 3)
        for (int x = 0; x < canvas.width(); x += 3, ++all)
            background += canvas.pixelColor(x, y) == DiagramStyle::of(Theme::Dark).background;
    QVERIFY2(background > all / 2, qPrintable(QStringLiteral("%1 of %2").arg(background).arg(all)));
    shot(w.get(), QStringLiteral("palette-dark"));
    w->showWelcome();
    shot(w.get(), QStringLiteral("welcome-dark"));
    QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(),
             QStringLiteral("dark"));
    w->findChild<QAction *>(QStringLiteral("Theme:system"))->trigger();
    QCOMPARE(w->scene()->style().theme, Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
}

QTEST_MAIN(TestUiFirstHour)
#include "test_ui_first_hour.moc"
