// The canvas widget: dot grid, zoom (Ctrl+wheel, to fit), pan (Space-drag,
// middle button), keyboard nudging, and drops from the palette.
#pragma once

#include <QGraphicsView>

namespace sw::views {

class DiagramScene;

class CanvasView : public QGraphicsView {
    Q_OBJECT
public:
    explicit CanvasView(DiagramScene* scene, QWidget* parent = nullptr);

    DiagramScene* diagram() const { return scene_; }
    double zoom() const { return transform().m11(); }
    void setZoom(double z, const QPointF& anchorScenePos);
    void showGrid(bool on);

public slots:
    void zoomIn();
    void zoomOut();
    void zoomReset();
    void fitToContents();
    void centerOnSelection();
    void updateSceneBounds();

signals:
    void zoomChanged(double zoom);
    void filesDropped(const QStringList& paths);
    void hint(const QString& text);

protected:
    void drawBackground(QPainter* p, const QRectF& rect) override;
    void wheelEvent(QWheelEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    void keyReleaseEvent(QKeyEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dragMoveEvent(QDragMoveEvent* e) override;
    void dragLeaveEvent(QDragLeaveEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    DiagramScene* scene_;
    bool grid_ = true;
    bool spaceHeld_ = false;
    bool panning_ = false;
    QPoint panLast_;
};

}  // namespace sw::views
