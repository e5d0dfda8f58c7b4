// How components are named to people: a unique name as it is; a repeated
// name with its zone (else its region); the id when even the place repeats.
#include <QtTest>

#include <set>

#include "model/ComponentNames.h"
#include "tests/support/TestDesigns.h"

using namespace sw;
using testing::makeComponent;

class TestComponentNames : public QObject {
    Q_OBJECT
private slots:
    void repeatedNamesGetTheirPlace() {
        Design d;
        Region eu = testing::makeRegion("eu", "");
        eu.name = "EU West";
        Region us = testing::makeRegion("us", "");
        us.name = "US East";
        d.regions = {eu, us};
        Zone za{"eu-a", "eu-west-1a", "eu", {}, {}};
        d.zones = {za};
        Component a = makeComponent("media-eu", ComponentKind::Service, "eu", "eu-a");
        Component b = makeComponent("media-us", ComponentKind::Service, "us");
        Component c = makeComponent("media-eu-2", ComponentKind::Service, "eu", "eu-a");
        Component unique = makeComponent("api", ComponentKind::Service, "eu");
        Component unnamed = makeComponent("db", ComponentKind::Database, "eu");
        a.name = b.name = c.name = "Media jobs";
        unique.name = "API";
        unnamed.name = "";
        d.components = {a, b, c, unique, unnamed};
        const ComponentNames names(d);
        // A region by its catalogue code when it has one, else its name.
        QCOMPARE(names("media-us"), std::string("Media jobs (US East)"));
        // Same name, same zone: the place alone does not tell them apart.
        QCOMPARE(names("media-eu"), std::string("Media jobs (eu-west-1a, media-eu)"));
        QCOMPARE(names("media-eu-2"), std::string("Media jobs (eu-west-1a, media-eu-2)"));
        d.regions[1].code = "us-east-1";
        QCOMPARE(ComponentNames(d)("media-us"), std::string("Media jobs (us-east-1)"));
        QCOMPARE(names("api"), std::string("API"));
        QCOMPARE(names("db"), std::string("db"));
        QCOMPARE(names("nope"), std::string("nope"));
        // Every name shown is distinct.
        std::set<std::string> seen;
        for (const Component& x : d.components) QVERIFY(seen.insert(names(x.id)).second);
    }
};

QTEST_GUILESS_MAIN(TestComponentNames)
#include "TestComponentNames.moc"
