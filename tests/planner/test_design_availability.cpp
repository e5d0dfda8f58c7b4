// Design availability against hand-worked probabilities: series, k-of-n over
// zones, active-active regions, shared zones and a shared primary computed
// exactly (and shown to differ from the independence shortcut), Birnbaum
// importance, failover windows, and the replica property.
#include <QtTest>

#include <cmath>

#include <QDir>

#include "DesignBuilder.h"
#include "model/ProjectIO.h"
#include "planner/Analysis.h"

using namespace sw;
using swtest::DesignBuilder;
using swtest::resultOf;

namespace {
bool near(double a, double b, double tol = 1e-12) { return std::abs(a - b) <= tol; }

// A small workload (3,000 rps peak) and tiers big enough to carry it on one instance.
Component& tier(DesignBuilder& b, const std::string& id, const std::string& region, const std::string& zone,
                double availability, int instances = 1, ComponentKind kind = ComponentKind::Service) {
    Component& c = b.add(id, kind, region, zone);
    c.params.availability = availability;
    c.params.instances = instances;
    c.params.capacity_rps = 1e6;
    return c;
}
}  // namespace

class TestDesignAvailability : public QObject {
    Q_OBJECT
private slots:
    void seedThreeInSeries() {
        // Seed: three 99.9 % services in series = 99.7 %: 0.999^3 = 0.997002999.
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("r", 0, 0, 1.0);
        b.users("u", 1);
        tier(b, "a", "r", "", 0.999);
        tier(b, "b", "r", "", 0.999);
        tier(b, "c", "r", "", 0.999);
        b.call("u", "a");
        b.call("a", "b");
        b.call("b", "c");
        const Analysis an = analyze(b.design());
        QVERIFY(near(an.summary.availability.availability, 0.997002999));
        QVERIFY(std::abs(an.summary.availability.availability - 0.997) < 5e-6);
        QVERIFY(near(an.summary.availability.downtime_min_per_year, 0.002997001 * 525960, 1e-7));
        QVERIFY(near(an.summary.availability.nines, -std::log10(0.002997001), 1e-9));
    }

    void sharedZoneIsExact() {
        // Two pool members behind a load balancer, instances 0.9, both in zone z1 (0.99):
        // exact = P(z1) x (1 - 0.1^2) = 0.99 x 0.99 = 0.9801.
        // Treating each member as 0.99 x 0.9 = 0.891 independent gives
        // 1 - 0.109^2 = 0.988119: wrong, the zone is one event.
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("r", 0, 0, 1.0).zone("z1", "r", 0.99).zone("z2", "r", 0.99);
        b.users("u", 1);
        // Two LB instances, spread round-robin: one in each zone.
        tier(b, "lb", "r", "", 1.0, 2, ComponentKind::LoadBalancer);
        tier(b, "s1", "r", "z1", 0.9);
        tier(b, "s2", "r", "z1", 0.9);
        b.call("u", "lb");
        b.call("lb", "s1", 0.5);
        b.call("lb", "s2", 0.5);
        const Analysis shared = analyze(b.design());
        const double exact = shared.summary.availability.availability;
        QVERIFY(near(exact, 0.9801));
        // Domain importance: A(z1 up) - A(z1 down) = 0.99 - 0; z2 changes nothing
        // (the LB's z1 instance suffices); the region: 0.9801 - 0.
        const auto& dom = shared.summary.availability.domain_importance;
        QVERIFY(dom.size() >= 2);
        QCOMPARE(dom[0].first, std::string("z1"));
        QVERIFY(near(dom[0].second, 0.99));
        QCOMPARE(dom[1].first, std::string("r"));
        QVERIFY(near(dom[1].second, 0.9801));
        for (const auto& [id, imp] : dom)
            if (id == "z2") QVERIFY(near(imp, 0.0));
        QVERIFY(std::abs(exact - 0.988119) > 0.008);
        // In different zones: both zones up (0.9801) x (1 - 0.1^2) + each zone alone
        // (0.0099) x 0.9, twice = 0.970299 + 0.01782 = 0.988119.
        b["s2"].zone = "z2";
        QVERIFY(near(analyze(b.design()).summary.availability.availability, 0.988119));
    }

