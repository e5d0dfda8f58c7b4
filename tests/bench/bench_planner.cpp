// How long a full analysis takes on generated designs of 100, 1,000 and
// 10,000 components (the GUI recomputes on every keystroke), against a
// baseline pass over the same components in the same run.
#include <algorithm>
#include <array>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "model/ProjectIO.h"
#include "model/Validation.h"
#include "planner/Analysis.h"
#include "planner/Geo.h"
#include "planner/RouteModel.h"
#include "planner/walkthrough/Walkthrough.h"
#include "planner/whatif/WhatIf.h"

using namespace sw;

namespace {

// Three regions of three zones; six user groups behind one GeoDNS; per
// region a load balancer, layers of services that call the next layer, a
// cache and a primary with two read replicas per ten services.
Design generate(int target) {
    std::mt19937 rng(12345);
    Design d;
    d.name = "generated-" + std::to_string(target);
    d.workload.users = 2e6;
    const double coords[3][2] = {{39.04, -77.49}, {53.35, -6.26}, {1.29, 103.85}};
    const char* names[3] = {"us", "eu", "ap"};
    for (int r = 0; r < 3; ++r) {
        Region reg;
        reg.id = names[r];
        reg.params.latitude = coords[r][0];
        reg.params.longitude = coords[r][1];
        d.regions.push_back(reg);
        for (int z = 0; z < 3; ++z) {
            Zone zone;
            zone.id = reg.id + "-" + char('a' + z);
            zone.region = reg.id;
            d.zones.push_back(zone);
        }
    }
    auto add = [&](const std::string& id, ComponentKind k, const std::string& region, const std::string& zone) -> Component& {
        Component c;
        c.id = id;
        c.kind = k;
        c.region = region;
        c.zone = zone;
        c.instance_type = k == ComponentKind::Database ? "db.r6g.large" : "m5.large";
        c.params.instances = 3;
        c.params.capacity_rps = 2000;
        c.params.service_time_ms = 5;
        c.params.storage_gb = k == ComponentKind::Database ? 100 : 0;
        d.components.push_back(c);
        return d.components.back();
    };
    int linkId = 0;
    auto link = [&](const std::string& a, const std::string& b, double f, Access acc = Access::Both,
                    LinkKind kind = LinkKind::Call) {
        Link l;
        l.id = "l" + std::to_string(linkId++);
        l.kind = kind;
        l.from = a;
        l.to = b;
        l.access = acc;
        l.params.fraction = f;
        d.links.push_back(l);
    };
    const double userCoords[6][2] = {{40.7, -74}, {37.8, -122.4}, {51.5, -0.1}, {48.9, 2.35}, {35.7, 139.7}, {-33.9, 151.2}};
    for (int g = 0; g < 6; ++g) {
        Component u;
        u.id = "users" + std::to_string(g);
        u.kind = ComponentKind::UserGroup;
        u.params.user_share = 1.0 / 6;
        u.params.latitude = userCoords[g][0];
        u.params.longitude = userCoords[g][1];
        d.components.push_back(u);
        link(u.id, "dns", 1);
    }
    add("dns", ComponentKind::Dns, "us", "").params.capacity_rps = 1e7;
    const int perRegion = std::max(10, (target - 7) / 3);
    for (int r = 0; r < 3; ++r) {
        const std::string reg = names[r];
        const std::string lb = "lb-" + reg;
        add(lb, ComponentKind::LoadBalancer, reg, "").params.capacity_rps = 1e6;
        link("dns", lb, 1);
        // Blocks of 13: ten services in layers, a cache, a primary, two replicas... trimmed to fit.
        std::vector<std::string> previousLayer{lb};
        int made = 1;
        int block = 0;
        while (made < perRegion) {
            std::vector<std::string> layer;
            const std::string b = reg + "-" + std::to_string(block++);
            const std::string cache = "cache-" + b, db = "db-" + b;
            for (int s = 0; s < 10 && made < perRegion; ++s, ++made) {
                const std::string id = "svc-" + b + "-" + std::to_string(s);
                // Distinct microservices: their own service times, so the
                // balancer's targets are different tiers, not one pool.
                add(id, ComponentKind::Service, reg, "").params.service_time_ms = 2 + s;
                layer.push_back(id);
                const std::string& caller = previousLayer[std::uniform_int_distribution<std::size_t>(0, previousLayer.size() - 1)(rng)];
                link(caller, id, 0.2);
            }
            if (made + 3 > perRegion) break;
            Component& c = add(cache, ComponentKind::Cache, reg, "");
            c.params.hit_ratio = 0.8;
            add(db, ComponentKind::Database, reg, std::string(reg) + "-a");
            for (int k = 0; k < 2; ++k) {
                Component& rep = add(db + "-r" + std::to_string(k), ComponentKind::Database, reg, reg + "-" + char('b' + k));
                rep.role = DbRole::Replica;
                link(db, rep.id, 1, Access::Write, LinkKind::Replication);
            }
            made += 4;
            for (const std::string& s : layer) {
                link(s, cache, 0.5, Access::Read);
                link(s, db, 0.5, Access::Write);
            }
            link(cache, db, 1, Access::Read);
            previousLayer = layer;
        }
    }
    return d;
}

// CPU time of this thread: the machine is shared, and wall time would
// measure the neighbours as much as the analysis.
double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// The baseline: one pass over the components that only sums offered load,
// the least any analysis must do.
double baseline(const Design& d) {
    double sum = 0;
    for (const Component& c : d.components) sum += c.params.instances * c.params.capacity_rps;
    for (const Link& l : d.links) sum += l.params.fraction;
    return sum;
}

template <class F>
double timeIt(F&& f, int minRuns, double minMs) {
    std::vector<double> samples;
    const double start = cpuMs();
    while (static_cast<int>(samples.size()) < minRuns || cpuMs() - start < minMs) {
        const double t0 = cpuMs();
        f();
        samples.push_back(cpuMs() - t0);
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];   // median
}

// Wall time and this process's CPU time: the what-ifs run on several threads.
double wallMs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}
double processCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// What-ifs: the sensitivity of the planet sample (every input, both sides)
// and a comparison of four 1,000-component variants, each beside the time of
// one analysis of the same design measured here.
void benchWhatIf() {
    auto planet = loadProject(SW_SAMPLES_DIR "/planet-scale-3-region.json");
    if (!planet) {
        std::printf("planet sample: %s\n", planet.error().c_str());
        return;
    }
    const Design& d = planet.value().variants.front();
    AnalyzeOptions live;   // what one sensitivity run costs: the live numbers, no traces or ranking
    live.traces = false;
    live.importance = false;
    volatile double sink = 0;
    const double single = timeIt([&] { sink = analyze(d, live).summary.cost_per_month_usd; }, 20, 200);
    std::vector<double> wall, cpu;
    int analyses = 0;
    for (int i = 0; i < 5; ++i) {
        const double w0 = wallMs(), c0 = processCpuMs();
        auto s = whatif::sensitivity(d, 0.1, 2);
        wall.push_back(wallMs() - w0);
        cpu.push_back(processCpuMs() - c0);
        analyses = s ? s->analyses : 0;
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("sensitivity of the planet sample: %d analyses, %.1f ms wall on 2 threads (%.1f ms CPU), one analysis %.3f ms\n",
                analyses, wall[2], cpu[2], single);
    std::printf("BENCH analysis_planet_ms %.3f ms\n", single);
    std::printf("BENCH sensitivity_planet_wall_ms %.1f ms\n", wall[2]);
    std::printf("BENCH sensitivity_planet_cpu_ms %.1f ms\n", cpu[2]);
    std::printf("BENCH sensitivity_analyses_per_s %.0f /s\n", analyses / (wall[2] / 1000));
    std::printf("BENCH single_analyses_per_s %.0f /s\n", 1000 / single);

    Project p;
    for (int v = 0; v < 4; ++v) {
        Design g = generate(1000);
        g.name = "variant-" + std::to_string(v);
        for (std::size_t i = 0; i < g.components.size(); i += 7 + v) g.components[i].params.instances += v;
        g.workload.users *= 1 + 0.1 * v;
        p.variants.push_back(std::move(g));
    }
    AnalyzeOptions notrace;
    notrace.traces = false;
    const double one = timeIt([&] { sink = analyze(p.variants[0], notrace).summary.cost_per_month_usd; }, 5, 200);
    const double w0 = wallMs(), c0 = processCpuMs();
    auto cmp = whatif::compare(p);
    const double cw = wallMs() - w0, cc = processCpuMs() - c0;
    // Each variant: one analysis, and a growth projection of 1 + (horizon + 1) analyses.
    const int cmpAnalyses = 4 * (1 + 1 + whatif::kHorizonMonths + 1);
    std::printf("compare of 4 x %zu components: %.0f ms wall (%.0f ms CPU), %d analyses; one analysis %.2f ms (%s)\n",
                p.variants[0].components.size(), cw, cc, cmpAnalyses, one, cmp ? "ok" : cmp.error().c_str());
    std::printf("BENCH compare_4x1000_wall_ms %.0f ms\n", cw);
    std::printf("BENCH compare_4x1000_cpu_ms %.0f ms\n", cc);
    std::printf("BENCH compare_analyses_per_s %.0f /s\n", cmpAnalyses / (cw / 1000));
    std::printf("BENCH analysis_1000_notrace_ms %.2f ms\n", one);
    (void)sink;
}

}  // namespace

