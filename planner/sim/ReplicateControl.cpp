// The control plane, run once a simulated second: scenario failures start
// and recover, health checks catch up with dead and revived instances,
// databases fail over, replicas lag and catch up, circuit breakers open and
// probe, the autoscaler adds and removes instances, and the second's sample
// (with its operating mode and the chaos-experiment checks) is closed.
#include <algorithm>
#include <cmath>

#include "planner/sim/Replicate.h"

namespace sw::sim {

void Replicate::tick(int second) {
    now_ = second;
    if (second > 0) closeSecond(second - 1);
    if (second >= static_cast<int>(std::ceil(m_.duration_s))) return;
    measuring_ = second >= opt_.warmup_s;
    applyTimeline(now_);
    updateRotations(now_);
    updateFailover(now_);
    updateLag();
    updateBreakers();
    autoscale(now_);
    updateRotations(now_);
    rate_ = m_.rateAt(now_);
    if (representative_) setRepresentativeRates(now_);
    else scheduleArrivals();
}

void Replicate::applyTimeline(double now) {
    while (timeline_next_ < m_.timeline.size() && m_.timeline[timeline_next_].time <= now) {
        const TimedFailure& t = m_.timeline[timeline_next_++];
        if (t.start) {
            active_[t.event] = 1;
            first_failure_ = std::min(first_failure_, now);
            applyFailure(t.event, +1, now);
        } else if (active_[t.event]) {
            active_[t.event] = 0;
            applyFailure(t.event, -1, now);
        }
    }
}

void Replicate::zoneOutage(int z, int sign, double now) {
    const int region = m_.zone_region[static_cast<std::size_t>(z)];
    for (std::size_t i = 0; i < m_.nodes.size(); ++i) {
        const SimNode& n = m_.nodes[i];
        if (!n.station) continue;
        if (n.zone == z) nodes_[i].outages += sign;
        else if (n.zone < 0 && region >= 0 && n.region == region) {
            // Region-wide components spread their instances over the region's zones.
            const int zones = std::max(1, m_.zones_per_region[region]);
            nodes_[i].killed += sign * static_cast<int>(std::ceil(double(n.instances) / zones));
        } else continue;
        reconcile(static_cast<int>(i), now);
    }
}

void Replicate::regionOutage(int r, int sign, double now) {
    for (std::size_t i = 0; i < m_.nodes.size(); ++i)
        if (m_.nodes[i].station && m_.nodes[i].region == r) {
            nodes_[i].outages += sign;
            reconcile(static_cast<int>(i), now);
        }
}

void Replicate::applyFailure(int index, int sign, double now) {
    const FailureEvent& e = m_.scenario.failures[index];
    auto node = [&](const std::string& id) {
        for (std::size_t i = 0; i < m_.nodes.size(); ++i)
            if (m_.nodes[i].id == id) return static_cast<int>(i);
        return -1;
    };
    switch (e.kind) {
        case FailureKind::KillInstances:
        case FailureKind::KillPercent: {
            const int n = node(e.target);
            if (sign > 0)
                applied_[index] = e.kind == FailureKind::KillInstances
                                      ? e.count
                                      : std::ceil(nodes_[n].provisioned * e.percent / 100.0 - 1e-9);
            nodes_[n].killed += sign * static_cast<int>(applied_[index]);
            reconcile(n, now);
            break;
        }
        case FailureKind::ZoneOutage: {
            const auto z = std::find(m_.zone_ids.begin(), m_.zone_ids.end(), e.target) - m_.zone_ids.begin();
            zoneOutage(static_cast<int>(z), sign, now);
            break;
        }
        case FailureKind::RegionOutage: {
            const auto r = std::find(m_.region_ids.begin(), m_.region_ids.end(), e.target) - m_.region_ids.begin();
            regionOutage(static_cast<int>(r), sign, now);
            break;
        }
        case FailureKind::Latency: {
            const int n = node(e.target);
            if (n >= 0) {
                nodes_[n].extra_latency_s = std::max(0.0, nodes_[n].extra_latency_s + sign * e.latency_ms / 1000.0);
            } else {
                for (std::size_t l = 0; l < m_.links.size(); ++l)
                    if (m_.links[l].design_link >= 0 && linkId(m_.links[l].design_link) == e.target)
                        link_extra_s_[l] = std::max(0.0, link_extra_s_[l] + sign * e.latency_ms / 1000.0);
            }
            break;
        }
        case FailureKind::ReplicaLag: {
            NodeState& ns = nodes_[node(e.target)];
            ns.lag_events += sign;
            if (sign > 0) ns.lag_cap = std::max(ns.lag_cap, e.lag_s);
            else if (ns.lag_events == 0) ns.lag_cap = 0;
            break;
        }
        case FailureKind::Errors: {
            NodeState& ns = nodes_[node(e.target)];
            ns.error_rate = std::clamp(ns.error_rate + sign * e.error_rate, 0.0, 1.0);
            break;
        }
    }
}

const std::string& Replicate::linkId(int designLink) const { return m_.link_ids[designLink]; }

// When will this node's health checks have seen `checks` results in a row,
// counting from `from`? Checks run at phase + k * interval.
static double detectionTime(double from, double phase, double interval, double checks) {
    const double k = std::ceil((from - phase) / interval);
    return phase + std::max(0.0, k) * interval + (checks - 1) * interval;
}

void Replicate::reconcile(int node, double now) {
    const SimNode& n = m_.nodes[node];
    NodeState& ns = nodes_[node];
    const int target = ns.outages > 0 ? 0 : std::clamp(ns.provisioned - ns.killed, 0, ns.provisioned);
    int k = 0;
    double scheduled = -1;   // instances changed together share their check: one event for them
    for (std::uint32_t i = ns.first; i < ns.first + static_cast<std::uint32_t>(n.max_instances); ++i) {
        Instance& in = inst_[i];
        if (!in.provisioned) continue;
        const bool shouldLive = k++ < target;
        if (shouldLive == in.alive) continue;
        in.alive = shouldLive;
        if (!shouldLive) {
            in.epoch += 1;   // requests in service here fail when they complete
            while (in.queue.count > 0) {
                const std::uint32_t slot = in.queue.pop();
                if (req_[slot].flags & kAbandoned) release(slot);
                else if (representative_) release(slot);
                else {
                    ns.errors += 1;
                    fail(slot, kError);
                }
            }
            in.change_at = in.in_rotation ? detectionTime(now, ns.phase, n.check_interval_s, n.unhealthy_threshold) : kNever;
        } else {
            in.change_at = in.in_rotation ? kNever
                                          : detectionTime(now, ns.phase, n.check_interval_s, pol_.healthy_threshold);
        }
        // The balancer acts at the check itself, not at the next whole second.
        if (in.change_at < kNever && in.change_at > now && in.change_at != scheduled) {
            queue_.push(in.change_at, makeTag(kHealth, 0), static_cast<std::uint32_t>(node));
            scheduled = in.change_at;
        }
        ns.pending = true;
    }
    ns.alive = target;
}

void Replicate::updateRotations(double now) {
    for (std::size_t i = 0; i < nodes_.size(); ++i) updateRotation(i, now);
}

void Replicate::updateRotation(std::size_t i, double now) {
    NodeState& ns = nodes_[i];
    if (!ns.pending && !ns.rotation_dirty) return;
    const SimNode& n = m_.nodes[i];
    bool pending = false;
    for (std::uint32_t k = ns.first; k < ns.first + static_cast<std::uint32_t>(n.max_instances); ++k) {
        Instance& in = inst_[k];
        if (in.change_at <= now) {
            if (in.in_rotation && !in.alive && now >= first_failure_) first_detection_ = std::min(first_detection_, now);
            in.in_rotation = in.alive && in.provisioned;
            in.change_at = kNever;
            ns.rotation_dirty = true;
        } else if (in.change_at < kNever) {
            pending = true;
        }
    }
    ns.pending = pending;
    if (!ns.rotation_dirty) return;
    ns.rotation.clear();
    ns.dead_in_rotation = 0;
    for (std::uint32_t k = ns.first; k < ns.first + static_cast<std::uint32_t>(n.max_instances); ++k)
        if (inst_[k].in_rotation) {
            ns.rotation.push_back(k);
            if (!inst_[k].alive) ns.dead_in_rotation += 1;
        }
    if (n.shards > 1) {
        for (auto& r : ns.shard_rotation) r.clear();
        std::fill(ns.shard_dead.begin(), ns.shard_dead.end(), 0);
        for (std::uint32_t k : ns.rotation) {
            const std::size_t s = (k - ns.first) % static_cast<std::uint32_t>(n.shards);
            ns.shard_rotation[s].push_back(k);
            if (!inst_[k].alive) ns.shard_dead[s] += 1;
        }
    }
    const bool wasUp = ns.in_rotation > 0;
    ns.in_rotation = static_cast<int>(ns.rotation.size());
    noteHealth(wasUp, ns.in_rotation > 0);
    if (ns.in_rotation == 0 && !std::isfinite(ns.down_since)) ns.down_since = now;
    if (ns.in_rotation > 0) ns.down_since = kNever;
    ns.rotation_dirty = false;
}

void Replicate::updateFailover(double now) {
    // One failover per primary, or per shard of a sharded primary: a shard
    // whose instances are all out of rotation promotes the same shard of a
    // replica, whatever the other shards do.
    const auto step = [&](const SimNode& n, bool up, int& redirect, double& failoverAt, std::uint32_t key) {
        if (up) {   // back (or never gone): writes return to it
            redirect = -1;
            failoverAt = kNever;
            return;
        }
        if (redirect >= 0) {
            if (shardUp(redirect, key)) return;
            // The promoted replica is gone too: promote another, with a new promotion delay.
            redirect = -1;
            failoverAt = now + n.promotion_s;
        }
        if (!std::isfinite(failoverAt)) failoverAt = now + n.promotion_s;
        if (now < failoverAt) return;
        for (int r : n.replicas)
            if (shardUp(r, key)) {
                redirect = r;   // promoted
                break;
            }
    };
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const SimNode& n = m_.nodes[i];
        if (!n.database || !n.primary || n.replicas.empty()) continue;
        NodeState& ns = nodes_[i];
        if (n.shards > 1) {
            for (int s = 0; s < n.shards; ++s) {
                const std::size_t k = static_cast<std::size_t>(s);
                step(n, !ns.shard_rotation[k].empty(), ns.shard_redirect[k], ns.shard_failover_at[k],
                     static_cast<std::uint32_t>(s));
            }
        } else {
            step(n, ns.in_rotation > 0, ns.redirect, ns.failover_at, 0);
        }
    }
}

