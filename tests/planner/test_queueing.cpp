// M/M/c against closed forms, hand calculations and a published Erlang C table.
#include <QtTest>

#include <cmath>
#include <random>

#include "planner/Queueing.h"

using namespace sw;

namespace {
bool near(double a, double b, double rel, double abs = 0) { return std::abs(a - b) <= std::max(abs, rel * std::abs(b)); }
}  // namespace

class TestQueueing : public QObject {
    Q_OBJECT
private slots:
    // M/M/1 closed forms (Kleinrock vol. 1 §3.2): P0 = 1 - rho, C = rho,
    // Lq = rho^2/(1-rho), L = rho/(1-rho), W = 1/(mu - lambda), Wq = rho/(mu - lambda),
    // and W ~ Exp(mu - lambda), so its q-quantile is -ln(1-q)/(mu - lambda).
    void mm1ClosedForms_data() {
        QTest::addColumn<double>("lambda");
        QTest::addColumn<double>("mu");
        QTest::newRow("rho 0.1") << 1.0 << 10.0;
        QTest::newRow("rho 0.5") << 0.5 << 1.0;
        QTest::newRow("rho 0.9") << 90.0 << 100.0;
        QTest::newRow("rho 0.99") << 0.99 << 1.0;
        QTest::newRow("rho 0.999") << 999.0 << 1000.0;
    }
    void mm1ClosedForms() {
        QFETCH(double, lambda);
        QFETCH(double, mu);
        const double rho = lambda / mu;
        const MmcResult r = mmc(lambda, mu, 1);
        QVERIFY(!r.saturated);
        QVERIFY(near(r.rho, rho, 1e-12));
        QVERIFY(near(r.p0, 1 - rho, 1e-9));
        QVERIFY(near(r.erlang_c, rho, 1e-12));
        QVERIFY(near(r.lq, rho * rho / (1 - rho), 1e-9));
        QVERIFY(near(r.l, rho / (1 - rho), 1e-9));
        QVERIFY(near(r.wq, rho / (mu - lambda), 1e-9));
        QVERIFY(near(r.w, 1 / (mu - lambda), 1e-9));
        for (double t : {0.1 / mu, 1 / mu, 10 / mu}) {
            QVERIFY(near(mmcResponseExceeds(r, t), std::exp(-(mu - lambda) * t), 1e-9));
            QVERIFY(near(mmcWaitExceeds(r, t), rho * std::exp(-(mu - lambda) * t), 1e-9));
        }
        for (double q : {0.5, 0.95, 0.99})
            QVERIFY2(near(mmcResponseQuantile(r, q), -std::log(1 - q) / (mu - lambda), 1e-9),
                     qPrintable(QString("q=%1 got %2").arg(q).arg(mmcResponseQuantile(r, q))));
    }

    // Published Erlang C table value: 10 servers, 8 Erlangs offered -> C = 0.409
    // (e.g. the call-centre Erlang C tables; exact rational sum gives 0.4091802).
    void erlangCTable() {
        const MmcResult r = mmc(8.0, 1.0, 10);
        QVERIFY(near(r.erlang_c, 0.409, 0, 0.0005));
        QVERIFY(near(r.erlang_c, 0.40918015079644354, 1e-12));
        QVERIFY(near(r.p0, 0.000276571685673694, 1e-10));
        // Wq = C / (c mu - lambda) = 0.40918 / 2; Lq = C rho / (1 - rho) = 0.40918 * 4.
        QVERIFY(near(r.wq, 0.40918015079644354 / 2, 1e-12));
        QVERIFY(near(r.lq, 0.40918015079644354 * 4, 1e-12));
    }

