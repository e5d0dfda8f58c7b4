#include "views/commands/UpdateCommand.h"

#include "views/document/DesignDocument.h"

namespace sw::views {

namespace {
template <class V>
bool sameIds(const V& a, const V& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].id != b[i].id) return false;
    return true;
}
}  // namespace

UpdateCommand::UpdateCommand(DesignDocument* doc, Fragment before, Fragment after, const QString& text,
                             int mergeId)
    : doc_(doc), before_(std::move(before)), after_(std::move(after)), variant_(doc->currentVariant()),
      mergeId_(mergeId) {
    setText(text);
}

void UpdateCommand::apply(const Fragment& f) {
    doc_->setCurrentVariant(variant_);
    for (const Region& r : f.regions) doc_->replaceRegion(r);
    for (const Zone& z : f.zones) doc_->replaceZone(z);
    for (const Component& c : f.components) doc_->replaceComponent(c);
    for (const Link& l : f.links) doc_->replaceLink(l);
    if (f.workload) doc_->setWorkload(*f.workload);
    if (f.name || f.description)
        doc_->setDesignText(f.name.value_or(doc_->design().name),
                            f.description.value_or(doc_->design().description));
}

void UpdateCommand::redo() { apply(after_); }
void UpdateCommand::undo() { apply(before_); }

bool UpdateCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = static_cast<const UpdateCommand*>(other);
    if (o->mergeId_ != mergeId_ || mergeId_ < 0 || o->variant_ != variant_) return false;
    if (!sameIds(o->after_.components, after_.components) || !sameIds(o->after_.regions, after_.regions) ||
        !sameIds(o->after_.zones, after_.zones) || !sameIds(o->after_.links, after_.links))
        return false;
    after_ = o->after_;
    return true;
}

Fragment snapshotOf(const DesignDocument& doc, const Fragment& f) {
    Fragment s;
    for (const Region& r : f.regions)
        if (const Region* x = doc.region(r.id)) s.regions.push_back(*x);
    for (const Zone& z : f.zones)
        if (const Zone* x = doc.zone(z.id)) s.zones.push_back(*x);
    for (const Component& c : f.components)
        if (const Component* x = doc.component(c.id)) s.components.push_back(*x);
    for (const Link& l : f.links)
        if (const Link* x = doc.link(l.id)) s.links.push_back(*x);
    if (f.workload) s.workload = doc.design().workload;
    if (f.name) s.name = doc.design().name;
    if (f.description) s.description = doc.design().description;
    return s;
}

}  // namespace sw::views
