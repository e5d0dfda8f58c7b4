// Scenarios in JSON: each event kind accepts only its own fields, every value
// is type- and range-checked, and each problem names the event and the field.
#include "model/ScenarioJson.h"

#include <algorithm>
#include <cmath>

namespace sw::detail {
namespace {

using nlohmann::json;
using ojson = nlohmann::ordered_json;

constexpr std::size_t kMaxSeriesPoints = limits::kSeriesPoints;

class ScenarioReader {
public:
    explicit ScenarioReader(std::vector<std::string>& errors) : errors_(errors) {}

    void fail(const std::string& path, const std::string& message) {
        if (errors_.size() < 50) errors_.push_back(path + ": " + message + context_);
    }

    // A number in [lo, hi], or nothing (with the problem reported).
    std::optional<double> number(const json& obj, const char* key, const std::string& path, double lo,
                                 double hi, bool integer = false) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return std::nullopt;
        const std::string p = path + "." + key;
        if (!it->is_number()) {
            fail(p, "expected a number");
            return std::nullopt;
        }
        const double v = it->get<double>();
        std::string problem;
        if (!std::isfinite(v)) problem = "number is too large to represent";
        else if (v < lo) problem = formatNumber(v) + " is below the minimum " + formatNumber(lo);
        else if (v > hi) problem = formatNumber(v) + " is above the maximum " + formatNumber(hi);
        else if (integer && v != std::floor(v)) problem = formatNumber(v) + " is not a whole number";
        if (!problem.empty()) {
            fail(p, problem);
            return std::nullopt;
        }
        return v;
    }
    void number(const json& obj, const char* key, const std::string& path, double lo, double hi,
                double& out, bool integer = false) {
        if (auto v = number(obj, key, path, lo, hi, integer)) out = *v;
    }

    void text(const json& obj, const char* key, const std::string& path, std::string& out) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return;
        if (!it->is_string()) return fail(path + "." + key, "expected a string");
        const auto& s = it->get_ref<const std::string&>();
        if (s.size() > 4096) return fail(path + "." + key, "text longer than 4096 characters");
        out = s;
    }

    void allowOnly(const json& obj, const std::string& path, std::initializer_list<std::string_view> keys) {
        for (auto it = obj.begin(); it != obj.end(); ++it)
            if (std::find(keys.begin(), keys.end(), it.key()) == keys.end())
                fail(path + "." + it.key(), "unknown field");
    }

    template <class E, class F>
    std::optional<E> kind(const json& obj, const std::string& path, F fromKey, const char* allowed) {
        auto it = obj.find("type");
        if (it == obj.end() || !it->is_string()) {
            fail(path + ".type", it == obj.end() ? "missing (one of " + std::string(allowed) + ")"
                                                 : "expected a string");
            return std::nullopt;
        }
        const auto& s = it->get_ref<const std::string&>();
        if (auto k = fromKey(s)) return k;
        fail(path + ".type", "'" + s + "' is not one of " + allowed);
        return std::nullopt;
    }

    TrafficEvent traffic(const json& j, const std::string& p) {
        TrafficEvent e;
        auto k = kind<TrafficKind>(j, p, trafficKindFromKey, "constant, diurnal, ramp, spike, replay");
        if (!k) return e;
        e.kind = *k;
        context_ = " (" + std::string(trafficKindKey(e.kind)) + " traffic of scenario '" + scenario_ + "')";
        switch (e.kind) {
            case TrafficKind::Constant:
                allowOnly(j, p, {"type", "rps", "factor", "start_s", "duration_s"});
                number(j, "rps", p, 0, 1e10, e.rps);
                number(j, "factor", p, 0, 1e4, e.factor);
                break;
            case TrafficKind::Diurnal:
                allowOnly(j, p, {"type", "amplitude", "period_s", "peak_s"});
                number(j, "amplitude", p, 0, 0.999, e.amplitude);
                number(j, "period_s", p, 1, kScenarioMaxDuration, e.period_s);
                number(j, "peak_s", p, 0, kScenarioMaxDuration, e.peak_s);
                break;
            case TrafficKind::Ramp:
            case TrafficKind::Spike:
                allowOnly(j, p, {"type", "factor", "start_s", "duration_s"});
                if (!j.contains("factor")) fail(p + ".factor", "missing (the multiplier)");
                number(j, "factor", p, 0, 1e4, e.factor);
                break;
            case TrafficKind::Replay: replay(j, p, e); break;
        }
        if (e.kind != TrafficKind::Diurnal && e.kind != TrafficKind::Replay) {
            number(j, "start_s", p, 0, kScenarioMaxDuration, e.start_s);
            number(j, "duration_s", p, 0, kScenarioMaxDuration, e.duration_s);
        }
        context_.clear();
        return e;
    }

