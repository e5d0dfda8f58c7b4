// The data plane: requests arrive, pick an instance the balancer still
// trusts, queue (or are rejected or shed), are served, fan out along the
// call graph, time out, and are retried with exponential backoff and jitter.
#include "planner/sim/Replicate.h"

#include "planner/FailoverRule.h"

#include <algorithm>
#include <array>
#include <span>
#include <cmath>

namespace sw::sim {

void Replicate::Ring::push(std::uint32_t v) {
    if (count == buf.size()) {
        // Grow (rare, amortised): unroll the ring into a larger buffer.
        std::vector<std::uint32_t> bigger(std::max<std::size_t>(16, buf.size() * 2));
        for (std::uint32_t i = 0; i < count; ++i) bigger[i] = buf[(head + i) % buf.size()];
        buf.swap(bigger);
        head = 0;
    }
    std::size_t tail = head + count;
    if (tail >= buf.size()) tail -= buf.size();
    buf[tail] = v;
    ++count;
}

std::uint32_t Replicate::Ring::pop() {
    const std::uint32_t v = buf[head];
    if (++head == buf.size()) head = 0;
    --count;
    return v;
}

double Replicate::serviceSample(std::uint32_t node) {
    const double mean = m_.nodes[node].service_s;
    switch (m_.scenario.service) {
        case ServiceDistribution::Exponential: return rng_.exponential(mean);
        case ServiceDistribution::Lognormal: return rng_.lognormal(mean, pol_.lognormal_sigma);
        case ServiceDistribution::Deterministic: return mean;
    }
    return mean;
}

std::uint32_t Replicate::allocate() {
    if (!free_.empty()) {
        const std::uint32_t s = free_.back();
        free_.pop_back();
        req_[s].flags = 0;
        req_[s].key = kNone;
        return s;
    }
    req_.emplace_back();
    return static_cast<std::uint32_t>(req_.size() - 1);
}

void Replicate::release(std::uint32_t slot) {
    req_[slot].flags = kFree;
    free_.push_back(slot);
}

std::uint32_t Replicate::pickEntry() {
    if (entry_cdf_.size() == 1) return static_cast<std::uint32_t>(m_.entries[0]);
    const double u = rng_.uniform() * entry_cdf_.back();
    const auto it = std::upper_bound(entry_cdf_.begin(), entry_cdf_.end(), u);
    const std::size_t k = std::min<std::size_t>(it - entry_cdf_.begin(), entry_cdf_.size() - 1);
    return static_cast<std::uint32_t>(m_.entries[k]);
}

void Replicate::newRequest() {
    const std::uint32_t slot = allocate();
    Request& r = req_[slot];
    r.start = now_;
    r.entry = pickEntry();
    r.attempt = 0;
    r.flags = m_.access_matters && rng_.chance(1 - m_.read_fraction) ? kWrite : 0;
    cur_.offered += 1;
    out_.simulated_requests += 1;
    beginAttempt(slot);
}

void Replicate::beginAttempt(std::uint32_t slot) {
    Request& r = req_[slot];
    r.attempt_start = now_;
    r.serial = ++serial_;
    r.depth = 0;
    r.last_link = kNone;
    r.inst = kNone;
    if (now_ + timeout_s_ <= end_s_) timeouts_.push(now_ + timeout_s_, makeTag(kTimeout, r.serial & 0xffffffu), slot);
    arrive(slot, r.entry);
}

bool Replicate::shardUp(int node, std::uint32_t key) const {
    const NodeState& ns = nodes_[node];
    const int shards = m_.nodes[node].shards;
    return shards > 1 ? !ns.shard_rotation[key % static_cast<std::uint32_t>(shards)].empty() : ns.in_rotation > 0;
}

int Replicate::redirectOf(int node, std::uint32_t key) const {
    const NodeState& ns = nodes_[node];
    const int shards = m_.nodes[node].shards;
    const int to = shards > 1 ? ns.shard_redirect[key % static_cast<std::uint32_t>(shards)] : ns.redirect;
    return to >= 0 ? to : node;
}

int Replicate::resolveTarget(int node, bool write, std::uint32_t key) const {
    // A sharded database answers a key from that key's shard only: its
    // instances, else (after promotion) the same shard of a replica.
    int n = redirectOf(node, key);
    const int primary = m_.nodes[n].primary_of;
    if (write || primary < 0) return n;
    if (!shardUp(n, key)) {
        // A read at a replica that is out of rotation: another replica of its
        // primary that is up, else the primary's write server (FailoverRule.h: readServer).
        const auto& reps = m_.nodes[primary].read_replicas;
        std::array<char, 64> up{};
        int self = -1;
        const std::size_t k = std::min(reps.size(), up.size());
        for (std::size_t i = 0; i < k; ++i) {
            up[i] = shardUp(reps[i], key) && nodes_[reps[i]].lag_s <= pol_.replica_lag_limit_s;
            if (reps[i] == n) self = static_cast<int>(i);
        }
        const int pick = readServer(self, std::span<const char>(up.data(), k));
        if (pick >= 0) return reps[static_cast<std::size_t>(pick)];
        return redirectOf(primary, key);
    }
    if (nodes_[n].lag_s > pol_.replica_lag_limit_s) return redirectOf(primary, key);
    return n;
}

void Replicate::arrive(std::uint32_t slot, std::uint32_t node) {
    Request& r = req_[slot];
    if (r.flags & kAbandoned) return release(slot);
    const bool write = (r.flags & kWrite) != 0;
    // Hash sharding: the request's key, drawn where it first meets a sharded database.
    if (r.key == kNone && m_.nodes[node].shards > 1) r.key = rng_.below(kNone);
    node = static_cast<std::uint32_t>(resolveTarget(static_cast<int>(node), write, r.key));
    if (r.key == kNone && m_.nodes[node].shards > 1) r.key = rng_.below(kNone);
    r.node = node;
    r.node_arrival = now_;
    const SimNode& n = m_.nodes[node];
    if (!n.station) return routeOnward(slot, node);
    NodeState& ns = nodes_[node];
    ns.arrivals += 1;
    if (write) ns.write_arrivals += 1;
    const std::vector<std::uint32_t>& rotation =
        n.shards > 1 ? ns.shard_rotation[r.key % static_cast<std::uint32_t>(n.shards)] : ns.rotation;
    if (rotation.empty()) {
        ns.errors += 1;
        return fail(slot, kError);
    }
    const std::uint32_t pick =
        rotation.size() == 1 ? rotation[0] : rotation[rng_.below(static_cast<std::uint32_t>(rotation.size()))];
    Instance& in = inst_[pick];
    if (!in.alive) {   // dead, and the health checks have not noticed yet
        ns.errors += 1;
        return fail(slot, kError);
    }
    r.inst = pick;
    const bool counting = measuring_ && static_cast<int>(node) == station_;
    if (in.busy < static_cast<std::uint32_t>(n.concurrency)) {
        if (counting) {
            out_.summary.station_arrivals += 1;
            if (in.busy == 0) out_.summary.station_found_empty += 1;
        }
        return startService(slot, pick);
    }
    if (in.queue.count >= ns.shed_limit) {
        ns.rejections += 1;
        return fail(slot, kRejected);
    }
    if (counting) {
        out_.summary.station_arrivals += 1;
        out_.summary.station_waited += 1;
    }
    in.queue.push(slot);
}

void Replicate::startService(std::uint32_t slot, std::uint32_t inst) {
    Instance& in = inst_[inst];
    Request& r = req_[slot];
    in.busy += 1;
    NodeState& ns = nodes_[in.node];
    const double d = serviceSample(in.node) + ns.extra_latency_s;
    ns.busy_s += d;
    r.svc_epoch = in.epoch;
    if (representative_) r.attempt_start = now_;   // when service began (repDone needs the wait)
    if (measuring_ && static_cast<int>(in.node) == station_) {
        out_.summary.station_wait_sum_s += now_ - r.node_arrival;
        out_.summary.station_busy_sum_s += d;
    }
    queue_.push(now_ + d, makeTag(kDone, 0), slot);
}

void Replicate::onDone(std::uint32_t slot) {
    const std::uint32_t inst = req_[slot].inst;
    Instance& in = inst_[inst];
    const std::uint32_t node = in.node;
    NodeState& ns = nodes_[node];
    in.busy -= 1;
    while (in.queue.count > 0) {
        const std::uint32_t next = in.queue.pop();
        Request& q = req_[next];
        if (q.flags & kAbandoned) {   // its client gave up: not worth serving
            release(next);
            continue;
        }
        if (representative_ && now_ - q.node_arrival > timeout_s_) {
            ns.timeouts += 1;
            release(next);
            continue;
        }
        startService(next, inst);
        break;
    }
    Request& r = req_[slot];
    if (representative_) return repDone(slot);
    if (r.flags & kAbandoned) return release(slot);
    if (r.svc_epoch != in.epoch) {   // the instance died under it
        ns.errors += 1;
        return fail(slot, kError);
    }
    if (measuring_ && static_cast<int>(node) == station_) out_.summary.station_sojourn_sum_s += now_ - r.node_arrival;
    if (ns.error_rate > 0 && rng_.chance(ns.error_rate)) {
        ns.errors += 1;
        return fail(slot, kError);
    }
    ns.ok += 1;
    routeOnward(slot, node);
}

bool Replicate::pushCalls(std::uint32_t node, bool write, std::uint32_t* stack, std::uint8_t& depth) {
    const SimNode& n = m_.nodes[node];
    if (n.hit_ratio > 0 && rng_.chance(n.hit_ratio)) return true;   // answered from cache
    if (n.out_begin == n.out_end) return true;
    if (n.only_link >= 0) {   // one way on: no choice to make
        if (depth < kMaxStack) stack[depth++] = static_cast<std::uint32_t>(n.only_link);
        return true;
    }
    if (n.choose_one) {
        std::uint32_t l;
        if (!chooseOne(node, write, l)) return false;
        if (depth < kMaxStack) stack[depth++] = l;
        return true;
    }
    const std::uint8_t mask = write ? kWrites : kReads;
    for (std::uint32_t l = n.out_end; l-- > n.out_begin;) {
        const SimLink& L = m_.links[l];
        if (!(L.access & mask)) continue;
        if (L.fraction < 1 && !rng_.chance(L.fraction)) continue;
        if (depth < kMaxStack) stack[depth++] = l;
    }
    return true;
}

void Replicate::routeOnward(std::uint32_t slot, std::uint32_t node) {
    Request& r = req_[slot];
    if (!pushCalls(node, (r.flags & kWrite) != 0, r.stack, r.depth)) {
        nodes_[node].errors += 1;
        return fail(slot, kError);
    }
    advance(slot);
}

bool Replicate::breakerBlocks(std::uint32_t link) {
    const Breaker& b = breakers_[link];
    if (!b.open) return false;
    if (b.half_open) return !rng_.chance(pol_.breaker_probe_ratio);
    return true;
}

void Replicate::advance(std::uint32_t slot) {
    for (;;) {
        Request& r = req_[slot];
        if (r.depth == 0) return finish(slot);
        const std::uint32_t l = r.stack[--r.depth];
        const SimLink& L = m_.links[l];
        if (L.async) {
            // Fire and forget through the queue; shed while the system is degraded.
            if (!degraded_) spawnAsync(l, r.flags & kWrite);
            continue;
        }
        if (breakerBlocks(l)) {   // fails fast; not counted against the breaker itself
            r.last_link = kNone;
            return fail(slot, kError);
        }
        r.last_link = l;
        breakers_[l].calls += 1;
        const double lat = L.latency_s + link_extra_s_[l];
        if (lat > 0) return queue_.push(now_ + lat, makeTag(kHop, 0), slot);
        return arrive(slot, L.to);
    }
}

void Replicate::spawnAsync(std::uint32_t link, std::uint8_t writeFlag) {
    const std::uint32_t job = allocate();
    Request& j = req_[job];
    j.start = j.attempt_start = now_;
    j.flags = static_cast<std::uint8_t>(kAsync | writeFlag);
    j.depth = 0;
    j.attempt = 0;
    j.serial = ++serial_;
    j.last_link = link;
    j.inst = kNone;
    out_.simulated_requests += 1;
    const SimLink& L = m_.links[link];
    const double lat = L.latency_s + link_extra_s_[link];
    if (lat > 0) return queue_.push(now_ + lat, makeTag(kHop, 0), job);
    arrive(job, L.to);
}

void Replicate::finish(std::uint32_t slot) {
    Request& r = req_[slot];
    if (!(r.flags & kAsync)) {
        const double ms = (now_ - r.start) * 1000.0;
        cur_.throughput += 1;
        secondHist_.add(ms);
        if (measuring_) runHist_.add(ms);
    }
    release(slot);
}

double Replicate::backoff(int attempt) {
    const double cap = pol_.retry_max_ms / 1000.0;
    const double grown = pol_.retry_base_ms / 1000.0 * std::ldexp(1.0, attempt);
    return std::min(cap, grown) * rng_.uniform();   // "full jitter"
}

void Replicate::recordFinal(Outcome why) {
    switch (why) {
        case kTimedOut: cur_.timeouts += 1; break;
        case kRejected: cur_.rejections += 1; break;
        default: cur_.errors += 1; break;
    }
}

void Replicate::fail(std::uint32_t slot, Outcome why) {
    Request& r = req_[slot];
    if (r.last_link != kNone) breakers_[r.last_link].failures += 1;
    if (r.flags & kAsync) return release(slot);
    if (r.attempt < pol_.retries) {
        r.serial = ++serial_;   // the pending timeout no longer applies
        r.attempt += 1;
        return queue_.push(now_ + backoff(r.attempt - 1), makeTag(kRetry, 0), slot);
    }
    recordFinal(why);
    release(slot);
}

bool Replicate::onTimeout(std::uint32_t slot, std::uint32_t serial, double time) {
    {
        const Request& r = req_[slot];
        if ((r.flags & (kFree | kAbandoned)) || (r.serial & 0xffffffu) != serial ||
            r.attempt_start + timeout_s_ != time)
            return false;   // answered, failed or retried since: nothing to do
        if (r.last_link != kNone) breakers_[r.last_link].failures += 1;
    }
    // The client gives up on this attempt; the work in flight is abandoned.
    if (req_[slot].attempt < pol_.retries) {
        const std::uint32_t retry = allocate();
        Request& from = req_[slot];
        Request& to = req_[retry];
        to.start = from.start;
        to.entry = from.entry;
        to.flags = from.flags & kWrite;
        to.key = from.key;   // a retry asks for the same key: the same shard
        to.attempt = static_cast<std::uint8_t>(from.attempt + 1);
        to.serial = ++serial_;
        to.depth = 0;
        queue_.push(now_ + backoff(from.attempt), makeTag(kRetry, 0), retry);
    } else {
        recordFinal(kTimedOut);
    }
    // In transit, queued or in service: released where it is next found.
    req_[slot].flags |= kAbandoned;
    return true;
}

void Replicate::scheduleArrivals() {
    arrival_gen_ = (arrival_gen_ + 1) & 0xffffffu;
    if (rate_ > 0) queue_.push(now_ + rng_.exponential(1 / rate_), makeTag(kArrive, arrival_gen_), 0);
}

void Replicate::onRepSource(std::uint32_t node, std::uint32_t gen) {
    NodeState& ns = nodes_[node];
    if (gen != ns.source_gen || ns.rate <= 0) return;
    queue_.push(now_ + rng_.exponential(1 / ns.rate), makeTag(kRepSource, gen), node);
    const std::uint32_t slot = allocate();
    Request& r = req_[slot];
    r.node_arrival = now_;
    r.node = node;
    r.inst = ns.rep;
    out_.simulated_requests += 1;
    ns.arrivals += 1;
    Instance& in = inst_[ns.rep];
    if (in.busy < static_cast<std::uint32_t>(ns.rep_servers)) return startService(slot, ns.rep);
    if (in.queue.count >= ns.rep_shed) {
        ns.rejections += 1;
        return release(slot);
    }
    in.queue.push(slot);
}

void Replicate::repDone(std::uint32_t slot) {
    Request& r = req_[slot];
    NodeState& ns = nodes_[r.node];
    double wait = r.attempt_start - r.node_arrival;   // service began at attempt_start
    if (wait > 0 && ns.wait_scale < 1) wait = rng_.chance(ns.wait_keep) ? wait * ns.wait_scale : 0;
    const double sojourn = std::max(0.0, wait) + (now_ - r.attempt_start);
    release(slot);
    if (ns.error_rate > 0 && rng_.chance(ns.error_rate)) {
        ns.errors += 1;
        return;
    }
    if (sojourn > timeout_s_) {
        ns.timeouts += 1;
        return;
    }
    ns.ok += 1;
    // Keep a uniform sample of this second's sojourn times (reservoir sampling).
    ns.sojourn_seen += 1;
    if (ns.sojourn.size() < kReservoir) ns.sojourn.push_back(static_cast<float>(sojourn));
    else {
        const std::uint32_t k = rng_.below(static_cast<std::uint32_t>(ns.sojourn_seen));
        if (k < kReservoir) ns.sojourn[k] = static_cast<float>(sojourn);
    }
}

Run Replicate::run() {
    queue_.push(0.0, makeTag(kTick, 0), 0);
    // Random failures: each instance alternates up (exponential, mean MTBF)
    // and down (mean MTTR); instances are exchangeable, so a count suffices.
    for (std::size_t i = 0; i < m_.nodes.size(); ++i)
        if (m_.nodes[i].mtbf_s > 0)
            for (int k = 0; k < m_.nodes[i].instances; ++k)
                queue_.push(rng_.exponential(m_.nodes[i].mtbf_s), makeTag(kFail, 0), static_cast<std::uint32_t>(i));
    // Random outages of zones and regions with an outage length (MTTR) given:
    // payload = zone index, or zone count + region index.
    for (std::size_t k = 0; k < m_.domain_mtbf_s.size(); ++k)
        if (m_.domain_mtbf_s[k] > 0)
            queue_.push(rng_.exponential(m_.domain_mtbf_s[k]), makeTag(kDomainFail, 0), static_cast<std::uint32_t>(k));
    const int seconds = static_cast<int>(std::ceil(m_.duration_s));
    out_.series.reserve(seconds);
    end_s_ = seconds;
    while (!queue_.empty()) {
        // Timeouts first on a tie: a request due at the same instant is late.
        if (!timeouts_.empty() && !(queue_.top().time < timeouts_.front().time)) {
            const Event t = timeouts_.pop();
            now_ = t.time;
            if (onTimeout(t.payload, tagOperand(t.tag), t.time)) ++out_.events;
            continue;
        }
        const Event e = queue_.pop();
        now_ = e.time;
        ++out_.events;
        switch (tagType(e.tag)) {
            case kArrive:
                if (tagOperand(e.tag) != arrival_gen_) break;
                queue_.push(now_ + rng_.exponential(1 / rate_), e.tag, 0);
                newRequest();
                break;
            case kHop: arrive(e.payload, m_.links[req_[e.payload].last_link].to); break;
            case kDone: onDone(e.payload); break;
            case kRetry:
                cur_.retries += 1;
                beginAttempt(e.payload);
                break;
            case kRepSource: onRepSource(e.payload, tagOperand(e.tag)); break;
            case kFail:
            case kRepair: {
                const bool failing = tagType(e.tag) == kFail;
                NodeState& ns = nodes_[e.payload];
                if (failing && first_failure_ > now_) first_failure_ = now_;
                ns.killed += failing ? 1 : -1;
                reconcile(static_cast<int>(e.payload), now_);
                const SimNode& n = m_.nodes[e.payload];
                queue_.push(now_ + rng_.exponential(failing ? n.mttr_s : n.mtbf_s),
                            makeTag(failing ? kRepair : kFail, 0), e.payload);
                break;
            }
            case kDomainFail:
            case kDomainRepair: {
                const bool failing = tagType(e.tag) == kDomainFail;
                if (failing && first_failure_ > now_) first_failure_ = now_;
                const int sign = failing ? 1 : -1;
                const int zones = static_cast<int>(m_.zone_ids.size());
                if (static_cast<int>(e.payload) < zones) zoneOutage(static_cast<int>(e.payload), sign, now_);
                else regionOutage(static_cast<int>(e.payload) - zones, sign, now_);
                queue_.push(now_ + rng_.exponential(failing ? m_.domain_mttr_s[e.payload] : m_.domain_mtbf_s[e.payload]),
                            makeTag(failing ? kDomainRepair : kDomainFail, 0), e.payload);
                break;
            }
            case kHealth: updateRotation(e.payload, now_); break;
            case kTick: {
                const int s = static_cast<int>(e.payload);
                tick(s);
                if (s >= seconds || observer_.cancelled()) {
                    queue_.clear();
                    timeouts_.clear();
                }
                else queue_.push(static_cast<double>(s + 1), makeTag(kTick, 0), static_cast<std::uint32_t>(s + 1));
                break;
            }
            default: break;
        }
    }
    finishRun();
    return std::move(out_);
}

}  // namespace sw::sim
