// Setting up one replicate: the per-node and per-instance state, the entry
// shares and the random stream, built once before the run (cold code, kept
// apart from the -O3 data plane in Replicate.cpp).
#include <algorithm>
#include <cmath>

#include "planner/sim/Replicate.h"

namespace sw::sim {

Replicate::Replicate(const SimModel& model, const Options& options, int replicate, Observer& observer,
                     std::function<void(int)> progress)
    : m_(model), replicate_(replicate), progress_(std::move(progress)), opt_(options), pol_(model.scenario.policies), observer_(observer),
      rng_(streamSeed(options.seed, static_cast<std::uint64_t>(replicate))) {
    representative_ = options.method == Method::Representative;
    timeout_s_ = pol_.timeout_ms / 1000.0;
    nodes_.resize(m_.nodes.size());
    breakers_.resize(m_.links.size());
    link_extra_s_.assign(m_.links.size(), 0.0);
    applied_.assign(m_.scenario.failures.size(), 0);
    active_.assign(m_.scenario.failures.size(), 0);
    for (std::size_t i = 0; i < m_.nodes.size(); ++i) {
        const SimNode& n = m_.nodes[i];
        NodeState& ns = nodes_[i];
        ns.phase = rng_.uniform() * n.check_interval_s;
        ns.shed_limit = static_cast<std::uint32_t>(std::min<double>(
            {static_cast<double>(n.queue_per_instance),
             pol_.load_shedding > 0 ? std::ceil(n.concurrency * timeout_s_ / n.service_s) : 1e9, 4e9}));
        if (!n.station) continue;
        ns.first = static_cast<std::uint32_t>(inst_.size());
        for (int k = 0; k < n.max_instances; ++k) {
            Instance in;
            in.node = static_cast<std::uint32_t>(i);
            in.provisioned = in.alive = in.in_rotation = k < n.instances;
            inst_.push_back(std::move(in));
        }
        ns.provisioned = ns.alive = ns.in_rotation = n.instances;
        ns.rotation_dirty = true;
        if (n.shards > 1) {
            ns.shard_rotation.resize(static_cast<std::size_t>(n.shards));
            ns.shard_dead.assign(static_cast<std::size_t>(n.shards), 0);
            ns.shard_redirect.assign(static_cast<std::size_t>(n.shards), -1);
            ns.shard_failover_at.assign(static_cast<std::size_t>(n.shards), kNever);
        }
        if (representative_) {
            Instance rep;
            rep.node = static_cast<std::uint32_t>(i);
            rep.provisioned = rep.alive = rep.in_rotation = true;
            ns.rep = static_cast<std::uint32_t>(inst_.size());
            inst_.push_back(std::move(rep));
            ns.sojourn.reserve(kReservoir);
        }
    }
    double acc = 0;
    for (int e : m_.entries) entry_cdf_.push_back(acc += m_.nodes[e].entry_share);
    req_.reserve(1024);
    queue_.reserve(1024);
    station_ = m_.firstStation();
}

}  // namespace sw::sim
