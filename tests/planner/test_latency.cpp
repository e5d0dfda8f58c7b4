// Latency in a design: region matrix from coordinates, users routed to the
// nearest region, p50/p95 per geography along the path (cache hits, tiers,
// cross-region calls), and findings for latencies below the fibre floor.
#include <QtTest>

#include <cmath>

#include "DesignBuilder.h"
#include "planner/Analysis.h"
#include "planner/Geo.h"

using namespace sw;
using swtest::DesignBuilder;
using swtest::resultOf;

namespace {
bool near(double a, double b, double tol = 1e-9) { return std::abs(a - b) <= tol * std::max(1.0, std::abs(b)); }
const Finding* finding(const Analysis& a, const std::string& code) {
    for (const auto& f : a.findings)
        if (f.code == code) return &f;
    return nullptr;
}

// One M/M/1 tier at mu = 100/s offered 50 rps: p50 = ln 2 / 50 s, p95 = ln 20 / 50 s.
Component& mm1(DesignBuilder& b, const std::string& id, const std::string& region) {
    Component& s = b.add(id, ComponentKind::Service, region);
    s.params.capacity_rps = 100;
    s.params.service_time_ms = 10;
    return s;
}
}  // namespace

class TestLatency : public QObject {
    Q_OBJECT
private slots:
    void regionMatrix() {
        // New York - London: floor = 2 d / 204 km/ms from the haversine distance.
        DesignBuilder b;
        b.region("nyc", 40.7128, -74.0060).region("lon", 51.5074, -0.1278);
        const Analysis a = analyze(b.design());
        const double d = greatCircleKm(40.7128, -74.0060, 51.5074, -0.1278);
        QVERIFY(std::abs(d - 5570) < 15);
        QVERIFY(near(a.latency.floor_ms[0][1], 2 * d / 204.0));
        QVERIFY(std::abs(a.latency.floor_ms[0][1] - 54.6) < 0.2);
        QVERIFY(near(a.latency.modelled_ms[1][0], modelledRttMs(40.7128, -74.0060, 51.5074, -0.1278)));
        QVERIFY(a.latency.source[0][1] == LatencyMatrix::Source::Modelled);   // custom places: no measurement
        QCOMPARE(a.latency.floor_ms[0][0], 0.0);
    }

    void geographyAlongThePath() {
        // Users at the region's own coordinates: network = last mile + modelled RTT of 0 km.
        // Path: svc (M/M/1, 50 rps) then a cache answering half the reads,
        // misses to a second M/M/1 tier (db at 25 rps of 100 -> rate 75/s).
        // All reads: visits svc 1, cache 1, db 0.5.
        DesignBuilder b;
        b.workload(1440000, 1, 1.0, 3).region("r", 10, 10);   // 50 rps
        b.users("u", 1, 10, 10);
        mm1(b, "svc", "r");
        auto& cache = b.add("cache", ComponentKind::Cache, "r");
        cache.params.hit_ratio = 0.5;
        cache.params.capacity_rps = 1e6;
        cache.params.service_time_ms = 0.001;   // effectively free
        mm1(b, "db", "r");
        b.call("u", "svc");
        b.call("svc", "cache");
        b.call("cache", "db");
        const Analysis a = analyze(b.design());
        QCOMPARE(a.geographies.size(), std::size_t{1});
        const auto& g = a.geographies[0];
        const double net = ComponentParams{}.last_mile_ms + modelledRttMs(10, 10, 10, 10);
        const double cacheP95 = a.components[2].p95_ms;
        QVERIFY(cacheP95 < 0.01);
        QVERIFY(near(g.network_rtt_ms, net));
        QVERIFY(near(g.p95_ms, net + 1000 * std::log(20.0) / 50 + cacheP95 + 0.5 * 1000 * std::log(20.0) / 75, 1e-6));
        QVERIFY(near(g.p50_ms, net + 1000 * std::log(2.0) / 50 + a.components[2].p50_ms + 0.5 * 1000 * std::log(2.0) / 75, 1e-6));
        QCOMPARE(g.region, std::string("r"));
        QVERIFY(near(a.summary.p95_ms, g.p95_ms));
    }

