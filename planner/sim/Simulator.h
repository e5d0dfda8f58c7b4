// The quick simulator's public face: replay a scenario against a design,
// with replicates in parallel, and get the time series, the summary and the
// confidence intervals. Pure C++, no Qt; progress goes to an Observer.
#pragma once

#include <optional>
#include <string>

#include "model/Design.h"
#include "model/Result.h"
#include "planner/sim/SimTypes.h"

namespace sw::sim {

// Refuses designs with validation errors and scenarios whose events name
// nothing in the design (the message names the event and the field).
Result<Report> simulate(const Design& design, const Scenario& scenario, const Options& options,
                        Observer& observer = nullObserver());

// Whether the scenario fits the design (its events name what the design has,
// its replay files can be read from `baseDir`): the problem, or nothing.
std::optional<std::string> checkScenario(const Design& design, const Scenario& scenario, const std::string& baseDir = {});

// A bare M/M/c station (one user group, one service of c servers) for
// `calc mmc --simulate`: lambda and mu per time unit, `customers` arrivals
// per replicate after a warm-up of a tenth as many.
struct MmcSimulation {
    Estimate rho, p0, erlang_c, lq, l, wq, w, w_p50, w_p95, w_p99;
    int replicates = 0;
    double customers = 0;
};
Result<MmcSimulation> simulateMmc(double lambda, double mu, int servers, double customers, std::uint64_t seed,
                                  int replicates = 10, int threads = 0);

// Student-t 97.5 % quantile for `df` degrees of freedom (df >= 1).
double studentT975(int df);
// Mean and 95 % half-width of the values.
Estimate estimateOf(const std::vector<double>& values);

}  // namespace sw::sim
