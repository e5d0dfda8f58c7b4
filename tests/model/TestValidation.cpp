// Each validation finding, triggered alone from a valid design, with its
// code, subject and wording checked.
#include <QtTest>

#include <cmath>
#include <functional>
#include <set>

#include "model/Model.h"
#include "tests/support/TestDesigns.h"

using namespace sw;
using testing::makeComponent;
using testing::makeLink;

using EditFn = std::function<void(sw::Design&)>;
Q_DECLARE_METATYPE(EditFn)

namespace {

std::string describe(const std::vector<Finding>& fs) {
    std::string s;
    for (const Finding& f : fs)
        s += (f.severity == Severity::Error ? "error " : "warning ") + f.code + " [" + f.subject + "] " +
             f.message + "\n";
    return s;
}

Link* link(Design& d, std::string_view id) {
    for (Link& l : d.links)
        if (l.id == id) return &l;
    return nullptr;
}

void removeLink(Design& d, std::string_view id) {
    std::erase_if(d.links, [&](const Link& l) { return l.id == id; });
}

}  // namespace

class TestValidation : public QObject {
    Q_OBJECT

private slots:
    void handMadeDesignHasNoFinding() {
        const auto fs = validate(testing::handMadeDesign());
        QVERIFY2(fs.empty(), describe(fs).c_str());
    }

    void generatedDesignHasNoFinding() {
        const auto fs = validate(testing::generatedDesign(1000));
        QVERIFY2(fs.empty(), describe(fs).substr(0, 2000).c_str());
    }

