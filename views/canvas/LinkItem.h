// An edge between two components: a call (solid, filled arrow) or a
// replication (dashed, violet, open arrow), with a label for fraction and mode.
#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>

#include "model/Link.h"
#include "views/ViewIds.h"

namespace sw::views {

struct Theme;

class LinkItem : public QGraphicsItem {
public:
    enum { Type = kLinkItemType };
    LinkItem(const Link& l, const Theme* theme);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const QString& id() const { return id_; }
    const QString& from() const { return from_; }
    const QString& to() const { return to_; }
    const QString& label() const { return label_; }
    void sync(const Link& l);
    // Re-routes between the two node boxes (scene coordinates); `offset` moves a
    // link sideways so that A->B and B->A do not overlap.
    void route(const QRectF& fromBox, const QRectF& toBox, double offset);

private:
    QString id_, from_, to_, label_;
    LinkKind kind_ = LinkKind::Call;
    const Theme* theme_;
    QPointF a_, b_;
    QPainterPath hit_;
    QRectF bounds_;
};

// Where the segment from the centre of `box` towards `target` leaves the box.
QPointF boxExit(const QRectF& box, const QPointF& target);

}  // namespace sw::views
