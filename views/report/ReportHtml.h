// The capacity report's sections as rich text (the subset of HTML that
// QTextDocument lays out): each builder formats engine results, nothing more.
#pragma once

#include <QString>
#include <QStringList>

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
QString replicationSection(const Design& d, const Analysis& a);
QString costSection(const Analysis& a);
// `chart`: the HTML of the section's chart (PlotSet::add), or empty.
QString growthSection(const Design& d, const Projection& p, const QString& chart);
QString simulationSection(const sim::Report& r, const QString& chart);
// The table of contents: one row per section title, the page column left
// empty for ReportPages' fillContents.
QString contentsBlock(const QStringList& titles);
QString findingsSection(const Analysis& a);
QString methodSection();

}  // namespace sw::views::report
