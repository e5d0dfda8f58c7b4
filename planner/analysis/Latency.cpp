// Network latency: region x region round trips (a design's override, else the
// catalogue's dated measurement, else the route-aware model; entered figures
// checked against the floor and the expectation), user groups routed to their
// nearest region, and p50/p95 per geography along the request path.
#include <algorithm>
#include <cmath>
#include <limits>

#include "model/LatencyTables.h"
#include "planner/Geo.h"
#include "planner/RouteModel.h"
#include "planner/ZoneLatency.h"
#include "planner/analysis/Passes.h"

namespace sw::analysis {

namespace {

using Source = LatencyMatrix::Source;

bool isEdge(ComponentKind k) { return k == ComponentKind::Dns || k == ComponentKind::Cdn; }

const char* sourceWord(Source s) {
    return s == Source::Override ? "override" : s == Source::Measured ? "measured" : "modelled";
}

// An entered region-to-region RTT: refused below the floor, a warning when far
// below what the catalogue measured or the model expects.
bool acceptEntered(double rtt, double floor, double expected, const std::string& what, const std::string& owner,
                   Analysis& out) {
    switch (checkEnteredRtt(rtt, floor, expected)) {
        case EnteredRtt::BelowFloor:
            out.findings.push_back({Severity::Error, "latency_below_floor", owner,
                                    what + " " + num(rtt) + " ms is below the physical floor " + num(floor) +
                                        " ms (light in fibre); it is not used"});
            return false;
        case EnteredRtt::FarBelowReference:
            out.findings.push_back({Severity::Warning, "latency_far_below_expected", owner,
                                    what + " " + num(rtt) + " ms is more than 25 % below the expected " + num(expected) +
                                        " ms; check the figure (it is used)"});
            return true;
        case EnteredRtt::Plausible: return true;
    }
    return true;
}

}  // namespace

void computeLatencyMatrix(const Context& ctx, const AnalyzeOptions& opt, Analysis& out, Tracer& tr) {
    const Design& d = ctx.design;
    const std::size_t r = d.regions.size();
    const RouteNetwork& net = RouteNetwork::builtIn();
    const MeasuredRttTable& measured = defaultLatencyTables().measured;
    LatencyMatrix& lm = out.latency;
    lm.regions.clear();
    for (const Region& reg : d.regions) lm.regions.push_back(reg.id);
    lm.floor_ms.assign(r, std::vector<double>(r, 0.0));
    lm.modelled_ms.assign(r, std::vector<double>(r, 0.0));
    lm.source.assign(r, std::vector<Source>(r, Source::Modelled));
    std::vector<RouteAnchor> anchors(r);
    for (std::size_t i = 0; i < r; ++i) anchors[i] = net.anchor(ctx.regionLat[i], ctx.regionLon[i]);
    for (std::size_t i = 0; i < r; ++i)
        for (std::size_t j = i + 1; j < r; ++j) {
            const RoutePath path = net.route(anchors[i], anchors[j]);
            lm.floor_ms[i][j] = lm.floor_ms[j][i] = floorRttMs(path.great_circle_km);
            double rtt = routeRttMs(path, opt.latency);
            Source src = Source::Modelled;
            if (opt.catalogueMeasurements && !d.regions[i].code.empty() && !d.regions[j].code.empty())
                if (auto m = measured.rttMs(d.regions[i].code, d.regions[j].code); m && *m >= lm.floor_ms[i][j]) {
                    rtt = *m;
                    src = Source::Measured;
                }
            lm.modelled_ms[i][j] = lm.modelled_ms[j][i] = rtt;
            lm.source[i][j] = lm.source[j][i] = src;
            if (tr.on())
                tr.add("rtt_ms." + d.regions[i].id + "." + d.regions[j].id,
                       src == Source::Measured
                           ? "measured: " + measured.statistic + " (" + measured.date + ", docs/catalogues.md)"
                           : "route-aware: max(floor, factor x 2L/204 km/ms + overhead + per-hop x spans), L the shortest "
                             "path over the interconnection graph",
                       "great circle " + num(path.great_circle_km) + " km, path " + num(path.km) + " km, " +
                           std::to_string(path.hops) + " spans, factor=" + num(opt.latency.route_factor) +
                           ", overhead=" + num(opt.latency.overhead_ms) + " ms, per hop=" + num(opt.latency.per_hop_ms) +
                           " ms",
                       rtt);
        }
    auto regionIndex = [&](const std::string& id) -> int {
        for (std::size_t i = 0; i < r; ++i)
            if (d.regions[i].id == id) return static_cast<int>(i);
        return -1;
    };
    // The design's own figures, then the caller's (AnalyzeOptions::measured).
    std::vector<MeasuredRtt> entered = d.latency_overrides;
    entered.insert(entered.end(), opt.measured.begin(), opt.measured.end());
    for (const MeasuredRtt& m : entered) {
        const int a = regionIndex(m.from), b = regionIndex(m.to);
        if (a < 0 || b < 0) {
            out.findings.push_back({Severity::Error, "unknown_region", a < 0 ? m.from : m.to,
                                    "latency override names region '" + (a < 0 ? m.from : m.to) + "', which does not exist"});
            continue;
        }
        if (a == b) continue;   // refused when read; inside a region the zone RTT applies
        const std::size_t ia = static_cast<std::size_t>(a), ib = static_cast<std::size_t>(b);
        const std::string what = "RTT between '" + m.from + "' and '" + m.to + "' (override)";
        if (!acceptEntered(m.rtt_ms, lm.floor_ms[ia][ib], lm.modelled_ms[ia][ib], what, m.from, out)) continue;
        lm.modelled_ms[ia][ib] = lm.modelled_ms[ib][ia] = m.rtt_ms;
        lm.source[ia][ib] = lm.source[ib][ia] = Source::Override;
    }
    // A cross-region link's extra latency is its measured round trip: checked the same way.
    for (std::size_t l = 0; l < d.links.size(); ++l) {
        const Link& link = d.links[l];
        if (ctx.linkFrom[l] < 0 || link.params.extra_latency_ms <= 0) continue;
        const int a = ctx.compRegion[static_cast<std::size_t>(ctx.linkFrom[l])];
        const int b = ctx.compRegion[static_cast<std::size_t>(ctx.linkTo[l])];
        if (a < 0 || b < 0 || a == b) continue;
        const std::size_t ia = static_cast<std::size_t>(a), ib = static_cast<std::size_t>(b);
        acceptEntered(link.params.extra_latency_ms, lm.floor_ms[ia][ib], lm.modelled_ms[ia][ib],
                      "link '" + link.id + "' gives an RTT between regions '" + d.regions[ia].id + "' and '" +
                          d.regions[ib].id + "' of",
                      link.id, out);
    }
    if (tr.on())
        for (std::size_t i = 0; i < r; ++i)
            for (std::size_t j = i + 1; j < r; ++j)
                if (lm.source[i][j] == Source::Override)
                    tr.add("rtt_ms." + d.regions[i].id + "." + d.regions[j].id, "override (the design's latency_overrides)",
                           std::string("source ") + sourceWord(lm.source[i][j]), lm.modelled_ms[i][j]);

    // User geography x region heatmap: last mile + route.
    lm.user_groups.clear();
    lm.user_modelled_ms.clear();
    for (int g : ctx.userGroups) {
        const Component& u = ctx.comp(g);
        lm.user_groups.push_back(u.id);
        const RouteAnchor ua = net.anchor(u.params.latitude, u.params.longitude);
        std::vector<double> row(r);
        for (std::size_t i = 0; i < r; ++i) row[i] = u.params.last_mile_ms + routeRttMs(net.route(ua, anchors[i]), opt.latency);
        lm.user_modelled_ms.push_back(std::move(row));
    }
}

void computeGeographies(const Context& ctx, const LoadModel& load, const AnalyzeOptions& opt, Analysis& out,
                        Tracer& tr) {
    const Design& d = ctx.design;
    const LatencyMatrix& lm = out.latency;
    // A CDN edge sits in the user's metro: the route model at distance 0.
    const double metroRtt = modelledRttMs(0, 0, 0, 0, opt.latency);
    out.geographies.clear();
    double weighted = 0, shares = 0;
    for (std::size_t gi = 0; gi < load.groups.size(); ++gi) {
        const GroupFlow& gf = load.groups[gi];
        const std::vector<double>& userRtt = lm.user_modelled_ms[gi];
        const Component& user = ctx.comp(gf.component);
        GeographyResult geo;
        geo.user_group = user.id;
        geo.share = gf.share;
        geo.last_mile_ms = user.params.last_mile_ms;
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
            if (dst.kind == ComponentKind::Dns) rtt = 0;   // resolution is cached
            else if (dst.kind == ComponentKind::Cdn) {     // an edge in the user's metro
                rtt = geo.last_mile_ms + metroRtt;
                geo.edge_rtt_ms = rtt;
                geo.edge_share += gf.syncVisits[static_cast<std::size_t>(to)] * std::clamp(dst.params.hit_ratio, 0.0, 1.0);
            } else if (src.kind == ComponentKind::UserGroup || isEdge(src.kind))
                rtt = rt >= 0 ? userRtt[static_cast<std::size_t>(rt)] : 0.0;   // from where the user is
            else {
                const int rf = ctx.compRegion[static_cast<std::size_t>(from)];
                const bool cross = rf >= 0 && rt >= 0 && rf != rt;
                if (cross) rtt = lm.modelled_ms[static_cast<std::size_t>(rf)][static_cast<std::size_t>(rt)];
                else rtt = ctx.zoneHopRttMs(from, to);   // between two zones of one region, else 0
                const double floor = cross ? lm.floor_ms[static_cast<std::size_t>(rf)][static_cast<std::size_t>(rt)] : 0.0;
                if (link.params.extra_latency_ms > 0) {
                    if (!cross) rtt += link.params.extra_latency_ms;
                    else if (link.params.extra_latency_ms >= floor) rtt = link.params.extra_latency_ms;
                }
            }
            network += v * rtt;
        }
        geo.edge_share = std::min(1.0, geo.edge_share);
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
                   "network (visit-weighted RTTs: last mile + user to region or CDN edge, cross-zone and cross-region "
                   "calls, extra latency) + sum of visits x per-tier p95 (an upper bound on the p95 of the sum)",
                   "network=" + num(network) + " ms, tiers=" + num(p95) + " ms, served from " + geo.region +
                       ", origin RTT " + num(geo.network_rtt_ms) + " ms, edge RTT " + num(geo.edge_rtt_ms) + " ms for " +
                       num(100 * geo.edge_share) + " % of requests",
                   geo.p95_ms);
        out.geographies.push_back(std::move(geo));
    }
    out.summary.p95_ms = shares > 0 ? weighted / shares : 0.0;
}

}  // namespace sw::analysis
