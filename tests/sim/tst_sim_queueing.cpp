// The simulator against queueing theory: M/M/1 and M/M/c stations driven
// through the engine agree with the closed forms (computed here, from the
// textbook formulas, independently of planner/) within 2 % and inside the
// simulator's own 95 % confidence interval.
#include <QtTest>

#include <cmath>

#include "planner/sim/EventQueue.h"
#include "planner/sim/LatencyHistogram.h"
#include "planner/sim/Random.h"
#include "planner/sim/Simulator.h"

using namespace sw::sim;

namespace {

struct Exact {
    double rho, p0, c, lq, l, wq, w;
};

// Erlang C by the textbook sums (c is small here, so factorials are fine).
Exact mmcExact(double lambda, double mu, int c) {
    const double a = lambda / mu, rho = a / c;
    double sum = 0, term = 1;
    for (int k = 0; k < c; ++k) {
        sum += term;
        term *= a / (k + 1);
    }
    const double last = term / (1 - rho);   // a^c / c! / (1 - rho)
    const double p0 = 1 / (sum + last);
    const double C = last * p0;
    const double lq = C * rho / (1 - rho);
    return {rho, p0, C, lq, lq + a, lq / lambda, lq / lambda + 1 / mu};
}

void near(const char* what, const Estimate& sim, double exact, double rel = 0.02) {
    const double err = std::abs(sim.mean - exact);
    const QString msg = QString("%1: simulated %2 +- %3, exact %4").arg(what).arg(sim.mean).arg(sim.ci95).arg(exact);
    QVERIFY2(err <= rel * std::abs(exact), qPrintable(msg + " (more than 2 % off)"));
    QVERIFY2(err <= sim.ci95, qPrintable(msg + " (outside the 95 % CI)"));
}

}  // namespace

class TestSimQueueing : public QObject {
    Q_OBJECT
private slots:
    void eventQueuePopsInTimeOrder() {
        EventQueue q;
        Rng rng(42);
        std::vector<double> times;
        for (int i = 0; i < 10000; ++i) {
            const double t = rng.uniform() * 100;
            times.push_back(t);
            q.push(t, makeTag(1, i & 0xffff), i);
        }
        std::sort(times.begin(), times.end());
        for (double t : times) QCOMPARE(q.pop().time, t);
        QVERIFY(q.empty());
        QCOMPARE(tagOperand(makeTag(7, 123456)), 123456u);
        QCOMPARE(tagType(makeTag(7, 123456)), 7u);
    }

    void streamsDifferPerReplicateAndRepeatPerSeed() {
        Rng a(streamSeed(1, 0)), b(streamSeed(1, 1)), c(streamSeed(1, 0));
        const double x = a.uniform();
        QVERIFY(x != b.uniform());
        QCOMPARE(c.uniform(), x);
    }

    // Quantiles of the log-bucketed histogram against the exact quantiles of a
    // known sample (1..100000 ms): within 1 %.
    void histogramQuantiles() {
        LatencyHistogram h;
        for (int i = 1; i <= 100000; ++i) h.add(i);
        for (double q : {0.5, 0.95, 0.99}) {
            const double exact = q * 100000;
            QVERIFY2(std::abs(h.quantile(q) - exact) <= 0.01 * exact, qPrintable(QString::number(h.quantile(q))));
        }
        QCOMPARE(h.mean(), 50000.5);
        // The same sample added in the opposite order gives the same quantiles.
        LatencyHistogram reversed;
        for (int i = 100000; i >= 1; --i) reversed.add(i);
        for (double q : {0.5, 0.95, 0.99}) QCOMPARE(reversed.quantile(q), h.quantile(q));
        QVERIFY(h.quantile(0.5) < h.quantile(0.95) && h.quantile(0.95) < h.quantile(0.99));
        LatencyHistogram empty;
        QCOMPARE(empty.quantile(0.99), 0.0);
    }

    void mmc_data() {
        QTest::addColumn<int>("servers");
        QTest::addColumn<double>("rho");
        for (int c : {1, 4})
            for (double rho : {0.5, 0.8, 0.9})
                QTest::newRow(qPrintable(QString("M/M/%1 rho=%2").arg(c).arg(rho))) << c << rho;
    }
    void mmc() {
        QFETCH(int, servers);
        QFETCH(double, rho);
        const double mu = 1, lambda = rho * servers * mu;
        // Heavier loads need longer runs for the same precision.
        const double customers = rho < 0.85 ? 400000 : 1500000;
        auto sim = simulateMmc(lambda, mu, servers, customers, 2024, 10);
        QVERIFY2(sim.ok(), sim.error().c_str());
        const Exact e = mmcExact(lambda, mu, servers);
        near("rho", sim->rho, e.rho);
        near("p0", sim->p0, e.p0);
        near("erlang_c", sim->erlang_c, e.c);
        near("lq", sim->lq, e.lq);
        near("l", sim->l, e.l);
        near("wq", sim->wq, e.wq);
        near("w", sim->w, e.w);
        if (servers == 1) {   // M/M/1: the response time is exponential with rate mu - lambda
            near("w_p50", sim->w_p50, std::log(2.0) / (mu - lambda));
            near("w_p95", sim->w_p95, std::log(20.0) / (mu - lambda));
        }
    }

    void refusesWhatHasNoSteadyState() {
        QVERIFY(!simulateMmc(2, 1, 2, 1e5, 1).ok());
        QVERIFY(!simulateMmc(-1, 1, 1, 1e5, 1).ok());
        QVERIFY(!simulateMmc(1, 0, 1, 1e5, 1).ok());
        QVERIFY(!simulateMmc(0.5, 1, 0, 1e5, 1).ok());
        QVERIFY(!simulateMmc(0.5, 1, 1, 10, 1).ok());
        QVERIFY(!simulateMmc(std::nan(""), 1, 1, 1e5, 1).ok());
    }

    void confidenceInterval() {
        // Mean 3, sample sd 1 (values 2,3,4), n = 3: half-width t(2) * 1/sqrt(3).
        const Estimate e = estimateOf({2, 3, 4});
        QCOMPARE(e.mean, 3.0);
        QVERIFY(std::abs(e.ci95 - 4.303 / std::sqrt(3.0)) < 1e-9);
        QCOMPARE(estimateOf({5}).ci95, 0.0);
        QCOMPARE(studentT975(1000), 1.96);
    }
};

QTEST_GUILESS_MAIN(TestSimQueueing)
#include "tst_sim_queueing.moc"
