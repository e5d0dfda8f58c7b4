// Load propagation and capacity against hand-worked designs and M/M/1 closed forms.
#include <QtTest>

#include <cmath>

#include "DesignBuilder.h"
#include "planner/Analysis.h"
#include "planner/Explain.h"

using namespace sw;
using swtest::DesignBuilder;
using swtest::resultOf;

class TestLoad : public QObject {
    Q_OBJECT

    // 864,000 users x 100 requests/day / 86,400 s = 1,000 rps average, x3 = 3,000 rps peak.
    static DesignBuilder threeTier() {
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("r", 0, 0);
        b.users("u", 1);
        b.add("lb", ComponentKind::LoadBalancer, "r").params.capacity_rps = 100000;
        auto& web = b.add("web", ComponentKind::Service, "r");
        web.params.instances = 10;
        web.params.capacity_rps = 500;
        web.params.service_time_ms = 20;
        auto& cache = b.add("cache", ComponentKind::Cache, "r");
        cache.params.hit_ratio = 0.9;
        cache.params.capacity_rps = 100000;
        auto& db = b.add("db", ComponentKind::Database, "r");
        db.params.capacity_rps = 5000;
        b.add("rep1", ComponentKind::Database, "r").role = DbRole::Replica;
        b.add("rep2", ComponentKind::Database, "r").role = DbRole::Replica;
        b["rep1"].params.capacity_rps = 5000;
        b["rep2"].params.capacity_rps = 5000;
        b.call("u", "lb");
        b.call("lb", "web");
        b.call("web", "cache", 1, Access::Read);
        b.call("cache", "db");
        b.call("web", "db", 1, Access::Write);
        b.replicate("db", "rep1");
        b.replicate("db", "rep2");
        return b;
    }

private slots:
    void peakRate() {
        auto b = threeTier();
        const Analysis a = analyze(b.design());
        QCOMPARE(a.summary.average_rps, 1000.0);
        QCOMPARE(a.summary.peak_rps, 3000.0);
    }

    void propagation() {
        auto b = threeTier();
        const Analysis a = analyze(b.design());
        QCOMPARE(resultOf(a, "lb").load_rps, 3000.0);
        QCOMPARE(resultOf(a, "web").load_rps, 3000.0);
        // Reads: 0.8 x 3,000 = 2,400 reach the cache; 10 % miss = 240 go on.
        QCOMPARE(resultOf(a, "cache").read_rps, 2400.0);
        QCOMPARE(resultOf(a, "cache").write_rps, 0.0);
        // Writes: 0.2 x 3,000 = 600 to the primary; the 240 missed reads go to
        // the two uncalled replicas (120 each), which also apply the 600 writes.
        QCOMPARE(resultOf(a, "db").write_rps, 600.0);
        QCOMPARE(resultOf(a, "db").read_rps, 0.0);
        QCOMPARE(resultOf(a, "rep1").read_rps, 120.0);
        QCOMPARE(resultOf(a, "rep1").write_rps, 600.0);
        QCOMPARE(resultOf(a, "rep2").load_rps, 720.0);
    }

    void capacityOfATier() {
        auto b = threeTier();
        const Analysis a = analyze(b.design());
        const auto& web = resultOf(a, "web");
        // c = 10 x round(500 x 0.020) = 100 servers; capacity 10 x 500 = 5,000 rps.
        QCOMPARE(web.servers, 100.0);
        QCOMPARE(web.capacity_rps, 5000.0);
        QCOMPARE(web.utilization, 0.6);
        // ceil(3,000 / (500 x 0.7)) = ceil(8.57) = 9.
        QCOMPARE(web.instances_needed, 9.0);
        QVERIFY(std::abs(web.headroom - (5000.0 / 3000.0 - 1)) < 1e-12);
        QVERIFY(!web.saturated);
        // The bottleneck is the busiest tier: replicas at 720 / 5,000 = 0.144,
        // web at 0.6, the primary at 600 / 5,000 = 0.12.
        QCOMPARE(a.summary.bottleneck, std::string("web"));
    }

    void mm1ClosedForm() {
        // One server at mu = 100/s (capacity 100 rps, 10 ms) offered 50 rps:
        // W = 1/(mu - lambda) = 20 ms, Wq = rho/(mu - lambda) = 10 ms,
        // W is exponential with rate mu - lambda: p95 = ln(20)/50 s = 59.915 ms.
        DesignBuilder b;
        b.workload(1440000, 1, 1.0, 3).region("r", 0, 0);   // 1.44e6/86,400 x 3 = 50 rps
        b.users("u", 1);
        auto& s = b.add("s", ComponentKind::Service, "r");
        s.params.capacity_rps = 100;
        s.params.service_time_ms = 10;
        b.call("u", "s");
        const Analysis a = analyze(b.design());
        const auto& r = resultOf(a, "s");
        QVERIFY(std::abs(r.load_rps - 50) < 1e-9);
        QVERIFY(std::abs(r.w_ms - 20) < 1e-6);
        QVERIFY(std::abs(r.wq_ms - 10) < 1e-6);
        QVERIFY(std::abs(r.p95_ms - 1000 * std::log(20.0) / 50) < 1e-3);
        QVERIFY(std::abs(r.p50_ms - 1000 * std::log(2.0) / 50) < 1e-3);
    }

