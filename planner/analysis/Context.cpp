// Builds the integer index tables of a design once per analysis.
#include "planner/analysis/Context.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "planner/LatencyMap.h"
#include "planner/ZoneLatency.h"

namespace sw::analysis {

double Context::zoneHopRttMs(int a, int b) const {
    const int za = compZone[static_cast<std::size_t>(a)], zb = compZone[static_cast<std::size_t>(b)];
    const int r = compRegion[static_cast<std::size_t>(a)];
    if (za < 0 || zb < 0 || za == zb || r < 0 || r != compRegion[static_cast<std::size_t>(b)]) return 0;
    return regionZoneRtt[static_cast<std::size_t>(r)];
}

Context::Context(const Design& d, const Catalogue& cat) : design(d), catalogue(cat) {
    const std::size_t n = d.components.size();
    componentIndex.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) componentIndex.emplace(d.components[i].id, static_cast<int>(i));

    std::unordered_map<std::string_view, int> regionIdx, zoneIdx;
    for (std::size_t r = 0; r < d.regions.size(); ++r) regionIdx.emplace(d.regions[r].id, static_cast<int>(r));
    for (std::size_t z = 0; z < d.zones.size(); ++z) zoneIdx.emplace(d.zones[z].id, static_cast<int>(z));

    regionLat.resize(d.regions.size());
    regionLon.resize(d.regions.size());
    regionZones.resize(d.regions.size());
    regionZoneRtt.resize(d.regions.size());
    for (std::size_t r = 0; r < d.regions.size(); ++r) {
        regionZoneRtt[r] = zoneRttMs(d.regions[r]);
        std::tie(regionLat[r], regionLon[r]) = regionLocation(d.regions[r], cat);
    }
    zoneRegion.assign(d.zones.size(), -1);
    for (std::size_t z = 0; z < d.zones.size(); ++z) {
        auto it = regionIdx.find(d.zones[z].region);
        if (it != regionIdx.end()) {
            zoneRegion[z] = it->second;
            regionZones[static_cast<std::size_t>(it->second)].push_back(static_cast<int>(z));
        }
    }

    std::unordered_map<std::string_view, const InstanceType*> types;
    for (const InstanceType& t : cat.instance_types) types.emplace(t.name, &t);
    compType.assign(n, nullptr);
    compRegion.assign(n, -1);
    compZone.assign(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        const Component& c = d.components[i];
        if (auto it = regionIdx.find(c.region); it != regionIdx.end()) compRegion[i] = it->second;
        if (auto it = zoneIdx.find(c.zone); it != zoneIdx.end() && zoneRegion[it->second] == compRegion[i])
            compZone[i] = it->second;
        if (auto it = types.find(c.instance_type); it != types.end()) compType[i] = it->second;
        if (c.kind == ComponentKind::UserGroup) userGroups.push_back(static_cast<int>(i));
    }

    const std::size_t m = d.links.size();
    linkFrom.assign(m, -1);
    linkTo.assign(m, -1);
    callsOut.resize(n);
    callsIn.resize(n);
    replOut.resize(n);
    replIn.resize(n);
    for (std::size_t l = 0; l < m; ++l) {
        const Link& k = d.links[l];
        auto f = componentIndex.find(k.from), t = componentIndex.find(k.to);
        if (f == componentIndex.end() || t == componentIndex.end() || f->second == t->second) continue;
        linkFrom[l] = f->second;
        linkTo[l] = t->second;
        const int li = static_cast<int>(l);
        if (k.kind == LinkKind::Call) {
            callsOut[static_cast<std::size_t>(f->second)].push_back(li);
            callsIn[static_cast<std::size_t>(t->second)].push_back(li);
        } else {
            replOut[static_cast<std::size_t>(f->second)].push_back(li);
            replIn[static_cast<std::size_t>(t->second)].push_back(li);
        }
    }

    // Kahn's algorithm; on a cycle the members are appended in index order so
    // every pass still visits every component once (validation reports the cycle).
    std::vector<int> indeg(n, 0);
    for (std::size_t i = 0; i < n; ++i) indeg[i] = static_cast<int>(callsIn[i].size());
    order.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        if (indeg[i] == 0) order.push_back(static_cast<int>(i));
    for (std::size_t head = 0; head < order.size(); ++head) {
        for (int l : callsOut[static_cast<std::size_t>(order[head])]) {
            const int t = linkTo[static_cast<std::size_t>(l)];
            if (--indeg[static_cast<std::size_t>(t)] == 0) order.push_back(t);
        }
    }
    if (order.size() < n) {
        cyclic = true;
        for (std::size_t i = 0; i < n; ++i)
            if (indeg[i] > 0) order.push_back(static_cast<int>(i));
    }

