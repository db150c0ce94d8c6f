#include "canvas/diagramview.h"

#include "canvas/diagramscene.h"
#include "layout/autoarrange.h"

#include <QKeyEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>
#include <utility>

namespace stackplan {

DiagramView::DiagramView(QGraphicsScene *scene, QWidget *parent) : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    // Scrolling by hand (bars, wheel, keys) ends the fit that follows the view size.
    for (QScrollBar *bar : {horizontalScrollBar(), verticalScrollBar()})
        connect(bar, &QAbstractSlider::actionTriggered, this, [this] { m_followFit = false; });
    // The empty-canvas hint is painted over the whole viewport; repaint all of it as soon as the
    // first box appears (or the last one goes), not just the region of the changed item.
    if (scene)
        connect(scene, &QGraphicsScene::changed, this, [this] {
            const auto *s = qobject_cast<const DiagramScene *>(this->scene());
            const bool empty = s && s->componentItemCount() == 0;
            if (empty != std::exchange(m_wasEmpty, empty))
                viewport()->update();
        });
}

double DiagramView::zoom() const
{
    return transform().m11();
}

void DiagramView::setZoom(double factor)
{
    m_followFit = false;
    factor = std::clamp(factor, 0.1, 4.0);
    setTransform(QTransform::fromScale(factor, factor));
    emit zoomChanged(factor);
}

void DiagramView::zoomBy(double factor)
{
    setZoom(zoom() * factor);
}

namespace {

QRectF fitRect(QGraphicsScene *scene)
{
    auto *s = qobject_cast<DiagramScene *>(scene);
    QRectF r = s ? s->contentRect() : scene->itemsBoundingRect();
    if (r.isEmpty())
        r = QRectF(-200, -150, 400, 300);
    return r.adjusted(-40, -40, 40, 40);
}

} // namespace

double DiagramView::legibleZoom() const
{
    const double namePixels = DiagramStyle::of(Theme::Light).nameFont().pixelSize();
    return 9.0 * logicalDpiY() / 72.0 / namePixels;
}

double DiagramView::wholeFitZoom() const
{
    const QRectF r = fitRect(scene());
    const QRect v = viewport()->rect();
    return std::min(v.width() / r.width(), v.height() / r.height());
}

void DiagramView::fitContents(Fit mode)
{
    const QRectF r = fitRect(scene());
    double z = std::min(wholeFitZoom(), 1.25);
    if (mode == Fit::Legible)
        z = std::max(z, std::min(legibleZoom(), 1.25));
    setTransform(QTransform::fromScale(z, z));
    // Centred when it fits; otherwise from the top left, where the first tier starts.
    const QSizeF seen(viewport()->width() / z, viewport()->height() / z);
    const double cx = r.width() <= seen.width() ? r.center().x() : r.left() + seen.width() / 2;
    const double cy = r.height() <= seen.height() ? r.center().y() : r.top() + seen.height() / 2;
    centerOn(cx, cy);
    m_followFit = true;
    m_fitMode = mode;
    emit zoomChanged(zoom());
}

void DiagramView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_followFit)
        fitContents(m_fitMode);
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)
        || !(event->modifiers() & Qt::ShiftModifier)) {
        const double steps = event->angleDelta().y() / 120.0;
        if (steps != 0) {
            zoomBy(std::pow(1.15, steps));
            event->accept();
            return;
        }
    }
    QGraphicsView::wheelEvent(event);
}

void DiagramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_followFit = false;
        m_lastPan = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint d = event->pos() - m_lastPan;
        m_lastPan = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DiagramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DiagramView::keyPressEvent(QKeyEvent *event)
{
    const bool selection = scene() && !scene()->selectedItems().isEmpty();
    if (selection && event->key() == Qt::Key_Escape) {
        scene()->clearSelection();
        event->accept();
        return;
    }
    if (selection
        && (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right
            || event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
        double step = kGrid;
        if (event->modifiers() & Qt::ShiftModifier)
            step = kGrid * 4;
        else if (event->modifiers() & Qt::AltModifier)
            step = 1;
        const double dx = event->key() == Qt::Key_Left    ? -step
                          : event->key() == Qt::Key_Right ? step
                                                          : 0;
        const double dy = event->key() == Qt::Key_Up     ? -step
                          : event->key() == Qt::Key_Down ? step
                                                         : 0;
        emit nudgeRequested(dx, dy);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DiagramView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DiagramView::drawBackground(QPainter *painter, const QRectF &rect)
{
    const auto *s = qobject_cast<const DiagramScene *>(scene());
    const DiagramStyle &style = s ? s->style() : DiagramStyle::of(Theme::Light);
    painter->fillRect(rect, style.theme == Theme::Light ? QColor(0xf7, 0xf9, 0xfa) : style.background);
    if (zoom() < 0.45)
        return;
    const double step = kGrid * 4;
    const double left = std::floor(rect.left() / step) * step;
    const double top = std::floor(rect.top() / step) * step;
    painter->setPen(QPen(style.theme == Theme::Light ? QColor(0xdd, 0xe3, 0xe7) : style.grid, 0));
    QVector<QPointF> dots;
    for (double x = left; x < rect.right(); x += step)
        for (double y = top; y < rect.bottom(); y += step)
            dots.append(QPointF(x, y));
    painter->drawPoints(dots.constData(), int(dots.size()));
}

} // namespace stackplan

namespace stackplan {

void DiagramView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    const auto *s = qobject_cast<const DiagramScene *>(scene());
    if (!s || s->componentItemCount() > 0)
        return;
    // An empty option says how to start.
    painter->save();
    painter->resetTransform();
    painter->setPen(s->style().muted);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.1);
    painter->setFont(f);
    painter->drawText(
        viewport()->rect().adjusted(40, 40, -40, -40), Qt::AlignCenter | Qt::TextWordWrap,
        tr("Drag a component from the palette onto the canvas, or click one to add it.\n"
           "Then drag from a box's + handle to another box to connect them."));
    painter->restore();
}

} // namespace stackplan
