// Runs the simulator off the GUI thread and reports back on it: progress,
// the first replicate's seconds as they are simulated (batched, so a long
// run does not flood the event loop), and the finished report or the reason
// it could not run. One run at a time; cancel() stops it at the next second
// and reports what was simulated until then.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "model/Design.h"
#include "planner/sim/SimTypes.h"

namespace sw::views {

class SimulationRunner : public QObject {
    Q_OBJECT
public:
    explicit SimulationRunner(QObject* parent = nullptr);
    ~SimulationRunner() override;   // cancels and waits for a run in progress

    bool running() const { return running_; }
    // Copies what it needs: the document may change while the run goes on.
    void start(const Design& design, const Scenario& scenario, const sim::Options& options);
    void cancel();
    // Blocks until the run in progress (if any) has reported (tests, closing).
    void wait();

signals:
    void progressed(double fraction);
    void seconds(const std::vector<sw::sim::Second>& batch);   // replicate 0, in order
    void finished(const sw::sim::Report& report);
    void failed(const QString& message);
    void cancelled(const sw::sim::Report& partial);   // the seconds simulated before the stop

private:
    class Bridge;
    void join();

    std::unique_ptr<Bridge> bridge_;
    std::thread worker_;
    bool running_ = false;
};

}  // namespace sw::views

Q_DECLARE_METATYPE(std::vector<sw::sim::Second>)
Q_DECLARE_METATYPE(sw::sim::Report)
