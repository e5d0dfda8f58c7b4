// Network latency: region x region round trips from coordinates (floor and
// modelled, measured overrides checked against the floor), user groups routed
// to their nearest region, and p50/p95 per geography along the request path.
#include <algorithm>
#include <cmath>
#include <limits>

#include "planner/Geo.h"
#include "planner/analysis/Passes.h"

namespace sw::analysis {

namespace {

bool isEdge(ComponentKind k) { return k == ComponentKind::Dns || k == ComponentKind::Cdn; }

}  // namespace

void computeLatencyMatrix(const Context& ctx, const AnalyzeOptions& opt, Analysis& out, Tracer& tr) {
    const Design& d = ctx.design;
    const std::size_t r = d.regions.size();
    LatencyMatrix& lm = out.latency;
    lm.regions.clear();
    for (const Region& reg : d.regions) lm.regions.push_back(reg.id);
    lm.floor_ms.assign(r, std::vector<double>(r, 0.0));
    lm.modelled_ms.assign(r, std::vector<double>(r, 0.0));
    for (std::size_t i = 0; i < r; ++i)
        for (std::size_t j = i + 1; j < r; ++j) {
            const double km = greatCircleKm(ctx.regionLat[i], ctx.regionLon[i], ctx.regionLat[j], ctx.regionLon[j]);
            lm.floor_ms[i][j] = lm.floor_ms[j][i] = floorRttMs(km);
            lm.modelled_ms[i][j] = lm.modelled_ms[j][i] = modelledRttMs(km, opt.latency);
            if (tr.on())
                tr.add("rtt_ms." + d.regions[i].id + "." + d.regions[j].id,
                       "great-circle d (haversine); floor = 2d / 204 km/ms; modelled = floor x route factor + overhead",
                       "d=" + num(km) + " km, factor=" + num(opt.latency.route_factor) +
                           ", overhead=" + num(opt.latency.overhead_ms) + " ms",
                       lm.modelled_ms[i][j]);
        }
    auto regionIndex = [&](const std::string& id) -> int {
        for (std::size_t i = 0; i < r; ++i)
            if (d.regions[i].id == id) return static_cast<int>(i);
        return -1;
    };
    for (const MeasuredRtt& m : opt.measured) {
        const int a = regionIndex(m.from), b = regionIndex(m.to);
        if (a < 0 || b < 0) {
            out.findings.push_back({Severity::Error, "unknown_region", a < 0 ? m.from : m.to,
                                    "measured RTT names region '" + (a < 0 ? m.from : m.to) + "', which does not exist"});
            continue;
        }
        const double floor = lm.floor_ms[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)];
        if (!(m.rtt_ms >= floor)) {
            out.findings.push_back({Severity::Error, "latency_below_floor", m.from,
                                    "measured RTT " + num(m.rtt_ms) + " ms between '" + m.from + "' and '" + m.to +
                                        "' is below the physical floor " + num(floor) +
                                        " ms (light in fibre); the modelled value is used"});
            continue;
        }
        lm.modelled_ms[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)] =
            lm.modelled_ms[static_cast<std::size_t>(b)][static_cast<std::size_t>(a)] = m.rtt_ms;
    }
    // A cross-region link's extra latency is its measured round trip; below the floor it is refused.
    for (std::size_t l = 0; l < d.links.size(); ++l) {
        const Link& link = d.links[l];
        if (ctx.linkFrom[l] < 0 || link.params.extra_latency_ms <= 0) continue;
        const int a = ctx.compRegion[static_cast<std::size_t>(ctx.linkFrom[l])];
        const int b = ctx.compRegion[static_cast<std::size_t>(ctx.linkTo[l])];
        if (a < 0 || b < 0 || a == b) continue;
        const double floor = lm.floor_ms[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)];
        if (link.params.extra_latency_ms < floor)
            out.findings.push_back({Severity::Error, "latency_below_floor", link.id,
                                    "link '" + link.id + "' gives " + num(link.params.extra_latency_ms) +
                                        " ms between regions '" + d.regions[static_cast<std::size_t>(a)].id + "' and '" +
                                        d.regions[static_cast<std::size_t>(b)].id + "', below the physical floor " +
                                        num(floor) + " ms; the modelled value is used"});
    }

    // User geography x region heatmap.
    lm.user_groups.clear();
    lm.user_modelled_ms.clear();
    for (int g : ctx.userGroups) {
        const Component& u = ctx.comp(g);
        lm.user_groups.push_back(u.id);
        std::vector<double> row(r);
        for (std::size_t i = 0; i < r; ++i)
            row[i] = modelledRttMs(greatCircleKm(u.params.latitude, u.params.longitude, ctx.regionLat[i], ctx.regionLon[i]),
                                   opt.latency);
        lm.user_modelled_ms.push_back(std::move(row));
    }
}

