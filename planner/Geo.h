// Distances on the Earth, the latency floor light in fibre imposes, and the
// route-aware model of a round trip between two places (planner/RouteModel.h).
#pragma once

namespace sw {

inline constexpr double kEarthRadiusKm = 6371.0088;   // IUGG mean radius
inline constexpr double kFibreKmPerMs = 204.0;        // ~c / 1.47 (refractive index of silica)

// Route-aware RTT = max(floor, route_factor x 2 L / v + overhead + per_hop x hops), with L the
// length and hops the spans of the shortest path over the bundled graph of interconnection
// hubs. Defaults: weighted least squares on the 276 measured pairs (docs/formulas.md,
// "Route-aware RTT model"); ten-fold cross-validated median error 6.4 %, p90 15.9 %.
struct LatencyModel {
    double route_factor = 1.2269;  // fibre slack: cables and ducts are longer than hub-to-hub great circles
    double overhead_ms = 4.087;    // per path: the two ends' hosts and data-centre fabric
    double per_hop_ms = 1.852;     // per span: routers, regenerators, peering at each hub
};

double greatCircleKm(double lat1, double lon1, double lat2, double lon2);   // haversine
double floorRttMs(double distanceKm);                                       // 2 d / v
// The route-aware modelled RTT between two places; never below the floor,
// never 0 between two places (the overhead and one span at least).
double modelledRttMs(double lat1, double lon1, double lat2, double lon2, const LatencyModel& model = {});

}  // namespace sw
