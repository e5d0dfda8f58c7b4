// The analytic engine's answer for one design: every number the GUI, the
// report and `scalewright analyze` show, as plain values computed by a pure
// function of the design. Each figure can be traced: `explain` lists the
// formula and the inputs that produced it.
#pragma once

#include <string>
#include <vector>

#include "model/Design.h"
#include "model/Validation.h"
#include "planner/Geo.h"

namespace sw {

struct Catalogue;

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
    // Added by the engine (additive to the contract):
    double p50_ms = 0;            // median response time at this tier
    double stations = 1;          // independent M/M/c stations (shards of a shard group)
    double instances_required = 0; // k of k-of-n: instances that must be up to carry the load below 100 %
    std::string region;           // region id the component is in
    // Failover after one instance fails: the longest window (last health
    // check + TTL + promotion) and the expected loss window (checks half an
    // interval sooner on average, DNS caches drain over the TTL).
    double failover_window_s = 0;
    double failover_loss_s = 0;
};

// End-to-end latency for one user group, routed to its nearest healthy region.
struct GeographyResult {
    std::string user_group;       // component id
    std::string region;           // region id it is served from
    double network_rtt_ms = 0;    // user to region
    double p50_ms = 0;
    double p95_ms = 0;
    // Added by the engine:
    double share = 0;             // of the workload's users
    bool saturated = false;       // a tier on its path is saturated: p50/p95 are +infinity (JSON null)
    std::vector<std::string> saturated_tiers;   // ids of the saturated tiers on its path, in design order
    double availability = 1;      // of this group's requests (its routes, failover across regions)
    std::vector<std::string> fallback_regions;   // in the order GeoDNS fails over
    // network_rtt_ms is the origin RTT: last mile + route to the serving region.
    // A request a CDN answers pays only the edge RTT; p50/p95 are over all of
    // the group's requests (edge hits and origin requests with their queueing).
    double last_mile_ms = 0;      // the group's access network (in every figure above)
    double edge_rtt_ms = 0;       // last mile + metro hop to a CDN edge; 0 = no CDN on the path
    double edge_share = 0;        // of the group's requests answered at the edge (CDN hits)
};

struct ReplicationResult {
    std::string link;             // replication link id
    std::string from, to;         // component ids
    double lag_ms = 0;            // async: one-way delay + apply queue
    bool unbounded = false;       // write rate >= apply rate: lag grows without bound
    double saturating_write_rps = 0;   // the write rate at which the lag becomes unbounded
    double commit_latency_ms = 0; // sync/quorum: added to each write
    double rpo_s = 0;             // data at risk on failover
    // Added by the engine:
    std::string mode;             // "sync", "async", "quorum"
    double write_rps = 0;         // writes the link carries at peak
    double apply_rate_wps = 0;    // the replica's apply rate
    double network_one_way_ms = 0;
    double staleness_bound_ms = 0;   // reads on the replica are at most this old (mean lag + p95 of the apply queue)
};

struct CostBreakdown {
    double compute = 0, storage = 0, egress = 0, cdn = 0, cross_region = 0, managed = 0;
    double total = 0;
    double per_million_requests = 0;
    double per_user = 0;
    // Added by the engine:
    double cross_zone = 0;               // USD/month between zones of one region (part of total)
    double egress_gb_per_month = 0;      // to the internet from origins
    double cdn_gb_per_month = 0;         // served by CDNs
    double cross_region_gb_per_month = 0;
    std::vector<std::pair<std::string, double>> by_region;   // region id ("" = global) -> USD/month
};

// A database primary and the replicas it can promote, shown as one line.
struct FailoverGroupResult {
    std::string primary;                 // component id
    std::vector<std::string> replicas;   // promotable replicas in its region, in promotion order
    double availability = 0;             // P(the group serves what is sent to the primary), region and zones included
    double failover_s_per_event = 0;     // the primary's checks (interval x threshold) + promotion + endpoint switch
    double events_per_year = 0;          // failovers: the serving member fails while another can take over
    double downtime_min_per_year = 0;    // (1 - availability) x 525,960
};

