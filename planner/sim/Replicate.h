// One replicate of a simulation: the clock, the event queue, the requests in
// flight, every instance's queue (the data plane) and, once a simulated
// second, the control plane (failures, health checks, failover, breakers,
// autoscaling, modes). Internal to planner/sim; Simulator.h is the API.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "planner/sim/EventQueue.h"
#include "planner/sim/LatencyHistogram.h"
#include "planner/sim/Random.h"
#include "planner/sim/SimModel.h"

namespace sw::sim {

class Replicate {
public:
    // `progress` is told of each finished simulated second (from this thread).
    Replicate(const SimModel& model, const Options& options, int replicate, Observer& observer,
              std::function<void(int)> progress = {});
    Run run();

private:
    static constexpr double kNever = std::numeric_limits<double>::infinity();
    static constexpr int kMaxStack = 24;
    static constexpr std::uint32_t kNone = 0xffffffffu;
    static constexpr std::size_t kReservoir = 256;
    static constexpr int kScaleOutWindow = 60;   // s above target before scaling out
    static constexpr int kScaleInWindow = 300;   // s below the floor before scaling in
    static constexpr double kMaxRepRate = 2000;   // representative: arrivals/s before slicing
    static constexpr int kMinSliceServers = 16;   // a slice keeps at least this many servers

    enum EventType : std::uint32_t { kArrive = 1, kHop, kDone, kTimeout, kRetry, kTick, kRepSource, kFail, kRepair, kHealth, kDomainFail, kDomainRepair };
    enum Outcome : std::uint8_t { kOk, kError, kTimedOut, kRejected };
    enum Flags : std::uint8_t { kWrite = 1, kAsync = 2, kAbandoned = 4, kFree = 8 };

    struct Request {
        double start = 0;          // first attempt (latency is measured from here)
        double attempt_start = 0;
        double node_arrival = 0;   // when it reached its current node
        std::uint32_t serial = 0;  // changes with every attempt, so stale timeouts are ignored
        std::uint32_t node = 0;    // where it is now
        std::uint32_t inst = kNone;
        std::uint32_t svc_epoch = 0;
        std::uint32_t last_link = kNone;
        std::uint32_t entry = 0;
        std::uint32_t key = kNone;  // hash-sharding key, drawn at the first sharded database (kNone = not yet)
        std::uint8_t attempt = 0;
        std::uint8_t flags = 0;
        std::uint8_t depth = 0;
        std::uint32_t stack[kMaxStack];   // links still to call, top = last
    };

    // A bounded FIFO of request slots that grows (never per event) up to its cap.
    struct Ring {
        std::vector<std::uint32_t> buf;
        std::uint32_t head = 0, count = 0;
        void push(std::uint32_t v);
        std::uint32_t pop();
    };

    struct Instance {
        std::uint32_t node = 0;
        std::uint32_t busy = 0;
        std::uint32_t epoch = 0;
        bool provisioned = false, alive = false, in_rotation = false;
        double change_at = kNever;   // when health checks will catch up with `alive`
        Ring queue;
    };

    struct Breaker {
        double calls = 0, failures = 0;
        double open_until = -1;
        bool open = false, half_open = false;
    };

    struct NodeState {
        std::uint32_t first = 0;          // instance slots [first, first + max_instances)
        std::uint32_t rep = kNone;        // representative method: the simulated instance
        int provisioned = 0, alive = 0, in_rotation = 0;
        std::vector<std::uint32_t> rotation;
        bool rotation_dirty = false, pending = false;
        int killed = 0, outages = 0;
        double extra_latency_s = 0, error_rate = 0;
        double down_since = kNever;       // when health checks last emptied the rotation
        int redirect = -1;                // failed-over primary: where its traffic goes
        double failover_at = kNever;
        double lag_s = 0, lag_cap = 0;
        int lag_events = 0;
        std::vector<double> booting;      // autoscaling: when ordered instances are ready
        double last_scale = -kNever, last_scale_up = -kNever;
        double demand = -1;               // offered work per running server, last second
        int over_s = 0, under_s = 0;      // seconds in a row above / below the thresholds
        double over_sum = 0, under_sum = 0;
        // This second's counters.
        double busy_s = 0, arrivals = 0, write_arrivals = 0;
        double ok = 0, errors = 0, timeouts = 0, rejections = 0;
        double phase = 0;                 // when this node's health checks run (mod interval)
        std::uint32_t shed_limit = 0;     // queue length beyond which arrivals are refused
        std::vector<float> sojourn;       // representative method: this second's samples (s)
        double sojourn_seen = 0;
        double prev_write_rps = 0;
        double rate = 0;                  // representative method: arrivals per second it is fed
        int rep_servers = 1;              // its servers (a slice of a very wide instance)
        double wait_keep = 1, wait_scale = 1;   // a slice's waits mapped to the full instance's
        std::uint32_t rep_shed = 0;
        std::uint32_t source_gen = 0;
        double visits = 0;                // composed walks: visits per entering request
        double visits_now = 0, write_visits = 0;
        int dead_in_rotation = 0;         // instances the balancer still trusts but are dead
        // Sharded database (SimNode::shards > 1): instance k serves shard
        // (k - first) mod shards; per shard its instances in rotation, the
        // dead ones among them, and its own failover (a shard's keys live
        // only on it and on the same shard of its replicas).
        std::vector<std::vector<std::uint32_t>> shard_rotation;
        std::vector<int> shard_dead, shard_redirect;
        std::vector<double> shard_failover_at;
    };

