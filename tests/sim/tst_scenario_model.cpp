// Scenarios in the model: JSON round trip, path-precise errors that name the
// event and field, the .swproj store and its migration from schema 1 to 2.
#include <QtTest>

#include <sqlite3.h>

#include <filesystem>

#include "model/JsonFormat.h"
#include "model/ProjectStore.h"
#include "model/SwprojSchema.h"

using namespace sw;

namespace {

const char* kProject = R"({
  "format": "scalewright", "format_version": 1, "name": "P",
  "components": [{"id": "web", "kind": "service", "instances": 4}],
  "scenarios": [
    {"name": "spike-x5", "duration_s": 1800,
     "traffic": [{"type": "diurnal", "amplitude": 0.4, "period_s": 86400, "peak_s": 3600},
                 {"type": "spike", "factor": 5, "start_s": 300, "duration_s": 900}]},
    {"name": "chaos", "service_time": "lognormal",
     "failures": [{"type": "kill_percent", "target": "web", "percent": 10, "start_s": 60, "duration_s": 600},
                  {"type": "latency", "target": "web", "latency_ms": 250, "start_s": 30}],
     "steady_state": [{"metric": "error_rate", "below": 0.01}, {"metric": "p95_ms", "below": 200}],
     "abort": [{"metric": "p95_ms", "above": 500}],
     "policies": {"retries": 3, "timeout_ms": 800}},
    {"name": "replay", "traffic": [{"type": "replay", "series": [[0, 100], [60, 250.5]]}]}
  ]
})";

std::string firstError(const std::string& json) {
    auto p = projectFromJson(json);
    return p ? std::string() : p.error();
}

std::string withScenario(const std::string& scenario) {
    return R"({"components": [{"id": "web", "kind": "service"}], "scenarios": [)" + scenario + "]}";
}

}  // namespace

class TestScenarioModel : public QObject {
    Q_OBJECT
private slots:
    void readsEveryEventKind() {
        auto p = projectFromJson(kProject);
        QVERIFY2(p.ok(), p.error().c_str());
        QCOMPARE(p->scenarios.size(), std::size_t(3));
        const Scenario& spike = p->scenarios[0];
        QCOMPARE(spike.duration_s, 1800.0);
        QCOMPARE(spike.traffic[1].kind, TrafficKind::Spike);
        QCOMPARE(spike.traffic[1].factor, 5.0);
        QCOMPARE(spike.traffic[1].start_s, 300.0);
        QCOMPARE(spike.traffic[0].amplitude, 0.4);
        const Scenario& chaos = p->scenarios[1];
        QCOMPARE(chaos.service, ServiceDistribution::Lognormal);
        QCOMPARE(chaos.failures[0].kind, FailureKind::KillPercent);
        QCOMPARE(chaos.failures[0].percent, 10.0);
        QCOMPARE(chaos.failures[1].duration_s, 0.0);   // never recovers
        QCOMPARE(chaos.steady_state.size(), std::size_t(2));
        QVERIFY(chaos.abort_when[0].above);
        QCOMPARE(chaos.abort_when[0].threshold, 500.0);
        QCOMPARE(chaos.policies.retries, 3.0);
        QCOMPARE(chaos.policies.timeout_ms, 800.0);
        QCOMPARE(chaos.policies.breaker_open_s, ScenarioPolicies{}.breaker_open_s);
        QCOMPARE(p->scenarios[2].traffic[0].series[1].rps, 250.5);
        QVERIFY(p->findScenario("chaos") == &p->scenarios[1]);
        QVERIFY(p->findScenario("nope") == nullptr);
    }

    void roundTripsThroughJson() {
        auto p = projectFromJson(kProject);
        QVERIFY(p.ok());
        auto again = projectFromJson(projectToJson(p.value()));
        QVERIFY2(again.ok(), again.error().c_str());
        QVERIFY(again.value() == p.value());
        auto one = scenarioFromJson(scenarioToJson(p->scenarios[1]));
        QVERIFY2(one.ok(), one.error().c_str());
        QVERIFY(one.value() == p->scenarios[1]);
    }

