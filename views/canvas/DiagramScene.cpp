#include "views/canvas/DiagramScene.h"

#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>

#include <cmath>
#include <unordered_map>

#include "views/canvas/CanvasEditor.h"
#include "views/canvas/ComponentItem.h"
#include "views/canvas/ConnectTool.h"
#include "views/canvas/ContainerItem.h"
#include "views/canvas/LinkItem.h"
#include "views/canvas/SelectTool.h"
#include "views/commands/RemoveCommand.h"
#include "views/document/DesignDocument.h"
#include "views/document/LiveAnalysis.h"

namespace sw::views {
namespace {
std::string s(const QString& q) { return q.toStdString(); }
}  // namespace

DiagramScene::DiagramScene(DesignDocument* doc, LiveAnalysis* analysis, QObject* parent)
    : QGraphicsScene(parent), doc_(doc), analysis_(analysis), theme_(Theme::light()) {
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    editor_ = std::make_unique<CanvasEditor>(this);
    selectTool_ = std::make_unique<SelectTool>(this);
    connectTool_ = std::make_unique<ConnectTool>(this, LinkKind::Call);
    tool_ = selectTool_.get();
    setBackgroundBrush(Qt::NoBrush);

    connect(doc, &DesignDocument::designReset, this, &DiagramScene::rebuild);
    connect(doc, &DesignDocument::componentAdded, this, &DiagramScene::addComponent);
    connect(doc, &DesignDocument::componentRemoved, this, &DiagramScene::removeComponent);
    connect(doc, &DesignDocument::componentChanged, this, [this](const QString& id) {
        if (auto* item = components_.value(id))
            if (const Component* c = doc_->component(s(id))) item->sync(*c);
    });
    connect(doc, &DesignDocument::linkAdded, this, &DiagramScene::addLink);
    connect(doc, &DesignDocument::linkRemoved, this, &DiagramScene::removeLink);
    connect(doc, &DesignDocument::linkChanged, this, [this](const QString& id) {
        // The endpoints may have changed: rebuild the adjacency for this link.
        removeLink(id);
        addLink(id);
    });
    connect(doc, &DesignDocument::regionAdded, this, &DiagramScene::addRegion);
    connect(doc, &DesignDocument::regionRemoved, this, [this](const QString& id) { delete regions_.take(id); });
    connect(doc, &DesignDocument::regionChanged, this, [this](const QString& id) {
        if (auto* item = regions_.value(id))
            if (const Region* r = doc_->region(s(id))) item->sync(*r);
    });
    connect(doc, &DesignDocument::zoneAdded, this, &DiagramScene::addZone);
    connect(doc, &DesignDocument::zoneRemoved, this, [this](const QString& id) { delete zones_.take(id); });
    connect(doc, &DesignDocument::zoneChanged, this, [this](const QString& id) {
        if (auto* item = zones_.value(id))
            if (const Zone* z = doc_->zone(s(id))) item->sync(*z);
    });
    if (analysis_) connect(analysis_, &LiveAnalysis::updated, this, &DiagramScene::applyOverlays);
    rebuild();
}

DiagramScene::~DiagramScene() {
    // Deleting selected items emits selectionChanged; nobody should hear it now.
    blockSignals(true);
    if (tool_) tool_->cancel();
    clear();
}

void DiagramScene::setTheme(const Theme& theme) {
    theme_ = theme;
    for (QGraphicsItem* item : items()) item->update();
    // Cached node pixmaps were painted with the old colours.
    for (ComponentItem* c : std::as_const(components_)) {
        c->setCacheMode(QGraphicsItem::NoCache);
        c->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
    }
    update();
}

void DiagramScene::setTool(Tool tool) {
    if (tool_) tool_->cancel();
    toolKind_ = tool;
    if (tool == Tool::Select) {
        tool_ = selectTool_.get();
    } else {
        static_cast<ConnectTool*>(connectTool_.get())
            ->setKind(tool == Tool::ConnectCall ? LinkKind::Call : LinkKind::Replication);
        tool_ = connectTool_.get();
    }
    emit hintChanged(tool_->hint());
    emit toolChanged(tool);
}

QPointF DiagramScene::snapped(const QPointF& p) const {
    if (!snap_) return p;
    return QPointF(std::round(p.x() / kGridSize) * kGridSize, std::round(p.y() / kGridSize) * kGridSize);
}

void DiagramScene::rebuild() {
    if (tool_) tool_->cancel();
    dropTarget_ = nullptr;
    clear();
    components_.clear();
    links_.clear();
    regions_.clear();
    zones_.clear();
    linksOf_.clear();
    const Design& d = doc_->design();
    components_.reserve(static_cast<qsizetype>(d.components.size()));
    for (const Region& r : d.regions) addRegion(QString::fromStdString(r.id));
    for (const Zone& z : d.zones) addZone(QString::fromStdString(z.id));
    for (const Component& c : d.components) {
        auto* item = new ComponentItem(c, &theme_);
        components_.insert(item->id(), item);
        addItem(item);
    }
    for (const Link& l : d.links) addLinkItem(l);   // by value: no lookup per link
    if (analysis_ && analysis_->resultsCurrent()) applyOverlays();
}

void DiagramScene::addComponent(const QString& id) {
    const Component* c = doc_->component(s(id));
    if (!c || components_.contains(id)) return;
    auto* item = new ComponentItem(*c, &theme_);
    components_.insert(id, item);
    addItem(item);
    for (LinkItem* l : linksOf_.values(id)) reroute(l);
}

void DiagramScene::removeComponent(const QString& id) { delete components_.take(id); }

void DiagramScene::addRegion(const QString& id) {
    const Region* r = doc_->region(s(id));
    if (!r || regions_.contains(id)) return;
    auto* item = new ContainerItem(false, &theme_);
    item->sync(*r);
    regions_.insert(id, item);
    addItem(item);
}

void DiagramScene::addZone(const QString& id) {
    const Zone* z = doc_->zone(s(id));
    if (!z || zones_.contains(id)) return;
    auto* item = new ContainerItem(true, &theme_);
    item->sync(*z);
    zones_.insert(id, item);
    addItem(item);
}

void DiagramScene::addLink(const QString& id) {
    if (const Link* l = doc_->link(s(id))) addLinkItem(*l);
}

void DiagramScene::addLinkItem(const Link& l) {
    const QString id = QString::fromStdString(l.id);
    if (links_.contains(id)) return;
    auto* item = new LinkItem(l, &theme_);
    links_.insert(id, item);
    linksOf_.insert(item->from(), item);
    if (item->to() != item->from()) linksOf_.insert(item->to(), item);
    addItem(item);
    reroute(item);
}

void DiagramScene::removeLink(const QString& id) {
    LinkItem* item = links_.take(id);
    if (!item) return;
    linksOf_.remove(item->from(), item);
    linksOf_.remove(item->to(), item);
    delete item;
}

void DiagramScene::reroute(LinkItem* link) {
    ComponentItem* a = components_.value(link->from());
    ComponentItem* b = components_.value(link->to());
    if (!a || !b || a == b) {
        link->setVisible(false);
        return;
    }
    link->setVisible(true);
    // A reverse edge between the same pair sits 5 px to the side.
    double offset = 0;
    for (LinkItem* other : linksOf_.values(link->to()))
        if (other != link && other->from() == link->to() && other->to() == link->from()) offset = 5;
    link->route(a->sceneBox(), b->sceneBox(), offset);
}

void DiagramScene::componentItemMoved(ComponentItem* item) {
    const auto range = linksOf_.equal_range(item->id());
    for (auto it = range.first; it != range.second; ++it) reroute(*it);
}

void DiagramScene::rerouteAll() {
    for (LinkItem* l : std::as_const(links_)) reroute(l);
}

void DiagramScene::applyOverlays() {
    if (!analysis_) return;
    const Design& d = doc_->design();
    const Analysis& a = analysis_->analysis();
    const bool results = analysis_->resultsCurrent();
    const std::string& bottleneck = a.summary.bottleneck;
    for (std::size_t i = 0; i < d.components.size(); ++i) {
        const Component& c = d.components[i];
        ComponentItem* item = components_.value(QString::fromStdString(c.id));
        if (!item) continue;
        NodeOverlay o;
        o.targetUtilization = d.workload.target_utilization;
        if (results) {
            const ComponentResult& r = a.components[i];
            o.hasResult = true;
            o.utilization = r.utilization;
            o.saturated = r.saturated;
            o.costPerMonth = r.cost_per_month_usd;
            o.availability = r.availability;
            o.bottleneck = !bottleneck.empty() && c.id == bottleneck;
        }
        const std::string problems = analysis_->problemsOf(c.id);
        o.problems = QString::fromStdString(problems);
        o.hasError = problems.find("Error: ") != std::string::npos;
        item->setOverlay(o);
    }
}

ComponentItem* DiagramScene::componentAt(const QPointF& scenePos) const {
    for (QGraphicsItem* item : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder))
        if (item->type() == ComponentItem::Type) return static_cast<ComponentItem*>(item);
    return nullptr;
}

