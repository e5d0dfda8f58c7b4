// Each trigger is a comparison of one figure the analysis already computed
// (utilisation, p95, lag, availability, cost) or one input the user gave
// (team size) against a threshold; none derives a new formula.
#include "planner/walkthrough/Triggers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "planner/Growth.h"

namespace sw::walk {

namespace {

std::string fmt(double v, int decimals = 1) {
    if (!std::isfinite(v)) return "unbounded";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string quoted(const Component& c) { return "'" + (c.name.empty() ? c.id : c.name) + "'"; }

WalkTrigger make(std::string metric, std::string subject, double threshold, double value, int month, bool above,
                 std::string sentence) {
    return {std::move(metric), std::move(subject), threshold, value, month, above ? "above" : "below", std::move(sentence)};
}

}  // namespace

std::vector<WalkTrigger> checkTriggers(const StageModel& m, const Design& d, const Analysis& a, double users, int month,
                                       const WalkOptions& o) {
    std::vector<WalkTrigger> out;
    const double target = std::clamp(d.workload.target_utilization, 0.01, 1.0);
    const std::size_t n = std::min(d.components.size(), a.components.size());

    // Capacity of the parts that do not scale out: writes on a primary are
    // answered by sharding, any other load by spreading it (replicas, caches,
    // a balanced tier); so they are two triggers.
    const WalkTrigger* worstUtil = nullptr;
    const WalkTrigger* worstWrites = nullptr;
    std::vector<WalkTrigger> util, writes;
    double worstRunway = std::numeric_limits<double>::infinity();
    std::string runwaySubject;
    for (std::size_t i = 0; i < n; ++i) {
        const Component& c = d.components[i];
        const ComponentResult& r = a.components[i];
        if (c.kind == ComponentKind::UserGroup || m.features.horizontal[i] || r.load_rps <= 0) continue;
        const double capacity = std::max(r.capacity_rps, 1e-12);
        const double writeUtil = isPrimary(c) ? r.write_rps / capacity : 0.0;
        if (writeUtil > target) {
            writes.push_back(make("writes_per_primary", c.id, target * capacity, r.write_rps, month, true,
                                  "primary " + quoted(c) + " takes " + fmt(r.write_rps, 0) + " writes/s at peak, above the " +
                                      fmt(target * capacity, 0) + " writes/s it carries at the " + fmt(target * 100, 0) +
                                      " % target"));
        } else if (r.utilization > target) {
            util.push_back(make("utilization", c.id, target, r.utilization, month, true,
                                "tier " + quoted(c) + " runs at " + fmt(r.utilization * 100) + " % at peak, above the " +
                                    fmt(target * 100, 0) + " % target"));
        } else if (o.runway_months && d.workload.monthly_growth > 0 && r.utilization > 0) {
            const double left = std::log(target / r.utilization) / std::log1p(d.workload.monthly_growth);
            if (left < worstRunway) {
                worstRunway = left;
                runwaySubject = c.id;
            }
        }
    }
    auto worst = [](const std::vector<WalkTrigger>& v) {
        return std::max_element(v.begin(), v.end(), [](const WalkTrigger& x, const WalkTrigger& y) {
            return x.value / x.threshold < y.value / y.threshold;
        });
    };
    if (!util.empty()) worstUtil = &*worst(util);
    if (!writes.empty()) worstWrites = &*worst(writes);
    if (worstUtil) out.push_back(*worstUtil);
    if (worstWrites) out.push_back(*worstWrites);

    // Data per primary (or per shard): seed 004 stage 7, "exceeds 1TB".
    for (std::size_t i = 0; i < n; ++i) {
        const Component& c = d.components[i];
        if (!isPrimary(c)) continue;
        const double gb = dataPerShardGb(m, d, i, users);
        if (gb > kSeedShardStorageGb) {
            out.push_back(make("storage_gb_per_primary", c.id, kSeedShardStorageGb, gb, month, true,
                               "primary " + quoted(c) + " holds " + fmt(gb, 0) + " GB per shard, above " +
                                   fmt(kSeedShardStorageGb, 0) + " GB (1 TB)"));
            break;
        }
    }
    for (const ReplicationResult& r : a.replication) {
        if (r.mode != "async") continue;
        const double lagS = r.unbounded ? std::numeric_limits<double>::infinity() : r.lag_ms / 1000.0;
        if (lagS > kLagLimitS) {
            out.push_back(make("replication_lag_s", r.to, kLagLimitS, lagS, month, true,
                               "replica '" + r.to + "' lags " + (r.unbounded ? std::string("without bound (writes outrun its apply rate)")
                                                                            : fmt(lagS) + " s") +
                                   ", above " + fmt(kLagLimitS, 0) + " s"));
            break;
        }
    }
    bool saturated = false;
    for (const GeographyResult& g : a.geographies) saturated = saturated || g.saturated;
    const double p95 = saturated ? std::numeric_limits<double>::infinity() : a.summary.p95_ms;
    if (p95 > kP95LimitMs)
        out.push_back(make("p95_ms", "", kP95LimitMs, p95, month, true,
                           saturated ? "a tier on the request path is saturated: p95 has no finite value"
                                     : "p95 is " + fmt(p95, 0) + " ms, above " + fmt(kP95LimitMs, 0) + " ms"));
    if (o.slo) {
        const double av = a.summary.availability.availability;
        if (av < *o.slo)
            out.push_back(make("availability", "", *o.slo, av, month, false,
                               "availability " + fmt(av * 100, 3) + " % is below the " + fmt(*o.slo * 100, 3) + " % objective"));
    }
    for (std::size_t i = 0; i < n; ++i) {
        const Component& c = d.components[i];
        if (c.kind == ComponentKind::Cache && c.params.hit_ratio < kCacheHitFloor) {
            out.push_back(make("cache_hit_ratio", c.id, kCacheHitFloor, c.params.hit_ratio, month, false,
                               "cache " + quoted(c) + " hits " + fmt(c.params.hit_ratio * 100, 0) + " % of reads, below " +
                                   fmt(kCacheHitFloor * 100, 0) + " %"));
            break;
        }
    }
    if (o.runway_months && worstRunway < *o.runway_months)
        out.push_back(make("runway_months", runwaySubject, *o.runway_months, worstRunway, month, false,
                           "tier '" + runwaySubject + "' reaches the " + fmt(target * 100, 0) + " % target in " +
                               fmt(worstRunway) + " months, under the " + fmt(*o.runway_months, 0) + "-month runway"));
    if (o.max_cost_per_user_usd && a.cost.per_user > *o.max_cost_per_user_usd)
        out.push_back(make("cost_per_user_usd", "", *o.max_cost_per_user_usd, a.cost.per_user, month, true,
                           "cost per user is $" + fmt(a.cost.per_user, 4) + " a month, above $" +
                               fmt(*o.max_cost_per_user_usd, 4)));
    if (o.team_engineers && *o.team_engineers > kTeamLimit && !m.features.several_services)
        out.push_back(make("team_engineers", "", kTeamLimit, *o.team_engineers, month, true,
                           fmt(*o.team_engineers, 0) + " engineers share one code base, above " + fmt(kTeamLimit, 0)));
    return out;
}

std::vector<std::string> notModelledConditions() {
    return {
        "lines of code (seed: monolith above 500K lines, deploys over 30 min)",
        "slow queries (seed: queries over 100 ms; depends on query plans, not on the load model)",
        "table size (seed: tables over 500M rows)",
        "revenue lost to downtime (seed: 'downtime affects revenue'; give --slo instead)",
        "disk I/O per server (seed: 1K+ writes/s on one disk)",
    };
}

}  // namespace sw::walk
