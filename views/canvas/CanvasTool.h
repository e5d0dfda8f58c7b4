// A canvas gesture as a small state object (select/move/resize, connect);
// the scene forwards mouse events to the active tool.
#pragma once

#include <QString>

class QGraphicsSceneMouseEvent;
class QKeyEvent;

namespace sw::views {

class DiagramScene;

class CanvasTool {
public:
    explicit CanvasTool(DiagramScene* scene) : scene_(scene) {}
    virtual ~CanvasTool() = default;
    // Each returns true when the tool consumed the event.
    virtual bool press(QGraphicsSceneMouseEvent* e) = 0;
    virtual bool move(QGraphicsSceneMouseEvent* e) = 0;
    virtual bool release(QGraphicsSceneMouseEvent* e) = 0;
    virtual void cancel() {}
    virtual QString hint() const = 0;   // for the status bar

protected:
    DiagramScene* scene_;
};

}  // namespace sw::views
