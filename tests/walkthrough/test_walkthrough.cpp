// Walkthrough engine: trigger months worked by hand from the stage samples'
// capacities (closed form m = first month with u0 (1+g)^m x r x pf > cap x t),
// the stage order they imply, monotonicity in growth, recognition of every
// sample, users at entry, contiguity and the refusals.
#include <QtTest>

#include <cmath>

#include "model/JsonFormat.h"
#include "planner/Analysis.h"
#include "planner/walkthrough/Walkthrough.h"

using namespace sw;

namespace {

const char* const kStageFiles[] = {
    "stage-01-single-server.json", "stage-02-separate-database.json", "stage-03-load-balancer.json",
    "stage-04-replication.json",   "stage-05-caching-layer.json",     "stage-06-cdn.json",
    "stage-07-sharding.json",      "stage-08-message-queues.json",    "stage-09-microservices.json",
    "stage-10-observability.json", "stage-11-auto-scaling.json",      "stage-12-multi-region.json",
};

Design sample(int k) {
    auto p = readProjectJsonFile(std::string(SW_SAMPLES_DIR) + "/" + kStageFiles[k - 1]);
    if (!p) qFatal("%s", p.error().c_str());
    return p->variants.front();
}

// First whole month m >= 0 at which load(m) = u0 (1+g)^m x perUser exceeds `limit`.
int firstMonthAbove(double u0, double g, double perUserRps, double limit) {
    const double m = std::log(limit / (u0 * perUserRps)) / std::log1p(g);
    int month = std::max(0, static_cast<int>(std::floor(m)) + 1);
    // floor + 1 is the first whole month strictly past the crossing.
    return month;
}

const Component& comp(const Design& d, const char* id) {
    const Component* c = d.findComponent(id);
    if (!c) qFatal("no component %s", id);
    return *c;
}

WalkOptions fromStage1(double users, double g, int months) {
    WalkOptions o;
    o.users = users;
    o.monthly_growth = g;
    o.months = months;
    return o;
}

}  // namespace

class TestWalkthrough : public QObject {
    Q_OBJECT
private slots:
    void templatesAreTheSamples() {
        const auto& t = stageTemplates();
        QCOMPARE(static_cast<int>(t.size()), kStageCount);
        for (int k = 1; k <= kStageCount; ++k) {
            QCOMPARE(t[static_cast<std::size_t>(k - 1)].number, k);
            QVERIFY2(t[static_cast<std::size_t>(k - 1)].design == sample(k), kStageFiles[k - 1]);
        }
        QCOMPARE(QString::fromStdString(t[2].name), QString("Load balancer and web tier"));
    }

    void eachSampleIsRecognised() {
        for (int k = 1; k <= kStageCount; ++k) QCOMPARE(recogniseStage(sample(k)).stage, k);
    }

    void addedComesFromTheDiff() {
        const auto& t = stageTemplates();
        // Stage 3 over stage 2: one load balancer more (count them), one more service.
        auto count = [](const Design& d, ComponentKind k) {
            return std::count_if(d.components.begin(), d.components.end(), [&](const Component& c) { return c.kind == k; });
        };
        QCOMPARE(count(t[2].design, ComponentKind::LoadBalancer) - count(t[1].design, ComponentKind::LoadBalancer), 1);
        QVERIFY(std::find(t[2].added.begin(), t[2].added.end(), "+1 load balancer") != t[2].added.end());
        QVERIFY(std::find(t[2].added_ids.begin(), t[2].added_ids.end(), "alb") != t[2].added_ids.end());
        // Stage 4 adds the two replicas; stage 2 moves the database to its own machine.
        QVERIFY(std::find(t[3].added_ids.begin(), t[3].added_ids.end(), "db-replica-b") != t[3].added_ids.end());
        QVERIFY(std::find(t[3].added_ids.begin(), t[3].added_ids.end(), "db-replica-c") != t[3].added_ids.end());
        QVERIFY(std::find(t[1].added.begin(), t[1].added.end(), "tiers on their own machines 1 -> 2") != t[1].added.end());
        // Horizontal parts: the single server is fixed; stage 3's web tier scales, its database does not.
        QVERIFY(t[0].horizontal.empty());
        QVERIFY(std::find(t[2].horizontal.begin(), t[2].horizontal.end(), "web-a") != t[2].horizontal.end());
        QVERIFY(std::find(t[2].fixed.begin(), t[2].fixed.end(), "db") != t[2].fixed.end());
    }

