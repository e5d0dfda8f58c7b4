// Closed queueing networks with think time: exact Mean Value Analysis.
#pragma once

#include <vector>

namespace sw {

struct MvaStation {
    double demand = 0;      // service demand per visit-weighted request (time unit)
    bool delay = false;     // infinite-server (pure delay) station
};

struct MvaStationResult {
    double utilization = 0;     // X * D (delay stations: mean number present)
    double queue_length = 0;    // mean number at the station
    double residence_time = 0;  // time a request spends there per interaction
};

struct MvaResult {
    int users = 0;
    double think_time = 0;
    double throughput = 0;      // X(N)
    double response_time = 0;   // R(N), excluding think time
    double saturation_users = 0; // N* = (D + Z) / Dmax
    std::vector<MvaStationResult> stations;
};

// Exact MVA for N users (N >= 0), iterating n = 1..N.
MvaResult mva(const std::vector<MvaStation>& stations, double thinkTime, int users);

}  // namespace sw