    void single_data() {
        using Edit = std::function<void(Design&)>;
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<bool>("isError");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("message");

        QTest::newRow("link to a missing component")
            << Edit([](Design& d) { link(d, "l-api-db")->to = "nowhere"; }) << true << "missing_endpoint"
            << "l-api-db" << "link 'l-api-db' ends at 'nowhere', which does not exist";
        QTest::newRow("link from a missing component")
            << Edit([](Design& d) { link(d, "l-worker-objects")->from = "ghost"; }) << true << "missing_endpoint"
            << "l-worker-objects" << "link 'l-worker-objects' starts at 'ghost', which does not exist";
        QTest::newRow("call cycle")
            << Edit([](Design& d) { d.links.push_back(makeLink("l-back", "cache", "lb")); }) << true
            << "call_cycle" << "lb" << "calls form a cycle: 'lb' -> 'API tier' (api) -> 'cache' -> 'lb'";
        QTest::newRow("replica without a primary")
            << Edit([](Design& d) { removeLink(d, "r-db-b"); }) << true << "replica_without_primary"
            << "db-replica-b" << "replica 'db-replica-b' has no replication link from a primary";
        QTest::newRow("replica fed only by a replica")
            << Edit([](Design& d) {
                   link(d, "r-db-b")->from = "db-replica";
               })
            << true << "replica_without_primary" << "db-replica-b"
            << "replica 'db-replica-b' has no replication link from a primary";
        QTest::newRow("component outside any region")
            << Edit([](Design& d) { d.findComponent("queue")->region.clear(); }) << true << "outside_region"
            << "queue" << "component 'queue' is not inside any region";
        QTest::newRow("component in a missing region")
            << Edit([](Design& d) { d.findComponent("queue")->region = "atlantis"; }) << true
            << "missing_region" << "queue" << "component 'queue' is in region 'atlantis', which does not exist";
        QTest::newRow("zone in a missing region")
            << Edit([](Design& d) { d.zones.push_back(Zone{"z9", "z9", "atlantis", {}, {}}); }) << true
            << "missing_region" << "z9" << "zone 'z9' is in region 'atlantis', which does not exist";
        QTest::newRow("component in a missing zone")
            << Edit([](Design& d) { d.findComponent("queue")->zone = "east-z"; }) << true << "missing_zone"
            << "queue" << "component 'queue' is in zone 'east-z', which does not exist";
        QTest::newRow("zone of another region")
            << Edit([](Design& d) { d.findComponent("api")->zone = "west-a"; }) << true
            << "zone_region_mismatch" << "api"
            << "component 'API tier' (api) is in zone 'west-a' of region 'west' but placed in region 'east'";
        QTest::newRow("users with no path")
            << Edit([](Design& d) {
                   removeLink(d, "l-us-dns");
                   removeLink(d, "l-us-lb");
               })
            << true << "unreachable_users" << "users-us" << "user group 'users-us' has no path to a service";
        QTest::newRow("users who reach only DNS")
            << Edit([](Design& d) { removeLink(d, "l-us-lb"); }) << true << "unreachable_users" << "users-us"
            << "user group 'users-us' has no path to a service";
        QTest::newRow("a pasted, unconnected service")
            << Edit([](Design& d) {
                   Component c = *d.findComponent("api");
                   c.id = "api-copy";
                   c.name = "API tier (copy)";
                   d.components.push_back(c);
               })
            << false << "unreachable_component" << "api-copy"
            << "Service 'API tier (copy)' (api-copy) is not connected: no user group's calls reach it";
        QTest::newRow("duplicate component id")
            << Edit([](Design& d) { d.components.push_back(*d.findComponent("worker")); }) << true
            << "duplicate_id" << "worker" << "component id 'worker' is used twice";
        QTest::newRow("duplicate link id")
            << Edit([](Design& d) {
                   Link copy = *link(d, "l-lb-api");
                   copy.from = "cdn";
                   d.links.push_back(copy);
               })
            << true << "duplicate_id" << "l-lb-api" << "link id 'l-lb-api' is used twice";
        QTest::newRow("duplicate region id")
            << Edit([](Design& d) { d.regions.push_back(d.regions[2]); }) << true << "duplicate_id" << "lab"
            << "region id 'lab' is used twice";
        QTest::newRow("empty component id")
            << Edit([](Design& d) { d.components.push_back(makeComponent("", ComponentKind::Cache, "east")); })
            << true << "empty_id" << "" << "component with an empty id";
        QTest::newRow("instances below range")
            << Edit([](Design& d) { d.findComponent("api")->params.instances = -2; }) << true << "out_of_range"
            << "api" << "component 'API tier' (api) instances: -2 is below the minimum 1";
        QTest::newRow("fractional instances")
            << Edit([](Design& d) { d.findComponent("api")->params.instances = 2.5; }) << true << "out_of_range"
            << "api" << "component 'API tier' (api) instances: 2.5 is not a whole number";
        QTest::newRow("hit ratio above one")
            << Edit([](Design& d) { d.findComponent("cache")->params.hit_ratio = 1.5; }) << true
            << "out_of_range" << "cache" << "component 'cache' hit_ratio: 1.5 is above the maximum 1";
        QTest::newRow("NaN availability")
            << Edit([](Design& d) { d.findComponent("db")->params.availability = std::nan(""); }) << true
            << "out_of_range" << "db" << "component 'db' availability: NaN is not a finite number";
        QTest::newRow("workload read fraction")
            << Edit([](Design& d) { d.workload.read_fraction = 1.25; }) << true << "out_of_range" << ""
            << "workload read_fraction: 1.25 is above the maximum 1";
        QTest::newRow("region availability")
            << Edit([](Design& d) { d.regions[0].params.availability = 0; }) << true << "out_of_range" << "east"
            << "region 'east' availability: 0 is below the minimum 1e-06";
        QTest::newRow("zone availability")
            << Edit([](Design& d) { d.zones[1].params.availability = 2; }) << true << "out_of_range" << "east-b"
            << "zone 'east-b' availability: 2 is above the maximum 1";
        QTest::newRow("link fraction")
            << Edit([](Design& d) { link(d, "l-api-db")->params.fraction = -0.5; }) << true << "out_of_range"
            << "l-api-db" << "link 'l-api-db' fraction: -0.5 is below the minimum 0";
        QTest::newRow("unknown instance type")
            << Edit([](Design& d) { d.findComponent("api")->instance_type = "m9.huge"; }) << true
            << "unknown_instance_type" << "api"
            << "component 'API tier' (api) uses instance type 'm9.huge', which is not in the catalogue";
        QTest::newRow("replication between a database and a queue")
            << Edit([](Design& d) {
                   d.links.push_back(makeLink("r-bad", "db", "queue", LinkKind::Replication, LinkMode::Async));
               })
            << true << "bad_replication" << "r-bad"
            << "replication link 'r-bad' must join two stores of the same kind, not database and queue";
        QTest::newRow("replication between services")
            << Edit([](Design& d) {
                   d.links.push_back(makeLink("r-svc", "api", "worker", LinkKind::Replication, LinkMode::Sync));
               })
            << true << "bad_replication" << "r-svc"
            << "replication link 'r-svc' must join two stores of the same kind, not service and service";
        QTest::newRow("call into a user group")
            << Edit([](Design& d) { d.links.push_back(makeLink("l-to-users", "worker", "users-us")); }) << true
            << "call_to_users" << "l-to-users" << "call link 'l-to-users' ends at user group 'users-us'";
        QTest::newRow("self link")
            << Edit([](Design& d) { d.links.push_back(makeLink("l-self", "api", "api")); }) << true
            << "self_link" << "l-self" << "link 'l-self' connects 'API tier' (api) to itself";
        QTest::newRow("unknown region code")
            << Edit([](Design& d) { d.regions[2].code = "mars-north-1"; }) << false << "unknown_region_code"
            << "lab" << "region 'lab' has code 'mars-north-1', which is not in the catalogue";
        QTest::newRow("MTBF without MTTR")
            << Edit([](Design& d) { d.findComponent("api")->params.mtbf_h = 1000; }) << false
            << "mtbf_without_mttr" << "api"
            << "component 'API tier' (api) has an MTBF but no MTTR; availability is used instead";
        QTest::newRow("user shares do not add up")
            << Edit([](Design& d) { d.findComponent("users-eu")->params.user_share = 0.5; }) << false
            << "user_shares" << "" << "user-group shares add up to 1.125, not 1; they are normalised";
    }

