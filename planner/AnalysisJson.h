// The JSON form of an analysis and of a growth projection (schema in
// docs/cli.md), built here so the command line and the GUI export the same.
#pragma once

#include <string>
#include <vector>

#include "model/Design.h"
#include "planner/Analysis.h"
#include "planner/Growth.h"

namespace sw {

// snake_case keys, units in the names, non-finite numbers as null.
std::string analysisToJson(const Design& design, const Analysis& analysis, bool withExplain = true);
// `fit`, when given, is the growth fitted from a history (added as "fit").
std::string projectionToJson(const Design& design, const Projection& projection, const GrowthFit* fit = nullptr);
// `validate --json`: each variant's findings (written here, with the same
// finding objects as analyze's, so there is one JSON form of a finding).
struct VariantFindings {
    std::string variant;
    std::size_t components = 0;
    std::vector<Finding> findings;
};
std::string findingsToJson(const std::string& file, const std::vector<VariantFindings>& variants);
// One row per month: month, users, peak_rps, cost_per_month_usd, storage_gb,
// bandwidth_gb_per_month, then instances per tier.
std::string projectionToCsv(const Projection& projection);

}  // namespace sw