    void instancesSpreadOverZones() {
        // One region-wide tier of 3 perfect instances over 3 zones at 0.99.
        // k = 1: 1 - 0.01^3 = 0.999999. k = 2 (the load needs 2 instances):
        // P(at least 2 zones up) = 0.99^3 + 3 x 0.99^2 x 0.01 = 0.999702.
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("r", 0, 0, 1.0);
        for (const char* z : {"za", "zb", "zc"}) b.zone(z, "r", 0.99);
        b.users("u", 1);
        tier(b, "s", "r", "", 1.0, 3);
        b.call("u", "s");
        QVERIFY(near(analyze(b.design()).summary.availability.availability, 0.999999));
        b["s"].params.capacity_rps = 2000;   // 3,000 rps needs 2 instances (2 x 2,000 > 3,000)
        const Analysis an = analyze(b.design());
        QCOMPARE(resultOf(an, "s").instances_required, 2.0);
        QVERIFY(near(an.summary.availability.availability, 0.999702));
    }

    void activeActiveRegions() {
        // Users reach either region (each: region 0.999 x lb 0.99):
        // 1 - (1 - 0.98901)^2 = 0.9998792220... (two independent regions).
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("us", 39, -77, 0.999).region("eu", 53, -6, 0.999);
        b.users("u", 1, 45, -40);
        tier(b, "lb_us", "us", "", 0.99, 1, ComponentKind::LoadBalancer);
        tier(b, "lb_eu", "eu", "", 0.99, 1, ComponentKind::LoadBalancer);
        b.call("u", "lb_us");
        b.call("u", "lb_eu");
        const double a = 0.999 * 0.99;
        QVERIFY(near(analyze(b.design()).summary.availability.availability, 1 - (1 - a) * (1 - a)));
    }

    void sharedPrimaryAcrossRegions() {
        // Both regions write to one primary in "us" (0.99): the eu route needs
        // the us region and the primary too, so the union is the us route:
        // 0.999 x 0.99 = 0.98901. Independence would claim
        // 1 - (1 - 0.98901)(1 - 0.999 x 0.999 x 0.99) = 0.99987...
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("us", 39, -77, 0.999).region("eu", 53, -6, 0.999);
        b.users("u", 1, 45, -40);
        tier(b, "lb_us", "us", "", 1.0, 1, ComponentKind::LoadBalancer);
        tier(b, "lb_eu", "eu", "", 1.0, 1, ComponentKind::LoadBalancer);
        tier(b, "svc_us", "us", "", 1.0);
        tier(b, "svc_eu", "eu", "", 1.0);
        tier(b, "db", "us", "", 0.99, 1, ComponentKind::Database);
        b.call("u", "lb_us");
        b.call("u", "lb_eu");
        b.call("lb_us", "svc_us");
        b.call("lb_eu", "svc_eu");
        b.call("svc_us", "db");
        b.call("svc_eu", "db");
        const Analysis an = analyze(b.design());
        QVERIFY(near(an.summary.availability.availability, 0.999 * 0.99));
        QCOMPARE(an.summary.availability.weakest, std::string("db"));
    }

    void birnbaumOfASeries() {
        // A = a x b with a = 0.99, b = 0.9: I(a) = b = 0.9, I(b) = a = 0.99;
        // the weakest link is b (improving it buys the most).
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("r", 0, 0, 1.0);
        b.users("u", 1);
        tier(b, "a", "r", "", 0.99);
        tier(b, "b", "r", "", 0.9);
        b.call("u", "a");
        b.call("a", "b");
        const Analysis an = analyze(b.design());
        const auto& imp = an.summary.availability.importance;
        QCOMPARE(imp.size(), std::size_t{2});
        QCOMPARE(imp[0].first, std::string("b"));
        QVERIFY(near(imp[0].second, 0.99));
        QVERIFY(near(imp[1].second, 0.9));
        QCOMPARE(an.summary.availability.weakest, std::string("b"));
    }

