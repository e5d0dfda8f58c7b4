// The walkthrough's story holds: each stage buys what it is named for.
// Stage 3 (a load balancer and a web tier in two zones) is more available
// than stage 2 (web and database in series), and its web path (everything but
// the one database box it keeps) is far more available than stage 1's one
// server. It is not above stage 1 as a whole: stage 1's PostgreSQL shares the
// app server's box and fails with it, stage 3's runs on a box of its own at
// the same 99.5 %, so stage 3 = stage 1 - 7e-8 (docs/seed-notes.md, "The
// stage story"); stage 4 removes that box as a single point of failure;
// stage 4 (the database fails over to its replicas) at least as available as
// stage 3; and stage 12 survives the loss of any one of its three regions:
// the simulator takes each region down and, once GeoDNS has moved its users
// and a replica elsewhere has been promoted, at least 99 % of the requests
// offered are served; the same design without GeoDNS failover (each user
// group linked to its own region only), and for the primaries' region without
// a promotable replica, falls below 99 %, so the check can fail.
#include <map>

#include <QDir>
#include <QtTest>

#include "model/JsonFormat.h"
#include "planner/Analysis.h"
#include "planner/FailoverRule.h"
#include "planner/sim/Simulator.h"

namespace {

sw::Project loadSample(const char* file) {
    auto p = sw::readProjectJsonFile(QDir(SW_SAMPLES_DIR).filePath(file).toStdString());
    if (!p.ok()) qFatal("%s: %s", file, p.error().c_str());
    return p.value();
}

double availabilityOf(const char* file) {
    const sw::Project p = loadSample(file);
    return sw::analyze(p.variants.front()).summary.availability.availability;
}

double availabilityOfComponent(const char* file, const std::string& id) {
    const sw::Project p = loadSample(file);
    const sw::Design& d = p.variants.front();
    const sw::Analysis a = sw::analyze(d);
    for (std::size_t i = 0; i < d.components.size(); ++i)
        if (d.components[i].id == id) return a.components[i].availability;
    qFatal("%s has no component %s", file, id.c_str());
}

// How long after a region is lost the design is whole again: the longest of
// GeoDNS noticing (checks x threshold) and clients' caches draining (TTL),
// and a primary's detection + promotion + endpoint switch.
double failoverS(const sw::Design& d) {
    double f = 0;
    for (const sw::Component& c : d.components) {
        const sw::ComponentParams& p = c.params;
        if (c.kind == sw::ComponentKind::Dns)
            f = std::max(f, p.health_check_interval_s * p.unhealthy_threshold + p.dns_ttl_s);
        if (c.kind == sw::ComponentKind::Database && c.role != sw::DbRole::Replica)
            f = std::max(f, p.health_check_interval_s * p.unhealthy_threshold + sw::promotionWindowS(p));
    }
    return f;
}

struct Shares {
    double afterFailover = 0;   // served / offered from failover to the end of the outage
    double wholeOutage = 0;     // served / offered over the whole outage
};

Shares simulateOutage(const sw::Design& d, const sw::Scenario& sc, const sw::FailureEvent& outage, int replicates) {
    sw::sim::Options o;
    o.seed = 7;
    o.replicates = replicates;
    o.threads = 2;
    auto r = sw::sim::simulate(d, sc, o);
    if (!r.ok()) qFatal("%s", r.error().c_str());
    const double from = outage.start_s + failoverS(d), to = outage.start_s + outage.duration_s;
    if (to - from < 120) qFatal("only %.0f s of the outage after failover", to - from);
    double offered = 0, served = 0, during = 0, servedDuring = 0;
    for (const sw::sim::Run& run : r.value().runs)
        for (const sw::sim::Second& s : run.series) {
            if (s.t_s >= outage.start_s && s.t_s < to) {
                during += s.offered;
                servedDuring += s.throughput;
            }
            if (s.t_s < from || s.t_s >= to) continue;
            offered += s.offered;
            served += s.throughput;
        }
    if (!(offered > 0 && during > 0)) qFatal("nothing offered during the outage");
    return {served / offered, servedDuring / during};
}

}  // namespace

class TestStageStory : public QObject {
    Q_OBJECT

private slots:
    void stageThreeRemovesTheSingleWebServer() {
        const double s1 = availabilityOf("stage-01-single-server.json");
        const double s2 = availabilityOf("stage-02-separate-database.json");
        const double s3 = availabilityOf("stage-03-load-balancer.json");
        // Stage 2 puts two boxes in series: about 0.995 x 0.995 of stage 1's one.
        QVERIFY2(s2 < s1, qPrintable(QString("%1 vs %2").arg(s2, 0, 'g', 12).arg(s1, 0, 'g', 12)));
        QVERIFY2(s3 > s2, qPrintable(QString("stage 3 %1 vs stage 2 %2").arg(s3, 0, 'g', 12).arg(s2, 0, 'g', 12)));
        // The web path: stage 3 with its database box divided out (the box's
        // availability includes the region, so the region is divided out too).
        // One web server there would leave it near 99.5 %, as stage 1's box.
        const double web3 = s3 / availabilityOfComponent("stage-03-load-balancer.json", "db");
        QVERIFY2(1 - web3 <= (1 - s1) / 100,
                 qPrintable(QString("stage 3's web path %1 vs stage 1's server %2").arg(web3, 0, 'g', 12).arg(s1, 0, 'g', 12)));
        // What stage 3 still lacks is the database box alone: stage 1 less it.
        QVERIFY2(std::abs(s1 - s3) <= 1e-6, qPrintable(QString("stage 3 %1 vs stage 1 %2").arg(s3, 0, 'g', 12).arg(s1, 0, 'g', 12)));
    }

