// The JSON interchange format (docs/file-format.md): samples, import/export,
// the clipboard. Reading is defensive: every problem is reported with the
// JSON path of the offending value, one per line.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "model/Design.h"
#include "model/Limits.h"
#include "model/Result.h"
#include "model/TextFile.h"

namespace sw {

inline constexpr int kJsonFormatVersion = 1;
inline constexpr int kJsonMaxDepth = limits::kNestingDepth;
inline constexpr std::size_t kJsonMaxStringLength = limits::kStringLength;
// A 10,000-component design is about 6 MB; the limit keeps a hostile file's
// parsed form within a few hundred MB of memory.
inline constexpr std::size_t kJsonMaxFileBytes = limits::kInputBytes;

// Parses a project; a file with a single design (top-level "components")
// becomes a project with one variant. Errors name the path:
// "variants[0].components[3].instances: -2 is below the minimum 1".
Result<Project> projectFromJson(std::string_view text);
// Parses one design (the clipboard carries these).
Result<Design> designFromJson(std::string_view text);

std::string projectToJson(const Project& project);
std::string designToJson(const Design& design);

Result<Project> readProjectJsonFile(const std::string& path);

}  // namespace sw
