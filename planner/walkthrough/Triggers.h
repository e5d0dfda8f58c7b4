// The seed's "when to evolve" conditions as checks on one analysis of a
// stage at a month's load. Thresholds, and the seed figure behind each, are
// in docs/formulas.md and docs/seed-notes.md.
#pragma once

#include <string>
#include <vector>

#include "planner/Analysis.h"
#include "planner/walkthrough/StageScaling.h"
#include "planner/walkthrough/Walkthrough.h"

namespace sw::walk {

inline constexpr double kP95LimitMs = 500;          // seed 004 stage 1: "response times exceed 500ms"
inline constexpr double kLagLimitS = 5;             // seed 004 stage 4/7: alert / shard at lag > 5 s
inline constexpr double kCacheHitFloor = 0.8;       // seed 004 stage 5: alert if hit ratio < 80 %
inline constexpr double kTeamLimit = 50;            // seed 004 stage 9: team size > 50 engineers

// The checks, in the order a trigger "ends" a stage when several fire at once.
std::vector<WalkTrigger> checkTriggers(const StageModel& model, const Design& scaled, const Analysis& analysis,
                                       double users, int month, const WalkOptions& options);

// Conditions of the seed that no input and no figure of the model decides.
std::vector<std::string> notModelledConditions();

}  // namespace sw::walk
