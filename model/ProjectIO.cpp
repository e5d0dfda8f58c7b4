#include "model/ProjectIO.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "model/JsonFormat.h"
#include "model/ProjectStore.h"

namespace sw {

ProjectFormat formatForPath(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".swproj" ? ProjectFormat::Swproj : ProjectFormat::Json;
}

Result<Project> loadProject(const std::string& path) {
    // A .swproj that is not SQLite is refused by the store with a clear message.
    if (formatForPath(path) == ProjectFormat::Swproj || looksLikeSqlite(path)) return readSwproj(path);
    return readProjectJsonFile(path);
}

std::optional<std::string> saveProject(const std::string& path, const Project& project) {
    if (formatForPath(path) == ProjectFormat::Swproj) return writeSwproj(path, project);
    return writeTextFileAtomically(path, projectToJson(project));
}

}  // namespace sw
