// The back-of-envelope calculators behind `scalewright calc` (and any GUI
// panel that wants them): inputs checked, one result struct each, and the
// JSON both front ends print.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/Limits.h"
#include "model/Result.h"
#include "planner/Geo.h"
#include "planner/Mva.h"
#include "planner/Queueing.h"

namespace sw {

inline constexpr int kMaxCalcServers = limits::kCalcServers;
inline constexpr int kMaxCalcUsers = 1000000;

// M/M/c with the response-time percentiles.
struct MmcCalc {
    MmcResult queue;
    double w_p50 = 0, w_p95 = 0, w_p99 = 0;   // 0 when saturated
    std::optional<double> t;                  // a time asked about, with the tails at it
    double wq_exceeds_t = 0, w_exceeds_t = 0; // P(Wq > t), P(W > t); 1 when saturated
};
// Refuses lambda < 0, mu <= 0, servers outside [1, kMaxCalcServers], a
// negative t, non-finite values.
Result<MmcCalc> calcMmc(double lambda, double mu, int servers, std::optional<double> t = {});
// Keys: lambda, mu, servers, saturated, rho, saturation_lambda, and unless
// saturated p0, erlang_c, lq, l, wq, w, w_p50, w_p95, w_p99; with t also
// t, p_wq_exceeds_t, p_w_exceeds_t.
std::string mmcCalcJson(const MmcCalc& calc);

// MVA over queueing stations (`demands`) followed by delay stations (`delays`).
Result<MvaResult> calcMva(const std::vector<double>& demands, const std::vector<double>& delays, double thinkTime,
                          int users);
// Keys: users, think_time, throughput, response_time, saturation_users,
// stations[] {index, kind ("queue" | "delay"), demand, utilization, queue_length, residence_time}.
std::string mvaCalcJson(const MvaResult& result, const std::vector<double>& demands, const std::vector<double>& delays);

struct AvailabilityCalc {
    std::string expression;
    double availability = 0;
    double nines = 0;
    double downtime_min_per_year = 0;
    double downtime_min_per_month = 0;
    std::vector<std::string> domains;   // used by the expression, in order of first use
};
// Parses and evaluates; on a positional error `errorColumn` (1-based) says where.
Result<AvailabilityCalc> calcAvailability(const std::string& expression, const std::map<std::string, double>& domains,
                                          int* errorColumn = nullptr);
std::string availabilityCalcJson(const AvailabilityCalc& calc);

// A point on the Earth, named by a catalogue region code or by coordinates.
struct GeoPoint {
    std::string label;   // "us-east-1 (Ashburn, Virginia)" or "40.71,-74.01"
    double latitude = 0, longitude = 0;
    std::string code;    // catalogue region code; "" for coordinates
};
// A region from the built-in catalogue; unknown codes fail naming a few known ones.
Result<GeoPoint> regionPoint(const std::string& code);
// Checks latitude in [-90, 90] and longitude in [-180, 180].
Result<GeoPoint> coordinatePoint(double latitude, double longitude);

struct LatencyCalc {
    GeoPoint from, to;
    double distance_km = 0;
    double floor_rtt_ms = 0;
    double modelled_rtt_ms = 0;              // route-aware model
    double path_km = 0;                      // its route over the interconnection graph
    int hops = 0;                            // spans on that route
    LatencyModel model;
    std::optional<double> catalogue_rtt_ms;  // published measurement of this region pair (docs/catalogues.md)
    std::optional<double> measured_rtt_ms;   // given by the user; never below the floor
    // The figure a given RTT is checked against: the catalogue's measurement, else the model.
    double expected_rtt_ms() const { return catalogue_rtt_ms ? *catalogue_rtt_ms : modelled_rtt_ms; }
    bool far_below_expected = false;         // the given RTT is more than 25 % below expected_rtt_ms()
};
// Refuses a measured RTT below the physical floor, naming both, and a model
// that could go below the floor (route factor < 1 or negative overheads); flags
// one more than 25 % below the measurement or the model (far_below_expected).
Result<LatencyCalc> calcLatency(const GeoPoint& from, const GeoPoint& to, std::optional<double> measuredRttMs = {},
                                const LatencyModel& model = {});
// Keys: from, to, distance_km, floor_rtt_ms, modelled_rtt_ms, path_km, hops,
// route_factor, overhead_ms, per_hop_ms, catalogue_rtt_ms (null when not
// published), expected_rtt_ms, and measured_rtt_ms and far_below_expected when given.
std::string latencyCalcJson(const LatencyCalc& calc);

}  // namespace sw
