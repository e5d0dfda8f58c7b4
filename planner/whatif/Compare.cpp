// compare(): each variant analysed (in parallel) and projected over the
// horizon, its figures read off the analysis, deltas against the base, the
// diff and the crossover of base and variant.
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <thread>

#include "planner/Growth.h"
#include "planner/whatif/Crossover.h"
#include "planner/whatif/Parallel.h"
#include "planner/whatif/WhatIf.h"

namespace sw::whatif {

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
const std::string kP95Prefix = "p95_ms.";

std::vector<FigureSpec> fixedFigures() {
    return {{"cost_per_month_usd", "Cost per month", "USD/month", Better::Lower},
            {"compute_usd", "Compute", "USD/month", Better::Lower},
            {"storage_usd", "Storage", "USD/month", Better::Lower},
            {"egress_usd", "Internet egress", "USD/month", Better::Lower},
            {"cdn_usd", "CDN", "USD/month", Better::Lower},
            {"cross_region_usd", "Cross-region transfer", "USD/month", Better::Lower},
            {"cross_zone_usd", "Cross-zone transfer", "USD/month", Better::Lower},
            {"managed_usd", "Managed services", "USD/month", Better::Lower},
            {"availability", "Availability", "", Better::Higher},
            {"nines", "Nines", "", Better::Higher},
            {"downtime_min_per_year", "Downtime per year", "min/year", Better::Lower},
            {"p95_ms_user_weighted", "p95 (user-weighted)", "ms", Better::Lower},
            {"bottleneck_headroom", "Bottleneck headroom", "", Better::Higher},
            {"runway_month", "Runway (first tier out)", "month", Better::Higher},
            {"rpo_s", "RPO (worst link)", "s", Better::Lower}};
}

// The worst RPO over the replication links: +inf when a lag is unbounded,
// "none" when nothing replicates.
double worstRpo(const Analysis& a) {
    if (a.replication.empty()) return kNone;
    double worst = 0;
    for (const ReplicationResult& r : a.replication) worst = std::max(worst, r.unbounded ? kInf : r.rpo_s);
    return worst;
}

double figureValue(const FigureSpec& f, const VariantFigures& v) {
    const Analysis& a = v.analysis;
    const CostBreakdown& c = a.cost;
    const AvailabilitySummary& av = a.summary.availability;
    if (f.key.rfind(kP95Prefix, 0) == 0) {
        const std::string group = f.key.substr(kP95Prefix.size());
        for (const GeographyResult& g : a.geographies)
            if (g.user_group == group) return g.saturated ? kInf : g.p95_ms;
        return kNone;
    }
    if (f.key == "cost_per_month_usd") return a.summary.cost_per_month_usd;
    if (f.key == "compute_usd") return c.compute;
    if (f.key == "storage_usd") return c.storage;
    if (f.key == "egress_usd") return c.egress;
    if (f.key == "cdn_usd") return c.cdn;
    if (f.key == "cross_region_usd") return c.cross_region;
    if (f.key == "cross_zone_usd") return c.cross_zone;
    if (f.key == "managed_usd") return c.managed;
    if (f.key == "availability") return av.availability;
    if (f.key == "nines") return av.nines;
    if (f.key == "downtime_min_per_year") return av.downtime_min_per_year;
    if (f.key == "p95_ms_user_weighted") return a.summary.p95_ms;
    if (f.key == "bottleneck_headroom") return a.summary.headroom;
    if (f.key == "runway_month") return v.runway_month >= 0 ? double(v.runway_month) : kInf;
    if (f.key == "rpo_s") return worstRpo(a);
    return kNone;
}

struct Worked {
    VariantFigures figures;
    Projection projection;
    bool projected = false;
};

Worked work(const Design& d) {
    Worked w;
    AnalyzeOptions o;
    o.traces = false;   // the numbers of analyze(), without the explanations
    w.figures.name = d.name;
    w.figures.analysis = analyze(d, o);
    w.figures.bottleneck = w.figures.analysis.summary.bottleneck;
    if (auto p = project(d, kHorizonMonths)) {
        w.projection = std::move(p).value();
        w.projected = true;
        w.figures.runway_month = runwayMonth(w.projection.runway);
        for (const ProjectionMonth& m : w.projection.months) {
            w.figures.users_by_month.push_back(m.users);
            w.figures.cost_by_month.push_back(m.cost_per_month_usd);
        }
        for (const TierRunway& rw : w.projection.runway)
            if (rw.runout_month == w.figures.runway_month && w.figures.runway_month >= 0) {
                w.figures.runway_tier = rw.id;
                break;
            }
    }
    return w;
}

}  // namespace

