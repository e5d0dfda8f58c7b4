// Great-circle distances and latency floors against known geography.
#include <QtTest>

#include <cmath>
#include <numbers>

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

    // 1,000 km of fibre each way at 204 km/ms: 9.80 ms round trip.
    void floorAndModel() {
        QVERIFY(std::abs(floorRttMs(1000) - 2000.0 / 204) < 1e-12);
        const LatencyModel m{1.5, 2.0};
        QVERIFY(std::abs(modelledRttMs(1000, m) - (2000.0 / 204 * 1.5 + 2.0)) < 1e-12);
        // The default model never goes below the floor.
        for (double d : {0.0, 10.0, 500.0, 5000.0, 20000.0}) QVERIFY(modelledRttMs(d) >= floorRttMs(d));
    }
};

QTEST_GUILESS_MAIN(TestGeo)
#include "test_geo.moc"
