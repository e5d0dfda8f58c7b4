// Routers (load balancers, DNS, user groups) choosing one way on per request.
// Each keeps, per access kind, its healthy links with the running sum of their
// fractions, rebuilt only when some target's health changes; a request then
// finds its link by binary search, O(log n) in the router's width, where a
// walk over every link would make a 100,000-wide balancer cost 100,000 steps
// per request. The draw and the link it selects are those of the walk (the
// same sums in the same order), so seeded runs give the same results.
#include <algorithm>

#include "planner/sim/Replicate.h"

namespace sw::sim {

bool Replicate::targetUp(std::uint32_t to) const {
    const int probe = m_.nodes[to].probe;
    return probe < 0 || nodes_[probe].in_rotation > 0;
}

double Replicate::staleShare(std::uint32_t to, double ttl) const {
    const int probe = m_.nodes[to].probe;
    if (probe < 0 || ttl <= 0) return 0;
    return std::max(0.0, 1 - (now_ - nodes_[probe].down_since) / ttl);
}

const Replicate::RouteTable& Replicate::routeTable(std::uint32_t node, bool write) {
    if (route_of_.empty()) route_of_.assign(m_.nodes.size(), -1);
    if (route_of_[node] < 0) {
        route_of_[node] = static_cast<std::int32_t>(routes_.size());
        routes_.resize(routes_.size() + 2);   // reads, writes
    }
    RouteTable& t = routes_[static_cast<std::size_t>(route_of_[node]) + (write ? 1 : 0)];
    if (t.epoch == health_epoch_) return t;
    const SimNode& n = m_.nodes[node];
    const std::uint8_t mask = write ? kWrites : kReads;
    t = RouteTable{};
    t.epoch = health_epoch_;
    double cum = 0;
    for (std::uint32_t l = n.out_begin; l < n.out_end; ++l) {
        const SimLink& L = m_.links[l];
        if (!(L.access & mask)) continue;
        ++t.matching;
        t.only = l;
        t.total += L.fraction;
        if (targetUp(L.to)) {
            t.good += L.fraction;
            t.up.push_back(l);
            t.up_cum.push_back(cum += L.fraction);
        } else {
            t.down.push_back(l);
        }
    }
    return t;
}

void Replicate::noteHealth(bool wasUp, bool isUp) {
    if (wasUp != isUp) ++health_epoch_;
}

bool Replicate::chooseOne(std::uint32_t node, bool write, std::uint32_t& link) {
    const SimNode& n = m_.nodes[node];
    if (!n.nearest_first.empty()) {
        // Nearest healthy region; clients still holding an answer for a dead
        // one keep trying it until their TTL runs out.
        for (std::uint32_t l : n.nearest_first) {
            const std::uint32_t to = m_.links[l].to;
            link = l;
            if (targetUp(to)) return true;
            if (rng_.chance(staleShare(to, m_.nodes[to].dns_ttl_s))) return true;
        }
        link = n.nearest_first.front();
        return true;
    }
    const RouteTable& t = routeTable(node, write);
    if (t.matching == 0) return false;
    if (t.matching == 1) {   // one way on: take it, healthy or not
        link = t.only;
        return true;
    }
    // Clients holding a stale DNS answer still go to the dead target; the rest
    // of a dead target's share moves to the healthy ones.
    double stale = 0;
    for (std::uint32_t l : t.down) stale += m_.links[l].fraction * staleShare(m_.links[l].to, n.dns_ttl_s);
    double u = rng_.uniform() * t.total;
    if (u < stale) {
        for (std::uint32_t l : t.down) {
            u -= m_.links[l].fraction * staleShare(m_.links[l].to, n.dns_ttl_s);
            link = l;
            if (u < 0) return true;
        }
        return true;
    }
    if (t.good <= 0) return false;
    const double v = (u - stale) / (t.total - stale) * t.good;
    // The first healthy link whose running sum passes v (the last on rounding).
    const auto it = std::upper_bound(t.up_cum.begin(), t.up_cum.end(), v);
    link = it == t.up_cum.end() ? t.up.back() : t.up[static_cast<std::size_t>(it - t.up_cum.begin())];
    return true;
}

}  // namespace sw::sim
