// Availability algebra against hand calculations and exact identities.
#include <QtTest>

#include <cmath>
#include <tuple>
#include <vector>

#include "planner/AvailabilityMath.h"

using namespace sw;

namespace {
bool near(double a, double b, double abs) { return std::abs(a - b) <= abs; }
}  // namespace

class TestAvailabilityMath : public QObject {
    Q_OBJECT
private slots:
    // The seed figure: three 99.9 % in series = 0.999^3 = 0.997002999 (99.7 %).
    void seriesSeed() {
        const std::vector<double> parts{0.999, 0.999, 0.999};
        QVERIFY(near(seriesAvailability(parts), 0.997002999, 1e-15));
        QCOMPARE(seriesAvailability(std::vector<double>{}), 1.0);
    }

    // Two 99 % in parallel: 1 - 0.01^2 = 0.9999; three 90 %: 1 - 0.001.
    void parallel() {
        QVERIFY(near(parallelAvailability(std::vector<double>{0.99, 0.99}), 0.9999, 1e-15));
        QVERIFY(near(parallelAvailability(std::vector<double>{0.9, 0.9, 0.9}), 0.999, 1e-15));
        QCOMPARE(parallelAvailability(std::vector<double>{}), 0.0);
    }

    // 2-of-3 at 0.9: 3 (0.9^2)(0.1) + 0.9^3 = 0.243 + 0.729 = 0.972.
    // 2-of-3 at 0.99999: unavailability 3 u^2 (1-u) + u^3 with u = 1e-5.
    void twoOfThree() {
        QVERIFY(near(kOfN(2, 3, 0.9), 0.972, 1e-15));
        const double u = 1e-5;
        QVERIFY(std::abs((1 - kOfN(2, 3, 1 - u)) / (3 * u * u * (1 - u) + u * u * u) - 1) < 1e-5);
        QVERIFY(near(kOfNMixed(2, std::vector<double>{0.9, 0.9, 0.9}), 0.972, 1e-15));
        // Mixed members by hand: 2-of-{0.9, 0.8, 0.7} = 0.9*0.8*0.7 + 0.9*0.8*0.3
        // + 0.9*0.2*0.7 + 0.1*0.8*0.7 = 0.504 + 0.216 + 0.126 + 0.056 = 0.902.
        QVERIFY(near(kOfNMixed(2, std::vector<double>{0.9, 0.8, 0.7}), 0.902, 1e-15));
    }

    void kOfNEdges() {
        QCOMPARE(kOfN(0, 5, 0.3), 1.0);
        QCOMPARE(kOfN(6, 5, 0.99), 0.0);
        QCOMPARE(kOfN(3, 5, 1.0), 1.0);
        QCOMPARE(kOfN(3, 5, 0.0), 0.0);
        // k = n is a^n, k = 1 is 1 - (1-a)^n.
        QVERIFY(near(kOfN(7, 7, 0.95), std::pow(0.95, 7), 1e-15));
        QVERIFY(near(kOfN(1, 7, 0.95), 1 - std::pow(0.05, 7), 1e-15));
    }

    // n = 100,000: all up is a^n = exp(n log a) (exact identity), and the
    // complement identity P(X >= k; a) = 1 - P(X >= n-k+1; 1-a) holds.
    void largeN() {
        const int n = 100000;
        QVERIFY(near(kOfN(n, n, 0.99999), std::exp(n * std::log(0.99999)), 1e-12));
        for (int k : {98000, 98900, 99000, 99100, 99500}) {
            const double p = kOfN(k, n, 0.99);
            QVERIFY(p >= 0 && p <= 1);
            QVERIFY(near(p, 1 - kOfN(n - k + 1, n, 0.01), 1e-12));
        }
        // Reference tails summed term by term with 40-digit arithmetic (mpmath).
        QVERIFY(near(kOfN(98900, n, 0.99), 0.99917903008933866, 1e-13));
        QVERIFY(near(kOfN(99000, n, 0.99), 0.50840947335143295, 1e-13));
        QVERIFY(near(kOfN(99100, n, 0.99), 0.00066084133345015261, 1e-16));
        QVERIFY(std::abs(kOfN(99500, n, 0.99) / 2.3483777643237637e-69 - 1) < 1e-10);
        QVERIFY(kOfN(98000, n, 0.99) > 1 - 1e-15);   // 32 sd below the mean
        QVERIFY(kOfN(99500, n, 0.99) < 1e-15);
    }

    // The binomial sum and the Poisson-binomial DP are independent methods;
    // they agree for identical members.
    void binomialMatchesDp() {
        for (double a : {0.5, 0.9, 0.999})
            for (int k : {1, 10, 25, 40, 50}) {
                const std::vector<double> parts(50, a);
                QVERIFY(near(kOfN(k, 50, a), kOfNMixed(k, parts), 1e-13));
            }
    }

