// The diff of two designs, matched by id. Numeric fields come from the
// model's FieldSpec tables, so a field added to the model is compared without
// being named here.
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "model/FieldSpec.h"
#include "planner/whatif/WhatIf.h"

namespace sw::whatif {

namespace {

void text(std::vector<FieldChange>& out, const std::string& id, std::string_view field, std::string_view before,
          std::string_view after) {
    if (before == after) return;
    FieldChange c;
    c.id = id;
    c.field = std::string(field);
    c.old_text = std::string(before);
    c.new_text = std::string(after);
    out.push_back(std::move(c));
}

template <class Owner>
void numbers(std::vector<FieldChange>& out, const std::string& id, std::span<const FieldSpec<Owner>> fields,
             const Owner& before, const Owner& after, KindMask kinds = kAllKinds) {
    for (const FieldSpec<Owner>& f : fields) {
        if ((f.kinds & kinds) == 0) continue;
        const double a = f.get(before), b = f.get(after);
        if (a == b) continue;
        FieldChange c;
        c.id = id;
        c.field = std::string(f.key);
        c.unit = std::string(f.unit);
        c.numeric = true;
        c.old_number = a;
        c.new_number = b;
        out.push_back(std::move(c));
    }
}

// Records present on one side only, and pairs present on both, by id.
template <class T, class Changed>
void match(const std::vector<T>& before, const std::vector<T>& after, std::vector<std::string>& added,
           std::vector<std::string>& removed, Changed changed) {
    std::unordered_map<std::string_view, const T*> old;
    old.reserve(before.size() * 2);
    for (const T& x : before) old.emplace(x.id, &x);
    std::unordered_set<std::string_view> seen;
    seen.reserve(after.size() * 2);
    for (const T& x : after) {
        seen.insert(x.id);
        auto it = old.find(x.id);
        if (it == old.end())
            added.push_back(x.id);
        else if (!(*it->second == x))
            changed(*it->second, x);
    }
    for (const T& x : before)
        if (!seen.count(x.id)) removed.push_back(x.id);
}

}  // namespace

bool DesignDiff::empty() const {
    return components_added.empty() && components_removed.empty() && components_changed.empty() &&
           links_added.empty() && links_removed.empty() && links_changed.empty() && workload_changed.empty() &&
           regions_added.empty() && regions_removed.empty() && regions_changed.empty() && zones_added.empty() &&
           zones_removed.empty() && zones_changed.empty();
}

std::vector<std::string> DesignDiff::changedComponentIds() const {
    std::vector<std::string> ids;
    for (const FieldChange& c : components_changed)
        if (ids.empty() || ids.back() != c.id) ids.push_back(c.id);
    return ids;
}

DesignDiff diff(const Design& before, const Design& after) {
    DesignDiff d;
    numbers(d.workload_changed, "", workloadFields(), before.workload, after.workload);
    match(before.components, after.components, d.components_added, d.components_removed,
          [&](const Component& a, const Component& b) {
              auto& out = d.components_changed;
              text(out, b.id, "name", a.name, b.name);
              text(out, b.id, "kind", kindKey(a.kind), kindKey(b.kind));
              text(out, b.id, "region", a.region, b.region);
              text(out, b.id, "zone", a.zone, b.zone);
              text(out, b.id, "instance_type", a.instance_type, b.instance_type);
              if (a.kind == ComponentKind::Database || b.kind == ComponentKind::Database)
                  text(out, b.id, "role", roleKey(a.role), roleKey(b.role));
              if (hasInstances(a.kind) || hasInstances(b.kind))
                  text(out, b.id, "pricing", pricingKey(a.pricing), pricingKey(b.pricing));
              numbers(out, b.id, componentFields(), a.params, b.params, kindBit(a.kind) | kindBit(b.kind));
          });
    match(before.links, after.links, d.links_added, d.links_removed, [&](const Link& a, const Link& b) {
        auto& out = d.links_changed;
        text(out, b.id, "kind", linkKindKey(a.kind), linkKindKey(b.kind));
        text(out, b.id, "from", a.from, b.from);
        text(out, b.id, "to", a.to, b.to);
        text(out, b.id, "mode", linkModeKey(a.mode), linkModeKey(b.mode));
        text(out, b.id, "access", accessKey(a.access), accessKey(b.access));
        numbers(out, b.id, linkFields(), a.params, b.params);
    });
    match(before.regions, after.regions, d.regions_added, d.regions_removed, [&](const Region& a, const Region& b) {
        text(d.regions_changed, b.id, "name", a.name, b.name);
        text(d.regions_changed, b.id, "code", a.code, b.code);
        text(d.regions_changed, b.id, "provider", a.provider, b.provider);
        numbers(d.regions_changed, b.id, regionFields(), a.params, b.params);
    });
    match(before.zones, after.zones, d.zones_added, d.zones_removed, [&](const Zone& a, const Zone& b) {
        text(d.zones_changed, b.id, "name", a.name, b.name);
        text(d.zones_changed, b.id, "region", a.region, b.region);
        numbers(d.zones_changed, b.id, zoneFields(), a.params, b.params);
    });
    return d;
}

}  // namespace sw::whatif