    void failoverWindowPerFailure() {
        // Two LB instances, MTBF 1,000 h, MTTR 1 h: a = 1000/1001. One is enough
        // (k = 1): 1 - (1/1001)^2. A failed instance keeps its half of the
        // requests until its own checks (10 s x 3) notice it, 20..30 s later,
        // then 20 s of switch-over: W uniform on [40, 50] s, unless repaired
        // sooner; E[min(W, R)] with R ~ Exp(3,600 s) is 44.7188 s (numerical
        // integration gives the same). It fails once per 1,001 h and the loss
        // only counts while the other instance is up (a).
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("r", 0, 0, 1.0);
        b.users("u", 1);
        auto& lb = tier(b, "lb", "r", "", 1.0, 2, ComponentKind::LoadBalancer);
        lb.params.mtbf_h = 1000;
        lb.params.mttr_h = 1;
        lb.params.failover_s = 20;
        b.call("u", "lb");
        const Analysis an = analyze(b.design());
        const double expected = (1 - 1.0 / (1001.0 * 1001.0)) - 44.718775192 / (1001.0 * 3600.0) * (1000.0 / 1001.0);
        QVERIFY(std::abs(expected - 0.99998660492) < 1e-10);
        QVERIFY(near(resultOf(an, "lb").failover_window_s, 50.0));
        QVERIFY(near(resultOf(an, "lb").failover_loss_s, 44.718775192, 1e-8));
        QVERIFY(near(an.summary.availability.availability, expected));
        QVERIFY(near(resultOf(an, "lb").availability, expected));
    }

    void syncStandbyIsAFailoverMember() {
        // Primary 0.99 with one sync standby 0.9 (always promotable): the
        // pair serves while either is up (no MTBF given, so no failover
        // window is charged): A = 1 - 0.01 x 0.1 = 0.999. Birnbaum: the
        // primary 1 - 0.9 = 0.1, the standby 1 - 0.99 = 0.01.
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("r", 0, 0, 1.0);
        b.users("u", 1);
        tier(b, "db", "r", "", 0.99, 1, ComponentKind::Database);
        auto& sb = tier(b, "standby", "r", "", 0.9, 1, ComponentKind::Database);
        sb.role = DbRole::Replica;
        b.call("u", "db");
        b.replicate("db", "standby", LinkMode::Sync);
        const Analysis an = analyze(b.design());
        QVERIFY(near(an.summary.availability.availability, 0.999));
        const auto& imp = an.summary.availability.importance;
        QCOMPARE(imp.size(), std::size_t{2});
        QCOMPARE(imp[0].first, std::string("db"));
        QVERIFY(near(imp[0].second, 0.1));
        QVERIFY(near(imp[1].second, 0.01));
        QCOMPARE(an.summary.availability.failover_groups.size(), std::size_t{1});
        QVERIFY(near(an.summary.availability.failover_groups[0].availability, 0.999));
    }

    void failoverGroupChargesTheWindowPerFailure() {
        // Primary + 2 promotable replicas, each MTBF 15 min / MTTR 5 min
        // (a = 0.75), checks 2 s x 3, promotion 30 s + 30 s switch. By hand:
        // window W uniform on [64, 66] s (2 x 2 s + 60 s, last interval
        // uniform), cut by the primary's repair R ~ Exp(300 s):
        // E[min(W, R)] = 300 (1 + 150 e^(-64/300) (e^(-2/300) - 1)).
        // Each member fails at 1/(900 + 300) per second; the primary's failure
        // costs E while a replica is up (1 - 0.25^2), the first replica's
        // while the primary is down and the second replica up (0.25 x 0.75).
        // A = 1 - 0.25^3 - E/1200 x (0.9375 + 0.1875).
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("r", 0, 0, 1.0);
        b.users("u", 1);
        for (const char* id : {"db", "r1", "r2"}) {
            auto& c = tier(b, id, "r", "", 1.0, 1, ComponentKind::Database);
            c.params.mtbf_h = 0.25;
            c.params.mttr_h = 5.0 / 60;
            c.params.health_check_interval_s = 2;
            c.params.unhealthy_threshold = 3;
            if (std::string(id) != "db") c.role = DbRole::Replica;
        }
        b["db"].params.failover_s = 30;
        b.call("u", "db");
        b.replicate("db", "r1");
        b.replicate("db", "r2");
        const double e = 300 * (1 + 150 * std::exp(-64.0 / 300) * std::expm1(-2.0 / 300));
        const double expected = 1 - 0.25 * 0.25 * 0.25 - e / 1200 * (0.9375 + 0.1875);
        const Analysis an = analyze(b.design());
        QVERIFY2(near(an.summary.availability.availability, expected, 1e-12),
                 qPrintable(QString("%1 vs %2").arg(an.summary.availability.availability).arg(expected)));
        const auto& g = an.summary.availability.failover_groups.at(0);
        QCOMPARE(g.primary, std::string("db"));
        QCOMPARE(g.replicas.size(), std::size_t{2});
        QVERIFY(near(g.failover_s_per_event, 66));
        // Failovers per year: (0.9375 + 0.1875) / 1200 per second.
        QVERIFY(near(g.events_per_year, 1.125 / 1200 * 525960 * 60, 1e-6));
        // Not promotable: the replicas cannot stand in, the primary alone counts.
        b["r1"].params.promotable = 0;
        b["r2"].params.promotable = 0;
        QVERIFY(near(analyze(b.design()).summary.availability.availability, 0.75));
    }