// Latency: the user x region and region x region matrices of the planet
// sample, and 200 arbitrary coordinate pairs, with the route-aware model
// (nearest hubs once per place, then the precomputed all-pairs table) beside
// the plain great-circle computation (haversine, floor x 1.3 + 7) in the same run.
void benchLatency() {
    auto planet = loadProject(SW_SAMPLES_DIR "/planet-scale-3-region.json");
    if (!planet) {
        std::printf("planet sample: %s\n", planet.error().c_str());
        return;
    }
    const Design& d = planet.value().variants.front();
    std::vector<std::pair<double, double>> places;   // regions, then user groups
    for (const Region& r : d.regions) places.emplace_back(r.params.latitude, r.params.longitude);
    const std::size_t regions = places.size();
    for (const Component& c : d.components)
        if (c.kind == ComponentKind::UserGroup) places.emplace_back(c.params.latitude, c.params.longitude);
    const RouteNetwork& net = RouteNetwork::builtIn();   // built outside the timing, once per process
    volatile double sink = 0;
    auto routed = [&] {
        std::vector<RouteAnchor> anchors;
        anchors.reserve(places.size());
        for (const auto& [lat, lon] : places) anchors.push_back(net.anchor(lat, lon));
        double sum = 0;
        for (std::size_t i = 0; i < places.size(); ++i)   // every place against every region
            for (std::size_t j = 0; j < regions; ++j)
                if (i != j) sum += routeRttMs(net.route(anchors[i], anchors[j]), LatencyModel{});
        sink = sum;
    };
    auto plain = [&] {
        double sum = 0;
        for (std::size_t i = 0; i < places.size(); ++i)
            for (std::size_t j = 0; j < regions; ++j)
                if (i != j)
                    sum += floorRttMs(greatCircleKm(places[i].first, places[i].second, places[j].first, places[j].second)) *
                               1.3 + 7;
        sink = sum;
    };
    const double routedMs = timeIt(routed, 200, 200), plainMs = timeIt(plain, 200, 200);
    std::mt19937 rng(99);
    std::uniform_real_distribution<double> lat(-60, 70), lon(-180, 180);
    std::vector<std::array<double, 4>> pairs(200);
    for (auto& p : pairs) p = {lat(rng), lon(rng), lat(rng), lon(rng)};
    const double pairsRouted = timeIt([&] {
        double sum = 0;
        for (const auto& p : pairs) sum += modelledRttMs(p[0], p[1], p[2], p[3]);
        sink = sum;
    }, 50, 200);
    const double pairsPlain = timeIt([&] {
        double sum = 0;
        for (const auto& p : pairs) sum += floorRttMs(greatCircleKm(p[0], p[1], p[2], p[3])) * 1.3 + 7;
        sink = sum;
    }, 50, 200);
    (void)sink;
    std::printf("latency matrices of the planet sample (%zu regions, %zu user groups): route-aware %.4f ms, great circle "
                "%.4f ms (x%.0f)\n",
                regions, places.size() - regions, routedMs, plainMs, plainMs > 0 ? routedMs / plainMs : 0.0);
    std::printf("200 coordinate pairs: route-aware %.4f ms, great circle %.4f ms (x%.0f)\n", pairsRouted, pairsPlain,
                pairsPlain > 0 ? pairsRouted / pairsPlain : 0.0);
    std::printf("BENCH latency_planet_route_ms %.4f ms\n", routedMs);
    std::printf("BENCH latency_planet_great_circle_ms %.4f ms\n", plainMs);
    std::printf("BENCH latency_200_pairs_route_ms %.4f ms\n", pairsRouted);
    std::printf("BENCH latency_200_pairs_great_circle_ms %.4f ms\n", pairsPlain);
}

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "whatif") {   // only the what-if lines
        benchWhatIf();
        return 0;
    }
    if (argc > 1 && std::string(argv[1]) == "latency") {   // only the latency lines
        benchLatency();
        return 0;
    }
    std::vector<int> sizes{100, 1000, 10000};
    if (argc > 1) {
        sizes.clear();
        for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
    }
    std::printf("%-8s %-7s %8s %12s %12s %12s %10s %12s %14s\n", "target", "comps", "links", "full cpu ms", "live ms",
                "validate ms", "us/comp", "baseline ms", "full/baseline");
    double at1000 = 0, at10000 = 0, un1000 = 0, un10000 = 0;
    volatile double sink = 0;
    for (int target : sizes) {
        const Design d = generate(target);
        const int runs = target >= 10000 ? 5 : 20;
        // SW_BENCH_UNTRACED=1 times only the live path (for profiling it).
        const bool onlyUntraced = std::getenv("SW_BENCH_UNTRACED") != nullptr;
        const double full = onlyUntraced ? 0.0 : timeIt([&] { sink = analyze(d).summary.availability.availability; }, runs, 300);
        const double noTrace = timeIt([&] { sink = analyzeLive(d).summary.availability.availability; }, runs, 300);
        const double base = timeIt([&] { sink = baseline(d); }, 50, 50);
        // What validate() alone costs of the untraced figure (analyze runs it first).
        const double valid = timeIt([&] { sink = static_cast<double>(validate(d).size()); }, runs, 100);
        const Analysis a = analyze(d);
        std::printf("%-8d %-7zu %8zu %12.3f %12.3f %12.3f %10.3f %12.5f %14.0f   A=%.6f cost=%.0f\n", target,
                    d.components.size(), d.links.size(), full, noTrace, valid,
                    1000 * full / static_cast<double>(d.components.size()),
                    base, base > 0 ? full / base : 0.0, a.summary.availability.availability, a.cost.total);
        if (target == 1000) at1000 = full, un1000 = noTrace;
        if (target == 10000) at10000 = full, un10000 = noTrace;
        if (target == 100) std::printf("BENCH analyze_100_ms %.3f ms\n", full);
        std::printf("BENCH baseline_%d_ms %.5f ms\n", target, base);
        std::printf("BENCH validate_%d_ms %.3f ms\n", target, valid);
    }
    (void)sink;
    // Headline: the full analysis with every per-tier trace in Analysis::explain.
    // The keystroke path (analyzeLive: per-tier traces on demand through
    // explainComponent) is the "live" column, printed as analyze_live_*.
    std::printf("BENCH analyze_live_1000_ms %.3f ms\n", un1000);
    std::printf("BENCH analyze_live_10000_ms %.3f ms\n", un10000);
    std::printf("BENCH analyze_1000_ms %.3f ms\n", at1000);
    std::printf("BENCH analyze_10000_ms %.3f ms\n", at10000);

    // The 120-month walkthrough from stage 1 (1,000 users, 20 %/month), against
    // one analysis of the stage the walk spends most months in (stage 7) and
    // of the largest stage (12), measured in the same run.
    WalkOptions wo;
    wo.users = 1000;
    wo.monthly_growth = 0.2;
    wo.months = kMaxWalkMonths;
    std::size_t stagesWalked = 0;
    const double walkMs = timeIt([&] { stagesWalked = walkthrough(wo)->stages.size(); }, 10, 300);
    const double one7 = timeIt([&] { sink = analyzeLive(stageTemplates()[6].design).cost.total; }, 50, 100);
    const double one12 = timeIt([&] { sink = analyzeLive(stageTemplates()[11].design).cost.total; }, 50, 100);
    std::printf("walkthrough 120 months: %.3f ms (%zu stages) = %.0f x one stage-7 analysis (%.3f ms), stage 12 %.3f ms\n",
                walkMs, stagesWalked, one7 > 0 ? walkMs / one7 : 0.0, one7, one12);
    std::printf("BENCH walkthrough_120_months_ms %.3f ms\n", walkMs);
    std::printf("BENCH analyze_stage7_ms %.4f ms\n", one7);
    std::printf("BENCH analyze_stage12_ms %.4f ms\n", one12);
    benchWhatIf();
    benchLatency();
    return 0;
}
