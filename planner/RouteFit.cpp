// Weighted linear least squares for RTT = factor x 2L/v + overhead + per_hop x spans.
#include "planner/RouteFit.h"

#include <Eigen/Dense>
#include <algorithm>

namespace sw {

std::vector<RouteSample> routeSamples(const MeasuredRttTable& table, const RouteNetwork& net) {
    std::vector<RouteSample> out;
    out.reserve(table.pairs.size());
    for (const MeasuredPair& p : table.pairs) {
        const MeasuredSite* a = table.findSite(p.a);
        const MeasuredSite* b = table.findSite(p.b);
        if (!a || !b) continue;
        RouteSample s;
        s.a = p.a;
        s.b = p.b;
        s.continents = std::min(a->continent, b->continent) + "-" + std::max(a->continent, b->continent);
        s.measured_ms = p.rttMs();
        s.path = net.route(net.anchor(a->latitude, a->longitude), net.anchor(b->latitude, b->longitude));
        out.push_back(std::move(s));
    }
    return out;
}

LatencyModel fitLatencyModel(const std::vector<RouteSample>& samples) {
    const Eigen::Index n = static_cast<Eigen::Index>(samples.size());
    Eigen::MatrixXd x(n, 3);
    Eigen::VectorXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const RouteSample& s = samples[static_cast<std::size_t>(i)];
        const double w = 1.0 / s.measured_ms;   // relative error: each row divided by the measurement
        x(i, 0) = w * floorRttMs(s.path.km);
        x(i, 1) = w;
        x(i, 2) = w * static_cast<double>(s.path.hops);
        y(i) = 1.0;
    }
    const Eigen::Vector3d c = x.colPivHouseholderQr().solve(y);
    LatencyModel m;
    m.route_factor = c(0);
    m.overhead_ms = c(1);
    m.per_hop_ms = c(2);
    return m;
}

}  // namespace sw