    void replay(const json& j, const std::string& p, TrafficEvent& e) {
        allowOnly(j, p, {"type", "series", "file"});
        text(j, "file", p, e.file);
        auto it = j.find("series");
        if (it == j.end()) {
            if (e.file.empty()) fail(p + ".series", "missing (give \"series\": [[t_s, rps], ...] or \"file\")");
            return;
        }
        if (!it->is_array()) return fail(p + ".series", "expected an array of [t_s, rps] pairs");
        if (it->size() > kMaxSeriesPoints) return fail(p + ".series", "more than 1,000,000 points");
        double last = -1;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json& pt = (*it)[i];
            const std::string ip = p + ".series[" + std::to_string(i) + "]";
            if (!pt.is_array() || pt.size() != 2 || !pt[0].is_number() || !pt[1].is_number()) {
                fail(ip, "expected [t_s, rps]");
                continue;
            }
            const double t = pt[0].get<double>(), r = pt[1].get<double>();
            if (!std::isfinite(t) || t < 0 || t > kScenarioMaxDuration) fail(ip, "time must be in [0, 2592000] s");
            else if (t <= last) fail(ip, "times must increase");
            else if (!std::isfinite(r) || r < 0 || r > 1e10) fail(ip, "rate must be in [0, 1e10] rps");
            else e.series.push_back({t, r});
            last = std::max(last, t);
        }
    }

    FailureEvent failure(const json& j, const std::string& p) {
        FailureEvent e;
        auto k = kind<FailureKind>(j, p, failureKindFromKey,
                                   "kill_instances, kill_percent, zone_outage, region_outage, latency, "
                                   "replica_lag, errors");
        if (!k) return e;
        e.kind = *k;
        context_ = " (" + std::string(failureKindKey(e.kind)) + " event of scenario '" + scenario_ + "')";
        const char* extra = nullptr;
        switch (e.kind) {
            case FailureKind::KillInstances: extra = "count"; break;
            case FailureKind::KillPercent: extra = "percent"; break;
            case FailureKind::Latency: extra = "latency_ms"; break;
            case FailureKind::ReplicaLag: extra = "lag_s"; break;
            case FailureKind::Errors: extra = "error_rate"; break;
            default: break;
        }
        if (extra) allowOnly(j, p, {"type", "target", "start_s", "duration_s", extra});
        else allowOnly(j, p, {"type", "target", "start_s", "duration_s"});
        text(j, "target", p, e.target);
        if (e.target.empty()) fail(p + ".target", "missing or empty (the id it applies to)");
        number(j, "start_s", p, 0, kScenarioMaxDuration, e.start_s);
        number(j, "duration_s", p, 0, kScenarioMaxDuration, e.duration_s);
        if (extra && !j.contains(extra) && e.kind != FailureKind::KillInstances)
            fail(p + "." + extra, "missing");
        switch (e.kind) {
            case FailureKind::KillInstances: number(j, "count", p, 1, 100000, e.count, true); break;
            case FailureKind::KillPercent: number(j, "percent", p, 0.001, 100, e.percent); break;
            case FailureKind::Latency: number(j, "latency_ms", p, 0.001, 3.6e6, e.latency_ms); break;
            case FailureKind::ReplicaLag: number(j, "lag_s", p, 0.001, kScenarioMaxDuration, e.lag_s); break;
            case FailureKind::Errors: number(j, "error_rate", p, 0.000001, 1, e.error_rate); break;
            default: break;
        }
        context_.clear();
        return e;
    }

    Condition condition(const json& j, const std::string& p) {
        Condition c;
        allowOnly(j, p, {"metric", "below", "above"});
        auto it = j.find("metric");
        if (it == j.end() || !it->is_string()) {
            fail(p + ".metric", "missing (one of error_rate, availability, p50_ms, p95_ms, p99_ms)");
            return c;
        }
        if (auto m = conditionMetricFromKey(it->get_ref<const std::string&>())) c.metric = *m;
        else fail(p + ".metric", "'" + it->get<std::string>() + "' is not one of error_rate, availability, p50_ms, p95_ms, p99_ms");
        const bool hasAbove = j.contains("above"), hasBelow = j.contains("below");
        if (hasAbove == hasBelow) {
            fail(p, "give exactly one of \"below\" or \"above\"");
            return c;
        }
        c.above = hasAbove;
        number(j, hasAbove ? "above" : "below", p, 0, 1e9, c.threshold);
        return c;
    }

    template <class T, class F>
    void list(const json& obj, const char* key, const std::string& path, std::vector<T>& out, F one) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return;
        const std::string p = path + "." + key;
        if (!it->is_array()) return fail(p, "expected an array");
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string ip = p + "[" + std::to_string(i) + "]";
            if (!(*it)[i].is_object()) {
                fail(ip, "expected an object");
                continue;
            }
            out.push_back(one((*it)[i], ip));
        }
    }

    Scenario scenario(const json& j, const std::string& p) {
        Scenario s;
        if (!j.is_object()) {
            fail(p, "expected an object");
            return s;
        }
        allowOnly(j, p, {"name", "description", "duration_s", "service_time", "traffic", "failures",
                         "steady_state", "abort", "policies"});
        text(j, "name", p, s.name);
        if (s.name.empty()) fail(p + ".name", "missing or empty");
        scenario_ = s.name;
        text(j, "description", p, s.description);
        number(j, "duration_s", p, 1, kScenarioMaxDuration, s.duration_s);
        if (auto it = j.find("service_time"); it != j.end()) {
            std::string key;
            text(j, "service_time", p, key);
            if (auto d = serviceDistributionFromKey(key)) s.service = *d;
            else if (it->is_string())
                fail(p + ".service_time", "'" + key + "' is not one of exponential, lognormal, deterministic");
        }
        list(j, "traffic", p, s.traffic, [&](const json& x, const std::string& xp) { return traffic(x, xp); });
        list(j, "failures", p, s.failures, [&](const json& x, const std::string& xp) { return failure(x, xp); });
        list(j, "steady_state", p, s.steady_state,
             [&](const json& x, const std::string& xp) { return condition(x, xp); });
        list(j, "abort", p, s.abort_when, [&](const json& x, const std::string& xp) { return condition(x, xp); });
        if (auto it = j.find("policies"); it != j.end()) {
            const std::string pp = p + ".policies";
            if (!it->is_object()) fail(pp, "expected an object");
            else {
                for (auto f = it->begin(); f != it->end(); ++f)
                    if (!findField(scenarioPolicyFields(), f.key())) fail(pp + "." + f.key(), "unknown policy");
                for (const auto& f : scenarioPolicyFields()) {
                    double v = f.get(s.policies);
                    number(*it, std::string(f.key).c_str(), pp, f.min, f.max, v, f.integer);
                    f.set(s.policies, v);
                }
            }
        }
        return s;
    }

