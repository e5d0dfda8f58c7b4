// Replication against hand-worked M/M/1 apply queues, the saturating write
// rate, sync and quorum commit latency, and the seeds' thresholds.
#include <QtTest>

#include <cmath>

#include "DesignBuilder.h"
#include "planner/Analysis.h"
#include "planner/Geo.h"

using namespace sw;
using swtest::DesignBuilder;

namespace {
bool near(double a, double b, double tol = 1e-9) { return std::abs(a - b) <= tol * std::max(1.0, std::abs(b)); }
bool hasFinding(const Analysis& a, const std::string& code) {
    for (const auto& f : a.findings)
        if (f.code == code) return true;
    return false;
}

// 3,000 rps peak, 20 % writes = 600 writes/s to the primary.
DesignBuilder primaryWithReplica(double applyRate, LinkMode mode = LinkMode::Async, const std::string& replicaRegion = "us") {
    DesignBuilder b;
    b.workload(864000, 100, 0.8, 3).region("us", 39.04, -77.49).region("eu", 53.35, -6.26);
    b.users("u", 1, 39.04, -77.49);
    auto& db = b.add("db", ComponentKind::Database, "us");
    db.params.capacity_rps = 100000;
    auto& rep = b.add("rep", ComponentKind::Database, replicaRegion);
    rep.role = DbRole::Replica;
    rep.params.capacity_rps = 100000;
    rep.params.apply_rate_wps = applyRate;
    b.call("u", "db");
    b.replicate("db", "rep", mode);
    return b;
}
}  // namespace

class TestReplication : public QObject {
    Q_OBJECT
private slots:
    void asyncLagSameRegion() {
        // lambda = 600, mu = 1,000: sojourn 1/(mu - lambda) = 2.5 ms; p95 of the
        // exponential sojourn = 2.5 ln 20 = 7.489 ms; no network in one region.
        const Analysis a = analyze(primaryWithReplica(1000).design());
        QCOMPARE(a.replication.size(), std::size_t{1});
        const auto& r = a.replication[0];
        QVERIFY(near(r.write_rps, 600));
        QVERIFY(near(r.lag_ms, 2.5));
        QVERIFY(near(r.staleness_bound_ms, 2.5 * std::log(20.0)));
        QVERIFY(near(r.rpo_s, 2.5 * std::log(20.0) / 1000));
        QVERIFY(!r.unbounded);
        QCOMPARE(r.saturating_write_rps, 1000.0);
    }

    void asyncLagAcrossRegions() {
        const Analysis a = analyze(primaryWithReplica(1000, LinkMode::Async, "eu").design());
        const double rtt = modelledRttMs(39.04, -77.49, 53.35, -6.26);
        QVERIFY(near(a.replication[0].network_one_way_ms, rtt / 2));
        QVERIFY(near(a.replication[0].lag_ms, rtt / 2 + 2.5));
    }

    void shardedReplicaAppliesPerShard() {
        // 600 writes/s over a 4-shard replica: 150 per stream at mu = 200:
        // sojourn 1/(200 - 150) = 20 ms; saturates at 4 x 200 = 800 writes/s.
        auto b = primaryWithReplica(200);
        b["db"].params.shards = 4;
        b["rep"].params.shards = 4;
        const Analysis a = analyze(b.design());
        QVERIFY(near(a.replication[0].lag_ms, 20));
        QCOMPARE(a.replication[0].saturating_write_rps, 800.0);
    }

    void unboundedWhenWritesReachTheApplyRate() {
        const Analysis a = analyze(primaryWithReplica(600).design());
        QVERIFY(a.replication[0].unbounded);
        QCOMPARE(a.replication[0].saturating_write_rps, 600.0);
        QVERIFY(hasFinding(a, "unbounded_lag"));
        QVERIFY(analyze(primaryWithReplica(500).design()).replication[0].unbounded);
    }

    void seedThresholds() {
        // mu - lambda = 0.1: 10 s of lag, over the 5 s alert, under the 30 s read limit.
        const Analysis alert = analyze(primaryWithReplica(600.1).design());
        QVERIFY(near(alert.replication[0].lag_ms, 10000, 1e-6));
        QVERIFY(hasFinding(alert, "lag_alert"));
        QVERIFY(!hasFinding(alert, "lag_over_read_limit"));
        // mu - lambda = 0.02: 50 s, past the read limit.
        QVERIFY(hasFinding(analyze(primaryWithReplica(600.02).design()), "lag_over_read_limit"));
        QVERIFY(!hasFinding(analyze(primaryWithReplica(1000).design()), "lag_alert"));
        // Detection 10 s x 3 + the primary's promotion 60 s = 90 s: within
        // RDS Multi-AZ's 60-120 s (the seed's 30 s target warned here).
        auto b = primaryWithReplica(1000);
        b["db"].params.failover_s = 60;
        QVERIFY(!hasFinding(analyze(b.design()), "slow_failover"));
        // 30 s + 90 s = 120 s is at the target; 30 s + 91 s is over it.
        b["db"].params.failover_s = 90;
        QVERIFY(!hasFinding(analyze(b.design()), "slow_failover"));
        b["db"].params.failover_s = 91;
        QVERIFY(hasFinding(analyze(b.design()), "slow_failover"));
        // The replica's own failover_s does not time its promotion.
        auto r = primaryWithReplica(1000);
        r["rep"].params.failover_s = 60;
        QVERIFY(!hasFinding(analyze(r.design()), "slow_failover"));
        // A replica that cannot be promoted is never promoted slowly.
        b["rep"].params.promotable = 0;
        QVERIFY(!hasFinding(analyze(b.design()), "slow_failover"));
    }