    // Hand calculation, M/M/3 with lambda = 2, mu = 1: a = 2, rho = 2/3;
    // sum_{k<3} a^k/k! = 1 + 2 + 2 = 5; a^3/3! / (1 - rho) = 4/3 * 3 = 4;
    // P0 = 1/9, C = 4/9, Lq = C rho/(1-rho) = 8/9, Wq = C/(3-2) = 4/9,
    // W = 13/9, L = 26/9, P(Wq > 1) = 4/9 e^-1.
    void mm3ByHand() {
        const MmcResult r = mmc(2, 1, 3);
        QVERIFY(near(r.p0, 1.0 / 9, 1e-12));
        QVERIFY(near(r.erlang_c, 4.0 / 9, 1e-12));
        QVERIFY(near(r.lq, 8.0 / 9, 1e-12));
        QVERIFY(near(r.wq, 4.0 / 9, 1e-12));
        QVERIFY(near(r.w, 13.0 / 9, 1e-12));
        QVERIFY(near(r.l, 26.0 / 9, 1e-12));
        QVERIFY(near(mmcWaitExceeds(r, 1), 4.0 / 9 * std::exp(-1.0), 1e-12));
        QVERIFY(near(mmcWaitExceeds(r, 0), 4.0 / 9, 1e-12));
    }

    // c mu - lambda = mu: the hypo-exponential degenerates to Erlang-2.
    // M/M/2, lambda = mu = 1: C = 1/3 (hand: (1/2 * 2) / (1 + 1 + 1)), so
    // P(W > t) = 2/3 e^-t + 1/3 (1 + t) e^-t; at t = 1: 4/3 e^-1 = 0.4905066.
    void equalRatesCase() {
        const MmcResult r = mmc(1, 1, 2);
        QVERIFY(near(r.erlang_c, 1.0 / 3, 1e-12));
        QVERIFY(near(mmcResponseExceeds(r, 1), 4.0 / 3 * std::exp(-1.0), 1e-12));
        QVERIFY(near(mmcResponseExceeds(r, 3), (2.0 / 3 + 4.0 / 3) * std::exp(-3.0), 1e-12));
        // Continuous on either side of the special case.
        for (double eps : {1e-9, -1e-9, 1e-6, -1e-6}) {
            const MmcResult s = mmc(1 + eps, 1, 2);
            QVERIFY(near(mmcResponseExceeds(s, 1), mmcResponseExceeds(r, 1), 1e-5));
        }
        // The quantile solves the tail: P(W > w_q) = 1 - q.
        for (double q : {0.5, 0.95, 0.99}) {
            const double t = mmcResponseQuantile(r, q);
            QVERIFY(near(mmcResponseExceeds(r, t), 1 - q, 1e-9));
        }
    }

    // Sojourn tail against the mixture written out for M/M/10, a = 8, where
    // theta = c mu - lambda = 2 != mu:
    // P(W>t) = (1-C) e^-t + C (2 e^-t - e^-2t) / (2 - 1).
    void sojournMixture() {
        const MmcResult r = mmc(8, 1, 10);
        const double C = 0.40918015079644354;
        for (double t : {0.5, 1.0, 2.0, 5.0}) {
            const double expect = (1 - C) * std::exp(-t) + C * (2 * std::exp(-t) - std::exp(-2 * t));
            QVERIFY(near(mmcResponseExceeds(r, t), expect, 1e-12));
        }
        // Quantiles are ordered and bracket the mean sensibly.
        const double p50 = mmcResponseQuantile(r, 0.5), p95 = mmcResponseQuantile(r, 0.95),
                     p99 = mmcResponseQuantile(r, 0.99);
        QVERIFY(p50 < p95 && p95 < p99);
        QVERIFY(near(mmcResponseExceeds(r, p95), 0.05, 1e-9));
        QVERIFY(p50 < r.w && p95 > r.w);
    }

    // Many servers, light load: the wait vanishes, W ~ Exp(mu), p50 = ln 2 / mu.
    void noWaitLimit() {
        const MmcResult r = mmc(1, 1, 100);
        QVERIFY(r.erlang_c < 1e-100);
        QVERIFY(near(mmcResponseQuantile(r, 0.5), std::log(2.0), 1e-9));
        QVERIFY(near(r.w, 1.0, 1e-12));
    }

