#include "views/canvas/ComponentItem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QSvgRenderer>

#include "views/canvas/DiagramScene.h"
#include "views/canvas/Format.h"
#include "views/theme/Icons.h"
#include "views/theme/Theme.h"

namespace sw::views {
namespace {
constexpr double kRadius = 9;
constexpr double kPortRadius = 6;
const QRectF kBox(0, 0, kNodeWidth, kNodeHeight);

QString subtitleOf(const Component& c) {
    const QString kind = QString::fromLatin1(kindLabel(c.kind).data(), kindLabel(c.kind).size());
    if (c.kind == ComponentKind::UserGroup) return QStringLiteral("%1 % of users").arg(c.params.user_share * 100, 0, 'g', 3);
    QString s;
    const double n = c.params.instances * (c.kind == ComponentKind::Database ? std::max(1.0, c.params.shards) : 1.0);
    if (!c.instance_type.empty())
        s = QStringLiteral("%1 × %2").arg(n).arg(QString::fromStdString(c.instance_type));
    else
        s = QStringLiteral("%1 × %2").arg(n).arg(kind.toLower());
    if (c.kind == ComponentKind::Database && c.role != DbRole::Primary)
        s = QString::fromLatin1(roleKey(c.role).data(), roleKey(c.role).size()) + QStringLiteral(" · ") + s;
    return s;
}

QFont nodeFont(double px, bool bold) {
    QFont f;
    f.setPixelSize(qRound(px));
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}
}  // namespace

ComponentItem::ComponentItem(const Component& c, const Theme* theme)
    : kind_(c.kind), theme_(theme) {
    setFlags(ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(3);
    setCacheMode(DeviceCoordinateCache);
    sync(c);
}

QRectF ComponentItem::boundingRect() const { return QRectF(-12, -14, kNodeWidth + 24, kNodeHeight + 30); }

QPainterPath ComponentItem::shape() const {
    QPainterPath p;
    p.addRoundedRect(kBox, kRadius, kRadius);
    p.addEllipse(QPointF(kNodeWidth, kNodeHeight / 2), kPortRadius + 2, kPortRadius + 2);
    return p;
}

void ComponentItem::sync(const Component& c) {
    id_ = QString::fromStdString(c.id);
    kind_ = c.kind;
    const QString name = QString::fromStdString(c.name.empty() ? c.id : c.name);
    const QString sub = subtitleOf(c);
    if (name != name_ || sub != subtitle_) {
        name_ = name;
        subtitle_ = sub;
        refreshToolTip();
        update();
    }
    const QPointF p(c.x, c.y);
    if (pos() != p) setPos(p);
}

void ComponentItem::setOverlay(const NodeOverlay& o) {
    if (o == overlay_) return;
    overlay_ = o;
    refreshToolTip();
    update();
}

void ComponentItem::setConnectTarget(bool on) {
    if (target_ == on) return;
    target_ = on;
    update();
}

void ComponentItem::refreshToolTip() {
    QString tip = QStringLiteral("<b>%1</b><br>%2").arg(name_.toHtmlEscaped(), subtitle_.toHtmlEscaped());
    if (overlay_.hasResult && kind_ != ComponentKind::UserGroup)
        tip += QStringLiteral("<br>Utilisation %1 · %2/month · availability %3")
                   .arg(overlay_.saturated ? QStringLiteral("saturated") : formatPercent(overlay_.utilization),
                        formatMoney(overlay_.costPerMonth), formatAvailability(overlay_.availability));
    if (overlay_.bottleneck) tip += QStringLiteral("<br><b>Bottleneck</b> of the design");
    if (!overlay_.problems.isEmpty())
        tip += QStringLiteral("<hr>") + overlay_.problems.toHtmlEscaped().replace('\n', QStringLiteral("<br>"));
    setToolTip(tip);
}

bool ComponentItem::onPort(const QPointF& scenePos) const {
    const QPointF d = mapFromScene(scenePos) - QPointF(kNodeWidth, kNodeHeight / 2);
    return d.x() * d.x() + d.y() * d.y() <= (kPortRadius + 3) * (kPortRadius + 3);
}

QVariant ComponentItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionHasChanged)
        if (auto* s = dynamic_cast<DiagramScene*>(scene())) s->componentItemMoved(this);
    return QGraphicsItem::itemChange(change, value);
}

void ComponentItem::hoverEnterEvent(QGraphicsSceneHoverEvent* e) {
    hovered_ = true;
    portHovered_ = onPort(e->scenePos());
    update();
}