    // The editable text of a project's scenario list: round trip, and every
    // kind of refusal says where.
    void scenarioListAsText() {
        auto p = projectFromJson(kProject);
        QVERIFY(p.ok());
        const std::string text = scenariosToJson(p->scenarios);
        QVERIFY(text.find("\n  {\n    \"name\": \"spike-x5\"") != std::string::npos);   // indented for people
        auto back = scenariosFromJson(text);
        QVERIFY2(back.ok(), back.error().c_str());
        QVERIFY(back.value() == p->scenarios);
        QVERIFY(scenariosFromJson("[]").value().empty());

        // The second comma of line 3 is at column 21.
        auto syntax = scenariosFromJson("[\n  {\"name\": \"a\",\n   \"duration_s\": 60,,}\n]");
        QVERIFY(!syntax);
        QCOMPARE(QString::fromStdString(syntax.error()), QStringLiteral("scenarios: not valid JSON at line 3, column 21"));
        auto notList = scenariosFromJson(R"({"name": "a"})");
        QCOMPARE(QString::fromStdString(notList.error()), QStringLiteral("scenarios: expected a list [ {...}, ... ]"));
        auto twice = scenariosFromJson(R"([{"name": "a"}, {"name": "a"}])");
        QVERIFY(!twice);
        QVERIFY2(twice.error().find("scenarios[1].name: 'a' is already used by scenarios[0]") != std::string::npos,
                 twice.error().c_str());
        auto field = scenariosFromJson(R"([{"name": "a", "failures": [{"type": "errors", "target": "db", "error_rate": 2}]}])");
        QVERIFY(!field);
        QVERIFY2(field.error().find("scenarios[0].failures[0].error_rate") != std::string::npos, field.error().c_str());
    }

    // Found by fuzz_scenario_json: a number beyond a double's range made the
    // JSON library throw out_of_range, which ended the program (the
    // simulator panel's editor and `scenarios` text take this path).
    void hugeNumbersAreRefusedNotFatal() {
        auto bare = scenarioFromJson("1e3082il");
        QVERIFY(!bare);
        QCOMPARE(QString::fromStdString(bare.error()),
                 QStringLiteral("scenario: a number is too large for a double (beyond 1.8e308)"));
        auto inList = scenariosFromJson(R"([{"name": "a", "duration_s": 1e400}])");
        QVERIFY(!inList);
        QCOMPARE(QString::fromStdString(inList.error()),
                 QStringLiteral("scenarios: a number is too large for a double (beyond 1.8e308)"));
    }