    altGroup.assign(m, -1);
    for (std::size_t v = 0; v < n; ++v) {
        const ComponentKind k = d.components[v].kind;
        const bool router = k == ComponentKind::UserGroup || k == ComponentKind::Dns ||
                            k == ComponentKind::Cdn || k == ComponentKind::LoadBalancer;
        if (callsOut[v].size() < 2) continue;
        const auto& out = callsOut[v];
        // Replicas of one primary are interchangeable for whoever calls them.
        auto primaryOf = [&](int c) {
            const Component& x = comp(c);
            if (x.kind != ComponentKind::Database || x.role != DbRole::Replica) return -1;
            for (int l : replIn[static_cast<std::size_t>(c)]) return linkFrom[static_cast<std::size_t>(l)];
            return -1;
        };
        // What a tier calls, by shape rather than by id: web tiers that each
        // call their own zone's cache of one size are copies of one tier (stage
        // 5's per-zone web + Redis), as are tiers that call the same parts.
        auto shapeOf = [&](int c) {
            const Component& x = comp(c);
            return std::tuple(static_cast<int>(x.kind), static_cast<int>(x.role), x.instance_type, x.params.capacity_rps,
                              x.params.service_time_ms);
        };
        auto callees = [&](int c) {
            std::vector<decltype(shapeOf(0))> t;
            for (int l : callsOut[static_cast<std::size_t>(c)]) t.push_back(shapeOf(linkTo[static_cast<std::size_t>(l)]));
            std::sort(t.begin(), t.end());
            return t;
        };
        auto sameTier = [&](int x, int y) {
            const Component& cx = comp(x);
            const Component& cy = comp(y);
            return cx.instance_type == cy.instance_type && cx.params.capacity_rps == cy.params.capacity_rps &&
                   cx.params.service_time_ms == cy.params.service_time_ms && callees(x) == callees(y);
        };
        std::vector<char> taken(out.size(), 0);
        for (std::size_t a = 0; a < out.size(); ++a) {
            if (taken[a]) continue;
            const Link& la = d.links[static_cast<std::size_t>(out[a])];
            const Component& ta = comp(linkTo[static_cast<std::size_t>(out[a])]);
            const int pa = primaryOf(linkTo[static_cast<std::size_t>(out[a])]);
            if (!router && pa < 0) continue;
            std::vector<int> members{out[a]};
            std::vector<std::size_t> picked{a};
            bool regions = false;
            for (std::size_t b = a + 1; b < out.size(); ++b) {
                const Link& lb = d.links[static_cast<std::size_t>(out[b])];
                const int tb = linkTo[static_cast<std::size_t>(out[b])];
                if (taken[b] || comp(tb).kind != ta.kind || lb.access != la.access) continue;
                if (!router && primaryOf(tb) != pa) continue;
                members.push_back(out[b]);
                picked.push_back(b);
                regions = regions || compRegion[static_cast<std::size_t>(tb)] !=
                                         compRegion[static_cast<std::size_t>(linkTo[static_cast<std::size_t>(out[a])])];
            }
            if (!regions && pa < 0) {
                // Within one region a router's targets are a pool only when
                // they are copies of one tier (same size and same callees);
                // different services behind one balancer are all needed.
                const int ia = linkTo[static_cast<std::size_t>(out[a])];
                std::vector<int> kept{out[a]};
                std::vector<std::size_t> keptPicked{a};
                for (std::size_t j = 1; j < members.size(); ++j)
                    if (sameTier(ia, linkTo[static_cast<std::size_t>(members[j])])) {
                        kept.push_back(members[j]);
                        keptPicked.push_back(picked[j]);
                    }
                members = std::move(kept);
                picked = std::move(keptPicked);
            }
            for (std::size_t b : picked) taken[b] = 1;
            if (members.size() < 2) continue;
            for (int l : members) altGroup[static_cast<std::size_t>(l)] = static_cast<int>(altGroups.size());
            altGroups.push_back(std::move(members));
            altGeo.push_back(regions ? 1 : 0);
        }
    }

    readReplicas.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        const Component& c = d.components[v];
        if (c.kind != ComponentKind::Database || c.role == DbRole::Replica) continue;
        for (int l : replOut[v]) {
            const int t = linkTo[static_cast<std::size_t>(l)];
            const Component& r = comp(t);
            // Any replica role serves reads (a hot standby included) unless it
            // is a standby that only waits to be promoted (serves_reads = 0).
            if (r.kind == ComponentKind::Database && r.role == DbRole::Replica && r.params.serves_reads > 0 &&
                compRegion[static_cast<std::size_t>(t)] == compRegion[v] && callsIn[static_cast<std::size_t>(t)].empty())
                readReplicas[v].push_back(t);
        }
    }

    double shares = 0;
    for (int g : userGroups) shares += std::max(0.0, comp(g).params.user_share);
    for (int g : userGroups) {
        const double s = std::max(0.0, comp(g).params.user_share);
        userShare.push_back(shares > 0 ? s / shares : 1.0 / static_cast<double>(userGroups.size()));
    }
}

double concurrencyPerInstance(const ComponentParams& p) {
    return std::max(1.0, std::round(p.capacity_rps * p.service_time_ms / 1000.0));
}

}  // namespace sw::analysis
