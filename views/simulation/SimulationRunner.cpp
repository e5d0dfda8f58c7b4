#include "views/simulation/SimulationRunner.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

#include <mutex>

#include "planner/sim/Simulator.h"

namespace sw::views {

// The simulator's observer, called from worker threads; everything it learns
// is handed to the runner's thread with queued calls.
class SimulationRunner::Bridge final : public sim::Observer {
public:
    explicit Bridge(SimulationRunner* owner) : owner_(owner) {}

    void progress(double fraction) override {
        std::vector<sim::Second> batch;
        {
            std::lock_guard lock(mutex_);
            batch.swap(pending_);
        }
        QPointer<SimulationRunner> o = owner_;
        QMetaObject::invokeMethod(owner_, [o, fraction, batch = std::move(batch)] {
            if (!o) return;
            if (!batch.empty()) emit o->seconds(batch);
            emit o->progressed(fraction);
        }, Qt::QueuedConnection);
    }
    void sample(int replicate, const sim::Second& second) override {
        if (replicate != 0) return;
        std::lock_guard lock(mutex_);
        pending_.push_back(second);
    }
    bool cancelled() const override { return cancel_.load(); }

    std::atomic<bool> cancel_{false};

private:
    SimulationRunner* owner_;
    std::mutex mutex_;
    std::vector<sim::Second> pending_;
};

SimulationRunner::SimulationRunner(QObject* parent) : QObject(parent) {
    qRegisterMetaType<std::vector<sim::Second>>();
    qRegisterMetaType<sim::Report>();
}

SimulationRunner::~SimulationRunner() {
    if (bridge_) bridge_->cancel_ = true;
    join();
}

void SimulationRunner::join() {
    if (worker_.joinable()) worker_.join();
}

void SimulationRunner::start(const Design& design, const Scenario& scenario, const sim::Options& options) {
    if (running_) return;
    join();
    running_ = true;
    bridge_ = std::make_unique<Bridge>(this);
    Bridge* bridge = bridge_.get();
    QPointer<SimulationRunner> self = this;
    worker_ = std::thread([self, bridge, design, scenario, options] {
        auto result = sim::simulate(design, scenario, options, *bridge);
        const bool stopped = bridge->cancel_.load();
        bridge->progress(1.0);   // flushes the last seconds
        QMetaObject::invokeMethod(
            self.data(),
            [self, stopped, result = std::move(result)]() mutable {
                if (!self) return;
                self->running_ = false;
                self->join();
                if (stopped) emit self->cancelled(result ? result.value() : sim::Report{});
                else if (!result) emit self->failed(QString::fromStdString(result.error()));
                else emit self->finished(result.value());
            },
            Qt::QueuedConnection);
    });
}

void SimulationRunner::cancel() {
    if (bridge_) bridge_->cancel_ = true;
}

void SimulationRunner::wait() {
    while (running_) {
        join();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
}

}  // namespace sw::views