    void stageFourRemovesTheSingleDatabase() {
        const double s3 = availabilityOf("stage-03-load-balancer.json");
        const double s4 = availabilityOf("stage-04-replication.json");
        QVERIFY2(s4 >= s3, qPrintable(QString("stage 4 %1 vs stage 3 %2").arg(s4, 0, 'g', 12).arg(s3, 0, 'g', 12)));
        // Not by a hair: the database box was the weakest part; its failover
        // group takes at least a nine off the unavailability.
        QVERIFY2(1 - s4 <= (1 - s3) / 10, qPrintable(QString::number(s4, 'g', 12)));
    }

    void stageTwelveSurvivesTheLossOfAnyRegion_data() {
        QTest::addColumn<QString>("region");
        for (const char* r : {"us-east", "eu-west", "ap-south"}) QTest::newRow(r) << QString(r);
    }
    void stageTwelveSurvivesTheLossOfAnyRegion() {
        QFETCH(QString, region);
        const sw::Project p = loadSample("stage-12-multi-region.json");
        const sw::Design& d = p.variants.front();
        const sw::Scenario* sc = p.findScenario("region-outage-" + region.toStdString());
        QVERIFY2(sc, qPrintable("stage 12 has no scenario region-outage-" + region));
        QCOMPARE(sc->failures.size(), std::size_t(1));
        const sw::FailureEvent& outage = sc->failures.front();
        QCOMPARE(outage.kind, sw::FailureKind::RegionOutage);
        QCOMPARE(QString::fromStdString(outage.target), region);

        const Shares full = simulateOutage(d, *sc, outage, 2);
        qInfo("region %s lost: %.4f %% served after failover (from %.0f s), %.4f %% over the whole outage",
              qPrintable(region), 100 * full.afterFailover, outage.start_s + failoverS(d), 100 * full.wholeOutage);
        QVERIFY2(full.afterFailover >= 0.99, qPrintable(QString("%1 % served after failover").arg(100 * full.afterFailover)));
        // The outage costs something: the failover is not free, so the test
        // would notice a region loss that the simulator failed to inject.
        QVERIFY2(full.wholeOutage < full.afterFailover, qPrintable(QString::number(full.wholeOutage)));

        // The same design without failover must fall below 99 %, or the test
        // above could not fail. GeoDNS with no second region to answer: each
        // user group keeps only its link to its nearest region, so the lost
        // region's users are lost for the whole outage.
        sw::Design noGeoFailover = d;
        std::erase_if(noGeoFailover.links, [&](const sw::Link& l) {
            const sw::Component* from = noGeoFailover.findComponent(l.from);
            if (!from || from->kind != sw::ComponentKind::UserGroup) return false;
            static const std::map<std::string, std::string> own = {
                {"users-us", "dns-us-east"}, {"users-eu", "dns-eu-west"}, {"users-asia", "dns-ap-south"}};
            const auto it = own.find(from->id);
            return it != own.end() && l.to != it->second;
        });
        const Shares noGeo = simulateOutage(noGeoFailover, *sc, outage, 1);
        qInfo("region %s lost without GeoDNS failover: %.4f %% served", qPrintable(region), 100 * noGeo.afterFailover);
        QVERIFY2(noGeo.afterFailover < 0.99, qPrintable(QString::number(noGeo.afterFailover)));
        // And with GeoDNS but no replica that can be promoted: losing the
        // primaries' region (us-east) loses every write (20 % of requests).
        if (region == "us-east") {
            sw::Design noPromotion = d;
            for (sw::Component& c : noPromotion.components)
                if (c.kind == sw::ComponentKind::Database && c.role == sw::DbRole::Replica) c.params.promotable = 0;
            const Shares noProm = simulateOutage(noPromotion, *sc, outage, 1);
            qInfo("region %s lost without promotion: %.4f %% served", qPrintable(region), 100 * noProm.afterFailover);
            QVERIFY2(noProm.afterFailover < 0.99, qPrintable(QString::number(noProm.afterFailover)));
        }
    }
};

QTEST_GUILESS_MAIN(TestStageStory)
#include "test_stage_story.moc"
