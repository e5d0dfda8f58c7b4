#include "views/theme/PlotTheme.h"

#include <qcustomplot.h>

#include "views/theme/Theme.h"

namespace sw::views {

void applyAxisTheme(QCPAxis* a, const Theme& theme, const QColor& tickLabels) {
    const QColor muted = theme.nodeMuted, grid = theme.dark ? QColor(255, 255, 255, 28) : QColor(0, 0, 0, 22);
    a->setBasePen(QPen(muted));
    a->setTickPen(QPen(muted));
    a->setSubTickPen(QPen(muted));
    a->setTickLabelColor(tickLabels);
    a->setLabelColor(theme.nodeText);
    a->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    a->grid()->setZeroLinePen(QPen(grid.lighter(160), 1, Qt::SolidLine));   // Qt's default is a fixed light grey, white on a dark plot
}

QColor plotBackground(const Theme& theme) { return theme.dark ? QColor(0x1f, 0x23, 0x2a) : QColor(Qt::white); }

void applyPlotTheme(QCustomPlot* plot, const Theme& theme) {
    plot->setBackground(plotBackground(theme));
    for (QCPAxis* a : plot->axisRect()->axes()) applyAxisTheme(a, theme, theme.nodeText);
}

}  // namespace sw::views