    void calledReplicaIsConditionedOnce() {
        // Primary 0.9 and a promotable replica 0.8; the service writes to the
        // primary and reads from the replica, falling back to the primary's
        // group. Writes: 1 - 0.1 x 0.2 = 0.98. Reads: replica up, or the group
        // serving, is again "either up" = 0.98 (taking the replica and the
        // group as independent would say 1 - 0.2 x 0.02 = 0.996). Birnbaum:
        // primary 1 - 0.8 = 0.2, replica 1 - 0.9 = 0.1.
        DesignBuilder b;
        b.workload(864000, 100, 0.5, 3).region("r", 0, 0, 1.0);
        b.users("u", 1);
        tier(b, "svc", "r", "", 1.0);
        tier(b, "db", "r", "", 0.9, 1, ComponentKind::Database);
        auto& rep = tier(b, "rep", "r", "", 0.8, 1, ComponentKind::Database);
        rep.role = DbRole::Replica;
        b.call("u", "svc");
        b.call("svc", "db", 1, Access::Write);
        b.call("svc", "rep", 1, Access::Read);
        b.replicate("db", "rep");
        const Analysis an = analyze(b.design());
        QVERIFY2(near(an.summary.availability.availability, 0.98), qPrintable(QString::number(an.summary.availability.availability, 'g', 15)));
        double impDb = -1, impRep = -1;
        for (const auto& [id, imp] : an.summary.availability.importance) {
            if (id == "db") impDb = imp;
            if (id == "rep") impRep = imp;
        }
        QVERIFY(near(impDb, 0.2));
        QVERIFY(near(impRep, 0.1));
        // The same by re-analysis.
        Design up = b.design(), dead = b.design();
        up.findComponent("rep")->params.availability = 1.0;
        dead.findComponent("rep")->params.availability = 1e-300;
        QVERIFY(near(analyze(up).summary.availability.availability - analyze(dead).summary.availability.availability, impRep));
    }

    void stageFourWarnsOfItsSlowPromotion() {
        // Stage 4 promotes in 120 s after 3 x 10 s of checks: 150 s > the 120 s target.
        auto project = loadProject(std::string(SW_SAMPLES_DIR) + "/stage-04-replication.json");
        QVERIFY(project.ok());
        const Analysis an = analyze(project->variants.front());
        int slow = 0;
        for (const auto& f : an.findings) slow += f.code == "slow_failover";
        QCOMPARE(slow, 2);
    }

    void everySampleGivesProbabilities() {
        // Every sample: availabilities are probabilities, Birnbaum importances
        // lie in [0, 1], and a tier's importance never exceeds what the whole
        // design loses when it fails (A - A(tier down) <= A).
        const QStringList files = QDir(SW_SAMPLES_DIR).entryList({"*.json"}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString& f : files) {
            auto project = loadProject((QString(SW_SAMPLES_DIR) + "/" + f).toStdString());
            QVERIFY2(project.ok(), qPrintable(f));
            for (const Design& d : project->variants) {
                const Analysis an = analyze(d);
                const auto& av = an.summary.availability;
                QVERIFY2(av.availability >= 0 && av.availability <= 1, qPrintable(f));
                for (const auto& c : an.components) QVERIFY2(c.availability >= 0 && c.availability <= 1, qPrintable(f + " " + QString::fromStdString(c.id)));
                for (const auto& [id, imp] : av.importance)
                    QVERIFY2(imp >= 0 && imp <= 1 + 1e-9, qPrintable(f + " " + QString::fromStdString(id)));
                for (const auto& [id, imp] : av.domain_importance)
                    QVERIFY2(imp >= -1e-12 && imp <= 1 + 1e-9, qPrintable(f + " " + QString::fromStdString(id)));
            }
        }
    }

