// The report's "Scaling path" section: the walkthrough's timeline chart and
// its stage table, for `report FILE --walkthrough`.
#pragma once

#include <QString>

#include "planner/walkthrough/Walkthrough.h"

namespace sw::views::report {

inline constexpr const char* kWalkthroughChartTitle = "Scaling path: stages, users and cost by month";

// The section's HTML; `chart` is the timeline's (PlotSet::add of drawWalkTimeline), or empty.
QString walkthroughSection(const Walkthrough& walk, const QString& chart);

}  // namespace sw::views::report
