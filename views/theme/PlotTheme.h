// The theme applied to a QCustomPlot's background, axes and grid, so the
// what-if charts look alike in both themes without each repeating it.
#pragma once

class QCustomPlot;

namespace sw::views {

struct Theme;

void applyPlotTheme(QCustomPlot* plot, const Theme& theme);

}  // namespace sw::views
