// The design and scenario compiled into flat arrays the engine walks fast:
// nodes (components) with their queueing and resilience settings, call links
// with fractions and access filters, the traffic curve and the failure
// timeline. Compiling also checks the scenario against the design, naming
// the event and field of every problem.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/Design.h"
#include "model/Result.h"
#include "planner/sim/SimTypes.h"

namespace sw::sim {

enum AccessMask : std::uint8_t { kReads = 1, kWrites = 2 };

struct SimLink {
    std::uint32_t from = 0, to = 0;
    double fraction = 1;
    std::uint8_t access = kReads | kWrites;
    bool async = false;
    double latency_s = 0;
    int design_link = -1;
};

struct SimNode {
    std::string id;
    ComponentKind kind = ComponentKind::Service;
    bool source = false;       // user group: requests start here
    bool station = true;       // has instances that queue and serve (DNS does not)
    bool choose_one = false;   // routes each request down one link (DNS, LB, user group)
    int concurrency = 1;       // servers per instance
    double service_s = 0.01;   // mean service time per request
    int instances = 1;         // as designed (a sharded database: shards x instances per shard)
    int shards = 1;            // database: hash shards; instance k serves shard k mod shards
    int min_instances = 1, max_instances = 1;
    bool autoscaled = false;
    double hit_ratio = 0;
    int region = -1, zone = -1;
    double check_interval_s = 30, unhealthy_threshold = 3;
    double dns_ttl_s = 0;      // routers that are DNS: clients keep answers this long
    bool database = false, primary = false;
    int primary_of = -1;       // replica: its primary node
    std::vector<int> replicas; // primary: the replicas it can promote, in promotion order
    std::vector<int> read_replicas;   // primary: every replica (reads fall back among them)
    double promotion_s = kDefaultPromotionS + kEndpointSwitchS;   // FailoverRule.h: promotionWindowS
    double apply_rate_wps = 0;
    double usd_per_hour = 0;
    double mtbf_s = 0, mttr_s = 0;   // random failures of one instance; 0 = none
    double entry_share = 0;    // share of the offered traffic that starts here
    std::int64_t queue_per_instance = 50;
    std::uint32_t out_begin = 0, out_end = 0;   // links_[out_begin, out_end)
    // User groups whose links lead to different regions: links nearest first
    // (GeoDNS sends users to the nearest healthy region); empty = by fraction.
    std::vector<std::uint32_t> nearest_first;
    int probe = -1;            // the serving node whose health stands for this one (-1 = always up)
    int only_link = -1;        // a router with one way on for reads and writes alike: that link
};

struct TimedFailure {
    double time = 0;
    int event = 0;        // index into scenario.failures
    bool start = true;    // start or recovery
};

struct SimModel {
    std::vector<SimNode> nodes;
    std::vector<SimLink> links;
    std::vector<int> entries;            // source nodes, with entry_share > 0
    std::vector<std::string> region_ids, zone_ids;
    std::vector<std::string> link_ids;   // Design::links ids, by design index
    std::vector<int> zone_region;        // zone index -> region index
    std::vector<int> zones_per_region;
    // random_failures: zones then regions with an outage length given; 0 = never fail.
    std::vector<double> domain_mtbf_s, domain_mttr_s;
    Scenario scenario;                   // replay series loaded from files
    std::vector<TimedFailure> timeline;  // sorted by time
    double base_rps = 0;                 // the workload's peak
    double read_fraction = 0.8;
    bool access_matters = true;          // some link or database treats reads and writes apart
    double duration_s = 600;

    // Offered requests per second at time t (piecewise constant per second).
    double rateAt(double t) const;
    // Index of the first serving node, for queueing counters.
    int firstStation() const;
};

Result<SimModel> compileModel(const Design& design, const Scenario& scenario, const Options& options);

// Reads "t_s,rps" lines (an optional header line is skipped); errors name the line.
Result<std::vector<RatePoint>> readRateSeriesCsv(const std::string& path);

}  // namespace sw::sim
