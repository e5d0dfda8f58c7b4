// Follows each user group's requests through the call graph, per request,
// then scales by the group's peak rate; the totals are the offered loads.
#include "planner/analysis/LoadModel.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "planner/Geo.h"

namespace sw::analysis {

double peakRps(const Workload& w) {
    return w.users * w.requests_per_user_per_day / kSecondsPerDay * w.peak_factor;
}

std::vector<int> regionsByDistance(const Context& ctx, double lat, double lon) {
    const std::size_t r = ctx.regionLat.size();
    std::vector<double> dist(r);
    for (std::size_t i = 0; i < r; ++i) dist[i] = greatCircleKm(lat, lon, ctx.regionLat[i], ctx.regionLon[i]);
    std::vector<int> order(r);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return dist[static_cast<std::size_t>(a)] < dist[static_cast<std::size_t>(b)];
    });
    return order;
}

namespace {

bool isCaching(ComponentKind k) { return k == ComponentKind::Cache || k == ComponentKind::Cdn; }

// One group's requests, per request: read and write visits, and the part of
// them the user waits for (async links end the synchronous part).
// Scratch arrays reused across the groups of one analysis.
struct Scratch {
    std::vector<double> inR, inW, syncR, syncW, linkVisits, weight;
};

void propagate(const Context& ctx, GroupFlow& gf, double readFraction, Scratch& sc) {
    const std::size_t n = ctx.design.components.size();
    const std::size_t m = ctx.design.links.size();
    std::vector<double>& inR = sc.inR;
    std::vector<double>& inW = sc.inW;
    std::vector<double>& syncR = sc.syncR;
    std::vector<double>& syncW = sc.syncW;
    inR.assign(n, 0.0);
    inW.assign(n, 0.0);
    syncR.assign(n, 0.0);
    syncW.assign(n, 0.0);
    sc.linkVisits.assign(m, 0.0);
    gf.syncLinkVisits.assign(m, 0.0);

    const std::size_t g = static_cast<std::size_t>(gf.component);
    inR[g] = syncR[g] = readFraction;
    inW[g] = syncW[g] = 1.0 - readFraction;

    std::vector<int> rank(ctx.regionLat.size(), 0);
    for (std::size_t i = 0; i < gf.preference.size(); ++i) rank[static_cast<std::size_t>(gf.preference[i])] = static_cast<int>(i);
    auto rankOf = [&](int comp) {
        const int r = ctx.regionOfComponent(comp);
        return r < 0 ? std::numeric_limits<int>::max() : rank[static_cast<std::size_t>(r)];
    };
    std::vector<double>& weight = sc.weight;   // per out-link of the current component

    for (int v : ctx.order) {
        const std::size_t vi = static_cast<std::size_t>(v);
        if (inR[vi] <= 0 && inW[vi] <= 0) continue;
        const Component& c = ctx.comp(v);
        const double hit = isCaching(c.kind) ? std::clamp(c.params.hit_ratio, 0.0, 1.0) : 0.0;
        double pr = inR[vi] * (1 - hit), pw = inW[vi];
        double spr = syncR[vi] * (1 - hit), spw = syncW[vi];

        const auto& reps = ctx.readReplicas[vi];
        if (!reps.empty()) {
            const double k = static_cast<double>(reps.size());
            for (int rep : reps) {
                inR[static_cast<std::size_t>(rep)] += inR[vi] / k;
                syncR[static_cast<std::size_t>(rep)] += syncR[vi] / k;
            }
            inR[vi] = syncR[vi] = 0;
            pr = spr = 0;
        }

        const auto& out = ctx.callsOut[vi];
        weight.assign(out.size(), 0.0);
        for (std::size_t a = 0; a < out.size(); ++a) {
            const int l = out[a];
            const int ag = ctx.altGroup[static_cast<std::size_t>(l)];
            if (ag < 0 || !ctx.altGeo[static_cast<std::size_t>(ag)]) {
                weight[a] = ctx.link(l).params.fraction;
                continue;
            }
            // Geo-routed: the whole group's fraction goes to the nearest region.
            const auto& members = ctx.altGroups[static_cast<std::size_t>(ag)];
            if (members.front() != l) continue;   // the group is settled at its first member
            int best = std::numeric_limits<int>::max();
            double total = 0;
            for (int x : members) {
                best = std::min(best, rankOf(ctx.linkTo[static_cast<std::size_t>(x)]));
                total += ctx.link(x).params.fraction;
            }
            double bestSum = 0;
            for (int x : members)
                if (rankOf(ctx.linkTo[static_cast<std::size_t>(x)]) == best) bestSum += ctx.link(x).params.fraction;
            const double f = std::min(1.0, total);
            for (std::size_t b = 0; b < out.size(); ++b) {
                const int x = out[b];
                if (ctx.altGroup[static_cast<std::size_t>(x)] != ag || rankOf(ctx.linkTo[static_cast<std::size_t>(x)]) != best) continue;
                weight[b] = bestSum > 0 ? f * ctx.link(x).params.fraction / bestSum
                                        : f / static_cast<double>(members.size());
                if (gf.servedRegion < 0 && weight[b] > 0 && syncR[vi] + syncW[vi] > 0)
                    gf.servedRegion = ctx.regionOfComponent(ctx.linkTo[static_cast<std::size_t>(x)]);
            }
        }
        for (std::size_t a = 0; a < out.size(); ++a) {
            if (weight[a] <= 0) continue;
            const int l = out[a];
            const Link& link = ctx.link(l);
            const std::size_t t = static_cast<std::size_t>(ctx.linkTo[static_cast<std::size_t>(l)]);
            const double r = link.access == Access::Write ? 0 : pr;
            const double w = link.access == Access::Read ? 0 : pw;
            inR[t] += weight[a] * r;
            inW[t] += weight[a] * w;
            sc.linkVisits[static_cast<std::size_t>(l)] += weight[a] * (r + w);
            if (link.mode == LinkMode::Async) continue;
            const double sr = link.access == Access::Write ? 0 : spr;
            const double sw = link.access == Access::Read ? 0 : spw;
            syncR[t] += weight[a] * sr;
            syncW[t] += weight[a] * sw;
            gf.syncLinkVisits[static_cast<std::size_t>(l)] += weight[a] * (sr + sw);
        }
    }

    gf.syncVisits.resize(n);
    for (std::size_t i = 0; i < n; ++i) gf.syncVisits[i] = syncR[i] + syncW[i];
    if (gf.servedRegion < 0) {
        // No geo-routing on the way: the region that handles most of the request.
        std::vector<double> perRegion(ctx.regionLat.size(), 0.0);
        for (std::size_t i = 0; i < n; ++i)
            if (ctx.compRegion[i] >= 0 && i != g) perRegion[static_cast<std::size_t>(ctx.compRegion[i])] += gf.syncVisits[i];
        double best = 0;
        for (std::size_t r = 0; r < perRegion.size(); ++r)
            if (perRegion[r] > best) {
                best = perRegion[r];
                gf.servedRegion = static_cast<int>(r);
            }
    }
}

}  // namespace