void computeGeographies(const Context& ctx, const LoadModel& load, const AnalyzeOptions& opt, Analysis& out,
                        Tracer& tr) {
    const Design& d = ctx.design;
    const LatencyMatrix& lm = out.latency;
    out.geographies.clear();
    double weighted = 0, shares = 0;
    for (std::size_t gi = 0; gi < load.groups.size(); ++gi) {
        const GroupFlow& gf = load.groups[gi];
        const std::vector<double>& userRtt = lm.user_modelled_ms[gi];
        GeographyResult geo;
        geo.user_group = ctx.comp(gf.component).id;
        geo.share = gf.share;
        if (gf.servedRegion >= 0) {
            geo.region = d.regions[static_cast<std::size_t>(gf.servedRegion)].id;
            geo.network_rtt_ms = userRtt[static_cast<std::size_t>(gf.servedRegion)];
        }
        for (int r : gf.preference)
            if (r != gf.servedRegion) geo.fallback_regions.push_back(d.regions[static_cast<std::size_t>(r)].id);

        double network = 0, p50 = 0, p95 = 0;
        for (std::size_t l = 0; l < d.links.size(); ++l) {
            const double v = gf.syncLinkVisits[l];
            if (v <= 0) continue;
            const Link& link = d.links[l];
            const int from = ctx.linkFrom[l], to = ctx.linkTo[l];
            const Component& src = ctx.comp(from);
            const Component& dst = ctx.comp(to);
            const int rt = ctx.compRegion[static_cast<std::size_t>(to)];
            double rtt = 0;
            if (dst.kind == ComponentKind::Dns) rtt = 0;                    // resolution is cached
            else if (dst.kind == ComponentKind::Cdn) rtt = opt.latency.overhead_ms;   // an edge in the user's metro
            else if (src.kind == ComponentKind::UserGroup || isEdge(src.kind))
                rtt = rt >= 0 ? userRtt[static_cast<std::size_t>(rt)] : 0.0;   // from where the user is
            else {
                const int rf = ctx.compRegion[static_cast<std::size_t>(from)];
                const bool cross = rf >= 0 && rt >= 0 && rf != rt;
                if (cross) rtt = lm.modelled_ms[static_cast<std::size_t>(rf)][static_cast<std::size_t>(rt)];
                const double floor = cross ? lm.floor_ms[static_cast<std::size_t>(rf)][static_cast<std::size_t>(rt)] : 0.0;
                if (link.params.extra_latency_ms > 0) {
                    if (!cross) rtt += link.params.extra_latency_ms;
                    else if (link.params.extra_latency_ms >= floor) rtt = link.params.extra_latency_ms;
                }
            }
            network += v * rtt;
        }
        for (std::size_t i = 0; i < d.components.size(); ++i) {
            const double v = gf.syncVisits[i];
            const ComponentKind k = d.components[i].kind;
            if (v <= 0 || k == ComponentKind::UserGroup || k == ComponentKind::Dns) continue;
            const ComponentResult& c = out.components[i];
            if (c.saturated) {
                geo.saturated = true;
                geo.saturated_tiers.push_back(c.id);
            }
            p50 += v * c.p50_ms;
            p95 += v * c.p95_ms;
        }
        // A saturated tier's queue grows without bound: no finite latency
        // through it, so the path's figures are infinite, never its other
        // tiers' sum (which would read lower than a healthy design's).
        const double inf = std::numeric_limits<double>::infinity();
        geo.p50_ms = geo.saturated ? inf : network + p50;
        geo.p95_ms = geo.saturated ? inf : network + p95;
        if (gf.share > 0) weighted += gf.share * geo.p95_ms;
        shares += gf.share;
        if (tr.on())
            tr.add(geo.user_group + ".p95_ms",
                   "network (visit-weighted RTTs: user to region, cross-region calls, extra latency) + sum of "
                   "visits x per-tier p95 (an upper bound on the p95 of the sum)",
                   "network=" + num(network) + " ms, tiers=" + num(p95) + " ms, served from " + geo.region,
                   geo.p95_ms);
        out.geographies.push_back(std::move(geo));
    }
    out.summary.p95_ms = shares > 0 ? weighted / shares : 0.0;
}

}  // namespace sw::analysis