void Replicate::updateLag() {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const SimNode& n = m_.nodes[i];
        if (n.primary_of < 0) continue;
        NodeState& ns = nodes_[i];
        if (ns.lag_events > 0) {
            ns.lag_s = std::min(ns.lag_cap, ns.lag_s + 1);   // replication stalled: one second per second
            continue;
        }
        // Catching up: the replica applies apply_rate writes a second against the incoming write rate.
        const double writes = nodes_[n.primary_of].prev_write_rps;
        const double speed = writes > 0 ? n.apply_rate_wps / writes - 1 : ns.lag_s;
        ns.lag_s = std::max(0.0, ns.lag_s - std::max(0.0, speed));
    }
}

void Replicate::updateBreakers() {
    for (std::size_t l = 0; l < breakers_.size(); ++l) {
        Breaker& b = breakers_[l];
        const SimNode& caller = m_.nodes[m_.links[l].from];
        if (caller.choose_one || !caller.station) {
            b.calls = b.failures = 0;
            continue;
        }
        const double ratio = b.calls > 0 ? b.failures / b.calls : 0;
        if (!b.open) {
            if (b.calls >= pol_.breaker_min_requests && ratio >= pol_.breaker_failure_ratio) {
                b.open = true;
                b.open_until = now_ + pol_.breaker_open_s;
            }
        } else if (!b.half_open) {
            if (now_ >= b.open_until) b.half_open = true;
        } else if (b.calls > 0) {
            if (ratio < pol_.breaker_failure_ratio) b.open = b.half_open = false;
            else {
                b.half_open = false;
                b.open_until = now_ + pol_.breaker_open_s;
            }
        }
        b.calls = b.failures = 0;
    }
}

