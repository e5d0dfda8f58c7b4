#include "views/canvas/CanvasView.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

#include <cmath>

#include "views/ViewIds.h"
#include "views/canvas/CanvasEditor.h"
#include "views/canvas/DiagramScene.h"

namespace sw::views {
namespace {
constexpr double kMinZoom = 0.05, kMaxZoom = 4.0;
}

CanvasView::CanvasView(DiagramScene* scene, QWidget* parent) : QGraphicsView(scene, parent), scene_(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundBrush(Qt::NoBrush);
    connect(scene, &QGraphicsScene::changed, this, [this](const QList<QRectF>& changed) {
        // Grow the scrollable area with the content, with room to work around it; only
        // the changed areas are looked at, never every item (large designs).
        QRectF want;
        for (const QRectF& r : changed) want = want.united(r);
        if (want.isNull()) return;
        want.adjust(-1200, -900, 1200, 900);
        if (!sceneRect().contains(want)) setSceneRect(sceneRect().united(want));
    });
    updateSceneBounds();
}

void CanvasView::updateSceneBounds() {
    QRectF r = scene_->itemsBoundingRect();
    if (r.isEmpty()) r = QRectF(0, 0, 1200, 800);
    setSceneRect(r.adjusted(-1200, -900, 1200, 900));
}

void CanvasView::showGrid(bool on) {
    grid_ = on;
    viewport()->update();
}

void CanvasView::setZoom(double z, const QPointF& anchor) {
    z = std::clamp(z, kMinZoom, kMaxZoom);
    const QPointF before = mapFromScene(anchor);
    setTransform(QTransform::fromScale(z, z));
    const QPointF after = mapFromScene(anchor);
    const QPointF d = after - before;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + static_cast<int>(std::round(d.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + static_cast<int>(std::round(d.y())));
    viewport()->update();
    emit zoomChanged(z);
}

void CanvasView::zoomIn() { setZoom(zoom() * 1.25, mapToScene(viewport()->rect().center())); }
void CanvasView::zoomOut() { setZoom(zoom() / 1.25, mapToScene(viewport()->rect().center())); }
void CanvasView::zoomReset() { setZoom(1.0, mapToScene(viewport()->rect().center())); }

void CanvasView::fitToContents() {
    QRectF r = scene_->contentBounds();
    if (r.isEmpty()) {
        resetTransform();
        emit zoomChanged(1.0);
        return;
    }
    updateSceneBounds();
    r.adjust(-40, -40, 40, 40);
    const double z = std::clamp(std::min(viewport()->width() / r.width(), viewport()->height() / r.height()), kMinZoom, 1.5);
    setTransform(QTransform::fromScale(z, z));
    centerOn(r.center());
    emit zoomChanged(z);
}

void CanvasView::centerOnSelection() {
    QRectF r;
    for (QGraphicsItem* i : scene_->selectedItems()) r = r.united(i->sceneBoundingRect());
    if (r.isEmpty()) return;
    if (!mapToScene(viewport()->rect()).boundingRect().contains(r)) centerOn(r.center());
}

void CanvasView::drawBackground(QPainter* p, const QRectF& rect) {
    const auto& t = scene_->theme();
    p->fillRect(rect, t.canvas);
    if (!grid_) return;
    const double z = zoom();
    double step = kGridSize;
    while (step * z < 12) step *= 4;   // keep dots at least 12 px apart on screen
    const double major = step * 5;
    const double left = std::floor(rect.left() / step) * step;
    const double top = std::floor(rect.top() / step) * step;
    const double dot = 1.6 / z;
    QVector<QRectF> minor, majorDots;
    for (double x = left; x < rect.right(); x += step)
        for (double y = top; y < rect.bottom(); y += step) {
            const bool isMajor = std::fmod(std::abs(x), major) < 1e-6 && std::fmod(std::abs(y), major) < 1e-6;
            (isMajor ? majorDots : minor).append(QRectF(x - dot / 2, y - dot / 2, dot, dot));
        }
    p->setPen(Qt::NoPen);
    p->setBrush(t.gridDot);
    p->drawRects(minor);
    p->setBrush(t.gridDotMajor);
    p->drawRects(majorDots);
}

void CanvasView::wheelEvent(QWheelEvent* e) {
    if (e->modifiers() & Qt::ControlModifier) {
        const double steps = e->angleDelta().y() / 120.0;
        setZoom(zoom() * std::pow(1.15, steps), mapToScene(e->position().toPoint()));   // ui-math: zoom step per wheel notch
        e->accept();
        return;
    }
    QGraphicsView::wheelEvent(e);
}

void CanvasView::mousePressEvent(QMouseEvent* e) {
    if (e->button() == Qt::MiddleButton || (spaceHeld_ && e->button() == Qt::LeftButton)) {
        panning_ = true;
        panLast_ = e->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        e->accept();
        return;
    }
    QGraphicsView::mousePressEvent(e);
}

void CanvasView::mouseMoveEvent(QMouseEvent* e) {
    if (panning_) {
        const QPoint d = e->pos() - panLast_;
        panLast_ = e->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        e->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(e);
}

void CanvasView::mouseReleaseEvent(QMouseEvent* e) {
    if (panning_ && (e->button() == Qt::MiddleButton || e->button() == Qt::LeftButton)) {
        panning_ = false;
        viewport()->setCursor(spaceHeld_ ? Qt::OpenHandCursor : Qt::ArrowCursor);
        e->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(e);
}

void CanvasView::keyPressEvent(QKeyEvent* e) {
    if (e->key() == Qt::Key_Space && !e->isAutoRepeat()) {
        spaceHeld_ = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        e->accept();
        return;
    }
    double step = (e->modifiers() & Qt::AltModifier) ? 1 : kGridSize;
    if (e->modifiers() & Qt::ShiftModifier) step *= 4;
    QPointF d;
    switch (e->key()) {
    case Qt::Key_Left: d = {-step, 0}; break;
    case Qt::Key_Right: d = {step, 0}; break;
    case Qt::Key_Up: d = {0, -step}; break;
    case Qt::Key_Down: d = {0, step}; break;
    default: QGraphicsView::keyPressEvent(e); return;
    }
    if (!scene_->selectedItems().isEmpty()) scene_->editor()->moveSelection(d, true);
    e->accept();
}

void CanvasView::keyReleaseEvent(QKeyEvent* e) {
    if (e->key() == Qt::Key_Space && !e->isAutoRepeat()) {
        spaceHeld_ = false;
        viewport()->setCursor(Qt::ArrowCursor);
        e->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(e);
}

void CanvasView::dragEnterEvent(QDragEnterEvent* e) {
    if (e->mimeData()->hasFormat(kPaletteMime) || e->mimeData()->hasUrls()) {
        e->acceptProposedAction();
        return;
    }
    QGraphicsView::dragEnterEvent(e);
}

void CanvasView::dragMoveEvent(QDragMoveEvent* e) {
    if (e->mimeData()->hasFormat(kPaletteMime)) {
        const QPointF p = mapToScene(e->position().toPoint());
        scene_->highlightDropTarget(scene_->containerAt(p));
        e->acceptProposedAction();
        return;
    }
    if (e->mimeData()->hasUrls()) {
        e->acceptProposedAction();
        return;
    }
    QGraphicsView::dragMoveEvent(e);
}

void CanvasView::dragLeaveEvent(QDragLeaveEvent* e) {
    scene_->highlightDropTarget(nullptr);
    QGraphicsView::dragLeaveEvent(e);
}

void CanvasView::dropEvent(QDropEvent* e) {
    scene_->highlightDropTarget(nullptr);
    const QMimeData* m = e->mimeData();
    if (m->hasFormat(kPaletteMime)) {
        const QString key = QString::fromUtf8(m->data(kPaletteMime));
        const QPointF p = mapToScene(e->position().toPoint());
        CanvasEditor* ed = scene_->editor();
        if (key == QLatin1String("region")) {
            ed->addRegion(p - QPointF(24, 16));
        } else if (key == QLatin1String("zone")) {
            QString why;
            if (!ed->addZone(p - QPointF(24, 16), &why)) emit hint(why);
        } else if (auto kind = kindFromKey(key.toStdString())) {
            ed->addComponent(*kind, p - QPointF(kNodeWidth / 2, kNodeHeight / 2));
        }
        e->acceptProposedAction();
        setFocus();
        return;
    }
    if (m->hasUrls()) {
        QStringList paths;
        for (const QUrl& u : m->urls())
            if (u.isLocalFile()) paths << u.toLocalFile();
        if (!paths.isEmpty()) emit filesDropped(paths);
        e->acceptProposedAction();
        return;
    }
    QGraphicsView::dropEvent(e);
}

}  // namespace sw::views
