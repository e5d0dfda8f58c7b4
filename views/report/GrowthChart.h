// The report's growth chart: users, peak requests per second and cost per
// month over the horizon, each in its own panel on its own axis (no two
// units on one axis), sharing the month axis, with the month each tier runs
// out of runway marked across all three (which tier: the runway table).
// Draws the projection, computes nothing. Self-contained so it can give way
// to the window's growth view.
#pragma once

#include "planner/Growth.h"

class QCustomPlot;

namespace sw::views::report {

inline constexpr const char* kGrowthChartTitle = "Users, peak load and cost by month";

// Fills `plot` (cleared first) for printing in the light theme; a dashed
// line, numbered in the top panel, at each month a tier runs out.
void drawGrowthChart(QCustomPlot& plot, const Projection& projection);

}  // namespace sw::views::report
