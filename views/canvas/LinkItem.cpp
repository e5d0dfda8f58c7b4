#include "views/canvas/LinkItem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

#include "views/theme/Theme.h"

namespace sw::views {
namespace {
constexpr double kArrow = 9;

QFont labelFont() {
    QFont f;
    f.setPixelSize(10);
    f.setBold(true);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

QString labelOf(const Link& l) {
    QStringList parts;
    if (l.kind == LinkKind::Call) {
        if (l.params.fraction < 1) parts << QStringLiteral("%1 %").arg(l.params.fraction * 100, 0, 'g', 3);
        if (l.mode != LinkMode::Sync) parts << QString::fromLatin1(linkModeKey(l.mode).data(), linkModeKey(l.mode).size());
        if (l.access == Access::Read) parts << QStringLiteral("reads");
        if (l.access == Access::Write) parts << QStringLiteral("writes");
    } else {
        parts << QString::fromLatin1(linkModeKey(l.mode).data(), linkModeKey(l.mode).size());
    }
    if (l.params.extra_latency_ms > 0) parts << QStringLiteral("+%1 ms").arg(l.params.extra_latency_ms);
    return parts.join(QStringLiteral(" · "));
}
}  // namespace

QPointF boxExit(const QRectF& box, const QPointF& target) {
    const QPointF c = box.center();
    const QPointF d = target - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y())) return c;
    const double sx = d.x() != 0 ? (box.width() / 2) / std::abs(d.x()) : 1e18;
    const double sy = d.y() != 0 ? (box.height() / 2) / std::abs(d.y()) : 1e18;
    const double s = std::min(sx, sy);
    return c + d * std::min(s, 1.0);
}

LinkItem::LinkItem(const Link& l, const Theme* theme) : theme_(theme) {
    setFlags(ItemIsSelectable);
    setZValue(2);
    sync(l);
}

void LinkItem::sync(const Link& l) {
    id_ = QString::fromStdString(l.id);
    from_ = QString::fromStdString(l.from);
    to_ = QString::fromStdString(l.to);
    const QString label = labelOf(l);
    if (label != label_ || kind_ != l.kind) {
        prepareGeometryChange();
        label_ = label;
        kind_ = l.kind;
        route(QRectF(a_, QSizeF()), QRectF(b_, QSizeF()), 0);
    }
    setToolTip(QStringLiteral("%1 %2 → %3%4")
                   .arg(kind_ == LinkKind::Call ? QStringLiteral("Call") : QStringLiteral("Replication"), from_, to_,
                        label_.isEmpty() ? QString() : QStringLiteral(" (") + label_ + QStringLiteral(")")));
}

void LinkItem::route(const QRectF& fromBox, const QRectF& toBox, double offset) {
    prepareGeometryChange();
    QPointF a = boxExit(fromBox, toBox.center());
    QPointF b = boxExit(toBox, fromBox.center());
    if (offset != 0) {
        const QPointF d = b - a;
        const double len = std::hypot(d.x(), d.y());
        if (len > 0) {
            const QPointF n(-d.y() / len * offset, d.x() / len * offset);
            a += n;
            b += n;
        }
    }
    a_ = a;
    b_ = b;
    QPainterPath line(a_);
    line.lineTo(b_);
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    hit_ = stroker.createStroke(line);
    bounds_ = QRectF(a_, b_).normalized().adjusted(-kArrow - 2, -kArrow - 2, kArrow + 2, kArrow + 2);
    if (!label_.isEmpty()) {
        const QFontMetricsF fm(labelFont());
        const QPointF m = (a_ + b_) / 2;
        const double w = fm.horizontalAdvance(label_) + 14;
        const QRectF lr(m.x() - w / 2, m.y() - 9, w, 18);
        bounds_ = bounds_.united(lr.adjusted(-2, -2, 2, 2));
        hit_.addRect(lr);
    }
    update();
}

QRectF LinkItem::boundingRect() const { return bounds_; }
QPainterPath LinkItem::shape() const { return hit_; }

void LinkItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    const Theme& t = *theme_;
    const double lod = option->levelOfDetailFromTransform(p->worldTransform());
    p->setRenderHint(QPainter::Antialiasing);
    const bool repl = kind_ == LinkKind::Replication;
    QColor c = isSelected() ? t.selection : (repl ? t.replicationEdge : t.callEdge);
    QPen pen(c, isSelected() ? 2.4 : 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    if (repl) pen.setDashPattern({4, 3});
    const QPointF d = b_ - a_;
    const double len = std::hypot(d.x(), d.y());
    if (len < 1) return;
    const QPointF u = d / len;
    const QPointF n(-u.y(), u.x());
    const QPointF tip = b_;
    const QPointF base = tip - u * kArrow;
    p->setPen(pen);
    p->drawLine(a_, repl ? tip : base);
    QPolygonF head{tip, base + n * (kArrow * 0.5), base - n * (kArrow * 0.5)};
    p->setPen(QPen(c, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (repl) {
        p->setBrush(Qt::NoBrush);
        p->drawPolyline(QPolygonF{head[1], tip, head[2]});
    } else {
        p->setBrush(c);
        p->drawPolygon(head);
    }
    if (!label_.isEmpty() && lod >= 0.5) {
        const QFont f = labelFont();
        const QFontMetricsF fm(f);
        const QPointF m = (a_ + b_) / 2;
        const double w = fm.horizontalAdvance(label_) + 14;
        const QRectF lr(m.x() - w / 2, m.y() - 9, w, 18);
        p->setPen(QPen(repl ? t.replicationEdge : t.nodeBorder, 1));
        p->setBrush(t.edgeLabelFill);
        p->drawRoundedRect(lr, 9, 9);
        p->setFont(f);
        p->setPen(repl ? t.replicationEdge : t.edgeLabelText);
        p->drawText(lr, Qt::AlignCenter, label_);
    }
}

}  // namespace sw::views