LoadModel computeLoad(const Context& ctx) {
    const Workload& wl = ctx.design.workload;
    const std::size_t n = ctx.design.components.size();
    const std::size_t m = ctx.design.links.size();
    LoadModel lm;
    lm.average_rps = wl.users * wl.requests_per_user_per_day / kSecondsPerDay;
    lm.peak_rps = lm.average_rps * wl.peak_factor;
    lm.read.assign(n, 0.0);
    lm.write.assign(n, 0.0);
    lm.apply.assign(n, 0.0);
    lm.linkRps.assign(m, 0.0);
    lm.linkWriteRps.assign(m, 0.0);
    const double readFraction = std::clamp(wl.read_fraction, 0.0, 1.0);

    Scratch scratch;
    for (std::size_t gi = 0; gi < ctx.userGroups.size(); ++gi) {
        GroupFlow gf;
        gf.component = ctx.userGroups[gi];
        gf.share = ctx.userShare[gi];
        gf.peak_rps = lm.peak_rps * gf.share;
        const Component& ug = ctx.comp(gf.component);
        gf.preference = regionsByDistance(ctx, ug.params.latitude, ug.params.longitude);
        propagate(ctx, gf, readFraction, scratch);
        for (std::size_t i = 0; i < n; ++i) {
            lm.read[i] += gf.peak_rps * scratch.inR[i];
            lm.write[i] += gf.peak_rps * scratch.inW[i];
        }
        for (std::size_t l = 0; l < m; ++l) lm.linkRps[l] += gf.peak_rps * scratch.linkVisits[l];
        lm.groups.push_back(std::move(gf));
    }
    // Replication: every store applies the writes its source took from
    // callers; a replica also forwards what it applied (cascades). Writes a
    // primary received by replication from another primary are not sent on.
    std::vector<double> origin = lm.write;
    for (std::size_t pass = 0; pass < 8; ++pass) {
        bool changed = false;
        std::vector<double> apply(n, 0.0);
        for (std::size_t l = 0; l < m; ++l) {
            const Link& link = ctx.link(static_cast<int>(l));
            if (link.kind != LinkKind::Replication || ctx.linkFrom[l] < 0) continue;
            const std::size_t s = static_cast<std::size_t>(ctx.linkFrom[l]);
            const std::size_t t = static_cast<std::size_t>(ctx.linkTo[l]);
            const bool forwards = ctx.comp(static_cast<int>(s)).role == DbRole::Replica;
            const double w = origin[s] + (forwards ? lm.apply[s] : 0.0);
            apply[t] += w;
            lm.linkRps[l] = lm.linkWriteRps[l] = w;
        }
        for (std::size_t i = 0; i < n; ++i)
            if (apply[i] != lm.apply[i]) {
                changed = true;
                lm.apply[i] = apply[i];
            }
        if (!changed) break;
    }
    for (std::size_t i = 0; i < n; ++i) lm.write[i] = origin[i] + lm.apply[i];
    return lm;
}

}  // namespace sw::analysis
