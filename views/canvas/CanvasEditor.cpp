#include "views/canvas/CanvasEditor.h"

#include <QCoreApplication>
#include <QUndoStack>

#include <algorithm>
#include <set>

#include "views/canvas/ComponentItem.h"
#include "views/canvas/ContainerItem.h"
#include "views/canvas/DiagramScene.h"
#include "views/commands/InsertCommand.h"
#include "views/commands/RemoveCommand.h"
#include "views/commands/UpdateCommand.h"
#include "views/document/ClipboardCodec.h"
#include "views/document/DesignDocument.h"
#include "views/document/NewRecords.h"

namespace sw::views {
namespace {

QString tr(const char* s) { return QCoreApplication::translate("Canvas", s); }

bool contains(const Rect& r, double x, double y) { return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h; }

// Puts a component in the innermost container under its centre, using the
// container geometry given (which may already include a move being made).
void place(Component& c, const std::vector<Region>& regions, const std::vector<Zone>& zones) {
    if (c.kind == ComponentKind::UserGroup) return;   // users live outside the cloud
    const double cx = c.x + kNodeWidth / 2, cy = c.y + kNodeHeight / 2;
    const Zone* bestZone = nullptr;
    for (const Zone& z : zones)
        if (contains(z.rect, cx, cy) && (!bestZone || z.rect.w * z.rect.h < bestZone->rect.w * bestZone->rect.h))
            bestZone = &z;
    if (bestZone) {
        c.zone = bestZone->id;
        c.region = bestZone->region;
        return;
    }
    c.zone.clear();
    c.region.clear();
    for (const Region& r : regions)
        if (contains(r.rect, cx, cy)) c.region = r.id;
}

template <class V>
V merged(V base, const V& changed) {
    for (const auto& x : changed)
        for (auto& y : base)
            if (y.id == x.id) y = x;
    return base;
}

}  // namespace

CanvasEditor::CanvasEditor(DiagramScene* scene) : scene_(scene) {}

DesignDocument* CanvasEditor::doc() const { return scene_->document(); }

std::string CanvasEditor::addComponent(ComponentKind kind, const QPointF& topLeft) {
    Component c = newComponent(doc()->design(), kind);
    c.id = doc()->freshId(idPrefix(kind));
    const QPointF p = scene_->snapped(topLeft);
    c.x = p.x();
    c.y = p.y();
    place(c, doc()->design().regions, doc()->design().zones);
    Fragment f;
    f.components.push_back(c);
    doc()->undoStack()->push(new InsertCommand(doc(), f, tr("Add %1").arg(QString::fromStdString(c.name))));
    scene_->selectIds(Selection{{c.id}, {}, {}, {}});
    return c.id;
}

std::string CanvasEditor::addRegion(const QPointF& topLeft) {
    Region r = newRegion(doc()->design());
    r.id = doc()->freshId("region");
    const QPointF p = scene_->snapped(topLeft);
    r.rect.x = p.x();
    r.rect.y = p.y();
    Fragment f;
    f.regions.push_back(r);
    doc()->undoStack()->push(new InsertCommand(doc(), f, tr("Add region %1").arg(QString::fromStdString(r.name))));
    scene_->selectIds(Selection{{}, {}, {r.id}, {}});
    return r.id;
}

std::optional<std::string> CanvasEditor::addZone(const QPointF& topLeft, QString* why) {
    const QPointF p = scene_->snapped(topLeft);
    const Region* region = nullptr;
    for (const Region& r : doc()->design().regions)
        if (contains(r.rect, p.x() + 1, p.y() + 1)) region = &r;
    if (!region) {
        if (why) *why = tr("An availability zone goes inside a region: drop it on a region.");
        return std::nullopt;
    }
    Zone z = newZone(doc()->design(), *region);
    z.id = doc()->freshId("zone");
    z.rect.x = p.x();
    z.rect.y = p.y();
    // Keep the zone inside its region (the geometry convention).
    z.rect.w = std::max(160.0, std::min(z.rect.w, region->rect.x + region->rect.w - z.rect.x - 16));
    z.rect.h = std::max(96.0, std::min(z.rect.h, region->rect.y + region->rect.h - z.rect.y - 16));
    Fragment f;
    f.zones.push_back(z);
    doc()->undoStack()->push(new InsertCommand(doc(), f, tr("Add zone %1").arg(QString::fromStdString(z.name))));
    scene_->selectIds(Selection{{}, {}, {}, {z.id}});
    return z.id;
}

bool CanvasEditor::connect(const QString& fromQ, const QString& toQ, LinkKind kind, QString* why) {
    const std::string from = fromQ.toStdString(), to = toQ.toStdString();
    const Component* a = doc()->component(from);
    const Component* b = doc()->component(to);
    auto refuse = [&](const QString& m) {
        if (why) *why = m;
        emit scene_->hintChanged(m);
        return false;
    };
    if (!a || !b) return refuse(tr("Both ends of an edge must be components."));
    if (from == to) return refuse(tr("A component cannot be connected to itself."));
    for (const Link& l : doc()->design().links)
        if (l.from == from && l.to == to && l.kind == kind) return refuse(tr("These two components are already connected."));
    Link l;
    l.id = doc()->freshId("link");
    l.kind = kind;
    l.from = from;
    l.to = to;
    l.mode = kind == LinkKind::Call ? LinkMode::Sync : LinkMode::Async;
    l.access = kind == LinkKind::Call ? Access::Both : Access::Write;
    Fragment f;
    f.links.push_back(l);
    const QString text = kind == LinkKind::Call ? tr("Connect %1 → %2") : tr("Replicate %1 → %2");
    doc()->undoStack()->push(new InsertCommand(
        doc(), f, text.arg(QString::fromStdString(a->name), QString::fromStdString(b->name))));
    scene_->selectIds(Selection{{}, {l.id}, {}, {}});
    return true;
}

void CanvasEditor::deleteSelection() {
    const Selection sel = scene_->selection();
    if (sel.empty()) return;
    auto* cmd = new RemoveCommand(doc(), sel);
    if (cmd->isEmpty()) {
        delete cmd;
        return;
    }
    doc()->undoStack()->push(cmd);
}

QString CanvasEditor::copySelection() const {
    const Selection sel = scene_->selection();
    const Fragment f = fragmentOf(doc()->design(), sel.components, sel.regions, sel.zones, sel.links);
    if (f.regions.empty() && f.zones.empty() && f.components.empty()) return {};
    return fragmentToJson(f);
}

bool CanvasEditor::paste(const QString& json, QString* why, const QString& undoText) {
    auto parsed = fragmentFromJson(json);
    if (!parsed) {
        if (why) *why = QString::fromStdString(parsed.error());
        return false;
    }
    if (parsed->components.empty() && parsed->regions.empty() && parsed->zones.empty()) {
        if (why) *why = tr("The clipboard holds no components.");
        return false;
    }
    ++pasteCount_;
    const double off = 2 * kGridSize * pasteCount_;
    Fragment f = withFreshIds(parsed.value(), *doc(), off, off);
    // Pasted components whose container did not come along find one where they land.
    std::vector<Region> allRegions = doc()->design().regions;
    allRegions.insert(allRegions.end(), f.regions.begin(), f.regions.end());
    std::vector<Zone> allZones = doc()->design().zones;
    allZones.insert(allZones.end(), f.zones.begin(), f.zones.end());
    std::set<std::string> pastedContainers;
    for (const Region& r : f.regions) pastedContainers.insert(r.id);
    for (const Zone& z : f.zones) pastedContainers.insert(z.id);
    for (Component& c : f.components)
        if (!pastedContainers.count(c.region) && !pastedContainers.count(c.zone)) place(c, allRegions, allZones);
    Selection sel;
    for (const Component& c : f.components) sel.components.insert(c.id);
    for (const Region& r : f.regions) sel.regions.insert(r.id);
    for (const Zone& z : f.zones) sel.zones.insert(z.id);
    for (const Link& l : f.links) sel.links.insert(l.id);
    const auto n = f.components.size() + f.regions.size() + f.zones.size();
    const QString text = (undoText.isEmpty() ? tr("Paste %1 item(s)") : undoText).arg(n);
    doc()->undoStack()->push(new InsertCommand(doc(), std::move(f), text));
    scene_->selectIds(sel);
    return true;
}

void CanvasEditor::duplicateSelection() {
    const QString json = copySelection();
    if (json.isEmpty()) return;
    const int saved = pasteCount_;
    pasteCount_ = 0;
    paste(json, nullptr, tr("Duplicate %1 item(s)"));
    pasteCount_ = saved;
}

QList<QGraphicsItem*> CanvasEditor::itemsMovedWithSelection() const {
    const Selection sel = scene_->selection();
    const Design& d = doc()->design();
    QList<QGraphicsItem*> out;
    std::set<std::string> zones = sel.zones;
    for (const auto& id : sel.regions)
        if (auto* i = scene_->regionItem(QString::fromStdString(id))) out << i;
    for (const Zone& z : d.zones)
        if (sel.zones.count(z.id) || sel.regions.count(z.region)) {
            zones.insert(z.id);
            if (auto* i = scene_->zoneItem(QString::fromStdString(z.id))) out << i;
        }
    for (const Component& c : d.components)
        if (sel.components.count(c.id) || sel.regions.count(c.region) || (!c.zone.empty() && zones.count(c.zone)))
            if (auto* i = scene_->componentItem(QString::fromStdString(c.id))) out << i;
    return out;
}

void CanvasEditor::moveSelection(const QPointF& delta, bool nudge) {
    if (delta.isNull()) return;
    const Selection sel = scene_->selection();
    const Design& d = doc()->design();
    Fragment before, after;
    std::set<std::string> movedZones, directZones;
    for (const Region& r : d.regions)
        if (sel.regions.count(r.id)) {
            before.regions.push_back(r);
            Region m = r;
            m.rect.x += delta.x();
            m.rect.y += delta.y();
            after.regions.push_back(m);
        }
    const auto regionsAfter = merged(d.regions, after.regions);
    for (const Zone& z : d.zones) {
        const bool withRegion = sel.regions.count(z.region) > 0;
        if (!withRegion && !sel.zones.count(z.id)) continue;
        before.zones.push_back(z);
        Zone m = z;
        m.rect.x += delta.x();
        m.rect.y += delta.y();
        if (!withRegion) {   // a zone dragged on its own may land in another region
            for (const Region& r : regionsAfter)
                if (contains(r.rect, m.rect.x + m.rect.w / 2, m.rect.y + m.rect.h / 2)) m.region = r.id;
            directZones.insert(z.id);
        }
        movedZones.insert(z.id);
        after.zones.push_back(m);
    }
    const auto zonesAfter = merged(d.zones, after.zones);
    for (const Component& c : d.components) {
        const bool carried = sel.regions.count(c.region) || (!c.zone.empty() && movedZones.count(c.zone));
        if (!carried && !sel.components.count(c.id)) continue;
        before.components.push_back(c);
        Component m = c;
        m.x += delta.x();
        m.y += delta.y();
        if (!carried) {
            place(m, regionsAfter, zonesAfter);
        } else if (!c.zone.empty() && directZones.count(c.zone)) {
            for (const Zone& z : after.zones)
                if (z.id == c.zone) m.region = z.region;
        }
        after.components.push_back(m);
    }
    const auto n = after.components.size() + after.regions.size() + after.zones.size();
    if (n == 0) return;
    doc()->undoStack()->push(new UpdateCommand(doc(), std::move(before), std::move(after),
                                               nudge ? tr("Nudge %1 item(s)").arg(n) : tr("Move %1 item(s)").arg(n),
                                               nudge ? kNudgeCommandId : kNoMerge));
}

void CanvasEditor::commitResize(ContainerItem* item, const QRectF& r) {
    const std::string id = item->id().toStdString();
    const Design& d = doc()->design();
    Fragment before, after;
    if (item->isZone()) {
        const Zone* z = doc()->zone(id);
        if (!z) return;
        before.zones.push_back(*z);
        Zone m = *z;
        m.rect = Rect{r.x(), r.y(), r.width(), r.height()};
        after.zones.push_back(m);
    } else {
        const Region* g = doc()->region(id);
        if (!g) return;
        before.regions.push_back(*g);
        Region m = *g;
        m.rect = Rect{r.x(), r.y(), r.width(), r.height()};
        after.regions.push_back(m);
    }
    // What the new outline leaves out (or takes in) changes container, as a
    // drop there would: the resize and the re-homing are one undo step.
    const auto regionsAfter = merged(d.regions, after.regions);
    const auto zonesAfter = merged(d.zones, after.zones);
    for (const Component& c : d.components) {
        Component m = c;
        place(m, regionsAfter, zonesAfter);
        if (m.region == c.region && m.zone == c.zone) continue;
        before.components.push_back(c);
        after.components.push_back(m);
    }
    const int moved = static_cast<int>(after.components.size());
    doc()->undoStack()->push(new UpdateCommand(doc(), std::move(before), std::move(after),
                                               tr("Resize %1").arg(item->id())));
    if (moved > 0)
        emit scene_->hintChanged(
            QCoreApplication::translate("Canvas", "%n component(s) changed container with the resize", nullptr, moved));
}

void CanvasEditor::moveComponentsTo(const std::map<std::string, QPointF>& positions, const QString& text) {
    Fragment before, after;
    for (const auto& [id, p] : positions) {
        const Component* c = doc()->component(id);
        if (!c || (c->x == p.x() && c->y == p.y())) continue;
        before.components.push_back(*c);
        Component m = *c;
        m.x = p.x();
        m.y = p.y();
        place(m, doc()->design().regions, doc()->design().zones);
        after.components.push_back(m);
    }
    if (after.components.empty()) return;
    doc()->undoStack()->push(new UpdateCommand(doc(), std::move(before), std::move(after), text));
}

void CanvasEditor::align(Align how) {
    const Selection sel = scene_->selection();
    std::vector<const Component*> cs;
    for (const auto& id : sel.components)
        if (const Component* c = doc()->component(id)) cs.push_back(c);
    if (cs.size() < 2) return;
    double minX = 1e300, maxX = -1e300, minY = 1e300, maxY = -1e300;
    for (const Component* c : cs) {
        minX = std::min(minX, c->x);
        maxX = std::max(maxX, c->x + kNodeWidth);
        minY = std::min(minY, c->y);
        maxY = std::max(maxY, c->y + kNodeHeight);
    }
    std::map<std::string, QPointF> to;
    for (const Component* c : cs) {
        QPointF p(c->x, c->y);
        switch (how) {
        case Align::Left: p.setX(minX); break;
        case Align::Right: p.setX(maxX - kNodeWidth); break;
        case Align::HCenter: p.setX(std::round((minX + maxX - kNodeWidth) / 2)); break;
        case Align::Top: p.setY(minY); break;
        case Align::Bottom: p.setY(maxY - kNodeHeight); break;
        case Align::VCenter: p.setY(std::round((minY + maxY - kNodeHeight) / 2)); break;
        }
        to[c->id] = p;
    }
    moveComponentsTo(to, tr("Align %1 components").arg(cs.size()));
}

void CanvasEditor::distribute(Qt::Orientation o) {
    const Selection sel = scene_->selection();
    std::vector<const Component*> cs;
    for (const auto& id : sel.components)
        if (const Component* c = doc()->component(id)) cs.push_back(c);
    if (cs.size() < 3) return;
    const bool h = o == Qt::Horizontal;
    std::sort(cs.begin(), cs.end(), [h](const Component* a, const Component* b) { return h ? a->x < b->x : a->y < b->y; });
    const double first = h ? cs.front()->x : cs.front()->y;
    const double last = h ? cs.back()->x : cs.back()->y;
    const double step = (last - first) / static_cast<double>(cs.size() - 1);
    std::map<std::string, QPointF> to;
    for (std::size_t i = 0; i < cs.size(); ++i) {
        const double v = std::round(first + step * static_cast<double>(i));
        to[cs[i]->id] = h ? QPointF(v, cs[i]->y) : QPointF(cs[i]->x, v);
    }
    moveComponentsTo(to, tr("Distribute %1 components").arg(cs.size()));
}

int CanvasEditor::selectByName(const QString& text) {
    Selection sel;
    const QString needle = text.trimmed();
    if (needle.isEmpty()) return 0;
    for (const Component& c : doc()->design().components)
        if (QString::fromStdString(c.name).contains(needle, Qt::CaseInsensitive) ||
            QString::fromStdString(c.id).compare(needle, Qt::CaseInsensitive) == 0)
            sel.components.insert(c.id);
    scene_->selectIds(sel);
    return static_cast<int>(sel.components.size());
}

void CanvasEditor::selectAll() {
    Selection sel;
    const Design& d = doc()->design();
    for (const Component& c : d.components) sel.components.insert(c.id);
    for (const Link& l : d.links) sel.links.insert(l.id);
    scene_->selectIds(sel);
}

}  // namespace sw::views