void ComponentItem::hoverMoveEvent(QGraphicsSceneHoverEvent* e) {
    const bool on = onPort(e->scenePos());
    if (on != portHovered_) {
        portHovered_ = on;
        setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
        update();
    }
}

void ComponentItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*) {
    hovered_ = portHovered_ = false;
    unsetCursor();
    update();
}

QColor ComponentItem::utilisationColour() const {
    const Theme& t = *theme_;
    if (overlay_.saturated || overlay_.utilization >= 1) return t.utilSaturated;
    if (overlay_.utilization >= 0.9) return t.utilHigh;
    if (overlay_.utilization >= overlay_.targetUtilization) return t.utilMid;
    return t.utilLow;
}

void ComponentItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    const Theme& t = *theme_;
    const double lod = option->levelOfDetailFromTransform(p->worldTransform());
    p->setRenderHint(QPainter::Antialiasing);
    const bool sel = isSelected();
    const bool showUtil = overlay_.hasResult && kind_ != ComponentKind::UserGroup;

    if (lod < 0.2) {   // far away: a coloured block is all the eye can use
        p->setPen(Qt::NoPen);
        p->setBrush(sel ? t.selection : (showUtil ? utilisationColour() : t.nodeBorder));
        p->drawRoundedRect(kBox, kRadius, kRadius);
        return;
    }

    // Shadow, card, border.
    p->setPen(Qt::NoPen);
    p->setBrush(t.nodeShadow);
    p->drawRoundedRect(kBox.translated(0, 1.5).adjusted(-0.5, 0, 0.5, 1), kRadius, kRadius);
    if (diff_ != DiffMark::None) {   // comparing: a wide outline outside the card
        p->setPen(QPen(diff_ == DiffMark::Added ? t.diffAdded : t.diffChanged, 3));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(kBox.adjusted(-4, -4, 4, 4), kRadius + 3, kRadius + 3);
        p->setPen(Qt::NoPen);
    }
    if (overlay_.bottleneck) {
        QColor glow = t.bottleneck;
        glow.setAlpha(60);
        p->setBrush(glow);
        p->drawRoundedRect(kBox.adjusted(-5, -5, 5, 5), kRadius + 4, kRadius + 4);
    }
    p->setBrush(t.nodeFill);
    QPen border(t.nodeBorder, 1);
    if (overlay_.bottleneck) border = QPen(t.bottleneck, 2);
    if (overlay_.hasError) border = QPen(t.invalid, 1.6, Qt::DashLine);
    if (hovered_ && !sel) border = QPen(t.hover, 1.5);
    if (target_) border = QPen(t.accent, 2.5);
    if (sel) border = QPen(t.selection, 2);
    p->setPen(border);
    p->drawRoundedRect(kBox.adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);

    if (lod < 0.7) {   // zoomed out: a bigger icon and name the eye can still read
        kindRenderer(kind_)->render(p, QRectF(8, 11, 28, 28));
        const QFont big = nodeFont(16, true);
        p->setFont(big);
        p->setPen(t.nodeText);
        const double w = kNodeWidth - 42 - 4;
        // Up to two lines; a name longer than that is cut at the second line's end.
        const QFontMetricsF fm(big);
        QString text = name_;
        if (fm.boundingRect(QRectF(0, 0, w, 1000), Qt::TextWordWrap, text).height() > 2 * fm.lineSpacing() + 1) {
            while (text.size() > 1 &&
                   fm.boundingRect(QRectF(0, 0, w, 1000), Qt::TextWordWrap, text + QStringLiteral("…")).height() >
                       2 * fm.lineSpacing() + 1)
                text.chop(1);
            text += QStringLiteral("…");
        }
        p->drawText(QRectF(42, 2, w, 46), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, text);
        if (showUtil) {
            const QRectF track(8, 50, kNodeWidth - 16, 8);
            p->setPen(Qt::NoPen);
            p->setBrush(t.utilTrack);
            p->drawRoundedRect(track, 4, 4);
            const double u = std::clamp(overlay_.saturated ? 1.0 : overlay_.utilization, 0.0, 1.0);
            p->setBrush(utilisationColour());
            p->drawRoundedRect(QRectF(track.left(), track.top(), std::max(8.0, track.width() * u), track.height()), 4, 4);
        }
        if (overlay_.hasError) {
            p->setPen(QPen(t.nodeFill, 2));
            p->setBrush(t.invalid);
            p->drawEllipse(QRectF(-10, -10, 22, 22));
        }
        return;
    }

    // Icon tile, drawn from the SVG so it is crisp at any zoom and DPR.
    kindRenderer(kind_)->render(p, QRectF(11, 11, 30, 30));

    // Name and subtitle.
    const double textX = 50, textW = kNodeWidth - textX - 8;
    p->setPen(t.nodeText);
    const QFont nameFont = nodeFont(12.5, true);
    p->setFont(nameFont);
    p->drawText(QRectF(textX, 9, textW, 18), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(nameFont).elidedText(name_, Qt::ElideRight, textW));
    const QFont subFont = nodeFont(10.5, false);
    p->setFont(subFont);
    p->setPen(t.nodeMuted);
    p->drawText(QRectF(textX, 26, textW, 16), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(subFont).elidedText(subtitle_, Qt::ElideRight, textW));

    if (showUtil) paintUtilisation(p);
    if (lod >= 0.6) paintBadges(p);

    if (overlay_.hasError) {   // red marker on the top-left corner
        p->setPen(QPen(t.nodeFill, 1.5));
        p->setBrush(t.invalid);
        const QRectF dot(-7, -7, 16, 16);
        p->drawEllipse(dot);
        p->setPen(Qt::white);
        p->setFont(nodeFont(11, true));
        p->drawText(dot, Qt::AlignCenter, QStringLiteral("!"));
    }
    if ((hovered_ || sel) && lod >= 0.5) {   // connection handle
        p->setPen(QPen(portHovered_ ? t.accent : t.nodeBorder, 1.5));
        p->setBrush(portHovered_ ? t.accent : t.nodeFill);
        p->drawEllipse(QPointF(kNodeWidth, kNodeHeight / 2), kPortRadius - 1, kPortRadius - 1);
    }
}

