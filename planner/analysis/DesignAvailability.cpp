// Design availability per user group and overall, exact over shared failure
// domains. A request succeeds when one of its routes (alternatives at
// routers: regions, pools; a read at a replica falls back to the other
// replicas and the primary) has every required unit up; reads and writes
// take their own routes when links say which they carry. A unit is a tier,
// or a database primary's failover group (FailoverGroup.h). P(any route up)
// by inclusion-exclusion over route subsets; each subset's "all up"
// factorises by region given region states, and inside a region is summed
// over the 2^zones zone states with the units independent given those
// states -- except a replica that a route calls and that also stands in its
// primary's failover group: the two are conditioned on that replica's state
// (a "cluster" factor, tabled per subset pattern).
#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <numeric>

#include "planner/AvailabilityMath.h"
#include "planner/analysis/AvailabilityRoutes.h"
#include "planner/analysis/FailoverGroup.h"
#include "planner/analysis/Passes.h"
#include "planner/analysis/TierAvailability.h"

namespace sw::analysis {

namespace {

constexpr int kMaxSharedMembers = 8;   // a cluster tables 2^(1 + shared) patterns per zone state

// A required unit: one tier, or a primary's failover group (comp = the primary).
struct Unit {
    int comp = -1;
    int group = -1;          // FailoverModel group index, -1 = a plain tier
    std::uint32_t mask = 0;  // routes that need it
    int slot = 0;
};

// Units of one slot whose product enters a route subset together: plain
// units sharing a route mask (one pattern), or a cluster (a failover group
// and the members that routes also call, one mask each).
struct Factor {
    int slot = 0;
    bool cluster = false;
    std::vector<std::uint32_t> masks;           // plain: one; cluster: per unit
    std::vector<int> units;                     // indices into the bucket's units
    std::vector<std::vector<double>> table;     // [pattern][zone state]; pattern 0 = not involved
    std::uint32_t patternFor(std::uint32_t T) const {
        std::uint32_t p = 0;
        for (std::size_t j = 0; j < masks.size(); ++j)
            if (masks[j] & T) p |= 1u << j;
        return p;
    }
};

}  // namespace

void computeAvailability(const Context& ctx, const LoadModel& load, const AnalyzeOptions& opt, Analysis& out,
                         Tracer& tr) {
    const Design& d = ctx.design;
    const std::size_t n = d.components.size();
    const TierModel tm = buildTierModel(ctx, out.components);
    const FailoverModel fm = buildFailoverModel(ctx, tm);
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

    // Each failover group's value per zone state, once; for Birnbaum, each
    // member's up-minus-dead difference of it ([member x states + st]).
    std::vector<std::vector<double>> groupVal(fm.groups.size()), groupDiff(opt.importance ? fm.groups.size() : 0);
    std::vector<MemberMode> modes;
    for (std::size_t g = 0; g < fm.groups.size(); ++g) {
        const GroupModel& gm = fm.groups[g];
        const std::size_t ns = tm.slots[static_cast<std::size_t>(gm.slot)].pState.size();
        groupVal[g].resize(ns);
        for (std::size_t st = 0; st < ns; ++st) groupVal[g][st] = groupServes(gm, tm, st);
        if (!opt.importance) continue;
        groupDiff[g].resize(gm.members.size() * ns);
        if (gm.windowless) {
            // 1 - prod(1 - u): member m up minus dead = perfect_m x prod over the others (1 - u_j).
            for (std::size_t st = 0; st < ns; ++st)
                for (std::size_t mi = 0; mi < gm.members.size(); ++mi) {
                    double others = 1;
                    for (std::size_t j = 0; j < gm.members.size(); ++j)
                        if (j != mi) others *= 1 - tm.f[tm.offset[static_cast<std::size_t>(gm.members[j])] + st];
                    groupDiff[g][mi * ns + st] = tm.perfect[tm.offset[static_cast<std::size_t>(gm.members[mi])] + st] * others;
                }
            continue;
        }
        for (std::size_t mi = 0; mi < gm.members.size(); ++mi)
            for (std::size_t st = 0; st < ns; ++st) {
                modes.assign(gm.members.size(), MemberMode::Model);
                modes[mi] = MemberMode::Up;
                const double up = groupServes(gm, tm, st, modes);
                modes[mi] = MemberMode::Dead;
                groupDiff[g][mi * ns + st] = up - groupServes(gm, tm, st, modes);
            }
    }

    std::vector<double> importance(n, 0.0), regionImp(nSlots, 0.0), zoneImp(d.zones.size(), 0.0);
    std::vector<std::uint32_t> compMask(n, 0);
    std::vector<int> unitOfComp(n, -1);
    bool clustersCut = false;
    // Reads and writes take their own routes when some link carries only one
    // of them; the request mix weighs the two.
    bool accessMatters = false;
    for (const Link& l : d.links) accessMatters |= l.kind == LinkKind::Call && l.access != Access::Both;
    const double readShare = std::clamp(d.workload.read_fraction, 0.0, 1.0);
    struct Pass {
        Want want;
        double share;
    };
    std::vector<Pass> passes;
    if (!accessMatters) passes.push_back({Want::Any, 1.0});
    else {
        if (readShare > 0) passes.push_back({Want::Read, readShare});
        if (readShare < 1) passes.push_back({Want::Write, 1 - readShare});
    }
    std::vector<double> groupA(load.groups.size(), 0.0);

    double total = 0;
    for (const Pass& pass : passes) {
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
        // Routes cut at kMaxRoutes keep the nearest alternatives, so groups that
        // also rank the regions alike still share them (the planet sample's
        // seven groups rank its three regions in a few orders only).
        std::map<std::pair<std::vector<std::pair<int, int>>, std::vector<int>>, std::size_t> byEntryAndOrder;
        for (std::size_t gi = 0; gi < load.groups.size(); ++gi) {
            const GroupFlow& g = load.groups[gi];
            std::vector<std::pair<int, int>> entry;
            for (int l : ctx.callsOut[static_cast<std::size_t>(g.component)])
                if (ctx.link(l).mode != LinkMode::Async && ctx.link(l).params.fraction > 0 && carries(ctx.link(l), pass.want))
                    entry.emplace_back(ctx.linkTo[static_cast<std::size_t>(l)], static_cast<int>(ctx.link(l).access));
            std::sort(entry.begin(), entry.end());
            std::size_t shared = buckets.size();
            if (auto it = byEntry.find(entry); it != byEntry.end()) shared = it->second;
            else if (auto it2 = byEntryAndOrder.find({entry, g.preference}); it2 != byEntryAndOrder.end()) shared = it2->second;
            if (shared < buckets.size()) {
                buckets[shared].members.push_back(gi);
                buckets[shared].weight += g.share;
                continue;
            }
            Bucket b;
            b.members.push_back(gi);
            b.weight = g.share;
            b.routes = enumerateRoutes(ctx, fm, g, pass.want);
            if (b.routes.size() < static_cast<std::size_t>(kMaxRoutes)) byEntry.emplace(std::move(entry), buckets.size());
            else byEntryAndOrder.emplace(std::make_pair(std::move(entry), g.preference), buckets.size());
            buckets.push_back(std::move(b));
        }

        for (const Bucket& bucket : buckets) {
            const double weight = bucket.weight * pass.share;
            const auto& routes = bucket.routes;
            const int nr = static_cast<int>(routes.size());

            // Units and their route masks.
            std::vector<Unit> units;
            for (int r = 0; r < nr; ++r)
                for (int c : routes[static_cast<std::size_t>(r)].comps) compMask[static_cast<std::size_t>(c)] |= 1u << r;
            for (int r = 0; r < nr; ++r)
                for (int c : routes[static_cast<std::size_t>(r)].comps) {
                    auto& m = compMask[static_cast<std::size_t>(c)];
                    if (!m) continue;
                    unitOfComp[static_cast<std::size_t>(c)] = static_cast<int>(units.size());
                    units.push_back({c, fm.groupOfPrimary[static_cast<std::size_t>(c)], m, tm.slotOf[static_cast<std::size_t>(c)]});
                    m = 0;
                }
            auto unitF = [&](const Unit& u, std::size_t st) {
                if (u.group >= 0) return groupVal[static_cast<std::size_t>(u.group)][st];
                return tm.f[tm.offset[static_cast<std::size_t>(u.comp)] + st];
            };

            // Clusters: a failover group whose members routes also call.
            std::vector<Factor> factors;
            std::vector<char> inCluster(units.size(), 0);
            for (std::size_t u = 0; u < units.size(); ++u) {
                if (units[u].group < 0) continue;
                const GroupModel& gm = fm.groups[static_cast<std::size_t>(units[u].group)];
                Factor f;
                f.slot = units[u].slot;
                f.cluster = true;
                f.units.push_back(static_cast<int>(u));
                f.masks.push_back(units[u].mask);
                for (std::size_t k = 1; k < gm.members.size(); ++k) {
                    const int su = unitOfComp[static_cast<std::size_t>(gm.members[k])];
                    if (su < 0) continue;
                    if (f.units.size() > static_cast<std::size_t>(kMaxSharedMembers)) {
                        clustersCut = true;
                        break;
                    }
                    f.units.push_back(su);
                    f.masks.push_back(units[static_cast<std::size_t>(su)].mask);
                }
                if (f.units.size() < 2) continue;
                for (int x : f.units) inCluster[static_cast<std::size_t>(x)] = 1;
                factors.push_back(std::move(f));
            }
            for (const Unit& u : units) unitOfComp[static_cast<std::size_t>(u.comp)] = -1;
            // Cluster value for a pattern of included units at a zone state; a
            // member may be overridden (Birnbaum's up / dead).
            auto clusterValue = [&](const Factor& f, std::uint32_t pattern, std::size_t st, int overrideComp,
                                    MemberMode overrideMode) {
                const Unit& gu = units[static_cast<std::size_t>(f.units[0])];
                const GroupModel& gm = fm.groups[static_cast<std::size_t>(gu.group)];
                modes.assign(gm.members.size(), MemberMode::Model);
                double v = 1;
                for (std::size_t j = 1; j < f.units.size(); ++j) {
                    if (!(pattern >> j & 1)) continue;
                    const int c = units[static_cast<std::size_t>(f.units[j])].comp;
                    // The route needs this replica up anyway: the group sees it up.
                    modes[static_cast<std::size_t>(fm.memberIndex[static_cast<std::size_t>(c)])] = MemberMode::Up;
                    const std::size_t at = tm.offset[static_cast<std::size_t>(c)] + st;
                    v *= c != overrideComp ? tm.f[at] : overrideMode == MemberMode::Up ? tm.perfect[at] : 0.0;
                }
                if (!(pattern & 1)) return v;
                if (overrideComp >= 0) {
                    auto& mm = modes[static_cast<std::size_t>(fm.memberIndex[static_cast<std::size_t>(overrideComp)])];
                    if (mm == MemberMode::Model) mm = overrideMode;
                }
                const bool plain = overrideComp < 0 && std::all_of(modes.begin(), modes.end(), [](MemberMode m) { return m == MemberMode::Model; });
                return v * (plain ? groupVal[static_cast<std::size_t>(gu.group)][st] : groupServes(gm, tm, st, modes));
            };
            for (Factor& f : factors) {
                const std::size_t ns = tm.slots[static_cast<std::size_t>(f.slot)].pState.size();
                f.table.assign(std::size_t{1} << f.units.size(), std::vector<double>(ns, 1.0));
                for (std::uint32_t p = 1; p < f.table.size(); ++p)
                    for (std::size_t st = 0; st < ns; ++st) f.table[p][st] = clusterValue(f, p, st, -1, MemberMode::Model);
            }
            const std::size_t nClusters = factors.size();

            // Plain units sharing (mask, slot): their product per zone state.
            std::map<std::pair<std::uint32_t, int>, std::size_t> plainIndex;
            for (std::size_t u = 0; u < units.size(); ++u) {
                if (inCluster[u]) continue;
                auto [it, fresh] = plainIndex.emplace(std::make_pair(units[u].mask, units[u].slot), factors.size());
                if (fresh) {
                    Factor f;
                    f.slot = units[u].slot;
                    f.masks.push_back(units[u].mask);
                    factors.push_back(std::move(f));
                }
                factors[it->second].units.push_back(static_cast<int>(u));
            }
            for (std::size_t k = nClusters; k < factors.size(); ++k) {
                Factor& f = factors[k];
                const std::size_t ns = tm.slots[static_cast<std::size_t>(f.slot)].pState.size();
                f.table.assign(2, std::vector<double>(ns, 1.0));
                for (int u : f.units)
                    for (std::size_t st = 0; st < ns; ++st) f.table[1][st] *= unitF(units[static_cast<std::size_t>(u)], st);
            }
            const std::size_t nf = factors.size();
            std::vector<std::vector<int>> slotFactors(nSlots);
            for (std::size_t k = 0; k < nf; ++k) slotFactors[static_cast<std::size_t>(factors[k].slot)].push_back(static_cast<int>(k));

            // Inclusion-exclusion over route subsets.
            const std::uint32_t full = (1u << nr) - 1;
            std::vector<double> E(nSlots), S(nSlots);
            std::vector<char> involved(nSlots);
            std::vector<std::uint32_t> pat(nf, 0);
            double A = 0;
            // GeoDNS failover: the nearest region's outages (when their length
            // is known) cost its detection window while another route serves.
            const int geoTarget = routes.front().geoTarget;
            const int geoRegion = geoTarget >= 0 ? ctx.regionOfComponent(geoTarget) : -1;
            const double geoMttrS = geoRegion >= 0 ? d.regions[static_cast<std::size_t>(geoRegion)].params.mttr_h * 3600.0 : 0.0;
            double aWithoutGeo = 0, firstRoute = 0;
            // K[factor][pattern][st]: the coefficient of that factor's table entry in A.
            std::vector<std::vector<std::vector<double>>> K(opt.importance ? nf : 0);
            for (std::size_t k = 0; k < K.size(); ++k)
                K[k].assign(factors[k].table.size(),
                            std::vector<double>(tm.slots[static_cast<std::size_t>(factors[k].slot)].pState.size(), 0.0));
            std::vector<double> zoneUp, zoneDown;
            for (std::uint32_t T = 1; T <= full; ++T) {
                const double sign = (std::popcount(T) % 2) ? 1.0 : -1.0;
                for (std::size_t k = 0; k < nf; ++k) pat[k] = factors[k].patternFor(T);
                for (std::size_t s = 0; s < nSlots; ++s) {
                    involved[s] = 0;
                    for (int k : slotFactors[s]) involved[s] |= pat[static_cast<std::size_t>(k)] != 0;
                    if (!involved[s]) {
                        E[s] = S[s] = 1;
                        continue;
                    }
                    const auto& ds = tm.slots[s];
                    double sum = 0;
                    for (std::size_t st = 0; st < ds.pState.size(); ++st) {
                        double p = ds.pState[st];
                        for (int k : slotFactors[s])
                            if (const std::uint32_t pk = pat[static_cast<std::size_t>(k)]) p *= factors[static_cast<std::size_t>(k)].table[pk][st];
                        sum += p;
                    }
                    S[s] = sum;
                    E[s] = ds.up * sum;
                }
                double term = sign;
                for (std::size_t s = 0; s < nSlots; ++s) term *= E[s];
                A += term;
                if (geoMttrS > 0) {
                    if (T == 1) firstRoute = term;
                    if (!involved[static_cast<std::size_t>(geoRegion)]) aWithoutGeo += term;
                }
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
                            // The units' product at this state, weighted by the other zones' probability.
                            double prodOnly = 1;
                            for (int k : slotFactors[s])
                                if (const std::uint32_t pk = pat[static_cast<std::size_t>(k)]) prodOnly *= factors[static_cast<std::size_t>(k)].table[pk][st];
                            for (std::size_t j = 0; j < ds.zones.size(); ++j) {
                                double rest = prodOnly;
                                for (std::size_t j2 = 0; j2 < ds.zones.size(); ++j2) {
                                    if (j2 == j) continue;
                                    const double az = std::clamp(d.zones[static_cast<std::size_t>(ds.zones[j2])].params.availability, 0.0, 1.0);
                                    rest *= (st >> j2 & 1) ? az : 1 - az;
                                }
                                (st >> j & 1 ? zoneUp : zoneDown)[j] += rest;
                            }
                        }
                        for (std::size_t j = 0; j < ds.zones.size(); ++j)
                            zoneImp[static_cast<std::size_t>(ds.zones[j])] += weight * others * ds.up * (zoneUp[j] - zoneDown[j]);
                    }
                    // Tier importance: the coefficient of each factor's table entry.
                    for (int k : slotFactors[s]) {
                        const std::uint32_t pk = pat[static_cast<std::size_t>(k)];
                        if (!pk) continue;
                        auto& kk = K[static_cast<std::size_t>(k)][pk];
                        for (std::size_t st = 0; st < ds.pState.size(); ++st) {
                            double p = others * ds.up * ds.pState[st];
                            for (int k2 : slotFactors[s])
                                if (k2 != k)
                                    if (const std::uint32_t p2 = pat[static_cast<std::size_t>(k2)]) p *= factors[static_cast<std::size_t>(k2)].table[p2][st];
                            kk[st] += p;
                        }
                    }
                }
            }
            if (geoMttrS > 0) {
                // Outages at (1 - a_R) / MTTR_R; each costs E[min(W, R_R)] of the
                // first route's checks window, when that route was up and
                // another route serves without region R (docs/formulas.md).
                const DomainStates& gr = tm.slots[static_cast<std::size_t>(geoRegion)];
                const FailoverWindow w = failoverWindow(ctx, geoTarget);
                const double loss = expectedLossWindow(w.first_s, w.interval_s, geoMttrS);
                if (gr.up > 0 && gr.up < 1)
                    A -= (1 - gr.up) / geoMttrS * loss * (firstRoute / gr.up) * std::max(0.0, aWithoutGeo);
            }
            A = std::clamp(A, 0.0, 1.0);
            total += weight * A;
            for (std::size_t gi : bucket.members) groupA[gi] += pass.share * A;

