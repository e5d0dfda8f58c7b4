// Design availability per user group and overall, exact over shared failure
// domains. A group's request succeeds when one of its routes (alternatives at
// routers: regions, pools) has every required tier up. P(any route up) by
// inclusion-exclusion over route subsets; each subset's "all up" factorises by
// region given region states, and inside a region is summed over the 2^zones
// zone states with the tiers independent given those states.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "planner/AvailabilityMath.h"
#include "planner/analysis/Passes.h"
#include "planner/analysis/TierAvailability.h"

namespace sw::analysis {

namespace {

constexpr int kMaxRoutes = 8;

// A required unit: one tier, or the read replicas of a primary in parallel.
struct Unit {
    int comp = -1;           // single tier
    int primary = -1;        // replica block of this primary
    std::uint32_t mask = 0;  // routes that need it
    int slot = 0;
};

struct Route {
    std::vector<char> in;
    std::vector<int> stack;
    std::vector<int> comps, blocks;
};

// Routes of one user group: depth-first over synchronous calls; at a router's
// alternatives the route forks (nearest region first; beyond kMaxRoutes the
// farther alternatives are dropped, which can only understate availability).
std::vector<Route> enumerateRoutes(const Context& ctx, const GroupFlow& gf) {
    const std::size_t n = ctx.design.components.size();
    std::vector<int> rank(ctx.regionLat.size(), 0);
    for (std::size_t i = 0; i < gf.preference.size(); ++i) rank[static_cast<std::size_t>(gf.preference[i])] = static_cast<int>(i);
    auto rankOf = [&](int link) {
        const int r = ctx.regionOfComponent(ctx.linkTo[static_cast<std::size_t>(link)]);
        return r < 0 ? 1 << 20 : rank[static_cast<std::size_t>(r)];
    };
    std::vector<Route> routes(1);
    routes[0].in.assign(n, 0);
    routes[0].stack.push_back(gf.component);
    for (std::size_t ri = 0; ri < routes.size(); ++ri) {
        while (!routes[ri].stack.empty()) {
            const int v = routes[ri].stack.back();
            routes[ri].stack.pop_back();
            const std::size_t vi = static_cast<std::size_t>(v);
            if (routes[ri].in[vi]) continue;
            routes[ri].in[vi] = 1;
            routes[ri].comps.push_back(v);
            if (!ctx.readReplicas[vi].empty()) routes[ri].blocks.push_back(v);
            for (int l : ctx.replOut[vi])
                if (ctx.link(l).mode == LinkMode::Sync) routes[ri].stack.push_back(ctx.linkTo[static_cast<std::size_t>(l)]);
            for (int l : ctx.callsOut[vi]) {
                const Link& link = ctx.link(l);
                if (link.mode == LinkMode::Async || link.params.fraction <= 0) continue;
                const int ag = ctx.altGroup[static_cast<std::size_t>(l)];
                if (ag < 0) {
                    routes[ri].stack.push_back(ctx.linkTo[static_cast<std::size_t>(l)]);
                    continue;
                }
                auto members = ctx.altGroups[static_cast<std::size_t>(ag)];
                if (members.front() != l) continue;
                members.erase(std::remove_if(members.begin(), members.end(),
                                             [&](int x) { return ctx.link(x).params.fraction <= 0; }),
                              members.end());
                if (members.empty()) continue;
                std::stable_sort(members.begin(), members.end(), [&](int a, int b) { return rankOf(a) < rankOf(b); });
                const std::size_t room = static_cast<std::size_t>(kMaxRoutes) - routes.size();
                const std::size_t forks = std::min(members.size() - 1, room);
                for (std::size_t j = 1; j <= forks; ++j) {
                    Route copy = routes[ri];
                    copy.stack.push_back(ctx.linkTo[static_cast<std::size_t>(members[j])]);
                    routes.push_back(std::move(copy));
                }
                routes[ri].stack.push_back(ctx.linkTo[static_cast<std::size_t>(members[0])]);
            }
        }
    }
    // A read block is implied when one of its replicas is required anyway
    // (a sync standby that also serves reads): keeping both would count the
    // replica twice.
    for (Route& r : routes)
        r.blocks.erase(std::remove_if(r.blocks.begin(), r.blocks.end(),
                                      [&](int b) {
                                          const auto& reps = ctx.readReplicas[static_cast<std::size_t>(b)];
                                          return std::any_of(reps.begin(), reps.end(), [&](int rep) {
                                              return r.in[static_cast<std::size_t>(rep)] != 0;
                                          });
                                      }),
                       r.blocks.end());
    return routes;
}

}  // namespace

void computeAvailability(const Context& ctx, const LoadModel& load, const AnalyzeOptions& opt, Analysis& out,
                         Tracer& tr) {
    const Design& d = ctx.design;
    const std::size_t n = d.components.size();
    const TierModel tm = buildTierModel(ctx, out.components);
    const std::size_t nSlots = tm.slots.size();
    for (std::size_t i = 0; i < n && i < out.components.size(); ++i) {
        out.components[i].failover_window_s = tm.failoverS[i];
        out.components[i].failover_loss_s = tm.failoverLossS[i];
    }

    // Marginal availability of each tier, its own domains included.
    for (std::size_t i = 0; i < n; ++i) {
        const DomainStates& s = tm.slots[static_cast<std::size_t>(tm.slotOf[i])];
        double a = 0;
        for (std::size_t st = 0; st < s.pState.size(); ++st) a += s.pState[st] * tm.f[tm.offset[i] + st];
        out.components[i].availability = d.components[i].kind == ComponentKind::UserGroup ? 1.0 : s.up * a;
    }
    for (std::size_t r = 0; r + 1 < nSlots; ++r)
        if (tm.slots[r].approximated)
            out.findings.push_back({Severity::Warning, "zones_approximated", d.regions[r].id,
                                    "region '" + d.regions[r].id + "' has more than " + std::to_string(kMaxExactZones) +
                                        " zones; its zones are treated as independent of each other"});

    std::vector<double> importance(n, 0.0), regionImp(nSlots, 0.0), zoneImp(d.zones.size(), 0.0);
    std::vector<std::uint32_t> compMask(n, 0), blockMask(n, 0);
    // User groups that enter at the same places have the same routes (unless
    // their routes were cut at kMaxRoutes by distance): analysed once, weighted
    // by their summed shares.
    struct Bucket {
        std::vector<std::size_t> members;
        double weight = 0;
        std::vector<Route> routes;
    };
    std::vector<Bucket> buckets;
    std::map<std::vector<std::pair<int, int>>, std::size_t> byEntry;
    for (std::size_t gi = 0; gi < load.groups.size(); ++gi) {
        const GroupFlow& g = load.groups[gi];
        std::vector<std::pair<int, int>> entry;
        for (int l : ctx.callsOut[static_cast<std::size_t>(g.component)])
            if (ctx.link(l).mode != LinkMode::Async && ctx.link(l).params.fraction > 0)
                entry.emplace_back(ctx.linkTo[static_cast<std::size_t>(l)], static_cast<int>(ctx.link(l).access));
        std::sort(entry.begin(), entry.end());
        if (auto it = byEntry.find(entry); it != byEntry.end()) {
            buckets[it->second].members.push_back(gi);
            buckets[it->second].weight += g.share;
            continue;
        }
        Bucket b;
        b.members.push_back(gi);
        b.weight = g.share;
        b.routes = enumerateRoutes(ctx, g);
        if (b.routes.size() < static_cast<std::size_t>(kMaxRoutes)) byEntry.emplace(std::move(entry), buckets.size());
        buckets.push_back(std::move(b));
    }

    double total = 0;
    for (const Bucket& bucket : buckets) {
        const GroupFlow& gf = load.groups[bucket.members.front()];
        const double weight = bucket.weight;
        const auto& routes = bucket.routes;
        const int nr = static_cast<int>(routes.size());

        // Units and their route masks.
        std::vector<Unit> units;
        for (int r = 0; r < nr; ++r) {
            for (int c : routes[static_cast<std::size_t>(r)].comps) compMask[static_cast<std::size_t>(c)] |= 1u << r;
            for (int b : routes[static_cast<std::size_t>(r)].blocks) blockMask[static_cast<std::size_t>(b)] |= 1u << r;
        }
        for (int r = 0; r < nr; ++r) {
            for (int c : routes[static_cast<std::size_t>(r)].comps) {
                auto& m = compMask[static_cast<std::size_t>(c)];
                if (m) units.push_back({c, -1, m, tm.slotOf[static_cast<std::size_t>(c)]}), m = 0;
            }
            for (int b : routes[static_cast<std::size_t>(r)].blocks) {
                auto& m = blockMask[static_cast<std::size_t>(b)];
                if (m) units.push_back({-1, b, m, tm.slotOf[static_cast<std::size_t>(b)]}), m = 0;
            }
        }
        // Unit availability per zone state, and the members' partials for blocks.
        auto unitF = [&](const Unit& u, std::size_t st) {
            if (u.comp >= 0) return tm.f[tm.offset[static_cast<std::size_t>(u.comp)] + st];
            double down = 1;
            for (int rep : ctx.readReplicas[static_cast<std::size_t>(u.primary)])
                down *= 1 - tm.f[tm.offset[static_cast<std::size_t>(rep)] + st];
            return 1 - down;
        };

        // Groups of units sharing (mask, slot): their product per zone state.
        std::map<std::pair<std::uint32_t, int>, int> groupIndex;
        std::vector<std::vector<int>> groupUnits;
        std::vector<std::pair<std::uint32_t, int>> groupKey;
        for (std::size_t u = 0; u < units.size(); ++u) {
            auto [it, fresh] = groupIndex.emplace(std::make_pair(units[u].mask, units[u].slot), static_cast<int>(groupUnits.size()));
            if (fresh) {
                groupUnits.emplace_back();
                groupKey.push_back(it->first);
            }
            groupUnits[static_cast<std::size_t>(it->second)].push_back(static_cast<int>(u));
        }
        const std::size_t ng = groupUnits.size();
        std::vector<std::vector<double>> prod(ng);
        for (std::size_t k = 0; k < ng; ++k) {
            const auto& s = tm.slots[static_cast<std::size_t>(groupKey[k].second)];
            prod[k].assign(s.pState.size(), 1.0);
            for (int u : groupUnits[k])
                for (std::size_t st = 0; st < s.pState.size(); ++st) prod[k][st] *= unitF(units[static_cast<std::size_t>(u)], st);
        }
        std::vector<std::vector<int>> slotGroups(nSlots);
        for (std::size_t k = 0; k < ng; ++k) slotGroups[static_cast<std::size_t>(groupKey[k].second)].push_back(static_cast<int>(k));

        // Inclusion-exclusion over route subsets.
        const std::uint32_t full = (1u << nr) - 1;
        std::vector<double> E(nSlots), S(nSlots);
        std::vector<char> involved(nSlots);
        double A = 0;
        std::vector<std::vector<double>> K(opt.importance ? ng : 0);
        for (std::size_t k = 0; k < K.size(); ++k)
            K[k].assign(tm.slots[static_cast<std::size_t>(groupKey[k].second)].pState.size(), 0.0);
        std::vector<double> zoneUp, zoneDown;
        for (std::uint32_t T = 1; T <= full; ++T) {
            const double sign = (std::popcount(T) % 2) ? 1.0 : -1.0;
            for (std::size_t s = 0; s < nSlots; ++s) {
                involved[s] = 0;
                for (int k : slotGroups[s]) involved[s] |= (groupKey[static_cast<std::size_t>(k)].first & T) != 0;
                if (!involved[s]) {
                    E[s] = S[s] = 1;
                    continue;
                }
                const auto& ds = tm.slots[s];
                double sum = 0;
                for (std::size_t st = 0; st < ds.pState.size(); ++st) {
                    double p = ds.pState[st];
                    for (int k : slotGroups[s])
                        if (groupKey[static_cast<std::size_t>(k)].first & T) p *= prod[static_cast<std::size_t>(k)][st];
                    sum += p;
                }
                S[s] = sum;
                E[s] = ds.up * sum;
            }
            double term = sign;
            for (std::size_t s = 0; s < nSlots; ++s) term *= E[s];
            A += term;
            if (!opt.importance) continue;
            for (std::size_t s = 0; s < nSlots; ++s) {
                if (!involved[s]) continue;
                double others = sign;
                for (std::size_t s2 = 0; s2 < nSlots; ++s2)
                    if (s2 != s) others *= E[s2];
                const auto& ds = tm.slots[s];
                // Region importance: A(region up) - A(region down) = others x S.
                regionImp[s] += weight * others * S[s];
                // Zone importance: the zone-state sum split by that zone's state.
                if (!ds.zones.empty()) {
                    zoneUp.assign(ds.zones.size(), 0.0);
                    zoneDown.assign(ds.zones.size(), 0.0);
                    for (std::size_t st = 0; st < ds.pState.size(); ++st) {
                        // The tiers' product at this state, weighted by the other zones' probability.
                        double prodOnly = 1;
                        for (int k : slotGroups[s])
                            if (groupKey[static_cast<std::size_t>(k)].first & T) prodOnly *= prod[static_cast<std::size_t>(k)][st];
                        for (std::size_t j = 0; j < ds.zones.size(); ++j) {
                            double others = prodOnly;
                            for (std::size_t j2 = 0; j2 < ds.zones.size(); ++j2) {
                                if (j2 == j) continue;
                                const double az = std::clamp(d.zones[static_cast<std::size_t>(ds.zones[j2])].params.availability, 0.0, 1.0);
                                others *= (st >> j2 & 1) ? az : 1 - az;
                            }
                            (st >> j & 1 ? zoneUp : zoneDown)[j] += others;
                        }
                    }
                    for (std::size_t j = 0; j < ds.zones.size(); ++j)
                        zoneImp[static_cast<std::size_t>(ds.zones[j])] += weight * others * ds.up * (zoneUp[j] - zoneDown[j]);
                }
                // Tier importance: the coefficient of each group's product.
                for (int k : slotGroups[s]) {
                    if (!(groupKey[static_cast<std::size_t>(k)].first & T)) continue;
                    auto& kk = K[static_cast<std::size_t>(k)];
                    for (std::size_t st = 0; st < ds.pState.size(); ++st) {
                        double p = others * ds.up * ds.pState[st];
                        for (int k2 : slotGroups[s])
                            if (k2 != k && (groupKey[static_cast<std::size_t>(k2)].first & T)) p *= prod[static_cast<std::size_t>(k2)][st];
                        kk[st] += p;
                    }
                }
            }
        }
        A = std::clamp(A, 0.0, 1.0);
        total += weight * A;
        for (std::size_t gi : bucket.members)
            if (gi < out.geographies.size()) out.geographies[gi].availability = A;

        if (opt.importance) {
            // Birnbaum per tier: sum over zone states of K x (product of the
            // group's other units) x (perfect - failed) of this unit.
            // Products of a group's other units by prefix and suffix, so a
            // group of thousands of tiers costs linear time, not quadratic.
            std::vector<double> excl, vals, prefix, suffix;
            for (std::size_t k = 0; k < ng; ++k) {
                const auto& ds = tm.slots[static_cast<std::size_t>(groupKey[k].second)];
                const auto& members = groupUnits[k];
                const std::size_t ns = ds.pState.size(), nm = members.size();
                vals.resize(nm * ns);
                for (std::size_t a = 0; a < nm; ++a)
                    for (std::size_t st = 0; st < ns; ++st) vals[a * ns + st] = unitF(units[static_cast<std::size_t>(members[a])], st);
                prefix.assign((nm + 1) * ns, 1.0);
                suffix.assign((nm + 1) * ns, 1.0);
                for (std::size_t a = 0; a < nm; ++a)
                    for (std::size_t st = 0; st < ns; ++st) prefix[(a + 1) * ns + st] = prefix[a * ns + st] * vals[a * ns + st];
                for (std::size_t a = nm; a-- > 0;)
                    for (std::size_t st = 0; st < ns; ++st) suffix[a * ns + st] = suffix[(a + 1) * ns + st] * vals[a * ns + st];
                excl.resize(ns);
                for (std::size_t a = 0; a < nm; ++a) {
                    const Unit& u = units[static_cast<std::size_t>(members[a])];
                    for (std::size_t st = 0; st < ns; ++st) excl[st] = K[k][st] * prefix[a * ns + st] * suffix[(a + 1) * ns + st];
                    if (u.comp >= 0) {
                        double imp = 0;
                        for (std::size_t st = 0; st < ds.pState.size(); ++st)
                            imp += excl[st] * tm.perfect[tm.offset[static_cast<std::size_t>(u.comp)] + st];
                        importance[static_cast<std::size_t>(u.comp)] += weight * imp;
                        continue;
                    }
                    const auto& reps = ctx.readReplicas[static_cast<std::size_t>(u.primary)];
                    for (int rep : reps) {
                        double imp = 0;
                        for (std::size_t st = 0; st < ds.pState.size(); ++st) {
                            double others = 1;
                            for (int o : reps)
                                if (o != rep) others *= 1 - tm.f[tm.offset[static_cast<std::size_t>(o)] + st];
                            imp += excl[st] * others * tm.perfect[tm.offset[static_cast<std::size_t>(rep)] + st];
                        }
                        importance[static_cast<std::size_t>(rep)] += weight * imp;
                    }
                }
            }
        }
        for (std::size_t gi : bucket.members)
            tr.add(d.components[static_cast<std::size_t>(load.groups[gi].component)].id + ".availability",
                   "P(any route up) by inclusion-exclusion over " + std::to_string(nr) +
                       " route(s); per subset: product over regions of P(region up) x sum over zone states of "
                       "P(state) x product of tiers' k-of-n availability given the state",
                   std::to_string(units.size()) + " required tiers/blocks", A);
    }
    if (load.groups.empty()) total = 1.0;

    AvailabilitySummary& as = out.summary.availability;
    as.availability = std::clamp(total, 0.0, 1.0);
    as.nines = nines(as.availability);
    as.downtime_min_per_year = downtimeMinPerYear(as.availability);
    as.downtime_min_per_month = downtimeMinPerMonth(as.availability);
    as.slo = opt.slo;
    as.error_budget_min_per_month = (1.0 - opt.slo) * kMinutesPerMonth;
    as.budget_used = as.error_budget_min_per_month > 0 ? as.downtime_min_per_month / as.error_budget_min_per_month : 0.0;
    for (std::size_t i = 0; i < n; ++i)
        if (importance[i] > 0 && d.components[i].kind != ComponentKind::UserGroup) as.importance.emplace_back(d.components[i].id, importance[i]);
    std::stable_sort(as.importance.begin(), as.importance.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (!as.importance.empty()) as.weakest = as.importance.front().first;
    for (std::size_t r = 0; r + 1 < nSlots; ++r)
        if (regionImp[r] > 0) as.domain_importance.emplace_back(d.regions[r].id, regionImp[r]);
    for (std::size_t z = 0; z < d.zones.size(); ++z)
        if (zoneImp[z] > 0) as.domain_importance.emplace_back(d.zones[z].id, zoneImp[z]);
    std::stable_sort(as.domain_importance.begin(), as.domain_importance.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    // Failover per event at the entry: the DNS tier's window, else the load balancers'.
    double dnsWindow = 0, lbWindow = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const ComponentKind k = d.components[i].kind;
        if (k == ComponentKind::Dns) dnsWindow = std::max(dnsWindow, tm.failoverS[i]);
        if (k == ComponentKind::LoadBalancer) lbWindow = std::max(lbWindow, tm.failoverS[i]);
    }
    as.failover_s_per_event = dnsWindow > 0 ? dnsWindow : lbWindow;
    if (tr.on()) {
        tr.add("summary.availability", "sum over user groups of share x P(group served)",
               std::to_string(load.groups.size()) + " group(s)", as.availability);
        tr.add("summary.downtime_min_per_year", "(1 - A) x 525,960", "A=" + num(as.availability), as.downtime_min_per_year);
    }
}

}  // namespace sw::analysis
