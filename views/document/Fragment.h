// A slice of a design (records by value): what commands insert, remove and
// replace, and what the clipboard carries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/Design.h"

namespace sw::views {

struct Fragment {
    std::vector<Region> regions;
    std::vector<Zone> zones;
    std::vector<Component> components;
    std::vector<Link> links;
    std::optional<Workload> workload;
    std::optional<std::string> name;
    std::optional<std::string> description;

    bool empty() const {
        return regions.empty() && zones.empty() && components.empty() && links.empty() &&
               !workload && !name && !description;
    }
};

}  // namespace sw::views
