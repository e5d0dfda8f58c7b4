// One component on the canvas: a 160 x 64 card with the kind's icon, name,
// instance summary, and the live overlays (utilisation bar and colour, cost
// and availability badges, bottleneck ring, validation marker).
#pragma once

#include <QGraphicsItem>
#include <QString>

#include "model/Component.h"
#include "views/ViewIds.h"
#include "views/canvas/NodeOverlay.h"

namespace sw::views {

struct Theme;

class ComponentItem : public QGraphicsItem {
public:
    enum { Type = kComponentItemType };
    ComponentItem(const Component& c, const Theme* theme);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const QString& id() const { return id_; }
    ComponentKind kind() const { return kind_; }
    const QString& name() const { return name_; }
    void sync(const Component& c);   // position and text from the model
    void setOverlay(const NodeOverlay& o);
    const NodeOverlay& overlay() const { return overlay_; }
    // The box in scene coordinates (what edges attach to).
    QRectF sceneBox() const { return QRectF(pos(), QSizeF(kNodeWidth, kNodeHeight)); }
    // Whether a scene point is on the connection handle on the right edge.
    bool onPort(const QPointF& scenePos) const;
    void setConnectTarget(bool on);
    // While comparing variants: outlined as added to or changed from the base.
    enum class DiffMark { None, Added, Changed };
    void setDiffMark(DiffMark m);
    DiffMark diffMark() const { return diff_; }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* e) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent* e) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* e) override;

private:
    void paintBadges(QPainter* p);
    void paintUtilisation(QPainter* p);
    QColor utilisationColour() const;
    void refreshToolTip();

    QString id_, name_, subtitle_;
    ComponentKind kind_;
    NodeOverlay overlay_;
    const Theme* theme_;
    bool hovered_ = false, portHovered_ = false, target_ = false;
    DiffMark diff_ = DiffMark::None;
};

}  // namespace sw::views
