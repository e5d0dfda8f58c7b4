// The simulation dock: pick one of the project's scenarios, set seed,
// replicates, duration and method, run it against the variant on show (off
// the GUI thread, cancellable), watch the time series grow, then read the
// summary with 95 % confidence intervals and export CSV or JSON. A run
// belongs to the project and variant it was simulated against: opening
// another project forgets it, another variant hides it until that variant is
// back; a stopped run keeps (and exports, marked partial) what was simulated.
#pragma once

#include <QWidget>

#include <optional>

#include "planner/sim/SimOutput.h"
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
    QPushButton* csvButton() const { return csvButton_; }
    QPushButton* jsonButton() const { return jsonButton_; }
    // The last run of this project (possibly of another variant: see runShown()).
    const std::optional<sim::Report>& report() const { return report_; }
    bool isPartial() const { return partial_; }   // stopped before its end
    bool runShown() const;                        // the run belongs to the variant on show
    // What the exports say they came from: the project file, the variant, partial or not.
    sim::ExportOrigin exportOrigin() const;
    // The project's file name ("" while unsaved), written into the exports.
    void setSourceName(const QString& fileName) { sourceName_ = fileName; }
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
    void showRun();                 // the kept run if it belongs here, else an empty chart
    void forgetRun();               // another project: the run is no longer this document's
    void stopForeignRun();          // a run in progress whose variant is no longer on show
    QString runStatus() const;
    const Scenario* currentScenario() const;
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
    bool partial_ = false;
    int runVariant_ = -1;         // the variant index the run (or the run in progress) belongs to
    bool discardRun_ = false;     // the run in progress no longer belongs here
    QString sourceName_;
    Theme theme_ = Theme::light();
};

}  // namespace sw::views