void Replicate::autoscale(double now) {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const SimNode& n = m_.nodes[i];
        if (!n.autoscaled) continue;
        NodeState& ns = nodes_[i];
        // Booted instances join the balancer.
        while (!ns.booting.empty() && ns.booting.front() <= now && ns.provisioned < n.max_instances) {
            ns.booting.erase(ns.booting.begin());
            Instance& in = inst_[ns.first + ns.provisioned];
            in.provisioned = true;
            in.alive = false;
            in.in_rotation = false;
            ns.provisioned += 1;
            reconcile(static_cast<int>(i), now);
            if (in.alive) {
                in.in_rotation = true;
                in.change_at = kNever;
            }
            ns.rotation_dirty = true;
        }
        if (ns.alive == 0) continue;
        // Scale out after a minute above the target, in proportion to the
        // minute's mean demand (target tracking); scale in after five minutes
        // below the floor. Cooldowns as the seeds give them (003: 300 s / 600 s).
        const int inFlight = static_cast<int>(ns.booting.size());
        if (ns.over_s >= kScaleOutWindow && now - ns.last_scale_up >= pol_.scale_up_cooldown_s) {
            const double d = ns.over_sum / ns.over_s;
            const int desired = std::min(n.max_instances, static_cast<int>(std::ceil(ns.alive * d / pol_.autoscale_target)));
            const int add = desired - ns.alive - inFlight;
            for (int k = 0; k < add; ++k) ns.booting.push_back(now + pol_.boot_s);
            if (add > 0) ns.last_scale_up = ns.last_scale = now;
            ns.over_s = 0;
            ns.over_sum = 0;
        } else if (ns.under_s >= kScaleInWindow && inFlight == 0 && now - ns.last_scale >= pol_.scale_down_cooldown_s &&
                   ns.provisioned > n.min_instances) {
            const double d = ns.under_sum / ns.under_s;
            const int desired = std::max(n.min_instances, static_cast<int>(std::ceil(ns.alive * d / pol_.autoscale_target)));
            while (ns.provisioned > desired) {
                // The newest instance is drained: it takes no new requests, finishes its own.
                Instance& in = inst_[ns.first + ns.provisioned - 1];
                in.provisioned = in.alive = in.in_rotation = false;
                in.change_at = kNever;
                ns.provisioned -= 1;
                ns.rotation_dirty = true;
            }
            reconcile(static_cast<int>(i), now);
            ns.last_scale = now;
        }
    }
}

