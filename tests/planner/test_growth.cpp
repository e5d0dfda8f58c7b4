// Growth: compound and logistic closed forms, a hand-worked projection with a
// tier running out of runway, and fits recovering known rates.
#include <QtTest>

#include <cmath>

#include "DesignBuilder.h"
#include "planner/Growth.h"

using namespace sw;
using swtest::DesignBuilder;

namespace {
bool near(double a, double b, double rel) { return std::abs(a - b) <= rel * std::max(1.0, std::abs(b)); }
}

class TestGrowth : public QObject {
    Q_OBJECT
private slots:
    void compound() {
        // 1.2^12 = 8.916100448256 (20 % a month for a year).
        Workload w;
        w.users = 1000;
        w.monthly_growth = 0.2;
        QVERIFY(near(usersAt(w, 12), 8916.100448256, 1e-12));
        QVERIFY(near(usersAt(w, 0), 1000, 1e-15));
        w.monthly_growth = -0.1;
        QVERIFY(near(usersAt(w, 2), 810, 1e-12));
    }

    void logistic() {
        // u = K / (1 + (K/u0 - 1) e^(-r m)), r = ln 1.2: half the ceiling when
        // e^(r m) = K/u0 - 1 = 9, i.e. m = ln 9 / ln 1.2 = 12.0513...
        Workload w;
        w.users = 100000;
        w.monthly_growth = 0.2;
        w.user_ceiling = 1e6;
        QVERIFY(near(usersAt(w, std::log(9.0) / std::log(1.2)), 500000, 1e-12));
        QVERIFY(near(usersAt(w, 0), 100000, 1e-12));
        QVERIFY(usersAt(w, 60) < 1e6 && usersAt(w, 60) > 0.999 * 1e6);
        // Early on it grows like the compound rate: u(1) = 1e6 / (1 + 9/1.2) = 117,647.06.
        QVERIFY(near(usersAt(w, 1), 1e6 / (1 + 9 / 1.2), 1e-12));
    }

    void projectionAndRunway() {
        // 86,400 users x 100 / 86,400 x 3 = 300 rps peak, all writes, to one
        // db.m5.large primary of 500 rps. Its family tops out at db.m5.4xlarge
        // (16 vCPU vs 2): ceiling 1 x 500 x 8 x 0.7 = 2,800 rps. 300 x 1.2^m > 2,800
        // from m = ln(9.33) / ln(1.2) = 12.25, so month 13.
        DesignBuilder b;
        b.workload(86400, 100, 0.0, 3).region("r", 0, 0);
        b.design().workload.monthly_growth = 0.2;
        b.users("u", 1);
        auto& web = b.add("web", ComponentKind::Service, "r");
        web.params.instances = 2;
        web.params.capacity_rps = 100;
        web.instance_type = "m5.large";
        auto& db = b.add("db", ComponentKind::Database, "r");
        db.instance_type = "db.m5.large";
        db.params.capacity_rps = 500;
        b.call("u", "web");
        b.call("web", "db");
        auto p = project(b.design(), 24);
        QVERIFY(p.ok());
        QCOMPARE(p->months.size(), std::size_t{25});
        QCOMPARE(p->model, std::string("compound"));
        const auto& m12 = p->months[12];
        QVERIFY(near(m12.users, 86400 * 8.916100448256, 1e-12));
        QVERIFY(near(m12.peak_rps, 300 * 8.916100448256, 1e-9));
        // web needs ceil(2,674.83 / (100 x 0.7)) = ceil(38.21) = 39 instances at month 12;
        // month 0: ceil(300 / 70) = 5 (more than the 2 designed).
        QCOMPARE(p->months[0].instances[0], 5.0);
        QCOMPARE(m12.instances[0], 39.0);
        // Cost never falls while users grow.
        for (std::size_t i = 1; i < p->months.size(); ++i)
            QVERIFY(p->months[i].cost_per_month_usd >= p->months[i - 1].cost_per_month_usd);
        const TierRunway& dbRun = p->runway[1];
        QCOMPARE(dbRun.id, std::string("db"));
        QVERIFY(near(dbRun.limit_rps, 2800, 1e-12));
        QCOMPARE(dbRun.runout_month, 13);
        QVERIFY(!p->findings.empty());
    }

