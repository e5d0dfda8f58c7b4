// Failover-group availability per zone state (docs/formulas.md, "Failover groups").
#include "planner/analysis/FailoverGroup.h"

#include <algorithm>

#include "planner/AvailabilityMath.h"
#include "planner/FailoverRule.h"

namespace sw::analysis {

FailoverModel buildFailoverModel(const Context& ctx, const TierModel& tm) {
    const std::size_t n = ctx.design.components.size();
    FailoverModel fm;
    fm.groupOfPrimary.assign(n, -1);
    fm.groupOfMember.assign(n, -1);
    fm.memberIndex.assign(n, -1);
    fm.primaryOfReplica.assign(n, -1);
    for (const FailoverMembers& members : failoverGroups(ctx.design, ctx.linkFrom, ctx.linkTo)) {
        const std::size_t p = static_cast<std::size_t>(members.primary);
        for (int r : members.replicas) fm.primaryOfReplica[static_cast<std::size_t>(r)] = members.primary;
        GroupModel g;
        g.slot = tm.slotOf[p];
        g.members.push_back(members.primary);
        // Promotion across regions is left to the routes (GeoDNS): the group
        // is the primary's region, whose zone states the engine conditions on.
        for (int r : members.promotable)
            if (tm.slotOf[static_cast<std::size_t>(r)] == g.slot) g.members.push_back(r);
        if (g.members.size() < 2) continue;
        const ComponentParams& pp = ctx.comp(members.primary).params;
        g.promotionS = promotionWindowS(pp);
        const FailoverWindow pw = failoverWindow(ctx, members.primary);
        g.windowS = pw.interval_s * pw.threshold + g.promotionS;
        // A member fails while serving: its checks notice (the last of
        // `threshold` failed checks, uniform over the last interval), then the
        // promotion and the endpoint switch; the primary's repair ends it sooner.
        const double returnS = tm.mttrS[p];
        for (int m : g.members) {
            const FailoverWindow w = failoverWindow(ctx, m);
            const double first = (w.threshold - 1) * w.interval_s + g.promotionS;
            g.lossS.push_back(returnS > 0 ? expectedLossWindow(first, w.interval_s, returnS) : first + w.interval_s / 2);
            // A zone outage takes the member down too: the same window, cut
            // by the zone's return, charged per outage when its length is known.
            const auto& zones = tm.slots[static_cast<std::size_t>(g.slot)].zones;
            const int zone = ctx.compZone[static_cast<std::size_t>(m)];
            int bit = -1;
            for (std::size_t j = 0; j < zones.size(); ++j)
                if (zones[j] == zone) bit = static_cast<int>(j);
            g.zoneBit.push_back(bit);
            const double zoneMttrS = bit >= 0 ? ctx.design.zones[static_cast<std::size_t>(zone)].params.mttr_h * 3600.0 : 0.0;
            g.zoneLoss.push_back(zoneMttrS > 0 ? expectedLossWindow(first, w.interval_s, zoneMttrS) / zoneMttrS : 0.0);
        }
        g.windowless = std::all_of(g.zoneLoss.begin(), g.zoneLoss.end(), [](double x) { return x <= 0; });
        const std::size_t ns = tm.slots[static_cast<std::size_t>(g.slot)].pState.size();
        for (int m : g.members)
            for (std::size_t st = 0; st < ns && g.windowless; ++st)
                g.windowless = tm.downRate[tm.offset[static_cast<std::size_t>(m)] + st] <= 0;
        const int gi = static_cast<int>(fm.groups.size());
        fm.groupOfPrimary[p] = gi;
        for (std::size_t k = 0; k < g.members.size(); ++k) {
            fm.groupOfMember[static_cast<std::size_t>(g.members[k])] = gi;
            fm.memberIndex[static_cast<std::size_t>(g.members[k])] = static_cast<int>(k);
        }
        fm.groups.push_back(std::move(g));
    }
    return fm;
}

namespace {

struct MemberState {
    double up, rate;
};

template <class F>
void forMembers(const GroupModel& g, const TierModel& tm, std::size_t st, std::span<const MemberMode> modes, F&& f) {
    for (std::size_t k = 0; k < g.members.size(); ++k) {
        const std::size_t at = tm.offset[static_cast<std::size_t>(g.members[k])] + st;
        const MemberMode mode = modes.empty() ? MemberMode::Model : modes[k];
        if (mode == MemberMode::Dead) f(k, MemberState{0.0, 0.0});
        else if (mode == MemberMode::Up) f(k, MemberState{tm.perfect[at], 0.0});
        else f(k, MemberState{tm.f[at], tm.downRate[at]});
    }
}

}  // namespace

// The primary serves while up; else the first promotable replica up. Each
// failure of the serving member (rate r_k given st) costs its loss window
// while a later member can take over: served = P(any up) - sum_k r_k x L_k x
// P(members before k down) x P(some member after k up).
double groupServes(const GroupModel& g, const TierModel& tm, std::size_t st, std::span<const MemberMode> modes) {
    const std::size_t m = g.members.size();
    MemberState s[16];
    std::vector<MemberState> big;
    MemberState* ms = s;
    if (m > 16) {
        big.resize(m);
        ms = big.data();
    }
    forMembers(g, tm, st, modes, [&](std::size_t k, MemberState x) { ms[k] = x; });
    double allDown = 1;
    for (std::size_t k = 0; k < m; ++k) allDown *= 1 - ms[k].up;
    if (g.windowless) return std::clamp(1 - allDown, 0.0, 1.0);
    double loss = 0, before = 1;   // before: P(members before k down)
    // after[k]: P(all members after k down), by a suffix product.
    double suffix[17];
    std::vector<double> bigSuffix;
    double* after = suffix;
    if (m > 16) {
        bigSuffix.resize(m + 1);
        after = bigSuffix.data();
    }
    after[m] = 1;
    for (std::size_t k = m; k-- > 0;) after[k] = after[k + 1] * (1 - ms[k].up);
    for (std::size_t k = 0; k < m; ++k) {
        if (ms[k].rate > 0) loss += ms[k].rate * g.lossS[k] * before * (1 - after[k + 1]);
        before *= 1 - ms[k].up;
    }
    // Zone outages: in a state where member k's zone z is down, the share
    // zoneLoss_k of that time follows z's failure; k was serving just before
    // (state st with z up) and another member, up now, takes over.
    if (!g.zoneLoss.empty()) {
        MemberState prev[16];
        for (std::size_t k = 0; k < m && k < 16; ++k) {
            const int bit = g.zoneBit[k];
            if (g.zoneLoss[k] <= 0 || bit < 0 || (st >> bit & 1)) continue;
            const std::size_t stUp = st | (std::size_t{1} << bit);
            forMembers(g, tm, stUp, modes, [&](std::size_t j, MemberState x) {
                if (j < 16) prev[j] = x;
            });
            double serves = prev[k].up;
            for (std::size_t j = 0; j < k; ++j) serves *= 1 - prev[j].up;
            loss += g.zoneLoss[k] * serves * (1 - allDown);
        }
    }
    return std::clamp(1 - allDown - loss, 0.0, 1.0);
}

double groupFailoverRate(const GroupModel& g, const TierModel& tm, std::size_t st) {
    const std::size_t m = g.members.size();
    std::vector<MemberState> ms(m);
    forMembers(g, tm, st, {}, [&](std::size_t k, MemberState x) { ms[k] = x; });
    double rate = 0, before = 1;
    for (std::size_t k = 0; k < m; ++k) {
        double after = 1;
        for (std::size_t j = k + 1; j < m; ++j) after *= 1 - ms[j].up;
        rate += ms[k].rate * before * (1 - after);
        before *= 1 - ms[k].up;
    }
    return rate;
}

}  // namespace sw::analysis
