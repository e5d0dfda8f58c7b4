// Index tables every analysis pass shares, built once per analyze() call so
// the passes work on integers (component, link, region, zone indices)
// instead of looking ids up in strings.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/Catalogue.h"
#include "model/Design.h"

namespace sw::analysis {

struct Context {
    const Design& design;
    const Catalogue& catalogue;

    std::unordered_map<std::string_view, int> componentIndex;
    std::vector<int> compRegion;   // index into design.regions, -1 = none
    std::vector<int> compZone;     // index into design.zones, -1 = region-wide
    std::vector<const InstanceType*> compType;   // nullptr = none / not in the catalogue
    std::vector<int> linkFrom, linkTo;   // component indices, -1 when dangling
    std::vector<std::vector<int>> callsOut, callsIn;   // call-link indices per component
    std::vector<std::vector<int>> replOut, replIn;     // replication-link indices
    std::vector<int> order;        // components, callers before callees (all of them)
    bool cyclic = false;           // the call graph has a cycle (order is then partial)

    std::vector<double> regionLat, regionLon;   // per design region (catalogue code as fallback)
    std::vector<double> regionZoneRtt;          // zone-to-zone RTT per region (override or provider default)
    std::vector<std::vector<int>> regionZones;  // zone indices per region
    std::vector<int> zoneRegion;                // region index per zone, -1 = dangling

    // Alternatives: call links leaving a router (user group, DNS, CDN, load
    // balancer) towards two or more components of one kind and access, or
    // leaving any component towards replicas of one primary (one access). A
    // request needs one of them, not all. Spread over regions (altGeo) they
    // are geo-routed: the nearest region takes the group's whole fraction;
    // within a region they are a pool that splits by fraction.
    // altGroup[link] indexes altGroups, -1 = none.
    std::vector<int> altGroup;
    std::vector<std::vector<int>> altGroups;
    std::vector<char> altGeo;
    // Same-region replicas that nobody calls serve the reads sent to their
    // primary ("replicas take reads, primaries writes").
    std::vector<std::vector<int>> readReplicas;   // per component (primaries only)

    std::vector<int> userGroups;                // component indices of user groups
    std::vector<double> userShare;              // normalised shares, parallel to userGroups

    explicit Context(const Design& d, const Catalogue& cat);

    const Component& comp(int i) const { return design.components[static_cast<std::size_t>(i)]; }
    const Link& link(int i) const { return design.links[static_cast<std::size_t>(i)]; }
    int regionOfComponent(int i) const { return compRegion[static_cast<std::size_t>(i)]; }
    // Network RTT between two components of one region: the zone-to-zone RTT
    // when both are placed in zones and the zones differ, else 0 (one zone, or a
    // region-wide component such as a load balancer, which has a node in each).
    double zoneHopRttMs(int a, int b) const;
    // Instance type of a component, or nullptr when none / not in the catalogue.
    const InstanceType* instanceType(int i) const { return compType[static_cast<std::size_t>(i)]; }
};

// Calls per server slot: round(capacity x service time), at least 1.
double concurrencyPerInstance(const ComponentParams& p);

}  // namespace sw::analysis
