// How fast the quick simulator runs, against a minimal hand-written M/M/1
// loop (std::priority_queue + std::mt19937_64) measured in the same run:
// events and simulated requests per CPU second on one core for M/M/1, M/M/4
// and a 3-tier design; the planet-scale sample's spike-x5 for 10 simulated
// minutes; the speed-up of replicates from one core to two; and how the cost
// of a request grows with a balancer's width (1,000 against 100,000 backends:
// picking the next hop is O(log n), so the ratio stays near 1).
//
// Usage: bench_sim [--quick]   (--quick: a tenth of the work, for a smoke run)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include "model/JsonFormat.h"
#include "planner/sim/Simulator.h"

using namespace sw;
using namespace sw::sim;

namespace {

double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

double wallSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Best of `reps` CPU timings of f (the machine is shared and noisy).
double bestCpu(int reps, const std::function<void()>& f) {
    double best = 1e300;
    for (int i = 0; i < reps; ++i) {
        const double t0 = cpuSeconds();
        f();
        best = std::min(best, cpuSeconds() - t0);
    }
    return best;
}

// The baseline: the smallest correct M/M/1 event loop one would write by
// hand. Arrivals and departures in a std::priority_queue, one mt19937_64,
// exponential times by inversion; returns the events processed.
struct BaselineResult {
    std::uint64_t events = 0;
    double meanSojourn = 0;
};
BaselineResult baselineMm1(double lambda, double mu, std::uint64_t targetEvents, std::uint64_t seed) {
    struct Ev {
        double t;
        int kind;   // 0 arrival, 1 departure
        bool operator>(const Ev& o) const { return t > o.t; }
    };
    std::priority_queue<Ev, std::vector<Ev>, std::greater<Ev>> pq;
    std::mt19937_64 gen(seed);
    auto expo = [&](double rate) { return -std::log((static_cast<double>(gen() >> 11) + 1) * 0x1.0p-53) / rate; };
    std::queue<double> waiting;   // arrival times of those in the system
    BaselineResult r;
    double sum = 0;
    std::uint64_t done = 0;
    pq.push({expo(lambda), 0});
    while (r.events < targetEvents) {
        const Ev e = pq.top();
        pq.pop();
        ++r.events;
        if (e.kind == 0) {
            pq.push({e.t + expo(lambda), 0});
            waiting.push(e.t);
            if (waiting.size() == 1) pq.push({e.t + expo(mu), 1});
        } else {
            sum += e.t - waiting.front();
            ++done;
            waiting.pop();
            if (!waiting.empty()) pq.push({e.t + expo(mu), 1});
        }
    }
    r.meanSojourn = done ? sum / done : 0;
    return r;
}

Component component(const std::string& id, ComponentKind kind, int instances, double capacity, double serviceMs) {
    Component c;
    c.id = id;
    c.kind = kind;
    c.params.instances = instances;
    c.params.capacity_rps = capacity;
    c.params.service_time_ms = serviceMs;
    if (kind != ComponentKind::UserGroup) c.region = "r";
    return c;
}

Region region() {
    Region r;
    r.id = "r";
    r.code = "us-east-1";
    return r;
}

Link call(const std::string& from, const std::string& to) {
    Link l;
    l.id = from + "-" + to;
    l.from = from;
    l.to = to;
    return l;
}

// One user group offering lambda per second to one instance of c servers of
// rate mu each; clients never give up and nothing is retried or shed, as in
// the textbook queue.
Design mmcDesign(int servers, double mu) {
    Design d;
    d.name = "M/M/" + std::to_string(servers);
    d.regions = {region()};
    d.components = {component("users", ComponentKind::UserGroup, 1, 1, 1),
                    component("station", ComponentKind::Service, 1, servers * mu, 1000.0 * servers / (servers * mu))};
    d.links = {call("users", "station")};
    return d;
}

Scenario constantScenario(double rps, double seconds, bool textbook) {
    Scenario s;
    s.name = "bench";
    s.duration_s = seconds;
    TrafficEvent t;
    t.rps = rps;
    s.traffic = {t};
    if (textbook) {
        s.policies.timeout_ms = 3.6e9;
        s.policies.retries = 0;
        s.policies.load_shedding = 0;
        s.policies.queue_per_server = 1e9;
    }
    s.policies.autoscale = 0;
    return s;
}

// users -> load balancer -> web (8 x 4 servers) -> database (2 x 8 servers),
// with the default policies (1 s timeouts, 2 retries, shedding).
Design threeTierDesign() {
    Design d;
    d.name = "3-tier";
    d.regions = {region()};
    d.components = {component("users", ComponentKind::UserGroup, 1, 1, 1),
                    component("lb", ComponentKind::LoadBalancer, 2, 50000, 0.1),
                    component("web", ComponentKind::Service, 8, 2000, 2),
                    component("db", ComponentKind::Database, 2, 8000, 1)};
    d.links = {call("users", "lb"), call("lb", "web"), call("web", "db")};
    return d;
}

// users -> one load balancer -> `backends` single-instance services: a
// design of backends + 2 components whose every request picks one of
// `backends` ways on.
Design wideDesign(int backends) {
    Design d;
    d.name = "wide " + std::to_string(backends);
    d.regions = {region()};
    d.components.reserve(static_cast<std::size_t>(backends) + 2);
    d.links.reserve(static_cast<std::size_t>(backends) + 1);
    d.components.push_back(component("users", ComponentKind::UserGroup, 1, 1, 1));
    d.components.push_back(component("lb", ComponentKind::LoadBalancer, 2, 1e6, 0.1));
    d.links.push_back(call("users", "lb"));
    for (int i = 0; i < backends; ++i) {
        const std::string id = "svc" + std::to_string(i);
        d.components.push_back(component(id, ComponentKind::Service, 1, 1000, 10));
        d.links.push_back(call("lb", id));
    }
    return d;
}

struct EngineFigures {
    double cpu_s = 0;
    double events = 0;
    double requests = 0;
    double meanMs = 0;
};

EngineFigures runEngine(const Design& d, const Scenario& s, Method method, int reps) {
    EngineFigures f;
    Options o;
    o.seed = 7;
    o.replicates = 1;
    o.threads = 1;
    o.method = method;
    f.cpu_s = bestCpu(reps, [&] {
        auto r = simulate(d, s, o);
        if (!r) {
            std::fprintf(stderr, "bench_sim: %s\n", r.error().c_str());
            std::exit(1);
        }
        f.events = static_cast<double>(r.value().runs[0].events);
        f.requests = r.value().runs[0].simulated_requests;
        f.meanMs = r.value().runs[0].summary.mean_ms;
    });
    return f;
}

void row(const char* name, const EngineFigures& f, double baselineEps) {
    const double eps = f.events / f.cpu_s;
    std::printf("%-26s %9.0f %12.2f %12.2f %10.3f %8.2fx\n", name, f.events / 1e6, eps / 1e6, f.requests / f.cpu_s / 1e6,
                f.cpu_s, eps / baselineEps);
}

}  // namespace

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const double scale = quick ? 0.1 : 1.0;
    const int reps = quick ? 1 : 3;

    // M/M/1 at rho = 0.8: mu = 10,000/s, lambda = 8,000/s; about 2 events per customer.
    const double mu = 10000, lambda = 8000;
    const double seconds = std::round(2000 * scale);
    const auto targetEvents = static_cast<std::uint64_t>(2 * lambda * seconds);
    BaselineResult base;
    const double baseCpu = bestCpu(reps, [&] { base = baselineMm1(lambda, mu, targetEvents, 7); });
    const double baseEps = static_cast<double>(base.events) / baseCpu;

    std::printf("bench_sim: one core, CPU time (best of %d); M/M/1 rho 0.8 closed-form W = %.4f ms\n", reps,
                1000 / (mu - lambda));
    std::printf("%-26s %9s %12s %12s %10s %9s\n", "", "events M", "events M/s", "requests M/s", "cpu s", "vs loop");
    std::printf("%-26s %9.0f %12.2f %12.2f %10.3f %8.2fx   (W %.4f ms)\n", "baseline loop (M/M/1)", base.events / 1e6,
                baseEps / 1e6, baseEps / 2e6, baseCpu, 1.0, base.meanSojourn * 1000);

    const EngineFigures mm1 = runEngine(mmcDesign(1, mu), constantScenario(lambda, seconds, true), Method::Full, reps);
    row("engine M/M/1", mm1, baseEps);
    std::printf("%-26s W %.4f ms\n", "", mm1.meanMs);
    const EngineFigures mm4 =
        runEngine(mmcDesign(4, mu), constantScenario(4 * lambda, std::round(seconds / 4), true), Method::Full, reps);
    row("engine M/M/4", mm4, baseEps);
    const EngineFigures tier3 =
        runEngine(threeTierDesign(), constantScenario(20000, std::round(seconds / 10), false), Method::Full, reps);
    row("engine 3-tier (full)", tier3, baseEps);

    // The planet-scale sample: 10 simulated minutes of spike-x5, one replicate, one core.
    double planetCpu = 0, planetWall = 0, planetRps = 0;
    const char* method = "";
    {
        auto project = readProjectJsonFile(std::string(SW_SAMPLES_DIR) + "/planet-scale-3-region.json");
        if (!project) {
            std::fprintf(stderr, "bench_sim: %s\n", project.error().c_str());
            return 1;
        }
        const Scenario* s = project.value().findScenario("spike-x5");
        if (!s) {
            std::fprintf(stderr, "bench_sim: the planet sample has no spike-x5 scenario\n");
            return 1;
        }
        Options o;
        o.seed = 7;
        o.threads = 1;
        o.duration_s = 600 * scale;
        const double c0 = cpuSeconds(), w0 = wallSeconds();
        auto r = simulate(project.value().variants.front(), *s, o);
        planetCpu = cpuSeconds() - c0;
        planetWall = wallSeconds() - w0;
        if (!r) {
            std::fprintf(stderr, "bench_sim: %s\n", r.error().c_str());
            return 1;
        }
        const Summary& sum = r.value().runs[0].summary;
        planetRps = sum.offered / (600 * scale);
        method = r.value().method == Method::Representative ? "representative" : "full";
        std::printf("\nplanet-scale-3-region spike-x5, %.0f simulated s (%s method): %.2f s CPU, %.2f s wall;\n"
                    "  offered %.2f M rps on average (%.0f M requests), availability %.5f, %.0f k events\n",
                    600 * scale, method, planetCpu, planetWall, planetRps / 1e6, sum.offered / 1e6, sum.availability,
                    static_cast<double>(r.value().runs[0].events) / 1e3);
    }

    // Replicates on one core, then on two: the same work, wall-clock time.
    double speedup = 0;
    {
        const Design d = mmcDesign(1, mu);
        const Scenario s = constantScenario(lambda, std::round(seconds / 4), true);
        auto timed = [&](int threads) {
            Options o;
            o.seed = 11;
            o.replicates = 4;
            o.threads = threads;
            o.method = Method::Full;
            double best = 1e300;
            for (int i = 0; i < reps; ++i) {
                const double w0 = wallSeconds();
                auto r = simulate(d, s, o);
                if (!r) std::exit(1);
                best = std::min(best, wallSeconds() - w0);
            }
            return best;
        };
        const double one = timed(1), two = timed(2);
        speedup = one / two;
        std::printf("\n4 replicates of M/M/1 (%.0f s each): %.3f s wall on 1 thread, %.3f s on 2: speed-up %.2fx\n",
                    std::round(seconds / 4), one, two, speedup);
    }

    // A balancer 1,000 wide against one 100,000 wide (100,002 components):
    // 20,000 rps for 10 simulated seconds (5 with --quick), full method.
    double wideRatio = 0, wideCpu = 0;
    {
        const double wideSeconds = quick ? 5 : 10;
        const Scenario s = constantScenario(20000, wideSeconds, false);
        const EngineFigures narrow = runEngine(wideDesign(1000), s, Method::Full, reps);
        const EngineFigures wide = runEngine(wideDesign(100000), s, Method::Full, 1);
        const double narrowUs = narrow.cpu_s / narrow.requests * 1e6, wideUs = wide.cpu_s / wide.requests * 1e6;
        wideRatio = wideUs / narrowUs;
        wideCpu = wide.cpu_s;
        std::printf("\nload balancer over 1,000 backends: %.3f s CPU for %.0f k requests, %.3f us each\n"
                    "load balancer over 100,000 backends: %.3f s CPU for %.0f k requests, %.3f us each (%.0f s simulated)\n"
                    "  cost of a request, 100,000 wide / 1,000 wide: %.2fx\n",
                    narrow.cpu_s, narrow.requests / 1e3, narrowUs, wide.cpu_s, wide.requests / 1e3, wideUs, wideSeconds,
                    wideRatio);
    }

    std::printf("\nBENCH mm1_events_per_s %.0f\n", mm1.events / mm1.cpu_s);
    std::printf("BENCH mm4_events_per_s %.0f\n", mm4.events / mm4.cpu_s);
    std::printf("BENCH three_tier_events_per_s %.0f\n", tier3.events / tier3.cpu_s);
    std::printf("BENCH three_tier_requests_per_s %.0f\n", tier3.requests / tier3.cpu_s);
    std::printf("BENCH baseline_events_per_s %.0f\n", baseEps);
    std::printf("BENCH mm1_vs_baseline %.3f\n", (mm1.events / mm1.cpu_s) / baseEps);
    std::printf("BENCH planet_10min_s %.2f\n", planetCpu / scale);
    std::printf("BENCH replicate_speedup_2cores %.2f\n", speedup);
    std::printf("BENCH wide_100k_cpu_s %.3f\n", wideCpu);
    std::printf("BENCH wide_100k_vs_1k_per_request %.2f\n", wideRatio);
    return 0;
}
