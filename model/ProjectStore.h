// The native project file: one SQLite database per project (.swproj) holding
// every design variant. Saved in one transaction (rollback journal, so the
// document stays a single file and a killed save leaves the previous version);
// opened defensively, refusing files that are not ours, too new, or damaged.
#pragma once

#include <optional>
#include <string>

#include "model/Design.h"
#include "model/Result.h"

namespace sw {

// 'SWPJ' in the SQLite header's application_id field.
inline constexpr int kSwprojApplicationId = 0x5357504A;
// Bumped with each schema change; migrations lead from every earlier version.
inline constexpr int kSwprojSchemaVersion = 3;   // 2: scenarios, 3: latency overrides

Result<Project> readSwproj(const std::string& path);
// Replaces the file's contents in one transaction; an error message or nothing.
std::optional<std::string> writeSwproj(const std::string& path, const Project& project);

// Whether the first bytes of a file are an SQLite header.
bool looksLikeSqlite(const std::string& path);

}  // namespace sw