void ComponentItem::paintUtilisation(QPainter* p) {
    const Theme& t = *theme_;
    const QColor c = utilisationColour();
    const QRectF track(50, 48, kNodeWidth - 50 - 44, 5);
    p->setPen(Qt::NoPen);
    p->setBrush(t.utilTrack);
    p->drawRoundedRect(track, 2.5, 2.5);
    const double u = std::clamp(overlay_.saturated ? 1.0 : overlay_.utilization, 0.0, 1.0);
    if (u > 0) {
        p->setBrush(c);
        p->drawRoundedRect(QRectF(track.left(), track.top(), std::max(5.0, track.width() * u), track.height()), 2.5, 2.5);
    }
    const QFont f = nodeFont(10.5, true);
    p->setFont(f);
    p->setPen(c);
    const QString text = overlay_.saturated ? QStringLiteral("SAT") : formatPercent(overlay_.utilization);
    p->drawText(QRectF(kNodeWidth - 42, 42, 36, 16), Qt::AlignRight | Qt::AlignVCenter, text);
}

void ComponentItem::paintBadges(QPainter* p) {
    const Theme& t = *theme_;
    const QFont f = nodeFont(10, true);
    const QFontMetricsF fm(f);
    p->setFont(f);
    double right = kNodeWidth - 8;
    auto pill = [&](const QString& text, const QColor& fill, const QColor& fg, const QColor& line, double y,
                    bool alignRight, double left) {
        const double w = fm.horizontalAdvance(text) + 12;
        const QRectF r(alignRight ? right - w : left, y, w, 16);
        p->setPen(QPen(line, 1));
        p->setBrush(fill);
        p->drawRoundedRect(r, 8, 8);
        p->setPen(fg);
        p->drawText(r, Qt::AlignCenter, text);
        return r;
    };
    if (overlay_.hasResult && kind_ != ComponentKind::UserGroup) {
        const QRectF a = pill(formatAvailability(overlay_.availability), t.badgeFill, t.badgeText, t.badgeBorder, -9,
                              true, 0);
        right = a.left() - 4;
        pill(formatMoney(overlay_.costPerMonth) + QStringLiteral("/mo"), t.badgeFill, t.badgeText, t.badgeBorder, -9,
             true, 0);
    }
    if (overlay_.bottleneck)
        pill(QStringLiteral("BOTTLENECK"), t.bottleneck, Qt::white, t.bottleneck, kNodeHeight - 7, false, 50);
}

void ComponentItem::setDiffMark(DiffMark m) {
    if (m == diff_) return;
    diff_ = m;
    update();
}

}  // namespace sw::views
