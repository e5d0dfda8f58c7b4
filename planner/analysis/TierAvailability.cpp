// Per-tier availability conditioned on zone states: instances spread evenly
// over the region's zones (or all in their own zone), k-of-n over those up.
#include "planner/analysis/TierAvailability.h"

#include <algorithm>
#include <cmath>

#include "model/Scenario.h"
#include "planner/AvailabilityMath.h"

namespace sw::analysis {

FailoverWindow failoverWindow(const Context& ctx, int i) {
    const Component& c = ctx.comp(i);
    const ComponentParams& p = c.params;
    // Who notices a dead instance: the balancer or DNS that routes to it
    // (the slowest, if several do); else a balancer, DNS or database checks
    // itself; else its callers' clients, with the scenario defaults (seed
    // 004: 30 s x 3). The simulator picks the same checker (SimModel.cpp).
    const ScenarioPolicies clientSide;
    double interval = clientSide.health_check_interval_s, threshold = clientSide.unhealthy_threshold;
    bool checked = false;
    if (c.kind != ComponentKind::Database)
        for (int l : ctx.callsIn[static_cast<std::size_t>(i)]) {
            const int from = ctx.linkFrom[static_cast<std::size_t>(l)];
            if (from < 0) continue;
            const Component& caller = ctx.comp(from);
            if (caller.kind != ComponentKind::LoadBalancer && caller.kind != ComponentKind::Dns) continue;
            const double ci = caller.params.health_check_interval_s, ct = caller.params.unhealthy_threshold;
            if (!checked || ci * ct > interval * threshold) interval = ci, threshold = ct;
            checked = true;
        }
    if (!checked && (c.kind == ComponentKind::LoadBalancer || c.kind == ComponentKind::Dns ||
                     c.kind == ComponentKind::Database)) {
        interval = p.health_check_interval_s;
        threshold = p.unhealthy_threshold;
    }
    const double ttl = c.kind == ComponentKind::Dns ? p.dns_ttl_s : 0.0;
    FailoverWindow w;
    w.interval_s = interval;
    w.threshold = threshold;
    w.longest_s = interval * threshold + ttl + p.failover_s;
    // The first check after the failure comes half an interval later on
    // average; cached DNS answers expire uniformly over the TTL.
    w.first_s = (threshold - 1) * interval + ttl / 2 + p.failover_s;
    w.expected_s = w.first_s + interval / 2;
    return w;
}

TierModel buildTierModel(const Context& ctx, const std::vector<ComponentResult>& capacity) {
    const Design& d = ctx.design;
    const std::size_t nRegions = d.regions.size();
    TierModel tm;
    tm.slots.resize(nRegions + 1);
    for (std::size_t r = 0; r < nRegions; ++r) {
        DomainStates& s = tm.slots[r];
        s.up = std::clamp(d.regions[r].params.availability, 0.0, 1.0);
        const auto& zs = ctx.regionZones[r];
        s.approximated = zs.size() > static_cast<std::size_t>(kMaxExactZones);
        if (!s.approximated) s.zones = zs;
        const std::size_t nStates = std::size_t{1} << s.zones.size();
        s.pState.assign(nStates, 1.0);
        for (std::size_t st = 0; st < nStates; ++st)
            for (std::size_t j = 0; j < s.zones.size(); ++j) {
                const double a = std::clamp(d.zones[static_cast<std::size_t>(s.zones[j])].params.availability, 0.0, 1.0);
                s.pState[st] *= (st >> j & 1) ? a : 1 - a;
            }
    }
    tm.slots[nRegions].pState.assign(1, 1.0);

    const std::size_t n = d.components.size();
    tm.slotOf.resize(n);
    tm.offset.resize(n + 1);
    tm.instanceAvailability.assign(n, 1.0);
    tm.failoverS.assign(n, 0.0);
    tm.failoverLossS.assign(n, 0.0);
    tm.lossRate.assign(n, 0.0);
    std::size_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const int r = ctx.compRegion[i];
        tm.slotOf[i] = r < 0 ? static_cast<int>(nRegions) : r;
        tm.offset[i] = total;
        total += tm.slots[static_cast<std::size_t>(tm.slotOf[i])].pState.size();
    }
    tm.offset[n] = total;
    tm.f.assign(total, 1.0);
    tm.perfect.assign(total, 1.0);
    tm.downRate.assign(total, 0.0);
    tm.mttrS.assign(n, 0.0);

