// Whole-file reads and crash-safe writes for the text formats.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/JsonFormat.h"

namespace sw {

Result<std::string> readTextFile(const std::string& path, std::size_t maxBytes) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return Result<std::string>::failure(path + ": is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return Result<std::string>::failure(path + ": cannot open (" + std::strerror(errno) + ")");
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > maxBytes)
        return Result<std::string>::failure(path + ": file of " + std::to_string(size) +
                                            " bytes is larger than the limit of " +
                                            std::to_string(maxBytes) + " bytes");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Result<std::string>::failure(path + ": read error");
    return ss.str();
}

std::optional<std::string> writeTextFileAtomically(const std::string& path, std::string_view text) {
    const std::string tmp = path + ".tmp-sw";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return path + ": cannot write (" + std::strerror(errno) + ")";
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            std::remove(tmp.c_str());
            return path + ": write failed (" + std::strerror(errno) + ")";
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        return path + ": cannot replace the file (" + ec.message() + ")";
    }
    return std::nullopt;
}

}  // namespace sw
