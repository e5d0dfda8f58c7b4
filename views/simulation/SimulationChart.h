// The simulation's time series, four panes on one time axis: traffic
// (offered, served, failed) under a strip of the operating mode, latency
// (p50 / p95 / p99), capacity (instances, replication lag) and one chosen
// component (utilisation, queue). The scenario's failure and traffic
// windows are shaded behind the curves. Seconds can be appended while a run
// goes on; the component pane is filled from a finished run.
#pragma once

#include <QWidget>

#include <vector>

#include "model/Scenario.h"
#include "planner/sim/SimTypes.h"
#include "views/theme/Theme.h"

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPItemRect;
class QCPLegend;

namespace sw::views {

class SimulationChart : public QWidget {
    Q_OBJECT
public:
    explicit SimulationChart(QWidget* parent = nullptr);

    // Clears the curves and shades the scenario's windows over [0, duration].
    void reset(const Scenario& scenario, double duration_s);
    void append(const std::vector<sim::Second>& seconds);
    void setSeries(const std::vector<sim::Second>& seconds);
    void setTheme(const Theme& theme);
    // One component's utilisation and queue per second (from Run::components);
    // an empty name clears the pane.
    void setComponent(const QString& name, const std::vector<double>& utilization, const std::vector<double>& queue);
    int modeSpans() const { return static_cast<int>(modes_.size()); }
    int points() const { return points_; }
    QCustomPlot* plot() const { return plot_; }
    // The four panes, top to bottom, and their legends (beside them, outside the plot).
    std::vector<QCPAxisRect*> panes() const { return {traffic_, latency_, capacity_, component_}; }
    const std::vector<QCPLegend*>& legends() const { return legends_; }
    static constexpr int kMinPaneHeight = 58;

private:
    void shade(double from, double to, const QColor& color, const QString& label);
    void markMode(double t, sim::Mode mode);
    void rescale();

    QCustomPlot* plot_;
    QCPAxisRect *traffic_, *latency_, *capacity_, *component_;
    QCPGraph *offered_, *served_, *failed_, *p50_, *p95_, *p99_, *instances_, *lag_, *utilization_, *queue_;
    struct ModeSpan {
        sim::Mode mode;
        double from, to;
        QCPItemRect* item;
    };
    std::vector<ModeSpan> modes_;
    std::vector<QCPLegend*> legends_;
    double duration_s_ = 0;
    int points_ = 0;
    double peakRps_ = 0, peakMs_ = 0, peakInstances_ = 0, peakLag_ = 0;
    Theme theme_ = Theme::light();
};

}  // namespace sw::views
