// Formats simulation reports; numbers are printed with a fixed precision so
// the same run always gives the same bytes.
#include "planner/sim/SimOutput.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace sw::sim {
namespace {

using ojson = nlohmann::ordered_json;

std::string fmt(double v) {
    if (!std::isfinite(v)) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

// Rounded to 9 significant digits so the JSON is stable across platforms' last bits.
ojson num(double v) {
    if (!std::isfinite(v)) return nullptr;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return std::strtod(buf, nullptr);
}

ojson optional(const std::optional<double>& v) { return v ? num(*v) : ojson(nullptr); }

}  // namespace

const char* methodKey(Method m) {
    switch (m) {
        case Method::Auto: return "auto";
        case Method::Full: return "full";
        case Method::Representative: return "representative";
    }
    return "";
}

std::string reportCsv(const Report& r) {
    std::string out = "replicate,t_s,offered,throughput,errors,timeouts,rejections,retries,p50_ms,p95_ms,p99_ms,"
                      "replication_lag_s,instances,mode";
    for (const std::string& id : r.component_ids)
        out += ",utilization_" + id + ",queue_" + id + ",instances_" + id;
    out += "\n";
    const std::size_t nc = r.component_ids.size();
    for (std::size_t k = 0; k < r.runs.size(); ++k) {
        const Run& run = r.runs[k];
        for (std::size_t i = 0; i < run.series.size(); ++i) {
            const Second& s = run.series[i];
            out += std::to_string(k) + "," + fmt(s.t_s) + "," + fmt(s.offered) + "," + fmt(s.throughput) + "," +
                   fmt(s.errors) + "," + fmt(s.timeouts) + "," + fmt(s.rejections) + "," + fmt(s.retries) + "," +
                   fmt(s.p50_ms) + "," + fmt(s.p95_ms) + "," + fmt(s.p99_ms) + "," + fmt(s.replication_lag_s) +
                   "," + fmt(s.instances) + "," + modeKey(s.mode);
            for (std::size_t c = 0; c < nc && i * nc + c < run.components.size(); ++c) {
                const ComponentSecond& cs = run.components[i * nc + c];
                out += "," + fmt(cs.utilization) + "," + fmt(cs.queue) + "," + fmt(cs.instances);
            }
            out += "\n";
        }
    }
    return out;
}

static ojson summaryJson(const Report& r) {
    ojson s = ojson::object();
    for (const auto& [key, e] : r.estimates) {
        s[key] = e.n > 0 ? num(e.mean) : ojson(nullptr);
        s[key + "_ci95"] = e.n > 1 ? num(e.ci95) : ojson(nullptr);
    }
    return s;
}

static ojson reportObject(const Report& r, bool series) {
    ojson j{{"scenario", r.scenario}, {"variant", r.variant}, {"method", methodKey(r.method)},
            {"seed", r.seed}, {"replicates", r.runs.size()}, {"duration_s", num(r.duration_s)}};
    j["converged"] = r.converged;
    j["convergence"] = r.converged ? ojson(nullptr) : ojson(r.convergence);
    j["summary"] = summaryJson(r);
    ojson reps = ojson::array();
    for (const Run& run : r.runs) {
        const Summary& s = run.summary;
        reps.push_back(ojson{{"availability", num(s.availability)},
                             {"offered", num(s.offered)},
                             {"successful", num(s.successful)},
                             {"requests_lost", num(s.requests_lost)},
                             {"errors", num(s.errors)},
                             {"timeouts", num(s.timeouts)},
                             {"rejections", num(s.rejections)},
                             {"p50_ms", num(s.p50_ms)},
                             {"p95_ms", num(s.p95_ms)},
                             {"p99_ms", num(s.p99_ms)},
                             {"slo_violation_s", num(s.slo_violation_s)},
                             {"time_to_detect_s", optional(s.time_to_detect_s)},
                             {"time_to_recover_s", optional(s.time_to_recover_s)},
                             {"peak_queue", num(s.peak_queue)},
                             {"peak_queue_component", s.peak_queue_component},
                             {"extra_instance_hours", num(s.extra_instance_hours)},
                             {"extra_cost_usd", num(s.extra_cost_usd)},
                             {"steady_state", s.steady_state_held ? "held" : "violated"},
                             {"steady_state_violated_at_s", optional(s.steady_state_violated_at_s)},
                             {"aborted", s.aborted},
                             {"aborted_at_s", optional(s.aborted_at_s)},
                             {"events", run.events},
                             {"simulated_requests", num(run.simulated_requests)}});
    }
    j["replicate_results"] = std::move(reps);
    int held = 0, aborted = 0;
    for (const Run& run : r.runs) {
        held += run.summary.steady_state_held ? 1 : 0;
        aborted += run.summary.aborted ? 1 : 0;
    }
    j["chaos"] = ojson{{"steady_state_held", held}, {"aborted", aborted}, {"replicates", r.runs.size()},
                       {"result", aborted > 0 ? "aborted" : held == static_cast<int>(r.runs.size()) ? "passed" : "failed"}};
    if (series && !r.runs.empty()) {
        ojson rows = ojson::array();
        for (const Second& s : r.runs.front().series)
            rows.push_back(ojson{{"t_s", num(s.t_s)}, {"offered", num(s.offered)}, {"throughput", num(s.throughput)},
                                 {"errors", num(s.errors)}, {"timeouts", num(s.timeouts)},
                                 {"rejections", num(s.rejections)}, {"p95_ms", num(s.p95_ms)},
                                 {"p99_ms", num(s.p99_ms)}, {"mode", modeKey(s.mode)}});
        j["series"] = std::move(rows);
    }
    return j;
}

std::string reportJson(const Report& r, bool series) { return reportObject(r, series).dump(2) + "\n"; }

std::string reportJson(const Report& r, bool series, const ExportOrigin& origin) {
    ojson j{{"source", ojson{{"file", origin.file}, {"variant", origin.variant}}},
            {"partial", origin.partial},
            {"simulated_s", num(origin.partial ? origin.simulated_s : r.duration_s)}};
    ojson body = reportObject(r, series);
    for (auto& [key, value] : body.items()) j[key] = std::move(value);
    return j.dump(2) + "\n";
}

std::string reportCsv(const Report& r, const ExportOrigin& origin) {
    // Comment lines; readers skip them (pandas: comment='#', R: comment.char='#').
    std::string out = "# scalewright simulation\n";
    out += "# design: " + (origin.file.empty() ? std::string("(unsaved project)") : origin.file) + "\n";
    out += "# variant: " + origin.variant + "\n";
    out += "# scenario: " + r.scenario + "\n";
    out += "# seed: " + std::to_string(r.seed) + ", replicates: " + std::to_string(r.runs.size()) +
           ", method: " + methodKey(r.method) + "\n";
    if (origin.partial)
        out += "# partial: stopped after " + fmt(origin.simulated_s) + " of " + fmt(r.duration_s) + " s\n";
    return out + reportCsv(r);
}

std::string mmcSimulationJson(const MmcSimulation& sim, double lambda, double mu, int servers, std::uint64_t seed) {
    ojson j{{"lambda", lambda}, {"mu", mu}, {"servers", servers}, {"saturated", false},
            {"method", "simulation"}, {"seed", seed}, {"replicates", sim.replicates},
            {"customers_per_replicate", num(sim.customers)}, {"saturation_lambda", num(servers * mu)}};
    const std::pair<const char*, const Estimate*> keys[] = {
        {"rho", &sim.rho}, {"p0", &sim.p0}, {"erlang_c", &sim.erlang_c}, {"lq", &sim.lq}, {"l", &sim.l},
        {"wq", &sim.wq}, {"w", &sim.w}, {"w_p50", &sim.w_p50}, {"w_p95", &sim.w_p95}, {"w_p99", &sim.w_p99}};
    for (const auto& [key, e] : keys) {
        j[key] = num(e->mean);
        j[std::string(key) + "_ci95"] = num(e->ci95);
    }
    return j.dump(2) + "\n";
}

std::string fingerprint(const Report& r) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    auto mix = [&](const std::string& s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 0x100000001b3ull;
        }
    };
    mix(reportCsv(r));
    mix(summaryJson(r).dump());
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace sw::sim
