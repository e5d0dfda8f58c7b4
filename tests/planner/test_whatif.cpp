// What-if engine: deltas against two independent analyze() runs, an exact
// diff of a constructed pair, a variant against itself, the signs of the
// sensitivity, and a crossover month worked out by hand.
#include <QtTest>

#include <cmath>

#include "DesignBuilder.h"
#include "model/Catalogue.h"
#include "model/ProjectIO.h"
#include "planner/Growth.h"
#include "planner/whatif/WhatIf.h"

using namespace sw;
using namespace sw::whatif;
using swtest::DesignBuilder;

namespace {

bool near(double a, double b, double rel = 1e-12) {
    if (std::isinf(a) || std::isinf(b)) return a == b;
    return std::abs(a - b) <= rel * std::max(1.0, std::abs(b));
}

Design sample(const char* name) {
    auto p = loadProject(std::string(SW_SAMPLES_DIR) + "/" + name);
    if (!p) qFatal("%s", p.error().c_str());
    return p.value().variants.front();
}

std::size_t figureIndex(const Comparison& c, const std::string& key) {
    for (std::size_t i = 0; i < c.figures.size(); ++i)
        if (c.figures[i].key == key) return i;
    qFatal("no figure %s", key.c_str());
}

// web (3 x m5.large) behind an lb, writing to db; users in one region.
Design smallDesign() {
    DesignBuilder b;
    b.workload(100000, 100, 0.8, 3).region("r", 0, 0).zone("z", "r");
    b.users("u", 1);
    auto& lb = b.add("lb", ComponentKind::LoadBalancer, "r");
    lb.params.capacity_rps = 10000;
    auto& web = b.add("web", ComponentKind::Service, "r", "z");
    web.instance_type = "m5.large";
    web.params.instances = 3;
    web.params.capacity_rps = 200;
    web.params.availability = 0.99;
    auto& db = b.add("db", ComponentKind::Database, "r");
    db.instance_type = "db.m5.large";
    db.params.capacity_rps = 1000;
    db.params.storage_gb = 100;
    db.params.availability = 0.999;
    b.call("u", "lb");
    b.call("lb", "web");
    b.call("web", "db", 0.5);
    b.design().name = "A";
    return b.design();
}

// The crossover pair: 100 rps at peak (86,400 users x 100 requests a day,
// peak factor 1) growing 20 % a month, on m5.large instances of 100 rps at a
// 50 % target. "Reserved" holds 10 reserved instances from the start;
// "OnDemand" starts at 2 on-demand instances and grows with the load.
Design crossoverDesign(const std::string& name, double instances, Pricing pricing) {
    DesignBuilder b;
    b.workload(86400, 100, 0.8, 1).region("r", 0, 0);
    b.design().workload.monthly_growth = 0.2;
    b.design().workload.target_utilization = 0.5;
    b.users("u", 1);
    auto& svc = b.add("svc", ComponentKind::Service, "r");
    svc.instance_type = "m5.large";
    svc.pricing = pricing;
    svc.params.instances = instances;
    svc.params.capacity_rps = 100;
    svc.params.service_time_ms = 10;
    b.call("u", "svc");
    b.design().name = name;
    return b.design();
}

}  // namespace

class TestWhatIf : public QObject {
    Q_OBJECT
private slots:
    void deltasEqualTwoIndependentAnalyses() {
        Project p;
        Design a = sample("stage-05-caching-layer.json");
        a.name = "With cache";
        Design b = a;
        b.name = "More web";
        for (Component& c : b.components)
            if (c.kind == ComponentKind::Service) c.params.instances += 5;
        b.workload.users *= 1.5;
        p.variants = {a, b};
        auto cmp = compare(p, {}, "With cache");
        QVERIFY2(cmp.ok(), cmp.error().c_str());
        QCOMPARE(cmp->base, std::string("With cache"));
        QCOMPARE(cmp->variants.size(), std::size_t{2});
        const Analysis ra = analyze(a), rb = analyze(b);
        const VariantDelta& d = cmp->deltas[1];
        auto check = [&](const std::string& key, double va, double vb) {
            const Delta& x = d.figures[figureIndex(cmp.value(), key)];
            QVERIFY2(near(x.base, va) && near(x.value, vb) && near(x.delta, vb - va), key.c_str());
        };
        check("cost_per_month_usd", ra.summary.cost_per_month_usd, rb.summary.cost_per_month_usd);
        check("compute_usd", ra.cost.compute, rb.cost.compute);
        check("egress_usd", ra.cost.egress, rb.cost.egress);
        check("availability", ra.summary.availability.availability, rb.summary.availability.availability);
        check("nines", ra.summary.availability.nines, rb.summary.availability.nines);
        check("downtime_min_per_year", ra.summary.availability.downtime_min_per_year,
              rb.summary.availability.downtime_min_per_year);
        check("p95_ms_user_weighted", ra.summary.p95_ms, rb.summary.p95_ms);
        check("p95_ms.users", ra.geographies.at(0).p95_ms, rb.geographies.at(0).p95_ms);
        check("bottleneck_headroom", ra.summary.headroom, rb.summary.headroom);
        QCOMPARE(cmp->variants[1].bottleneck, rb.summary.bottleneck);
        // More users at the same price: the cost delta is positive and called worse.
        QVERIFY(d.figures[figureIndex(cmp.value(), "cost_per_month_usd")].delta > 0);
        QCOMPARE(d.figures[figureIndex(cmp.value(), "cost_per_month_usd")].verdict, -1);
        // Runway month: the first tier's runout of an independent projection.
        auto pb = project(b, kHorizonMonths);
        QVERIFY(pb.ok());
        QCOMPARE(cmp->variants[1].runway_month, runwayMonth(pb->runway));
        // The diff names what was changed and nothing else.
        QCOMPARE(d.diff.workload_changed.size(), std::size_t{1});
        QCOMPARE(d.diff.workload_changed[0].field, std::string("users"));
        QCOMPARE(d.diff.changedComponentIds(), (std::vector<std::string>{"web-a", "web-b", "web-c"}));
    }

