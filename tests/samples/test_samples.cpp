// The bundled sample designs: every file loads and validates, the twelve stages of
// seed 004 are all there in order with the seed's user ranges, the planet-scale
// design spans three regions and several continents, and every design is laid
// out so each box sits inside the container it belongs to.
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtTest>
#include <set>

#include "model/Catalogue.h"
#include "model/JsonFormat.h"
#include "model/Validation.h"

namespace {

constexpr double kBoxW = 160, kBoxH = 64;   // node box size (canvas convention, COMMON.md)

struct Box {
    double x1, y1, x2, y2;
};

Box boxOf(const sw::Component& c) { return {c.x, c.y, c.x + kBoxW, c.y + kBoxH}; }
Box boxOf(const sw::Rect& r) { return {r.x, r.y, r.x + r.w, r.y + r.h}; }
bool inside(const Box& a, const Box& outer) {
    return a.x1 >= outer.x1 && a.y1 >= outer.y1 && a.x2 <= outer.x2 && a.y2 <= outer.y2;
}
bool overlaps(const Box& a, const Box& b) {
    return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

// Coarse continent boxes, enough to tell apart the user groups' cities.
QString continentOf(double lat, double lon) {
    if (lat < -10 && lon > 110) return "Oceania";
    if (lon < -30) return lat >= 13 ? "North America" : "South America";
    if (lon < 60 && lat < 36 && !(lat > 12 && lon > 35)) return "Africa";
    if (lon < 40 && lat >= 36) return "Europe";
    return "Asia";
}

QStringList sampleFiles() {
    QDir dir(SW_SAMPLES_DIR);
    QStringList out;
    for (const QFileInfo& f : dir.entryInfoList({"*.json"}, QDir::Files, QDir::Name))
        out << f.absoluteFilePath();
    return out;
}

sw::Design load(const QString& path) {
    auto p = sw::readProjectJsonFile(path.toStdString());
    if (!p) qFatal("%s", p.error().c_str());
    return p.value().variants.front();
}

}  // namespace

class TestSamples : public QObject {
    Q_OBJECT

private slots:
    void everySampleLoadsAndValidates_data();
    void everySampleLoadsAndValidates();
    void layoutKeepsBoxesInTheirContainers_data();
    void layoutKeepsBoxesInTheirContainers();
    void catalogueNamesResolve_data();
    void catalogueNamesResolve();
    void twelveStagesInOrderWithTheSeedsUserRanges();
    void stageOneIsTheSeedsSingleServer();
    void stagesUseTheSeedsHardware();
    void planetSpansThreeRegionsAndSeveralContinents();
    void continentBoxesPlaceKnownCities();
    void threeSamplesCompareVariants();
};

void TestSamples::threeSamplesCompareVariants() {
    int withVariants = 0;
    for (const QString& f : sampleFiles()) {
        auto p = sw::readProjectJsonFile(f.toStdString());
        QVERIFY(p.ok());
        if (p.value().variants.size() < 2) continue;
        ++withVariants;
        // Each variant differs from the first: a what-if, not a copy.
        for (std::size_t i = 1; i < p.value().variants.size(); ++i) {
            sw::Design a = p.value().variants[0], b = p.value().variants[i];
            b.name = a.name;
            b.description = a.description;
            QVERIFY2(!(a == b), qPrintable(f));
        }
    }
    QVERIFY(withVariants >= 3);
}

void TestSamples::everySampleLoadsAndValidates_data() {
    QTest::addColumn<QString>("path");
    const QStringList files = sampleFiles();
    QVERIFY2(files.size() >= 15, "expected the 12 stages, the planet, e-commerce and more");
    for (const QString& f : files) QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

void TestSamples::everySampleLoadsAndValidates() {
    QFETCH(QString, path);
    auto p = sw::readProjectJsonFile(path.toStdString());
    QVERIFY2(p.ok(), p.ok() ? "" : p.error().c_str());
    // Samples with several variants compare what-ifs; each variant is a whole,
    // valid design that says which question it answers.
    QVERIFY(!p.value().variants.empty());
    for (const sw::Design& d : p.value().variants) {
        QVERIFY(!d.name.empty());
        QVERIFY2(d.description.size() > 40, "each sample says what it shows");
        QVERIFY(!d.components.empty());
        // No finding at all: none of the bundled designs carries a deliberate warning.
        QStringList messages;
        for (const sw::Finding& f : sw::validate(d))
            messages << QString::fromStdString((f.severity == sw::Severity::Error ? "error: " : "warning: ") + f.message);
        QVERIFY2(messages.isEmpty(), qPrintable(messages.join("\n")));
        // Ids are kebab-case so they read well in CSV, JSON and command lines.
        static const QRegularExpression kebab("^[a-z0-9]+(-[a-z0-9]+)*$");
        for (const auto& c : d.components)
            QVERIFY2(kebab.match(QString::fromStdString(c.id)).hasMatch(), c.id.c_str());
        // Every user group share is part of a whole.
        double shares = 0;
        for (const auto& c : d.components)
            if (c.kind == sw::ComponentKind::UserGroup) shares += c.params.user_share;
        QVERIFY2(std::abs(shares - 1.0) < 1e-6, qPrintable(QString::number(shares)));
    }
}

void TestSamples::layoutKeepsBoxesInTheirContainers_data() { everySampleLoadsAndValidates_data(); }

void TestSamples::layoutKeepsBoxesInTheirContainers() {
    QFETCH(QString, path);
    const sw::Design d = load(path);
    for (const sw::Zone& z : d.zones) {
        const sw::Region* r = d.findRegion(z.region);
        QVERIFY(r);
        QVERIFY2(inside(boxOf(z.rect), boxOf(r->rect)), z.id.c_str());
        for (const sw::Zone& other : d.zones)
            if (&other != &z) QVERIFY2(!overlaps(boxOf(z.rect), boxOf(other.rect)), (z.id + " / " + other.id).c_str());
    }
    for (std::size_t i = 0; i < d.regions.size(); ++i)
        for (std::size_t k = i + 1; k < d.regions.size(); ++k)
            QVERIFY2(!overlaps(boxOf(d.regions[i].rect), boxOf(d.regions[k].rect)), d.regions[i].id.c_str());
    for (const sw::Component& c : d.components) {
        const Box b = boxOf(c);
        if (c.kind == sw::ComponentKind::UserGroup) {
            for (const sw::Region& r : d.regions)
                QVERIFY2(!overlaps(b, boxOf(r.rect)), (c.id + " sits on region " + r.id).c_str());
            continue;
        }
        const sw::Region* r = d.findRegion(c.region);
        QVERIFY2(r, c.id.c_str());
        QVERIFY2(inside(b, boxOf(r->rect)), (c.id + " outside region " + r->id).c_str());
        for (const sw::Zone& z : d.zones) {
            if (z.id == c.zone) QVERIFY2(inside(b, boxOf(z.rect)), (c.id + " outside zone " + z.id).c_str());
            else QVERIFY2(!overlaps(b, boxOf(z.rect)), (c.id + " drawn over zone " + z.id + " it is not in").c_str());
        }
        for (const sw::Component& o : d.components)
            if (&o != &c) QVERIFY2(!overlaps(b, boxOf(o)), (c.id + " overlaps " + o.id).c_str());
    }
}

void TestSamples::catalogueNamesResolve_data() { everySampleLoadsAndValidates_data(); }

void TestSamples::catalogueNamesResolve() {
    QFETCH(QString, path);
    const sw::Design d = load(path);
    const sw::Catalogue& cat = sw::defaultCatalogue();
    for (const sw::Region& r : d.regions) {
        QVERIFY2(!r.code.empty(), r.id.c_str());
        const sw::CloudRegion* cr = cat.findRegion(r.code);
        QVERIFY2(cr, r.code.c_str());
        QCOMPARE(r.params.latitude, cr->latitude);   // filled in from the catalogue on load
        QCOMPARE(r.params.longitude, cr->longitude);
    }
    for (const sw::Component& c : d.components)
        if (!c.instance_type.empty()) QVERIFY2(cat.findInstanceType(c.instance_type), c.instance_type.c_str());
}

void TestSamples::twelveStagesInOrderWithTheSeedsUserRanges() {
    // Seed 004: stage headings (line numbers in docs/seed-notes.md) give each stage's users.
    struct Range {
        const char* slug;
        double lo, hi;
    };
    const Range seed[12] = {{"single-server", 0, 1e3},     {"separate-database", 1e3, 1e4},
                            {"load-balancer", 1e4, 1e5},   {"replication", 1e5, 5e5},
                            {"caching-layer", 5e5, 2e6},   {"cdn", 2e6, 5e6},
                            {"sharding", 5e6, 2e7},        {"message-queues", 2e7, 1e12},
                            {"microservices", 5e7, 1e12},  {"observability", 5e7, 1e12},
                            {"auto-scaling", 5e7, 1e12},   {"multi-region", 5e7, 1e12}};
    QDir dir(SW_SAMPLES_DIR);
    const QStringList stages = dir.entryList({"stage-*.json"}, QDir::Files, QDir::Name);
    QCOMPARE(stages.size(), 12);
    double previous = 0;
    for (int i = 0; i < 12; ++i) {
        const QString expected = QString("stage-%1-%2.json").arg(i + 1, 2, 10, QChar('0')).arg(seed[i].slug);
        QCOMPARE(stages[i], expected);
        const sw::Design d = load(dir.filePath(stages[i]));
        const double users = d.workload.users;
        QVERIFY2(users > previous, qPrintable(stages[i]));
        QVERIFY2(users >= seed[i].lo && users <= seed[i].hi, qPrintable(stages[i] + ": " + QString::number(users)));
        QVERIFY2(QString::fromStdString(d.name).startsWith(QString("Stage %1:").arg(i + 1)), d.name.c_str());
        // The seeds' workload unless a stage says otherwise: 80:20, peak 3x, 20 % a month.
        QCOMPARE(d.workload.read_fraction, 0.8);
        QCOMPARE(d.workload.peak_factor, 3.0);
        QCOMPARE(d.workload.monthly_growth, 0.2);
        previous = users;
    }
}

void TestSamples::stageOneIsTheSeedsSingleServer() {
    // Seed 004 L31-32: 4 vCPUs, 16 GB, "t3.xlarge"; one server, nothing redundant.
    const sw::Design d = load(QDir(SW_SAMPLES_DIR).filePath("stage-01-single-server.json"));
    int services = 0;
    for (const sw::Component& c : d.components) {
        if (c.kind != sw::ComponentKind::Service) continue;
        ++services;
        QCOMPARE(c.instance_type, std::string("t3.xlarge"));
        QCOMPARE(c.params.instances, 1.0);
        const sw::InstanceType* t = sw::defaultCatalogue().findInstanceType(c.instance_type);
        QVERIFY(t);
        QCOMPARE(t->vcpu, 4.0);
        QCOMPARE(t->ram_gib, 16.0);
        // 4 vCPUs busy for the service time each: capacity x service time = 4 in flight.
        QCOMPARE(c.params.capacity_rps * c.params.service_time_ms / 1000.0, t->vcpu);
    }
    QCOMPARE(services, 1);
    QCOMPARE(d.regions.size(), std::size_t(1));
}

void TestSamples::stagesUseTheSeedsHardware() {
    // Seed 004's boxes, by vCPUs and GiB from the catalogue (line numbers in docs/seed-notes.md).
    const QDir dir(SW_SAMPLES_DIR);
    const sw::Catalogue& cat = sw::defaultCatalogue();
    auto typeOf = [&](const sw::Component& c) {
        const sw::InstanceType* t = cat.findInstanceType(c.instance_type);
        if (!t) qFatal("%s has no catalogue type", c.id.c_str());
        return *t;
    };
    auto all = [&](const sw::Design& d, sw::ComponentKind k, auto pred) {
        int n = 0;
        for (const sw::Component& c : d.components)
            if (c.kind == k && pred(c)) ++n;
        return n;
    };
    auto isDb = [](sw::DbRole r) { return [r](const sw::Component& c) { return c.role == r; }; };

    {   // Stage 2 (L68-69): web 8 vCPUs/32 GB; database 8 vCPUs/64 GB with 500 GB.
        const sw::Design d = load(dir.filePath("stage-02-separate-database.json"));
        for (const sw::Component& c : d.components) {
            if (c.kind == sw::ComponentKind::Service) {
                QCOMPARE(typeOf(c).vcpu, 8.0);
                QCOMPARE(typeOf(c).ram_gib, 32.0);
            }
            if (c.kind == sw::ComponentKind::Database) {
                QCOMPARE(typeOf(c).vcpu, 8.0);
                QCOMPARE(typeOf(c).ram_gib, 64.0);
                QCOMPARE(c.params.storage_gb, 500.0);
            }
        }
    }
    {   // Stage 3 (L120, L176-178): an ALB checking every 30 s, 3 failures; 16-core database.
        const sw::Design d = load(dir.filePath("stage-03-load-balancer.json"));
        QCOMPARE(all(d, sw::ComponentKind::LoadBalancer, [](const sw::Component& c) {
                     return c.params.health_check_interval_s == 30 && c.params.unhealthy_threshold == 3;
                 }), 1);
        QCOMPARE(all(d, sw::ComponentKind::Database, [&](const sw::Component& c) { return typeOf(c).vcpu == 16; }), 1);
        double web = 0;
        for (const sw::Component& c : d.components)
            if (c.kind == sw::ComponentKind::Service) web += c.params.instances;
        QVERIFY(web >= 3 && web <= 5);   // L121: 3-5 web servers
    }
    {   // Stage 4 (L218-219): master 16 cores/128 GB/1 TB; async replicas 8 cores/64 GB, 2-5 of them.
        const sw::Design d = load(dir.filePath("stage-04-replication.json"));
        QCOMPARE(all(d, sw::ComponentKind::Database, [&](const sw::Component& c) {
                     return c.role == sw::DbRole::Primary && typeOf(c).vcpu == 16 && typeOf(c).ram_gib == 128 &&
                            c.params.storage_gb == 1000;
                 }), 1);
        double replicas = 0;
        for (const sw::Component& c : d.components)
            if (c.kind == sw::ComponentKind::Database && c.role == sw::DbRole::Replica) {
                QCOMPARE(typeOf(c).vcpu, 8.0);
                QCOMPARE(typeOf(c).ram_gib, 64.0);
                replicas += c.params.instances;
            }
        QVERIFY(replicas >= 2 && replicas <= 5);
        for (const sw::Link& l : d.links)
            if (l.kind == sw::LinkKind::Replication) QCOMPARE(l.mode, sw::LinkMode::Async);
    }
    {   // Stage 5 (L368-369): Redis 3 masters + 3 replicas on cache.r6g.2xlarge, hit ratio 85 %.
        const sw::Design d = load(dir.filePath("stage-05-caching-layer.json"));
        double nodes = 0;
        for (const sw::Component& c : d.components)
            if (c.kind == sw::ComponentKind::Cache) {
                QCOMPARE(c.instance_type, std::string("cache.r6g.2xlarge"));
                QCOMPARE(c.params.hit_ratio, 0.85);
                nodes += c.params.instances;
            }
        QCOMPARE(nodes, 6.0);
    }
    {   // Stage 7 (L729-731): shards of 16 cores, 128 GB, 1 TB; at least 4 of them.
        const sw::Design d = load(dir.filePath("stage-07-sharding.json"));
        QCOMPARE(all(d, sw::ComponentKind::Database, [&](const sw::Component& c) {
                     return c.role == sw::DbRole::Shard && c.params.shards >= 4 && typeOf(c).vcpu == 16 &&
                            typeOf(c).ram_gib == 128 && c.params.storage_gb == 1000;
                 }), 1);
        QCOMPARE(all(d, sw::ComponentKind::Database, isDb(sw::DbRole::Primary)), 0);
    }
    {   // Stage 12 (L1371): us-east-1 primary, eu-west-1 and ap-south-1.
        const sw::Design d = load(dir.filePath("stage-12-multi-region.json"));
        std::set<std::string> codes;
        for (const sw::Region& r : d.regions) codes.insert(r.code);
        QCOMPARE(codes, (std::set<std::string>{"us-east-1", "eu-west-1", "ap-south-1"}));
        QCOMPARE(all(d, sw::ComponentKind::Dns, [](const sw::Component&) { return true; }), 3);
    }
}

void TestSamples::planetSpansThreeRegionsAndSeveralContinents() {
    QDir dir(SW_SAMPLES_DIR);
    const QStringList planets = dir.entryList({"*planet*.json"}, QDir::Files);
    QCOMPARE(planets.size(), 1);
    QCOMPARE(planets.front(), QString("planet-scale-3-region.json"));   // the quick start opens it
    const sw::Design d = load(dir.filePath(planets.front()));
    QCOMPARE(d.regions.size(), std::size_t(3));
    std::set<std::string> providers;
    for (const sw::Region& r : d.regions) {
        providers.insert(r.provider);
        int zones = 0;
        for (const sw::Zone& z : d.zones) zones += z.region == r.id;
        QVERIFY2(zones == 3, r.id.c_str());
        // Active-active: every region runs the whole stack.
        std::set<sw::ComponentKind> kinds;
        for (const sw::Component& c : d.components)
            if (c.region == r.id) kinds.insert(c.kind);
        for (auto k : {sw::ComponentKind::Dns, sw::ComponentKind::Cdn, sw::ComponentKind::LoadBalancer,
                       sw::ComponentKind::Service, sw::ComponentKind::Cache, sw::ComponentKind::Database,
                       sw::ComponentKind::Queue, sw::ComponentKind::ObjectStorage})
            QVERIFY2(kinds.count(k), (r.id + " lacks " + std::string(sw::kindKey(k))).c_str());
    }
    QCOMPARE(providers.size(), std::size_t(1));
    std::set<QString> continents;
    for (const sw::Component& c : d.components)
        if (c.kind == sw::ComponentKind::UserGroup) continents.insert(continentOf(c.params.latitude, c.params.longitude));
    QVERIFY2(continents.size() >= 3, qPrintable(QString::number(continents.size())));
    // Data crosses regions: at least one replication link joins two regions, and
    // databases are sharded.
    bool crossRegion = false, sharded = false;
    for (const sw::Link& l : d.links) {
        if (l.kind != sw::LinkKind::Replication) continue;
        const sw::Component* a = d.findComponent(l.from);
        const sw::Component* b = d.findComponent(l.to);
        crossRegion = crossRegion || (a && b && a->region != b->region);
    }
    for (const sw::Component& c : d.components) sharded = sharded || (c.kind == sw::ComponentKind::Database && c.params.shards > 1);
    QVERIFY(crossRegion);
    QVERIFY(sharded);
}

void TestSamples::continentBoxesPlaceKnownCities() {
    // The helper above must tell cities apart, or the continent count means nothing.
    QCOMPARE(continentOf(40.71, -74.01), QString("North America"));   // New York
    QCOMPARE(continentOf(-23.55, -46.63), QString("South America"));  // Sao Paulo
    QCOMPARE(continentOf(50.11, 8.68), QString("Europe"));            // Frankfurt
    QCOMPARE(continentOf(6.52, 3.38), QString("Africa"));             // Lagos
    QCOMPARE(continentOf(-33.92, 18.42), QString("Africa"));          // Cape Town
    QCOMPARE(continentOf(19.08, 72.88), QString("Asia"));             // Mumbai
    QCOMPARE(continentOf(35.68, 139.69), QString("Asia"));            // Tokyo
    QCOMPARE(continentOf(-33.87, 151.21), QString("Oceania"));        // Sydney
    QCOMPARE(continentOf(25.2, 55.3), QString("Asia"));               // Dubai
}

QTEST_GUILESS_MAIN(TestSamples)
#include "test_samples.moc"