Mode Replicate::classify(const Second& s) const {
    const double done = s.throughput + s.errors + s.timeouts + s.rejections;
    const double served = done > 0 ? s.throughput / done : 1;
    if (served >= pol_.target_served && s.p95_ms <= pol_.target_p95_ms) return Mode::Target;
    if (served >= pol_.degraded_served && s.p95_ms <= pol_.degraded_p95_ms) return Mode::Degraded;
    if (served >= pol_.floor_served && s.p95_ms <= pol_.floor_p95_ms) return Mode::Floor;
    return Mode::Down;
}

static bool conditionTrue(const Condition& c, const Second& s) {
    const double done = s.throughput + s.errors + s.timeouts + s.rejections;
    const double served = done > 0 ? s.throughput / done : 1;
    double v = 0;
    switch (c.metric) {
        case ConditionMetric::ErrorRate: v = 1 - served; break;
        case ConditionMetric::Availability: v = served; break;
        case ConditionMetric::P50Ms: v = s.p50_ms; break;
        case ConditionMetric::P95Ms: v = s.p95_ms; break;
        case ConditionMetric::P99Ms: v = s.p99_ms; break;
    }
    return c.above ? v > c.threshold : v < c.threshold;
}

void Replicate::abortExperiment(double now) {
    aborted_ = true;
    out_.summary.aborted = true;
    out_.summary.aborted_at_s = now;
    for (std::size_t i = 0; i < active_.size(); ++i)
        if (active_[i]) {
            active_[i] = 0;
            applyFailure(static_cast<int>(i), -1, now);
        }
    timeline_next_ = m_.timeline.size();   // nothing further is injected
}

