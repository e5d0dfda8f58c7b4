// analyze(): validation, then the passes in dependency order over one snapshot.
#include <algorithm>
#include <iterator>

#include "model/Catalogue.h"
#include "model/Validation.h"
#include "planner/Analysis.h"
#include "planner/Explain.h"
#include "planner/Growth.h"
#include "planner/analysis/Passes.h"

namespace sw {

Analysis analyze(const Design& design) { return analyze(design, AnalyzeOptions{}); }

Analysis analyzeLive(const Design& design) {
    AnalyzeOptions o;
    o.componentTraces = false;
    return analyze(design, o);
}

std::vector<Finding> designFindings(const Design& design) {
    AnalyzeOptions o;
    o.traces = false;
    o.importance = false;
    return analyze(design, o).findings;
}

Analysis analyze(const Design& design, const AnalyzeOptions& options) {
    using namespace analysis;
    Analysis out;
    out.findings = validate(design);
    Context ctx(design, options.catalogue ? *options.catalogue : defaultCatalogue());
    Tracer tr(options.traces ? &out.explain : nullptr);

    const LoadModel load = computeLoad(ctx);
    if (ctx.userGroups.empty() && !design.components.empty())
        out.findings.push_back({Severity::Warning, "no_user_groups", "",
                                "the design has no user group: no requests enter it, so loads are 0 and "
                                "availability and latency describe no one"});
    out.summary.average_rps = load.average_rps;
    out.summary.peak_rps = load.peak_rps;
    const Workload& wl = design.workload;
    tr.add("summary.peak_rps", "users x requests/user/day / 86,400 x peak factor",
           "users=" + num(wl.users) + ", requests/user/day=" + num(wl.requests_per_user_per_day) +
               ", peak factor=" + num(wl.peak_factor),
           load.peak_rps);

    computeCapacity(ctx, load, out, tr);
    computeCost(ctx, load, out, tr);
    computeLatencyMatrix(ctx, options, out, tr);
    computeGeographies(ctx, load, options, out, tr);
    computeReplication(ctx, load, out, tr);
    computeAvailability(ctx, load, options, out, tr);
    // Runway warnings belong to the one list of findings every front end
    // shows (window, validate, analyze, report), not to the projection alone.
    if (options.runway_months > 0) {
        auto runway = runwayFindings(design, runwayOf(design, out, std::min(options.runway_months, kMaxProjectionMonths)));
        std::move(runway.begin(), runway.end(), std::back_inserter(out.findings));
    }
    if (options.traces && options.componentTraces) {
        out.explain.reserve(out.explain.size() + design.components.size() * 8);
        for (std::size_t i = 0; i < design.components.size(); ++i) {
            auto t = explainComponent(design, out, i);
            std::move(t.begin(), t.end(), std::back_inserter(out.explain));
        }
    }
    return out;
}

}  // namespace sw
