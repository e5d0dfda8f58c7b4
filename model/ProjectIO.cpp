#include "model/ProjectIO.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

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
    if (project.variants.empty()) return path + ": a project needs at least one variant; not saved";
    if (formatForPath(path) != ProjectFormat::Swproj) return writeTextFileAtomically(path, projectToJson(project));
    std::error_code ec;
    // An existing project is replaced in one transaction (the file keeps its
    // identity; a failed save rolls back). A new one is built under a
    // temporary name and renamed, so a failed save leaves no half file.
    if (std::filesystem::exists(path, ec)) return writeSwproj(path, project);
    auto temp = createTempBeside(path);
    if (!temp) return temp.error();
    const std::string tmp = temp->name;
    ::close(temp->fd);
    if (auto e = writeSwproj(tmp, project)) {
        std::filesystem::remove(tmp, ec);
        std::filesystem::remove(tmp + "-journal", ec);
        // Name the file the user asked for, not the temporary one.
        std::string msg = *e;
        if (msg.starts_with(tmp)) msg = path + msg.substr(tmp.size());
        return msg;
    }
    ::chmod(tmp.c_str(), 0644);
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return path + ": cannot create the file (" + ec.message() + ")";
    }
    return std::nullopt;
}

}  // namespace sw
