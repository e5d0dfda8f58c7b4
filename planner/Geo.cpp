// Great-circle distance and the round-trip time light in fibre needs for it.
#include "planner/Geo.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "planner/RouteModel.h"

namespace sw {

double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kRad = std::numbers::pi / 180.0;
    const double p1 = lat1 * kRad, p2 = lat2 * kRad;
    const double dp = (lat2 - lat1) * kRad, dl = (lon2 - lon1) * kRad;
    const double s1 = std::sin(dp / 2), s2 = std::sin(dl / 2);
    // Haversine: well conditioned for short distances, unlike the cosine law.
    const double h = s1 * s1 + std::cos(p1) * std::cos(p2) * s2 * s2;
    return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double floorRttMs(double distanceKm) { return 2.0 * distanceKm / kFibreKmPerMs; }

double modelledRttMs(double lat1, double lon1, double lat2, double lon2, const LatencyModel& model) {
    const RouteNetwork& net = RouteNetwork::builtIn();
    return routeRttMs(net.route(net.anchor(lat1, lon1), net.anchor(lat2, lon2)), model);
}

}  // namespace sw
