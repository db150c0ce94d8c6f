#pragma once

// Helpers for GUI tests that drive the canvas as a user would: mouse gestures on
// view.viewport() at view.mapFromScene(...), and answering the next modal dialog.
#include "canvas/componentitem.h"
#include "canvas/connectionitem.h"
#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "document.h"
#include "io/projectfile.h"
#include "layout/autoarrange.h"
#include "mainwindow.h"
#include "screenshot.h"

#include <QApplication>
#include <QMimeData>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include <functional>
#include <memory>

namespace uitest {

inline QString examplePath()
{
    return QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/allogator.stackplan.json");
}

// The bundled example open in a shown main window, on `option` if given; null if the file
// does not open or the window is not exposed.
inline std::unique_ptr<stackplan::MainWindow>
exampleWindow(const stackplan::Catalogue *catalogue, const QString &option = {}, QSize size = {})
{
    auto w = std::make_unique<stackplan::MainWindow>(catalogue);
    if (size.isValid())
        w->resize(size);
    if (!w->openFile(examplePath()))
        return nullptr;
    if (!option.isEmpty())
        w->document()->setCurrentOption(option);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    return w;
}

inline QPoint at(stackplan::DiagramView *view, const QPointF &scenePos)
{
    return view->mapFromScene(scenePos);
}

// The centre of a box in scene coordinates.
inline QPointF centreOf(stackplan::DiagramScene *scene, const QString &id)
{
    auto *item = scene->componentItem(id);
    Q_ASSERT(item);
    return item->mapToScene(item->boxRect().center());
}

// Presses at `from`, moves there in steps and releases at `to` (scene coordinates).
inline void drag(stackplan::DiagramView *view, const QPointF &from, const QPointF &to,
                 Qt::KeyboardModifiers modifiers = {})
{
    QWidget *vp = view->viewport();
    QTest::mouseMove(vp, at(view, from));
    QTest::mousePress(vp, Qt::LeftButton, modifiers, at(view, from));
    const int steps = 8;
    for (int i = 1; i <= steps; ++i)
        QTest::mouseMove(vp, at(view, from + (to - from) * (double(i) / steps)));
    QTest::mouseRelease(vp, Qt::LeftButton, modifiers, at(view, to));
}

inline void click(stackplan::DiagramView *view, const QPointF &scenePos,
                  Qt::KeyboardModifiers modifiers = {})
{
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, at(view, scenePos));
}

// Drops a role from the palette onto the canvas, as a drag and drop would end.
inline void dropRole(stackplan::DiagramView *view, const QString &roleId, const QPointF &scenePos)
{
    QMimeData mime;
    mime.setData(QStringLiteral("application/x-stackplan-role"), roleId.toUtf8());
    const QPoint pos = at(view, scenePos);
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &enter);
    QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &drop);
}

// Runs `handle` on the next modal dialog as soon as it is shown (polled from the event loop,
// so a blocking exec() in the code under test can be answered).
inline void whenDialogAppears(std::function<void(QWidget *)> handle)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, handle] {
        if (QWidget *dialog = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            handle(dialog);
        }
    });
    timer->start();
}

// Lets pending layout requests run, then saves a screenshot (see screenshot.h).
inline void shot(QWidget *w, const QString &name)
{
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    saveScreenshot(w, name);
}

inline QByteArray bytes(const stackplan::Project &p)
{
    return stackplan::serializeProject(p);
}

// Allogator's all-workers backend raised to 13 instances × 5 connections: 65 direct connections,
// above Supabase Micro's 60, so the pooling warning (and the capacity error) appear; at the
// example's 10 instances they fit and neither is reported (issue 14). The undo stack is cleared so
// tests count only their own steps.
inline bool crowdTheDatabase(stackplan::Document *doc)
{
    const stackplan::Option *o = doc->project().option(QStringLiteral("all-workers"));
    if (!o || !o->component(QStringLiteral("backend")))
        return false;
    stackplan::Component backend = *o->component(QStringLiteral("backend"));
    backend.workload.maxInstances = 13;
    stackplan::Edit e;
    e.text = QStringLiteral("More backend instances");
    e.ops.push_back(stackplan::op::UpdateComponent{o->id, backend});
    if (!doc->push(e))
        return false;
    doc->undoStack()->clear();
    return true;
}

} // namespace uitest
