#include "views/canvas/SelectTool.h"

#include <QCoreApplication>
#include <QGraphicsSceneMouseEvent>

#include "views/canvas/CanvasEditor.h"
#include "views/canvas/ComponentItem.h"
#include "views/canvas/ConnectTool.h"
#include "views/canvas/ContainerItem.h"
#include "views/canvas/DiagramScene.h"
#include "views/canvas/LinkItem.h"

namespace sw::views {

SelectTool::SelectTool(DiagramScene* scene)
    : CanvasTool(scene), connect_(std::make_unique<ConnectTool>(scene, LinkKind::Call)) {}

SelectTool::~SelectTool() = default;

QString SelectTool::hint() const {
    return QCoreApplication::translate(
        "Canvas", "Drag components from the palette · drag a node's right handle to call another · "
                  "Space-drag or middle button to pan · Ctrl+wheel to zoom");
}

bool SelectTool::press(QGraphicsSceneMouseEvent* e) {
    const QPointF p = e->scenePos();
    const bool additive = e->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier);
    // Resize handles of a selected container win over everything under them.
    for (QGraphicsItem* item : scene_->selectedItems()) {
        if (item->type() != kRegionItemType && item->type() != kZoneItemType) continue;
        auto* c = static_cast<ContainerItem*>(item);
        if (int h = c->handleAt(p)) {
            state_ = State::Resizing;
            resizing_ = c;
            handle_ = h;
            resizeStart_ = c->sceneRect();
            pressPos_ = p;
            return true;
        }
    }
    QGraphicsItem* hit = nullptr;
    for (QGraphicsItem* item : scene_->items(p, Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        const int t = item->type();
        if (t == ComponentItem::Type || t == LinkItem::Type || t == kRegionItemType || t == kZoneItemType) {
            hit = item;
            break;
        }
    }
    if (!hit) return false;   // empty canvas: the view's rubber band takes over
    if (hit->type() == ComponentItem::Type && static_cast<ComponentItem*>(hit)->onPort(p) && !additive) {
        state_ = State::Connecting;
        connect_->begin(static_cast<ComponentItem*>(hit), p);
        return true;
    }
    if (additive) {
        hit->setSelected(!hit->isSelected());
        if (!hit->isSelected()) return true;
    } else if (!hit->isSelected()) {
        scene_->clearSelection();
        hit->setSelected(true);
    }
    if (hit->type() != LinkItem::Type) startMove(hit, p);
    return true;
}

void SelectTool::startMove(QGraphicsItem* anchor, const QPointF& at) {
    state_ = State::Moving;
    anchor_ = anchor;
    pressPos_ = at;
    anchorStart_ = anchor->pos();
    moved_ = false;
    starts_.clear();
    for (QGraphicsItem* item : scene_->editor()->itemsMovedWithSelection()) starts_.insert(item, item->pos());
}

bool SelectTool::move(QGraphicsSceneMouseEvent* e) {
    switch (state_) {
    case State::Idle: return false;
    case State::Connecting: return connect_->move(e);
    case State::Resizing: updateResize(e->scenePos()); return true;
    case State::Moving: break;
    }
    const QPointF target = scene_->snapped(anchorStart_ + (e->scenePos() - pressPos_));
    const QPointF delta = target - anchorStart_;
    if (!moved_ && delta.manhattanLength() < 1) return true;
    moved_ = true;
    for (auto it = starts_.cbegin(); it != starts_.cend(); ++it) it.key()->setPos(it.value() + delta);
    if (anchor_->type() == ComponentItem::Type)
        scene_->highlightDropTarget(
            scene_->containerAt(static_cast<ComponentItem*>(anchor_)->sceneBox().center()));
    return true;
}

void SelectTool::updateResize(const QPointF& at) {
    QRectF r = resizeStart_;
    const QPointF p = scene_->snapped(at);
    constexpr double kMinW = 200, kMinH = 120;
    if (handle_ & ContainerItem::Left) r.setLeft(std::min(p.x(), r.right() - kMinW));
    if (handle_ & ContainerItem::Right) r.setRight(std::max(p.x(), r.left() + kMinW));
    if (handle_ & ContainerItem::Top) r.setTop(std::min(p.y(), r.bottom() - kMinH));
    if (handle_ & ContainerItem::Bottom) r.setBottom(std::max(p.y(), r.top() + kMinH));
    resizing_->setSceneRect(r);
}

bool SelectTool::release(QGraphicsSceneMouseEvent* e) {
    const State was = state_;
    state_ = State::Idle;
    switch (was) {
    case State::Idle: return false;
    case State::Connecting: return connect_->release(e);
    case State::Resizing: {
        ContainerItem* c = resizing_;
        resizing_ = nullptr;
        if (c->sceneRect() != resizeStart_) scene_->editor()->commitResize(c, c->sceneRect());
        return true;
    }
    case State::Moving: break;
    }
    scene_->highlightDropTarget(nullptr);
    if (moved_) {
        const QPointF delta = anchor_->pos() - anchorStart_;
        // Put the preview back; the command moves the model and the model moves the items.
        for (auto it = starts_.cbegin(); it != starts_.cend(); ++it) it.key()->setPos(it.value());
        scene_->editor()->moveSelection(delta, false);
    }
    starts_.clear();
    anchor_ = nullptr;
    return true;
}

void SelectTool::cancel() {
    if (state_ == State::Moving)
        for (auto it = starts_.cbegin(); it != starts_.cend(); ++it) it.key()->setPos(it.value());
    if (state_ == State::Resizing && resizing_) resizing_->setSceneRect(resizeStart_);
    if (state_ == State::Connecting) connect_->cancel();
    scene_->highlightDropTarget(nullptr);
    starts_.clear();
    resizing_ = nullptr;
    anchor_ = nullptr;
    state_ = State::Idle;
}

}  // namespace sw::views
