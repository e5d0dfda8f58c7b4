#include "model/ProjectIO.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
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

namespace {

// Every line of a multi-line error prefixed with the source's name.
std::string prefixLines(const std::string& name, const std::string& e) {
    std::string msg;
    for (std::size_t start = 0; start <= e.size();) {
        std::size_t end = e.find('\n', start);
        if (end == std::string::npos) end = e.size();
        msg += (msg.empty() ? "" : "\n") + name + ": " + e.substr(start, end - start);
        start = end + 1;
    }
    return msg;
}

}  // namespace

Result<Project> loadProjectBytes(const std::string& bytes, const std::string& name) {
    if (bytes.size() >= 16 && bytes.compare(0, 16, std::string("SQLite format 3\0", 16)) == 0) {
        // SQLite reads files, not memory: a .swproj from a pipe goes through
        // a private temporary file, removed straight after.
        std::error_code ec;
        const std::string base = (std::filesystem::temp_directory_path(ec) / "scalewright-input.swproj").string();
        auto temp = createTempBeside(base);
        if (!temp) return Result<Project>::failure(name + ": " + temp.error());
        const std::string tmp = temp->name;
        bool written = true;
        for (std::size_t off = 0; off < bytes.size() && written;) {
            const ssize_t n = ::write(temp->fd, bytes.data() + off, bytes.size() - off);
            if (n < 0 && errno == EINTR) continue;
            written = n > 0;
            if (written) off += static_cast<std::size_t>(n);
        }
        auto p = written ? readSwproj(tmp) : Result<Project>::failure(tmp + ": write failed");
        std::filesystem::remove(tmp, ec);
        std::filesystem::remove(tmp + "-journal", ec);
        ::close(temp->fd);   // only now: its flock keeps other saves' cleaning away meanwhile
        if (p) return p;
        std::string e = p.error();
        for (std::size_t at; (at = e.find(tmp)) != std::string::npos;) e.replace(at, tmp.size(), name);
        return Result<Project>::failure(e);
    }
    if (bytes.size() > kJsonMaxFileBytes)
        return Result<Project>::failure(name + ": " + std::to_string(bytes.size()) +
                                        " bytes of JSON is larger than the limit of " + std::to_string(kJsonMaxFileBytes) +
                                        " bytes");
    auto p = projectFromJson(bytes);
    if (!p) return Result<Project>::failure(prefixLines(name, p.error()));
    return p;
}

Result<Project> loadProject(const std::string& path) {
    if (isStandardInput(path)) {
        auto bytes = readTextFile(path);
        if (!bytes) return Result<Project>::failure(bytes.error());
        return loadProjectBytes(bytes.value(), "standard input");
    }
    // A directory, a device or a FIFO is refused before a byte is read: a
    // device has no end (/dev/zero) and a FIFO may never open.
    if (auto problem = inputPathProblem(path)) return Result<Project>::failure(*problem);
    // A .swproj that is not SQLite is refused by the store with a clear message.
    if (formatForPath(path) == ProjectFormat::Swproj || looksLikeSqlite(path)) return readSwproj(path);
    return readProjectJsonFile(path);
}

std::optional<std::string> saveProject(const std::string& path, const Project& project) {
    if (project.variants.empty()) return path + ": a project needs at least one variant; not saved";
    if (auto problem = outputPathProblem(path)) return problem;
    if (formatForPath(path) != ProjectFormat::Swproj) return writeTextFileAtomically(path, projectToJson(project));
    std::error_code ec;
    // An existing project is replaced in one transaction (the file keeps its
    // identity; a failed save rolls back). A new one is built under a
    // temporary name and renamed, so a failed save leaves no half file.
    if (std::filesystem::exists(path, ec)) return writeSwproj(path, project);
    auto temp = createTempBeside(path);
    if (!temp) return temp.error();
    const std::string tmp = temp->name;
    // The descriptor (and its flock) stays open until the rename, so another
    // save's cleaning never takes this temporary; SQLite's own locks are
    // fcntl locks on its own descriptor, released when writeSwproj closes.
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{temp->fd};
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
