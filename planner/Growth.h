// Growth: month-by-month projection of users, load, instances, storage,
// bandwidth and cost; the month each tier runs out of runway; and growth
// rates fitted from a history of (month, users).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/Design.h"
#include "model/Limits.h"
#include "model/Result.h"
#include "model/Validation.h"


namespace sw {

struct Analysis;

inline constexpr int kMaxProjectionMonths = limits::kProjectionMonths;
// Seed 004, stage 7 ("When to shard"): the data one primary carries. Its
// "10K writes/sec" is not a limit here: the seed puts the same 16-core box at
// 2K-5K writes/s as a master (docs/seed-notes.md #46, #107), so a primary's
// load ceiling is its own capacity at its family's largest size.
inline constexpr double kSeedShardStorageGb = 1024;   // "exceeds 1TB"

// Users after `month` months: u0 (1 + g)^m, or logistic toward user_ceiling
// (same initial growth rate ln(1 + g)) when the ceiling is set.
double usersAt(const Workload& w, double month);

// The sizing rule (DESIGN.md): instances = ceil(rps / (per-instance rps x
// target utilisation)), at least 1. Capacity, growth and the walkthrough share it.
double instancesForLoad(double rps, double perInstanceRps, double target);

struct ProjectionMonth {
    int month = 0;
    double users = 0;
    double peak_rps = 0;
    double storage_gb = 0;               // data held: users x data per user (decimal GB)
    double bandwidth_gb_per_month = 0;   // responses to users
    double cost_per_month_usd = 0;
    std::vector<double> instances;       // per tier, parallel to Projection::tiers
};

struct TierRunway {
    std::string id;
    double limit_rps = 0;        // load the tier carries at the target utilisation at its ceiling
    std::string ceiling;         // what the load ceiling is ("8 x m5.24xlarge at 70 %", "1 x db.r6g.16xlarge per shard at 70 %")
    int runout_month = -1;       // first month over either limit; -1 = not within the horizon
    // Each limit on its own (a primary has two: its load and the data it holds).
    int load_runout_month = -1;      // first month the load passes limit_rps
    double limit_storage_gb = 0;     // data before the seed's sharding trigger (0 = no data limit)
    int storage_runout_month = -1;   // first month the data passes limit_storage_gb
};

struct Projection {
    std::string model;                   // "compound" or "logistic"
    std::vector<std::string> tiers;      // component ids (user groups left out)
    std::vector<ProjectionMonth> months; // month 0 (today) .. N
    std::vector<TierRunway> runway;
    std::vector<Finding> findings;       // tiers running out within the horizon
};

// 1 <= months <= 60; otherwise a one-line error.
Result<Projection> project(const Design& design, int months);

struct Analysis;
// The first month any tier runs out; -1 = none within the horizon.
int runwayMonth(const std::vector<TierRunway>& tiers);
// Each tier's ceilings and the month (0..months) its load or data first
// passes them, from `base`, the design's analysis today. Cheap (no
// re-analysis), so analyze() runs it for its findings and project() for its table.
std::vector<TierRunway> runwayOf(const Design& design, const Analysis& base, int months);
// One warning per limit a tier reaches: the wording the window, the command
// line and the report all show.
std::vector<Finding> runwayFindings(const Design& design, const std::vector<TierRunway>& runway);

struct GrowthFit {
    std::string model;            // "exponential" or "logistic"
    double u0 = 0;                // users at month 0
    double monthly_growth = 0;    // g (logistic: the initial rate e^r - 1)
    double ceiling = 0;           // logistic K; 0 for exponential
    double rmse = 0;              // in users
    int iterations = 0;
};

// ln u = ln u0 + m ln(1 + g) by linear least squares (users must be > 0).
Result<GrowthFit> fitExponential(const std::vector<std::pair<double, double>>& history);
// u = K / (1 + b e^(-r m)) by Levenberg-Marquardt from the exponential fit.
Result<GrowthFit> fitLogistic(const std::vector<std::pair<double, double>>& history);

// Reads a history as text, one "month,users" pair a line (a header line and
// blank lines are skipped); errors name the line.
Result<std::vector<std::pair<double, double>>> parseHistory(std::string_view text);

}  // namespace sw
