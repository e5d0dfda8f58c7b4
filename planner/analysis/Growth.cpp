// The growth projection: the design re-analysed month by month with its users
// grown, each tier given the instances its load needs (never fewer than the
// design has), and each tier's ceiling (largest instance of its family, seed
// stage limits) checked.
#include "planner/Growth.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "model/Catalogue.h"
#include "planner/Analysis.h"
#include "planner/analysis/TraceFormat.h"

namespace sw {

double usersAt(const Workload& w, double month) {
    const double u0 = w.users, g = w.monthly_growth;
    if (w.user_ceiling > 0 && w.user_ceiling > u0 && u0 > 0) {
        const double K = w.user_ceiling, r = std::log1p(g);
        return K / (1 + (K - u0) / u0 * std::exp(-r * month));
    }
    return u0 * std::pow(1 + g, month);
}

double instancesForLoad(double rps, double perInstanceRps, double target) {
    return std::max(1.0, std::ceil(rps / (std::max(perInstanceRps, 1e-9) * target) - 1e-9));
}

namespace {

// The largest catalogue instance of the same provider and family.
const InstanceType* largestOfFamily(const Catalogue& cat, const InstanceType& t) {
    const InstanceType* best = &t;
    for (const InstanceType& x : cat.instance_types)
        if (x.provider == t.provider && x.family == t.family && x.vcpu > best->vcpu) best = &x;
    return best;
}

}  // namespace

std::vector<TierRunway> runwayOf(const Design& design, const Analysis& base, int months) {
    const Catalogue& cat = defaultCatalogue();
    const Workload& wl = design.workload;
    const double target = std::clamp(wl.target_utilization, 0.01, 1.0);
    const double u0 = wl.users;
    // Once per design, not per tier: the growth factor of each month and the
    // largest size of each family in use (analyze() runs this on every edit).
    std::vector<double> scale(static_cast<std::size_t>(std::max(months, 0)) + 1);
    for (std::size_t m = 0; m < scale.size(); ++m) scale[m] = u0 > 0 ? usersAt(wl, static_cast<double>(m)) / u0 : 0.0;
    struct Sizes {
        const InstanceType* type = nullptr;
        const InstanceType* top = nullptr;
    };
    std::unordered_map<std::string_view, Sizes> sizes;   // instance type name -> it and its family's largest
    std::vector<TierRunway> out;
    for (std::size_t i = 0; i < design.components.size() && i < base.components.size(); ++i) {
        const Component& c = design.components[i];
        if (c.kind == ComponentKind::UserGroup) continue;
        const ComponentResult& r = base.components[i];
        // Ceilings: the designed instance count at the largest size of the
        // family, and for primaries the seed's data trigger (1 TB per shard).
        TierRunway rw;
        rw.id = c.id;
        double perInstance = c.params.capacity_rps;
        std::string size = c.instance_type.empty() ? "as designed" : c.instance_type;
        auto [slot, fresh] = sizes.try_emplace(c.instance_type);
        if (fresh && (slot->second.type = cat.findInstanceType(c.instance_type)))
            slot->second.top = largestOfFamily(cat, *slot->second.type);
        if (const InstanceType* it = slot->second.type) {
            const InstanceType* top = slot->second.top;
            perInstance *= it->vcpu > 0 ? top->vcpu / it->vcpu : 1.0;
            size = top->name;
        }
        rw.limit_rps = r.instances * perInstance * r.stations * target;
        // "3 x c5.18xlarge", or for a tier with no catalogue type "3 instances as designed".
        const std::string count = size == "as designed" ? analysis::num(r.instances) + (r.instances == 1 ? " instance " : " instances ")
                                                        : analysis::num(r.instances) + " x ";
        rw.ceiling = count + size + (r.stations > 1 ? " per shard" : "") + " at " +
                     analysis::num(target * 100) + " % utilisation";
        const bool primary = c.kind == ComponentKind::Database && c.role != DbRole::Replica;
        if (primary) rw.limit_storage_gb = kSeedShardStorageGb * r.stations;
        for (int m = 0; m <= months && (rw.load_runout_month < 0 || rw.storage_runout_month < 0); ++m) {
            const double s = scale[static_cast<std::size_t>(m)];
            if (rw.load_runout_month < 0 && r.load_rps * s > rw.limit_rps * (1 + 1e-12)) rw.load_runout_month = m;
            if (rw.storage_runout_month < 0 && rw.limit_storage_gb > 0 && c.params.storage_gb * s > rw.limit_storage_gb)
                rw.storage_runout_month = m;
            if (rw.limit_storage_gb <= 0 && rw.load_runout_month >= 0) break;
        }
        const int a = rw.load_runout_month, b = rw.storage_runout_month;
        rw.runout_month = a < 0 ? b : b < 0 ? a : std::min(a, b);
        out.push_back(std::move(rw));
    }
    return out;
}

std::vector<Finding> runwayFindings(const Design& design, const std::vector<TierRunway>& runway) {
    std::vector<Finding> out;
    std::unordered_map<std::string_view, const Component*> byId;   // a lookup per tier, not a scan
    for (const TierRunway& rw : runway)
        if (rw.load_runout_month >= 0 || rw.storage_runout_month >= 0) byId.emplace(rw.id, nullptr);
    if (!byId.empty())
        for (const Component& c : design.components)
            if (auto it = byId.find(c.id); it != byId.end() && !it->second) it->second = &c;
    for (const TierRunway& rw : runway) {
        if (rw.load_runout_month < 0 && rw.storage_runout_month < 0) continue;
        const Component* c = byId[rw.id];
        const std::string who = c && !c->name.empty() && c->name != c->id ? "'" + c->name + "' (" + c->id + ")" : "'" + rw.id + "'";
        if (rw.load_runout_month >= 0)
            out.push_back({Severity::Warning, "runway", rw.id,
                           "tier " + who + " runs out of runway in month " + std::to_string(rw.load_runout_month) +
                               ": its peak load passes " + analysis::num(rw.limit_rps) + " rps (ceiling: " + rw.ceiling + ")"});
        if (rw.storage_runout_month >= 0)
            out.push_back({Severity::Warning, "runway_storage", rw.id,
                           "tier " + who + " runs out of runway in month " + std::to_string(rw.storage_runout_month) +
                               ": its data passes " + analysis::num(rw.limit_storage_gb) +
                               " GB (ceiling: seed stage 7, shard beyond 1 TB per primary)"});
    }
    return out;
}

int runwayMonth(const std::vector<TierRunway>& tiers) {
    int first = -1;
    for (const TierRunway& rw : tiers)
        if (rw.runout_month >= 0 && (first < 0 || rw.runout_month < first)) first = rw.runout_month;
    return first;
}

Result<Projection> project(const Design& design, int months) {
    if (months < 1 || months > kMaxProjectionMonths)
        return Result<Projection>::failure("months must be between 1 and " + std::to_string(kMaxProjectionMonths) +
                                           ", got " + std::to_string(months));
    const Workload& wl = design.workload;
    Projection pr;
    pr.model = wl.user_ceiling > 0 && wl.user_ceiling > wl.users ? "logistic" : "compound";
    AnalyzeOptions quick;
    quick.traces = false;
    quick.importance = false;
    quick.runway_months = 0;   // the projection computes its own, over its horizon
    const Analysis base = analyze(design, quick);
    const double target = std::clamp(wl.target_utilization, 0.01, 1.0);

    std::vector<std::size_t> tierIndex;
    for (std::size_t i = 0; i < design.components.size(); ++i)
        if (design.components[i].kind != ComponentKind::UserGroup) {
            tierIndex.push_back(i);
            pr.tiers.push_back(design.components[i].id);
        }
    pr.runway = runwayOf(design, base, months);

    const double u0 = wl.users;
    for (int m = 0; m <= months; ++m) {
        ProjectionMonth pm;
        pm.month = m;
        pm.users = usersAt(wl, m);
        const double s = u0 > 0 ? pm.users / u0 : 0.0;
        Design dm = design;
        dm.workload.users = pm.users;
        pm.instances.resize(tierIndex.size());
        for (std::size_t t = 0; t < tierIndex.size(); ++t) {
            const ComponentResult& r = base.components[tierIndex[t]];
            Component& c = dm.components[tierIndex[t]];
            const double lambda = r.load_rps * s / std::max(1.0, r.stations);
            const double needed = instancesForLoad(lambda, c.params.capacity_rps, target);
            pm.instances[t] = std::max(r.instances, needed);
            c.params.instances = pm.instances[t];
            c.params.storage_gb *= s;
        }
        const Analysis am = analyze(dm, quick);
        pm.peak_rps = am.summary.peak_rps;
        pm.cost_per_month_usd = am.cost.total;
        pm.bandwidth_gb_per_month = am.cost.egress_gb_per_month + am.cost.cdn_gb_per_month;
        pm.storage_gb = pm.users * wl.data_per_user_mb / 1000.0;
        pr.months.push_back(std::move(pm));
    }
    pr.findings = runwayFindings(design, pr.runway);
    return pr;
}

}  // namespace sw
