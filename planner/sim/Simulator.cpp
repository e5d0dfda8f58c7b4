// Runs the replicates of a simulation on all cores and summarises them.
#include "planner/sim/Simulator.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

#include "model/FieldSpec.h"
#include "model/Limits.h"
#include "model/Validation.h"
#include "planner/sim/Replicate.h"
#include "planner/sim/SimModel.h"

namespace sw::sim {
namespace {

class NullObserver final : public Observer {};

Method pick(const SimModel& m, const Options& o) {
    if (o.method != Method::Auto) return o.method;
    double requests = 0, instances = 0;
    for (int t = 0; t < static_cast<int>(std::ceil(m.duration_s)); ++t) requests += m.rateAt(t);
    for (const SimNode& n : m.nodes) instances += n.station ? n.max_instances : 0;
    return requests > o.full_method_max_requests || instances > 20000 ? Method::Representative : Method::Full;
}

int threadCount(int requested);

// The full method follows every request: a run it could not finish (1e12 rps
// for a minute) is refused before it starts, with the estimate, rather than
// grinding through memory. One replicate holds at most the requests that
// either fit its queues or arrive within a timeout (with its retries).
std::optional<std::string> fullMethodProblem(const SimModel& m, const Options& o) {
    double requests = 0, peak = 0;
    for (int t = 0; t < static_cast<int>(std::ceil(m.duration_s)); ++t) {
        requests += m.rateAt(t);
        peak = std::max(peak, m.rateAt(t));
    }
    requests *= o.replicates;
    double slots = 0;
    for (const SimNode& n : m.nodes)
        if (n.station) slots += n.max_instances * (n.concurrency + std::min<double>(n.queue_per_instance, 4e9));
    const ScenarioPolicies& pol = m.scenario.policies;
    const double inFlight = std::min(slots, peak * pol.timeout_ms / 1000.0 * (1 + pol.retries));
    const double parallel = std::min(threadCount(o.threads), o.replicates);
    const double bytes = inFlight * limits::kSimBytesPerRequest * parallel;
    if (requests <= limits::kSimFullRequests && bytes <= limits::kSimFullMemoryBytes) return std::nullopt;
    return "the full method would simulate " + formatNumber(std::round(requests)) + " requests (at least " +
           formatNumber(std::round(3 * requests)) + " events) and hold up to " + formatNumber(std::ceil(bytes / 1e6)) +
           " MB of requests in flight, beyond its limits of " + formatNumber(limits::kSimFullRequests) +
           " requests and " + formatNumber(limits::kSimFullMemoryBytes / 1e6) +
           " MB; use the representative method (--method representative), a shorter duration or fewer replicates";
}

// A run too short for its figures: fewer than kMinSamples successful
// requests in a replicate (a p95 from a few hundred samples moves by tens of
// percent from seed to seed), or, with replicates to compare, a p95 whose
// 95 % confidence half-width exceeds kMaxRelativeCi of its mean.
constexpr double kMinSamples = 1000;
constexpr double kMaxRelativeCi = 0.10;

void judgeConvergence(Report& report) {
    double fewest = std::numeric_limits<double>::infinity();
    for (const Run& r : report.runs) fewest = std::min(fewest, r.summary.successful);
    if (fewest < kMinSamples) {
        report.converged = false;
        report.convergence = "a replicate completed only " + formatNumber(fewest) + " requests (fewer than " +
                             formatNumber(kMinSamples) + "); its percentiles are not reliable: simulate longer";
        return;
    }
    const Estimate* p95 = report.estimate("p95_ms");
    if (p95 && p95->n >= 2 && p95->mean > 0 && p95->ci95 > kMaxRelativeCi * p95->mean) {
        report.converged = false;
        report.convergence = "the p95 varies by +-" + formatNumber(std::round(p95->ci95 / p95->mean * 1000) / 10) +
                             " % between replicates (more than " + formatNumber(kMaxRelativeCi * 100) +
                             " %): simulate longer or with more replicates";
    }
}

// Runs `count` jobs on up to `threads` threads; job i writes only its own slot.
template <class F>
void parallelFor(int count, int threads, F job) {
    std::atomic<int> next{0};
    auto worker = [&] {
        for (int i; (i = next.fetch_add(1)) < count;) job(i);
    };
    const int n = std::max(1, std::min(threads, count));
    std::vector<std::thread> pool;
    for (int t = 1; t < n; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
}

int threadCount(int requested) {
    if (requested > 0) return requested;
    const unsigned hw = std::thread::hardware_concurrency();
    return hw ? static_cast<int>(hw) : 1;
}

}  // namespace

Observer& nullObserver() {
    static NullObserver null;
    return null;
}

const Estimate* Report::estimate(const std::string& key) const {
    for (const auto& [k, e] : estimates)
        if (k == key) return &e;
    return nullptr;
}

double studentT975(int df) {
    static constexpr double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                       2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                       2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    if (df < 1) return 0;
    if (df <= 30) return table[df - 1];
    if (df <= 60) return 2.042 + (2.000 - 2.042) * (df - 30) / 30.0;
    if (df <= 120) return 2.000 + (1.980 - 2.000) * (df - 60) / 60.0;
    return 1.960;
}

Estimate estimateOf(const std::vector<double>& values) {
    Estimate e;
    e.n = static_cast<int>(values.size());
    if (e.n == 0) return e;
    double sum = 0;
    for (double v : values) sum += v;
    e.mean = sum / e.n;
    if (e.n < 2) return e;
    double ss = 0;
    for (double v : values) ss += (v - e.mean) * (v - e.mean);
    e.ci95 = studentT975(e.n - 1) * std::sqrt(ss / (e.n - 1) / e.n);
    return e;
}

Result<Report> simulate(const Design& design, const Scenario& scenario, const Options& options, Observer& observer) {
    using R = Result<Report>;
    for (const Finding& f : validate(design))
        if (f.severity == Severity::Error)
            return R::failure("the design has errors (first: " + f.message + "); see 'scalewright validate'");
    if (options.replicates < 1 || options.replicates > 10000)
        return R::failure("replicates " + std::to_string(options.replicates) + " is outside [1, 10000]");
    auto compiled = compileModel(design, scenario, options);
    if (!compiled) return R::failure(compiled.error());
    const SimModel& model = compiled.value();
    Options opt = options;
    opt.method = pick(model, options);
    if (opt.method == Method::Full)
        if (auto problem = fullMethodProblem(model, opt)) return R::failure(*problem);

    Report report;
    report.scenario = scenario.name;
    report.variant = design.name;
    report.method = opt.method;
    report.seed = opt.seed;
    report.duration_s = model.duration_s;
    for (const SimNode& n : model.nodes) report.component_ids.push_back(n.id);
    report.runs.resize(opt.replicates);

    const double totalSeconds = std::ceil(model.duration_s) * opt.replicates;
    std::atomic<long> done{0};
    std::mutex progressMutex;
    auto progress = [&](int seconds) {
        const long d = done.fetch_add(seconds) + seconds;
        if (d % 10 == 0 || d == static_cast<long>(totalSeconds)) {
            std::lock_guard lock(progressMutex);
            observer.progress(d / totalSeconds);
        }
    };
    parallelFor(opt.replicates, threadCount(opt.threads), [&](int i) {
        Replicate rep(model, opt, i, observer, progress);
        report.runs[i] = rep.run();
    });

    auto collect = [&](const char* key, auto get) {
        std::vector<double> v;
        for (const Run& r : report.runs)
            if (auto x = get(r.summary)) v.push_back(*x);
        report.estimates.emplace_back(key, estimateOf(v));
    };
    using S = Summary;
    using O = std::optional<double>;
    collect("availability", [](const S& s) { return O(s.availability); });
    collect("requests_lost", [](const S& s) { return O(s.requests_lost); });
    collect("time_to_detect_s", [](const S& s) { return s.time_to_detect_s; });
    collect("time_to_recover_s", [](const S& s) { return s.time_to_recover_s; });
    collect("p50_ms", [](const S& s) { return O(s.p50_ms); });
    collect("p95_ms", [](const S& s) { return O(s.p95_ms); });
    collect("p99_ms", [](const S& s) { return O(s.p99_ms); });
    collect("mean_ms", [](const S& s) { return O(s.mean_ms); });
    collect("offered", [](const S& s) { return O(s.offered); });
    collect("successful", [](const S& s) { return O(s.successful); });
    collect("errors", [](const S& s) { return O(s.errors); });
    collect("timeouts", [](const S& s) { return O(s.timeouts); });
    collect("rejections", [](const S& s) { return O(s.rejections); });
    collect("slo_violation_s", [](const S& s) { return O(s.slo_violation_s); });
    collect("peak_queue", [](const S& s) { return O(s.peak_queue); });
    collect("extra_instance_hours", [](const S& s) { return O(s.extra_instance_hours); });
    collect("extra_cost_usd", [](const S& s) { return O(s.extra_cost_usd); });
    judgeConvergence(report);
    observer.finished(report);
    return report;
}

std::optional<std::string> checkScenario(const Design& design, const Scenario& scenario, const std::string& baseDir) {
    Options o;
    o.base_dir = baseDir;
    auto compiled = compileModel(design, scenario, o);
    if (!compiled) return compiled.error();
    return std::nullopt;
}

Result<MmcSimulation> simulateMmc(double lambda, double mu, int servers, double customers, std::uint64_t seed,
                                  int replicates, int threads) {
    using R = Result<MmcSimulation>;
    if (!(lambda > 0) || !std::isfinite(lambda)) return R::failure("lambda must be a positive number");
    if (!(mu > 0) || !std::isfinite(mu)) return R::failure("mu must be a positive number");
    if (servers < 1 || servers > 100000) return R::failure("servers must be in [1, 100000]");
    if (lambda >= servers * mu)
        return R::failure("rho = lambda / (c mu) >= 1: the queue grows without bound, nothing to simulate");
    if (!(customers >= 1000) || customers > 1e9) return R::failure("customers must be in [1000, 1e9]");
    // One user group feeding one service of `servers` servers. The time unit
    // is mapped to 1 s / scale so that a simulated second holds thousands of
    // arrivals (the control plane's once-a-second work then costs nothing).
    const double scale = std::max(1.0, 10000.0 / lambda);
    lambda *= scale;
    mu *= scale;
    Design d;
    d.name = "M/M/c";
    d.workload.users = 0;
    Component users;
    users.id = "users";
    users.kind = ComponentKind::UserGroup;
    Component station;
    station.id = "station";
    station.kind = ComponentKind::Service;
    station.params.instances = 1;
    station.params.capacity_rps = servers * mu;
    station.params.service_time_ms = 1000.0 / mu;
    d.components = {users, station};
    Link l;
    l.id = "calls";
    l.from = "users";
    l.to = "station";
    d.links = {l};
    Scenario s;
    s.name = "mmc";
    const double warm = customers / 10 / lambda;
    s.duration_s = std::ceil(warm + customers / lambda);
    TrafficEvent t;
    t.rps = lambda;
    s.traffic = {t};
    s.policies.timeout_ms = 3.6e6 * 1000;   // no client gives up
    s.policies.retries = 0;
    s.policies.autoscale = 0;
    s.policies.load_shedding = 0;
    s.policies.queue_per_server = 1e9;
    Options o;
    o.seed = seed;
    o.replicates = replicates;
    o.threads = threads;
    o.method = Method::Full;
    o.warmup_s = std::ceil(warm);
    if (s.duration_s > kScenarioMaxDuration)
        return R::failure("customers / lambda is longer than the 30-day limit of a run");
    SimModel model;
    {
        auto m = compileModel(d, s, o);
        if (!m) return R::failure(m.error());
        model = std::move(m).value();
    }
    std::vector<Run> runs(replicates);
    parallelFor(replicates, threadCount(threads), [&](int i) {
        Replicate rep(model, o, i, nullObserver());
        runs[i] = rep.run();
    });
    std::vector<double> rho, p0, ec, lq, l_, wq, w, p50, p95, p99;
    for (const Run& r : runs) {
        const Summary& x = r.summary;
        const double T = s.duration_s - o.warmup_s;
        const double n = std::max(1.0, x.station_arrivals);
        const double rate = x.station_arrivals / T;
        rho.push_back(x.station_busy_sum_s / (T * servers));
        p0.push_back(x.station_found_empty / n);   // PASTA: arrivals see time averages
        ec.push_back(x.station_waited / n);
        wq.push_back(x.station_wait_sum_s / n * scale);
        w.push_back(x.mean_ms / 1000.0 * scale);
        lq.push_back(rate * x.station_wait_sum_s / n);   // Little's law
        l_.push_back(rate * x.mean_ms / 1000.0);
        p50.push_back(x.p50_ms / 1000.0 * scale);
        p95.push_back(x.p95_ms / 1000.0 * scale);
        p99.push_back(x.p99_ms / 1000.0 * scale);
    }
    MmcSimulation out;
    out.rho = estimateOf(rho);
    out.p0 = estimateOf(p0);
    out.erlang_c = estimateOf(ec);
    out.lq = estimateOf(lq);
    out.l = estimateOf(l_);
    out.wq = estimateOf(wq);
    out.w = estimateOf(w);
    out.w_p50 = estimateOf(p50);
    out.w_p95 = estimateOf(p95);
    out.w_p99 = estimateOf(p99);
    out.replicates = replicates;
    out.customers = customers;
    return out;
}

}  // namespace sw::sim