    std::vector<int> perZone;
    std::vector<std::pair<int, double>> cache;
    for (std::size_t i = 0; i < n; ++i) {
        const Component& c = d.components[i];
        if (c.kind == ComponentKind::UserGroup) continue;
        const ComponentParams& p = c.params;
        const DomainStates& s = tm.slots[static_cast<std::size_t>(tm.slotOf[i])];
        const double a = p.mtbf_h > 0 && p.mttr_h > 0 ? availabilityFromMtbf(p.mtbf_h, p.mttr_h)
                                                      : std::clamp(p.availability, 0.0, 1.0);
        const int instances = static_cast<int>(std::max(1.0, std::round(p.instances)));
        const int k = static_cast<int>(std::max(1.0, capacity[i].instances_required));
        // Redundant tiers lose service for the detection + TTL + failover window
        // at every failure; the failure rate is known when MTBF is given.
        const FailoverWindow window = failoverWindow(ctx, static_cast<int>(i));
        tm.failoverS[i] = window.longest_s;
        // Each instance fails once per MTBF + MTTR and keeps its share of the
        // requests until the checks notice or it is repaired, whichever is first.
        double lossRate = 0;
        if (p.mtbf_h > 0 && p.mttr_h > 0) {
            const double loss = expectedLossWindow(window.first_s, window.interval_s, p.mttr_h * 3600.0);
            tm.failoverLossS[i] = loss;
            lossRate = loss / ((p.mtbf_h + p.mttr_h) * 3600.0);
        } else {
            tm.failoverLossS[i] = window.expected_s;
        }
        tm.lossRate[i] = lossRate;
        const auto tierUp = [&](int m) { return tierAvailabilityWithDetection(k, m, a, lossRate); };
        tm.instanceAvailability[i] = a;
        // A database tier goes down when its k-th instance of those up fails:
        // P(exactly k up) x k / MTBF (one instance: 1 / (MTBF + MTTR)).
        const bool rated = c.kind == ComponentKind::Database && p.mtbf_h > 0 && p.mttr_h > 0;
        if (rated) tm.mttrS[i] = p.mttr_h * 3600.0;
        const auto tierDownRate = [&](int m) {
            if (!rated || m < k) return 0.0;
            return std::max(0.0, kOfN(k, m, a) - kOfN(k + 1, m, a)) * k / (p.mtbf_h * 3600.0);
        };
        double* rate = &tm.downRate[tm.offset[i]];

        double* f = &tm.f[tm.offset[i]];
        double* perf = &tm.perfect[tm.offset[i]];
        const std::size_t nStates = s.pState.size();
        const int zone = ctx.compZone[i];
        int local = -1;
        for (std::size_t j = 0; j < s.zones.size(); ++j)
            if (s.zones[j] == zone) local = static_cast<int>(j);
        const double full = tierUp(instances);
        if (s.approximated) {
            const double za = zone >= 0 ? std::clamp(d.zones[static_cast<std::size_t>(zone)].params.availability, 0.0, 1.0) : 1.0;
            f[0] = full * za;
            perf[0] = k <= instances ? za : 0.0;
            rate[0] = tierDownRate(instances) * za;
        } else if (local >= 0) {
            for (std::size_t st = 0; st < nStates; ++st) {
                const bool up = st >> local & 1;
                f[st] = up ? full : 0.0;
                perf[st] = up && k <= instances ? 1.0 : 0.0;
                rate[st] = up ? tierDownRate(instances) : 0.0;
            }
        } else if (!s.zones.empty()) {
            // Region-wide: instances round-robin over the zones.
            const std::size_t z = s.zones.size();
            perZone.assign(z, instances / static_cast<int>(z));
            for (std::size_t j = 0; j < static_cast<std::size_t>(instances) % z; ++j) ++perZone[j];
            // Few distinct up-counts among the 2^z states: one k-of-n each.
            cache.clear();
            for (std::size_t st = 0; st < nStates; ++st) {
                int upCount = 0;
                for (std::size_t j = 0; j < z; ++j)
                    if (st >> j & 1) upCount += perZone[j];
                double v = 0;
                if (upCount >= k) {
                    auto it = std::find_if(cache.begin(), cache.end(), [&](const auto& e) { return e.first == upCount; });
                    if (it == cache.end()) it = cache.insert(cache.end(), {upCount, tierUp(upCount)});
                    v = it->second;
                }
                f[st] = v;
                perf[st] = upCount >= k ? 1.0 : 0.0;
                rate[st] = tierDownRate(upCount);
            }
        } else {
            f[0] = full;
            perf[0] = k <= instances ? 1.0 : 0.0;
            rate[0] = tierDownRate(instances);
        }
    }
    return tm;
}

}  // namespace sw::analysis
