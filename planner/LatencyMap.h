// Where the places of a design are and what separates them: regions and user
// groups at their coordinates, each region pair and each user group's route
// with its great-circle distance, fibre floor and round trip, as the world
// map and the latency heatmap draw them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "planner/Analysis.h"

namespace sw {

struct Catalogue;

// A figure within this factor of its fibre floor is "at the floor": no route
// is that straight, so such a figure is either measured on a near-ideal path
// or suspiciously optimistic.
inline constexpr double kNearFloorRatio = 1.15;
bool nearFibreFloor(double rttMs, double floorMs);

// A region's coordinates: its own, or its catalogue metro when it was drawn
// from the catalogue and never given any (not (0, 0) in the Gulf of Guinea).
std::pair<double, double> regionLocation(const Region& region, const Catalogue& catalogue);

struct MapPlace {
    std::string id, name;
    double latitude = 0, longitude = 0;
};

struct MapPair {
    int from = 0, to = 0;      // indices into LatencyMap::regions (to), and regions or user_groups (from)
    double distance_km = 0;    // great circle
    double floor_ms = 0;       // 2 d / v in fibre
    double rtt_ms = 0;         // the engine's figure (modelled, or measured where given)
    LatencyMatrix::Source source = LatencyMatrix::Source::Modelled;
    bool near_floor = false;   // rtt within kNearFloorRatio of the floor
    bool served = false;       // user routes: the region the group is served from
};

struct LatencyMap {
    std::vector<MapPlace> regions;       // Design::regions order (= LatencyMatrix::regions)
    std::vector<MapPlace> user_groups;   // LatencyMatrix::user_groups order
    std::vector<MapPair> region_links;   // each unordered region pair once (from < to)
    std::vector<MapPair> user_routes;    // every user group x region (from = user group index)
};

// Built from the design and its analysis; the RTTs are the analysis' own.
LatencyMap latencyMap(const Design& design, const Analysis& analysis, const Catalogue& catalogue);
LatencyMap latencyMap(const Design& design, const Analysis& analysis);   // the default catalogue

}  // namespace sw
