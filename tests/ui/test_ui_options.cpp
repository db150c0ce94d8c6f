// Option tabs: add, duplicate (a deep copy with its layout), rename in place, delete, reorder
// and mark as baseline — each one undo step that restores the project byte for byte.
#include "document.h"
#include "inlineeditor.h"
#include "mainwindow.h"
#include "optioncontroller.h"
#include "optiontabs.h"
#include "profiles/catalogue.h"
#include "uitest.h"

#include <QMenu>
#include <QTabBar>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace stackplan;
using namespace uitest;

class TestUiOptions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void plusButtonAddsAnEmptyOptionAndShowsIt();
    void duplicateIsADeepCopyWithLayout();
    void renameInPlaceByDoubleClickingATab();
    void deleteKeepsABaseline();
    void draggingATabReordersOptionsInOneStep();
    void markBaselineMovesTheStar();
    void tabMenuOffersEveryOptionAction();

private:
    std::unique_ptr<MainWindow> window();
    QStringList tabTexts(MainWindow *w)
    {
        QStringList texts;
        for (int i = 0; i < w->optionTabs()->count(); ++i)
            texts << w->optionTabs()->tabText(i);
        return texts;
    }
    Catalogue m_catalogue;
};

std::unique_ptr<MainWindow> TestUiOptions::window()
{
    return exampleWindow(&m_catalogue);
}

void TestUiOptions::plusButtonAddsAnEmptyOptionAndShowsIt()
{
    auto w = window();
    QVERIFY(w);
    const QByteArray before = bytes(w->document()->project());
    QTest::mouseClick(w->optionTabsWidget()->addButton(), Qt::LeftButton);
    QCOMPARE(w->document()->project().options.size(), size_t(4));
    QCOMPARE(w->document()->currentOptionId(), QStringLiteral("option-4"));
    QCOMPARE(w->optionTabs()->currentIndex(), 3);
    QCOMPARE(w->optionTabs()->tabText(3), QStringLiteral("Option 4"));
    QCOMPARE(w->scene()->componentItemCount(), 0);
    QCOMPARE(w->document()->undoStack()->undoText(), QStringLiteral("Add option Option 4"));
    w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);
    QCOMPARE(w->optionTabs()->count(), 3);
    QCOMPARE(w->document()->currentOptionId(), QStringLiteral("hybrid"));
}

void TestUiOptions::duplicateIsADeepCopyWithLayout()
{
    auto w = window();
    QVERIFY(w);
    const QByteArray before = bytes(w->document()->project());
    const QString id = w->options()->duplicateOption(QStringLiteral("hybrid"));
    QCOMPARE(id, QStringLiteral("react-on-workers-fastapi-on-cloud-run-supabase-copy"));
    QCOMPARE(w->document()->currentOptionId(), id);
    QCOMPARE(w->optionTabs()->currentIndex(), 2); // right after the original
    const Option *copy = w->document()->project().option(id);
    const Option *orig = w->document()->project().option(QStringLiteral("hybrid"));
    QVERIFY(copy->components == orig->components);
    QVERIFY(copy->connections == orig->connections);
    QVERIFY(copy->layout == orig->layout);
    QCOMPARE(w->scene()->componentItemCount(), 5);
    // Independent of the original.
    w->scene()->selectElements({QStringLiteral("llm-apis")}, {});
    QTest::keyClick(w->view(), Qt::Key_Delete);
    QCOMPARE(w->document()->project().option(QStringLiteral("hybrid"))->components.size(),
             size_t(5));
    w->document()->undoStack()->undo();
    w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);
    w->document()->undoStack()->redo();
    QVERIFY(w->document()->project().option(id));
}

