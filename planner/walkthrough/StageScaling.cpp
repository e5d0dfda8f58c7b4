// Scales a stage to a month's users. Loads are linear in the users (the load
// model routes fractions), so one analysis at the walk's users gives every
// part's load per user; the sizing rule is the engine's instancesForLoad().
#include "planner/walkthrough/StageScaling.h"

#include <algorithm>
#include <cmath>

#include "planner/Growth.h"

namespace sw::walk {

AnalyzeOptions walkAnalyzeOptions(double slo) {
    AnalyzeOptions o;
    o.traces = false;
    o.componentTraces = false;
    o.importance = false;
    o.slo = slo;
    return o;
}

StageModel makeStageModel(const Design& design, bool ownSizing) {
    StageModel m;
    m.base = design;
    m.features = designFeatures(design);
    const std::size_t n = design.components.size();
    m.floor_instances.resize(n);
    m.floor_shards.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const ComponentParams& p = design.components[i].params;
        m.floor_instances[i] = ownSizing ? std::max(1.0, p.instances) : std::clamp(p.instances, 1.0, 2.0);
        m.floor_shards[i] = ownSizing ? std::max(1.0, p.shards) : std::clamp(p.shards, 1.0, 2.0);
    }
    const double users = std::max(design.workload.users, 1.0);
    Design ref = design;
    ref.workload.users = users;
    const Analysis a = analyze(ref, walkAnalyzeOptions(0.999));
    m.load_per_user.assign(n, 0.0);
    m.data_share.assign(n, 0.0);
    double writes = 0;
    for (std::size_t i = 0; i < n && i < a.components.size(); ++i) {
        m.load_per_user[i] = a.components[i].load_rps / users;
        if (isPrimary(design.components[i])) writes += a.components[i].write_rps;
    }
    int primaries = 0;
    for (const Component& c : design.components) primaries += isPrimary(c);
    for (std::size_t i = 0; i < n && i < a.components.size(); ++i)
        if (isPrimary(design.components[i]))
            m.data_share[i] = writes > 0 ? a.components[i].write_rps / writes : 1.0 / std::max(primaries, 1);
    return m;
}

double dataPerShardGb(const StageModel& m, const Design& scaled, std::size_t i, double users) {
    const Workload& w = m.base.workload;
    const double total = users * w.data_per_user_mb / 1000.0;   // as the growth projection counts it
    return total * m.data_share[i] / std::max(1.0, scaled.components[i].params.shards);
}

Design scaleTo(const StageModel& m, double users) {
    Design d = m.base;
    d.workload.users = users;
    const double target = std::clamp(d.workload.target_utilization, 0.01, 1.0);
    const std::size_t n = d.components.size();
    // Primaries first: their replicas follow their shard count.
    for (std::size_t i = 0; i < n; ++i) {
        Component& c = d.components[i];
        if (!isPrimary(c)) continue;
        if (m.features.horizontal[i]) {
            const double load = m.load_per_user[i] * users;
            const double perShard = std::max(c.params.capacity_rps, 1e-9) * std::max(1.0, c.params.instances);
            c.params.shards = 1;
            const double byData = std::ceil(dataPerShardGb(m, d, i, users) / kSeedShardStorageGb - 1e-9);
            c.params.shards = std::max({m.floor_shards[i], instancesForLoad(load, perShard, target), byData});
        }
        c.params.storage_gb = std::max(c.params.storage_gb, dataPerShardGb(m, d, i, users));
    }
    for (std::size_t i = 0; i < n; ++i) {
        Component& c = d.components[i];
        if (!m.features.horizontal[i] || isPrimary(c) || c.kind == ComponentKind::UserGroup) continue;
        double stations = 1;
        if (c.kind == ComponentKind::Database) {
            const int p = m.features.primary_of[i];
            if (p >= 0 && m.features.horizontal[static_cast<std::size_t>(p)]) {
                const Component& primary = d.components[static_cast<std::size_t>(p)];
                c.params.shards = primary.params.shards;
                c.params.storage_gb = std::max(c.params.storage_gb, primary.params.storage_gb);
            }
            stations = std::max(1.0, c.params.shards);
        }
        const double load = m.load_per_user[i] * users / stations;
        c.params.instances = std::max(m.floor_instances[i], instancesForLoad(load, c.params.capacity_rps, target));
    }
    return d;
}

}  // namespace sw::walk
