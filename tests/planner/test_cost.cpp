// Cost: the seed's CDN example, the published tiers for the same traffic,
// hand-priced designs, and the property that a cheaper price never costs more.
#include <QtTest>

#include <cmath>

#include "DesignBuilder.h"
#include "model/Catalogue.h"
#include "planner/Analysis.h"
#include "planner/Cost.h"

using namespace sw;
using swtest::DesignBuilder;
using swtest::resultOf;

namespace {
bool near(double a, double b, double tol = 1e-6) { return std::abs(a - b) <= tol * std::max(1.0, std::abs(b)); }
}

class TestCost : public QObject {
    Q_OBJECT
private slots:
    void seedCdnExampleFlatRate() {
        // Seed 004, stage 6: 10 TB/month counted as 10,000 GB, 90 % hit.
        // Without CDN: 10,000 x 0.09 = 900. With: CDN 10,000 x 0.085 = 850
        // plus origin fetches 1,000 x 0.09 = 90 -> 940.
        const CdnComparison c = cdnFlatRate(10000, 0.9, 0.085, 0.09, true);
        QVERIFY(near(c.without_cdn_usd, 900));
        QVERIFY(near(c.cdn_usd, 850));
        QVERIFY(near(c.origin_usd, 90));
        QVERIFY(near(c.with_cdn_usd, 940));
        // The seed's "at scale (100 TB): $5K with CDN vs $9K without" does not
        // follow from its own rates: 100,000 x 0.085 + 10,000 x 0.09 = 9,400.
        const CdnComparison big = cdnFlatRate(100000, 0.9, 0.085, 0.09, true);
        QVERIFY(near(big.with_cdn_usd, 9400));
        QVERIFY(near(big.without_cdn_usd, 9000));
        // Origin in the CDN's own cloud: fetches are free.
        QVERIFY(near(cdnFlatRate(10000, 0.9, 0.085, 0.09, false).with_cdn_usd, 850));
    }

    void seedCdnExamplePublishedTiers() {
        // Same traffic at the catalogue's published prices: 10 TB = 10,240 GB.
        // Internet egress: 100 GB free, then 0.09 up to 10 TB: (10,240 - 100) x 0.09 = 912.60.
        // CDN: 1,024 GB free, then 0.085: (10,240 - 1,024) x 0.085 = 783.36.
        // Origin fetches (external origin): 1,024 GB, (1,024 - 100) x 0.09 = 83.16.
        const PriceTable& p = defaultCatalogue().prices;
        const CdnComparison c = cdnTiered(p, 10240, 0.9, true);
        QVERIFY(near(c.without_cdn_usd, 912.60));
        QVERIFY(near(c.cdn_usd, 783.36));
        QVERIFY(near(c.origin_usd, 83.16));
        QVERIFY(near(c.with_cdn_usd, 866.52));
    }

    void tiersAcrossBoundaries() {
        // 60,000 GB of egress: 100 free; 10,240 at 0.09 = 921.60; 40,960 at 0.085 = 3,481.60;
        // the remaining 60,000 - 100 - 51,200 = 8,700 at 0.07 = 609.00 -> 5,012.20.
        const PriceTable& p = defaultCatalogue().prices;
        QVERIFY(near(tieredCostUsd(p.internet_egress, 60000), 5012.20));
        QCOMPARE(tieredCostUsd(p.internet_egress, 50), 0.0);
        QCOMPARE(tieredCostUsd(p.internet_egress, 0), 0.0);
    }

    void handPricedDesign() {
        // 3 x m5.large on demand: 0.096 x 730 x 3 = 210.24.
        // 1 x db.m5.large reserved: 0.178 x 730 x 0.625 = 81.2125, + 100 GB x 0.115 = 11.50.
        // Managed fee on the load balancer: 25.
        DesignBuilder b;
        b.workload(1000, 100, 0.8, 3).region("r", 0, 0);
        b.users("u", 1);
        auto& lb = b.add("lb", ComponentKind::LoadBalancer, "r");
        lb.params.capacity_rps = 1e5;
        lb.params.extra_monthly_usd = 25;
        auto& web = b.add("web", ComponentKind::Service, "r");
        web.instance_type = "m5.large";
        web.params.instances = 3;
        auto& db = b.add("db", ComponentKind::Database, "r");
        db.instance_type = "db.m5.large";
        db.pricing = Pricing::Reserved;
        db.params.storage_gb = 100;
        b.call("u", "lb");
        b.call("lb", "web");
        b.call("web", "db");
        const Analysis a = analyze(b.design());
        QVERIFY(near(a.cost.compute, 210.24 + 81.2125));
        QVERIFY(near(a.cost.storage, 11.5));
        QVERIFY(near(a.cost.managed, 25));
        // Egress: 1,000 x 100 / 86,400 x 2,629,800 = 3,043,750 requests x 20,000 B
        // = 56.69 GiB, under the 100 GB free allowance.
        QVERIFY(near(a.cost.egress_gb_per_month, 3043750.0 * 20000 / 1073741824.0));
        QCOMPARE(a.cost.egress, 0.0);
        QVERIFY(near(a.cost.total, 210.24 + 81.2125 + 11.5 + 25));
        QVERIFY(near(resultOf(a, "web").cost_per_month_usd, 210.24));
        QVERIFY(near(resultOf(a, "db").cost_per_month_usd, 81.2125 + 11.5));
        QVERIFY(near(a.cost.per_user, a.cost.total / 1000));
        QVERIFY(near(a.cost.per_million_requests, a.cost.total / 3.04375));
        QCOMPARE(a.cost.by_region.size(), std::size_t{1});
        QVERIFY(near(a.cost.by_region[0].second, a.cost.total));
    }

