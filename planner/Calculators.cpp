// Input checks and JSON for the `calc` calculators; the maths lives in the kernels.
#include "planner/Calculators.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

#include "model/Catalogue.h"
#include "planner/AvailabilityExpr.h"
#include "planner/AvailabilityMath.h"
#include "model/LatencyTables.h"
#include "planner/RouteModel.h"
#include "planner/ZoneLatency.h"

namespace sw {

namespace {

using json = nlohmann::ordered_json;

std::string fmt(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string dump(const json& j) { return j.dump(2) + "\n"; }

}  // namespace

Result<MmcCalc> calcMmc(double lambda, double mu, int servers, std::optional<double> t) {
    if (!std::isfinite(lambda) || lambda < 0)
        return Result<MmcCalc>::failure("arrival rate " + fmt(lambda) + " must be a finite number >= 0");
    if (!std::isfinite(mu) || mu <= 0)
        return Result<MmcCalc>::failure("service rate " + fmt(mu) + " must be a finite number > 0");
    if (servers < 1 || servers > kMaxCalcServers)
        return Result<MmcCalc>::failure("servers " + std::to_string(servers) + " must be between 1 and " +
                                        std::to_string(kMaxCalcServers));
    if (t && !(std::isfinite(*t) && *t >= 0))
        return Result<MmcCalc>::failure("time " + fmt(*t) + " must be a finite number >= 0");
    MmcCalc c;
    c.queue = mmc(lambda, mu, servers);
    if (t) {
        c.t = *t;
        c.wq_exceeds_t = mmcWaitExceeds(c.queue, *t);
        c.w_exceeds_t = mmcResponseExceeds(c.queue, *t);
    }
    c.w_p50 = mmcResponseQuantile(c.queue, 0.50);
    c.w_p95 = mmcResponseQuantile(c.queue, 0.95);
    c.w_p99 = mmcResponseQuantile(c.queue, 0.99);
    return c;
}

std::string mmcCalcJson(const MmcCalc& calc) {
    const MmcResult& q = calc.queue;
    json j;
    j["lambda"] = q.lambda;
    j["mu"] = q.mu;
    j["servers"] = q.c;
    j["saturated"] = q.saturated;
    j["rho"] = q.rho;
    j["saturation_lambda"] = q.saturation_lambda;
    if (!q.saturated) {
        j["p0"] = q.p0;
        j["erlang_c"] = q.erlang_c;
        j["lq"] = q.lq;
        j["l"] = q.l;
        j["wq"] = q.wq;
        j["w"] = q.w;
        j["w_p50"] = calc.w_p50;
        j["w_p95"] = calc.w_p95;
        j["w_p99"] = calc.w_p99;
    }
    if (calc.t) {
        j["t"] = *calc.t;
        j["p_wq_exceeds_t"] = calc.wq_exceeds_t;
        j["p_w_exceeds_t"] = calc.w_exceeds_t;
    }
    return dump(j);
}

Result<MvaResult> calcMva(const std::vector<double>& demands, const std::vector<double>& delays, double thinkTime,
                          int users) {
    if (demands.empty() && delays.empty()) return Result<MvaResult>::failure("no stations: give at least one demand");
    std::vector<MvaStation> stations;
    for (std::size_t i = 0; i < demands.size(); ++i) {
        if (!std::isfinite(demands[i]) || demands[i] < 0)
            return Result<MvaResult>::failure("demand " + std::to_string(i + 1) + " (" + fmt(demands[i]) +
                                              ") must be a finite number >= 0");
        stations.push_back({demands[i], false});
    }
    for (std::size_t i = 0; i < delays.size(); ++i) {
        if (!std::isfinite(delays[i]) || delays[i] < 0)
            return Result<MvaResult>::failure("delay " + std::to_string(i + 1) + " (" + fmt(delays[i]) +
                                              ") must be a finite number >= 0");
        stations.push_back({delays[i], true});
    }
    if (!std::isfinite(thinkTime) || thinkTime < 0)
        return Result<MvaResult>::failure("think time " + fmt(thinkTime) + " must be a finite number >= 0");
    if (users < 0 || users > kMaxCalcUsers)
        return Result<MvaResult>::failure("users " + std::to_string(users) + " must be between 0 and " +
                                          std::to_string(kMaxCalcUsers));
    return mva(stations, thinkTime, users);
}

std::string mvaCalcJson(const MvaResult& result, const std::vector<double>& demands, const std::vector<double>& delays) {
    json j;
    j["users"] = result.users;
    j["think_time"] = result.think_time;
    j["throughput"] = result.throughput;
    j["response_time"] = result.response_time;
    j["saturation_users"] = result.saturation_users;
    json stations = json::array();
    for (std::size_t k = 0; k < result.stations.size(); ++k) {
        const bool delay = k >= demands.size();
        const MvaStationResult& s = result.stations[k];
        stations.push_back({{"index", k + 1},
                            {"kind", delay ? "delay" : "queue"},
                            {"demand", delay ? delays[k - demands.size()] : demands[k]},
                            {"utilization", s.utilization},
                            {"queue_length", s.queue_length},
                            {"residence_time", s.residence_time}});
    }
    j["stations"] = stations;
    return dump(j);
}

Result<AvailabilityCalc> calcAvailability(const std::string& expression, const std::map<std::string, double>& domains,
                                          int* errorColumn) {
    auto parsed = parseAvailabilityExpr(expression, errorColumn);
    if (!parsed) return Result<AvailabilityCalc>::failure(parsed.error());
    auto a = evaluateAvailabilityExpr(parsed.value(), domains, errorColumn);
    if (!a) return Result<AvailabilityCalc>::failure(a.error());
    AvailabilityCalc c;
    c.expression = expression;
    c.availability = a.value();
    c.nines = nines(c.availability);
    c.downtime_min_per_year = downtimeMinPerYear(c.availability);
    c.downtime_min_per_month = downtimeMinPerMonth(c.availability);
    c.domains = parsed->domains;
    return c;
}

std::string availabilityCalcJson(const AvailabilityCalc& calc) {
    json j;
    j["expression"] = calc.expression;
    j["availability"] = calc.availability;
    j["nines"] = calc.nines;
    j["downtime_min_per_year"] = calc.downtime_min_per_year;
    j["downtime_min_per_month"] = calc.downtime_min_per_month;
    j["domains"] = calc.domains;
    return dump(j);
}

Result<GeoPoint> regionPoint(const std::string& code) {
    const Catalogue& cat = defaultCatalogue();
    if (const CloudRegion* r = cat.findRegion(code))
        return GeoPoint{r->code + " (" + r->city + ")", r->latitude, r->longitude, r->code};
    std::string known;
    for (std::size_t i = 0; i < cat.regions.size() && i < 6; ++i) known += (i ? ", " : "") + cat.regions[i].code;
    return Result<GeoPoint>::failure("unknown region '" + code + "' (the catalogue has " +
                                     std::to_string(cat.regions.size()) + " regions, e.g. " + known + ")");
}

Result<GeoPoint> coordinatePoint(double latitude, double longitude) {
    if (!std::isfinite(latitude) || latitude < -90 || latitude > 90)
        return Result<GeoPoint>::failure("latitude " + fmt(latitude) + " is outside [-90, 90]");
    if (!std::isfinite(longitude) || longitude < -180 || longitude > 180)
        return Result<GeoPoint>::failure("longitude " + fmt(longitude) + " is outside [-180, 180]");
    return GeoPoint{fmt(latitude) + "," + fmt(longitude), latitude, longitude, ""};
}

Result<LatencyCalc> calcLatency(const GeoPoint& from, const GeoPoint& to, std::optional<double> measuredRttMs,
                                const LatencyModel& model) {
    if (!(model.route_factor >= 1) || !(model.overhead_ms >= 0) || !(model.per_hop_ms >= 0) ||
        !std::isfinite(model.route_factor) || !std::isfinite(model.overhead_ms) || !std::isfinite(model.per_hop_ms))
        return Result<LatencyCalc>::failure("latency model (route factor " + fmt(model.route_factor) + ", overhead " +
                                            fmt(model.overhead_ms) + " ms, per hop " + fmt(model.per_hop_ms) +
                                            " ms) could go below the physical floor: needs factor >= 1, overheads >= 0");
    LatencyCalc c;
    c.from = from;
    c.to = to;
    c.model = model;
    c.distance_km = greatCircleKm(from.latitude, from.longitude, to.latitude, to.longitude);
    c.floor_rtt_ms = floorRttMs(c.distance_km);
    const RouteNetwork& net = RouteNetwork::builtIn();
    const RoutePath path = net.route(net.anchor(from.latitude, from.longitude), net.anchor(to.latitude, to.longitude));
    c.path_km = path.km;
    c.hops = path.hops;
    c.modelled_rtt_ms = routeRttMs(path, model);
    if (!from.code.empty() && !to.code.empty())
        c.catalogue_rtt_ms = defaultLatencyTables().measured.rttMs(from.code, to.code);
    if (measuredRttMs) {
        const EnteredRtt check = checkEnteredRtt(*measuredRttMs, c.floor_rtt_ms, c.expected_rtt_ms());
        if (check == EnteredRtt::BelowFloor)
            return Result<LatencyCalc>::failure("RTT " + fmt(*measuredRttMs) + " ms between " + from.label + " and " +
                                                to.label + " is below the physical floor of " +
                                                fmt(c.floor_rtt_ms) + " ms (" + fmt(c.distance_km) +
                                                " km each way at 204 km/ms in fibre)");
        c.measured_rtt_ms = *measuredRttMs;
        c.far_below_expected = check == EnteredRtt::FarBelowReference;
    }
    return c;
}

std::string latencyCalcJson(const LatencyCalc& calc) {
    json j;
    j["from"] = calc.from.label;
    j["to"] = calc.to.label;
    j["distance_km"] = calc.distance_km;
    j["floor_rtt_ms"] = calc.floor_rtt_ms;
    j["modelled_rtt_ms"] = calc.modelled_rtt_ms;
    j["path_km"] = calc.path_km;
    j["hops"] = calc.hops;
    j["route_factor"] = calc.model.route_factor;
    j["overhead_ms"] = calc.model.overhead_ms;
    j["per_hop_ms"] = calc.model.per_hop_ms;
    j["catalogue_rtt_ms"] = calc.catalogue_rtt_ms ? json(*calc.catalogue_rtt_ms) : json(nullptr);
    j["expected_rtt_ms"] = calc.expected_rtt_ms();
    if (calc.measured_rtt_ms) {
        j["measured_rtt_ms"] = *calc.measured_rtt_ms;
        j["far_below_expected"] = calc.far_below_expected;
    }
    return dump(j);
}

}  // namespace sw
