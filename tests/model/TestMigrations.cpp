// Schema migrations: a frozen file of every earlier schema version (and of
// the current one) opens and equals its expected project; saving over it
// upgrades it in place to a schema with the same tables and columns as a
// fresh file. Bumping kSwprojSchemaVersion without a fixture for the
// replaced version fails here, on purpose.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <sqlite3.h>

#include "model/Model.h"
#include "model/SwprojSchema.h"

using namespace sw;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string fixture(int version, const char* suffix) {
    return std::string(SW_TESTDATA_DIR) + "/swproj_v" + std::to_string(version) + suffix;
}

// Tables, columns, types, NOT NULL and key positions: what a migration must
// reproduce (the CREATE text itself differs after ALTER TABLE).
std::string schemaShape(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::string shape;
    auto rows = [&](const std::string& sql, auto each) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW) each(st);
        sqlite3_finalize(st);
    };
    std::vector<std::string> tables;
    rows("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name",
         [&](sqlite3_stmt* st) { tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))); });
    for (const std::string& t : tables) {
        shape += t + ":";
        rows("PRAGMA table_info(" + t + ")", [&](sqlite3_stmt* st) {
            for (int c : {1, 2}) shape += std::string(" ") + reinterpret_cast<const char*>(sqlite3_column_text(st, c));
            shape += " " + std::to_string(sqlite3_column_int(st, 3)) + std::to_string(sqlite3_column_int(st, 5)) + ",";
        });
        shape += "\n";
    }
    sqlite3_close(db);
    return shape;
}

long long pragma(const std::string& path, const char* name) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, (std::string("PRAGMA ") + name).c_str(), -1, &st, nullptr);
    const long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

}  // namespace

class TestMigrations : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;

private slots:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    void everyVersion_data() {
        QTest::addColumn<int>("version");
        for (int v = 1; v <= kSwprojSchemaVersion; ++v)
            QTest::newRow(("schema " + std::to_string(v)).c_str()) << v;
    }

    void everyVersion() {
        QFETCH(int, version);
        const std::string sql = fixture(version, ".sql");
        if (!fs::exists(sql)) {
            if (version == kSwprojSchemaVersion) QSKIP("the current schema has no frozen fixture yet");
            QFAIL(("no fixture " + sql + ": freeze one before replacing schema " + std::to_string(version)).c_str());
        }
        auto expected = projectFromJson(slurp(fixture(version, ".expected.json")));
        QVERIFY2(expected.ok(), expected.error().c_str());

        // Build the old file from its SQL with plain SQLite.
        const std::string file = tmp_.filePath(QString("v%1.swproj").arg(version)).toStdString();
        fs::remove(file);
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(file.c_str(), &db), SQLITE_OK);
        char* err = nullptr;
        const int rc = sqlite3_exec(db, slurp(sql).c_str(), nullptr, nullptr, &err);
        const std::string why = err ? err : "";
        sqlite3_free(err);
        sqlite3_close(db);
        QVERIFY2(rc == SQLITE_OK, why.c_str());
        QCOMPARE(pragma(file, "user_version"), static_cast<long long>(version));
        QCOMPARE(pragma(file, "application_id"), static_cast<long long>(kSwprojApplicationId));

        // Opening reads it as the current version and leaves the file alone.
        const std::string before = slurp(file);
        auto opened = readSwproj(file);
        QVERIFY2(opened.ok(), opened.error().c_str());
        QVERIFY(opened.value() == expected.value());
        // Through the current writer on both sides: a later version may write keys the fixture predates.
        QCOMPARE(projectToJson(opened.value()), projectToJson(expected.value()));
        QCOMPARE(slurp(file), before);

        // Saving over it upgrades it in place.
        QVERIFY(!writeSwproj(file, opened.value()));
        QCOMPARE(pragma(file, "user_version"), static_cast<long long>(kSwprojSchemaVersion));
        auto upgraded = readSwproj(file);
        QVERIFY2(upgraded.ok(), upgraded.error().c_str());
        QVERIFY(upgraded.value() == expected.value());
        const std::string fresh = tmp_.filePath(QString("fresh%1.swproj").arg(version)).toStdString();
        QVERIFY(!writeSwproj(fresh, expected.value()));
        QCOMPARE(schemaShape(file), schemaShape(fresh));
    }

    // No version is skipped: fixtures exist for every version up to the
    // newest one that has one, and none for a version this build cannot read.
    void fixturesAreContiguous() {
        QVERIFY(fs::exists(fixture(1, ".sql")));
        QVERIFY(!fs::exists(fixture(kSwprojSchemaVersion + 1, ".sql")));
        for (int v = 1; v < kSwprojSchemaVersion; ++v) QVERIFY2(fs::exists(fixture(v, ".sql")), std::to_string(v).c_str());
    }

    // A version the program does not know is refused by the migrator itself.
    void migratorRefusesUnknownStart() {
        sqlite3* db = nullptr;
        sqlite3_open(":memory:", &db);
        QVERIFY(migrateSwproj(db, kSwprojSchemaVersion) == std::nullopt);   // nothing to do
        auto e = migrateSwproj(db, 0);
        QVERIFY(e.has_value());
        sqlite3_close(db);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
