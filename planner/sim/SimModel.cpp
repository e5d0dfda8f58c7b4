// Compiles a design and a scenario for the engine and checks that every
// scenario event names something that exists.
#include "planner/sim/SimModel.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "model/Catalogue.h"
#include "model/Limits.h"
#include "model/TextFile.h"
#include "planner/FailoverRule.h"
#include "planner/Geo.h"

namespace sw::sim {
namespace {

constexpr double kPi = 3.141592653589793;

std::string eventName(const Scenario& s, std::size_t i) {
    return "scenario '" + s.name + "': failures[" + std::to_string(i) + "] (" +
           std::string(failureKindKey(s.failures[i].kind)) + ")";
}

int indexOf(const std::vector<std::string>& ids, const std::string& id) {
    auto it = std::find(ids.begin(), ids.end(), id);
    return it == ids.end() ? -1 : static_cast<int>(it - ids.begin());
}

std::string listOf(const std::vector<std::string>& ids) {
    std::string s;
    for (std::size_t i = 0; i < ids.size() && i < 12; ++i) s += (i ? ", " : "") + ids[i];
    if (ids.size() > 12) s += ", ...";
    return s.empty() ? "none" : s;
}

// Checks one failure event against the design; an error message or nothing.
std::optional<std::string> checkFailure(const SimModel& m, const Design& d, std::size_t i) {
    const FailureEvent& e = m.scenario.failures[i];
    std::vector<std::string> components;
    for (const SimNode& n : m.nodes) components.push_back(n.id);
    const int c = indexOf(components, e.target);
    const std::string where = eventName(m.scenario, i) + ".target: ";
    switch (e.kind) {
        case FailureKind::KillInstances:
        case FailureKind::KillPercent:
        case FailureKind::Errors:
            if (c < 0) return where + "'" + e.target + "' is not a component of the design (" + listOf(components) + ")";
            if (!m.nodes[c].station)
                return where + "'" + e.target + "' is a " + std::string(kindKey(m.nodes[c].kind)) +
                       ", which runs no instances to fail";
            if (e.kind == FailureKind::KillInstances && e.count > m.nodes[c].instances)
                return eventName(m.scenario, i) + ".count: " + formatNumber(e.count) + " is more than the " +
                       std::to_string(m.nodes[c].instances) + " instance(s) of '" + e.target + "'";
            return std::nullopt;
        case FailureKind::ZoneOutage:
            if (indexOf(m.zone_ids, e.target) < 0)
                return where + "'" + e.target + "' is not a zone of the design (" + listOf(m.zone_ids) + ")";
            return std::nullopt;
        case FailureKind::RegionOutage:
            if (indexOf(m.region_ids, e.target) < 0)
                return where + "'" + e.target + "' is not a region of the design (" + listOf(m.region_ids) + ")";
            return std::nullopt;
        case FailureKind::Latency:
            if (c < 0 && !d.findLink(e.target))
                return where + "'" + e.target + "' is neither a component nor a link of the design";
            return std::nullopt;
        case FailureKind::ReplicaLag:
            if (c < 0 || m.nodes[c].primary_of < 0)
                return where + "'" + e.target + "' is not a database replica (a database fed by a replication link)";
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

const char* modeKey(Mode m) {
    switch (m) {
        case Mode::Target: return "target";
        case Mode::Degraded: return "degraded";
        case Mode::Floor: return "floor";
        case Mode::Down: return "down";
        case Mode::Recovery: return "recovery";
    }
    return "";
}

double SimModel::rateAt(double t) const {
    double r = base_rps;
    for (const TrafficEvent& e : scenario.traffic) {
        const bool inWindow = t >= e.start_s && (e.duration_s <= 0 || t < e.start_s + e.duration_s);
        switch (e.kind) {
            case TrafficKind::Constant:
                if (inWindow) r = (e.rps > 0 ? e.rps : r) * e.factor;
                break;
            case TrafficKind::Diurnal:
                r *= (1 + e.amplitude * std::cos(2 * kPi * (t - e.peak_s) / e.period_s)) / (1 + e.amplitude);
                break;
            case TrafficKind::Ramp:
                if (t >= e.start_s) {
                    const double x = e.duration_s > 0 ? std::min(1.0, (t - e.start_s) / e.duration_s) : 1.0;
                    r *= 1 + (e.factor - 1) * x;
                }
                break;
            case TrafficKind::Spike:
                if (inWindow) r *= e.factor;
                break;
            case TrafficKind::Replay:
                if (!e.series.empty()) {
                    auto it = std::upper_bound(e.series.begin(), e.series.end(), t,
                                               [](double v, const RatePoint& p) { return v < p.t_s; });
                    r = it == e.series.begin() ? e.series.front().rps : std::prev(it)->rps;
                }
                break;
        }
    }
    return std::max(0.0, r);
}

int SimModel::firstStation() const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].station) return static_cast<int>(i);
    return -1;
}

Result<std::vector<RatePoint>> readRateSeriesCsv(const std::string& path) {
    using R = Result<std::vector<RatePoint>>;
    // Through the one bounded reader: a device or a FIFO named as a replay
    // file is refused, a huge file stops at the input limit.
    auto text = readTextFile(path);
    if (!text) return R::failure(text.error());
    std::istringstream in(std::move(text).value());
    std::vector<RatePoint> pts;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::istringstream ss(line);
        std::string a, b;
        if (!std::getline(ss, a, ',') || !std::getline(ss, b)) {
            return R::failure(path + ":" + std::to_string(lineNo) + ": expected 't_s,rps'");
        }
        char* endA = nullptr;
        char* endB = nullptr;
        const double t = std::strtod(a.c_str(), &endA), r = std::strtod(b.c_str(), &endB);
        if (endA == a.c_str() || endB == b.c_str()) {
            if (pts.empty() && lineNo == 1) continue;   // a header line
            return R::failure(path + ":" + std::to_string(lineNo) + ": expected two numbers 't_s,rps'");
        }
        if (!std::isfinite(t) || t < 0 || t > kScenarioMaxDuration)
            return R::failure(path + ":" + std::to_string(lineNo) + ": time " + a + " is outside [0, 2592000] s");
        if (!pts.empty() && t <= pts.back().t_s)
            return R::failure(path + ":" + std::to_string(lineNo) + ": times must increase");
        if (!std::isfinite(r) || r < 0 || r > 1e10)
            return R::failure(path + ":" + std::to_string(lineNo) + ": rate " + b + " is outside [0, 1e10] rps");
        pts.push_back({t, r});
        if (pts.size() > 1000000) return R::failure(path + ": more than 1,000,000 points");
    }
    if (pts.empty()) return R::failure(path + ": holds no 't_s,rps' line");
    return pts;
}