    // c = 10,000 without overflow. Reference: the direct series summed with
    // 60-digit arithmetic (mpmath): C(10000, 9900) = 0.222776928864148,
    // P0 = 2.8e-4300 (below double range: 0). Halfin-Whitt, beta = (1-rho) sqrt(c) = 1,
    // gives 1 / (1 + beta Phi(beta)/phi(beta)) = 0.2234, in agreement.
    void tenThousandServers() {
        const MmcResult r = mmc(9900, 1, 10000);
        QVERIFY(!r.saturated);
        QVERIFY(near(r.erlang_c, 0.222776928864148, 1e-9));
        QVERIFY(std::isfinite(r.p0) && r.p0 >= 0 && r.p0 < 1e-300);
        QVERIFY(near(r.wq, 0.222776928864148 / 100, 1e-9));
        QVERIFY(std::isfinite(r.lq) && std::isfinite(mmcResponseQuantile(r, 0.99)));
        const MmcResult m = mmc(950, 1, 1000);   // mpmath: C = 0.0682534153771414
        QVERIFY(near(m.erlang_c, 0.0682534153771414, 1e-9));
        const MmcResult light = mmc(5000, 1, 10000);
        QVERIFY(std::isfinite(light.erlang_c) && light.erlang_c >= 0 && light.erlang_c < 1e-100);
        QVERIFY(near(light.w, 1.0, 1e-12));
    }

    // Above 64 servers Erlang C comes from Poisson probabilities (Loader's
    // saddle point and the upper-tail sum) instead of the Erlang B recursion.
    // The two methods share nothing, so they check each other; the direct
    // series in 60-digit arithmetic (mpmath) checks both, P0 included.
    void largeServerPathAgrees() {
        struct Ref {
            int c;
            double a, C, p0;
        };
        for (const Ref& ref : {Ref{100, 80, 0.019646426634359511, 1.800190734069597e-35},
                               Ref{65, 64.9, 0.98502078677973844, 1.9996638743534751e-30},
                               Ref{500, 300, 3.8354317795139477e-26, 5.1482002224120138e-131},
                               Ref{200, 199.9, 0.99132643611653507, 2.6885400391212863e-89}}) {
            const MmcResult r = mmc(ref.a, 1, ref.c);
            QVERIFY2(near(r.erlang_c, ref.C, 1e-11), qPrintable(QString("c=%1 C=%2").arg(ref.c).arg(r.erlang_c, 0, 'g', 17)));
            QVERIFY2(near(r.p0, ref.p0, 1e-10), qPrintable(QString("c=%1 p0=%2").arg(ref.c).arg(r.p0, 0, 'g', 17)));
        }
        for (int c : {65, 80, 150, 400, 1000, 3000})
            for (double rho : {0.05, 0.3, 0.7, 0.9, 0.99, 0.9999}) {
                const double a = rho * c;
                const double b = erlangB(c, a);
                const double viaB = b / (1 - rho * (1 - b));
                const MmcResult r = mmc(a, 1, c);
                QVERIFY2(near(r.erlang_c, viaB, 1e-11, 1e-300),
                         qPrintable(QString("c=%1 rho=%2: %3 vs %4").arg(c).arg(rho).arg(r.erlang_c).arg(viaB)));
            }
        // Erlang B itself: B(1, a) = a / (1 + a); B(2, 1) = 0.2 (by hand: (1/2) / (1 + 1 + 1/2)).
        QVERIFY(near(erlangB(1, 3.0), 0.75, 1e-15));
        QVERIFY(near(erlangB(2, 1.0), 0.2, 1e-15));
    }

    // The many-server (Halfin-Whitt) limit: with rho = 1 - beta / sqrt(c),
    // C -> 1 / (1 + beta Phi(beta) / phi(beta)); beta = 1 gives 0.223362,
    // beta = 2 gives 1 / (1 + 2 x 0.977250 / 0.053991) = 0.026881. At c = 1e9
    // the correction is O(1/sqrt(c)), far inside the tolerance. The analysis
    // passes c = instances x concurrency, which can be this large.
    void halfinWhittLimit() {
        const double c = 1e9;
        const MmcResult one = mmc(c - std::sqrt(c), 1, static_cast<int>(c));
        QVERIFY2(near(one.erlang_c, 0.223362, 0, 2e-4), qPrintable(QString::number(one.erlang_c, 'g', 10)));
        const MmcResult two = mmc(c - 2 * std::sqrt(c), 1, static_cast<int>(c));
        QVERIFY2(near(two.erlang_c, 0.026881, 0, 1e-4), qPrintable(QString::number(two.erlang_c, 'g', 10)));
        const MmcResult top = mmc(2.0e9 * 0.999999, 1, 2000000000);
        QVERIFY(!top.saturated && std::isfinite(top.wq) && std::isfinite(mmcResponseQuantile(top, 0.95)));
    }

