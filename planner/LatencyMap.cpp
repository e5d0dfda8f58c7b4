#include "planner/LatencyMap.h"

#include <cmath>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "model/Catalogue.h"
#include "planner/Geo.h"

namespace sw {

bool nearFibreFloor(double rttMs, double floorMs) {
    return floorMs > 0 && std::isfinite(rttMs) && rttMs <= floorMs * kNearFloorRatio;
}

std::pair<double, double> regionLocation(const Region& reg, const Catalogue& cat) {
    if (reg.params.latitude == 0 && reg.params.longitude == 0 && !reg.code.empty())
        if (const CloudRegion* cr = cat.findRegion(reg.code)) return {cr->latitude, cr->longitude};
    return {reg.params.latitude, reg.params.longitude};
}

LatencyMap latencyMap(const Design& design, const Analysis& analysis) {
    return latencyMap(design, analysis, defaultCatalogue());
}

LatencyMap latencyMap(const Design& design, const Analysis& analysis, const Catalogue& catalogue) {
    LatencyMap map;
    const LatencyMatrix& lm = analysis.latency;
    for (const std::string& id : lm.regions) {
        MapPlace p;
        p.id = id;
        if (const Region* r = design.findRegion(id)) {
            p.name = r->name.empty() ? r->id : r->name;
            std::tie(p.latitude, p.longitude) = regionLocation(*r, catalogue);
        }
        map.regions.push_back(std::move(p));
    }
    const std::size_t n = map.regions.size();
    auto cell = [](const std::vector<std::vector<double>>& m, std::size_t i, std::size_t j) {
        return i < m.size() && j < m[i].size() ? m[i][j] : 0.0;
    };
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            MapPair pr;
            pr.from = static_cast<int>(i);
            pr.to = static_cast<int>(j);
            pr.distance_km = greatCircleKm(map.regions[i].latitude, map.regions[i].longitude, map.regions[j].latitude,
                                           map.regions[j].longitude);
            pr.floor_ms = cell(lm.floor_ms, i, j);
            pr.rtt_ms = cell(lm.modelled_ms, i, j);
            if (i < lm.source.size() && j < lm.source[i].size()) pr.source = lm.source[i][j];
            pr.near_floor = nearFibreFloor(pr.rtt_ms, pr.floor_ms);
            map.region_links.push_back(pr);
        }
    std::unordered_map<std::string_view, const GeographyResult*> served;
    for (const GeographyResult& g : analysis.geographies) served.emplace(g.user_group, &g);
    std::unordered_map<std::string_view, const Component*> users;
    for (const Component& c : design.components)
        if (c.kind == ComponentKind::UserGroup) users.emplace(c.id, &c);
    for (std::size_t u = 0; u < lm.user_groups.size(); ++u) {
        MapPlace p;
        p.id = lm.user_groups[u];
        const auto geo = served.find(p.id);
        const std::string servedRegion = geo == served.end() ? std::string() : geo->second->region;
        if (const auto it = users.find(p.id); it != users.end()) {
            const Component* c = it->second;
            p.name = c->name.empty() ? c->id : c->name;
            p.latitude = c->params.latitude;
            p.longitude = c->params.longitude;
        }
        for (std::size_t r = 0; r < n; ++r) {
            MapPair pr;
            pr.from = static_cast<int>(u);
            pr.to = static_cast<int>(r);
            pr.distance_km = greatCircleKm(p.latitude, p.longitude, map.regions[r].latitude, map.regions[r].longitude);
            pr.floor_ms = floorRttMs(pr.distance_km);
            pr.rtt_ms = cell(lm.user_modelled_ms, u, r);
            pr.near_floor = nearFibreFloor(pr.rtt_ms, pr.floor_ms);
            pr.served = servedRegion == map.regions[r].id;
            map.user_routes.push_back(pr);
        }
        map.user_groups.push_back(std::move(p));
    }
    return map;
}

}  // namespace sw
