// The simulation dock: pick one of the project's scenarios, set seed,
// replicates, duration and method, run it against the variant on show (off
// the GUI thread, cancellable), watch the time series grow, then read the
// summary with 95 % confidence intervals and export CSV or JSON.
#pragma once

#include <QWidget>

#include <optional>

#include "planner/sim/SimTypes.h"
#include "views/theme/Theme.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace sw::views {

class DesignDocument;
class SimulationChart;
class SimulationRunner;

class SimulationPanel : public QWidget {
    Q_OBJECT
public:
    explicit SimulationPanel(DesignDocument* doc, QWidget* parent = nullptr);
    ~SimulationPanel() override;

    void setTheme(const Theme& theme);
    SimulationRunner* runner() const { return runner_; }
    SimulationChart* chart() const { return chart_; }
    QComboBox* scenarioBox() const { return scenario_; }
    QComboBox* componentBox() const { return component_; }
    QSpinBox* seedBox() const { return seed_; }
    QSpinBox* replicatesBox() const { return replicates_; }
    QDoubleSpinBox* durationBox() const { return duration_; }
    const std::optional<sim::Report>& report() const { return report_; }
    QString statusText() const;
    QString summaryText() const;   // the summary table as "metric\tmean\tci" lines

public slots:
    void run();
    void cancel();
    void editScenarios();   // the JSON editor; OK pushes one undoable command
    bool exportCsv(const QString& path);
    bool exportJson(const QString& path);

signals:
    void runFinished();

private:
    void refreshScenarios();
    void showScenario();
    void setRunning(bool running);
    void showReport(const sim::Report& report);
    void setStatus(const QString& text, bool problem = false);
    void fillSummary(const sim::Report& report);
    void showComponent();
    bool writeFile(const QString& path, const std::string& bytes);

    DesignDocument* doc_;
    SimulationRunner* runner_;
    SimulationChart* chart_;
    QComboBox* scenario_;
    QLabel* description_;
    QSpinBox* seed_;
    QSpinBox* replicates_;
    QDoubleSpinBox* duration_;
    QComboBox* method_;
    QComboBox* component_;   // whose utilisation and queue the chart's last pane shows
    QPushButton *runButton_, *cancelButton_, *csvButton_, *jsonButton_, *editButton_;
    QProgressBar* progress_;
    QLabel* status_;
    QTableWidget* summary_;
    std::optional<sim::Report> report_;
    Theme theme_ = Theme::light();
};

}  // namespace sw::views