    void singleServerTriggerByHand() {
        // 1,000 users at 20 %/month; stage 1's app server carries 50 rps, the
        // target is 70 %, so it must stay under 35 rps. Peak rps per user is
        // 100 requests/day / 86,400 s x 3 = 0.0034722. 35 / 3.4722 = 10.08,
        // ln 10.08 / ln 1.2 = 12.67: month 13.
        const Design s1 = sample(1);
        const Workload& w = s1.workload;
        const double perUser = w.requests_per_user_per_day / 86400.0 * w.peak_factor;
        const double limit = comp(s1, "app-server").params.capacity_rps * w.target_utilization;
        const int byHand = firstMonthAbove(1000, 0.2, perUser, limit);
        QCOMPARE(byHand, 13);
        auto walk = walkthrough(fromStage1(1000, 0.2, 60));
        QVERIFY2(walk.ok(), walk.error().c_str());
        QVERIFY(walk->stages.front().trigger.has_value());
        const WalkTrigger& t = *walk->stages.front().trigger;
        QCOMPARE(t.month, byHand);
        QCOMPARE(QString::fromStdString(t.metric), QString("utilization"));
        QCOMPARE(QString::fromStdString(t.subject), QString("app-server"));
        QCOMPARE(QString::fromStdString(t.direction), QString("above"));
        QVERIFY(t.value > limit / comp(s1, "app-server").params.capacity_rps);
    }

    void stageOrderByHand() {
        // Each stage's first fixed-tier limit, from the samples' capacities:
        //  stage 2: the web server (200 rps) at 70 %      -> 140 rps
        //  stage 3: the one database (5,000 rps) at 70 %  -> 3,500 rps of all requests
        //  stage 4: the primary takes the writes (20 %)   -> 3,500 writes/s = 17,500 rps
        // Stages 5 (cache) and 6 (CDN) take reads only, so the writes still
        // exceed the primary there: the walk goes 4 -> 7 (shards scale out).
        const Workload w = sample(1).workload;
        const double perUser = w.requests_per_user_per_day / 86400.0 * w.peak_factor;
        const double t = w.target_utilization;
        const Design s2 = sample(2), s3 = sample(3), s4 = sample(4);
        const int m2 = firstMonthAbove(1000, 0.2, perUser, comp(s2, "web").params.capacity_rps * t);
        const int m3 = firstMonthAbove(1000, 0.2, perUser, comp(s3, "db").params.capacity_rps * t);
        const int m4 = firstMonthAbove(1000, 0.2, perUser * (1 - w.read_fraction), comp(s4, "db-primary").params.capacity_rps * t);
        QCOMPARE(m2, 21);
        QCOMPARE(m3, 38);
        QCOMPARE(m4, 47);
        auto walk = walkthrough(fromStage1(1000, 0.2, 120));
        QVERIFY(walk.ok());
        std::vector<int> order, entries;
        for (const WalkStage& s : walk->stages) {
            order.push_back(s.stage);
            entries.push_back(s.from_month);
        }
        QCOMPARE(order, (std::vector<int>{1, 2, 3, 4, 7}));
        QCOMPARE(entries, (std::vector<int>{0, 13, m2, m3, m4}));
        QCOMPARE(walk->skipped, (std::vector<int>{5, 6}));
        QCOMPARE(QString::fromStdString(walk->stages[3].trigger->metric), QString("writes_per_primary"));
    }

    void contiguousAndUsersAtEntry() {
        const double u0 = 2500, g = 0.13;
        auto walk = walkthrough(fromStage1(u0, g, 120));
        QVERIFY(walk.ok());
        const auto& st = walk->stages;
        QCOMPARE(st.front().from_month, 0);
        QCOMPARE(st.back().to_month, 120);
        QVERIFY(!st.back().trigger.has_value());
        for (std::size_t i = 0; i < st.size(); ++i) {
            const double expected = u0 * std::pow(1 + g, st[i].from_month);
            QVERIFY(std::abs(st[i].users_at_entry - expected) <= 1e-9 * expected);
            QVERIFY(std::abs(st[i].peak_rps_at_entry - expected * 100 / 86400.0 * 3) <= 1e-9 * expected);
            if (i + 1 < st.size()) {
                QVERIFY(st[i].trigger.has_value());
                QCOMPARE(st[i].to_month, st[i + 1].from_month);
                QCOMPARE(st[i].trigger->month, st[i + 1].from_month);
                QVERIFY(st[i + 1].stage > st[i].stage);
                QVERIFY(st[i + 1].gain.has_value());
            }
        }
        QCOMPARE(static_cast<int>(walk->users_by_month.size()), 121);
    }

