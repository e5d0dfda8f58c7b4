// Where one component's numbers come from: its formula traces, rebuilt from
// the design and the analysis on demand (the inspector asks for one tier;
// analyze() appends them for every tier when AnalyzeOptions::traces is set).
#pragma once

#include <vector>

#include "planner/Analysis.h"

namespace sw {

// Traces of components[index] (load, servers, utilisation, instances needed,
// Wq, W, p95, availability, cost); empty when the index is out of range.
std::vector<Trace> explainComponent(const Design& design, const Analysis& analysis, std::size_t index);

}  // namespace sw
