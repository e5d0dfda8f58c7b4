// Fitting the route-aware RTT model (Geo.h) to published measurements: the
// measured pairs routed over the interconnection graph, and the weighted least
// squares that gives the fibre slack, per-path and per-span overheads.
#pragma once

#include <string>
#include <vector>

#include "model/LatencyTables.h"
#include "planner/Geo.h"
#include "planner/RouteModel.h"

namespace sw {

struct RouteSample {
    std::string a, b;            // site codes
    std::string continents;      // "EU-NA": the two sites' continents, sorted
    double measured_ms = 0;      // the published RTT (mean of the directions)
    RoutePath path;              // its route over the graph
};

// Every pair of the table, routed.
std::vector<RouteSample> routeSamples(const MeasuredRttTable& table, const RouteNetwork& net);

// Minimises the squared relative error (weights 1 / measured^2) over the
// samples: a planner cares about 10 % on 12 ms as much as on 170 ms.
LatencyModel fitLatencyModel(const std::vector<RouteSample>& samples);

}  // namespace sw