    void diffOfAConstructedPairIsExact() {
        const Design a = smallDesign();
        Design b = a;
        b.name = "B";
        b.findComponent("web")->params.instances = 5;
        b.findComponent("web")->instance_type = "m5.xlarge";
        b.findComponent("web")->x += 300;   // layout only: not a change
        b.components.erase(b.components.begin() + b.componentIndex("db"));
        Component cache;
        cache.id = "cache";
        cache.kind = ComponentKind::Cache;
        cache.region = "r";
        b.components.push_back(cache);
        b.links.erase(b.links.begin() + 2);   // web->db
        Link l;
        l.id = "web->cache";
        l.from = "web";
        l.to = "cache";
        b.links.push_back(l);
        for (Link& x : b.links)
            if (x.id == "lb->web") x.params.fraction = 0.5;
        b.workload.peak_factor = 4;
        b.zones[0].params.availability = 0.999;

        const DesignDiff d = diff(a, b);
        QCOMPARE(d.components_added, std::vector<std::string>{"cache"});
        QCOMPARE(d.components_removed, std::vector<std::string>{"db"});
        QCOMPARE(d.components_changed.size(), std::size_t{2});
        QCOMPARE(d.components_changed[0].id, std::string("web"));
        QCOMPARE(d.components_changed[0].field, std::string("instance_type"));
        QCOMPARE(d.components_changed[0].old_text, std::string("m5.large"));
        QCOMPARE(d.components_changed[0].new_text, std::string("m5.xlarge"));
        QCOMPARE(d.components_changed[1].field, std::string("instances"));
        QVERIFY(d.components_changed[1].numeric);
        QCOMPARE(d.components_changed[1].old_number, 3.0);
        QCOMPARE(d.components_changed[1].new_number, 5.0);
        QCOMPARE(d.links_added, std::vector<std::string>{"web->cache"});
        QCOMPARE(d.links_removed, std::vector<std::string>{"web->db"});
        QCOMPARE(d.links_changed.size(), std::size_t{1});
        QCOMPARE(d.links_changed[0].id, std::string("lb->web"));
        QCOMPARE(d.links_changed[0].field, std::string("fraction"));
        QCOMPARE(d.links_changed[0].old_number, 1.0);
        QCOMPARE(d.links_changed[0].new_number, 0.5);
        QCOMPARE(d.workload_changed.size(), std::size_t{1});
        QCOMPARE(d.workload_changed[0].field, std::string("peak_factor"));
        QCOMPARE(d.workload_changed[0].old_number, 3.0);
        QCOMPARE(d.workload_changed[0].new_number, 4.0);
        QCOMPARE(d.zones_changed.size(), std::size_t{1});
        QCOMPARE(d.zones_changed[0].field, std::string("availability"));
        QVERIFY(d.regions_changed.empty() && d.regions_added.empty() && d.zones_added.empty());
        // Every numeric field of the model is compared: change each in turn.
        for (const auto& f : componentFields()) {
            if (!f.appliesTo(ComponentKind::Service)) continue;
            Design c = a;
            ComponentParams& p = c.findComponent("web")->params;
            f.set(p, f.get(p) == f.max ? f.min : std::min(f.max, f.get(p) + 1));
            const DesignDiff dc = diff(a, c);
            QCOMPARE(dc.components_changed.size(), std::size_t{1});
            QCOMPARE(dc.components_changed[0].field, std::string(f.key));
            QCOMPARE(dc.components_changed[0].unit, std::string(f.unit));
        }
    }

