// The theme applied to a QCustomPlot's background, axes and grid, so the
// what-if charts look alike in both themes without each repeating it.
#pragma once

class QCPAxis;
class QColor;
class QCustomPlot;

namespace sw::views {

struct Theme;

// The background every chart is drawn on.
QColor plotBackground(const Theme& theme);
// One axis: muted pens, dotted grid, tick labels in `tickLabels`, title in the text colour.
void applyAxisTheme(QCPAxis* axis, const Theme& theme, const QColor& tickLabels);
// The plot's background and every axis of its main rect (tick labels in the text colour).
void applyPlotTheme(QCustomPlot* plot, const Theme& theme);

}  // namespace sw::views
