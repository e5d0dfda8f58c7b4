// The series the insight views draw that the engine did not expose before:
// lag as a function of the write rate, and the latency map's distances,
// floors and routes; against hand-worked values.
#include <QtTest>

#include <cmath>

#include "DesignBuilder.h"
#include "model/Catalogue.h"
#include "planner/Analysis.h"
#include "planner/LatencyMap.h"
#include "planner/ReplicationCurve.h"

using namespace sw;
using swtest::DesignBuilder;

namespace {
bool near(double a, double b, double tol = 1e-9) { return std::abs(a - b) <= tol * std::max(1.0, std::abs(b)); }
}  // namespace

class TestInsightSeries : public QObject {
    Q_OBJECT
private slots:
    void asyncLagByHand() {
        // 35 ms one way, one stream applying 1,000 writes/s, 800 arriving:
        // 35 + 1000 / (1000 - 800) = 40 ms.
        QVERIFY(near(asyncLagMs(35, 1000, 1, 800), 40.0));
        // Four shard streams of 250 writes/s each carry 900 writes/s: 225 per
        // stream, 1000 / (250 - 225) = 40 ms plus 10 ms one way.
        QVERIFY(near(asyncLagMs(10, 250, 4, 900), 50.0));
        QVERIFY(std::isinf(asyncLagMs(10, 250, 4, 1000)));
        QVERIFY(std::isinf(asyncLagMs(10, 0, 1, 1)));
    }

    void curveGoesToDivergence() {
        // The engine's own result for a replica at 600 of 1,000 writes/s.
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("us", 39.04, -77.49);
        b.users("u", 1, 39.04, -77.49);
        auto& db = b.add("db", ComponentKind::Database, "us");
        db.params.capacity_rps = 100000;
        auto& rep = b.add("rep", ComponentKind::Database, "us");
        rep.role = DbRole::Replica;
        rep.params.capacity_rps = 100000;
        rep.params.apply_rate_wps = 1000;
        b.call("u", "db");
        b.replicate("db", "rep");
        const Analysis a = analyze(b.design());
        QCOMPARE(a.replication.size(), std::size_t{1});
        const ReplicationResult& r = a.replication[0];
        const std::vector<LagPoint> c = lagCurve(r, 20, 0.98);
        QCOMPARE(c.size(), std::size_t{21});   // 20 sweep points + the current 600 writes/s
        QCOMPARE(c.front().write_rps, 0.0);
        QVERIFY(near(c.front().lag_ms, 1.0));                 // 1000 / 1000
        QVERIFY(near(c.back().write_rps, 980.0));
        QVERIFY(near(c.back().lag_ms, 1000.0 / 20));          // 1000 / (1000 - 980)
        QVERIFY(near(r.write_rps, 600));
        bool current = false;
        for (const LagPoint& p : c)
            if (p.write_rps == r.write_rps) current = near(p.lag_ms, 2.5) && near(p.lag_ms, r.lag_ms);
        QVERIFY(current);
        for (std::size_t i = 1; i < c.size(); ++i) QVERIFY(c[i].write_rps >= c[i - 1].write_rps);
        ReplicationResult sync = r;
        sync.mode = "sync";
        QVERIFY(lagCurve(sync).empty());
    }

    void mapPairsByHand() {
        // Two regions on the equator a quarter turn apart: d = pi/2 x 6,371.0088
        // = 10,007.56 km, floor = 2d / 204 = 98.11 ms.
        DesignBuilder b;
        b.workload(1000, 100, 0.8, 3).region("a", 0, 0).region("b", 0, 90);
        b.users("u", 1, 0, 90);
        b.add("svc", ComponentKind::Service, "a");
        b.call("u", "svc");
        const Analysis an = analyze(b.design());
        const LatencyMap m = latencyMap(b.design(), an);
        QCOMPARE(m.regions.size(), std::size_t{2});
        QCOMPARE(m.region_links.size(), std::size_t{1});
        const MapPair& p = m.region_links[0];
        QVERIFY(near(p.distance_km, 10007.5572, 1e-6));
        QVERIFY(near(p.floor_ms, 2 * 10007.5572 / 204.0, 1e-6));
        QVERIFY(near(p.rtt_ms, an.latency.modelled_ms[0][1]));
        QVERIFY(!p.near_floor);   // the model's route factor keeps it 30 % above
        QCOMPARE(m.user_routes.size(), std::size_t{2});
        // The group sits on region b: 0 km, floor 0; it is served from a
        // (the only region with a service), a quarter turn away.
        QVERIFY(near(m.user_routes[1].distance_km, 0));
        QVERIFY(m.user_routes[0].served);
        QVERIFY(!m.user_routes[1].served);
        QVERIFY(near(m.user_routes[0].floor_ms, 2 * 10007.5572 / 204.0, 1e-6));
    }

    void nearFloorThreshold() {
        QVERIFY(nearFibreFloor(110, 100));
        QVERIFY(nearFibreFloor(114.9, 100));
        QVERIFY(!nearFibreFloor(115.1, 100));
        QVERIFY(!nearFibreFloor(1, 0));   // no floor inside one place
    }

    void regionAtItsCatalogueMetro() {
        Region r;
        r.id = "r";
        r.code = "eu-west-1";
        const auto [lat, lon] = regionLocation(r, defaultCatalogue());
        QCOMPARE(lat, 53.35);   // Dublin, resources/catalogue/regions.json
        QCOMPARE(lon, -6.26);
        r.params.latitude = 10;
        QCOMPARE(regionLocation(r, defaultCatalogue()).first, 10.0);
    }
};

QTEST_GUILESS_MAIN(TestInsightSeries)
#include "test_insight_series.moc"
