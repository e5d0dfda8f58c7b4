// The walk: month by month, the stage in force is scaled to the month's users
// and analysed; when a trigger fires, the walk moves to the first later stage
// that removes it at that month's load (skipping stages that do not).
#include <cstdio>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

#include "model/Validation.h"
#include "planner/AvailabilityMath.h"
#include "planner/walkthrough/StageScaling.h"
#include "planner/walkthrough/Triggers.h"
#include "planner/walkthrough/Walkthrough.h"

namespace sw {

namespace {

using walk::StageModel;

struct Snapshot {
    Design design;
    Analysis analysis;
    std::vector<WalkTrigger> fired;
};

class Walker {
public:
    Walker(const WalkOptions& o, Workload wl) : o_(o), wl_(wl), models_(kStageCount + 1) {}

    const StageModel& templateModel(int stage) {
        auto& m = models_[static_cast<std::size_t>(stage)];
        if (!m) {
            Design d = stageTemplates()[static_cast<std::size_t>(stage - 1)].design;
            d.workload = wl_;
            m = walk::makeStageModel(d, false);
        }
        return *m;
    }

    Snapshot look(const StageModel& m, int month) const {
        Snapshot s;
        const double users = usersAt(wl_, month);
        s.design = walk::scaleTo(m, users);
        s.analysis = analyze(s.design, walk::walkAnalyzeOptions(o_.slo.value_or(0.999)));
        s.fired = walk::checkTriggers(m, s.design, s.analysis, users, month, o_);
        std::erase_if(s.fired, [&](const WalkTrigger& t) { return suppressed_.count(t.metric) > 0; });
        return s;
    }

    void suppress(const std::string& metric) { suppressed_.insert(metric); }
    const Workload& workload() const { return wl_; }

private:
    const WalkOptions& o_;
    Workload wl_;
    std::vector<std::optional<StageModel>> models_;
    std::set<std::string> suppressed_;
};

bool removes(const std::vector<WalkTrigger>& fired, const std::vector<WalkTrigger>& after) {
    for (const WalkTrigger& f : fired)
        for (const WalkTrigger& a : after)
            if (a.metric == f.metric) return false;
    return true;
}

int removedCount(const std::vector<WalkTrigger>& fired, const std::vector<WalkTrigger>& after) {
    int n = 0;
    for (const WalkTrigger& f : fired)
        n += std::none_of(after.begin(), after.end(), [&](const WalkTrigger& a) { return a.metric == f.metric; });
    return n;
}

// Peak rps the fixed tiers carry at the target utilisation; +inf when every part scales out.
double fixedCapacity(const StageModel& m, const Snapshot& s) {
    const double target = std::clamp(s.design.workload.target_utilization, 0.01, 1.0);
    double cap = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < s.design.components.size() && i < s.analysis.components.size(); ++i) {
        const ComponentResult& r = s.analysis.components[i];
        if (s.design.components[i].kind == ComponentKind::UserGroup || m.features.horizontal[i] || r.utilization <= 0)
            continue;
        cap = std::min(cap, s.analysis.summary.peak_rps * target / r.utilization);
    }
    return cap;
}

void enter(WalkStage& st, const StageModel& m, const Snapshot& s, int month, const Workload& wl) {
    st.from_month = month;
    st.users_at_entry = usersAt(wl, month);
    st.peak_rps_at_entry = s.analysis.summary.peak_rps;
    st.cost_per_month_usd = s.analysis.cost.total;
    st.availability = s.analysis.summary.availability.availability;
    bool saturated = false;
    for (const GeographyResult& g : s.analysis.geographies) saturated = saturated || g.saturated;
    st.p95_ms = saturated ? std::numeric_limits<double>::infinity() : s.analysis.summary.p95_ms;
    st.capacity_peak_rps = fixedCapacity(m, s);
    st.design = m.base;
}


// "1e+30", "0", "200": the value as the user would have typed it.
std::string shortNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::optional<std::string> checkOptions(const WalkOptions& o) {
    if (!std::isfinite(o.users) || o.users <= 0) return "users must be above 0, got " + shortNumber(o.users);
    if (o.users > 1e11) return "users must be at most 1e11 (the model's range), got " + shortNumber(o.users);
    if (!std::isfinite(o.monthly_growth) || o.monthly_growth < kMinWalkGrowth || o.monthly_growth > kMaxWalkGrowth)
        return "monthly growth must be between -50 % and 100 % a month, got " + shortNumber(o.monthly_growth * 100) + " %";
    if (o.months < 1 || o.months > kMaxWalkMonths)
        return "the horizon must be 1 to " + std::to_string(kMaxWalkMonths) + " months, got " + std::to_string(o.months);
    if (o.team_engineers && (!std::isfinite(*o.team_engineers) || *o.team_engineers < 0))
        return "team size must be 0 or more engineers";
    if (o.slo && (!std::isfinite(*o.slo) || *o.slo <= 0 || *o.slo >= 1)) return "the availability objective must be between 0 and 1";
    if (o.runway_months && (!std::isfinite(*o.runway_months) || *o.runway_months < 0)) return "runway must be 0 or more months";
    if (o.max_cost_per_user_usd && (!std::isfinite(*o.max_cost_per_user_usd) || *o.max_cost_per_user_usd <= 0))
        return "cost per user must be above 0";
    if (o.design) {
        // An invalid or empty design would walk on figures that look healthy.
        if (std::none_of(o.design->components.begin(), o.design->components.end(),
                         [](const Component& c) { return c.kind != ComponentKind::UserGroup; }))
            return "the design has no components to walk";
        for (const Finding& f : validate(*o.design))
            if (f.severity == Severity::Error) return "the design is invalid: " + f.message;
    }
    return std::nullopt;
}

}  // namespace

