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

// Each built-in instance type with the largest of its family, indexed once:
// the sensitivity asks for every tier's ceiling hundreds of times.
struct FamilyTop {
    const InstanceType* type;
    const InstanceType* top;
};
const FamilyTop* familyTop(std::string_view name) {
    static const std::unordered_map<std::string_view, FamilyTop> index = [] {
        std::unordered_map<std::string_view, FamilyTop> m;
        const Catalogue& cat = defaultCatalogue();
        for (const InstanceType& t : cat.instance_types) m.emplace(t.name, FamilyTop{&t, largestOfFamily(cat, t)});
        return m;
    }();
    auto it = index.find(name);
    return it == index.end() ? nullptr : &it->second;
}

}  // namespace

std::vector<TierRunway> runway(const Design& design, const Analysis& base, int months) {
    const Workload& wl = design.workload;
    const double target = std::clamp(wl.target_utilization, 0.01, 1.0);
    std::vector<TierRunway> out;
    const double u0 = wl.users;
    for (std::size_t i = 0; i < design.components.size() && i < base.components.size(); ++i) {
        const Component& c = design.components[i];
        if (c.kind == ComponentKind::UserGroup) continue;
        const ComponentResult& r = base.components[i];
        // Ceilings: the designed instance count at the largest size of the family,
        // and for primaries the seed's sharding triggers.
        TierRunway rw;
        rw.id = c.id;
        double perInstance = c.params.capacity_rps;
        std::string size = c.instance_type.empty() ? "as designed" : c.instance_type;
        if (const FamilyTop* ft = familyTop(c.instance_type)) {
            perInstance *= ft->type->vcpu > 0 ? ft->top->vcpu / ft->type->vcpu : 1.0;
            size = ft->top->name;
        }
        rw.limit_rps = r.instances * perInstance * r.stations * target;
        rw.ceiling = analysis::num(r.instances) + " x " + size + (r.stations > 1 ? " per shard" : "") + " at " +
                     analysis::num(target * 100) + " %";
        double storageLimit = 0;
        const bool primary = c.kind == ComponentKind::Database && c.role != DbRole::Replica;
        if (primary) {
            const double seedLimit = kSeedShardWritesPerS * r.stations;
            if (seedLimit < rw.limit_rps) {
                rw.limit_rps = seedLimit;
                rw.ceiling = "seed stage 7: 10,000 writes/s per shard";
            }
            storageLimit = kSeedShardStorageGb * r.stations;
        }
        const double ceilingRps = rw.limit_rps;
        for (int m = 0; m <= months && rw.runout_month < 0; ++m) {
            const double s = u0 > 0 ? usersAt(wl, m) / u0 : 0.0;
            const bool overLoad = r.load_rps * s > ceilingRps * (1 + 1e-12);
            const bool overStorage = storageLimit > 0 && c.params.storage_gb * s > storageLimit;
            if (overLoad || overStorage) {
                rw.runout_month = m;
                if (!overLoad) rw.ceiling = "seed stage 7: 1 TB of data per shard";
            }
        }
        out.push_back(std::move(rw));
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
    const Analysis base = analyze(design, quick);
    const double target = std::clamp(wl.target_utilization, 0.01, 1.0);

    std::vector<std::size_t> tierIndex;
    for (std::size_t i = 0; i < design.components.size(); ++i)
        if (design.components[i].kind != ComponentKind::UserGroup) {
            tierIndex.push_back(i);
            pr.tiers.push_back(design.components[i].id);
        }
    pr.runway = runway(design, base, months);

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
    for (const TierRunway& rw : pr.runway)
        if (rw.runout_month >= 0)
            pr.findings.push_back({Severity::Warning, "runway", rw.id,
                                   "tier '" + rw.id + "' runs out of runway in month " + std::to_string(rw.runout_month) +
                                       " (ceiling " + analysis::num(rw.limit_rps) + " rps: " + rw.ceiling + ")"});
    return pr;
}

}  // namespace sw