private:
    std::vector<std::string>& errors_;
    std::string scenario_;
    std::string context_;
};

ojson num(double v) {
    if (v == std::floor(v) && std::abs(v) < 1e15) return static_cast<std::int64_t>(v);
    return v;
}

ojson conditionJson(const Condition& c) {
    return ojson{{"metric", conditionMetricKey(c.metric)}, {c.above ? "above" : "below", num(c.threshold)}};
}

}  // namespace

Scenario readScenario(const json& value, const std::string& path, std::vector<std::string>& errors) {
    ScenarioReader r(errors);
    return r.scenario(value, path);
}

void readScenarios(const json& value, const std::string& path, std::vector<Scenario>& out,
                   std::vector<std::string>& errors) {
    if (!value.is_array()) {
        errors.push_back(path + ": expected an array of scenarios");
        return;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string p = path + "[" + std::to_string(i) + "]";
        Scenario s = readScenario(value[i], p, errors);
        for (std::size_t k = 0; k < out.size(); ++k)
            if (!s.name.empty() && out[k].name == s.name)
                errors.push_back(p + ".name: '" + s.name + "' is already used by " + path + "[" +
                                 std::to_string(k) + "]");
        out.push_back(std::move(s));
    }
}

ojson scenarioJsonValue(const Scenario& s) {
    ojson j{{"name", s.name}};
    if (!s.description.empty()) j["description"] = s.description;
    j["duration_s"] = num(s.duration_s);
    if (s.service != ServiceDistribution::Exponential) j["service_time"] = serviceDistributionKey(s.service);
    ojson traffic = ojson::array();
    for (const TrafficEvent& e : s.traffic) {
        ojson x{{"type", trafficKindKey(e.kind)}};
        switch (e.kind) {
            case TrafficKind::Constant:
                if (e.rps > 0) x["rps"] = num(e.rps);
                if (e.factor != 1) x["factor"] = num(e.factor);
                break;
            case TrafficKind::Diurnal:
                x["amplitude"] = num(e.amplitude);
                x["period_s"] = num(e.period_s);
                x["peak_s"] = num(e.peak_s);
                break;
            case TrafficKind::Ramp:
            case TrafficKind::Spike: x["factor"] = num(e.factor); break;
            case TrafficKind::Replay:
                if (!e.file.empty()) x["file"] = e.file;
                if (!e.series.empty()) {
                    ojson pts = ojson::array();
                    for (const RatePoint& p : e.series) pts.push_back(ojson::array({num(p.t_s), num(p.rps)}));
                    x["series"] = std::move(pts);
                }
                break;
        }
        if (e.kind != TrafficKind::Diurnal && e.kind != TrafficKind::Replay) {
            if (e.start_s != 0) x["start_s"] = num(e.start_s);
            if (e.duration_s != 0) x["duration_s"] = num(e.duration_s);
        }
        traffic.push_back(std::move(x));
    }
    j["traffic"] = std::move(traffic);
    ojson failures = ojson::array();
    for (const FailureEvent& e : s.failures) {
        ojson x{{"type", failureKindKey(e.kind)}, {"target", e.target}, {"start_s", num(e.start_s)}};
        if (e.duration_s != 0) x["duration_s"] = num(e.duration_s);
        switch (e.kind) {
            case FailureKind::KillInstances: x["count"] = num(e.count); break;
            case FailureKind::KillPercent: x["percent"] = num(e.percent); break;
            case FailureKind::Latency: x["latency_ms"] = num(e.latency_ms); break;
            case FailureKind::ReplicaLag: x["lag_s"] = num(e.lag_s); break;
            case FailureKind::Errors: x["error_rate"] = num(e.error_rate); break;
            default: break;
        }
        failures.push_back(std::move(x));
    }
    j["failures"] = std::move(failures);
    if (!s.steady_state.empty()) {
        ojson a = ojson::array();
        for (const Condition& c : s.steady_state) a.push_back(conditionJson(c));
        j["steady_state"] = std::move(a);
    }
    if (!s.abort_when.empty()) {
        ojson a = ojson::array();
        for (const Condition& c : s.abort_when) a.push_back(conditionJson(c));
        j["abort"] = std::move(a);
    }
    // Only the policies that differ from the defaults, so files stay readable.
    const ScenarioPolicies defaults;
    ojson policies = ojson::object();
    for (const auto& f : scenarioPolicyFields())
        if (f.get(s.policies) != f.get(defaults)) policies[std::string(f.key)] = num(f.get(s.policies));
    if (!policies.empty()) j["policies"] = std::move(policies);
    return j;
}

}  // namespace sw::detail