    void egressAndCrossRegion() {
        // 1,000,000 users -> 3,043,750,000 requests/month x 20,000 B = 56,693.3 GiB egress:
        // (56,693.3 - 100) = 56,593.3 billable: 10,240 x 0.09 + 40,960 x 0.085 + 5,393.3 x 0.07.
        DesignBuilder b;
        b.workload(1e6, 100, 0.8, 3).region("a", 0, 0).region("b", 10, 10);
        b.users("u", 1);
        b.add("web", ComponentKind::Service, "a").params.capacity_rps = 1e6;
        b.add("db", ComponentKind::Database, "b").params.capacity_rps = 1e6;
        b.call("u", "web");
        b.call("web", "db", 0.5);
        const Analysis a = analyze(b.design());
        const double gb = 3043750000.0 * 20000 / 1073741824.0;
        QVERIFY(near(a.cost.egress_gb_per_month, gb));
        const double billable = gb - 100;
        QVERIFY(near(a.cost.egress, 10240 * 0.09 + 40960 * 0.085 + (billable - 51200) * 0.07));
        // Half the requests call across regions: gb / 2 at 0.02.
        QVERIFY(near(a.cost.cross_region_gb_per_month, gb / 2));
        QVERIFY(near(a.cost.cross_region, gb / 2 * 0.02));
    }

    void cdnOffloadInADesign() {
        // All traffic through a CDN with 90 % hit and an external origin: the CDN
        // bills everything it serves, the origin's 10 % is internet egress.
        DesignBuilder b;
        b.workload(1e6, 100, 1.0, 3).region("a", 0, 0);
        b.users("u", 1);
        auto& cdn = b.add("cdn", ComponentKind::Cdn, "a");
        cdn.params.hit_ratio = 0.9;
        cdn.params.capacity_rps = 1e7;
        cdn.params.origin_external = 1;
        b.add("web", ComponentKind::Service, "a").params.capacity_rps = 1e6;
        b.call("u", "cdn");
        b.call("cdn", "web");
        const Analysis a = analyze(b.design());
        const double gb = 3043750000.0 * 20000 / 1073741824.0;
        const PriceTable& p = defaultCatalogue().prices;
        QVERIFY(near(a.cost.cdn_gb_per_month, gb));
        QVERIFY(near(a.cost.egress_gb_per_month, gb * 0.1));
        QVERIFY(near(a.cost.cdn, tieredCostUsd(p.cdn_egress, gb)));
        QVERIFY(near(a.cost.egress, (gb * 0.1 - 100) * 0.09));
        b["cdn"].params.origin_external = 0;
        QCOMPARE(analyze(b.design()).cost.egress, 0.0);
    }

    void cheaperPriceNeverRaisesCost() {
        // Every instance type swapped for each cheaper one of the catalogue, and
        // every pricing option moved towards spot: the total never rises.
        const Catalogue& cat = defaultCatalogue();
        DesignBuilder b;
        b.workload(50000, 100, 0.8, 3).region("r", 0, 0);
        b.users("u", 1);
        auto& web = b.add("web", ComponentKind::Service, "r");
        web.instance_type = "m5.xlarge";
        web.params.instances = 4;
        b.call("u", "web");
        const double base = analyze(b.design()).cost.total;
        const InstanceType* cur = cat.findInstanceType("m5.xlarge");
        for (const InstanceType& t : cat.instance_types) {
            b["web"].instance_type = t.name;
            const double c = analyze(b.design()).cost.total;
            if (t.usd_per_hour <= cur->usd_per_hour) QVERIFY(c <= base + 1e-9);
            else QVERIFY(c >= base - 1e-9);
        }
        b["web"].instance_type = "m5.xlarge";
        double last = base;
        for (Pricing pr : {Pricing::Reserved, Pricing::Spot}) {
            b["web"].pricing = pr;
            const double c = analyze(b.design()).cost.total;
            QVERIFY(c <= last);
            last = c;
        }
        // Tiered prices are monotone in volume and never above the first-tier flat rate.
        for (double gb = 0; gb < 2e6; gb = gb * 1.7 + 13) {
            const double t = tieredCostUsd(cat.prices.internet_egress, gb);
            QVERIFY(t <= gb * 0.09 + 1e-9);
            QVERIFY(t <= tieredCostUsd(cat.prices.internet_egress, gb * 1.1 + 1));
        }
    }
};

QTEST_GUILESS_MAIN(TestCost)
#include "test_cost.moc"
