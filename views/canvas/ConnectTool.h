// Draws a call or replication edge by dragging from one component to another.
#pragma once

#include "model/Link.h"
#include "views/canvas/CanvasTool.h"

class QGraphicsLineItem;
class QPointF;

namespace sw::views {

class ComponentItem;

class ConnectTool : public CanvasTool {
public:
    ConnectTool(DiagramScene* scene, LinkKind kind);
    ~ConnectTool() override;
    void setKind(LinkKind kind) { kind_ = kind; }
    // Starts a drag from `source` (the select tool calls this for port drags).
    void begin(ComponentItem* source, const QPointF& scenePos);
    bool active() const { return source_ != nullptr; }

    bool press(QGraphicsSceneMouseEvent* e) override;
    bool move(QGraphicsSceneMouseEvent* e) override;
    bool release(QGraphicsSceneMouseEvent* e) override;
    void cancel() override;
    QString hint() const override;

private:
    void setTarget(ComponentItem* target);

    LinkKind kind_;
    ComponentItem* source_ = nullptr;
    ComponentItem* target_ = nullptr;
    QGraphicsLineItem* line_ = nullptr;
};

}  // namespace sw::views