    // Property: one more parallel member never lowers availability, and one
    // more member with k fixed never lowers a k-of-n.
    void moreReplicasNeverHurt() {
        std::vector<double> parts;
        double prev = 0;
        for (double a : {0.9, 0.5, 0.99, 0.0, 0.999, 0.7}) {
            parts.push_back(a);
            const double now = parallelAvailability(parts);
            QVERIFY(now >= prev);
            prev = now;
        }
        for (int k : {1, 2, 5})
            for (int n = k; n < 30; ++n) QVERIFY(kOfN(k, n + 1, 0.95) >= kOfN(k, n, 0.95) - 1e-15);
    }

    void ninesAndDowntime() {
        QVERIFY(near(nines(0.999), 3.0, 1e-12));
        QVERIFY(near(nines(0.99999), 5.0, 1e-9));
        QCOMPARE(nines(1.0), 99.0);
        QCOMPARE(nines(0.0), 0.0);
        // 99.9 %: 0.001 x 525,960 min = 525.96 min/year (8.77 h); x 43,830 = 43.83 min/month.
        QVERIFY(near(downtimeMinPerYear(0.999), 525.96, 1e-9));
        QVERIFY(near(downtimeMinPerMonth(0.999), 43.83, 1e-9));
        // 99.99 %: 52.6 minutes a year, the figure every SLA table quotes.
        QVERIFY(near(downtimeMinPerYear(0.9999), 52.596, 1e-9));
    }

    void mtbf() {
        QVERIFY(near(availabilityFromMtbf(999, 1), 0.999, 1e-15));
        QVERIFY(near(availabilityFromMtbf(720, 4), 720.0 / 724, 1e-15));
        QCOMPARE(availabilityFromMtbf(0, 1), 0.0);
        QCOMPARE(availabilityFromMtbf(100, 0), 1.0);
    }

    // E[min(W, R)], W uniform on [w0, w0 + spread], R ~ Exp(mttr): against
    // the closed form worked by hand and a midpoint-rule integral.
    void expectedLossWindowAgainstIntegral() {
        // Fixed W = 30 s, MTTR 60 s: 60 (1 - e^-0.5) = 23.608 s.
        QVERIFY(near(expectedLossWindow(30, 0, 60), 60 * (1 - std::exp(-0.5)), 1e-12));
        // Repairs far slower than detection: min(W, R) ~ W, mean w0 + spread/2.
        QVERIFY(near(expectedLossWindow(20, 10, 1e9), 25.0, 1e-6));
        // Instant repair: nothing lost; no repair time given: nothing modelled.
        QVERIFY(near(expectedLossWindow(20, 10, 1e-9), 1e-9, 1e-15));
        QCOMPARE(expectedLossWindow(20, 10, 0), 0.0);
        for (auto [w0, spread, mttr] : {std::tuple{9.0, 1.0, 60.0}, {27.0, 3.0, 60.0}, {40.0, 10.0, 3600.0}, {0.0, 90.0, 30.0}}) {
            const int steps = 200000;
            double sum = 0;
            for (int i = 0; i < steps; ++i) {
                const double w = w0 + spread * (i + 0.5) / steps;
                sum += mttr * (1 - std::exp(-w / mttr));
            }
            QVERIFY2(near(expectedLossWindow(w0, spread, mttr), sum / steps, 1e-6),
                     qPrintable(QString("w0=%1 spread=%2 mttr=%3").arg(w0).arg(spread).arg(mttr)));
        }
        // The three-tier simulator check: checks 1 s x 10, MTTR 60 s.
        QVERIFY(near(expectedLossWindow(9, 1, 60), 8.785494476, 1e-8));
    }

    void tierAvailabilityWithDetectionByHand() {
        // 1 of 2 at a = 0.9 with 2.2 % of each instance's time failed but
        // trusted: 0.99 - 0.022 x 0.9 = 0.9702.
        QVERIFY(near(tierAvailabilityWithDetection(1, 2, 0.9, 0.022), 0.9702, 1e-12));
        // 2 of 3: P(>= 2 of 3) = 0.972 minus 0.01 x P(>= 2 of the other 2) = 0.81.
        QVERIFY(near(tierAvailabilityWithDetection(2, 3, 0.9, 0.01), 0.972 - 0.0081, 1e-12));
        // No redundancy: the tier is down anyway while an instance is failed.
        QVERIFY(near(tierAvailabilityWithDetection(1, 1, 0.9, 0.05), 0.9, 1e-12));
        QVERIFY(near(tierAvailabilityWithDetection(3, 3, 0.9, 0.05), 0.729, 1e-12));
        QVERIFY(near(tierAvailabilityWithDetection(1, 2, 0.9, 0), 0.99, 1e-12));
        QCOMPARE(tierAvailabilityWithDetection(1, 2, 0.5, 5.0), 0.0);   // clamped
    }
};

QTEST_GUILESS_MAIN(TestAvailabilityMath)
#include "test_availability_math.moc"
