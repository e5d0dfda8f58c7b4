#include "views/canvas/DiffOverlay.h"

#include <QPainter>
#include <QSet>

#include "views/ViewIds.h"
#include "views/canvas/ComponentItem.h"
#include "views/canvas/DiagramScene.h"
#include "views/theme/Theme.h"

namespace sw::views {

namespace {

// A removed component: a dashed, see-through card with its name, not selectable.
class GhostItem : public QGraphicsItem {
public:
    enum { Type = kGhostItemType };
    GhostItem(const Component& c, const Theme* theme)
        : name_(QString::fromStdString(c.name.empty() ? c.id : c.name)), theme_(theme) {
        setPos(c.x, c.y);
        setZValue(-0.5);
        setToolTip(QObject::tr("Removed in this variant: %1 (%2)").arg(name_, QString::fromStdString(c.id)));
        setData(0, QString::fromStdString(c.id));
    }
    int type() const override { return Type; }
    QRectF boundingRect() const override { return QRectF(-2, -2, kNodeWidth + 4, kNodeHeight + 4); }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override {
        p->setRenderHint(QPainter::Antialiasing);
        QColor fill = theme_->diffRemoved;
        fill.setAlpha(40);
        p->setBrush(fill);
        p->setPen(QPen(theme_->diffRemoved, 1.6, Qt::DashLine));
        p->drawRoundedRect(QRectF(0.5, 0.5, kNodeWidth - 1, kNodeHeight - 1), 9, 9);
        QFont f = p->font();
        f.setPixelSize(12);
        f.setStrikeOut(true);
        p->setFont(f);
        p->setPen(theme_->diffRemoved);
        p->drawText(QRectF(10, 0, kNodeWidth - 20, kNodeHeight), Qt::AlignCenter | Qt::TextWordWrap, name_);
    }

private:
    QString name_;
    const Theme* theme_;
};

}  // namespace

void DiffOverlay::show(const Design& base, const whatif::DesignDiff& diff) {
    clear();
    if (!scene_) return;
    QSet<QString> added, changed;
    for (const std::string& id : diff.components_added) added.insert(QString::fromStdString(id));
    for (const std::string& id : diff.changedComponentIds()) changed.insert(QString::fromStdString(id));
    for (ComponentItem* item : scene_->componentItems())
        item->setDiffMark(added.contains(item->id())     ? ComponentItem::DiffMark::Added
                          : changed.contains(item->id()) ? ComponentItem::DiffMark::Changed
                                                         : ComponentItem::DiffMark::None);
    for (const std::string& id : diff.components_removed)
        if (const Component* c = base.findComponent(id)) scene_->addItem(new GhostItem(*c, &scene_->theme()));
}

void DiffOverlay::clear() {
    if (!scene_) return;
    for (ComponentItem* item : scene_->componentItems()) item->setDiffMark(ComponentItem::DiffMark::None);
    for (QGraphicsItem* item : scene_->items())
        if (item->type() == kGhostItemType) delete item;
}

int DiffOverlay::ghostCount() const {
    int n = 0;
    if (!scene_) return 0;
    for (QGraphicsItem* item : scene_->items()) n += item->type() == kGhostItemType;
    return n;
}

}  // namespace sw::views
