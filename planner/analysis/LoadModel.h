// Offered load: how the workload's peak requests enter at the user groups and
// spread over the call graph (fractions, read/write access, cache and CDN
// hits, replicas taking reads, replication applying writes, geo-routing).
#pragma once

#include <vector>

#include "planner/analysis/Context.h"

namespace sw::analysis {

inline constexpr double kSecondsPerDay = 86400;
inline constexpr double kSecondsPerMonth = 2629800;   // 365.25 x 86,400 / 12

// One user group's requests, followed through the graph per request.
struct GroupFlow {
    int component = -1;              // the user group
    double share = 0;                // of the workload's users (normalised)
    double peak_rps = 0;             // the group's requests at peak
    std::vector<int> preference;     // region indices, nearest first
    int servedRegion = -1;           // where GeoDNS sends it (nearest region on its route)
    std::vector<double> syncVisits;  // per component: visits the user waits for (async links not followed)
    std::vector<double> syncLinkVisits;   // per link, the same
};

struct LoadModel {
    double average_rps = 0;                 // users x requests/user/day / 86,400
    double peak_rps = 0;                    // x peak factor
    std::vector<double> read, write;        // peak arrivals per component (rps)
    std::vector<double> apply;              // of `write`: replicated writes a store applies
    std::vector<double> linkRps;            // peak flow per link
    std::vector<double> linkWriteRps;       // replication links: the writes they carry
    std::vector<GroupFlow> groups;
};

// Peak requests per second of a workload: users x requests/user/day / 86,400 x peak factor.
double peakRps(const Workload& w);

LoadModel computeLoad(const Context& ctx);

// Distance-ordered regions from a point (GeoDNS preference).
std::vector<int> regionsByDistance(const Context& ctx, double lat, double lon);

}  // namespace sw::analysis