void Replicate::closeSecond(int second) {
    Second& c = cur_;
    c.t_s = second;
    if (representative_) composeSecond(c, rate_);
    c.p50_ms = secondHist_.quantile(0.50);
    c.p95_ms = secondHist_.quantile(0.95);
    c.p99_ms = secondHist_.quantile(0.99);
    Summary& sum = out_.summary;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const SimNode& n = m_.nodes[i];
        NodeState& ns = nodes_[i];
        ComponentSecond cs;
        if (n.station) {
            const double servers = representative_ ? ns.rep_servers : n.concurrency * std::max(1, ns.alive);
            cs.utilization = static_cast<float>(std::min(1.0, ns.busy_s / servers));
            double q = 0;
            if (representative_) q = double(inst_[ns.rep].queue.count) * ns.alive;
            else
                for (std::uint32_t k : ns.rotation) q += inst_[k].queue.count;
            cs.queue = static_cast<float>(q);
            cs.instances = static_cast<float>(ns.alive);
            c.instances += ns.alive;
            if (q > sum.peak_queue && measuring_) {
                sum.peak_queue = q;
                sum.peak_queue_component = n.id;
            }
            // Offered work per running server: what the autoscaler watches.
            if (ns.alive > 0) {
                ns.demand = ns.arrivals * n.service_s / servers;
                if (ns.demand > pol_.autoscale_target) {
                    ns.over_s += 1;
                    ns.over_sum += ns.demand;
                } else {
                    ns.over_s = 0;
                    ns.over_sum = 0;
                }
                if (ns.demand < pol_.scale_down_below) {
                    ns.under_s += 1;
                    ns.under_sum += ns.demand;
                } else {
                    ns.under_s = 0;
                    ns.under_sum = 0;
                }
            }
            if (measuring_ && ns.provisioned > n.instances) {
                const double extra = (ns.provisioned - n.instances) / 3600.0;
                sum.extra_instance_hours += extra;
                sum.extra_cost_usd += extra * n.usd_per_hour;
            }
        }
        if (n.primary_of >= 0) c.replication_lag_s = std::max(c.replication_lag_s, ns.lag_s);
        out_.components.push_back(cs);
        ns.prev_write_rps = ns.write_arrivals;
        ns.busy_s = ns.arrivals = ns.write_arrivals = 0;
        ns.ok = ns.errors = ns.timeouts = ns.rejections = 0;
        ns.sojourn.clear();
        ns.sojourn_seen = 0;
    }
    // Operating mode: a second that meets the target thresholds after a worse
    // one is "recovery" until the target has held for recovery_hold_s.
    const Mode metric = classify(c);
    if (metric == Mode::Target) {
        const bool wasBad = mode_ == Mode::Degraded || mode_ == Mode::Floor || mode_ == Mode::Down;
        if (wasBad || (mode_ == Mode::Recovery && target_streak_ < pol_.recovery_hold_s)) {
            c.mode = Mode::Recovery;
            target_streak_ += 1;
        } else {
            c.mode = Mode::Target;
        }
    } else {
        c.mode = metric;
        target_streak_ = 0;
    }
    mode_ = c.mode;
    degraded_ = metric != Mode::Target;
    if (measuring_) {
        sum.offered += c.offered;
        sum.successful += c.throughput;
        sum.errors += c.errors;
        sum.timeouts += c.timeouts;
        sum.rejections += c.rejections;
        if (metric != Mode::Target) sum.slo_violation_s += 1;
    }
    // Chaos experiment: steady state must hold while faults are injected; an
    // abort condition stops the injection at once.
    if (second + 1 > first_failure_ && !aborted_) {
        for (const Condition& cond : m_.scenario.steady_state)
            if (!conditionTrue(cond, c) && sum.steady_state_held) {
                sum.steady_state_held = false;
                sum.steady_state_violated_at_s = second;
            }
        for (const Condition& cond : m_.scenario.abort_when)
            if (conditionTrue(cond, c)) {
                abortExperiment(second + 1);
                break;
            }
    }
    observer_.sample(replicate_, c);
    if (progress_) progress_(1);
    out_.series.push_back(c);
    cur_ = Second{};
    secondHist_.clear();
}

void Replicate::finishRun() {
    Summary& s = out_.summary;
    // Requests still in flight when the run ends are neither served nor lost.
    if (!representative_ && measuring_) {
        double inFlight = 0;
        for (const Request& r : req_)
            if (!(r.flags & (kFree | kAsync | kAbandoned))) inFlight += 1;
        s.offered -= inFlight;
    }
    s.requests_lost = s.offered - s.successful;
    s.availability = s.offered > 0 ? s.successful / s.offered : 1;
    s.mean_ms = runHist_.mean();
    s.p50_ms = runHist_.quantile(0.50);
    s.p95_ms = runHist_.quantile(0.95);
    s.p99_ms = runHist_.quantile(0.99);
    if (std::isfinite(first_failure_) && std::isfinite(first_detection_))
        s.time_to_detect_s = first_detection_ - first_failure_;
    // Disturbance: the first failure, else the first traffic change.
    double start = first_failure_;
    if (!std::isfinite(start))
        for (const TrafficEvent& e : m_.scenario.traffic)
            if (e.kind == TrafficKind::Spike || e.kind == TrafficKind::Ramp) start = std::min(start, e.start_s);
    if (!std::isfinite(start) || out_.series.empty()) return;
    // Back to target for good: the start of the final run of seconds meeting the target thresholds.
    std::size_t k = out_.series.size();
    while (k > 0 && (out_.series[k - 1].mode == Mode::Target || out_.series[k - 1].mode == Mode::Recovery)) --k;
    if (k == out_.series.size()) return;   // still impaired at the end
    s.time_to_recover_s = std::max(0.0, (k == 0 ? 0.0 : out_.series[k].t_s) - start);
}

}  // namespace sw::sim