    void fasterGrowthFiresNoLater() {
        const double rates[] = {0.05, 0.1, 0.2, 0.35, 0.6, 1.0};
        std::vector<std::vector<int>> entry;   // per rate: month each stage is entered (-1 = never)
        for (double g : rates) {
            auto walk = walkthrough(fromStage1(1000, g, 120));
            QVERIFY(walk.ok());
            std::vector<int> e(kStageCount + 1, -1);
            for (const WalkStage& s : walk->stages) e[static_cast<std::size_t>(s.stage)] = s.from_month;
            entry.push_back(e);
        }
        for (std::size_t r = 1; r < entry.size(); ++r)
            for (int k = 2; k <= kStageCount; ++k) {
                const int slow = entry[r - 1][static_cast<std::size_t>(k)], fast = entry[r][static_cast<std::size_t>(k)];
                if (slow >= 0) QVERIFY2(fast >= 0 && fast <= slow, qPrintable(QString("stage %1 at %2/month").arg(k).arg(rates[r])));
            }
    }

    void fromTheUsersDesign() {
        // Stage 5 at its own 2M users, 20 %/month: one primary takes all the
        // writes (20 % of the peak) and all the data (0.2 MB a user).
        //  writes: 2M x 0.0034722 x 0.2 = 1,389/s against 3,500 -> month 6
        //  data:   2M x 0.2 MB = 400 GB against 1,024 GB     -> month 6
        const Design s5 = sample(5);
        const Workload& w = s5.workload;
        const double perUser = w.requests_per_user_per_day / 86400.0 * w.peak_factor;
        const int writes = firstMonthAbove(w.users, w.monthly_growth, perUser * (1 - w.read_fraction),
                                           comp(s5, "db-primary").params.capacity_rps * w.target_utilization);
        const int data = firstMonthAbove(w.users, w.monthly_growth, w.data_per_user_mb / 1000.0, 1024);
        WalkOptions o = fromStage1(w.users, w.monthly_growth, 24);
        o.design = s5;
        auto walk = walkthrough(o);
        QVERIFY(walk.ok());
        QCOMPARE(walk->current_stage, 5);
        QVERIFY(walk->stages.front().users_design);
        QCOMPARE(walk->stages.front().trigger->month, std::min(writes, data));
        QCOMPARE(walk->stages[1].stage, 7);
        // Its own sizing: the design's 17 web servers per zone are the floor.
        const Design at0 = designAtMonth(walk.value(), 0);
        QVERIFY(comp(at0, "web-a").params.instances >= 17);
    }

    void availabilityObjective() {
        // The objective is met or missed by whatever the engine computes for
        // stage 1: just above its availability fires in month 0, just below never.
        const double a1 = analyze(sample(1)).summary.availability.availability;
        WalkOptions o = fromStage1(1000, 0.2, 12);
        o.slo = std::min(a1 + (1 - a1) / 2, 0.999999);
        auto missed = walkthrough(o);
        QVERIFY(missed.ok());
        const bool firedAt0 = (missed->stages.front().trigger && missed->stages.front().trigger->month == 0 &&
                               missed->stages.front().trigger->metric == "availability") ||
                              (missed->unanswered && missed->unanswered->metric == "availability");
        QVERIFY(firedAt0);
        o.slo = a1 / 2 + 0.25;   // well below
        auto met = walkthrough(o);
        QVERIFY(met.ok());
        for (const WalkStage& s : met->stages) QVERIFY(!s.trigger || s.trigger->metric != "availability");
    }

    void teamIsAnInput() {
        WalkOptions o = fromStage1(1000, 0.2, 12);
        auto without = walkthrough(o);
        QVERIFY(without.ok());
        QCOMPARE(without->stages.front().stage, 1);
        o.team_engineers = 60;
        auto with = walkthrough(o);
        QVERIFY(with.ok());
        QCOMPARE(with->stages.front().trigger->metric, std::string("team_engineers"));
        QVERIFY(with->stages[1].stage >= 9);
        o.team_engineers = 40;
        auto small = walkthrough(o);
        QVERIFY(small.ok());
        QCOMPARE(small->stages.front().to_month, 12);
    }

    void refusals() {
        auto bad = [](double users, double g, int months) { return !walkthrough(fromStage1(users, g, months)).ok(); };
        QVERIFY(bad(0, 0.2, 12));
        QVERIFY(bad(-5, 0.2, 12));
        QVERIFY(bad(std::nan(""), 0.2, 12));
        QVERIFY(bad(1000, -0.51, 12));
        QVERIFY(bad(1000, 1.01, 12));
        QVERIFY(bad(1000, 0.2, 0));
        QVERIFY(bad(1000, 0.2, 121));
        QVERIFY(!bad(1000, -0.5, 120));
        QVERIFY(!bad(1000, 1.0, 1));
        QVERIFY(walkthrough(fromStage1(1000, 0.2, 121)).error().find("120") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestWalkthrough)
#include "test_walkthrough.moc"
