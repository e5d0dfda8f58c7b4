// The representative-instance method: each symmetric group (the instances
// behind one balancer) is simulated as a single instance fed its share of the
// traffic; once a second, end-to-end requests are composed by walking the
// call graph and drawing each hop's outcome and sojourn time from what that
// representative saw in the same second. Counts are scaled back up to the
// offered rate. docs/simulator.md explains the method and its measured error.
#include <algorithm>
#include <cmath>

#include "planner/Queueing.h"
#include "planner/sim/Replicate.h"

namespace sw::sim {

void Replicate::setRepresentativeRates(double now) {
    if (!primed_) {
        // Visit ratios before anything has happened: compose once on an idle system.
        Second scratch;
        composeSecond(scratch, 0);
        for (Breaker& b : breakers_) b.calls = b.failures = 0;
        primed_ = true;
    }
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const SimNode& n = m_.nodes[i];
        NodeState& ns = nodes_[i];
        if (!n.station) continue;
        // The balancer spreads the node's traffic over the instances it trusts,
        // dead ones included until the health checks notice.
        const double perInstance = ns.in_rotation > 0 ? rate_ * ns.visits / ns.in_rotation : 0;
        // A very wide instance (thousands of servers at hundreds of thousands
        // of requests a second) is simulated as a slice: fewer servers fed the
        // same share of traffic per server, so utilisation is unchanged.
        double slice = 1;
        if (perInstance > kMaxRepRate && n.concurrency > kMinSliceServers)
            slice = std::max(double(kMinSliceServers) / n.concurrency, kMaxRepRate / perInstance);
        ns.rep_servers = std::max(1, static_cast<int>(std::lround(n.concurrency * slice)));
        slice = double(ns.rep_servers) / n.concurrency;
        // A slice of s of the c servers at the same utilisation waits more
        // often (Erlang C of s > of c) and 1/slice times longer. Keeping a
        // slice wait with probability C_c / C_s and scaling it by s / c gives
        // the full instance's wait distribution, P(wait) = C_c and
        // wait | waited ~ Exp(c mu - lambda), in the steady state.
        ns.wait_keep = 1;
        ns.wait_scale = 1;
        if (ns.rep_servers < n.concurrency && perInstance > 0) {
            const double mu = 1 / n.service_s;
            const MmcResult full = mmc(perInstance, mu, n.concurrency);
            const MmcResult part = mmc(perInstance * slice, mu, ns.rep_servers);
            if (!full.saturated && !part.saturated && part.erlang_c > 0) {
                ns.wait_keep = std::min(1.0, full.erlang_c / part.erlang_c);
                ns.wait_scale = slice;
            }
        }
        ns.rep_shed = static_cast<std::uint32_t>(std::max(1.0, std::ceil(ns.shed_limit * slice)));
        ns.source_gen = (ns.source_gen + 1) & 0xffffffu;
        ns.rate = ns.alive > 0 ? perInstance * slice : 0;
        if (ns.rate > 0)
            queue_.push(now + rng_.exponential(1 / ns.rate), makeTag(kRepSource, ns.source_gen),
                        static_cast<std::uint32_t>(i));
    }
}

