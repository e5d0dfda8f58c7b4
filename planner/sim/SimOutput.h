// A simulation report as the command line and the GUI export it: CSV time
// series, JSON (snake_case keys, units in the names) and a fingerprint that
// pins a run's results for regression tests (OMNeT++-style).
#pragma once

#include <cstdint>
#include <string>

#include "planner/sim/SimTypes.h"
#include "planner/sim/Simulator.h"

namespace sw::sim {

// One row per replicate and second: totals, latency percentiles, mode, then
// utilisation, queue and instances per component. Same seed, same bytes.
std::string reportCsv(const Report& report);
// {"scenario", "method", "seed", "replicates", "summary": {key: mean, key_ci95: ...},
//  "replicates": [...], "chaos": {...}}; with `series`, the first replicate's time series.
std::string reportJson(const Report& report, bool series);
// Where an exported run came from, so a file on disk names its design: the
// project file and variant it was simulated against, and whether it was
// stopped before its end (then `simulated_s` of the scenario's seconds ran).
struct ExportOrigin {
    std::string file;      // "stage-03-load-balancer.json"; empty for an unsaved project
    std::string variant;
    bool partial = false;
    double simulated_s = 0;
};
// The CSV above preceded by "# key: value" lines naming the origin.
std::string reportCsv(const Report& report, const ExportOrigin& origin);
// The JSON above with "source": {"file", "variant"}, "partial" and
// "simulated_s" first.
std::string reportJson(const Report& report, bool series, const ExportOrigin& origin);
// FNV-1a 64 of the CSV and the JSON summary, as 16 hex digits.
std::string fingerprint(const Report& report);

const char* methodKey(Method m);

// `calc mmc --simulate --json`: the exact calculator's keys from the
// simulator, each beside its 95 % half-width ("w" and "w_ci95").
std::string mmcSimulationJson(const MmcSimulation& sim, double lambda, double mu, int servers, std::uint64_t seed);

}  // namespace sw::sim
