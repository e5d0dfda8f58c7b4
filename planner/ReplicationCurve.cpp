#include "planner/ReplicationCurve.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "planner/Analysis.h"

namespace sw {

double asyncLagMs(double oneWayMs, double applyRateWps, double streams, double writeRps) {
    const double s = std::max(1.0, streams);
    const double lambda = writeRps / s;
    // Rates equal up to rounding are equal: the queue then never drains.
    if (!(applyRateWps > 0) || lambda >= applyRateWps * (1 - 1e-12)) return std::numeric_limits<double>::infinity();
    return oneWayMs + 1000.0 / (applyRateWps - lambda);
}

std::vector<LagPoint> lagCurve(const ReplicationResult& r, int points, double upTo) {
    std::vector<LagPoint> out;
    if (r.mode == "sync" || !(r.apply_rate_wps > 0) || !(r.saturating_write_rps > 0) || points < 2) return out;
    const double streams = r.saturating_write_rps / r.apply_rate_wps;
    const double top = r.saturating_write_rps * std::clamp(upTo, 0.0, 0.9999);
    out.reserve(static_cast<std::size_t>(points) + 1);
    for (int i = 0; i < points; ++i) {
        // 1 - (1 - t)^2: the lag bends up sharply near the divergence rate.
        const double t = static_cast<double>(i) / (points - 1);
        const double w = top * (1 - (1 - t) * (1 - t));
        out.push_back({w, asyncLagMs(r.network_one_way_ms, r.apply_rate_wps, streams, w)});
    }
    if (r.write_rps > 0 && r.write_rps < top) {
        out.push_back({r.write_rps, asyncLagMs(r.network_one_way_ms, r.apply_rate_wps, streams, r.write_rps)});
        std::sort(out.begin(), out.end(), [](const LagPoint& a, const LagPoint& b) { return a.write_rps < b.write_rps; });
    }
    return out;
}

}  // namespace sw