ContainerItem* DiagramScene::containerAt(const QPointF& p, const ContainerItem* except) const {
    ContainerItem* best = nullptr;
    for (ContainerItem* z : zones_)
        if (z != except && z->sceneRect().contains(p)) best = z;
    if (best) return best;
    for (ContainerItem* r : regions_)
        if (r != except && r->sceneRect().contains(p)) best = r;
    return best;
}

std::pair<std::string, std::string> DiagramScene::placementAt(const QPointF& p) const {
    ContainerItem* c = containerAt(p);
    if (!c) return {};
    if (!c->isZone()) return {s(c->id()), {}};
    const Zone* z = doc_->zone(s(c->id()));
    return {z ? z->region : std::string(), s(c->id())};
}

void DiagramScene::highlightDropTarget(ContainerItem* item) {
    if (item == dropTarget_) return;
    if (dropTarget_) dropTarget_->setDropTarget(false);
    dropTarget_ = item;
    if (dropTarget_) dropTarget_->setDropTarget(true);
}

Selection DiagramScene::selection() const {
    Selection sel;
    for (QGraphicsItem* item : selectedItems()) {
        switch (item->type()) {
        case ComponentItem::Type: sel.components.insert(s(static_cast<ComponentItem*>(item)->id())); break;
        case LinkItem::Type: sel.links.insert(s(static_cast<LinkItem*>(item)->id())); break;
        case kRegionItemType: sel.regions.insert(s(static_cast<ContainerItem*>(item)->id())); break;
        case kZoneItemType: sel.zones.insert(s(static_cast<ContainerItem*>(item)->id())); break;
        default: break;
        }
    }
    return sel;
}