    void syncCommitIsTheRoundTripPlusApply() {
        // The replica acknowledges after applying: RTT + 1/(mu - lambda) = RTT + 2.5 ms.
        const Analysis a = analyze(primaryWithReplica(1000, LinkMode::Sync, "eu").design());
        const double rtt = modelledRttMs(39.04, -77.49, 53.35, -6.26);
        QVERIFY(near(a.replication[0].commit_latency_ms, rtt + 2.5));
        QCOMPARE(a.replication[0].rpo_s, 0.0);
        QCOMPARE(a.replication[0].lag_ms, 0.0);
    }

    // A quorum across three zones of one AWS region: W = 2 waits for one
    // replica, whose ack costs the zone-to-zone RTT (AWS: 1 ms) plus its apply
    // sojourn 1/(1,000 - 600) = 2.5 ms: 3.5 ms, never "+0.0 ms". The region's
    // zone_rtt_ms overrides the provider's figure; GCP's is 0.5 ms; a replica
    // in the primary's own zone pays only the apply.
    void quorumAcrossZonesIsZoneRttPlusApply() {
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3).region("us", 39.04, -77.49);
        b.design().regions[0].provider = "aws";
        b.zone("us-a", "us").zone("us-b", "us").zone("us-c", "us");
        b.users("u", 1, 39.04, -77.49);
        auto& db = b.add("db", ComponentKind::Database, "us", "us-a");
        db.params.capacity_rps = 100000;
        db.params.write_quorum = 2;
        for (const char* z : {"us-b", "us-c"}) {
            auto& rep = b.add(std::string("rep-") + z, ComponentKind::Database, "us", z);
            rep.role = DbRole::Replica;
            rep.params.capacity_rps = 100000;
            rep.params.apply_rate_wps = 1000;
            b.replicate("db", rep.id, LinkMode::Quorum);
        }
        b.call("u", "db");
        const Analysis a = analyze(b.design());
        QCOMPARE(a.replication.size(), std::size_t{2});
        QVERIFY(near(a.replication[0].write_rps, 600));
        for (const auto& r : a.replication) {
            QVERIFY(r.commit_latency_ms > 0);
            QVERIFY(near(r.commit_latency_ms, 1.0 + 2.5));
        }
        b.design().regions[0].params.zone_rtt_ms = 1.7;
        QVERIFY(near(analyze(b.design()).replication[0].commit_latency_ms, 1.7 + 2.5));
        b.design().regions[0].params.zone_rtt_ms = 0;
        b.design().regions[0].provider = "gcp";
        QVERIFY(near(analyze(b.design()).replication[0].commit_latency_ms, 0.5 + 2.5));
        b["rep-us-b"].zone = "us-a";   // the fastest ack now comes from the primary's zone
        QVERIFY(near(analyze(b.design()).replication[0].commit_latency_ms, 2.5));
        // Sync across zones: the same rule.
        b.design().links[1].mode = LinkMode::Sync;   // db => rep-us-c, another zone
        QVERIFY(near(analyze(b.design()).replication[1].commit_latency_ms, 0.5 + 2.5));
    }

    void quorumWaitsForTheWthAck() {
        // Replicas in three places; W = 3 counts the primary itself, so it waits
        // for the second-fastest replica ack (eu); W = 2 for the fastest (Ohio).
        DesignBuilder b;
        b.workload(864000, 100, 0.8, 3)
            .region("us", 39.04, -77.49)
            .region("us2", 39.96, -83.0)
            .region("eu", 53.35, -6.26)
            .region("ap", 1.29, 103.85);
        b.users("u", 1);
        auto& db = b.add("db", ComponentKind::Database, "us");
        db.params.capacity_rps = 1e5;
        db.params.write_quorum = 3;
        for (const char* r : {"us2", "eu", "ap"}) {
            auto& rep = b.add(std::string("rep-") + r, ComponentKind::Database, r);
            rep.role = DbRole::Replica;
            rep.params.capacity_rps = 1e5;
            b.replicate("db", rep.id, LinkMode::Quorum);
        }
        b.call("u", "db");
        const Analysis a = analyze(b.design());
        const double toEu = modelledRttMs(39.04, -77.49, 53.35, -6.26);
        QCOMPARE(a.replication.size(), std::size_t{3});
        // Each acknowledgement also waits for the replica's apply, 1/(mu - lambda).
        const double apply = 1000 / (1e5 - a.replication[0].write_rps);
        for (const auto& r : a.replication) QVERIFY(near(r.commit_latency_ms, toEu + apply));
        b["db"].params.write_quorum = 2;
        const double toOhio = modelledRttMs(39.04, -77.49, 39.96, -83.0);
        QVERIFY(near(analyze(b.design()).replication[0].commit_latency_ms, toOhio + apply));
        b["db"].params.write_quorum = 1;   // the primary alone
        QCOMPARE(analyze(b.design()).replication[0].commit_latency_ms, 0.0);
        b["db"].params.write_quorum = 5;   // 4 replica acks from 3 replicas: writes cannot commit
        QVERIFY(hasFinding(analyze(b.design()), "quorum_too_large"));
    }
};

QTEST_GUILESS_MAIN(TestReplication)
#include "test_replication.moc"
