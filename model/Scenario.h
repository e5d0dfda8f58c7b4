// What the simulator replays against a design: a traffic curve, failures with
// their start and recovery, resilience policies, and the chaos-experiment
// conditions (steady state, abort) checked while it runs. Project-level, so
// one scenario can be replayed against every variant.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/FieldSpec.h"
#include "model/Limits.h"
#include "model/Result.h"

namespace sw {

enum class TrafficKind : std::uint8_t { Constant, Diurnal, Ramp, Spike, Replay };

struct RatePoint {
    double t_s = 0;     // seconds from the start of the scenario
    double rps = 0;
    bool operator==(const RatePoint&) const = default;
};

// Traffic events multiply the base rate (the workload's peak rps) in order;
// `constant` with rps > 0 and `replay` set the rate instead of scaling it.
struct TrafficEvent {
    TrafficKind kind = TrafficKind::Constant;
    double rps = 0;            // constant: absolute rate (0 = the workload's peak)
    double factor = 1;         // spike: x k inside the window; ramp: multiplier reached at the end
    double start_s = 0;
    double duration_s = 0;     // spike window / ramp length; 0 = to the end of the run
    double amplitude = 0.5;    // diurnal: trough = peak x (1 - a) / (1 + a)
    double period_s = 86400;   // diurnal
    double peak_s = 0;         // diurnal: when the curve peaks
    std::vector<RatePoint> series;   // replay: step function of (t, rps)
    std::string file;          // replay: CSV "t_s,rps" read by the simulator's caller
    bool operator==(const TrafficEvent&) const = default;
};

enum class FailureKind : std::uint8_t {
    KillInstances, KillPercent, ZoneOutage, RegionOutage, Latency, ReplicaLag, Errors
};

struct FailureEvent {
    FailureKind kind = FailureKind::KillInstances;
    std::string target;        // component, zone, region, or (latency) component or link id
    double start_s = 0;
    double duration_s = 0;     // recovery at start + duration; 0 = never recovers in the run
    double count = 1;          // kill_instances
    double percent = 0;        // kill_percent
    double latency_ms = 0;     // latency
    double lag_s = 0;          // replica_lag: how far replication falls behind
    double error_rate = 0;     // errors: share of requests the target fails
    bool operator==(const FailureEvent&) const = default;
};

enum class ConditionMetric : std::uint8_t { ErrorRate, Availability, P50Ms, P95Ms, P99Ms };

// "error_rate below 0.01" (steady state) or "p95_ms above 500" (abort),
// evaluated on each simulated second.
struct Condition {
    ConditionMetric metric = ConditionMetric::ErrorRate;
    bool above = false;        // true: holds when metric > threshold; false: when metric < threshold
    double threshold = 0;
    bool operator==(const Condition&) const = default;
};

enum class ServiceDistribution : std::uint8_t { Exponential, Lognormal, Deterministic };

// Resilience mechanics and their settings; defaults from the seeds where they
// give one (docs/simulator.md lists which).
struct ScenarioPolicies {
    double timeout_ms = 1000;
    double retries = 2;
    double retry_base_ms = 100;
    double retry_max_ms = 2000;
    double breaker_failure_ratio = 0.5;
    double breaker_min_requests = 20;
    double breaker_open_s = 30;
    double breaker_probe_ratio = 0.1;
    double health_check_interval_s = 30;
    double unhealthy_threshold = 3;
    double healthy_threshold = 2;
    double db_promotion_s = kDefaultPromotionS;
    double db_endpoint_switch_s = kEndpointSwitchS;
    double autoscale = 1;
    double autoscale_target = 0.7;
    double scale_down_below = 0.3;
    double scale_up_cooldown_s = 300;
    double scale_down_cooldown_s = 600;
    double boot_s = 120;
    double autoscale_max_factor = 4;
    double queue_per_server = 50;
    double load_shedding = 1;
    double replica_lag_limit_s = 30;
    double target_p95_ms = 100;
    double degraded_p95_ms = 200;
    double floor_p95_ms = 500;
    double target_served = 0.999;
    double degraded_served = 0.99;
    double floor_served = 0.9;
    double recovery_hold_s = 60;
    double lognormal_sigma = 0.5;
    double random_failures = 0;   // 1: instances fail and are repaired at random (MTBF / MTTR)
    bool operator==(const ScenarioPolicies&) const = default;
};

struct Scenario {
    std::string name;
    std::string description;
    double duration_s = 600;
    ServiceDistribution service = ServiceDistribution::Exponential;
    std::vector<TrafficEvent> traffic;
    std::vector<FailureEvent> failures;
    std::vector<Condition> steady_state;
    std::vector<Condition> abort_when;
    ScenarioPolicies policies;
    bool operator==(const Scenario&) const = default;
};

inline constexpr double kScenarioMaxDuration = limits::kScenarioSeconds;

std::span<const FieldSpec<ScenarioPolicies>> scenarioPolicyFields();

std::string_view trafficKindKey(TrafficKind k);
std::optional<TrafficKind> trafficKindFromKey(std::string_view key);
std::string_view failureKindKey(FailureKind k);
std::optional<FailureKind> failureKindFromKey(std::string_view key);
std::string_view conditionMetricKey(ConditionMetric m);
std::optional<ConditionMetric> conditionMetricFromKey(std::string_view key);
std::string_view serviceDistributionKey(ServiceDistribution d);
std::optional<ServiceDistribution> serviceDistributionFromKey(std::string_view key);

// One scenario as a JSON object (the element of a project's "scenarios").
std::string scenarioToJson(const Scenario& scenario);
Result<Scenario> scenarioFromJson(std::string_view text);
// A project's whole "scenarios" list, indented for people to edit, and back;
// errors name the scenario, event and field, or the line and column.
std::string scenariosToJson(const std::vector<Scenario>& scenarios);
Result<std::vector<Scenario>> scenariosFromJson(std::string_view text);

}  // namespace sw