Delta deltaOf(const FigureSpec& spec, double base, double value) {
    Delta d;
    d.base = base;
    d.value = value;
    if (base == value || (std::isnan(base) && std::isnan(value))) return d;
    d.delta = value - base;
    if (std::isnan(base) || std::isnan(value) || spec.better == Better::Neither) return d;
    // A part per million of the figure is "the same", not better or worse:
    // two designs whose downtime differs by 0.00003 min/year are equal to an
    // architect. Availability is measured on its unavailability, so that its
    // verdict agrees with the nines' and the downtime's.
    const double scale = spec.key == "availability"
                             ? std::max({std::abs(1 - base), std::abs(1 - value), 1e-300})
                             : std::max({std::abs(base), std::abs(value), 1e-300});
    if (std::isfinite(d.delta) && std::abs(d.delta) <= 1e-6 * scale) return d;
    const bool higher = value > base;
    d.verdict = (spec.better == Better::Higher) == higher ? 1 : -1;
    return d;
}

Result<Comparison> compare(const Project& project, const std::vector<std::string>& variants, const std::string& base) {
    std::vector<std::string> names = variants;
    if (names.empty())
        for (const Design& d : project.variants) names.push_back(d.name);
    if (names.empty()) return Result<Comparison>::failure("the project has no variants");
    const std::string baseName = base.empty() ? names.front() : base;
    if (std::find(names.begin(), names.end(), baseName) == names.end()) names.insert(names.begin(), baseName);
    std::rotate(names.begin(), std::find(names.begin(), names.end(), baseName),
                std::find(names.begin(), names.end(), baseName) + 1);
    std::set<std::string> seen;
    std::vector<const Design*> designs;
    for (const std::string& n : names) {
        const Design* d = project.findVariant(n);
        if (!d) {
            std::string have;
            for (const Design& v : project.variants) have += (have.empty() ? "" : ", ") + v.name;
            return Result<Comparison>::failure("no variant '" + n + "'; the project has: " + have);
        }
        if (!seen.insert(n).second) return Result<Comparison>::failure("variant '" + n + "' is named twice");
        designs.push_back(d);
    }

    std::vector<Worked> worked(designs.size());
    parallelFor(designs.size(), 0, [&](std::size_t i) { worked[i] = work(*designs[i]); });

    Comparison cmp;
    cmp.base = baseName;
    cmp.figures = fixedFigures();
    // p95 rows for every user geography of any variant, after the weighted p95.
    std::vector<std::string> groups;
    for (const Worked& w : worked)
        for (const GeographyResult& g : w.figures.analysis.geographies)
            if (std::find(groups.begin(), groups.end(), g.user_group) == groups.end()) groups.push_back(g.user_group);
    auto at = std::find_if(cmp.figures.begin(), cmp.figures.end(),
                           [](const FigureSpec& f) { return f.key == "p95_ms_user_weighted"; });
    std::vector<FigureSpec> geo;
    for (const std::string& g : groups) geo.push_back({kP95Prefix + g, "p95 " + g, "ms", Better::Lower});
    cmp.figures.insert(at + 1, geo.begin(), geo.end());

    for (Worked& w : worked) {
        for (const FigureSpec& f : cmp.figures) w.figures.values.push_back(figureValue(f, w.figures));
        cmp.variants.push_back(w.figures);
    }
    const VariantFigures& b = cmp.variants.front();
    for (std::size_t i = 0; i < cmp.variants.size(); ++i) {
        const VariantFigures& v = cmp.variants[i];
        VariantDelta vd;
        vd.variant = v.name;
        vd.base = b.name;
        for (std::size_t f = 0; f < cmp.figures.size(); ++f) vd.figures.push_back(deltaOf(cmp.figures[f], b.values[f], v.values[f]));
        vd.diff = diff(*designs.front(), *designs[i]);
        if (i > 0 && worked.front().projected && worked[i].projected)
            vd.crossover = crossoverOf(worked.front().projection, worked[i].projection, b.name, v.name);
        cmp.deltas.push_back(std::move(vd));
    }
    return cmp;
}

}  // namespace sw::whatif