    void birnbaumMatchesTwoReanalyses() {
        // A is linear in each tier's instance availability state, so Birnbaum
        // I(i) = A(tier i's instances perfect) - A(tier i's instances dead):
        // two independent re-analyses per tier, on real multi-zone and
        // multi-region samples.
        for (const char* name : {"stage-04-replication.json", "stage-12-multi-region.json", "planet-scale-3-region.json"}) {
            auto project = loadProject(std::string(SW_SAMPLES_DIR) + "/" + name);
            QVERIFY2(project.ok(), name);
            Design d = project->variants.front();
            for (auto& c : d.components) c.params.mtbf_h = 0;   // availability figures only
            const Analysis base = analyze(d);
            int checked = 0;
            for (std::size_t i = 0; i < d.components.size(); ++i) {
                if (d.components[i].kind == ComponentKind::UserGroup) continue;
                double listed = 0;
                for (const auto& [id, imp] : base.summary.availability.importance)
                    if (id == d.components[i].id) listed = imp;
                Design up = d, down = d;
                up.components[i].params.availability = 1.0;
                down.components[i].params.availability = 1e-300;   // k-of-n of dead instances: 0
                const double diff = analyze(up).summary.availability.availability -
                                    analyze(down).summary.availability.availability;
                QVERIFY2(std::abs(listed - diff) < 1e-9,
                         qPrintable(QString("%1 %2: listed %3, re-analysed %4").arg(name).arg(QString::fromStdString(d.components[i].id)).arg(listed).arg(diff)));
                ++checked;
            }
            QVERIFY(checked > 5);
        }
    }

    void monotoneOverEverySample() {
        // On every sample: adding a promotable replica to a failover group,
        // an instance to a tier, or a zone to a region (whose region-wide
        // tiers can lose a zone) never lowers the availability; taking a replica out of its group (promotable = 0)
        // or an instance away never raises it.
        const QStringList files = QDir(SW_SAMPLES_DIR).entryList({"*.json"}, QDir::Files);
        int checks = 0;
        for (const QString& f : files) {
            auto project = loadProject((QString(SW_SAMPLES_DIR) + "/" + f).toStdString());
            QVERIFY2(project.ok(), qPrintable(f));
            const Design& d = project->variants.front();
            const double base = analyzeLive(d).summary.availability.availability;
            auto check = [&](const Design& changed, bool up, const std::string& what) {
                const double a = analyzeLive(changed).summary.availability.availability;
                const bool ok = up ? a >= base - 1e-12 : a <= base + 1e-12;
                QVERIFY2(ok, qPrintable(QString("%1: %2 gives %3, was %4").arg(f, QString::fromStdString(what)).arg(a, 0, 'g', 12).arg(base, 0, 'g', 12)));
                ++checks;
            };
            for (std::size_t i = 0; i < d.components.size(); ++i) {
                const Component& c = d.components[i];
                if (c.kind == ComponentKind::UserGroup) continue;
                Design more = d;
                more.components[i].params.instances += 1;
                check(more, true, c.id + " +1 instance");
                if (c.params.instances >= 2) {
                    Design fewer = d;
                    fewer.components[i].params.instances -= 1;
                    check(fewer, false, c.id + " -1 instance");
                }
                if (c.kind == ComponentKind::Database && c.role == DbRole::Replica && c.params.promotable >= 0.5) {
                    Design out = d;
                    out.components[i].params.promotable = 0;
                    check(out, false, c.id + " not promotable");
                }
            }
            for (const Link& l : d.links) {
                if (l.kind != LinkKind::Replication) continue;
                const Component* rep = d.findComponent(l.to);
                const Component* prim = d.findComponent(l.from);
                if (!rep || !prim || rep->kind != ComponentKind::Database || rep->role != DbRole::Replica || prim->role == DbRole::Replica) continue;
                Design more = d;
                Component extra = *rep;
                extra.id = rep->id + "-extra";
                more.components.push_back(extra);
                Link rl = l;
                rl.id = l.id + "-extra";
                rl.to = extra.id;
                more.links.push_back(rl);
                check(more, true, "a replica like " + rep->id);
                break;
            }
            // A region-wide tier that cannot ride out the loss of one zone
            // (n - ceil(n / zones) < k: stage 9's services need 70 % of their
            // instances) spreads them over one more zone it also cannot lose:
            // there availability rightly falls, so such regions are skipped.
            const Analysis baseAn = analyzeLive(d);
            for (const Region& r : d.regions) {
                int zones = 1;
                for (const Zone& z : d.zones) zones += z.region == r.id;
                bool spareless = false;
                for (std::size_t i = 0; i < d.components.size(); ++i) {
                    const Component& c = d.components[i];
                    const double n = c.params.instances;
                    if (c.region == r.id && c.zone.empty() && c.kind != ComponentKind::UserGroup && n >= 2 &&
                        n - std::ceil(n / zones) < baseAn.components[i].instances_required)
                        spareless = true;
                }
                if (spareless) continue;
                Design more = d;
                Zone z;
                z.id = r.id + "-extra-zone";
                z.name = z.id;
                z.region = r.id;
                more.zones.push_back(z);
                check(more, true, "a zone in " + r.id);
            }
        }
        QVERIFY(checks > 100);
    }

