// The simulation's time series, three panes on one time axis: traffic
// (offered, served, failed), latency (p50 / p95 / p99) and capacity
// (instances, replication lag). The scenario's failure and traffic windows
// are shaded behind the curves. Seconds can be appended while a run goes on.
#pragma once

#include <QWidget>

#include <vector>

#include "model/Scenario.h"
#include "planner/sim/SimTypes.h"
#include "views/theme/Theme.h"

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;

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
    int points() const { return points_; }
    QCustomPlot* plot() const { return plot_; }

private:
    void shade(double from, double to, const QColor& color, const QString& label);
    void rescale();

    QCustomPlot* plot_;
    QCPAxisRect *traffic_, *latency_, *capacity_;
    QCPGraph *offered_, *served_, *failed_, *p50_, *p95_, *p99_, *instances_, *lag_;
    double duration_s_ = 0;
    int points_ = 0;
    double peakRps_ = 0, peakMs_ = 0, peakInstances_ = 0, peakLag_ = 0;
    Theme theme_ = Theme::light();
};

}  // namespace sw::views
