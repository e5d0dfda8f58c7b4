// Whole-file reads (bounded, regular files and standard input only) and
// crash-safe writes (regular files only) for the text formats.
#include "model/TextFile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sw {

namespace {

// What a non-regular file is, for the messages.
const char* kindOf(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

std::string notRegular(const std::string& path, mode_t mode) {
    if (S_ISDIR(mode)) return path + ": is a directory, not a file";
    return path + ": is " + kindOf(mode) + ", not a regular file (use '-' to read standard input)";
}

constexpr std::string_view kSaveMarker = ".scalewright-save-";

}  // namespace

bool isStandardInput(const std::string& path) { return path == "-" || path == "/dev/stdin"; }

std::optional<std::string> inputPathProblem(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    if (S_ISREG(st.st_mode)) return std::nullopt;
    return notRegular(path, st.st_mode);
}

Result<std::string> readStream(std::FILE* in, const std::string& name, std::size_t maxBytes) {
    // In chunks, up to the limit: a pipe or a terminal has no size to ask
    // for, and a hostile stream must not grow without bound.
    std::string text;
    char buffer[1 << 16];
    for (;;) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, in);
        if (n > 0) {
            if (text.size() + n > maxBytes)
                return Result<std::string>::failure(name + ": more than the limit of " + std::to_string(maxBytes) + " bytes");
            text.append(buffer, n);
        }
        if (n < sizeof buffer) {
            if (std::ferror(in)) return Result<std::string>::failure(name + ": read error (" + std::strerror(errno) + ")");
            if (std::feof(in)) break;
        }
    }
    return text;
}

Result<std::string> readTextFile(const std::string& path, std::size_t maxBytes) {
    using R = Result<std::string>;
    if (isStandardInput(path)) return readStream(stdin, "standard input", maxBytes);
    // Opened without blocking (a FIFO with no writer would wait forever), then
    // judged by what was opened, not by a name that may change meanwhile.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return R::failure(path + ": no such file");
        return R::failure(path + ": cannot open (" + std::strerror(errno) + ")");
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        return R::failure(path + ": cannot open (" + why + ")");
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return R::failure(notRegular(path, st.st_mode));
    }
    if (static_cast<std::uintmax_t>(st.st_size) > maxBytes) {
        ::close(fd);
        return R::failure(path + ": file of " + std::to_string(st.st_size) + " bytes is larger than the limit of " +
                          std::to_string(maxBytes) + " bytes");
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    std::FILE* in = ::fdopen(fd, "rb");
    if (!in) {
        ::close(fd);
        return R::failure(path + ": cannot open (" + std::strerror(errno) + ")");
    }
    // Bounded again while reading: a file that grows meanwhile stops at the limit.
    auto text = readStream(in, path, maxBytes);
    std::fclose(in);
    return text;
}

std::optional<std::string> outputPathProblem(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;   // a new file (or a dangling link)
    if (S_ISREG(st.st_mode)) return std::nullopt;
    if (S_ISDIR(st.st_mode)) return path + ": is a directory, not a file";
    return path + ": is " + kindOf(st.st_mode) + "; only a regular file is replaced, so it is left alone";
}

int removeStaleTemporaries(const std::string& path) {
    const std::filesystem::path target(path);
    const std::string base = target.filename().string();
    std::filesystem::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    const std::string current = "." + base + std::string(kSaveMarker);   // this version's names
    const std::string legacy = base + ".tmp-";                            // earlier versions' names
    std::error_code ec;
    int removed = 0;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        const bool journal = name.ends_with("-journal");
        const std::string stem = journal ? name.substr(0, name.size() - 8) : name;
        const bool ours = (stem.starts_with(current) && stem.size() == current.size() + 6) ||
                          (stem.starts_with(legacy) && stem.size() == legacy.size() + 6);
        if (!ours || !it->is_regular_file(ec)) continue;
        // A save in progress holds an exclusive flock on its temporary.
        const std::string main = (dir / stem).string();
        const int fd = ::open(main.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd);
            continue;
        }
        std::error_code rm;
        if (std::filesystem::remove(it->path(), rm)) ++removed;
        if (fd >= 0) ::close(fd);
    }
    return removed;
}

Result<TempFile> createTempBeside(const std::string& path) {
    removeStaleTemporaries(path);
    const std::filesystem::path target(path);
    // mkstemp replaces the six trailing template characters with a unique suffix.
    std::string name = (target.parent_path() / ("." + target.filename().string() + std::string(kSaveMarker) +
                                                std::string(6, 'X')))
                           .string();
    const int fd = ::mkstemp(name.data());
    if (fd < 0) return Result<TempFile>::failure(path + ": cannot write (" + std::strerror(errno) + ")");
    ::flock(fd, LOCK_EX | LOCK_NB);
    return TempFile{std::move(name), fd};
}

std::optional<std::string> writeTextFileAtomically(const std::string& path, std::string_view text) {
    if (auto problem = outputPathProblem(path)) return problem;
    // A unique temporary next to the target (same file system, so the rename
    // is atomic), flushed to disk before it replaces the old file.
    auto temp = createTempBeside(path);
    if (!temp) return temp.error();
    const std::string tmp = temp->name;
    const int fd = temp->fd;
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            std::remove(tmp.c_str());
            return path + ": write failed (" + why + ")";
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    ::fchmod(fd, 0644);
    if (::fsync(fd) != 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        std::remove(tmp.c_str());
        return path + ": write failed (" + why + ")";
    }
    // Checked again just before the rename: the target may have become a
    // device or a FIFO while the text was written.
    if (auto problem = outputPathProblem(path)) {
        ::close(fd);
        std::remove(tmp.c_str());
        return problem;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    const int closed = ::close(fd);   // after the rename: the flock guards the temporary until it is gone
    if (ec) {
        std::remove(tmp.c_str());
        return path + ": cannot replace the file (" + ec.message() + ")";
    }
    if (closed != 0) return path + ": write failed (" + std::strerror(errno) + ")";
    return std::nullopt;
}

}  // namespace sw
