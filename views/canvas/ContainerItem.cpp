#include "views/canvas/ContainerItem.h"

#include <QFontMetricsF>

#include <algorithm>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QSvgRenderer>

#include "views/theme/Icons.h"
#include "views/theme/Theme.h"

namespace sw::views {
namespace {
constexpr double kBorderGrip = 6;
constexpr double kHandle = 8;
constexpr double kRadius = 12;
}  // namespace

ContainerItem::ContainerItem(bool zone, const Theme* theme) : zone_(zone), theme_(theme) {
    setFlags(ItemIsSelectable);
    setZValue(zone ? 1 : 0);
}

void ContainerItem::setRect(const QString& id, const QString& title, const QString& subtitle, const Rect& r) {
    id_ = id;
    if (title != title_ || subtitle != subtitle_) {
        title_ = title;
        subtitle_ = subtitle;
        update();
    }
    setSceneRect(QRectF(r.x, r.y, r.w, r.h));
}

void ContainerItem::sync(const Region& r) {
    const QString code = QString::fromStdString(r.code);
    const QString name = QString::fromStdString(r.name.empty() ? r.id : r.name);
    setRect(QString::fromStdString(r.id), name, code != name ? code : QString(), r.rect);
}

void ContainerItem::sync(const Zone& z) {
    setRect(QString::fromStdString(z.id), QString::fromStdString(z.name.empty() ? z.id : z.name), QString(), z.rect);
}

void ContainerItem::setSceneRect(const QRectF& r) {
    if (r.size() != size_) {
        prepareGeometryChange();
        size_ = r.size();
    }
    if (pos() != r.topLeft()) setPos(r.topLeft());
}

void ContainerItem::setDropTarget(bool on) {
    if (dropTarget_ == on) return;
    dropTarget_ = on;
    update();
}

QRectF ContainerItem::boundingRect() const { return QRectF(QPointF(0, 0), size_).adjusted(-6, -6, 6, 6); }

QPainterPath ContainerItem::shape() const {
    const QRectF r(QPointF(0, 0), size_);
    QPainterPath outer;
    outer.addRect(r.adjusted(-kBorderGrip, -kBorderGrip, kBorderGrip, kBorderGrip));
    QPainterPath inner;
    inner.addRect(r.adjusted(kBorderGrip, kTitleHeight, -kBorderGrip, -kBorderGrip));
    return outer.subtracted(inner);
}

int ContainerItem::handleAt(const QPointF& scenePos) const {
    if (!isSelected()) return None;
    const QPointF p = mapFromScene(scenePos);
    const QRectF r(QPointF(0, 0), size_);
    const double g = kHandle;
    int h = None;
    if (std::abs(p.x() - r.left()) <= g) h |= Left;
    else if (std::abs(p.x() - r.right()) <= g) h |= Right;
    if (std::abs(p.y() - r.top()) <= g) h |= Top;
    else if (std::abs(p.y() - r.bottom()) <= g) h |= Bottom;
    if (p.x() < r.left() - g || p.x() > r.right() + g || p.y() < r.top() - g || p.y() > r.bottom() + g) return None;
    return h;
}

void ContainerItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    const Theme& t = *theme_;
    const double lod = option->levelOfDetailFromTransform(p->worldTransform());
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(QPointF(0, 0), size_).adjusted(0.5, 0.5, -0.5, -0.5);
    const bool sel = isSelected();
    QPen pen(sel ? t.selection : (zone_ ? t.zoneBorder : t.regionBorder), sel ? 2 : (zone_ ? 1.2 : 1.4));
    if (zone_) pen.setDashPattern({5, 4});
    if (dropTarget_) pen = QPen(t.accent, 2);
    p->setPen(pen);
    QColor fill = zone_ ? t.zoneFill : t.regionFill;
    if (dropTarget_) {
        fill = t.accent;
        fill.setAlpha(22);
    }
    p->setBrush(fill);
    p->drawRoundedRect(r, zone_ ? kRadius - 4 : kRadius, zone_ ? kRadius - 4 : kRadius);

    if (lod >= 0.15) {   // title bar: icon, name, code
        const double iconSize = zone_ ? 16 : 18;
        namedRenderer(zone_ ? QStringLiteral("zone") : QStringLiteral("region"))
            ->render(p, QRectF(12, (kTitleHeight - iconSize) / 2 + 1, iconSize, iconSize));
        QFont f;
        // Keep titles legible when zoomed out: at least ~10 px on screen, within the title bar.
        const double base = zone_ ? 12 : 13;
        f.setPixelSize(qRound(std::clamp(10.0 / std::max(lod, 0.05), base, zone_ ? 22.0 : 26.0)));
        f.setBold(true);
        f.setHintingPreference(QFont::PreferNoHinting);
        p->setFont(f);
        p->setPen(zone_ ? t.zoneTitle : t.regionTitle);
        const double x = 12 + iconSize + 8;
        const QFontMetricsF fm(f);
        const QString title = fm.elidedText(title_, Qt::ElideRight, std::max(10.0, size_.width() - x - 12));
        p->drawText(QRectF(x, 1, size_.width() - x - 12, kTitleHeight), Qt::AlignLeft | Qt::AlignVCenter, title);
        if (!subtitle_.isEmpty()) {
            QFont s = f;
            s.setBold(false);
            s.setPixelSize(11);
            p->setFont(s);
            p->setPen(t.nodeMuted);
            const double sx = x + fm.horizontalAdvance(title) + 8;
            p->drawText(QRectF(sx, 1, std::max(0.0, size_.width() - sx - 12), kTitleHeight),
                        Qt::AlignLeft | Qt::AlignVCenter,
                        QFontMetricsF(s).elidedText(subtitle_, Qt::ElideRight, std::max(0.0, size_.width() - sx - 12)));
        }
    }
    if (sel) {   // resize handles
        p->setPen(QPen(t.selection, 1.2));
        p->setBrush(t.nodeFill);
        const double w = size_.width(), h = size_.height(), s = kHandle;
        for (QPointF c : {QPointF(0, 0), QPointF(w / 2, 0), QPointF(w, 0), QPointF(0, h / 2), QPointF(w, h / 2),
                          QPointF(0, h), QPointF(w / 2, h), QPointF(w, h)})
            p->drawRect(QRectF(c.x() - s / 2, c.y() - s / 2, s, s));
    }
}

}  // namespace sw::views
