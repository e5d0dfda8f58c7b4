// A stage ready to walk: its design under the walk's workload, the load each
// part carries per user, and the floors its scaled-out parts keep, so that
// scaling it to a month's users is arithmetic plus one analysis.
#pragma once

#include <vector>

#include "model/Design.h"
#include "planner/Analysis.h"
#include "planner/walkthrough/StageFeatures.h"

namespace sw::walk {

struct StageModel {
    Design base;                         // the stage with the walk's workload
    DesignFeatures features;
    std::vector<double> floor_instances;   // per component: the fewest a scaled-out part keeps
    std::vector<double> floor_shards;
    std::vector<double> load_per_user;     // peak rps per user, per component
    std::vector<double> data_share;        // primaries: their share of the data (by writes)
};

// `ownSizing`: the user's design keeps its own counts as floors; a template
// keeps at most two of each (its redundancy), since it was sized for other users.
StageModel makeStageModel(const Design& design, bool ownSizing);

// The stage at `users`: scaled-out parts get the instances (and shards) the
// load needs at the target utilisation, never fewer than their floor.
Design scaleTo(const StageModel& model, double users);

// Data one shard of primary `i` holds at `users` (decimal GB).
double dataPerShardGb(const StageModel& model, const Design& scaled, std::size_t i, double users);

// The analysis the walk uses: no traces, no importance ranking.
AnalyzeOptions walkAnalyzeOptions(double slo);

}  // namespace sw::walk
