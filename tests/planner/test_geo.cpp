// Great-circle distances and latency floors against known geography.
#include <QtTest>

#include <cmath>
#include <numbers>

#include "model/Catalogue.h"
#include "planner/Geo.h"

using namespace sw;

class TestGeo : public QObject {
    Q_OBJECT
private slots:
    // New York (40.7128 N, 74.0060 W) to London (51.5074 N, 0.1278 W): the
    // published great-circle distance is about 5,570 km, so the floor is
    // 2 x 5,570 / 204 = 54.6 ms.
    void newYorkLondon() {
        const double d = greatCircleKm(40.7128, -74.0060, 51.5074, -0.1278);
        QVERIFY2(std::abs(d - 5570) < 10, qPrintable(QString::number(d)));
        QVERIFY(std::abs(floorRttMs(d) - 54.6) < 0.15);
    }

    // Exact geometry on the sphere: a quarter of the equator is pi R / 2,
    // pole to pole pi R, one degree of latitude pi R / 180 = 111.19 km.
    void sphereGeometry() {
        const double R = kEarthRadiusKm, pi = std::numbers::pi;
        QVERIFY(std::abs(greatCircleKm(0, 0, 0, 90) - pi * R / 2) < 1e-6);
        QVERIFY(std::abs(greatCircleKm(90, 0, -90, 0) - pi * R) < 1e-6);
        QVERIFY(std::abs(greatCircleKm(0, 0, 0, 180) - pi * R) < 1e-6);
        QVERIFY(std::abs(greatCircleKm(10, 20, 11, 20) - pi * R / 180) < 1e-6);
        QCOMPARE(greatCircleKm(48.85, 2.35, 48.85, 2.35), 0.0);
        // Symmetric, and the date line is not a wall: 179 E to 179 W is 2 degrees.
        QVERIFY(std::abs(greatCircleKm(0, 179, 0, -179) - pi * R / 90) < 1e-6);
        QCOMPARE(greatCircleKm(1, 2, 3, 4), greatCircleKm(3, 4, 1, 2));
    }

    // 1,000 km of fibre each way at 204 km/ms: 9.80 ms round trip. The model
    // never goes below the floor, and two different places are never 0 ms apart.
    void floorAndModel() {
        QVERIFY(std::abs(floorRttMs(1000) - 2000.0 / 204) < 1e-12);
        const double pts[][2] = {{0, 0}, {0.05, 0.05}, {48.86, 2.35}, {-33.87, 151.21}, {64.1, -21.9}, {-54.8, -68.3}};
        for (const auto& a : pts)
            for (const auto& b : pts) {
                const double m = modelledRttMs(a[0], a[1], b[0], b[1]);
                QVERIFY(m >= floorRttMs(greatCircleKm(a[0], a[1], b[0], b[1])));
                QVERIFY(m > 0);
            }
        // Within a metro: the per-path overhead and one span, nothing else.
        const LatencyModel defaults;
        QVERIFY(std::abs(modelledRttMs(10, 10, 10, 10) - (defaults.overhead_ms + defaults.per_hop_ms)) < 1e-12);
    }

    // The model against the published medians the brief quotes
    // (us-east-1 - eu-west-1 68-75 ms, us-east-1 - us-west-2 60-70 ms,
    // eu-west-1 - ap-southeast-1 160-180 ms): within 25 % of each range's
    // middle, and never below the floor. Catalogue coordinates.
    void calibrationAgainstPublishedRtts() {
        struct Pair {
            const char *a, *b;
            double published;
        };
        for (const Pair& p : {Pair{"us-east-1", "eu-west-1", 71.5}, Pair{"us-east-1", "us-west-2", 65},
                              Pair{"eu-west-1", "ap-southeast-1", 170}}) {
            const CloudRegion* a = defaultCatalogue().findRegion(p.a);
            const CloudRegion* b = defaultCatalogue().findRegion(p.b);
            QVERIFY(a && b);
            const double d = greatCircleKm(a->latitude, a->longitude, b->latitude, b->longitude);
            const double m = modelledRttMs(a->latitude, a->longitude, b->latitude, b->longitude);
            QVERIFY2(std::abs(m / p.published - 1) < 0.25, qPrintable(QString("%1-%2: %3 ms").arg(p.a, p.b).arg(m)));
            QVERIFY(p.published > floorRttMs(d));   // the published figures respect physics too
        }
    }
};

QTEST_GUILESS_MAIN(TestGeo)
#include "test_geo.moc"
