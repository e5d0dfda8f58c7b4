#include "views/document/ClipboardCodec.h"

#include <algorithm>
#include <map>

#include "model/JsonFormat.h"
#include "views/document/DesignDocument.h"

namespace sw::views {

std::string idPrefix(ComponentKind kind) {
    std::string p(kindKey(kind));
    std::replace(p.begin(), p.end(), '_', '-');
    return p;
}

Fragment fragmentOf(const Design& d, const std::set<std::string>& components, const std::set<std::string>& regions,
                    const std::set<std::string>& zones, const std::set<std::string>& links) {
    Fragment f;
    std::set<std::string> zs = zones, cs = components;
    for (const Region& r : d.regions)
        if (regions.count(r.id)) f.regions.push_back(r);
    for (const Zone& z : d.zones)
        if (zs.count(z.id) || regions.count(z.region)) {
            zs.insert(z.id);
            f.zones.push_back(z);
        }
    for (const Component& c : d.components)
        if (cs.count(c.id) || regions.count(c.region) || (!c.zone.empty() && zs.count(c.zone))) {
            cs.insert(c.id);
            f.components.push_back(c);
        }
    for (const Link& l : d.links)
        if (cs.count(l.from) && cs.count(l.to)) f.links.push_back(l);
    (void)links;   // a link alone is meaningless without its ends
    return f;
}

QString fragmentToJson(const Fragment& f) {
    Design d;
    d.name = "Clipboard";
    d.regions = f.regions;
    d.zones = f.zones;
    d.components = f.components;
    d.links = f.links;
    return QString::fromStdString(designToJson(d));
}

Result<Fragment> fragmentFromJson(const QString& text) {
    auto d = designFromJson(text.toStdString());
    if (!d) return Result<Fragment>::failure(d.error());
    Fragment f;
    f.regions = std::move(d->regions);
    f.zones = std::move(d->zones);
    f.components = std::move(d->components);
    f.links = std::move(d->links);
    return f;
}

Fragment withFreshIds(const Fragment& in, const DesignDocument& doc, double dx, double dy) {
    Fragment f = in;
    std::set<std::string> taken;
    std::map<std::string, int> next;
    auto fresh = [&](const std::string& prefix) {
        for (int& n = next.try_emplace(prefix, 1).first->second;; ++n) {
            std::string id = prefix + "-" + std::to_string(n);
            if (taken.count(id) || doc.component(id) || doc.region(id) || doc.zone(id) || doc.link(id)) continue;
            taken.insert(id);
            ++n;
            return id;
        }
    };
    // A copy pasted beside its original gets a name of its own: "API (copy)",
    // "API (copy 2)"; pasted into a design without that name it keeps it.
    std::set<std::string> names;
    for (const Component& c : doc.design().components) names.insert(c.name);
    for (const Region& r : doc.design().regions) names.insert(r.name);
    for (const Zone& z : doc.design().zones) names.insert(z.name);
    auto distinct = [&names](std::string& name) {
        if (name.empty() || !names.count(name)) {
            names.insert(name);
            return;
        }
        std::string base = name;
        if (const auto at = base.rfind(" (copy"); at != std::string::npos && base.back() == ')') base.erase(at);
        for (int k = 1;; ++k) {
            std::string candidate = base + (k == 1 ? " (copy)" : " (copy " + std::to_string(k) + ")");
            if (names.insert(candidate).second) {
                name = std::move(candidate);
                return;
            }
        }
    };
    std::map<std::string, std::string> regionIds, zoneIds, componentIds;
    for (Region& r : f.regions) {
        r.id = regionIds[r.id] = fresh("region");
        distinct(r.name);
        r.rect.x += dx;
        r.rect.y += dy;
    }
    for (Zone& z : f.zones) {
        z.id = zoneIds[z.id] = fresh("zone");
        distinct(z.name);
        if (auto it = regionIds.find(z.region); it != regionIds.end()) z.region = it->second;
        z.rect.x += dx;
        z.rect.y += dy;
    }
    for (Component& c : f.components) {
        c.id = componentIds[c.id] = fresh(idPrefix(c.kind));
        distinct(c.name);
        if (auto it = regionIds.find(c.region); it != regionIds.end()) c.region = it->second;
        if (auto it = zoneIds.find(c.zone); it != zoneIds.end()) c.zone = it->second;
        c.x += dx;
        c.y += dy;
    }
    for (Link& l : f.links) {
        l.id = fresh("link");
        l.from = componentIds.count(l.from) ? componentIds[l.from] : l.from;
        l.to = componentIds.count(l.to) ? componentIds[l.to] : l.to;
    }
    return f;
}

}  // namespace sw::views