// One composed request: its attempts (with retries and backoff) and, per
// attempt, a depth-first walk of the calls it makes.
void Replicate::walk(double& latency, Outcome& outcome, bool write, std::uint32_t entry) {
    double elapsed = 0;
    std::uint32_t key = kNone;   // hash-sharding key: every attempt asks the same shard
    for (int attempt = 0;; ++attempt) {
        double t = 0;
        Outcome o = kOk;
        std::uint32_t stack[kMaxStack];
        std::uint8_t depth = 0;
        std::uint32_t node = entry;
        std::uint32_t via = kNone;
        for (;;) {
            if (key == kNone && m_.nodes[node].shards > 1) key = rng_.below(kNone);
            node = static_cast<std::uint32_t>(resolveTarget(static_cast<int>(node), write, key));
            if (key == kNone && m_.nodes[node].shards > 1) key = rng_.below(kNone);
            NodeState& ns = nodes_[node];
            const SimNode& n = m_.nodes[node];
            ns.visits_now += 1;
            if (write) ns.write_visits += 1;
            if (n.station) {
                const double arrivals = ns.arrivals;
                const double seen = ns.ok + ns.errors + ns.timeouts + ns.rejections;
                // A sharded database: only the key's shard can answer.
                const std::size_t shard = n.shards > 1 ? key % static_cast<std::uint32_t>(n.shards) : 0;
                const int inRotation = n.shards > 1 ? static_cast<int>(ns.shard_rotation[shard].size()) : ns.in_rotation;
                const int dead = n.shards > 1 ? ns.shard_dead[shard] : ns.dead_in_rotation;
                if (inRotation == 0 || (dead > 0 && rng_.below(static_cast<std::uint32_t>(inRotation)) <
                                                        static_cast<std::uint32_t>(dead))) {
                    o = kError;
                } else if (seen > 0 && arrivals > 0) {
                    const double u = rng_.uniform() * seen;
                    if (u < ns.rejections) o = kRejected;
                    else if (u < ns.rejections + ns.errors) o = kError;
                    else if (u < ns.rejections + ns.errors + ns.timeouts) o = kTimedOut;
                } else if (ns.error_rate > 0 && rng_.chance(ns.error_rate)) {
                    o = kError;
                }
                if (o == kTimedOut) t = timeout_s_;
                if (o != kOk) break;
                if (!ns.sojourn.empty()) t += ns.sojourn[rng_.below(static_cast<std::uint32_t>(ns.sojourn.size()))];
                else   // nothing finished this second: estimate from the backlog
                    t += (double(inst_[ns.rep].queue.count) / ns.rep_servers + 1) * n.service_s + ns.extra_latency_s;
            }
            if (!pushCalls(node, write, stack, depth)) {
                o = kError;
                break;
            }
            // Next synchronous call; async calls only load their target.
            bool next = false;
            while (depth > 0) {
                const std::uint32_t l = stack[--depth];
                const SimLink& L = m_.links[l];
                if (L.async) {
                    if (!degraded_) nodes_[L.to].visits_now += 1;
                    continue;
                }
                if (breakerBlocks(l)) {
                    via = kNone;
                    o = kError;
                    break;
                }
                breakers_[l].calls += walk_weight_;
                via = l;
                t += L.latency_s + link_extra_s_[l];
                node = L.to;
                next = true;
                break;
            }
            if (o != kOk || !next) break;
        }
        if (o == kOk && t > timeout_s_) {
            o = kTimedOut;
            t = timeout_s_;
        }
        if (o != kOk && via != kNone) breakers_[via].failures += walk_weight_;
        elapsed += t;
        if (o == kOk || attempt >= pol_.retries) {
            latency = elapsed;
            outcome = o;
            return;
        }
        walk_retries_ += 1;
        elapsed += backoff(attempt);
    }
}

void Replicate::composeSecond(Second& s, double offered) {
    const int walks = std::max(1, opt_.walks_per_second);
    walk_weight_ = offered / walks;
    walk_retries_ = 0;
    for (NodeState& ns : nodes_) ns.visits_now = ns.write_visits = 0;
    double ok = 0, errors = 0, timeouts = 0, rejections = 0;
    for (int k = 0; k < walks; ++k) {
        const std::uint32_t entry = pickEntry();
        const bool write = rng_.chance(1 - m_.read_fraction);
        double latency = 0;
        Outcome o = kOk;
        walk(latency, o, write, entry);
        switch (o) {
            case kOk:
                ok += 1;
                if (walk_weight_ > 0) {
                    secondHist_.add(latency * 1000.0, walk_weight_);
                    if (measuring_) runHist_.add(latency * 1000.0, walk_weight_);
                }
                break;
            case kError: errors += 1; break;
            case kTimedOut: timeouts += 1; break;
            case kRejected: rejections += 1; break;
        }
    }
    s.offered = offered;
    s.throughput = ok * walk_weight_;
    s.errors = errors * walk_weight_;
    s.timeouts = timeouts * walk_weight_;
    s.rejections = rejections * walk_weight_;
    s.retries = walk_retries_ * walk_weight_;
    for (NodeState& ns : nodes_) {
        ns.visits = ns.visits_now / walks;
        ns.write_arrivals = ns.write_visits * walk_weight_;
    }
}

}  // namespace sw::sim
