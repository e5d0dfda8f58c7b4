#include "views/canvas/ConnectTool.h"

#include <QCoreApplication>
#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QPen>

#include "views/canvas/CanvasEditor.h"
#include "views/canvas/ComponentItem.h"
#include "views/canvas/DiagramScene.h"
#include "views/canvas/LinkItem.h"

namespace sw::views {

ConnectTool::ConnectTool(DiagramScene* scene, LinkKind kind) : CanvasTool(scene), kind_(kind) {}

ConnectTool::~ConnectTool() { cancel(); }

QString ConnectTool::hint() const {
    return kind_ == LinkKind::Call
               ? QCoreApplication::translate("Canvas", "Call edge: drag from the caller to the component it calls. Esc returns to Select.")
               : QCoreApplication::translate("Canvas", "Replication edge: drag from the source store to its replica. Esc returns to Select.");
}

void ConnectTool::begin(ComponentItem* source, const QPointF& scenePos) {
    cancel();
    source_ = source;
    line_ = new QGraphicsLineItem(QLineF(source->sceneBox().center(), scenePos));
    QPen pen(scene_->theme().accent, 2, kind_ == LinkKind::Call ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap);
    line_->setPen(pen);
    line_->setZValue(10);
    scene_->addItem(line_);
}

bool ConnectTool::press(QGraphicsSceneMouseEvent* e) {
    ComponentItem* c = scene_->componentAt(e->scenePos());
    if (!c) return true;   // swallow: no rubber band while drawing edges
    begin(c, e->scenePos());
    return true;
}

bool ConnectTool::move(QGraphicsSceneMouseEvent* e) {
    if (!source_) return false;
    ComponentItem* over = scene_->componentAt(e->scenePos());
    setTarget(over != source_ ? over : nullptr);
    const QPointF end = target_ ? boxExit(target_->sceneBox(), source_->sceneBox().center()) : e->scenePos();
    line_->setLine(QLineF(boxExit(source_->sceneBox(), end), end));
    return true;
}

bool ConnectTool::release(QGraphicsSceneMouseEvent*) {
    if (!source_) return false;
    ComponentItem* from = source_;
    ComponentItem* to = target_;
    cancel();
    if (to) scene_->editor()->connect(from->id(), to->id(), kind_);
    return true;
}

void ConnectTool::setTarget(ComponentItem* target) {
    if (target == target_) return;
    if (target_) target_->setConnectTarget(false);
    target_ = target;
    if (target_) target_->setConnectTarget(true);
}

void ConnectTool::cancel() {
    setTarget(nullptr);
    source_ = nullptr;
    delete line_;
    line_ = nullptr;
}

}  // namespace sw::views