namespace sw {

std::string scenarioToJson(const Scenario& scenario) { return detail::scenarioJsonValue(scenario).dump(); }

namespace {

// Parses `text` as JSON within the nesting limit, or says what is wrong and
// where (line and column of a syntax error).
Result<nlohmann::json> parseGuarded(std::string_view text, const std::string& what) {
    using R = Result<nlohmann::json>;
    int depth = 0;
    for (char c : text) {
        if (c == '[' || c == '{') {
            if (++depth > 64) return R::failure(what + ": JSON nests too deeply");
        } else if (c == ']' || c == '}') --depth;
    }
    try {
        return nlohmann::json::parse(text.begin(), text.end(), nullptr, true, false);
    } catch (const nlohmann::json::parse_error& e) {
        const std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
        const std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
        const std::size_t lineStart = text.rfind('\n', at == 0 ? 0 : at - 1);
        const std::size_t column = lineStart == std::string_view::npos || at == 0 ? at + 1 : at - lineStart;
        return R::failure(what + ": not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(column));
    } catch (const nlohmann::json::out_of_range&) {
        // A number no double holds (1e400): nlohmann throws this, not a parse error.
        return R::failure(what + ": a number is too large for a double (beyond 1.8e308)");
    } catch (const nlohmann::json::exception&) {
        return R::failure(what + ": not valid JSON");
    }
}

std::string joined(const std::vector<std::string>& errors) {
    std::string all;
    for (const auto& e : errors) all += (all.empty() ? "" : "\n") + e;
    return all;
}

}  // namespace

Result<Scenario> scenarioFromJson(std::string_view text) {
    auto j = parseGuarded(text, "scenario");
    if (!j) return Result<Scenario>::failure(j.error());
    std::vector<std::string> errors;
    Scenario s = detail::readScenario(j.value(), "scenario", errors);
    if (errors.empty()) return s;
    return Result<Scenario>::failure(joined(errors));
}

std::string scenariosToJson(const std::vector<Scenario>& scenarios) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Scenario& s : scenarios) list.push_back(detail::scenarioJsonValue(s));
    return list.dump(2) + "\n";
}

Result<std::vector<Scenario>> scenariosFromJson(std::string_view text) {
    using R = Result<std::vector<Scenario>>;
    auto j = parseGuarded(text, "scenarios");
    if (!j) return R::failure(j.error());
    if (!j.value().is_array()) return R::failure("scenarios: expected a list [ {...}, ... ]");
    std::vector<std::string> errors;
    std::vector<Scenario> out;
    detail::readScenarios(j.value(), "scenarios", out, errors);
    if (errors.empty()) return out;
    return R::failure(joined(errors));
}

}  // namespace sw