    void addingAReplicaNeverLowersAvailability() {
        double last = 0;
        for (int replicas = 0; replicas <= 5; ++replicas) {
            DesignBuilder b;
            b.workload(864000, 100, 0.8, 3).region("r", 0, 0, 0.9999).zone("z1", "r", 0.999).zone("z2", "r", 0.995);
            b.users("u", 1);
            tier(b, "svc", "r", "", 0.999, 2);
            auto& db = tier(b, "db", "r", "z1", 0.99, 1, ComponentKind::Database);
            db.params.capacity_rps = 2000;
            b.call("u", "svc");
            b.call("svc", "db");
            for (int i = 0; i < replicas; ++i) {
                auto& rep = tier(b, "rep" + std::to_string(i), "r", i % 2 ? "z1" : "z2", 0.95, 1, ComponentKind::Database);
                rep.role = DbRole::Replica;
                rep.params.capacity_rps = 2000;
                b.replicate("db", rep.id);
            }
            const double a = analyze(b.design()).summary.availability.availability;
            QVERIFY2(a >= last - 1e-15, qPrintable(QString("%1 replicas: %2 < %3").arg(replicas).arg(a).arg(last)));
            last = a;
        }
    }

    void perZoneCopiesBehindABalancerAreAPool() {
        // A balancer in front of one web tier per zone, each calling its own
        // zone's cache (stage 5's shape): the web tiers are copies of one tier,
        // so any one of them with its cache serves. By hand, with the zones and
        // region perfect: A = a_lb x (1 - (1 - a_web x a_cache)^3).
        DesignBuilder b;
        b.workload(86400, 100, 0.8, 3).region("r", 0, 0, 1.0).zone("z1", "r", 1.0).zone("z2", "r", 1.0).zone("z3", "r", 1.0);
        b.users("u", 1);
        tier(b, "lb", "r", "", 0.9999, 1, ComponentKind::LoadBalancer);
        b.call("u", "lb");
        for (int z = 1; z <= 3; ++z) {
            const std::string s = std::to_string(z);
            tier(b, "web" + s, "r", "z" + s, 0.99);
            tier(b, "cache" + s, "r", "z" + s, 0.98, 1, ComponentKind::Cache);
            b.call("lb", "web" + s);
            b.call("web" + s, "cache" + s);
        }
        const double expected = 0.9999 * (1 - std::pow(1 - 0.99 * 0.98, 3));
        QCOMPARE_LE(std::abs(analyze(b.design()).summary.availability.availability - expected), 1e-9);
        // One zone's copy dead: the other two still serve.
        Design d = b.design();
        for (Component& c : d.components)
            if (c.id == "web1") c.params.availability = 0;
        QCOMPARE_LE(std::abs(analyze(d).summary.availability.availability - 0.9999 * (1 - std::pow(1 - 0.99 * 0.98, 2))), 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestDesignAvailability)
#include "test_design_availability.moc"
