// The path traffic takes between two places: the shortest route over a bundled
// graph of interconnection hubs joined by terrestrial backbones and submarine
// cables (resources/catalogue/network_hubs.json), entered and left through the
// nearest hubs. Its length and span count feed the route-aware RTT (Geo.h).
#pragma once

#include <array>
#include <vector>

#include "model/LatencyTables.h"
#include "planner/Geo.h"

namespace sw {

// Where a place joins the graph: its nearest hubs and the access leg to each.
struct RouteAnchor {
    double latitude = 0, longitude = 0;
    std::array<int, 2> hub{-1, -1};
    std::array<double, 2> leg_km{0, 0};
};

struct RoutePath {
    double km = 0;               // fibre path length (great-circle legs between hubs)
    int hops = 0;                // spans on the path, access legs included
    double great_circle_km = 0;  // the direct distance, for the floor
};

class RouteNetwork {
public:
    // Places closer than this are joined directly (one span), not through hubs.
    static constexpr double kDirectKm = 500;

    explicit RouteNetwork(const NetworkGraphData& graph);
    // The graph built from the bundled tables (built once, then shared).
    static const RouteNetwork& builtIn();

    RouteAnchor anchor(double latitude, double longitude) const;
    RoutePath route(const RouteAnchor& a, const RouteAnchor& b) const;
    std::size_t hubCount() const { return lat_.size(); }

private:
    std::vector<double> lat_, lon_;
    std::vector<double> km_;     // all-pairs shortest path length, hub x hub (row-major)
    std::vector<int> hops_;      // spans on those paths
};

// max(floor, factor x 2 L / v + overhead + per_hop x hops).
double routeRttMs(const RoutePath& path, const LatencyModel& model);

}  // namespace sw
