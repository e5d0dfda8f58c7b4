// One colour scale for round-trip times, shared by the heatmap and the world
// map so a colour means the same number of milliseconds in both.
#pragma once

#include <QColor>

#include <qcustomplot.h>

namespace sw::views {

struct Theme;

// Green (near) through amber to red (far); readable on both backgrounds.
QCPColorGradient latencyGradient(const Theme& theme);
// The colour of `ms` on a scale from 0 to `maxMs`.
QColor latencyColour(double ms, double maxMs, const Theme& theme);
// The upper end of the scale for a largest figure: a round number of ms above it.
double latencyScaleTop(double largestMs);

}  // namespace sw::views