            if (opt.importance) {
                // Plain factors: sum over zone states of K x (product of the
                // factor's other units) x (perfect - failed) of this unit.
                // Products of the other units by prefix and suffix, so a
                // factor of thousands of tiers costs linear time, not quadratic.
                std::vector<double> excl, vals, prefix, suffix;
                for (std::size_t k = nClusters; k < nf; ++k) {
                    const auto& ds = tm.slots[static_cast<std::size_t>(factors[k].slot)];
                    const auto& members = factors[k].units;
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
                        for (std::size_t st = 0; st < ns; ++st) excl[st] = K[k][1][st] * prefix[a * ns + st] * suffix[(a + 1) * ns + st];
                        if (u.group < 0) {
                            double imp = 0;
                            for (std::size_t st = 0; st < ns; ++st) imp += excl[st] * tm.perfect[tm.offset[static_cast<std::size_t>(u.comp)] + st];
                            importance[static_cast<std::size_t>(u.comp)] += weight * imp;
                            continue;
                        }
                        const GroupModel& gm = fm.groups[static_cast<std::size_t>(u.group)];
                        for (std::size_t mi = 0; mi < gm.members.size(); ++mi) {
                            double imp = 0;
                            for (std::size_t st = 0; st < ns; ++st) imp += excl[st] * groupDiff[static_cast<std::size_t>(u.group)][mi * ns + st];
                            importance[static_cast<std::size_t>(gm.members[mi])] += weight * imp;
                        }
                    }
                }
                // Clusters: every member of the group, through every pattern.
                for (std::size_t k = 0; k < nClusters; ++k) {
                    const Factor& f = factors[k];
                    const GroupModel& gm = fm.groups[static_cast<std::size_t>(units[static_cast<std::size_t>(f.units[0])].group)];
                    const std::size_t ns = tm.slots[static_cast<std::size_t>(f.slot)].pState.size();
                    for (int c : gm.members) {
                        double imp = 0;
                        for (std::uint32_t p = 1; p < f.table.size(); ++p)
                            for (std::size_t st = 0; st < ns; ++st) {
                                const double kk = K[k][p][st];
                                if (kk == 0) continue;
                                imp += kk * (clusterValue(f, p, st, c, MemberMode::Up) - clusterValue(f, p, st, c, MemberMode::Dead));
                            }
                        importance[static_cast<std::size_t>(c)] += weight * imp;
                    }
                }
            }
            for (std::size_t gi : bucket.members)
                tr.add(d.components[static_cast<std::size_t>(load.groups[gi].component)].id +
                           (pass.want == Want::Read ? ".availability_reads" : pass.want == Want::Write ? ".availability_writes" : ".availability"),
                       "P(any route up) by inclusion-exclusion over " + std::to_string(nr) +
                           " route(s); per subset: product over regions of P(region up) x sum over zone states of "
                           "P(state) x product of units (tiers' k-of-n, failover groups) given the state",
                       std::to_string(units.size()) + " required tiers/groups", A);
        }
    }
    for (std::size_t gi = 0; gi < load.groups.size() && gi < out.geographies.size(); ++gi)
        out.geographies[gi].availability = std::clamp(groupA[gi], 0.0, 1.0);
    if (load.groups.empty()) total = 1.0;
    if (clustersCut)
        out.findings.push_back({Severity::Warning, "failover_group_approximated", "",
                                "a failover group has more than " + std::to_string(kMaxSharedMembers) +
                                    " replicas that routes also call; the others are taken as independent of it"});

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

    // The parts worth listing: importance above 1 % of the top one, with the
    // downtime each causes, I x (1 - its availability) x minutes per year.
    double top = 0;
    for (const auto& [id, imp] : as.importance) top = std::max(top, imp);
    for (const auto& [id, imp] : as.domain_importance) top = std::max(top, imp);
    for (const auto& [id, imp] : as.importance)
        if (imp > 0.01 * top)
            as.importance_shown.push_back({id, imp, imp * downtimeMinPerYear(out.components[static_cast<std::size_t>(ctx.componentIndex.at(id))].availability)});
    for (std::size_t r = 0; r + 1 < nSlots; ++r)
        if (regionImp[r] > 0.01 * top) as.importance_shown.push_back({d.regions[r].id, regionImp[r], regionImp[r] * downtimeMinPerYear(tm.slots[r].up)});
    for (std::size_t z = 0; z < d.zones.size(); ++z)
        if (zoneImp[z] > 0.01 * top)
            as.importance_shown.push_back({d.zones[z].id, zoneImp[z], zoneImp[z] * downtimeMinPerYear(std::clamp(d.zones[z].params.availability, 0.0, 1.0))});
    std::stable_sort(as.importance_shown.begin(), as.importance_shown.end(),
                     [](const ImportanceShare& a, const ImportanceShare& b) { return a.importance > b.importance; });

    // Failover groups as one line each.
    constexpr double kSecondsPerYear = kMinutesPerYear * 60;
    for (std::size_t g = 0; g < fm.groups.size(); ++g) {
        const GroupModel& gm = fm.groups[g];
        const auto& ds = tm.slots[static_cast<std::size_t>(gm.slot)];
        FailoverGroupResult r;
        r.primary = d.components[static_cast<std::size_t>(gm.members[0])].id;
        for (std::size_t k = 1; k < gm.members.size(); ++k) r.replicas.push_back(d.components[static_cast<std::size_t>(gm.members[k])].id);
        double a = 0, rate = 0;
        for (std::size_t st = 0; st < ds.pState.size(); ++st) {
            a += ds.pState[st] * groupVal[g][st];
            rate += ds.pState[st] * groupFailoverRate(gm, tm, st);
        }
        r.availability = std::clamp(ds.up * a, 0.0, 1.0);
        r.failover_s_per_event = gm.windowS;
        r.events_per_year = ds.up * rate * kSecondsPerYear;
        r.downtime_min_per_year = downtimeMinPerYear(r.availability);
        if (tr.on())
            tr.add(r.primary + ".failover_group",
                   "P(region up) x sum over zone states of P(state) x [P(any member up) - sum over members k of "
                   "failure rate x E[min(window, primary's repair)] x P(members before k down) x P(a later member up)]",
                   std::to_string(gm.members.size()) + " members, window " + num(gm.windowS) + " s", r.availability);
        as.failover_groups.push_back(std::move(r));
    }

    // Failover per event at the entry: the DNS tier's window, else the load balancers'.
    double dnsWindow = 0, lbWindow = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const ComponentKind k = d.components[i].kind;
        if (k == ComponentKind::Dns) dnsWindow = std::max(dnsWindow, tm.failoverS[i]);
        if (k == ComponentKind::LoadBalancer) lbWindow = std::max(lbWindow, tm.failoverS[i]);
    }
    as.failover_s_per_event = dnsWindow > 0 ? dnsWindow : lbWindow;
    if (tr.on()) {
        tr.add("summary.availability",
               accessMatters ? "sum over user groups of share x (read fraction x P(reads served) + write fraction x P(writes served))"
                             : "sum over user groups of share x P(group served)",
               std::to_string(load.groups.size()) + " group(s)", as.availability);
        tr.add("summary.downtime_min_per_year", "(1 - A) x 525,960", "A=" + num(as.availability), as.downtime_min_per_year);
    }
}

}  // namespace sw::analysis