    void saturatedTierIsAFinding() {
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("r", 0, 0);   // 3,000 rps
        b.users("u", 1);
        auto& s = b.add("s", ComponentKind::Service, "r");
        s.params.instances = 2;
        s.params.capacity_rps = 1000;
        b.call("u", "s");
        const Analysis a = analyze(b.design());
        const auto& r = resultOf(a, "s");
        QVERIFY(r.saturated);
        QCOMPARE(r.utilization, 1.5);
        QCOMPARE(r.wq_ms, 0.0);   // no finite time, never negative
        QCOMPARE(r.instances_needed, 5.0);   // ceil(3,000 / 700)
        bool found = false;
        for (const auto& f : a.findings) found = found || (f.code == "saturated" && f.subject == "s");
        QVERIFY(found);
    }

    void shardsDivideLoad() {
        DesignBuilder b;
        b.workload(864000, 100, 0.0, 3).region("r", 0, 0);   // 3,000 writes/s
        b.users("u", 1);
        auto& db = b.add("db", ComponentKind::Database, "r");
        db.params.shards = 4;
        db.params.instances = 2;
        db.params.capacity_rps = 1000;
        b.call("u", "db");
        const Analysis a = analyze(b.design());
        const auto& r = resultOf(a, "db");
        QCOMPARE(r.capacity_rps, 8000.0);   // 4 shards x 2 x 1,000
        QCOMPARE(r.utilization, 3000.0 / 8000.0);
        QCOMPARE(r.stations, 4.0);
        QCOMPARE(r.instances_needed, 2.0);   // 750 per shard / 700 -> 2
    }

    void asyncQueueFeedsConsumers() {
        DesignBuilder b;
        b.workload(864000, 100, 0.5, 3).region("r", 0, 0);
        b.users("u", 1);
        b.add("api", ComponentKind::Service, "r").params.capacity_rps = 10000;
        b.add("q", ComponentKind::Queue, "r").params.capacity_rps = 10000;
        b.add("worker", ComponentKind::Service, "r").params.capacity_rps = 10000;
        b.call("u", "api");
        b.call("api", "q", 1, Access::Write);
        b.call("q", "worker", 1, Access::Both, LinkMode::Async);
        const Analysis a = analyze(b.design());
        QCOMPARE(resultOf(a, "q").load_rps, 1500.0);
        QCOMPARE(resultOf(a, "worker").load_rps, 1500.0);
    }

    void geoRoutingSendsGroupsToTheNearestRegion() {
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3);
        b.region("us", 39.04, -77.49).region("eu", 53.35, -6.26);
        b.users("users_us", 0.6, 40.71, -74.01);
        b.users("users_eu", 0.4, 51.51, -0.13);
        b.add("dns", ComponentKind::Dns, "us").params.capacity_rps = 1e6;
        b.add("lb_us", ComponentKind::LoadBalancer, "us").params.capacity_rps = 1e6;
        b.add("lb_eu", ComponentKind::LoadBalancer, "eu").params.capacity_rps = 1e6;
        b.call("users_us", "dns");
        b.call("users_eu", "dns");
        b.call("dns", "lb_us", 0.5);
        b.call("dns", "lb_eu", 0.5);
        const Analysis a = analyze(b.design());
        QCOMPARE(resultOf(a, "dns").load_rps, 3000.0);
        QVERIFY(std::abs(resultOf(a, "lb_us").load_rps - 1800.0) < 1e-9);
        QVERIFY(std::abs(resultOf(a, "lb_eu").load_rps - 1200.0) < 1e-9);
    }

    void liveAnalysisHasTheSameNumbers() {
        // analyzeLive skips the per-tier traces only; explainComponent rebuilds
        // exactly the traces analyze() lists for that tier.
        auto b = threeTier();
        const Analysis full = analyze(b.design());
        const Analysis live = analyzeLive(b.design());
        QCOMPARE(live.components.size(), full.components.size());
        for (std::size_t i = 0; i < full.components.size(); ++i) {
            QCOMPARE(live.components[i].load_rps, full.components[i].load_rps);
            QCOMPARE(live.components[i].w_ms, full.components[i].w_ms);
            QCOMPARE(live.components[i].availability, full.components[i].availability);
            QCOMPARE(live.components[i].cost_per_month_usd, full.components[i].cost_per_month_usd);
        }
        QCOMPARE(live.summary.availability.availability, full.summary.availability.availability);
        QVERIFY(live.explain.size() < full.explain.size());
        const auto web = explainComponent(b.design(), live, 2);
        QCOMPARE(web.size(), std::size_t{8});
        for (const Trace& t : web) {
            bool found = false;
            for (const Trace& f : full.explain)
                found = found || (f.quantity == t.quantity && f.inputs == t.inputs && f.value == t.value);
            QVERIFY2(found, t.quantity.c_str());
        }
        QCOMPARE(web[2].quantity, std::string("web.instances_needed"));
        QCOMPARE(web[2].value, 9.0);
        QVERIFY(explainComponent(b.design(), live, 99).empty());
    }

    void addingInstancesNeverRaisesUtilisation() {
        for (int extra = 1; extra <= 20; ++extra) {
            auto b = threeTier();
            const Analysis before = analyze(b.design());
            for (auto& c : b.design().components)
                if (c.kind != ComponentKind::UserGroup) c.params.instances += extra % 3 == 0 ? extra : 0;
            b["web"].params.instances += extra;
            const Analysis after = analyze(b.design());
            for (std::size_t i = 0; i < before.components.size(); ++i) {
                QVERIFY(after.components[i].utilization <= before.components[i].utilization + 1e-15);
                QVERIFY(after.components[i].wq_ms <= before.components[i].wq_ms + 1e-12);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLoad)
#include "test_load.moc"
