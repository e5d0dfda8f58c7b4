// What a simulation is asked (options) and what it answers: a per-second
// time series and a summary per replicate, and their mean with a 95 %
// confidence interval across replicates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/Scenario.h"

namespace sw::sim {

// Full: every instance is a queue and every request walks the call graph.
// Representative: one instance per symmetric group, scaled back up
// (docs/simulator.md). Auto picks representative for large designs.
enum class Method : std::uint8_t { Auto, Full, Representative };

struct Options {
    std::uint64_t seed = 1;
    int replicates = 1;
    double duration_s = 0;          // 0 = the scenario's duration
    double warmup_s = 0;            // summary statistics ignore the first seconds
    Method method = Method::Auto;
    int threads = 0;                // 0 = all cores
    int walks_per_second = 4000;    // representative method: composed end-to-end requests
    std::string base_dir;           // where replay CSV files are looked up
    double full_method_max_requests = 3e7;   // Auto: above this many requests, representative
};

// Operating mode from the seeds (001: target / degraded / floor / recovery);
// Down is below the floor.
enum class Mode : std::uint8_t { Target, Degraded, Floor, Down, Recovery };
const char* modeKey(Mode m);

struct Second {
    double t_s = 0;
    double offered = 0;      // new requests arriving in this second
    double throughput = 0;   // requests completed successfully
    double errors = 0;       // failed: error answers, dead instances, open breakers
    double timeouts = 0;
    double rejections = 0;   // full queues and load shedding
    double retries = 0;      // retry attempts started
    double p50_ms = 0, p95_ms = 0, p99_ms = 0;   // of successful requests
    double replication_lag_s = 0;                // largest replica lag
    double instances = 0;                        // running instances, all components
    Mode mode = Mode::Target;
};

struct ComponentSecond {
    float utilization = 0;
    float queue = 0;
    float instances = 0;
};

struct Summary {
    double offered = 0, successful = 0, errors = 0, timeouts = 0, rejections = 0;
    double requests_lost = 0;           // offered - successful
    double availability = 1;            // successful / offered
    double mean_ms = 0, p50_ms = 0, p95_ms = 0, p99_ms = 0;
    double slo_violation_s = 0;         // seconds outside the target-mode thresholds
    std::optional<double> time_to_detect_s;    // first failure -> first health-check detection
    std::optional<double> time_to_recover_s;   // disturbance -> back in target mode for good
    double peak_queue = 0;
    std::string peak_queue_component;
    double extra_instance_hours = 0;    // autoscaled instances above the design's count
    double extra_cost_usd = 0;
    bool steady_state_held = true;
    std::optional<double> steady_state_violated_at_s;
    bool aborted = false;
    std::optional<double> aborted_at_s;
    // Queueing counters of the first serving component (for calc mmc --simulate).
    double station_arrivals = 0, station_waited = 0, station_found_empty = 0;
    double station_wait_sum_s = 0, station_sojourn_sum_s = 0, station_busy_sum_s = 0;
};

struct Run {
    std::vector<Second> series;
    std::vector<ComponentSecond> components;   // series.size() x component count, row-major
    Summary summary;
    std::uint64_t events = 0;
    double simulated_requests = 0;             // requests the engine actually moved
};

struct Estimate {
    double mean = 0;
    double ci95 = 0;    // half-width; 0 with one replicate
    int n = 0;          // replicates that defined the value
};

struct Report {
    std::string scenario;
    std::string variant;
    Method method = Method::Full;
    std::uint64_t seed = 1;
    double duration_s = 0;
    std::vector<std::string> component_ids;
    std::vector<Run> runs;
    // Across replicates; keys as in the JSON summary.
    std::vector<std::pair<std::string, Estimate>> estimates;
    const Estimate* estimate(const std::string& key) const;
    // Whether the run was long enough for its percentiles to mean something
    // (docs/simulator.md, "Convergence"); when not, why, in one sentence.
    bool converged = true;
    std::string convergence;
};

// How the simulator reports while it works. Called from worker threads: an
// implementation must be thread-safe (the GUI's adapter queues signals).
class Observer {
public:
    virtual ~Observer() = default;
    virtual void progress(double /*fraction*/) {}
    virtual void sample(int /*replicate*/, const Second& /*second*/) {}
    virtual void finished(const Report& /*report*/) {}
    virtual bool cancelled() const { return false; }
};

// The do-nothing observer for the command line and tests.
Observer& nullObserver();

}  // namespace sw::sim
