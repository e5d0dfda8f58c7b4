// A region or an availability zone on the canvas: a titled, resizable frame.
// Only its title bar and border take clicks, so rubber-band selection and
// drops work inside it.
#pragma once

#include <QGraphicsItem>
#include <QString>

#include "model/Placement.h"
#include "views/ViewIds.h"

namespace sw::views {

struct Theme;

class ContainerItem : public QGraphicsItem {
public:
    enum Handle { None = 0, Left = 1, Right = 2, Top = 4, Bottom = 8 };
    ContainerItem(bool zone, const Theme* theme);

    int type() const override { return zone_ ? kZoneItemType : kRegionItemType; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    bool isZone() const { return zone_; }
    const QString& id() const { return id_; }
    void sync(const Region& r);
    void sync(const Zone& z);
    // The rectangle in scene coordinates.
    QRectF sceneRect() const { return QRectF(pos(), size_); }
    void setSceneRect(const QRectF& r);
    // Which resize handle (a mask of Handle) is under a scene point, when selected.
    int handleAt(const QPointF& scenePos) const;
    void setDropTarget(bool on);

    static constexpr double kTitleHeight = 30;

private:
    void setRect(const QString& id, const QString& title, const QString& subtitle, const Rect& r);

    bool zone_;
    const Theme* theme_;
    QString id_, title_, subtitle_;
    QSizeF size_;
    bool dropTarget_ = false;
};

}  // namespace sw::views