    void seedShardWritesAreNoCeiling() {
        // A primary on the largest size already, rated by its architect at
        // 100,000 operations/s: the seed's "10K writes/sec" per shard is not a
        // ceiling (the seed gives the same box 2K-5K as a master), so the
        // hardware's stands: 2 shards x 100,000 x 0.7 = 140,000 rps, which the
        // 30,000 writes/s (100 users x 86,400 x 100 / 86,400 x 3) stay under
        // until 30,000 x 1.2^m > 140,000, m > ln(4.667) / ln(1.2) = 8.45: month 9.
        DesignBuilder b;
        b.workload(86400 * 100, 100, 0.0, 3).region("r", 0, 0);   // 30,000 writes/s
        b.design().workload.monthly_growth = 0.2;
        b.users("u", 1);
        auto& db = b.add("db", ComponentKind::Database, "r");
        db.instance_type = "db.r6g.16xlarge";
        db.params.capacity_rps = 100000;
        db.params.shards = 2;
        b.call("u", "db");
        auto p = project(b.design(), 12);
        QVERIFY(p.ok());
        QCOMPARE(p->runway[0].limit_rps, 140000.0);
        QCOMPARE(p->runway[0].runout_month, 9);
    }

    void runwayIsAFindingOfTheAnalysis() {
        // The projectionAndRunway design: db runs out in month 13 (2,800 rps
        // ceiling); web, at 2 x m5.large (2 vCPU) growing to m5.24xlarge
        // (96 vCPU): 2 x 100 x 48 x 0.7 = 6,720 rps; 300 x 1.2^m > 6,720 from
        // m = ln(22.4) / ln(1.2) = 17.05, so month 18. Both within 24 months:
        // analyze() lists both warnings, with the projection's wording.
        DesignBuilder b;
        b.workload(86400, 100, 0.0, 3).region("r", 0, 0);
        b.design().workload.monthly_growth = 0.2;
        b.users("u", 1);
        auto& web = b.add("web", ComponentKind::Service, "r");
        web.params.instances = 2;
        web.params.capacity_rps = 100;
        web.instance_type = "m5.large";
        auto& db = b.add("db", ComponentKind::Database, "r");
        db.instance_type = "db.m5.large";
        db.params.capacity_rps = 500;
        b.call("u", "web");
        b.call("web", "db");
        const Analysis a = analyze(b.design());
        std::vector<const Finding*> runway;
        for (const Finding& f : a.findings)
            if (f.code == "runway") runway.push_back(&f);
        QCOMPARE(runway.size(), std::size_t{2});
        QCOMPARE(runway[0]->subject, std::string("web"));
        QCOMPARE(runway[0]->severity, Severity::Warning);
        QVERIFY2(runway[0]->message.find("month 18") != std::string::npos, runway[0]->message.c_str());
        QCOMPARE(runway[1]->subject, std::string("db"));
        QVERIFY2(runway[1]->message.find("month 13") != std::string::npos, runway[1]->message.c_str());
        auto p = project(b.design(), 24);
        QVERIFY(p.ok());
        QCOMPARE(p->findings.size(), std::size_t{2});
        QCOMPARE(p->findings[0].message, runway[0]->message);
        QCOMPARE(p->findings[1].message, runway[1]->message);
        // The one list validate prints is the analysis' list.
        const std::vector<Finding> all = designFindings(b.design());
        QCOMPARE(all.size(), a.findings.size());
        for (std::size_t i = 0; i < all.size(); ++i) QCOMPARE(all[i].message, a.findings[i].message);
        // Beyond the horizon: 12 months see neither.
        AnalyzeOptions near12;
        near12.runway_months = 12;
        for (const Finding& f : analyze(b.design(), near12).findings) QVERIFY(f.code != "runway");
    }

    void loadAndDataLimitsAreSeparate() {
        // A primary of 1 shard holding 900 GB today at 20 % a month: past
        // 1,024 GB when 1.2^m > 1.1378, month 1. Its load (300 rps of a
        // 2,800 rps ceiling) runs out in month 13: two limits, two findings.
        DesignBuilder b;
        b.workload(86400, 100, 0.0, 3).region("r", 0, 0);
        b.design().workload.monthly_growth = 0.2;
        b.users("u", 1);
        auto& db = b.add("db", ComponentKind::Database, "r");
        db.instance_type = "db.m5.large";
        db.params.capacity_rps = 500;
        db.params.storage_gb = 900;
        b.call("u", "db");
        auto p = project(b.design(), 24);
        QVERIFY(p.ok());
        const TierRunway& r = p->runway[0];
        QCOMPARE(r.load_runout_month, 13);
        QCOMPARE(r.storage_runout_month, 1);
        QCOMPARE(r.runout_month, 1);
        QCOMPARE(r.limit_storage_gb, kSeedShardStorageGb);
        QVERIFY(near(r.limit_rps, 2800, 1e-12));   // the rps ceiling is not replaced by the data limit
        QCOMPARE(p->findings.size(), std::size_t{2});
        QCOMPARE(p->findings[0].code, std::string("runway"));
        QCOMPARE(p->findings[1].code, std::string("runway_storage"));
        QVERIFY(p->findings[1].message.find("GB") != std::string::npos);
        QVERIFY(p->findings[1].message.find("rps") == std::string::npos);
    }

