// Route enumeration for the availability pass (AvailabilityRoutes.h).
#include "planner/analysis/AvailabilityRoutes.h"

#include <algorithm>

namespace sw::analysis {

bool carries(const Link& l, Want w) {
    if (w == Want::Any || l.access == Access::Both) return true;
    return (w == Want::Read) == (l.access == Access::Read);
}

std::vector<Route> enumerateRoutes(const Context& ctx, const FailoverModel& fm, const GroupFlow& gf, Want want) {
    const std::size_t n = ctx.design.components.size();
    std::vector<int> rank(ctx.regionLat.size(), 0);
    for (std::size_t i = 0; i < gf.preference.size(); ++i) rank[static_cast<std::size_t>(gf.preference[i])] = static_cast<int>(i);
    auto rankOf = [&](int comp) {
        const int r = ctx.regionOfComponent(comp);
        return r < 0 ? 1 << 20 : rank[static_cast<std::size_t>(r)];
    };
    std::vector<Route> routes(1);
    routes[0].in.assign(n, 0);
    routes[0].stack.push_back(gf.component);
    std::vector<int> targets;
    for (std::size_t ri = 0; ri < routes.size(); ++ri) {
        while (!routes[ri].stack.empty()) {
            const int v = routes[ri].stack.back();
            routes[ri].stack.pop_back();
            const std::size_t vi = static_cast<std::size_t>(v);
            if (routes[ri].in[vi]) continue;
            routes[ri].in[vi] = 1;
            routes[ri].comps.push_back(v);
            // Synchronous replication makes the target required, unless it
            // stands in the source's failover group (then it is a member).
            for (int l : ctx.replOut[vi]) {
                if (ctx.link(l).mode != LinkMode::Sync) continue;
                const int t = ctx.linkTo[static_cast<std::size_t>(l)];
                const int g = fm.groupOfPrimary[vi];
                if (g >= 0 && fm.groupOfMember[static_cast<std::size_t>(t)] == g) continue;
                routes[ri].stack.push_back(t);
            }
            for (int l : ctx.callsOut[vi]) {
                const Link& link = ctx.link(l);
                if (link.mode == LinkMode::Async || link.params.fraction <= 0 || !carries(link, want)) continue;
                const int ag = ctx.altGroup[static_cast<std::size_t>(l)];
                targets.clear();
                if (ag < 0) {
                    targets.push_back(ctx.linkTo[static_cast<std::size_t>(l)]);
                } else {
                    const auto& members = ctx.altGroups[static_cast<std::size_t>(ag)];
                    if (members.front() != l) continue;
                    for (int x : members)
                        if (ctx.link(x).params.fraction > 0) targets.push_back(ctx.linkTo[static_cast<std::size_t>(x)]);
                    std::stable_sort(targets.begin(), targets.end(), [&](int a, int b) { return rankOf(a) < rankOf(b); });
                }
                if (targets.empty()) continue;
                if (want == Want::Read) {
                    const int p = fm.primaryOfReplica[static_cast<std::size_t>(targets.front())];
                    const bool onePrimary = p >= 0 && std::all_of(targets.begin(), targets.end(), [&](int t) {
                        return fm.primaryOfReplica[static_cast<std::size_t>(t)] == p;
                    });
                    if (onePrimary) targets.push_back(p);
                }
                const std::size_t room = static_cast<std::size_t>(kMaxRoutes) - routes.size();
                const std::size_t forks = std::min(targets.size() - 1, room);
                const bool geo = routes[ri].geoTarget < 0 && std::any_of(targets.begin(), targets.end(), [&](int t) {
                    return ctx.regionOfComponent(t) != ctx.regionOfComponent(targets[0]);
                });
                for (std::size_t j = 1; j <= forks; ++j) {
                    Route copy = routes[ri];
                    copy.stack.push_back(targets[j]);
                    if (geo) copy.geoTarget = targets[j];
                    routes.push_back(std::move(copy));
                }
                routes[ri].stack.push_back(targets[0]);
                if (geo) routes[ri].geoTarget = targets[0];
            }
        }
    }
    return routes;
}

}  // namespace sw::analysis