void TestUiOptions::renameInPlaceByDoubleClickingATab()
{
    auto w = window();
    QVERIFY(w);
    QTabBar *tabs = w->optionTabs();
    QTest::mouseDClick(tabs, Qt::LeftButton, {}, tabs->tabRect(0).center());
    QTRY_VERIFY(w->optionTabsWidget()->renameEditor());
    InlineEditor *editor = w->optionTabsWidget()->renameEditor();
    QCOMPARE(editor->text(), QStringLiteral("Everything on Cloudflare Workers"));
    QTest::keyClicks(editor, QStringLiteral("All Workers"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(w->document()->project().option(QStringLiteral("all-workers"))->name,
                 QStringLiteral("All Workers"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("All Workers"));
    QCOMPARE(w->document()->undoStack()->undoText(),
             QStringLiteral("Rename option Everything on Cloudflare Workers to All Workers"));
    // An empty name is refused.
    QVERIFY(!w->options()->renameOption(QStringLiteral("all-workers"), QStringLiteral("  ")));
    QCOMPARE(w->document()->undoStack()->count(), 1);
}

void TestUiOptions::deleteKeepsABaseline()
{
    auto w = window();
    QVERIFY(w);
    const QByteArray before = bytes(w->document()->project());
    QVERIFY(w->options()->removeOption(QStringLiteral("hybrid"))); // the baseline
    QCOMPARE(w->document()->project().baseline, QStringLiteral("all-workers"));
    QCOMPARE(tabTexts(w.get()),
             QStringList(
                 {QStringLiteral("Everything on Cloudflare Workers ★"),
                  w->optionTabs()->fontMetrics().elidedText(
                      QStringLiteral("Rewrite for the edge (TypeScript Workers + D1 + Workers AI)"),
                      Qt::ElideRight, OptionTabs::kTabTextWidth)}));
    QVERIFY(w->document()->project().option(w->document()->currentOptionId()));
    QCOMPARE(w->document()->undoStack()->count(), 1);
    w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);
    QVERIFY(w->options()->removeOption(QStringLiteral("edge-rewrite")));
    QVERIFY(w->options()->removeOption(QStringLiteral("all-workers")));
    QVERIFY(!w->options()->removeOption(QStringLiteral("hybrid"))); // the last one stays
}

void TestUiOptions::draggingATabReordersOptionsInOneStep()
{
    auto w = window();
    QVERIFY(w);
    const QByteArray before = bytes(w->document()->project());
    QTabBar *tabs = w->optionTabs();
    const QPoint from = tabs->tabRect(0).center();
    const QPoint to = QPoint(tabs->tabRect(2).right() - 4, from.y());
    QTest::mousePress(tabs, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 20; ++i)
        QTest::mouseMove(tabs, from + (to - from) * i / 20);
    QTest::mouseRelease(tabs, Qt::LeftButton, {}, to);
    QTRY_COMPARE(optionIds(w->document()->project()),
                 QStringList({QStringLiteral("hybrid"), QStringLiteral("edge-rewrite"),
                              QStringLiteral("all-workers")}));
    QCOMPARE(w->document()->undoStack()->count(), 1); // one drag, one step
    QCOMPARE(tabs->tabData(2).toString(), QStringLiteral("all-workers"));
    QCOMPARE(tabs->tabText(0),
             tabs->fontMetrics().elidedText(
                 QStringLiteral("React on Workers + FastAPI on Cloud Run + Supabase"),
                 Qt::ElideRight, OptionTabs::kTabTextWidth)
                 + QStringLiteral(" ★"));
    w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Everything on Cloudflare Workers"));
    // From the menu: one step per move.
    QVERIFY(w->options()->moveOption(QStringLiteral("edge-rewrite"), 0));
    QVERIFY(w->options()->moveOption(QStringLiteral("edge-rewrite"), 1));
    QCOMPARE(w->document()->undoStack()->count(), 2);
}

void TestUiOptions::markBaselineMovesTheStar()
{
    auto w = window();
    QVERIFY(w);
    QVERIFY(w->options()->setBaseline(QStringLiteral("edge-rewrite")));
    QCOMPARE(w->document()->project().baseline, QStringLiteral("edge-rewrite"));
    QVERIFY(w->optionTabs()->tabText(2).endsWith(QStringLiteral(" ★")));
    QVERIFY(!w->optionTabs()->tabText(1).endsWith(QStringLiteral(" ★")));
    QVERIFY(!w->options()->setBaseline(QStringLiteral("edge-rewrite"))); // already
    w->document()->undoStack()->undo();
    QCOMPARE(w->document()->project().baseline, QStringLiteral("hybrid"));
    shot(w.get(), QStringLiteral("options"));
}

void TestUiOptions::tabMenuOffersEveryOptionAction()
{
    auto w = window();
    QVERIFY(w);
    std::unique_ptr<QMenu> menu(
        w->optionTabsWidget()->createMenu(QStringLiteral("all-workers"), w.get()));
    QStringList texts;
    for (QAction *a : menu->actions())
        if (!a->isSeparator())
            texts << a->text() + (a->isEnabled() ? QString() : QStringLiteral(" (disabled)"));
    QCOMPARE(texts, QStringList({QStringLiteral("&Rename…"), QStringLiteral("&Duplicate"),
                                 QStringLiteral("Mark as &Baseline"),
                                 QStringLiteral("Move &Left (disabled)"),
                                 QStringLiteral("Move R&ight"), QStringLiteral("&Delete Option")}));
    for (QAction *a : menu->actions())
        if (a->text() == QLatin1String("Move R&ight"))
            a->trigger();
    QCOMPARE(w->document()->project().optionIndex(QStringLiteral("all-workers")), 1);
}

QTEST_MAIN(TestUiOptions)
#include "test_ui_options.moc"