Result<Walkthrough> walkthrough(const WalkOptions& o) {
    if (auto e = checkOptions(o)) return Result<Walkthrough>::failure(*e);
    const auto& templates = stageTemplates();
    Workload wl = o.design ? o.design->workload : templates.front().design.workload;
    wl.users = o.users;
    wl.monthly_growth = o.monthly_growth;
    if (!o.design) wl.user_ceiling = 0;
    Walker walker(o, wl);

    Walkthrough w;
    w.users = o.users;
    w.monthly_growth = o.monthly_growth;
    w.months = o.months;
    w.not_modelled = walk::notModelledConditions();
    if (!o.team_engineers) w.not_modelled.push_back("team size (give --team N; seed: microservices above 50 engineers)");

    std::optional<StageModel> own;
    int stage = 1;
    if (o.design) {
        const StageMatch match = recogniseStage(*o.design);
        w.current_stage = stage = match.stage;
        w.current_reason = match.reason;
        Design d = *o.design;
        d.workload = wl;
        own = walk::makeStageModel(d, true);
    }
    const StageModel* model = own ? &*own : &walker.templateModel(1);

    // `before`: the stage being left, analysed in the same month.
    auto open = [&](int number, const StageModel& m, const Snapshot& s, int month, bool usersDesign, const Snapshot* before) {
        WalkStage st;
        st.stage = number;
        st.users_design = usersDesign;
        const StageTemplate& t = templates[static_cast<std::size_t>(number - 1)];
        st.name = t.name;
        if (usersDesign) {
            st.name = o.design->name;
        } else if (!w.stages.empty()) {
            StageDiff diff = diffStages(w.stages.back().design, m.base);
            st.added = std::move(diff.added);
            st.added_ids = std::move(diff.added_ids);
        } else {
            st.added = t.added;
            st.added_ids = t.added_ids;
        }
        enter(st, m, s, month, wl);
        if (before && !w.stages.empty()) {
            const WalkStage& prev = w.stages.back();
            WalkStage was;
            enter(was, *model, *before, month, wl);
            StageGain g;
            g.capacity_factor = st.capacity_peak_rps / prev.capacity_peak_rps;   // inf/inf = NaN: both unbounded
            g.nines_added = sw::nines(st.availability) - sw::nines(was.availability);
            g.p95_ms_saved = was.p95_ms - st.p95_ms;
            g.cost_per_month_usd_added = st.cost_per_month_usd - was.cost_per_month_usd;
            g.cost_per_month_usd_before = was.cost_per_month_usd;
            g.availability_before = was.availability;
            g.p95_ms_before = was.p95_ms;
            st.gain = g;
        }
        w.stages.push_back(std::move(st));
    };

    Snapshot now = walker.look(*model, 0);
    open(stage, *model, now, 0, o.design.has_value(), nullptr);
    for (int month = 0; month <= o.months; ++month) {
        if (month > 0) now = walker.look(*model, month);
        while (!now.fired.empty()) {
            // The first later stage that removes every trigger that fired and
            // fires none itself; else the first that removes them all; else
            // the one that removes the most.
            int best = 0, bestScore = -1;
            Snapshot bestSnap;
            for (int s = stage + 1; s <= kStageCount; ++s) {
                Snapshot cand = walker.look(walker.templateModel(s), month);
                const bool all = removes(now.fired, cand.fired);
                const int removed = removedCount(now.fired, cand.fired);
                const int score = removed == 0 ? -1 : (all ? 1000 : 0) + (all && cand.fired.empty() ? 1000 : 0) + removed;
                if (score > bestScore) {
                    best = s;
                    bestScore = score;
                    bestSnap = std::move(cand);
                    if (score >= 2000) break;
                }
            }
            if (best == 0) {
                // No stage removes it: recorded once, then no longer checked.
                if (!w.unanswered) w.unanswered = now.fired.front();
                for (const WalkTrigger& t : now.fired) walker.suppress(t.metric);
                now.fired.clear();
                break;
            }
            WalkStage& cur = w.stages.back();
            cur.to_month = month;
            cur.cost_per_month_usd_at_exit = now.analysis.cost.total;
            cur.trigger = now.fired.front();
            cur.also_fired.assign(now.fired.begin() + 1, now.fired.end());
            for (int s = stage + 1; s < best; ++s) w.skipped.push_back(s);
            const StageModel* next = &walker.templateModel(best);
            open(best, *next, bestSnap, month, false, &now);
            stage = best;
            model = next;
            now = std::move(bestSnap);
        }
        w.users_by_month.push_back(usersAt(wl, month));
        if (w.users_beyond_model_month < 0 && w.users_by_month.back() > 1e11) w.users_beyond_model_month = month;
        w.cost_by_month.push_back(now.analysis.cost.total);
        w.stage_by_month.push_back(stage);
        w.stages.back().to_month = month;
        w.stages.back().cost_per_month_usd_at_exit = now.analysis.cost.total;
    }
    return w;
}

Design designAtMonth(const Walkthrough& walk, int month) {
    if (walk.stages.empty()) return {};
    const WalkStage* st = &walk.stages.front();
    for (const WalkStage& s : walk.stages)
        if (s.from_month <= month) st = &s;
    const StageModel m = walk::makeStageModel(st->design, st->users_design);
    return walk::scaleTo(m, usersAt(st->design.workload, month));
}

}  // namespace sw
