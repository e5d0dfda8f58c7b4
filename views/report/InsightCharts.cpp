#include "views/report/InsightCharts.h"

#include <QLabel>

#include <qcustomplot.h>

#include <algorithm>

#include "views/insight/AvailabilityPlot.h"
#include "views/insight/CostPlot.h"
#include "views/insight/LatencyHeatmap.h"
#include "views/insight/ReplicationPlot.h"
#include "views/insight/WorldMap.h"
#include "views/theme/Theme.h"

namespace sw::views::report {

namespace {

// One view at `sizeMm` on paper: laid out at that size in pixels (96 dpi, as the
// report's text), so ticks and names get the room they will have on paper.
template <typename View>
QString record(View& view, const Design& d, const Analysis& a, PlotSet& charts, QSizeF sizeMm, const QString& title) {
    view.setTheme(Theme::light());
    view.setAnalysis(d, a);
    const QSize px(qRound(mmToUnits(sizeMm.width())), qRound(mmToUnits(sizeMm.height())));
    view.plot()->resize(px);
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QString caption = view.captionLabel() ? view.captionLabel()->text() : QString();
    return charts.add(*view.plot(), sizeMm, caption.isEmpty() ? title : title + QStringLiteral(" · ") + caption);
}

}  // namespace

InsightCharts drawInsightCharts(const Design& d, const Analysis& a, PlotSet& charts) {
    InsightCharts out;
    if (!a.latency.regions.empty()) {
        LatencyHeatmap heat;
        const int rows = static_cast<int>(d.regions.size() + a.latency.user_groups.size());
        const double h = std::clamp(30.0 + 7.0 * rows, 60.0, 200.0);
        out.latency = record(heat, d, a, charts, QSizeF(176, h), QStringLiteral("Latency heatmap (round trips, ms)"));
        WorldMap map;
        out.map = record(map, d, a, charts, QSizeF(176, 100), QStringLiteral("World map: regions, user groups and their round trips"));
    }
    CostPlot cost;
    out.cost = record(cost, d, a, charts, QSizeF(176, 80), QStringLiteral("Cost split by category and by region"));
    AvailabilityPlot availability;
    out.availability = record(availability, d, a, charts, QSizeF(176, 90), QStringLiteral("Availability: nines, weakest parts, error budget"));
    ReplicationPlot replication;
    out.replication = record(replication, d, a, charts, QSizeF(176, 75), QStringLiteral("Replication lag against write rate"));
    return out;
}

}  // namespace sw::views::report