    void saturation() {
        for (double lambda : {10.0, 15.0, 1e9}) {
            const MmcResult r = mmc(lambda, 2.5, 4);
            QVERIFY(r.saturated);
            QCOMPARE(r.saturation_lambda, 10.0);
            QCOMPARE(r.wq, 0.0);
            QCOMPARE(r.w, 0.0);
            QCOMPARE(r.lq, 0.0);
            QCOMPARE(mmcResponseQuantile(r, 0.95), 0.0);
        }
        const MmcResult bad = mmc(1, 0, 1);
        QVERIFY(bad.saturated);
        QCOMPARE(bad.saturation_lambda, 0.0);
        QVERIFY(mmc(-1, 1, 1).saturated);
        QVERIFY(mmc(1, 1, 0).saturated);
        QVERIFY(mmc(std::nan(""), 1, 1).saturated);
        const MmcResult idle = mmc(0, 4, 2);
        QVERIFY(!idle.saturated);
        QCOMPARE(idle.p0, 1.0);
        QCOMPARE(idle.w, 0.25);
    }

    // Property: at a fixed arrival rate, one more server never raises Wq or W,
    // and never raises any response-time quantile.
    void moreServersNeverWaitLonger() {
        for (double lambda : {0.5, 7.3, 42.0}) {
            double prevWq = INFINITY, prevW = INFINITY, prevP95 = INFINITY;
            for (int c = 1; c <= 80; ++c) {
                const MmcResult r = mmc(lambda, 1.0, c);
                if (r.saturated) continue;
                QVERIFY(r.wq <= prevWq * (1 + 1e-12));
                QVERIFY(r.w <= prevW * (1 + 1e-12));
                const double p95 = mmcResponseQuantile(r, 0.95);
                QVERIFY(p95 <= prevP95 * (1 + 1e-9));
                prevWq = r.wq;
                prevW = r.w;
                prevP95 = p95;
            }
        }
    }

    // Over 3,000 pseudo-random stations (fixed seed; c from 1 to 10,000, rho
    // up to 1 - 1e-12, mu over eight decades) every output is finite and
    // non-negative, and each percentile solves P(W > t) = 1 - q.
    void randomStationsStayFinite() {
        std::mt19937_64 gen(20261123);
        std::uniform_real_distribution<double> u(0, 1);
        for (int i = 0; i < 3000; ++i) {
            const int c = 1 + static_cast<int>(std::pow(10.0, 4 * u(gen)));
            const double rho = i % 10 == 0 ? 1 - std::pow(10.0, -12 * u(gen)) : u(gen);
            const double mu = std::pow(10.0, 8 * u(gen) - 4);
            const MmcResult r = mmc(rho * c * mu, mu, c);
            if (r.saturated) continue;
            for (double v : {r.p0, r.erlang_c, r.lq, r.l, r.wq, r.w}) QVERIFY(std::isfinite(v) && v >= 0);
            QVERIFY(r.erlang_c <= 1 && r.p0 <= 1);
            double prev = 0;
            for (double q : {0.5, 0.95, 0.99}) {
                const double t = mmcResponseQuantile(r, q);
                QVERIFY(t > prev && std::isfinite(t));
                QVERIFY2(std::abs(mmcResponseExceeds(r, t) - (1 - q)) < 1e-9,
                         qPrintable(QString("c=%1 rho=%2 q=%3").arg(c).arg(rho, 0, 'g', 17).arg(q)));
                prev = t;
            }
        }
    }

    // Little's law L = lambda W and L = Lq + a hold across loads and sizes.
    void littlesLaw() {
        for (int c : {1, 2, 7, 64, 500})
            for (double rho : {0.2, 0.7, 0.95}) {
                const double mu = 3.0, lambda = rho * c * mu;
                const MmcResult r = mmc(lambda, mu, c);
                QVERIFY(near(r.l, r.lq + lambda / mu, 1e-9));
                QVERIFY(near(r.lq, lambda * r.wq, 1e-9, 1e-15));
            }
    }
};

QTEST_GUILESS_MAIN(TestQueueing)
#include "test_queueing.moc"
