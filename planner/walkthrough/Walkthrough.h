// The stage-by-stage scaling walkthrough (seed 004: single server ->
// multi-region): the twelve stage templates, which stage a design is at, and
// the month-by-month walk that moves to the stage answering each trigger.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/Design.h"
#include "model/Result.h"
#include "planner/Growth.h"

namespace sw {

inline constexpr int kStageCount = 12;
inline constexpr int kMaxWalkMonths = 120;
inline constexpr double kMinWalkGrowth = -0.5;   // per month
inline constexpr double kMaxWalkGrowth = 1.0;

// One of the twelve stages, built from samples/stage-NN-*.json.
struct StageTemplate {
    int number = 0;                       // 1..12
    std::string name;                     // "Load balancer and web tier"
    Design design;                        // the sample, as shipped
    std::vector<std::string> added;       // what it adds over stage number-1 (by kind/role), readable
    std::vector<std::string> added_ids;   // components of `design` that stage number-1 did not have
    std::vector<std::string> horizontal;  // component ids that grow with the load
    std::vector<std::string> fixed;       // component ids that stay as designed
};

// The twelve templates, parsed once from the embedded samples.
const std::vector<StageTemplate>& stageTemplates();

// Which stage a design corresponds to, from what it has (docs/formulas.md).
struct StageMatch {
    int stage = 1;
    std::string reason;   // the feature that decided it
};
StageMatch recogniseStage(const Design& design);

// Which of a design's components scale horizontally (instances grow with
// the load at the target utilisation); parallel to design.components.
std::vector<bool> horizontalParts(const Design& design);
// What `to` adds over `from`, by kind and role (components, links, settings),
// and the ids of `to`'s components that are new.
struct StageDiff {
    std::vector<std::string> added;
    std::vector<std::string> added_ids;
};
StageDiff diffStages(const Design& from, const Design& to);

struct WalkOptions {
    double users = 0;          // users now (> 0)
    double monthly_growth = 0; // g, -0.5 .. 1.0
    int months = 60;           // horizon, 1..120
    std::optional<Design> design;   // the user's design; none = start from stage 1
    // Inputs for conditions the model cannot compute; unset = not checked.
    std::optional<double> team_engineers;       // seed: microservices above 50 engineers
    std::optional<double> slo;                  // availability objective
    std::optional<double> runway_months;        // move when a fixed tier has fewer months left
    std::optional<double> max_cost_per_user_usd;
};

// A trigger that fired: the metric, the threshold, the value and when.
struct WalkTrigger {
    std::string metric;      // "utilization", "p95_ms", "storage_gb_per_primary", ...
    std::string subject;     // component id, or "" for the whole design
    double threshold = 0;
    double value = 0;        // may be +inf (saturated)
    int month = 0;
    std::string direction;   // "above" or "below"
    std::string sentence;    // readable: "tier 'app-server' runs at 74 %, above the 70 % target"
};

// What a stage bought against the one before it, at its entry month.
struct StageGain {
    double capacity_factor = 0;      // peak the new stage carries / the old one's (fixed tiers); 0 = unbounded
    double nines_added = 0;
    double p95_ms_saved = 0;
    double cost_per_month_usd_added = 0;
    // The stage left behind, in the same month (the "before" of the step).
    double cost_per_month_usd_before = 0;
    double availability_before = 0;
    double p95_ms_before = 0;
};

struct WalkStage {
    int stage = 0;
    std::string name;
    bool users_design = false;        // the user's own design, not a template
    int from_month = 0, to_month = 0;
    double users_at_entry = 0;
    double peak_rps_at_entry = 0;
    double cost_per_month_usd = 0;    // at entry
    double cost_per_month_usd_at_exit = 0;
    double availability = 0;          // at entry
    double p95_ms = 0;                // at entry (+inf when saturated)
    double capacity_peak_rps = 0;     // peak the fixed tiers carry at the target; 0 = no fixed tier limits it
    std::vector<std::string> added;
    std::vector<std::string> added_ids;
    std::optional<StageGain> gain;    // none for the first stage
    std::optional<WalkTrigger> trigger;   // the one that ended it; none for the last
    std::vector<WalkTrigger> also_fired; // other triggers the same month
    Design design;                    // the stage with the walk's workload, before scaling
};

struct Walkthrough {
    int current_stage = 0;            // the stage the user's design corresponds to; 0 without one
    std::string current_reason;
    double users = 0, monthly_growth = 0;
    int months = 0;
    std::vector<WalkStage> stages;
    std::vector<int> skipped;         // stages passed over because they did not remove the trigger
    std::optional<WalkTrigger> unanswered;   // a trigger no later stage removes
    std::vector<std::string> not_modelled;   // seed conditions the model cannot compute
    int users_beyond_model_month = -1;       // first month users pass the model's 1e11 range; -1 = never
    std::vector<double> users_by_month, cost_by_month;   // 0..months, for charts
    std::vector<int> stage_by_month;
};

// Validates the options (one-line errors naming the value) and walks.
Result<Walkthrough> walkthrough(const WalkOptions& options);

// The design a walk shows at `month` (the stage in force, scaled to the load).
Design designAtMonth(const Walkthrough& walk, int month);

// snake_case JSON (docs/cli.md).
std::string walkthroughToJson(const Walkthrough& walk);

}  // namespace sw
