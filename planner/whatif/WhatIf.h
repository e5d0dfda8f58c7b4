// What-ifs: the variants of a project side by side (figures, deltas against a
// base, an exact diff), the sensitivity of the figures to every input an
// architect sets, and the month two variants' cost lines cross. Plain values
// from pure functions; the GUI, the report and `scalewright compare` show them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/Design.h"
#include "model/Result.h"
#include "planner/Analysis.h"

namespace sw::whatif {

// Months the comparison projects growth over (runway month, crossover).
inline constexpr int kHorizonMonths = 36;

// Which way a figure is better; the GUI colours deltas by it.
enum class Better { Lower, Higher, Neither };

// One row of the comparison table: a figure and how to read it.
struct FigureSpec {
    std::string key;     // snake_case with the unit, as in the JSON ("cost_per_month_usd")
    std::string label;   // for people ("Cost per month")
    std::string unit;    // "USD/month", "%", "ms", "month", ...
    Better better = Better::Neither;
};

// A variant's figures, parallel to Comparison::figures. Non-finite values mean
// "none" (no replication: RPO; no tier runs out within the horizon: runway
// month is +inf) or "no finite value" (a saturated path's p95).
struct VariantFigures {
    std::string name;
    Analysis analysis;                   // the full analysis (traces left out)
    std::vector<double> values;
    std::string bottleneck;              // component id
    std::string runway_tier;             // the tier that runs out first ("" = none)
    int runway_month = -1;               // -1 = not within kHorizonMonths
    std::vector<double> users_by_month;  // the growth projection, months 0..kHorizonMonths
    std::vector<double> cost_by_month;   // USD/month, same months
};

// A changed field: `old_value`/`new_value` are the numbers for numeric fields
// (in `unit`), or the texts for names, kinds, placements, modes.
struct FieldChange {
    std::string id;          // the record's id ("" for the workload)
    std::string field;       // the FieldSpec key, or "name", "kind", "region", ...
    std::string unit;
    bool numeric = false;
    double old_number = 0, new_number = 0;
    std::string old_text, new_text;
};

// What differs between two designs, records matched by id. Canvas positions
// and sizes are layout, not design, and are not compared.
struct DesignDiff {
    std::vector<std::string> components_added, components_removed;   // ids, in design order
    std::vector<FieldChange> components_changed;
    std::vector<std::string> links_added, links_removed;
    std::vector<FieldChange> links_changed;
    std::vector<FieldChange> workload_changed;
    std::vector<std::string> regions_added, regions_removed;
    std::vector<FieldChange> regions_changed;
    std::vector<std::string> zones_added, zones_removed;
    std::vector<FieldChange> zones_changed;

    bool empty() const;
    // Ids of components with at least one changed field, each once, in order.
    std::vector<std::string> changedComponentIds() const;
};

DesignDiff diff(const Design& before, const Design& after);

// The month two cost (or runway) lines cross under the growth projection.
struct Crossover {
    std::string metric;        // "cost_per_month_usd" or "runway_month"
    int month = 0;
    double users = 0;          // the base variant's users in that month
    std::string cheaper_before, cheaper_after;   // variant names
};

// metric "cost_per_month_usd": the first month in which the variant cheaper
// in month 0 is no longer cheaper. Failing that, metric "runway_month": the
// month the cheaper variant runs out of runway while the other still has it.
// Nothing when neither happens within `months` (or a projection fails).
std::optional<Crossover> crossover(const Design& a, const Design& b, int months = kHorizonMonths);

struct Delta {
    double base = 0, value = 0;
    double delta = 0;          // value - base; 0 when both are the same (also both "none")
    int verdict = 0;           // +1 better than the base, -1 worse, 0 the same or no direction
};

struct VariantDelta {
    std::string variant, base;
    std::vector<Delta> figures;            // parallel to Comparison::figures
    DesignDiff diff;                       // base -> variant
    std::optional<Crossover> crossover;    // base vs variant
};

struct Comparison {
    std::string base;
    std::vector<FigureSpec> figures;
    std::vector<VariantFigures> variants;  // base first, then the others in the order asked
    std::vector<VariantDelta> deltas;      // one per variant, base included (all zero)
};

// `variants` empty: every variant of the project. `base` empty: the first
// named. The base is added in front when not named. An unknown name, or a
// name given twice, is a one-line error. Variants are analysed in parallel.
Result<Comparison> compare(const Project& project, const std::vector<std::string>& variants = {},
                           const std::string& base = {});

// The delta of one figure, and whether it is better.
Delta deltaOf(const FigureSpec& spec, double base, double value);

// --- Sensitivity -------------------------------------------------------------

// The four figures the sensitivity reports for each input.
enum class Outcome { Cost, Availability, P95, Runway };
inline constexpr int kOutcomeCount = 4;
struct OutcomeValues {
    double cost_per_month_usd = 0;
    double availability = 0;
    double p95_ms = 0;
    double runway_month = 0;   // +inf when no tier runs out within kHorizonMonths
    double get(Outcome o) const;
};

struct SensitivityRow {
    std::string input;         // "workload.users", "web.instances", "price.egress"
    std::string label;         // "Users", "web: Instances", "Internet egress price" (tiers by id)
    std::string unit;
    double base_value = 0, low_value = 0, high_value = 0;
    OutcomeValues low, high;
    double effect = 0;         // the ranking key: the largest relative swing of the four figures
};

struct Sensitivity {
    double delta = 0.1;
    OutcomeValues base;
    std::vector<SensitivityRow> rows;   // ranked by effect, largest first (ties: input order)
    int analyses = 0;                   // analyses run (for the benchmark)
};

// Every input an architect sets, moved down and up by `delta` (0 < delta < 1):
// workload (users, requests per user, growth, peak factor, read share, bytes
// per response); per tier its instances (whole numbers, at least one step),
// capacity, service time, hit ratio, availability (as unavailability x (1 +- delta))
// or MTBF / MTTR, failover time; prices (instances, internet egress, CDN).
// Inputs that are 0 (nothing to scale) are left out. Values are kept in
// their field's range. Runs the live analysis on `threads` threads (0 = the
// machine's cores); the result does not depend on the thread count.
Result<Sensitivity> sensitivity(const Design& design, double delta = 0.1, int threads = 0);

// The rows' order by the swing of one figure (largest first; stable).
std::vector<std::size_t> rankedBy(const Sensitivity& s, Outcome figure);

}  // namespace sw::whatif