// A part worth showing in the Birnbaum list (importance above 1 % of the top one).
struct ImportanceShare {
    std::string id;                      // component, zone or region id
    double importance = 0;               // Birnbaum: A(part up) - A(part down)
    double downtime_min_per_year = 0;    // importance x (1 - part availability) x 525,960: the downtime it causes
};

struct AvailabilitySummary {
    double availability = 1;
    double nines = 0;                   // -log10(1 - A)
    double downtime_min_per_year = 0;   // (1 - A) x 525,960
    double downtime_min_per_month = 0;  // (1 - A) x 43,830
    std::string weakest;                // component id with the largest Birnbaum importance
    std::vector<std::pair<std::string, double>> importance;   // Birnbaum, descending
    // Added by the engine:
    double slo = 0.999;                      // the availability objective the budget is measured against
    double error_budget_min_per_month = 0;   // (1 - SLO) x 43,830: downtime the objective allows
    double budget_used = 0;                  // expected downtime / error budget (> 1: the SLO is missed)
    double failover_s_per_event = 0;         // detection + DNS TTL + failover of the entry tier
    std::vector<std::pair<std::string, double>> domain_importance;   // regions and zones, Birnbaum, descending
    std::vector<FailoverGroupResult> failover_groups;   // database failover groups, in design order
    std::vector<ImportanceShare> importance_shown;      // components, zones and regions above 1 % of the top, descending
};

struct Summary {
    double average_rps = 0;
    double peak_rps = 0;
    double cost_per_month_usd = 0;
    double p95_ms = 0;                  // user-weighted across geographies; +infinity when a path is saturated
    std::string bottleneck;             // component id with the highest utilisation
    double headroom = 0;                // of the bottleneck
    AvailabilitySummary availability;
    // Added by the engine: a tier at rho >= 1 has no finite queueing time, so
    // no latency figure through it is shown as a number.
    bool saturated = false;                     // some tier is saturated at the peak
    std::vector<std::string> saturated_tiers;   // their ids, in design order
};

// Round-trip times between regions (ms), in the order of Design::regions.
struct LatencyMatrix {
    std::vector<std::string> regions;
    std::vector<std::vector<double>> floor_ms;
    std::vector<std::vector<double>> modelled_ms;
    // Added by the engine: where each region x region figure comes from.
    enum class Source { Modelled, Measured, Override };
    std::vector<std::vector<Source>> source;   // region x region; empty = all modelled
    // Added by the engine: user geography x region heatmap (modelled RTT, ms)
    std::vector<std::string> user_groups;
    std::vector<std::vector<double>> user_modelled_ms;
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

// A measured round trip between two regions (ids), overriding the catalogue
// and the model: the same record as a design's `latency_overrides`.
using MeasuredRtt = LatencyOverride;

struct AnalyzeOptions {
    bool traces = true;              // fill Analysis::explain
    bool componentTraces = true;     // ... including 8 traces per tier (the costly part)
    bool importance = true;          // Birnbaum ranking (about as costly as the availability itself)
    LatencyModel latency;            // route-aware modelled RTT (Geo.h); defaults fitted on the measured pairs
    std::vector<MeasuredRtt> measured;   // on top of the design's latency_overrides; below the floor: a finding, not used
    bool catalogueMeasurements = true;   // region pairs with a published measurement use it (false: the model everywhere)
    double slo = 0.999;              // availability objective for the error budget
    const Catalogue* catalogue = nullptr;   // prices and instance types; null = defaultCatalogue() (what-if price sensitivity)
    int runway_months = 24;          // runway findings look this far ahead (0 = none; 1..60)
};

// Analyses one design. Never throws; an invalid design yields findings and
// whatever can still be computed.
Analysis analyze(const Design& design);
Analysis analyze(const Design& design, const AnalyzeOptions& options);
// The same numbers without the per-tier traces (design-level traces are
// kept): for recomputing on every edit; explainComponent() (planner/Explain.h)
// gives one tier's traces when they are shown. Same signature as analyze(),
// so it fits where a function pointer to the engine is expected.
Analysis analyzeLive(const Design& design);
// Every finding of a design, in one list: validation, then the engine's
// (saturation, lag, latency floor...), then runway (AnalyzeOptions'
// horizon). What the window counts, `validate` lists and the report prints.
std::vector<Finding> designFindings(const Design& design);

}  // namespace sw
