// The window's insight charts (latency heatmap, world map, cost split,
// availability, replication) drawn into the capacity report: each view is
// made headless in the light theme, given the design's analysis, sized for
// the paper and recorded as vectors (PlotSet::add). Only drawing: every
// figure comes from the analysis the views are given.
#pragma once

#include <QString>

#include "model/Design.h"
#include "planner/Analysis.h"
#include "views/report/ReportPlot.h"

namespace sw::views::report {

struct InsightCharts {
    QString latency, map, cost, availability, replication;   // HTML for each (caption + chart); "" = nothing to show
};

InsightCharts drawInsightCharts(const Design& design, const Analysis& analysis, PlotSet& charts);

}  // namespace sw::views::report
