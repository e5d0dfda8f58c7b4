// The "summary" object of `analyze --json`, shared with the what-if JSON so
// `compare --json` prints a variant's summary with the same keys and values.
#pragma once

#include <nlohmann/json.hpp>

#include "planner/Analysis.h"

namespace sw {

nlohmann::json summaryJson(const Analysis& analysis);

}  // namespace sw
