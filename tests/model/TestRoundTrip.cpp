// JSON -> Project -> .swproj -> Project -> JSON must lose nothing, for the
// bundled samples and for designs built here that set every field.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

#include "model/Model.h"
#include "tests/support/TestDesigns.h"

using namespace sw;

class TestRoundTrip : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;

    std::string path(const char* name) { return tmp_.filePath(name).toStdString(); }

    // Runs the whole chain and checks both equalities.
    void roundTrip(const Project& original, const std::string& file) {
        const std::string json1 = projectToJson(original);
        auto fromJson = projectFromJson(json1);
        QVERIFY2(fromJson.ok(), fromJson.error().c_str());
        QVERIFY(fromJson.value() == original);
        const auto e = writeSwproj(file, fromJson.value());
        QVERIFY2(!e, e ? e->c_str() : "");
        auto fromStore = readSwproj(file);
        QVERIFY2(fromStore.ok(), fromStore.error().c_str());
        QVERIFY(fromStore.value() == original);
        QCOMPARE(projectToJson(fromStore.value()), json1);
    }

private slots:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    void handMadeProjectSurvivesEveryFormat() {
        roundTrip(testing::handMadeProject(), path("hand.swproj"));
    }

    void generatedDesignSurvivesEveryFormat() {
        Project p;
        p.name = "generated";
        p.variants = {testing::generatedDesign(500)};
        roundTrip(p, path("generated.swproj"));
    }

    // A design's measured region pairs, a region's zone RTT and a user group's
    // last mile survive JSON and .swproj; a bad override is refused by name.
    void latencyFiguresSurviveEveryFormat() {
        Project p = testing::handMadeProject();
        Design& d = p.variants.front();
        QVERIFY(d.regions.size() >= 2);
        d.latency_overrides = {{d.regions[0].id, d.regions[1].id, 71.25}, {d.regions[1].id, d.regions[0].id, 72}};
        d.regions[0].params.zone_rtt_ms = 1.75;
        for (Component& c : d.components)
            if (c.kind == ComponentKind::UserGroup) c.params.last_mile_ms = 32.5;
        roundTrip(p, path("latency.swproj"));
        auto back = projectFromJson(projectToJson(p));
        QVERIFY(back.ok());
        QCOMPARE(back.value().variants.front().latency_overrides.front().rtt_ms, 71.25);
        for (const char* bad : {R"({"regions":[{"id":"a"},{"id":"b"}],"latency_overrides":[{"from":"a","to":"b","rtt_ms":-3}]})",
                                R"({"regions":[{"id":"a"}],"latency_overrides":[{"from":"a","to":"a","rtt_ms":3}]})",
                                R"({"latency_overrides":[{"from":"a","to":"b"}]})"}) {
            auto r = projectFromJson(bad);
            QVERIFY(!r.ok());
            QVERIFY2(r.error().find("latency_overrides[0]") != std::string::npos, r.error().c_str());
        }
    }

    // The fields set in the hand-made design come back with their values, not
    // merely equal to whatever was written (the reference is the literal here).
    void valuesSurviveLiterally() {
        auto back = readSwproj([&] {
            const std::string f = path("literal.swproj");
            (void)writeSwproj(f, testing::handMadeProject());
            return f;
        }());
        QVERIFY2(back.ok(), back.error().c_str());
        const Design& d = back.value().variants.at(0);
        const Component* api = d.findComponent("api");
        QVERIFY(api);
        QCOMPARE(api->params.capacity_rps, 450.5);
        QCOMPARE(api->params.service_time_ms, 12.125);
        QCOMPARE(api->pricing, Pricing::Reserved);
        QCOMPARE(api->name, std::string("API tier"));
        QCOMPARE(d.workload.bytes_per_response, 18432.5);
        QCOMPARE(d.findComponent("orders")->params.shards, 8.0);
        QCOMPARE(d.findComponent("orders")->role, DbRole::Shard);
        QCOMPARE(d.findLink("l-api-queue")->mode, LinkMode::Async);
        QCOMPARE(d.findLink("l-api-queue")->access, Access::Write);
        QCOMPARE(d.findLink("r-db-b")->mode, LinkMode::Quorum);
        QCOMPARE(d.findZone("west-a")->params.availability, 0.99925);
        QCOMPARE(d.regions.at(2).params.latitude, 52.52);
        QCOMPARE(back.value().variants.at(1).workload.users, 2.5e7);
        QVERIFY(d.description.find("\xc3\xa9\xe2\x82\xac") != std::string::npos);
    }

    // A single design in a file (no "variants") becomes a one-variant project
    // named after the design, and keeps its order of components and links.
    void singleDesignFileBecomesOneVariant() {
        const Design d = testing::handMadeDesign();
        auto p = projectFromJson(designToJson(d));
        QVERIFY2(p.ok(), p.error().c_str());
        QCOMPARE(p.value().variants.size(), std::size_t(1));
        QCOMPARE(p.value().name, d.name);
        QVERIFY(p.value().variants[0] == d);
        auto one = designFromJson(designToJson(d));
        QVERIFY(one.ok());
        QVERIFY(one.value() == d);
    }

    // Fields a file leaves out take the defaults the FieldSpec tables document.
    void omittedFieldsTakeDefaults() {
        auto p = projectFromJson(R"({"components":[{"id":"a","kind":"service"},{"id":"q","kind":"queue"}]})");
        QVERIFY2(p.ok(), p.error().c_str());
        const Design& d = p.value().variants[0];
        QCOMPARE(d.components[0].params.instances, 1.0);
        QCOMPARE(d.components[0].params.capacity_rps, 100.0);
        QCOMPARE(d.components[0].name, std::string("a"));
        QCOMPARE(d.components[1].params.partitions, 1.0);
        QCOMPARE(d.workload.read_fraction, 0.8);
        QCOMPARE(d.workload.peak_factor, 3.0);
        QCOMPARE(d.workload.monthly_growth, 0.2);
    }

    // A region with a catalogue code takes the catalogue's coordinates.
    void catalogueRegionTakesCoordinates() {
        auto p = projectFromJson(R"({"regions":[{"id":"r","code":"eu-west-1"}]})");
        QVERIFY2(p.ok(), p.error().c_str());
        const Region& r = p.value().variants[0].regions[0];
        const CloudRegion* dublin = defaultCatalogue().findRegion("eu-west-1");
        QVERIFY(dublin);
        QCOMPARE(r.params.latitude, dublin->latitude);
        QCOMPARE(r.provider, std::string("aws"));
        QCOMPARE(r.name, std::string("eu-west-1"));
    }

    // Saving again over an existing project replaces it entirely.
    void savingTwiceReplaces() {
        const std::string f = path("twice.swproj");
        QVERIFY(!writeSwproj(f, testing::handMadeProject()));
        Project small;
        small.name = "small";
        small.variants = {testing::generatedDesign(20)};
        QVERIFY(!writeSwproj(f, small));
        auto back = readSwproj(f);
        QVERIFY2(back.ok(), back.error().c_str());
        QVERIFY(back.value() == small);
    }

    // loadProject/saveProject pick the format by extension and content.
    void projectIoPicksTheFormat() {
        const Project p = testing::handMadeProject();
        QVERIFY(!saveProject(path("io.json"), p));
        QVERIFY(!saveProject(path("io.swproj"), p));
        QVERIFY(std::filesystem::copy_file(path("io.swproj"), path("misnamed.json")));
        for (const char* name : {"io.json", "io.swproj", "misnamed.json"}) {
            auto back = loadProject(path(name));
            QVERIFY2(back.ok(), back.error().c_str());
            QVERIFY2(back.value() == p, name);
        }
    }

    void samples_data() {
        QTest::addColumn<QString>("file");
        std::vector<std::string> files;
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator(SW_SAMPLES_DIR, ec))
            if (e.path().extension() == ".json") files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        if (files.empty()) QTest::newRow("no samples yet") << QString();
        for (const auto& f : files)
            QTest::newRow(std::filesystem::path(f).filename().string().c_str()) << QString::fromStdString(f);
    }

    // Every bundled sample loads, validates without errors and survives the
    // whole chain byte for byte.
    void samples() {
        QFETCH(QString, file);
        if (file.isEmpty()) QSKIP("samples/ holds no JSON file yet");
        auto loaded = readProjectJsonFile(file.toStdString());
        QVERIFY2(loaded.ok(), loaded.error().c_str());
        for (const Design& d : loaded.value().variants) {
            for (const Finding& f : validate(d))
                QVERIFY2(f.severity != Severity::Error, (d.name + ": " + f.message).c_str());
        }
        roundTrip(loaded.value(), path("sample.swproj"));
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "TestRoundTrip.moc"
