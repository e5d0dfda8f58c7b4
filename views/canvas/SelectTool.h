// The default gesture: click to select (Ctrl/Shift to add), drag to move
// (with what the moved containers hold, snapped to the grid), drag a selected
// container's edge to resize, drag from a component's handle to connect.
#pragma once

#include <QHash>
#include <QPointF>
#include <QRectF>

#include <memory>

#include "views/canvas/CanvasTool.h"

class QGraphicsItem;

namespace sw::views {

class ConnectTool;
class ContainerItem;

class SelectTool : public CanvasTool {
public:
    explicit SelectTool(DiagramScene* scene);
    ~SelectTool() override;

    bool press(QGraphicsSceneMouseEvent* e) override;
    bool move(QGraphicsSceneMouseEvent* e) override;
    bool release(QGraphicsSceneMouseEvent* e) override;
    void cancel() override;
    QString hint() const override;

private:
    enum class State { Idle, Moving, Resizing, Connecting };
    void startMove(QGraphicsItem* anchor, const QPointF& at);
    void updateResize(const QPointF& at);

    State state_ = State::Idle;
    std::unique_ptr<ConnectTool> connect_;
    QGraphicsItem* anchor_ = nullptr;
    QPointF pressPos_, anchorStart_;
    QHash<QGraphicsItem*, QPointF> starts_;
    bool moved_ = false;
    ContainerItem* resizing_ = nullptr;
    int handle_ = 0;
    QRectF resizeStart_;
};

}  // namespace sw::views