    // The edit produces exactly one finding, with the expected code, subject,
    // severity and wording.
    void single() {
        using Edit = std::function<void(Design&)>;
        QFETCH(Edit, edit);
        QFETCH(bool, isError);
        QFETCH(QString, code);
        QFETCH(QString, subject);
        QFETCH(QString, message);
        Design d = testing::handMadeDesign();
        edit(d);
        const auto fs = validate(d);
        QVERIFY2(fs.size() == 1, describe(fs).c_str());
        QCOMPARE(QString::fromStdString(fs[0].code), code);
        QCOMPARE(QString::fromStdString(fs[0].subject), subject);
        QCOMPARE(QString::fromStdString(fs[0].message), message);
        QCOMPARE(fs[0].severity == Severity::Error, isError);
        QCOMPARE(hasErrors(fs), isError);
    }

    // A longer cycle names every component on it, and only those.
    void longCycleNamesEveryMember() {
        Design d;
        for (const char* id : {"a", "b", "c", "d", "e"})
            d.components.push_back(makeComponent(id, ComponentKind::Service, "r"));
        d.regions.push_back(testing::makeRegion("r", ""));
        d.links = {makeLink("1", "a", "b"), makeLink("2", "b", "c"), makeLink("3", "c", "d"),
                   makeLink("4", "d", "b"), makeLink("5", "d", "e")};
        const auto fs = validate(d);
        QVERIFY2(fs.size() == 1, describe(fs).c_str());
        QCOMPARE(fs[0].code, std::string("call_cycle"));
        QCOMPARE(fs[0].message, std::string("calls form a cycle: 'b' -> 'c' -> 'd' -> 'b'"));
    }

    // Several problems at once are all reported, none hides another.
    void problemsDoNotHideEachOther() {
        Design d = testing::handMadeDesign();
        link(d, "l-api-db")->to = "nowhere";
        d.links.push_back(makeLink("l-back", "cache", "lb"));
        d.findComponent("queue")->region.clear();
        removeLink(d, "r-db-b");
        std::set<std::string> codes;
        for (const Finding& f : validate(d)) codes.insert(f.code);
        QCOMPARE(codes, (std::set<std::string>{"missing_endpoint", "call_cycle", "outside_region",
                                               "replica_without_primary"}));
    }

    // Reachability is to a component that answers, not to the first hop: a
    // user group wired only to a load balancer (the service not yet
    // connected) reaches no service, and the service is reported too.
    void usersWiredOnlyToALoadBalancer() {
        Design d;
        d.regions.push_back(testing::makeRegion("r", ""));
        d.components = {makeComponent("users", ComponentKind::UserGroup), makeComponent("lb", ComponentKind::LoadBalancer, "r"),
                        makeComponent("api", ComponentKind::Service, "r")};
        d.links = {makeLink("1", "users", "lb")};
        auto fs = validate(d);
        QVERIFY2(fs.size() == 1, describe(fs).c_str());
        QCOMPARE(fs[0].code, std::string("unreachable_users"));
        QCOMPARE(fs[0].subject, std::string("users"));
        QCOMPARE(fs[0].severity, Severity::Error);
        // Once the users reach the service through it, a second service left
        // unconnected is a warning of its own.
        d.links.push_back(makeLink("2", "lb", "api"));
        d.components.push_back(makeComponent("pasted", ComponentKind::Service, "r"));
        fs = validate(d);
        QVERIFY2(fs.size() == 1, describe(fs).c_str());
        QCOMPARE(fs[0].code, std::string("unreachable_component"));
        QCOMPARE(fs[0].subject, std::string("pasted"));
        QCOMPARE(fs[0].severity, Severity::Warning);
        d.components.pop_back();
        d.links.pop_back();
        // A CDN in front of nothing serves no one either.
        d.components[1].kind = ComponentKind::Cdn;
        fs = validate(d);
        QVERIFY2(!fs.empty() && fs[0].code == "unreachable_users", describe(fs).c_str());
        // Connected through to the service: no finding at all.
        d.components[1].kind = ComponentKind::LoadBalancer;
        d.links.push_back(makeLink("2", "lb", "api"));
        fs = validate(d);
        QVERIFY2(fs.empty(), describe(fs).c_str());
        // A standby fed only by replication and a consumer pulling from a
        // reached queue are connected by design.
        d.components.push_back(makeComponent("q", ComponentKind::Queue, "r"));
        d.components.push_back(makeComponent("consumer", ComponentKind::Service, "r"));
        d.components.push_back(makeComponent("db", ComponentKind::Database, "r"));
        Component standby = makeComponent("standby", ComponentKind::Database, "r");
        standby.role = DbRole::Replica;
        d.components.push_back(standby);
        d.links.push_back(makeLink("3", "api", "q"));
        d.links.push_back(makeLink("4", "consumer", "q"));
        d.links.push_back(makeLink("5", "api", "db"));
        d.links.push_back(makeLink("6", "db", "standby", LinkKind::Replication, LinkMode::Async));
        fs = validate(d);
        QVERIFY2(fs.empty(), describe(fs).c_str());
    }

    // A design with nothing in it is valid; validation never needs a component.
    void emptyDesignIsValid() { QVERIFY(validate(Design{}).empty()); }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "TestValidation.moc"
