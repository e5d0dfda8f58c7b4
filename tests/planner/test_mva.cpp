// Exact MVA against hand-worked recursions and the machine-repairman closed form.
#include <QtTest>

#include <cmath>

#include "planner/Mva.h"

using namespace sw;

namespace {
bool near(double a, double b, double rel = 1e-12) { return std::abs(a - b) <= rel * std::max(1.0, std::abs(b)); }
}  // namespace

class TestMva : public QObject {
    Q_OBJECT
private slots:
    // Two queueing stations D = (1, 0.5), think time Z = 2, worked by hand in
    // exact fractions following the recursion of Lazowska et al., Quantitative
    // System Performance (1984) §6.4, Algorithm 6.1:
    //  n=1: R = (1, 1/2), R = 3/2, X = 1/(3/2 + 2) = 2/7, Q = (2/7, 1/7)
    //  n=2: R = (9/7, 4/7), R = 13/7, X = 2/(13/7 + 2) = 14/27, Q = (2/3, 8/27)
    //  n=3: R = (5/3, 35/54), R = 125/54, X = 3/(125/54 + 2) = 162/233,
    //       Q = (270/233, 105/233), U = X D = (162/233, 81/233)
    void handWorkedNetwork() {
        const MvaResult r = mva({{1.0, false}, {0.5, false}}, 2.0, 3);
        QCOMPARE(r.users, 3);
        QVERIFY(near(r.throughput, 162.0 / 233));
        QVERIFY(near(r.response_time, 125.0 / 54));
        QCOMPARE(r.stations.size(), std::size_t(2));
        QVERIFY(near(r.stations[0].residence_time, 5.0 / 3));
        QVERIFY(near(r.stations[1].residence_time, 35.0 / 54));
        QVERIFY(near(r.stations[0].queue_length, 270.0 / 233));
        QVERIFY(near(r.stations[1].queue_length, 105.0 / 233));
        QVERIFY(near(r.stations[0].utilization, 162.0 / 233));
        QVERIFY(near(r.stations[1].utilization, 81.0 / 233));
        // N* = (D + Z) / Dmax = (1.5 + 2) / 1.
        QVERIFY(near(r.saturation_users, 3.5));
    }

    // One queueing station with think time is the machine-repairman model
    // (Kleinrock vol. 1 §3.8, M/M/1//N): P0 = 1 / sum_n N!/(N-n)! (D/Z)^n,
    // X = (1 - P0)/D, R = N/X - Z. D = 1, Z = 5, N = 4: the sum is 1569/625,
    // so X = 944/1569 and R = 1556/944.
    void machineRepairman() {
        const MvaResult r = mva({{1.0, false}}, 5.0, 4);
        QVERIFY(near(r.throughput, 944.0 / 1569));
        QVERIFY(near(r.response_time, 1556.0 / 944));
        // A delay station of demand 2 with Z = 3 is the same cycle as Z = 5:
        // throughput unchanged, response time 2 longer.
        const MvaResult d = mva({{1.0, false}, {2.0, true}}, 3.0, 4);
        QVERIFY(near(d.throughput, 944.0 / 1569));
        QVERIFY(near(d.response_time, 1556.0 / 944 + 2.0));
        QVERIFY(near(d.stations[1].residence_time, 2.0));
        QVERIFY(near(d.stations[1].queue_length, 2.0 * 944 / 1569));
        // N* counts delay demand in D but not in Dmax: (1 + 2 + 3) / 1.
        QVERIFY(near(d.saturation_users, 6.0));
    }

    // No think time, one station: every user is queued there, R(N) = N D.
    void closedSingleStation() {
        const MvaResult r = mva({{0.25, false}}, 0.0, 10);
        QVERIFY(near(r.response_time, 2.5));
        QVERIFY(near(r.throughput, 4.0));
        QVERIFY(near(r.stations[0].utilization, 1.0));
        QVERIFY(near(r.stations[0].queue_length, 10.0));
    }

    // Asymptotic bounds (Lazowska §5.2): X(N) <= min(N/(D+Z), 1/Dmax),
    // R(N) >= max(D, N Dmax - Z); X(1) = 1/(D+Z) exactly; X rises with N.
    void boundsHold() {
        const std::vector<MvaStation> s{{0.04, false}, {0.03, false}, {0.01, false}, {0.1, true}};
        const double D = 0.18, Dmax = 0.04, Z = 1.0;
        const MvaResult one = mva(s, Z, 1);
        QVERIFY(near(one.throughput, 1.0 / (D + Z)));
        QVERIFY(near(one.response_time, D));
        double prevX = 0;
        for (int n = 1; n <= 200; n += 7) {
            const MvaResult r = mva(s, Z, n);
            QVERIFY(r.throughput <= std::min(n / (D + Z), 1.0 / Dmax) * (1 + 1e-12));
            QVERIFY(r.response_time >= std::max(D, n * Dmax - Z) * (1 - 1e-12));
            QVERIFY(r.throughput >= prevX * (1 - 1e-14));   // rounding once X = 1/Dmax
            prevX = r.throughput;
        }
        const MvaResult big = mva(s, Z, 2000);
        QVERIFY(std::abs(big.throughput - 25.0) < 1e-6);   // 1 / Dmax
        QVERIFY(near(big.saturation_users, (D + Z) / Dmax));
    }

    void noUsers() {
        const MvaResult r = mva({{1.0, false}}, 1.0, 0);
        QCOMPARE(r.throughput, 0.0);
        QCOMPARE(r.response_time, 0.0);
        QCOMPARE(r.stations[0].queue_length, 0.0);
        const MvaResult onlyDelay = mva({{1.0, true}}, 1.0, 5);
        QCOMPARE(onlyDelay.saturation_users, 0.0);   // nothing ever saturates
        QVERIFY(near(onlyDelay.throughput, 2.5));
    }
};

QTEST_GUILESS_MAIN(TestMva)
#include "test_mva.moc"
