// The .swproj schema and the migrations that bring older files up to date.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>

namespace sw {

// Creates the current schema in an empty database.
const char* swprojSchemaSql();
// The schema exactly as version `version` created it (1 .. current), so tests
// can build old files and check the migrations; nullptr for unknown versions.
const char* swprojSchemaSql(int version);
// Upgrades a database at `fromVersion` to the current schema, inside the
// caller's transaction (or on a private copy); an error message or nothing.
std::optional<std::string> migrateSwproj(sqlite3* db, int fromVersion);

}  // namespace sw
