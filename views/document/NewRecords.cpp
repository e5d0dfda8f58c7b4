#include "views/document/NewRecords.h"

#include <algorithm>
#include <string>

#include "model/Catalogue.h"

namespace sw::views {

Component newComponent(const Design& d, ComponentKind kind) {
    Component c;
    c.kind = kind;
    const auto n = std::count_if(d.components.begin(), d.components.end(),
                                 [kind](const Component& x) { return x.kind == kind; });
    c.name = std::string(kindLabel(kind)) + " " + std::to_string(n + 1);
    switch (kind) {
    case ComponentKind::Service: c.instance_type = "m5.large"; break;
    case ComponentKind::Cache:
        c.instance_type = "cache.r6g.large";
        c.params.hit_ratio = 0.8;   // the seeds' typical read-cache hit ratio
        break;
    case ComponentKind::Database: c.instance_type = "db.r6g.large"; break;
    case ComponentKind::Cdn: c.params.hit_ratio = 0.9; break;
    default: break;
    }
    return c;
}

Region newRegion(const Design& d) {
    Region r;
    const Catalogue& cat = defaultCatalogue();
    for (const CloudRegion& cr : cat.regions) {
        const bool used = std::any_of(d.regions.begin(), d.regions.end(), [&](const Region& x) { return x.code == cr.code; });
        if (used) continue;
        r.code = cr.code;
        r.provider = cr.provider;
        r.name = cr.code;
        r.params.latitude = cr.latitude;
        r.params.longitude = cr.longitude;
        break;
    }
    if (r.name.empty()) r.name = "Region " + std::to_string(d.regions.size() + 1);
    r.rect = Rect{0, 0, 560, 384};
    return r;
}

Zone newZone(const Design& d, const Region& region) {
    Zone z;
    z.region = region.id;
    const auto n = std::count_if(d.zones.begin(), d.zones.end(), [&](const Zone& x) { return x.region == region.id; });
    const std::string base = region.code.empty() ? region.name + " zone " : region.code;
    z.name = region.code.empty() ? base + std::to_string(n + 1) : base + static_cast<char>('a' + std::min<long>(n, 25));
    z.rect = Rect{0, 0, 224, 288};
    return z;
}

}  // namespace sw::views
