#include "views/commands/RemoveCommand.h"

#include <QCoreApplication>

#include "views/document/DesignDocument.h"

namespace sw::views {

Selection closeOver(const Design& d, Selection s) {
    for (const Zone& z : d.zones)
        if (s.regions.count(z.region)) s.zones.insert(z.id);
    for (const Component& c : d.components)
        if ((!c.region.empty() && s.regions.count(c.region)) || (!c.zone.empty() && s.zones.count(c.zone)))
            s.components.insert(c.id);
    for (const Link& l : d.links)
        if (s.components.count(l.from) || s.components.count(l.to)) s.links.insert(l.id);
    return s;
}

namespace {
template <class V, class Out>
void collect(const V& items, const std::set<std::string>& ids, Out& out) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (ids.count(items[i].id)) out.emplace_back(static_cast<int>(i), items[i]);
}
}  // namespace

RemoveCommand::RemoveCommand(DesignDocument* doc, const Selection& selection)
    : doc_(doc), variant_(doc->currentVariant()) {
    const Design& d = doc->design();
    const Selection all = closeOver(d, selection);
    collect(d.regions, all.regions, regions_);
    collect(d.zones, all.zones, zones_);
    collect(d.components, all.components, components_);
    collect(d.links, all.links, links_);
    const auto n = regions_.size() + zones_.size() + components_.size() + links_.size();
    setText(n == 1 ? QCoreApplication::translate("Commands", "Delete 1 item")
                   : QCoreApplication::translate("Commands", "Delete %1 items").arg(n));
}

bool RemoveCommand::isEmpty() const {
    return regions_.empty() && zones_.empty() && components_.empty() && links_.empty();
}

void RemoveCommand::redo() {
    doc_->setCurrentVariant(variant_);
    for (const auto& [i, l] : links_) doc_->removeLink(l.id);
    for (const auto& [i, c] : components_) doc_->removeComponent(c.id);
    for (const auto& [i, z] : zones_) doc_->removeZone(z.id);
    for (const auto& [i, r] : regions_) doc_->removeRegion(r.id);
}

void RemoveCommand::undo() {
    doc_->setCurrentVariant(variant_);
    // Ascending positions: each record goes back to the index it had.
    for (const auto& [i, r] : regions_) doc_->insertRegion(i, r);
    for (const auto& [i, z] : zones_) doc_->insertZone(i, z);
    for (const auto& [i, c] : components_) doc_->insertComponent(i, c);
    for (const auto& [i, l] : links_) doc_->insertLink(i, l);
}

}  // namespace sw::views