    void errorsNameTheEventAndField_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("expected");
        QTest::newRow("negative start") << R"({"name": "s", "failures": [{"type": "region_outage", "target": "eu", "start_s": -5}]})"
                                        << "scenarios[0].failures[0].start_s: -5 is below the minimum 0 (region_outage event of scenario 's')";
        QTest::newRow("unknown type") << R"({"name": "s", "failures": [{"type": "meteor", "target": "x"}]})"
                                      << "scenarios[0].failures[0].type: 'meteor' is not one of";
        QTest::newRow("field of another kind") << R"({"name": "s", "failures": [{"type": "zone_outage", "target": "z", "count": 2}]})"
                                               << "scenarios[0].failures[0].count: unknown field (zone_outage event of scenario 's')";
        QTest::newRow("missing target") << R"({"name": "s", "failures": [{"type": "kill_instances"}]})"
                                        << "scenarios[0].failures[0].target: missing or empty";
        QTest::newRow("percent too big") << R"({"name": "s", "failures": [{"type": "kill_percent", "target": "web", "percent": 150}]})"
                                         << "scenarios[0].failures[0].percent: 150 is above the maximum 100";
        QTest::newRow("spike without factor") << R"({"name": "s", "traffic": [{"type": "spike", "start_s": 10}]})"
                                              << "scenarios[0].traffic[0].factor: missing (the multiplier) (spike traffic of scenario 's')";
        QTest::newRow("replay out of order") << R"({"name": "s", "traffic": [{"type": "replay", "series": [[10, 1], [5, 2]]}]})"
                                             << "scenarios[0].traffic[0].series[1]: times must increase";
        QTest::newRow("condition both ways") << R"({"name": "s", "abort": [{"metric": "p95_ms", "above": 1, "below": 2}]})"
                                             << "scenarios[0].abort[0]: give exactly one of";
        QTest::newRow("unknown policy") << R"({"name": "s", "policies": {"retry": 3}})"
                                        << "scenarios[0].policies.retry: unknown policy";
        QTest::newRow("policy range") << R"({"name": "s", "policies": {"retries": 2.5}})"
                                      << "scenarios[0].policies.retries: 2.5 is not a whole number";
        QTest::newRow("missing name") << R"({"duration_s": 60})" << "scenarios[0].name: missing or empty";
        QTest::newRow("duplicate name") << R"({"name": "a"}, {"name": "a"})"
                                        << "scenarios[1].name: 'a' is already used by scenarios[0]";
    }
    void errorsNameTheEventAndField() {
        QFETCH(QString, scenario);
        QFETCH(QString, expected);
        const std::string error = firstError(withScenario(scenario.toStdString()));
        QVERIFY2(error.find(expected.toStdString()) != std::string::npos, error.c_str());
    }

    void storesScenariosInSwproj() {
        auto p = projectFromJson(kProject);
        QVERIFY(p.ok());
        const std::string path = (std::filesystem::temp_directory_path() / "tst_scenario_model.swproj").string();
        std::filesystem::remove(path);
        QVERIFY(!writeSwproj(path, p.value()));
        auto back = readSwproj(path);
        QVERIFY2(back.ok(), back.error().c_str());
        QVERIFY(back.value() == p.value());
        std::filesystem::remove(path);
    }

    // A file written by schema 1 (no scenario table) opens, and saving
    // migrates it in place to schema 2 with the scenarios.
    void migratesSchema1To2() {
        QVERIFY(swprojSchemaSql(1) != nullptr);
        QVERIFY(swprojSchemaSql(2) != nullptr);
        QVERIFY(swprojSchemaSql(kSwprojSchemaVersion) != nullptr);
        QVERIFY(swprojSchemaSql(kSwprojSchemaVersion + 1) == nullptr);
        QVERIFY(std::string(swprojSchemaSql(1)).find("scenario") == std::string::npos);
        const std::string path = (std::filesystem::temp_directory_path() / "tst_scenario_v1.swproj").string();
        std::filesystem::remove(path);
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        const std::string v1 = std::string(swprojSchemaSql(1)) +
                               "INSERT INTO project VALUES('name','Old');"
                               "INSERT INTO variant(id, position, name) VALUES(1, 0, 'Base');"
                               "INSERT INTO component VALUES(1, 0, 'web', 'Web', 'service', '', '', '', 'primary', 'on_demand', 0, 0);"
                               "INSERT INTO param VALUES(1, 'component', 'web', 'instances', 3);"
                               "PRAGMA application_id=" + std::to_string(kSwprojApplicationId) +
                               "; PRAGMA user_version=1;";
        QCOMPARE(sqlite3_exec(db, v1.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);

        auto old = readSwproj(path);
        QVERIFY2(old.ok(), old.error().c_str());
        QCOMPARE(old->name, std::string("Old"));
        QCOMPARE(old->variants[0].components[0].params.instances, 3.0);
        QVERIFY(old->scenarios.empty());

        Project updated = old.value();
        updated.scenarios = projectFromJson(kProject)->scenarios;
        QVERIFY(!writeSwproj(path, updated));
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(st, 0), kSwprojSchemaVersion);
        sqlite3_finalize(st);
        sqlite3_close(db);
        auto back = readSwproj(path);
        QVERIFY2(back.ok(), back.error().c_str());
        QVERIFY(back.value() == updated);
        std::filesystem::remove(path);
    }
};

QTEST_GUILESS_MAIN(TestScenarioModel)
#include "tst_scenario_model.moc"
