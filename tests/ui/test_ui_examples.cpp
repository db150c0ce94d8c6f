// The bundled examples open from File → Open Example on readable, auto-arranged canvases: every
// element shown, no two boxes overlapping, no arrow label on a box, the same arrows as the exports.
#include "document.h"
#include "mainwindow.h"
#include "profiles/catalogue.h"
#include "render/diagram.h"
#include "uitest.h"

#include <QMenu>
#include <QMenuBar>

using namespace stackplan;
using namespace uitest;

class TestUiExamples : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void openExampleMenuListsAllFive();
    void everyOptionIsReadable_data();
    void everyOptionIsReadable();

private:
    Catalogue m_catalogue;
};

void TestUiExamples::openExampleMenuListsAllFive()
{
    MainWindow w(&m_catalogue);
    QStringList entries;
    for (QAction *top : w.menuBar()->actions())
        if (top->menu())
            for (QAction *a : top->menu()->actions())
                if (a->menu() && a->text().contains(QStringLiteral("Example")))
                    for (QAction *e : a->menu()->actions())
                        entries << e->text();
    QCOMPARE(entries.size(), 5);
    QCOMPARE(
        MainWindow::exampleNames(),
        QStringList({"allogator.stackplan.json", "cloudflare-containers-starter.stackplan.json",
                     "fastapi-websockets-baml.stackplan.json",
                     "flrts-cloudflare-migration.stackplan.json",
                     "inkcre-python-workers.stackplan.json"}));
}

void TestUiExamples::everyOptionIsReadable_data()
{
    QTest::addColumn<QString>("example");
    for (const auto &name : MainWindow::exampleNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestUiExamples::everyOptionIsReadable()
{
    QFETCH(QString, example);
    MainWindow w(&m_catalogue);
    w.resize(1600, 1000);
    QVERIFY(w.openExample(example));
    QVERIFY(w.document()
                ->filePath()
                .isEmpty()); // opens untitled: the bundled copy is never overwritten
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    for (const auto &option : w.document()->project().options) {
        w.document()->setCurrentOption(option.id);
        QTRY_COMPARE(w.scene()->optionId(), option.id);
        QTest::qWait(0); // let the view fit
        saveScreenshot(
            &w, QStringLiteral("example-%1-%2")
                    .arg(QString(example).remove(QStringLiteral(".stackplan.json")), option.id));
        QCOMPARE(w.scene()->componentItemCount(), int(option.components.size()));
        QCOMPARE(w.scene()->connectionItemCount(), int(option.connections.size()));
        std::vector<QRectF> boxes;
        for (const auto &c : option.components) {
            QVERIFY2(option.layout.count(c.id), qPrintable(c.id)); // arranged in the file
            auto *item = w.scene()->componentItem(c.id);
            boxes.push_back(item->mapRectToScene(item->boxRect()));
        }
        for (size_t i = 0; i < boxes.size(); ++i)
            for (size_t j = i + 1; j < boxes.size(); ++j)
                QVERIFY2(!boxes[i].intersects(boxes[j]),
                         qPrintable(option.id + QStringLiteral(": ") + option.components[i].id
                                    + QStringLiteral(" overlaps ") + option.components[j].id));
        for (const auto &conn : option.connections) {
            auto *item = w.scene()->connectionItem(conn.id);
            const QRectF label = item->route().label;
            QVERIFY(!label.isEmpty());
            for (size_t i = 0; i < boxes.size(); ++i)
                QVERIFY2(!label.intersects(boxes[i]),
                         qPrintable(option.id + QStringLiteral(": label of ") + conn.id
                                    + QStringLiteral(" covers ") + option.components[i].id));
        }
        // The canvas shows the geometry every export computes from the model alone.
        const Diagram d = buildDiagram(w.document()->project(), option.id, &m_catalogue, {});
        QCOMPARE(d.connections.size(), option.connections.size());
        for (const auto &dc : d.connections)
            QVERIFY2(w.scene()->connectionItem(dc.id)->route() == dc.route, qPrintable(dc.id));
    }
}

QTEST_MAIN(TestUiExamples)
#include "test_ui_examples.moc"
