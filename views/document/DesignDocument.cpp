#include "views/document/DesignDocument.h"

#include <QUndoStack>

#include <algorithm>

namespace sw::views {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

template <class V>
int indexOf(const V& items, const std::string& id) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return static_cast<int>(i);
    return -1;
}

template <class V, class T>
void insertAt(V& items, int index, const T& value) {
    const auto at = index < 0 || index > static_cast<int>(items.size()) ? items.size()
                                                                         : static_cast<std::size_t>(index);
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), value);
}

template <class V>
bool eraseId(V& items, const std::string& id) {
    const int i = indexOf(items, id);
    if (i < 0) return false;
    items.erase(items.begin() + i);
    return true;
}

template <class V, class T>
bool replaceId(V& items, const T& value) {
    const int i = indexOf(items, value.id);
    if (i < 0) return false;
    items[static_cast<std::size_t>(i)] = value;
    return true;
}

}  // namespace

DesignDocument::DesignDocument(QObject* parent) : QObject(parent), undo_(new QUndoStack(this)) {
    project_.variants.emplace_back();
}

DesignDocument::~DesignDocument() {
    // Observers may already be gone: the stack's farewell signals go nowhere.
    undo_->blockSignals(true);
    blockSignals(true);
}

void DesignDocument::resetProject(Project project) {
    if (project.variants.empty()) project.variants.emplace_back();
    project_ = std::move(project);
    current_ = 0;
    indexValid_ = false;
    undo_->clear();
    undo_->setClean();
    emit projectReset();
    emit variantsChanged();
    emit designReset();
}

void DesignDocument::setCurrentVariant(int index) {
    if (index < 0 || index >= static_cast<int>(project_.variants.size()) || index == current_) return;
    current_ = index;
    indexValid_ = false;
    emit variantsChanged();
    emit designReset();
}

void DesignDocument::rebuildIndex() const {
    componentIndex_.clear();
    const auto& cs = design().components;
    componentIndex_.reserve(cs.size());
    for (std::size_t i = 0; i < cs.size(); ++i) componentIndex_.emplace(cs[i].id, static_cast<int>(i));
    indexValid_ = true;
}

int DesignDocument::componentIndex(const std::string& id) const {
    if (!indexValid_) rebuildIndex();
    auto it = componentIndex_.find(id);
    return it == componentIndex_.end() ? -1 : it->second;
}

const Component* DesignDocument::component(const std::string& id) const {
    const int i = componentIndex(id);
    return i < 0 ? nullptr : &design().components[static_cast<std::size_t>(i)];
}

std::string DesignDocument::freshId(const std::string& prefix) const {
    const Design& d = design();
    auto used = [&](const std::string& id) {
        return componentIndex(id) >= 0 || indexOf(d.links, id) >= 0 || indexOf(d.regions, id) >= 0 ||
               indexOf(d.zones, id) >= 0;
    };
    for (std::size_t n = 1;; ++n) {
        std::string id = prefix + "-" + std::to_string(n);
        if (!used(id)) return id;
    }
}

void DesignDocument::insertComponent(int index, const Component& c) {
    insertAt(mutableDesign().components, index, c);
    indexValid_ = false;
    emit componentAdded(q(c.id));
}

void DesignDocument::removeComponent(const std::string& id) {
    if (!eraseId(mutableDesign().components, id)) return;
    indexValid_ = false;
    emit componentRemoved(q(id));
}

void DesignDocument::replaceComponent(const Component& c) {
    const int i = componentIndex(c.id);
    if (i < 0) return;
    mutableDesign().components[static_cast<std::size_t>(i)] = c;
    emit componentChanged(q(c.id));
}

void DesignDocument::insertLink(int index, const Link& l) {
    insertAt(mutableDesign().links, index, l);
    emit linkAdded(q(l.id));
}

void DesignDocument::removeLink(const std::string& id) {
    if (eraseId(mutableDesign().links, id)) emit linkRemoved(q(id));
}

void DesignDocument::replaceLink(const Link& l) {
    if (replaceId(mutableDesign().links, l)) emit linkChanged(q(l.id));
}

void DesignDocument::insertRegion(int index, const Region& r) {
    insertAt(mutableDesign().regions, index, r);
    emit regionAdded(q(r.id));
}

void DesignDocument::removeRegion(const std::string& id) {
    if (eraseId(mutableDesign().regions, id)) emit regionRemoved(q(id));
}

void DesignDocument::replaceRegion(const Region& r) {
    if (replaceId(mutableDesign().regions, r)) emit regionChanged(q(r.id));
}

void DesignDocument::insertZone(int index, const Zone& z) {
    insertAt(mutableDesign().zones, index, z);
    emit zoneAdded(q(z.id));
}

void DesignDocument::removeZone(const std::string& id) {
    if (eraseId(mutableDesign().zones, id)) emit zoneRemoved(q(id));
}

void DesignDocument::replaceZone(const Zone& z) {
    if (replaceId(mutableDesign().zones, z)) emit zoneChanged(q(z.id));
}

void DesignDocument::setWorkload(const Workload& w) {
    mutableDesign().workload = w;
    emit workloadChanged();
}

void DesignDocument::setDesignText(const std::string& name, const std::string& description) {
    mutableDesign().name = name;
    mutableDesign().description = description;
    emit designTextChanged();
    emit variantsChanged();
}

void DesignDocument::insertVariant(int index, const Design& d) {
    auto& vs = project_.variants;
    index = std::clamp(index, 0, static_cast<int>(vs.size()));
    vs.insert(vs.begin() + index, d);
    current_ = index;
    indexValid_ = false;
    emit variantsChanged();
    emit designReset();
}

void DesignDocument::removeVariant(int index) {
    auto& vs = project_.variants;
    if (vs.size() < 2 || index < 0 || index >= static_cast<int>(vs.size())) return;
    vs.erase(vs.begin() + index);
    current_ = std::min(current_ >= index && current_ > 0 ? current_ - 1 : current_,
                        static_cast<int>(vs.size()) - 1);
    indexValid_ = false;
    emit variantsChanged();
    emit designReset();
}

void DesignDocument::renameVariant(int index, const std::string& name) {
    if (index < 0 || index >= static_cast<int>(project_.variants.size())) return;
    project_.variants[static_cast<std::size_t>(index)].name = name;
    emit variantsChanged();
    if (index == current_) emit designTextChanged();
}

void DesignDocument::moveVariant(int from, int to) {
    auto& vs = project_.variants;
    const int n = static_cast<int>(vs.size());
    if (from < 0 || from >= n || to < 0 || to >= n || from == to) return;
    const std::string shown = design().name;
    Design d = std::move(vs[static_cast<std::size_t>(from)]);
    vs.erase(vs.begin() + from);
    vs.insert(vs.begin() + to, std::move(d));
    for (int i = 0; i < n; ++i)
        if (vs[static_cast<std::size_t>(i)].name == shown) current_ = i;
    indexValid_ = false;
    emit variantsChanged();
}

void DesignDocument::setScenarios(std::vector<Scenario> scenarios) {
    project_.scenarios = std::move(scenarios);
    emit scenariosChanged();
}

}  // namespace sw::views
