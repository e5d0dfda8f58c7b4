#include "model/SwprojSchema.h"

#include "model/ProjectStore.h"

namespace sw {

// Version 1. Numeric parameters are rows of `param` keyed by their FieldSpec key.
const char* swprojSchemaSql() {
    return R"sql(
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
}

std::optional<std::string> migrateSwproj(sqlite3* db, int fromVersion) {
    // Each step upgrades version v to v+1; there is none yet beyond version 1.
    for (int v = fromVersion; v < kSwprojSchemaVersion; ++v) {
        (void)db;
        return "no migration from schema " + std::to_string(v);
    }
    return std::nullopt;
}

}  // namespace sw
