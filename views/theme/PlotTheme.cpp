#include "views/theme/PlotTheme.h"

#include <qcustomplot.h>

#include "views/theme/Theme.h"

namespace sw::views {

void applyPlotTheme(QCustomPlot* plot, const Theme& theme) {
    const QColor fg = theme.nodeText, muted = theme.nodeMuted, grid = theme.dark ? QColor(255, 255, 255, 28) : QColor(0, 0, 0, 22);
    plot->setBackground(theme.dark ? QColor(0x1f, 0x23, 0x2a) : QColor(Qt::white));
    for (QCPAxis* a : plot->axisRect()->axes()) {
        a->setBasePen(QPen(muted));
        a->setTickPen(QPen(muted));
        a->setSubTickPen(QPen(muted));
        a->setTickLabelColor(fg);
        a->setLabelColor(fg);
        a->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
}

}  // namespace sw::views
