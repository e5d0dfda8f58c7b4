// The crossover rule on two projections already made (compare() projects
// each variant once and reuses the projections).
#pragma once

#include <optional>
#include <string>

#include "planner/Growth.h"
#include "planner/whatif/WhatIf.h"

namespace sw::whatif {

std::optional<Crossover> crossoverOf(const Projection& a, const Projection& b, const std::string& nameA,
                                     const std::string& nameB);

}  // namespace sw::whatif