    void monthsOutOfRange() {
        DesignBuilder b;
        b.users("u", 1);
        QVERIFY(!project(b.design(), 0).ok());
        QVERIFY(!project(b.design(), 61).ok());
        QVERIFY(project(b.design(), 60).ok());
        QVERIFY(QString::fromStdString(project(b.design(), 0).error()).contains("between 1 and 60"));
    }

    void exponentialFitRecoversTheRate() {
        std::vector<std::pair<double, double>> h;
        for (int m = 0; m < 12; ++m) h.emplace_back(m, 1000 * std::pow(1.15, m));
        auto f = fitExponential(h);
        QVERIFY(f.ok());
        QVERIFY(near(f->monthly_growth, 0.15, 1e-10));
        QVERIFY(near(f->u0, 1000, 1e-10));
        // +-2 % alternating noise still gives the rate to within half a point.
        for (std::size_t i = 0; i < h.size(); ++i) h[i].second *= i % 2 ? 1.02 : 0.98;
        auto g = fitExponential(h);
        QVERIFY(g.ok());
        QVERIFY(std::abs(g->monthly_growth - 0.15) < 0.005);
    }

    void logisticFitRecoversTheCeiling() {
        // K = 50,000, u0 = 1,000, r = ln 1.3: samples every month for 30 months.
        const double K = 50000, b = K / 1000 - 1, r = std::log(1.3);
        std::vector<std::pair<double, double>> h;
        for (int m = 0; m <= 30; ++m) h.emplace_back(m, K / (1 + b * std::exp(-r * m)));
        auto f = fitLogistic(h);
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().c_str());
        QVERIFY(near(f->ceiling, K, 1e-6));
        QVERIFY(near(f->u0, 1000, 1e-6));
        QVERIFY(near(f->monthly_growth, 0.3, 1e-6));
    }

    void historyText() {
        auto h = parseHistory("month,users\n0,1000\r\n\n1, 1150\n2,1322.5\n");
        QVERIFY(h.ok());
        QCOMPARE(h->size(), std::size_t{3});
        QCOMPARE(h.value()[1].second, 1150.0);
        QVERIFY(!parseHistory("").ok());
        QVERIFY(!parseHistory("0,1\n1;2\n").ok());
        auto bad = parseHistory("0,1\n1,abc\n");
        QVERIFY(!bad.ok());
        QVERIFY(QString::fromStdString(bad.error()).contains("line 2"));
        QVERIFY(!parseHistory("0,1\n1,inf\n").ok());
    }

    // Found by fuzz_history_csv: users of 1e170 passed, and the fits reported
    // an infinite error (their squared residuals overflow a double).
    void historiesBeyondTheLimitsAreRefused() {
        const std::vector<std::pair<double, double>> huge{{0, 100}, {1, 180}, {2, 320}, {3, 540}, {7, 1150}, {8, 1e170}};
        for (const auto& fit : {fitExponential(huge), fitLogistic(huge)}) {
            QVERIFY(!fit.ok());
            QCOMPARE(QString::fromStdString(fit.error()),
                     QStringLiteral("history point 6 has more users than the limit of 1e11"));
        }
        auto late = fitExponential({{0, 100}, {1e300, 200}});
        QVERIFY(!late.ok());
        QCOMPARE(QString::fromStdString(late.error()), QStringLiteral("history point 2 has a month outside [-1200, 1200]"));
        QVERIFY(fitExponential({{0, 100}, {1200, 1e11}}).ok());   // the limits themselves are fine
    }

    void badHistories() {
        QVERIFY(!fitExponential({{0, 100}}).ok());
        QVERIFY(!fitExponential({{0, 100}, {1, -5}}).ok());
        QVERIFY(!fitExponential({{3, 100}, {3, 120}}).ok());
        QVERIFY(!fitExponential({{0, 100}, {1, std::nan("")}}).ok());
        QVERIFY(!fitLogistic({{0, 100}, {1, 120}, {2, 140}}).ok());
    }
};

QTEST_GUILESS_MAIN(TestGrowth)
#include "test_growth.moc"
