// Shortest paths over the interconnection graph (Boost.Graph Dijkstra from
// every hub, once) and the RTT a path costs.
#include "planner/RouteModel.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <limits>
#include <stdexcept>

namespace sw {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;

}  // namespace

RouteNetwork::RouteNetwork(const NetworkGraphData& graph) {
    const std::size_t n = graph.hubs.size();
    auto index = [&](const std::string& name) {
        for (std::size_t i = 0; i < n; ++i)
            if (graph.hubs[i].name == name) return static_cast<int>(i);
        throw std::invalid_argument("network graph: unknown hub '" + name + "'");
    };
    for (const NetworkHub& h : graph.hubs) {
        lat_.push_back(h.latitude);
        lon_.push_back(h.longitude);
    }
    Graph g(n);
    for (const NetworkSpan& s : graph.spans) {
        const int a = index(s.a), b = index(s.b);
        boost::add_edge(static_cast<std::size_t>(a), static_cast<std::size_t>(b),
                        greatCircleKm(lat_[static_cast<std::size_t>(a)], lon_[static_cast<std::size_t>(a)],
                                      lat_[static_cast<std::size_t>(b)], lon_[static_cast<std::size_t>(b)]),
                        g);
    }
    km_.assign(n * n, std::numeric_limits<double>::infinity());
    hops_.assign(n * n, 0);
    std::vector<double> dist(n);
    std::vector<std::size_t> pred(n);
    for (std::size_t s = 0; s < n; ++s) {
        boost::dijkstra_shortest_paths(g, s, boost::predecessor_map(pred.data()).distance_map(dist.data()));
        for (std::size_t t = 0; t < n; ++t) {
            km_[s * n + t] = dist[t];
            int h = 0;
            for (std::size_t v = t; v != s && pred[v] != v; v = pred[v]) ++h;
            hops_[s * n + t] = h;
        }
    }
}

const RouteNetwork& RouteNetwork::builtIn() {
    static const RouteNetwork net(defaultLatencyTables().network);
    return net;
}

RouteAnchor RouteNetwork::anchor(double latitude, double longitude) const {
    RouteAnchor a;
    a.latitude = latitude;
    a.longitude = longitude;
    double best[2] = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
    for (std::size_t i = 0; i < lat_.size(); ++i) {
        const double d = greatCircleKm(latitude, longitude, lat_[i], lon_[i]);
        if (d < best[0]) {
            best[1] = best[0];
            a.hub[1] = a.hub[0];
            best[0] = d;
            a.hub[0] = static_cast<int>(i);
        } else if (d < best[1]) {
            best[1] = d;
            a.hub[1] = static_cast<int>(i);
        }
    }
    a.leg_km = {best[0], best[1]};
    return a;
}

RoutePath RouteNetwork::route(const RouteAnchor& a, const RouteAnchor& b) const {
    RoutePath p;
    p.great_circle_km = greatCircleKm(a.latitude, a.longitude, b.latitude, b.longitude);
    if (p.great_circle_km < kDirectKm) {   // same metro or region: one regional span
        p.km = p.great_circle_km;
        p.hops = 1;
        return p;
    }
    const std::size_t n = lat_.size();
    p.km = std::numeric_limits<double>::infinity();
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j) {
            if (a.hub[static_cast<std::size_t>(i)] < 0 || b.hub[static_cast<std::size_t>(j)] < 0) continue;
            const std::size_t hi = static_cast<std::size_t>(a.hub[static_cast<std::size_t>(i)]);
            const std::size_t hj = static_cast<std::size_t>(b.hub[static_cast<std::size_t>(j)]);
            const double km = a.leg_km[static_cast<std::size_t>(i)] + km_[hi * n + hj] + b.leg_km[static_cast<std::size_t>(j)];
            if (km < p.km) {
                p.km = km;
                p.hops = hops_[hi * n + hj] + 2;
            }
        }
    if (!(p.km < std::numeric_limits<double>::infinity())) {   // no hubs (an empty graph): the great circle
        p.km = p.great_circle_km;
        p.hops = 1;
    }
    return p;
}

double routeRttMs(const RoutePath& path, const LatencyModel& model) {
    const double modelled =
        model.route_factor * floorRttMs(path.km) + model.overhead_ms + model.per_hop_ms * static_cast<double>(path.hops);
    return std::max(floorRttMs(path.great_circle_km), modelled);
}

}  // namespace sw
