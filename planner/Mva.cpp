// Exact Mean Value Analysis (Reiser & Lavenberg 1980) for one closed class
// with think time and delay stations.
#include "planner/Mva.h"

#include <algorithm>

namespace sw {

MvaResult mva(const std::vector<MvaStation>& stations, double thinkTime, int users) {
    MvaResult r;
    r.users = std::max(users, 0);
    r.think_time = thinkTime;
    r.stations.resize(stations.size());

    double total = thinkTime, dmax = 0;
    for (const MvaStation& s : stations) {
        total += s.demand;
        if (!s.delay) dmax = std::max(dmax, s.demand);
    }
    // N* = (D + Z) / Dmax: where the two asymptotic bounds X <= N / (D + Z)
    // and X <= 1 / Dmax cross. No queueing station: no saturation point (0).
    r.saturation_users = dmax > 0 ? total / dmax : 0;

    std::vector<double> queue(stations.size(), 0.0);   // Q_k(n - 1)
    std::vector<double> residence(stations.size(), 0.0);
    double x = 0, rt = 0;
    for (int n = 1; n <= r.users; ++n) {
        // Arrival theorem: an arriving request sees the queue of the network
        // with one user fewer, so R_k(n) = D_k (1 + Q_k(n - 1)).
        rt = 0;
        for (std::size_t k = 0; k < stations.size(); ++k) {
            residence[k] = stations[k].delay ? stations[k].demand : stations[k].demand * (1.0 + queue[k]);
            rt += residence[k];
        }
        x = rt + thinkTime > 0 ? n / (rt + thinkTime) : 0;   // interactive response time law
        for (std::size_t k = 0; k < stations.size(); ++k) queue[k] = x * residence[k];   // Little
    }
    r.throughput = x;
    r.response_time = rt;
    for (std::size_t k = 0; k < stations.size(); ++k) {
        r.stations[k].utilization = x * stations[k].demand;   // utilisation law
        r.stations[k].queue_length = r.users > 0 ? queue[k] : 0;
        r.stations[k].residence_time = r.users > 0 ? residence[k] : 0;
    }
    return r;
}

}  // namespace sw