    void saturatedPathHasNoFiniteLatency() {
        // Two user groups: "hot" calls a tier offered 150 rps of a 100 rps
        // capacity (rho = 1.5), "calm" calls a tier at 50 rps of 100. The hot
        // path has no finite p50/p95; the user-weighted p95 is infinite too,
        // never the sum of the other tiers (lower than a healthy design's).
        DesignBuilder b;
        b.workload(1440000 * 4, 1, 1.0, 3).region("r", 10, 10);   // 200 rps
        b.users("hot", 0.75, 10, 10);
        b.users("calm", 0.25, 10, 10);
        mm1(b, "lb-less-hot", "r");
        mm1(b, "calm-svc", "r");
        b.call("hot", "lb-less-hot");
        b.call("calm", "calm-svc");
        const Analysis a = analyze(b.design());
        QVERIFY(near(resultOf(a, "lb-less-hot").utilization, 1.5));
        QVERIFY(resultOf(a, "lb-less-hot").saturated);
        QCOMPARE(a.geographies.size(), std::size_t{2});
        const GeographyResult& hot = a.geographies[0];
        const GeographyResult& calm = a.geographies[1];
        QVERIFY(hot.saturated);
        QVERIFY(std::isinf(hot.p95_ms) && hot.p95_ms > 0);
        QVERIFY(std::isinf(hot.p50_ms));
        QCOMPARE(hot.saturated_tiers, std::vector<std::string>{"lb-less-hot"});
        QVERIFY(!calm.saturated);
        QVERIFY(calm.saturated_tiers.empty());
        QVERIFY(near(calm.p95_ms, ComponentParams{}.last_mile_ms + modelledRttMs(10, 10, 10, 10) + 1000 * std::log(20.0) / 50, 1e-6));
        QVERIFY(a.summary.saturated);
        QCOMPARE(a.summary.saturated_tiers, std::vector<std::string>{"lb-less-hot"});
        QVERIFY(std::isinf(a.summary.p95_ms));
        // With a second instance (rho = 0.75) every path is finite again.
        b["lb-less-hot"].params.instances = 2;
        const Analysis ok = analyze(b.design());
        QVERIFY(!ok.summary.saturated);
        QVERIFY(ok.summary.saturated_tiers.empty());
        QVERIFY(std::isfinite(ok.summary.p95_ms));
    }

    void nearestRegionAndCrossRegionCalls() {
        // Two regions; each user group is served by its nearest one. The eu
        // service writes to a primary in us: that call adds the us-eu RTT.
        DesignBuilder b;
        b.workload(1440000, 1, 0.0, 3).region("us", 39.04, -77.49).region("eu", 53.35, -6.26);
        b.users("users_us", 0.5, 40.71, -74.01);
        b.users("users_eu", 0.5, 51.51, -0.13);
        b.add("dns", ComponentKind::Dns, "us").params.capacity_rps = 1e6;
        for (const char* r : {"us", "eu"}) {
            auto& s = b.add(std::string("svc_") + r, ComponentKind::Service, r);
            s.params.capacity_rps = 1e6;
            s.params.service_time_ms = 0.001;
        }
        auto& db = b.add("db", ComponentKind::Database, "us");
        db.params.capacity_rps = 1e6;
        db.params.service_time_ms = 0.001;
        b.call("users_us", "dns");
        b.call("users_eu", "dns");
        b.call("dns", "svc_us");
        b.call("dns", "svc_eu");
        b.call("svc_us", "db");
        b.call("svc_eu", "db");
        const Analysis a = analyze(b.design());
        QCOMPARE(a.geographies[0].region, std::string("us"));
        QCOMPARE(a.geographies[1].region, std::string("eu"));
        const double userEu = ComponentParams{}.last_mile_ms + modelledRttMs(51.51, -0.13, 53.35, -6.26);
        const double usEu = modelledRttMs(39.04, -77.49, 53.35, -6.26);
        QVERIFY(near(a.geographies[1].network_rtt_ms, userEu));
        // Network part of p50: user -> eu, then eu -> us for the write (tiers ~0).
        QVERIFY(std::abs(a.geographies[1].p50_ms - (userEu + usEu)) < 0.05);
        QCOMPARE(a.geographies[1].fallback_regions, std::vector<std::string>{"us"});
    }

    void belowTheFloorIsAFinding() {
        DesignBuilder b;
        b.workload(1440000, 1, 0.0, 3).region("us", 39.04, -77.49).region("eu", 53.35, -6.26);
        b.users("u", 1, 39, -77);
        b.add("a", ComponentKind::Service, "us").params.capacity_rps = 1e6;
        b.add("z", ComponentKind::Service, "eu").params.capacity_rps = 1e6;
        b.call("u", "a");
        b.call("a", "z").params.extra_latency_ms = 20;   // a "measured" 20 ms Virginia - Dublin
        const Analysis a = analyze(b.design());
        const Finding* f = finding(a, "latency_below_floor");
        QVERIFY(f);
        QCOMPARE(f->subject, std::string("a->z"));
        const double floor = floorRttMs(greatCircleKm(39.04, -77.49, 53.35, -6.26));
        QVERIFY(QString::fromStdString(f->message).contains(QString::number(floor, 'g', 6)));
        // A plausible measurement is taken as the hop's round trip instead.
        b.design().links.back().params.extra_latency_ms = 80;
        QVERIFY(!finding(analyze(b.design()), "latency_below_floor"));
        // A measured region pair below the floor, through the options.
        AnalyzeOptions opt;
        opt.measured.push_back({"us", "eu", 30});
        const Analysis m = analyze(b.design(), opt);
        QVERIFY(finding(m, "latency_below_floor"));
        QVERIFY(near(m.latency.modelled_ms[0][1], modelledRttMs(39.04, -77.49, 53.35, -6.26)));
        opt.measured[0].rtt_ms = 75;
        QCOMPARE(analyze(b.design(), opt).latency.modelled_ms[0][1], 75.0);
    }
};

QTEST_GUILESS_MAIN(TestLatency)
#include "test_latency.moc"
