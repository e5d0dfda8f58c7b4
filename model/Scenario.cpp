// Keys, ranges and defaults of the scenario records, shared by JSON, the
// project store and the simulator's --help.
#include "model/Scenario.h"

#include <array>

#include "model/EnumKeys.h"

namespace sw {
namespace {

constexpr std::array<std::pair<TrafficKind, std::string_view>, 5> kTrafficKeys{{
    {TrafficKind::Constant, "constant"},
    {TrafficKind::Diurnal, "diurnal"},
    {TrafficKind::Ramp, "ramp"},
    {TrafficKind::Spike, "spike"},
    {TrafficKind::Replay, "replay"},
}};
constexpr std::array<std::pair<FailureKind, std::string_view>, 7> kFailureKeys{{
    {FailureKind::KillInstances, "kill_instances"},
    {FailureKind::KillPercent, "kill_percent"},
    {FailureKind::ZoneOutage, "zone_outage"},
    {FailureKind::RegionOutage, "region_outage"},
    {FailureKind::Latency, "latency"},
    {FailureKind::ReplicaLag, "replica_lag"},
    {FailureKind::Errors, "errors"},
}};
constexpr std::array<std::pair<ConditionMetric, std::string_view>, 5> kMetricKeys{{
    {ConditionMetric::ErrorRate, "error_rate"},
    {ConditionMetric::Availability, "availability"},
    {ConditionMetric::P50Ms, "p50_ms"},
    {ConditionMetric::P95Ms, "p95_ms"},
    {ConditionMetric::P99Ms, "p99_ms"},
}};
constexpr std::array<std::pair<ServiceDistribution, std::string_view>, 3> kDistKeys{{
    {ServiceDistribution::Exponential, "exponential"},
    {ServiceDistribution::Lognormal, "lognormal"},
    {ServiceDistribution::Deterministic, "deterministic"},
}};

using SP = ScenarioPolicies;
constexpr std::array<FieldSpec<SP>, 32> kPolicyFields{{
    {"timeout_ms", "Client timeout", "ms", 1, 3.6e6, false, &SP::timeout_ms},
    {"retries", "Retries", "", 0, 10, true, &SP::retries},
    {"retry_base_ms", "Retry backoff base", "ms", 0, 3.6e6, false, &SP::retry_base_ms},
    {"retry_max_ms", "Retry backoff cap", "ms", 0, 3.6e6, false, &SP::retry_max_ms},
    {"breaker_failure_ratio", "Breaker failure ratio", "", 0.01, 1, false, &SP::breaker_failure_ratio},
    {"breaker_min_requests", "Breaker minimum requests", "", 1, 1e9, true, &SP::breaker_min_requests},
    {"breaker_open_s", "Breaker open time", "s", 0, 86400, false, &SP::breaker_open_s},
    {"breaker_probe_ratio", "Half-open probe share", "", 0.001, 1, false, &SP::breaker_probe_ratio},
    {"health_check_interval_s", "Health-check interval", "s", 0.1, 3600, false,
     &SP::health_check_interval_s},
    {"unhealthy_threshold", "Unhealthy threshold", "", 1, 100, true, &SP::unhealthy_threshold},
    {"healthy_threshold", "Healthy threshold", "", 1, 100, true, &SP::healthy_threshold},
    {"db_promotion_s", "Database promotion time", "s", 0, 86400, false, &SP::db_promotion_s},
    {"db_endpoint_switch_s", "Database endpoint switch", "s", 0, 86400, false,
     &SP::db_endpoint_switch_s},
    {"autoscale", "Autoscaling on", "", 0, 1, true, &SP::autoscale},
    {"autoscale_target", "Autoscaling target utilisation", "", 0.05, 1, false,
     &SP::autoscale_target},
    {"scale_down_below", "Scale down below utilisation", "", 0, 1, false, &SP::scale_down_below},
    {"scale_up_cooldown_s", "Scale-up cooldown", "s", 0, 86400, false, &SP::scale_up_cooldown_s},
    {"scale_down_cooldown_s", "Scale-down cooldown", "s", 0, 86400, false,
     &SP::scale_down_cooldown_s},
    {"boot_s", "Instance boot time", "s", 0, 86400, false, &SP::boot_s},
    {"autoscale_max_factor", "Autoscaling maximum (x design)", "x", 1, 1000, false,
     &SP::autoscale_max_factor},
    {"queue_per_server", "Queue slots per server", "", 0, 1e6, true, &SP::queue_per_server},
    {"load_shedding", "Load shedding on", "", 0, 1, true, &SP::load_shedding},
    {"replica_lag_limit_s", "Replica lag limit for reads", "s", 0, 86400, false,
     &SP::replica_lag_limit_s},
    {"target_p95_ms", "Target mode p95", "ms", 0, 1e6, false, &SP::target_p95_ms},
    {"degraded_p95_ms", "Degraded mode p95", "ms", 0, 1e6, false, &SP::degraded_p95_ms},
    {"floor_p95_ms", "Floor mode p95", "ms", 0, 1e6, false, &SP::floor_p95_ms},
    {"target_served", "Target mode share served", "", 0, 1, false, &SP::target_served},
    {"degraded_served", "Degraded mode share served", "", 0, 1, false, &SP::degraded_served},
    {"floor_served", "Floor mode share served", "", 0, 1, false, &SP::floor_served},
    {"recovery_hold_s", "Recovery hold", "s", 0, 86400, false, &SP::recovery_hold_s},
    {"lognormal_sigma", "Lognormal sigma", "", 0.01, 5, false, &SP::lognormal_sigma},
    {"random_failures", "Random instance failures", "", 0, 1, true, &SP::random_failures},
}};

}  // namespace

std::span<const FieldSpec<ScenarioPolicies>> scenarioPolicyFields() { return kPolicyFields; }

std::string_view trafficKindKey(TrafficKind k) { return detail::keyOf(kTrafficKeys, k); }
std::optional<TrafficKind> trafficKindFromKey(std::string_view key) {
    return detail::valueOf(kTrafficKeys, key);
}
std::string_view failureKindKey(FailureKind k) { return detail::keyOf(kFailureKeys, k); }
std::optional<FailureKind> failureKindFromKey(std::string_view key) {
    return detail::valueOf(kFailureKeys, key);
}
std::string_view conditionMetricKey(ConditionMetric m) { return detail::keyOf(kMetricKeys, m); }
std::optional<ConditionMetric> conditionMetricFromKey(std::string_view key) {
    return detail::valueOf(kMetricKeys, key);
}
std::string_view serviceDistributionKey(ServiceDistribution d) { return detail::keyOf(kDistKeys, d); }
std::optional<ServiceDistribution> serviceDistributionFromKey(std::string_view key) {
    return detail::valueOf(kDistKeys, key);
}

}  // namespace sw
