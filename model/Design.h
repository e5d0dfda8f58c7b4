// A design variant and the project that holds several of them.
#pragma once

#include <string>
#include <vector>

#include "model/Component.h"
#include "model/Link.h"
#include "model/Placement.h"
#include "model/Scenario.h"
#include "model/Workload.h"

namespace sw {

// A round trip between two regions of a design (ids) that the architect
// measured or was given: used instead of the catalogue's measurement or the
// model. One below the physical floor is refused (a finding), never used.
struct LatencyOverride {
    std::string from, to;
    double rtt_ms = 0;
    bool operator==(const LatencyOverride&) const = default;
};

struct Design {
    std::string name = "Design";
    std::string description;
    Workload workload;
    std::vector<Region> regions;
    std::vector<Zone> zones;
    std::vector<Component> components;
    std::vector<Link> links;
    std::vector<LatencyOverride> latency_overrides;   // region pair -> RTT (ms)

    const Component* findComponent(std::string_view id) const;
    Component* findComponent(std::string_view id);
    const Region* findRegion(std::string_view id) const;
    const Zone* findZone(std::string_view id) const;
    const Link* findLink(std::string_view id) const;
    int componentIndex(std::string_view id) const;   // -1 when absent

    bool operator==(const Design&) const = default;
};

struct Project {
    std::string name = "Untitled";
    std::vector<Design> variants;
    std::vector<Scenario> scenarios;   // replayed by the simulator against any variant

    const Design* findVariant(std::string_view name) const;
    const Scenario* findScenario(std::string_view name) const;
    bool operator==(const Project&) const = default;
};

}  // namespace sw
