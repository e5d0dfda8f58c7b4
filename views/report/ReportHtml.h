// The capacity report's sections as rich text (the subset of HTML that
// QTextDocument lays out): each builder formats engine results, nothing more.
#pragma once

#include <QString>

#include "model/Design.h"
#include "planner/Analysis.h"
#include "planner/Growth.h"
#include "planner/sim/SimTypes.h"

namespace sw::views::report {

QString styleSheet();
QString titleBlock(const Design& d, const QString& sourceName);
QString summarySection(const Design& d, const Analysis& a);
QString workloadSection(const Design& d, const Analysis& a);
QString tiersSection(const Design& d, const Analysis& a);
QString availabilitySection(const Design& d, const Analysis& a);
QString latencySection(const Design& d, const Analysis& a);
QString replicationSection(const Analysis& a);
QString costSection(const Analysis& a);
QString growthSection(const Design& d, const Projection& p, bool withChart);
QString simulationSection(const sim::Report& r);
QString findingsSection(const Analysis& a);
QString methodSection();

}  // namespace sw::views::report