    // A router's ways on for one access kind, valid while no target's health
    // changes (health_epoch_): healthy links with the running sum of their
    // fractions, for a binary search, and the links to dead targets.
    struct RouteTable {
        std::uint64_t epoch = ~std::uint64_t{0};
        int matching = 0;                    // links this access kind may take
        std::uint32_t only = kNone;          // the last of them
        double total = 0, good = 0;          // sum of fractions: all, healthy
        std::vector<std::uint32_t> up;       // healthy links, in link order
        std::vector<double> up_cum;          // running sum of their fractions
        std::vector<std::uint32_t> down;     // links to a target that is down, in link order
    };

    // Data plane (Replicate.cpp).
    std::uint32_t pickEntry();
    void newRequest();
    void beginAttempt(std::uint32_t slot);
    void arrive(std::uint32_t slot, std::uint32_t node);
    void startService(std::uint32_t slot, std::uint32_t inst);
    void onDone(std::uint32_t slot);
    bool pushCalls(std::uint32_t node, bool write, std::uint32_t* stack, std::uint8_t& depth);
    void routeOnward(std::uint32_t slot, std::uint32_t node);
    void advance(std::uint32_t slot);
    void spawnAsync(std::uint32_t link, std::uint8_t writeFlag);
    void fail(std::uint32_t slot, Outcome why);
    void recordFinal(Outcome why);
    void finish(std::uint32_t slot);
    bool onTimeout(std::uint32_t slot, std::uint32_t serial, double time);   // false: stale, nothing happened
    double backoff(int attempt);
    // Routing (ReplicateRoute.cpp).
    bool chooseOne(std::uint32_t node, bool write, std::uint32_t& link);
    const RouteTable& routeTable(std::uint32_t node, bool write);
    void noteHealth(bool wasUp, bool isUp);   // a node's rotation emptied or refilled
    bool targetUp(std::uint32_t to) const;
    double staleShare(std::uint32_t to, double ttl) const;
    int resolveTarget(int node, bool write, std::uint32_t key) const;
    bool shardUp(int node, std::uint32_t key) const;       // the key's shard has an instance in rotation
    int redirectOf(int node, std::uint32_t key) const;     // where the key's writes go (node itself unless failed over)
    bool breakerBlocks(std::uint32_t link);
    double serviceSample(std::uint32_t node);
    std::uint32_t allocate();
    void release(std::uint32_t slot);
    void scheduleArrivals();
    void onRepSource(std::uint32_t node, std::uint32_t gen);
    void repDone(std::uint32_t slot);

    // Control plane (ReplicateControl.cpp).
    void tick(int second);
    void applyTimeline(double now);
    void applyFailure(int event, int sign, double now);
    void zoneOutage(int zone, int sign, double now);       // sign +1: down, -1: back
    void regionOutage(int region, int sign, double now);
    void reconcile(int node, double now);
    void updateRotations(double now);
    void updateRotation(std::size_t node, double now);
    void updateFailover(double now);
    void updateLag();
    void updateBreakers();
    void autoscale(double now);
    void closeSecond(int second);
    Mode classify(const Second& s) const;
    void abortExperiment(double now);
    void finishRun();
    const std::string& linkId(int designLink) const;

    // Representative method (ReplicateCompose.cpp).
    void composeSecond(Second& s, double offered);
    void walk(double& latency, Outcome& outcome, bool write, std::uint32_t entry);
    void setRepresentativeRates(double now);

    const SimModel& m_;
    int replicate_ = 0;
    std::function<void(int)> progress_;
    bool primed_ = false;
    double walk_weight_ = 0, walk_retries_ = 0;
    const Options& opt_;
    const ScenarioPolicies& pol_;
    Observer& observer_;
    Rng rng_;
    EventQueue queue_;
    DelayQueue timeouts_;        // client timeouts, in time order (a fixed delay)
    double end_s_ = 0;           // the run's last second: later timeouts never fire
    bool representative_ = false;
    double now_ = 0;
    double timeout_s_ = 1;
    std::vector<NodeState> nodes_;
    std::vector<Instance> inst_;
    std::vector<Request> req_;
    std::vector<std::uint32_t> free_;
    std::vector<Breaker> breakers_;
    std::vector<double> entry_cdf_;
    std::vector<std::int32_t> route_of_;   // router node -> its two tables in routes_, or -1
    std::vector<RouteTable> routes_;
    std::uint64_t health_epoch_ = 0;       // bumped when any node's rotation empties or refills
    std::uint32_t serial_ = 0;
    std::uint32_t arrival_gen_ = 0;
    double rate_ = 0;
    std::vector<double> link_extra_s_;   // injected latency per link
    std::vector<double> applied_;        // per failure event: instances it took (to give back)
    std::vector<char> active_;           // per failure event: started and not recovered
    std::size_t timeline_next_ = 0;
    int station_ = -1;                   // the node whose queueing counters are kept
    double first_failure_ = kNever, first_detection_ = kNever;
    bool aborted_ = false;
    Mode mode_ = Mode::Target;
    int target_streak_ = 0;
    bool degraded_ = false;

    // This second's outcomes, then the whole run's.
    Second cur_;
    LatencyHistogram secondHist_, runHist_;
    Run out_;
    bool measuring_ = false;
};

}  // namespace sw::sim
