#include "model/SwprojSchema.h"

#include "model/ProjectStore.h"

namespace sw {

namespace {

// Version 1. Numeric parameters are rows of `param` keyed by their FieldSpec key.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE project(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE variant(
    id INTEGER PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '') STRICT;
CREATE TABLE region(
    variant INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE, position INTEGER NOT NULL,
    id TEXT NOT NULL, name TEXT NOT NULL, code TEXT NOT NULL, provider TEXT NOT NULL,
    x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL,
    PRIMARY KEY(variant, id)) STRICT;
CREATE TABLE zone(
    variant INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE, position INTEGER NOT NULL,
    id TEXT NOT NULL, name TEXT NOT NULL, region TEXT NOT NULL,
    x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL,
    PRIMARY KEY(variant, id)) STRICT;
CREATE TABLE component(
    variant INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE, position INTEGER NOT NULL,
    id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, region TEXT NOT NULL,
    zone TEXT NOT NULL, instance_type TEXT NOT NULL, role TEXT NOT NULL, pricing TEXT NOT NULL,
    x REAL NOT NULL, y REAL NOT NULL,
    PRIMARY KEY(variant, id)) STRICT;
CREATE TABLE link(
    variant INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE, position INTEGER NOT NULL,
    id TEXT NOT NULL, kind TEXT NOT NULL, src TEXT NOT NULL, dst TEXT NOT NULL,
    mode TEXT NOT NULL, access TEXT NOT NULL,
    PRIMARY KEY(variant, id)) STRICT;
CREATE TABLE param(
    variant INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE,
    owner_type TEXT NOT NULL, owner_id TEXT NOT NULL, key TEXT NOT NULL, value REAL NOT NULL,
    PRIMARY KEY(variant, owner_type, owner_id, key)) STRICT;
)sql";

// Version 2 adds the project's simulation scenarios, each kept as its JSON
// object (the interchange format) so new scenario fields need no new schema.
constexpr const char* kScenarioTableSql = R"sql(
CREATE TABLE scenario(
    position INTEGER NOT NULL, name TEXT NOT NULL PRIMARY KEY, definition TEXT NOT NULL) STRICT;
)sql";

// Version 3 adds a design's measured region-to-region round trips
// (`latency_overrides` in the interchange format).
constexpr const char* kLatencyOverrideTableSql = R"sql(
CREATE TABLE latency_override(
    variant INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE, position INTEGER NOT NULL,
    region_from TEXT NOT NULL, region_to TEXT NOT NULL, rtt_ms REAL NOT NULL,
    PRIMARY KEY(variant, position)) STRICT;
)sql";

const std::string& schemaV2() {
    static const std::string sql = std::string(kSchemaV1) + kScenarioTableSql;
    return sql;
}

const std::string& schemaV3() {
    static const std::string sql = schemaV2() + kLatencyOverrideTableSql;
    return sql;
}

// Runs SQL on the caller's connection; the error text or nothing.
std::optional<std::string> run(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return std::nullopt;
    std::string e = message ? message : "unknown SQLite error";
    sqlite3_free(message);
    return e;
}

}  // namespace

const char* swprojSchemaSql() { return swprojSchemaSql(kSwprojSchemaVersion); }

const char* swprojSchemaSql(int version) {
    switch (version) {
        case 1: return kSchemaV1;
        case 2: return schemaV2().c_str();
        case 3: return schemaV3().c_str();
        default: return nullptr;
    }
}

std::optional<std::string> migrateSwproj(sqlite3* db, int fromVersion) {
    // Each step upgrades version v to v+1 and stamps it, so a failure part way
    // leaves a consistent (older) version inside the caller's transaction.
    for (int v = fromVersion; v < kSwprojSchemaVersion; ++v) {
        std::optional<std::string> e;
        switch (v) {
            case 1: e = run(db, kScenarioTableSql); break;
            case 2: e = run(db, kLatencyOverrideTableSql); break;
            default: return "no migration from schema " + std::to_string(v);
        }
        if (e) return "migrating schema " + std::to_string(v) + " to " + std::to_string(v + 1) + ": " + *e;
        const std::string stamp = "PRAGMA user_version=" + std::to_string(v + 1) + ";";
        if (auto s = run(db, stamp.c_str())) return *s;
    }
    return std::nullopt;
}

}  // namespace sw
