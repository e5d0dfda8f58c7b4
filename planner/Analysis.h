// The analytic engine's answer for one design: every number the GUI, the
// report and `scalewright analyze` show, as plain values computed by a pure
// function of the design. Each figure can be traced: `explain` lists the
// formula and the inputs that produced it.
#pragma once

#include <string>
#include <vector>

#include "model/Design.h"
#include "model/Validation.h"

namespace sw {

// Where a number came from: "M/M/c waiting time", "Wq = C(c,a)/(c*mu - lambda)",
// "lambda=412 rps, mu=50 /s, c=12".
struct Trace {
    std::string quantity;   // what was computed, e.g. "web.wq_ms"
    std::string formula;    // the formula, in words or symbols
    std::string inputs;     // the values that went in
    double value = 0;
};

struct ComponentResult {
    std::string id;
    double load_rps = 0;          // offered arrival rate at peak, after caches/CDNs upstream
    double read_rps = 0;
    double write_rps = 0;
    double servers = 0;           // c of the M/M/c station (instances x per-instance concurrency)
    double capacity_rps = 0;      // load at which the tier saturates (rho = 1)
    double utilization = 0;       // rho = lambda / (c mu); may exceed 1 when saturated
    bool saturated = false;       // rho >= 1: no finite queueing time
    double instances = 0;         // as designed
    double instances_needed = 0;  // for the workload's target utilisation
    double headroom = 0;          // capacity / load - 1 (growth the tier absorbs); < 0 = overloaded
    double wq_ms = 0;             // mean wait in queue (0 when saturated; see `saturated`)
    double w_ms = 0;              // mean response time at this tier
    double p95_ms = 0;            // response-time percentile at this tier
    double availability = 1;      // the tier (instances k-of-n, its own failure domains)
    double cost_per_month_usd = 0;
};

// End-to-end latency for one user group, routed to its nearest healthy region.
struct GeographyResult {
    std::string user_group;       // component id
    std::string region;           // region id it is served from
    double network_rtt_ms = 0;    // user to region
    double p50_ms = 0;
    double p95_ms = 0;
};

struct ReplicationResult {
    std::string link;             // replication link id
    std::string from, to;         // component ids
    double lag_ms = 0;            // async: one-way delay + apply queue
    bool unbounded = false;       // write rate >= apply rate: lag grows without bound
    double saturating_write_rps = 0;   // the write rate at which the lag becomes unbounded
    double commit_latency_ms = 0; // sync/quorum: added to each write
    double rpo_s = 0;             // data at risk on failover
};

struct CostBreakdown {
    double compute = 0, storage = 0, egress = 0, cdn = 0, cross_region = 0, managed = 0;
    double total = 0;
    double per_million_requests = 0;
    double per_user = 0;
};

struct AvailabilitySummary {
    double availability = 1;
    double nines = 0;                   // -log10(1 - A)
    double downtime_min_per_year = 0;   // (1 - A) x 525,960
    double downtime_min_per_month = 0;  // (1 - A) x 43,830
    std::string weakest;                // component id with the largest Birnbaum importance
    std::vector<std::pair<std::string, double>> importance;   // Birnbaum, descending
};

struct Summary {
    double average_rps = 0;
    double peak_rps = 0;
    double cost_per_month_usd = 0;
    double p95_ms = 0;                  // user-weighted across geographies
    std::string bottleneck;             // component id with the highest utilisation
    double headroom = 0;                // of the bottleneck
    AvailabilitySummary availability;
};

// Round-trip times between regions (ms), in the order of Design::regions.
struct LatencyMatrix {
    std::vector<std::string> regions;
    std::vector<std::vector<double>> floor_ms;
    std::vector<std::vector<double>> modelled_ms;
};

struct Analysis {
    Summary summary;
    std::vector<ComponentResult> components;   // parallel to Design::components
    std::vector<GeographyResult> geographies;
    std::vector<ReplicationResult> replication;
    CostBreakdown cost;
    LatencyMatrix latency;
    std::vector<Finding> findings;             // saturated tiers, unbounded lag, latency below floor...
    std::vector<Trace> explain;
};

// Analyses one design. Never throws; an invalid design yields findings and
// whatever can still be computed.
Analysis analyze(const Design& design);

}  // namespace sw