void DiagramScene::selectIds(const Selection& sel) {
    QSignalBlocker block(this);
    clearSelection();
    for (const auto& id : sel.components)
        if (auto* i = componentItem(QString::fromStdString(id))) i->setSelected(true);
    for (const auto& id : sel.links)
        if (auto* i = linkItem(QString::fromStdString(id))) i->setSelected(true);
    for (const auto& id : sel.regions)
        if (auto* i = regionItem(QString::fromStdString(id))) i->setSelected(true);
    for (const auto& id : sel.zones)
        if (auto* i = zoneItem(QString::fromStdString(id))) i->setSelected(true);
    block.unblock();
    emit selectionChanged();
}

QRectF DiagramScene::contentBounds() const {
    QRectF r;
    for (ContainerItem* c : regions_) r = r.united(c->sceneRect());
    for (ContainerItem* c : zones_) r = r.united(c->sceneRect());
    for (ComponentItem* c : components_) r = r.united(c->sceneBox());
    return r;
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent* e) {
    if (e->button() == Qt::LeftButton && tool_->press(e)) {
        e->accept();
        return;
    }
    QGraphicsScene::mousePressEvent(e);
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent* e) {
    if (tool_->move(e)) {
        e->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(e);
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* e) {
    if (e->button() == Qt::LeftButton && tool_->release(e)) {
        e->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(e);
}

void DiagramScene::keyPressEvent(QKeyEvent* e) {
    if (e->key() == Qt::Key_Escape) {
        tool_->cancel();
        if (toolKind_ != Tool::Select) setTool(Tool::Select);
        else clearSelection();
        e->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(e);
}

}  // namespace sw::views
