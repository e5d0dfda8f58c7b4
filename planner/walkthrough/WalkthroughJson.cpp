// The JSON form of a walkthrough (docs/cli.md): snake_case keys, units in the
// names, non-finite numbers as null.
#include <cmath>
#include <nlohmann/json.hpp>

#include "planner/walkthrough/Walkthrough.h"

namespace sw {

namespace {

using nlohmann::json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json triggerJson(const WalkTrigger& t) {
    return {{"metric", t.metric},       {"subject", t.subject}, {"threshold", number(t.threshold)},
            {"value", number(t.value)}, {"month", t.month},     {"direction", t.direction},
            {"sentence", t.sentence}};
}

}  // namespace

std::string walkthroughToJson(const Walkthrough& w) {
    json stages = json::array();
    for (const WalkStage& s : w.stages) {
        json st = {{"stage", s.stage},
                   {"name", s.name},
                   {"users_design", s.users_design},
                   {"from_month", s.from_month},
                   {"to_month", s.to_month},
                   {"users_at_entry", s.users_at_entry},
                   {"peak_rps_at_entry", s.peak_rps_at_entry},
                   {"cost_per_month_usd", s.cost_per_month_usd},
                   {"cost_per_month_usd_at_exit", s.cost_per_month_usd_at_exit},
                   {"availability", s.availability},
                   {"p95_ms", number(s.p95_ms)},
                   {"capacity_peak_rps", number(s.capacity_peak_rps)},
                   {"added", s.added},
                   {"added_ids", s.added_ids}};
        json out = json::array(), fixed = json::array();
        const std::vector<bool> h = horizontalParts(s.design);
        for (std::size_t i = 0; i < s.design.components.size(); ++i)
            if (s.design.components[i].kind != ComponentKind::UserGroup) (h[i] ? out : fixed).push_back(s.design.components[i].id);
        st["scales_out"] = out;
        st["fixed"] = fixed;
        if (s.gain)
            st["bought"] = {{"capacity_factor", number(s.gain->capacity_factor)},
                            {"nines_added", number(s.gain->nines_added)},
                            {"p95_ms_saved", number(s.gain->p95_ms_saved)},
                            {"cost_per_month_usd_added", number(s.gain->cost_per_month_usd_added)}};
        else
            st["bought"] = nullptr;
        st["trigger"] = s.trigger ? triggerJson(*s.trigger) : json(nullptr);
        json also = json::array();
        for (const WalkTrigger& t : s.also_fired) also.push_back(triggerJson(t));
        st["also_fired"] = also;
        stages.push_back(st);
    }
    json out = {{"current_stage", w.current_stage > 0 ? json(w.current_stage) : json(nullptr)},
                {"current_stage_reason", w.current_reason},
                {"users", w.users},
                {"monthly_growth", w.monthly_growth},
                {"months", w.months},
                {"stages", stages},
                {"skipped", w.skipped},
                {"unanswered", w.unanswered ? triggerJson(*w.unanswered) : json(nullptr)},
                {"not_modelled", w.not_modelled},
                {"users_beyond_model_from_month", w.users_beyond_model_month >= 0 ? json(w.users_beyond_model_month) : json(nullptr)}};
    return out.dump(2) + "\n";
}

}  // namespace sw