    void variantAgainstItselfIsEmpty() {
        Project p;
        Design a = sample("planet-scale-3-region.json");
        Design copy = a;
        copy.name = "Copy";
        p.variants = {a, copy};
        QVERIFY(diff(a, a).empty());
        for (const std::vector<std::string>& names : {std::vector<std::string>{a.name}, std::vector<std::string>{a.name, "Copy"}}) {
            auto cmp = compare(p, names, a.name);
            QVERIFY2(cmp.ok(), cmp.error().c_str());
            for (const VariantDelta& d : cmp->deltas) {
                QVERIFY(d.diff.empty());
                for (const Delta& x : d.figures) {
                    QCOMPARE(x.delta, 0.0);
                    QCOMPARE(x.verdict, 0);
                }
                QVERIFY(!d.crossover);
            }
        }
    }

    void unknownOrRepeatedVariantsAreRefused() {
        Project p;
        p.variants = {smallDesign()};
        auto bad = compare(p, {"A", "nope"});
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().find("no variant 'nope'") != std::string::npos);
        QVERIFY(!compare(p, {"A", "A"}).ok());
        QVERIFY(!compare(p, {}, "nope").ok());
    }

    void deltaVerdicts() {
        const FigureSpec cost{"c", "", "", Better::Lower}, nines{"n", "", "", Better::Higher};
        QCOMPARE(deltaOf(cost, 100, 90).verdict, 1);
        QCOMPARE(deltaOf(cost, 100, 110).verdict, -1);
        QCOMPARE(deltaOf(nines, 3, 4).verdict, 1);
        QCOMPARE(deltaOf(nines, 3, 3).delta, 0.0);
        const double inf = std::numeric_limits<double>::infinity(), nan = std::nan("");
        QCOMPARE(deltaOf(nines, inf, inf).delta, 0.0);   // "no runout" on both sides
        QCOMPARE(deltaOf(cost, nan, nan).delta, 0.0);
        QCOMPARE(deltaOf(cost, nan, 1).verdict, 0);
        QCOMPARE(deltaOf(cost, 10, inf).verdict, -1);    // a saturated p95 is worse
        // Stage 5 with and without its cache: the same availability to a part
        // per million of its unavailability, so availability, nines and
        // downtime all say "the same" (not one "same" and two "better").
        const FigureSpec avail{"availability", "", "", Better::Higher}, down{"d", "", "", Better::Lower};
        QCOMPARE(deltaOf(avail, 0.9998998337124426, 0.9998998337778242).verdict, 0);
        QCOMPARE(deltaOf(nines, 3.9992784220952107, 3.999278705572549).verdict, 0);
        QCOMPARE(deltaOf(down, 52.68346060367929, 52.68342621557872).verdict, 0);
        // ... while one more nine's worth at 99.99 % is better, though tiny in absolute terms.
        QCOMPARE(deltaOf(avail, 0.9999, 0.99991).verdict, 1);
        QCOMPARE(deltaOf(avail, 0.999999, 0.9999989).verdict, -1);
    }

    void sensitivitySigns() {
        const Design d = sample("planet-scale-3-region.json");
        auto s = sensitivity(d, 0.1, 2);
        QVERIFY2(s.ok(), s.error().c_str());
        // The base row is the live analysis's.
        const Analysis live = analyzeLive(d);
        QVERIFY(near(s->base.cost_per_month_usd, live.summary.cost_per_month_usd));
        QVERIFY(near(s->base.availability, live.summary.availability.availability));
        QVERIFY(near(s->base.p95_ms, live.summary.p95_ms));
        int instanceRows = 0;
        bool users = false, growth = false, egress = false, cdn = false, instancePrice = false;
        for (const SensitivityRow& r : s->rows) {
            QVERIFY(r.low_value <= r.base_value && r.base_value <= r.high_value);
            if (r.input == "workload.users") {
                users = true;
                QVERIFY(r.high.cost_per_month_usd > r.low.cost_per_month_usd);   // more users, more cost
                QVERIFY(near(r.low_value, 0.9 * r.base_value) && near(r.high_value, 1.1 * r.base_value));
            }
            if (r.input == "workload.monthly_growth") {
                growth = true;
                QVERIFY(r.high.runway_month <= r.low.runway_month);   // faster growth, runway no later
            }
            if (r.input.size() > 10 && r.input.rfind(".instances") == r.input.size() - 10) {
                ++instanceRows;
                // More instances, availability not lower (to the round-off of the
                // inclusion-exclusion sum, as in the monotonicity check: 1e-12).
                QVERIFY2(r.high.availability >= r.low.availability - 1e-12, r.input.c_str());
                QVERIFY(r.high.cost_per_month_usd >= r.low.cost_per_month_usd);
                QCOMPARE(r.high_value, std::ceil(r.base_value * 1.1 - 1e-9) > r.base_value ? std::ceil(r.base_value * 1.1 - 1e-9)
                                                                                       : r.base_value + 1);
            }
            // Every byte leaves through the CDNs here (0 GB of origin egress): the price moves nothing.
            if (r.input == "price.egress")
                egress = live.cost.egress > 0 ? r.high.cost_per_month_usd > r.low.cost_per_month_usd
                                              : r.high.cost_per_month_usd == r.low.cost_per_month_usd;
            if (r.input == "price.cdn") cdn = r.high.cost_per_month_usd > r.low.cost_per_month_usd;
            if (r.input == "price.instance") {
                instancePrice = r.high.cost_per_month_usd > r.low.cost_per_month_usd;
                QCOMPARE(r.high.availability, r.low.availability);   // prices move no nines
            }
        }
        QVERIFY(users);
        QVERIFY(growth);
        QVERIFY(egress);
        QVERIFY(cdn);
        QVERIFY(instancePrice);
        QVERIFY(instanceRows > 20);
        for (std::size_t i = 1; i < s->rows.size(); ++i) QVERIFY(s->rows[i - 1].effect >= s->rows[i].effect);
        // Deterministic whatever the thread count.
        auto one = sensitivity(d, 0.1, 1);
        QCOMPARE(one->rows.size(), s->rows.size());
        for (std::size_t i = 0; i < s->rows.size(); ++i) {
            QCOMPARE(one->rows[i].input, s->rows[i].input);
            QCOMPARE(one->rows[i].high.cost_per_month_usd, s->rows[i].high.cost_per_month_usd);
            QCOMPARE(one->rows[i].low.p95_ms, s->rows[i].low.p95_ms);
        }
        // rankedBy(cost) puts the largest cost swing first.
        const auto order = rankedBy(s.value(), Outcome::Cost);
        const auto& top = s->rows[order.front()];
        for (const SensitivityRow& r : s->rows)
            QVERIFY(std::abs(r.high.cost_per_month_usd - r.low.cost_per_month_usd) <=
                    std::abs(top.high.cost_per_month_usd - top.low.cost_per_month_usd));
    }

    void sensitivityRefusesBadInput() {
        QVERIFY(!sensitivity(smallDesign(), 0).ok());
        QVERIFY(!sensitivity(smallDesign(), 1.5).ok());
        QVERIFY(!sensitivity(smallDesign(), std::nan("")).ok());
        Design broken = smallDesign();
        Link dangling;
        dangling.id = "x";
        dangling.from = "web";
        dangling.to = "nowhere";
        broken.links.push_back(dangling);
        auto s = sensitivity(broken);
        QVERIFY(!s.ok());
        QVERIFY(s.error().find("invalid") != std::string::npos);
    }

    void crossoverMonthByHand() {
        const Design reserved = crossoverDesign("Reserved", 10, Pricing::Reserved);
        const Design onDemand = crossoverDesign("OnDemand", 2, Pricing::OnDemand);
        // By hand: peak 100 x 1.2^m rps needs n(m) = ceil(100 x 1.2^m / 50)
        // instances; Reserved pays r x max(10, n) instance-months, OnDemand
        // max(2, n) at the on-demand price (everything else is the same in both).
        const double r = defaultCatalogue().prices.reserved_factor;
        int expected = -1;
        for (int m = 0; m <= kHorizonMonths && expected < 0; ++m) {
            const double n = std::ceil(100 * std::pow(1.2, m) / 50 - 1e-9);
            const double costReserved = r * std::max(10.0, n), costOnDemand = std::max(2.0, n);
            if (m == 0) QVERIFY(costOnDemand < costReserved);
            else if (costOnDemand >= costReserved) expected = m;
        }
        QCOMPARE(expected, 7);   // with the catalogue's 0.625: n(6) = 6 < 6.25, n(7) = 8
        const auto c = crossover(onDemand, reserved);
        QVERIFY(c.has_value());
        QCOMPARE(c->metric, std::string("cost_per_month_usd"));
        QCOMPARE(c->month, expected);
        QVERIFY(near(c->users, 86400 * std::pow(1.2, expected), 1e-9));
        QCOMPARE(c->cheaper_before, std::string("OnDemand"));
        QCOMPARE(c->cheaper_after, std::string("Reserved"));
        // Through compare(): the same crossover on the delta of the pair.
        Project p;
        p.variants = {onDemand, reserved};
        auto cmp = compare(p);
        QVERIFY(cmp.ok());
        QVERIFY(cmp->deltas[1].crossover.has_value());
        QCOMPARE(cmp->deltas[1].crossover->month, expected);
        QVERIFY(!crossover(onDemand, onDemand).has_value());
    }
};

QTEST_GUILESS_MAIN(TestWhatIf)
#include "test_whatif.moc"