Result<SimModel> compileModel(const Design& d, const Scenario& scenario, const Options& options) {
    using R = Result<SimModel>;
    SimModel m;
    m.scenario = scenario;
    const ScenarioPolicies& pol = scenario.policies;
    m.duration_s = options.duration_s > 0 ? options.duration_s : scenario.duration_s;
    if (!(m.duration_s >= 1) || m.duration_s > kScenarioMaxDuration)
        return R::failure("duration " + formatNumber(m.duration_s) + " s is outside [1, 2592000] s");
    for (const Region& r : d.regions) m.region_ids.push_back(r.id);
    m.zones_per_region.assign(d.regions.size(), 0);
    for (const Zone& z : d.zones) {
        m.zone_ids.push_back(z.id);
        const int r = indexOf(m.region_ids, z.region);
        m.zone_region.push_back(r);
        if (r >= 0) m.zones_per_region[r]++;
    }
    // Zones and regions fail at random too when their outage length is given:
    // up for a/(1 - a) x MTTR on average, down for MTTR (both exponential).
    auto domainRates = [&](double a, double mttrH) {
        if (pol.random_failures <= 0 || !(mttrH > 0) || !(a < 1) || !(a > 0)) {
            m.domain_mtbf_s.push_back(0);
            m.domain_mttr_s.push_back(0);
            return;
        }
        m.domain_mttr_s.push_back(mttrH * 3600);
        m.domain_mtbf_s.push_back(a / (1 - a) * mttrH * 3600);
    };
    for (const Zone& z : d.zones) domainRates(z.params.availability, z.params.mttr_h);
    for (const Region& r : d.regions) domainRates(r.params.availability, r.params.mttr_h);
    const Catalogue& cat = defaultCatalogue();
    const Workload& w = d.workload;
    m.base_rps = w.users * w.requests_per_user_per_day / 86400.0 * w.peak_factor;
    m.read_fraction = w.read_fraction;

    for (const Component& c : d.components) {
        SimNode n;
        n.id = c.id;
        n.kind = c.kind;
        const ComponentParams& p = c.params;
        n.source = c.kind == ComponentKind::UserGroup;
        n.station = !n.source && c.kind != ComponentKind::Dns;
        n.choose_one = n.source || c.kind == ComponentKind::Dns || c.kind == ComponentKind::LoadBalancer;
        // A sharded database is `instances` servers per shard, each shard its own:
        // hash sharding spreads requests evenly, so the simulator runs shards x
        // instances queues, as the analytic engine counts its capacity. A
        // request's key picks its shard, and only that shard's instances (or
        // the same shard of a replica) can answer it: a shard whose instances
        // are all down fails its share of the requests (Replicate.cpp).
        const double shards = c.kind == ComponentKind::Database ? std::max(1.0, std::round(p.shards)) : 1.0;
        n.instances = std::max(1, static_cast<int>(std::lround(p.instances * shards)));
        n.shards = static_cast<int>(shards);
        if (c.kind == ComponentKind::Queue) {
            n.concurrency = std::max(1, static_cast<int>(std::lround(p.consumers)));
            n.service_s = p.service_time_ms / 1000.0;
            n.queue_per_instance = 1000000;
        } else {
            // Concurrency from Little's law; the service rate honours the capacity exactly.
            // Counted in double first: 3e8 rps x 10 s is 3e9, more than an int holds.
            const double conc = std::max(1.0, std::round(p.capacity_rps * p.service_time_ms / 1000.0));
            if (!(conc <= limits::kSimConcurrency))
                return R::failure("component '" + c.id + "': concurrency " + formatNumber(conc) +
                                  " (capacity x service time) is above the simulator's limit of " +
                                  formatNumber(limits::kSimConcurrency) + " concurrent requests per instance");
            n.concurrency = static_cast<int>(conc);
            n.service_s = n.concurrency / p.capacity_rps;
            // 64-bit: up to 1e6 slots per server x 1e7 servers.
            n.queue_per_instance = static_cast<std::int64_t>(pol.queue_per_server) * n.concurrency;
        }
        n.hit_ratio = (c.kind == ComponentKind::Cache || c.kind == ComponentKind::Cdn) ? p.hit_ratio : 0;
        n.region = indexOf(m.region_ids, c.region);
        n.zone = indexOf(m.zone_ids, c.zone);
        n.database = c.kind == ComponentKind::Database;
        n.primary = n.database && c.role != DbRole::Replica;
        n.promotion_s = promotionWindowS(p, pol.db_promotion_s, pol.db_endpoint_switch_s);
        n.apply_rate_wps = p.apply_rate_wps > 0 ? p.apply_rate_wps : p.capacity_rps * n.instances;
        if (const InstanceType* it = cat.findInstanceType(c.instance_type)) n.usd_per_hour = it->usd_per_hour;
        n.autoscaled = pol.autoscale > 0 && c.kind == ComponentKind::Service;
        if (pol.random_failures > 0 && n.station) {
            // MTBF and MTTR when given; else the availability with a one-hour repair.
            if (p.mtbf_h > 0 && p.mttr_h > 0) {
                n.mtbf_s = p.mtbf_h * 3600;
                n.mttr_s = p.mttr_h * 3600;
            } else if (p.availability < 1) {
                n.mttr_s = 3600;
                n.mtbf_s = p.availability / (1 - p.availability) * n.mttr_s;
            }
        }
        n.min_instances = n.instances;
        n.max_instances = n.autoscaled ? static_cast<int>(std::ceil(n.instances * pol.autoscale_max_factor)) : n.instances;
        n.check_interval_s = pol.health_check_interval_s;
        n.unhealthy_threshold = pol.unhealthy_threshold;
        if (c.kind == ComponentKind::Database || c.kind == ComponentKind::LoadBalancer || c.kind == ComponentKind::Dns) {
            n.check_interval_s = p.health_check_interval_s;
            n.unhealthy_threshold = p.unhealthy_threshold;
        }
        if (c.kind == ComponentKind::Dns) n.dns_ttl_s = p.dns_ttl_s;
        n.entry_share = n.source ? p.user_share : 0;
        m.nodes.push_back(std::move(n));
    }
    // Call links, grouped by caller; replication links give primaries their replicas.
    for (const Link& l : d.links) m.link_ids.push_back(l.id);
    std::vector<std::vector<SimLink>> out(m.nodes.size());
    std::vector<char> checkedByRouter(m.nodes.size(), 0);
    for (std::size_t li = 0; li < d.links.size(); ++li) {
        const Link& l = d.links[li];
        const int a = d.componentIndex(l.from), b = d.componentIndex(l.to);
        if (a < 0 || b < 0) continue;
        if (l.kind == LinkKind::Replication) {
            if (m.nodes[b].database && m.nodes[b].primary_of < 0 && a != b) {
                m.nodes[b].primary_of = a;
                m.nodes[b].primary = false;
            }
            continue;
        }
        SimLink s;
        s.from = static_cast<std::uint32_t>(a);
        s.to = static_cast<std::uint32_t>(b);
        s.fraction = l.params.fraction;
        s.access = l.access == Access::Read ? kReads : l.access == Access::Write ? kWrites : (kReads | kWrites);
        s.async = l.mode == LinkMode::Async;
        s.latency_s = l.params.extra_latency_ms / 1000.0;
        s.design_link = static_cast<int>(li);
        out[a].push_back(s);
        // Whoever routes to this node health-checks it (the slowest, if
        // several do); the analytic engine picks the same (failoverWindow).
        const Component& caller = d.components[a];
        if ((caller.kind == ComponentKind::LoadBalancer || caller.kind == ComponentKind::Dns) && !m.nodes[b].database) {
            const double ci = caller.params.health_check_interval_s, ct = caller.params.unhealthy_threshold;
            if (!checkedByRouter[b] || ci * ct > m.nodes[b].check_interval_s * m.nodes[b].unhealthy_threshold) {
                m.nodes[b].check_interval_s = ci;
                m.nodes[b].unhealthy_threshold = ct;
            }
            checkedByRouter[b] = 1;
        }
    }
    // Who can be promoted and who answers reads: the rule the analytic engine uses too.
    for (const FailoverMembers& g : failoverGroups(d)) {
        m.nodes[static_cast<std::size_t>(g.primary)].replicas = g.promotable;
        m.nodes[static_cast<std::size_t>(g.primary)].read_replicas = g.replicas;
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        m.nodes[i].out_begin = static_cast<std::uint32_t>(m.links.size());
        m.links.insert(m.links.end(), out[i].begin(), out[i].end());
        m.nodes[i].out_end = static_cast<std::uint32_t>(m.links.size());
    }
    // Requests are drawn as reads or writes only when something tells them apart.
    m.access_matters = false;
    for (const SimLink& l : m.links) m.access_matters |= l.access != (kReads | kWrites);
    for (const SimNode& n : m.nodes) m.access_matters |= n.database;
    // Health probes: a router (DNS) is as healthy as what it routes to.
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        int k = static_cast<int>(i);
        for (int depth = 0; depth < 8 && k >= 0 && !m.nodes[k].station; ++depth)
            k = m.nodes[k].out_begin < m.nodes[k].out_end ? static_cast<int>(m.links[m.nodes[k].out_begin].to) : -1;
        m.nodes[i].probe = k >= 0 && m.nodes[k].station ? k : -1;
    }
    // GeoDNS: a user group whose links reach different regions tries them nearest first.
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        SimNode& n = m.nodes[i];
        if (!n.source || n.out_end - n.out_begin < 2) continue;
        const Component& c = d.components[i];
        std::vector<std::pair<double, std::uint32_t>> byDistance;
        bool distinct = true;
        for (std::uint32_t l = n.out_begin; l < n.out_end; ++l) {
            const int r = m.nodes[m.links[l].to].region;
            if (r < 0) distinct = false;
            else {
                const RegionParams& rp = d.regions[r].params;
                byDistance.push_back({greatCircleKm(c.params.latitude, c.params.longitude, rp.latitude, rp.longitude), l});
            }
        }
        for (std::size_t a = 0; distinct && a < byDistance.size(); ++a)
            for (std::size_t b = 0; b < a; ++b)
                if (m.nodes[m.links[byDistance[a].second].to].region == m.nodes[m.links[byDistance[b].second].to].region)
                    distinct = false;
        if (!distinct) continue;
        std::stable_sort(byDistance.begin(), byDistance.end());
        for (const auto& [km, l] : byDistance) n.nearest_first.push_back(l);
    }
    // Routers with a single way on (for reads and writes alike) skip the choice.
    for (SimNode& n : m.nodes)
        if (n.choose_one && n.out_end == n.out_begin + 1 && n.nearest_first.empty() &&
            m.links[n.out_begin].access == (kReads | kWrites))
            n.only_link = static_cast<int>(n.out_begin);
    // Entry points: user groups by their share; without any, the components nobody calls.
    double shares = 0;
    for (std::size_t i = 0; i < m.nodes.size(); ++i)
        if (m.nodes[i].source && m.nodes[i].entry_share > 0) {
            m.entries.push_back(static_cast<int>(i));
            shares += m.nodes[i].entry_share;
        }
    if (m.entries.empty()) {
        std::vector<char> called(m.nodes.size(), 0);
        for (const SimLink& l : m.links) called[l.to] = 1;
        for (std::size_t i = 0; i < m.nodes.size(); ++i)
            if (!called[i] && m.nodes[i].station) {
                m.entries.push_back(static_cast<int>(i));
                m.nodes[i].entry_share = 1;
                shares += 1;
            }
    }
    if (m.entries.empty()) return R::failure("the design has no entry point (no user group and no uncalled component)");
    for (int e : m.entries) m.nodes[e].entry_share /= shares;

    // Replay files, then the failure timeline.
    for (std::size_t i = 0; i < m.scenario.traffic.size(); ++i) {
        TrafficEvent& e = m.scenario.traffic[i];
        if (e.kind != TrafficKind::Replay || e.file.empty() || !e.series.empty()) continue;
        std::string path = e.file;
        if (!options.base_dir.empty() && !path.empty() && path[0] != '/') path = options.base_dir + "/" + path;
        auto pts = readRateSeriesCsv(path);
        if (!pts)
            return R::failure("scenario '" + scenario.name + "': traffic[" + std::to_string(i) + "] (replay).file: " +
                              pts.error());
        e.series = std::move(pts).value();
    }
    bool setsRate = false;
    for (const TrafficEvent& e : m.scenario.traffic)
        setsRate = setsRate || e.kind == TrafficKind::Replay || (e.kind == TrafficKind::Constant && e.rps > 0);
    if (m.base_rps <= 0 && !setsRate)
        return R::failure("scenario '" + scenario.name +
                          "': the design's workload offers 0 rps; give the scenario a constant traffic with rps");
    for (std::size_t i = 0; i < m.scenario.failures.size(); ++i) {
        if (auto problem = checkFailure(m, d, i)) return R::failure(*problem);
        const FailureEvent& e = m.scenario.failures[i];
        m.timeline.push_back({e.start_s, static_cast<int>(i), true});
        if (e.duration_s > 0) m.timeline.push_back({e.start_s + e.duration_s, static_cast<int>(i), false});
    }
    std::stable_sort(m.timeline.begin(), m.timeline.end(),
                     [](const TimedFailure& a, const TimedFailure& b) { return a.time < b.time; });
    return m;
}

}  // namespace sw::sim
