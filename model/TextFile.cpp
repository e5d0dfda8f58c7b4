// Whole-file reads and crash-safe writes for the text formats.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include "model/JsonFormat.h"

namespace sw {

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
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return Result<std::string>::failure(path + ": is a directory, not a file");
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (!in) return Result<std::string>::failure(path + ": cannot open (" + std::strerror(errno) + ")");
    // A regular file says its size up front; a pipe (/dev/stdin) is read to its end.
    struct stat st {};
    if (::fstat(::fileno(in), &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > maxBytes) {
        std::fclose(in);
        return Result<std::string>::failure(path + ": file of " + std::to_string(st.st_size) +
                                            " bytes is larger than the limit of " + std::to_string(maxBytes) + " bytes");
    }
    auto text = readStream(in, path, maxBytes);
    std::fclose(in);
    return text;
}

Result<TempFile> createTempBeside(const std::string& path) {
    // mkstemp replaces the six trailing template characters with a unique suffix.
    std::string name = path + ".tmp-" + std::string(6, 'X');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) return Result<TempFile>::failure(path + ": cannot write (" + std::strerror(errno) + ")");
    return TempFile{std::move(name), fd};
}

std::optional<std::string> writeTextFileAtomically(const std::string& path, std::string_view text) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return path + ": is a directory, not a file";
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
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string why = std::strerror(errno);
        std::remove(tmp.c_str());
        return path + ": write failed (" + why + ")";
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        return path + ": cannot replace the file (" + ec.message() + ")";
    }
    return std::nullopt;
}

}  // namespace sw
