#include "model/Design.h"

#include <algorithm>

namespace sw {
namespace {
template <class V>
auto* findById(V& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Component* Design::findComponent(std::string_view id) const {
    return findById(components, id);
}
Component* Design::findComponent(std::string_view id) { return findById(components, id); }
const Region* Design::findRegion(std::string_view id) const { return findById(regions, id); }
const Zone* Design::findZone(std::string_view id) const { return findById(zones, id); }
const Link* Design::findLink(std::string_view id) const { return findById(links, id); }

int Design::componentIndex(std::string_view id) const {
    const Component* c = findComponent(id);
    return c ? static_cast<int>(c - components.data()) : -1;
}

const Design* Project::findVariant(std::string_view name) const {
    auto it = std::find_if(variants.begin(), variants.end(),
                           [&](const Design& d) { return d.name == name; });
    return it == variants.end() ? nullptr : &*it;
}

const Scenario* Project::findScenario(std::string_view name) const {
    auto it = std::find_if(scenarios.begin(), scenarios.end(),
                           [&](const Scenario& s) { return s.name == name; });
    return it == scenarios.end() ? nullptr : &*it;
}

}  // namespace sw
