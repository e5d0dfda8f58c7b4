// The JSON interchange format (docs/file-format.md): samples, import/export,
// the clipboard. Reading is defensive: every problem is reported with the
// JSON path of the offending value, one per line.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "model/Design.h"
#include "model/Result.h"

namespace sw {

inline constexpr int kJsonFormatVersion = 1;
inline constexpr int kJsonMaxDepth = 64;
inline constexpr std::size_t kJsonMaxStringLength = 4096;
// A 10,000-component design is about 6 MB; the limit keeps a hostile file's
// parsed form within a few hundred MB of memory.
inline constexpr std::size_t kJsonMaxFileBytes = 64u << 20;

// Parses a project; a file with a single design (top-level "components")
// becomes a project with one variant. Errors name the path:
// "variants[0].components[3].instances: -2 is below the minimum 1".
Result<Project> projectFromJson(std::string_view text);
// Parses one design (the clipboard carries these).
Result<Design> designFromJson(std::string_view text);

std::string projectToJson(const Project& project);
std::string designToJson(const Design& design);

// Reads a whole file (refusing files over `maxBytes`), or says why not;
// pipes and devices (/dev/stdin) too, read once to their end.
Result<std::string> readTextFile(const std::string& path, std::size_t maxBytes = 512u << 20);
// Reads an open stream to its end, refusing more than `maxBytes`; errors
// start with `name` ("standard input: ...").
Result<std::string> readStream(std::FILE* in, const std::string& name, std::size_t maxBytes);
// Writes through a temporary file and a rename, so a failed write leaves the
// old file intact. Returns an error message, or nothing on success.
std::optional<std::string> writeTextFileAtomically(const std::string& path, std::string_view text);

// Creates a new, empty, uniquely named file beside `path` (same file system,
// so a rename over `path` is atomic); its name and open descriptor, or why not.
struct TempFile {
    std::string name;
    int fd = -1;
};
Result<TempFile> createTempBeside(const std::string& path);

Result<Project> readProjectJsonFile(const std::string& path);

}  // namespace sw
