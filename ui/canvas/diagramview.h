#pragma once

#include <QGraphicsView>

namespace stackplan {

// The canvas view: zoom with the wheel (Ctrl or not) and the standard zoom keys, pan with the
// middle button or Space+drag, rubber-band selection, fit to view; arrow keys nudge the
// selection (one grid step, four with Shift, one unit with Alt), Escape clears it.
class DiagramView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit DiagramView(QGraphicsScene *scene, QWidget *parent = nullptr);

    // How a fit treats a diagram too large for the view at a readable size: Legible (opening a
    // file, switching options, auto-arrange) stops at legibleZoom() and scrolls, starting at the
    // top left; Whole (the Fit to View action) shows everything however small.
    enum class Fit { Legible, Whole };

    double zoom() const;
    void setZoom(double factor);
    void zoomBy(double factor);
    // Fits the diagram into the view. Until the user zooms or pans, the fit follows the view's
    // size (docks opening, the window being resized).
    void fitContents(Fit mode = Fit::Legible);
    bool followsFit() const { return m_followFit; }
    // The zoom at which a box name is 9 pt on this screen (13 px names: 0.923 at 96 dpi).
    double legibleZoom() const;
    // The zoom at which the whole diagram fits the viewport.
    double wholeFitZoom() const;

signals:
    void zoomChanged(double factor);
    // Arrow keys with something selected: move the selection by (dx, dy) scene units.
    void nudgeRequested(double dx, double dy);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_lastPan;
    bool m_followFit = false;
    Fit m_fitMode = Fit::Legible;
    bool m_wasEmpty = true;
};

} // namespace stackplan
