// Capacity and queueing per tier: each component is an M/M/c station (one per
// shard) whose servers are its instances times their concurrency.
#include <algorithm>
#include <cmath>
#include <limits>

#include "model/Limits.h"
#include "planner/Growth.h"
#include "planner/Queueing.h"
#include "planner/analysis/Passes.h"

namespace sw::analysis {

namespace {

std::string label(const Component& c) { return c.name.empty() || c.name == c.id ? "'" + c.id + "'" : "'" + c.name + "' (" + c.id + ")"; }

}  // namespace

void computeCapacity(const Context& ctx, const LoadModel& load, Analysis& out, Tracer&) {
    const Workload& wl = ctx.design.workload;
    const double target = std::clamp(wl.target_utilization, 0.01, 1.0);
    const std::size_t n = ctx.design.components.size();
    out.components.resize(n);
    double worst = -1;
    for (std::size_t i = 0; i < n; ++i) {
        const Component& c = ctx.design.components[i];
        ComponentResult& r = out.components[i];
        r.id = c.id;
        if (ctx.compRegion[i] >= 0) r.region = ctx.design.regions[static_cast<std::size_t>(ctx.compRegion[i])].id;
        r.read_rps = load.read[i];
        r.write_rps = load.write[i];
        r.load_rps = r.read_rps + r.write_rps;
        if (c.kind == ComponentKind::UserGroup) {
            r.instances = 0;
            r.headroom = std::numeric_limits<double>::infinity();
            continue;
        }
        const ComponentParams& p = c.params;
        const double shards = c.kind == ComponentKind::Database ? std::max(1.0, std::round(p.shards)) : 1.0;
        const double instances = std::max(1.0, std::round(p.instances));
        const double conc = concurrencyPerInstance(p);
        const double perInstance = std::max(p.capacity_rps, 1e-9);
        const double mu = perInstance / conc;   // per server, 1/s: c mu = instances x capacity
        const double lambda = r.load_rps / shards;
        r.instances = instances;
        r.stations = shards;
        r.servers = instances * conc;
        r.capacity_rps = instances * perInstance * shards;
        r.utilization = r.load_rps / r.capacity_rps;
        r.saturated = r.utilization >= 1.0;
        r.instances_needed = instancesForLoad(lambda, perInstance, target);
        r.instances_required = std::max(1.0, std::floor(lambda / perInstance) + 1.0);
        r.headroom = r.load_rps > 0 ? r.capacity_rps / r.load_rps - 1.0 : std::numeric_limits<double>::infinity();

        // The exact M/M/c counts servers in an int. Past that, Halfin and
        // Whitt's heavy-traffic limit says how far from waiting the station
        // is: with beta = (1 - rho) sqrt(c), C ~ phi(beta) / (beta Phi(beta)),
        // below 1e-15 for beta >= 8, so W is the exponential service time
        // (the closed forms below). Only a station that close to saturation
        // (within 8 / sqrt(c) of rho = 1) is left uncomputed, with a finding:
        // never a capped station that looks saturated at 0 ms.
        const bool beyondExact = r.servers > limits::kQueueServers;
        const double beta = (1.0 - lambda / (r.servers * mu)) * std::sqrt(r.servers);
        const MmcResult q = beyondExact ? MmcResult{} : mmc(lambda, mu, static_cast<int>(r.servers));
        if (beyondExact && !r.saturated && beta >= 8) {
            r.wq_ms = 0;
            r.w_ms = 1000.0 / mu;
            r.p50_ms = std::log(2.0) / mu * 1000.0;
            r.p95_ms = std::log(20.0) / mu * 1000.0;
        } else if (beyondExact && !r.saturated) {
            r.wq_ms = r.w_ms = r.p50_ms = r.p95_ms = std::numeric_limits<double>::quiet_NaN();
            out.findings.push_back({Severity::Error, "server_limit", c.id,
                                    "tier " + label(c) + " has " + num(r.servers) +
                                        " servers per station (instances x capacity x service time), more than the "
                                        "exact queueing model's limit of " + num(limits::kQueueServers) +
                                        ", and runs within " + num(8 / std::sqrt(r.servers) * 100) +
                                        " % of saturation, where the heavy-traffic limit is not exact; its waiting "
                                        "and response times are not computed"});
        } else if (!beyondExact && !q.saturated) {
            r.wq_ms = q.wq * 1000.0;
            r.w_ms = q.w * 1000.0;
            // With a negligible chance of waiting (C < 1e-12) W is the
            // exponential service time to within C: its quantiles are closed
            // form, which spares two root solves per idle tier.
            if (q.erlang_c < 1e-12) {
                r.p50_ms = std::log(2.0) / mu * 1000.0;
                r.p95_ms = std::log(20.0) / mu * 1000.0;
            } else {
                r.p50_ms = mmcResponseQuantile(q, 0.5) * 1000.0;
                r.p95_ms = mmcResponseQuantile(q, 0.95) * 1000.0;
            }
        }
        if (r.utilization > worst && r.load_rps > 0) {
            worst = r.utilization;
            out.summary.bottleneck = c.id;
            out.summary.headroom = r.headroom;
        }

        if (r.saturated) {
            out.summary.saturated = true;
            out.summary.saturated_tiers.push_back(c.id);
            out.findings.push_back(
                {Severity::Error, "saturated", c.id,
                 "tier " + label(c) + " is saturated: " + num(r.load_rps) + " rps offered, capacity " +
                     num(r.capacity_rps) + " rps (utilisation " + num(r.utilization * 100) + " %); it needs " +
                     num(r.instances_needed) + " instances" + (shards > 1 ? " per shard" : "") + " at " +
                     num(target * 100) + " %"});
        } else if (r.utilization > target) {
            out.findings.push_back({Severity::Warning, "over_target", c.id,
                                    "tier " + label(c) + " runs at " + num(r.utilization * 100) +
                                        " %, above the target " + num(target * 100) + " %; it needs " +
                                        num(r.instances_needed) + " instances" + (shards > 1 ? " per shard" : "")});
        }
    }
}

}  // namespace sw::analysis
