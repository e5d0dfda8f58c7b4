// Replication: async lag as one-way delay plus an M/M/1 apply queue, the write
// rate at which it grows without bound, sync and quorum commit latency (the
// round trip plus the replica's apply), staleness bound and RPO; findings at
// the seeds' thresholds.
#include <algorithm>
#include <cmath>
#include <limits>

#include "planner/FailoverRule.h"
#include "planner/ReplicationCurve.h"
#include "planner/analysis/Passes.h"

namespace sw::analysis {

namespace {

constexpr double kLagAlertS = 5;      // seed 004: "Alert threshold: >5 seconds"

// Mean time the replica takes to apply one write: the M/M/1 apply sojourn
// 1/(mu - lambda); infinite when writes arrive as fast as it applies them.
double applySojournMs(const Context& ctx, const LoadModel& load, int replicaLink) {
    const Component& dst = ctx.comp(ctx.linkTo[static_cast<std::size_t>(replicaLink)]);
    const double mu = dst.params.apply_rate_wps > 0 ? dst.params.apply_rate_wps : dst.params.capacity_rps;
    const double streams = dst.kind == ComponentKind::Database ? std::max(1.0, std::round(dst.params.shards)) : 1.0;
    const double lambda = load.linkRps[static_cast<std::size_t>(replicaLink)] / streams;
    if (lambda >= mu * (1 - 1e-12)) return std::numeric_limits<double>::infinity();
    return 1000.0 / (mu - lambda);
}

double rttBetween(const Context& ctx, const Analysis& out, int a, int b, const Link& link) {
    const int ra = ctx.compRegion[static_cast<std::size_t>(a)], rb = ctx.compRegion[static_cast<std::size_t>(b)];
    if (ra < 0 || rb < 0 || ra == rb) return ctx.zoneHopRttMs(a, b) + link.params.extra_latency_ms;
    const double floor = out.latency.floor_ms[static_cast<std::size_t>(ra)][static_cast<std::size_t>(rb)];
    if (link.params.extra_latency_ms > 0 && link.params.extra_latency_ms >= floor) return link.params.extra_latency_ms;
    return out.latency.modelled_ms[static_cast<std::size_t>(ra)][static_cast<std::size_t>(rb)];
}

}  // namespace

void computeReplication(const Context& ctx, const LoadModel& load, Analysis& out, Tracer& tr) {
    const Design& d = ctx.design;
    out.replication.clear();
    for (std::size_t l = 0; l < d.links.size(); ++l) {
        const Link& link = d.links[l];
        if (link.kind != LinkKind::Replication || ctx.linkFrom[l] < 0) continue;
        const int s = ctx.linkFrom[l], t = ctx.linkTo[l];
        const Component& src = ctx.comp(s);
        const Component& dst = ctx.comp(t);
        ReplicationResult rr;
        rr.link = link.id;
        rr.from = src.id;
        rr.to = dst.id;
        rr.mode = std::string(linkModeKey(link.mode));
        rr.write_rps = load.linkRps[l];
        const double rtt = rttBetween(ctx, out, s, t, link);
        rr.network_one_way_ms = rtt / 2;
        rr.apply_rate_wps = dst.params.apply_rate_wps > 0 ? dst.params.apply_rate_wps : dst.params.capacity_rps;
        // A sharded replica applies each shard's writes in its own stream.
        const double streams = dst.kind == ComponentKind::Database ? std::max(1.0, std::round(dst.params.shards)) : 1.0;
        const double mu = rr.apply_rate_wps, lambda = rr.write_rps / streams;
        rr.saturating_write_rps = mu * streams;
        // M/M/1 apply queue: sojourn is exponential with rate mu - lambda.
        const double asyncLag = asyncLagMs(rr.network_one_way_ms, mu, streams, rr.write_rps);
        rr.unbounded = !std::isfinite(asyncLag);
        if (!rr.unbounded) {
            const double sojournMs = 1000.0 / (mu - lambda);
            rr.lag_ms = link.mode == LinkMode::Sync ? 0.0 : asyncLag;
            rr.staleness_bound_ms =
                link.mode == LinkMode::Sync ? 0.0 : rr.network_one_way_ms + sojournMs * std::log(20.0);
        }
        if (link.mode == LinkMode::Sync) {
            // The replica acknowledges once it has applied the write.
            rr.commit_latency_ms = rtt + applySojournMs(ctx, load, static_cast<int>(l));
            rr.rpo_s = 0;
        } else if (link.mode == LinkMode::Quorum) {
            // The W-th fastest acknowledgement among the primary's quorum replicas.
            std::vector<double> acks;
            for (int q : ctx.replOut[static_cast<std::size_t>(s)])
                if (ctx.link(q).mode == LinkMode::Quorum)
                    acks.push_back(rttBetween(ctx, out, s, ctx.linkTo[static_cast<std::size_t>(q)], ctx.link(q)) +
                                   applySojournMs(ctx, load, q));
            // W counts the primary's own write (as MongoDB's w and Raft's
            // majority do): it waits for W - 1 replica acknowledgements.
            std::sort(acks.begin(), acks.end());
            const double needed = std::max(0.0, std::round(src.params.write_quorum) - 1);
            const std::size_t w = static_cast<std::size_t>(std::min(needed, static_cast<double>(acks.size())));
            rr.commit_latency_ms = w == 0 ? 0.0 : acks[w - 1];
            rr.rpo_s = 0;
            if (needed > static_cast<double>(acks.size()))
                out.findings.push_back({Severity::Error, "quorum_too_large", src.id,
                                        "'" + src.id + "' waits for " + num(src.params.write_quorum) +
                                            " acknowledgements (itself and " + num(needed) + " replica(s)) but has " +
                                            std::to_string(acks.size()) + " quorum replica(s): writes cannot commit"});
        } else {
            rr.rpo_s = rr.unbounded ? 0.0 : rr.staleness_bound_ms / 1000.0;
        }
        if (tr.on()) {
            tr.add(link.id + ".lag_ms", "one-way delay + M/M/1 apply sojourn 1/(mu - lambda)",
                   "one-way=" + num(rr.network_one_way_ms) + " ms, mu=" + num(mu) + " writes/s, lambda=" + num(lambda) +
                       " writes/s" + (rr.unbounded ? " (lambda >= mu: unbounded)" : ""),
                   rr.lag_ms);
            if (link.mode != LinkMode::Async)
                tr.add(link.id + ".commit_latency_ms",
                       link.mode == LinkMode::Sync
                           ? "RTT to the replica (zone-to-zone inside a region) + its apply sojourn 1/(mu - lambda)"
                           : "(W-1)-th fastest replica acknowledgement: RTT + apply sojourn (the primary is one of W)",
                       "W=" + num(src.params.write_quorum) + ", RTT=" + num(rtt) + " ms", rr.commit_latency_ms);
        }
        if (rr.unbounded) {
            out.findings.push_back({Severity::Error, "unbounded_lag", link.id,
                                    "replica '" + dst.id + "' applies at most " + num(mu) + " writes/s but receives " +
                                        num(lambda) + " writes/s: its lag grows without bound (saturates at " + num(mu) +
                                        " writes/s)"});
        } else if (rr.lag_ms > kReplicaLagReadLimitS * 1000) {
            out.findings.push_back({Severity::Error, "lag_over_read_limit", link.id,
                                    "replica '" + dst.id + "' lags " + num(rr.lag_ms / 1000) + " s, beyond the " +
                                        num(kReplicaLagReadLimitS) +
                                        " s at which its reads go to the primary (promoting it would lose as many seconds of writes)"});
        } else if (rr.lag_ms > kLagAlertS * 1000) {
            out.findings.push_back({Severity::Warning, "lag_alert", link.id,
                                    "replica '" + dst.id + "' lags " + num(rr.lag_ms / 1000) + " s, over the 5 s alert threshold"});
        }
        // Promotion after the primary fails: its detection window plus its own
        // failover_s (the promotion time FailoverRule.h and the simulator use),
        // against RDS Multi-AZ's documented 60-120 s (FailoverRule.h).
        const double failover = src.params.health_check_interval_s * src.params.unhealthy_threshold + src.params.failover_s;
        if (dst.kind == ComponentKind::Database && link.mode != LinkMode::Sync && isPromotable(dst, link) && failover > kFailoverTargetS)
            out.findings.push_back({Severity::Warning, "slow_failover", dst.id,
                                    "promoting '" + dst.id + "' takes " + num(failover) + " s (detection of '" + src.id +
                                        "' + its failover_s), over the " + num(kFailoverTargetS) +
                                        " s failover target (RDS Multi-AZ: 60-120 s)"});
        out.replication.push_back(std::move(rr));
    }
}

}  // namespace sw::analysis
