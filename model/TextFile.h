// Reading and writing whole files, safely: one bounded reader for every input
// the tool reads (designs, history CSVs, replay files) and crash-safe writes
// that replace only regular files.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "model/Limits.h"
#include "model/Result.h"

namespace sw {

// True for "-" and "/dev/stdin": standard input, read once and bounded.
bool isStandardInput(const std::string& path);

// Why `path` cannot be read as a regular file ("is a directory, not a file",
// "is a character device, not a regular file..."), or nothing when it can
// (or does not exist: opening it then says so).
std::optional<std::string> inputPathProblem(const std::string& path);

// Reads a whole regular file, or standard input ("-", "/dev/stdin"), never
// more than `maxBytes`: reading stops at the limit whatever the input is, and
// directories, devices, FIFOs and sockets are refused before a byte is read.
// Errors start with the path ("standard input: ...").
Result<std::string> readTextFile(const std::string& path, std::size_t maxBytes = limits::kInputBytes);
// Reads an open stream to its end, refusing more than `maxBytes`; errors
// start with `name` ("standard input: ...").
Result<std::string> readStream(std::FILE* in, const std::string& name, std::size_t maxBytes);

// Why `path` may not be written: it exists and is not a regular file (a
// directory, a device such as /dev/full, a FIFO, a socket). Nothing when it is
// a regular file or does not exist yet.
std::optional<std::string> outputPathProblem(const std::string& path);

// Writes through a temporary file and a rename, so a failed write leaves the
// old file intact; only a regular file is replaced. Returns an error message,
// or nothing on success.
std::optional<std::string> writeTextFileAtomically(const std::string& path, std::string_view text);

// A new, empty, uniquely named file beside `path` (same file system, so a
// rename over `path` is atomic): ".NAME.scalewright-save-" plus six random
// characters, hidden and saying what it is. Its descriptor holds an exclusive
// flock until closed, so removeStaleTemporaries() never takes a save in
// progress. Before creating it, the temporaries earlier saves of `path` left
// behind (killed mid-way) are removed.
struct TempFile {
    std::string name;
    int fd = -1;
};
Result<TempFile> createTempBeside(const std::string& path);

// Removes what killed saves of `path` left beside it: ".NAME.scalewright-save-*"
// (and their "-journal"), and the "NAME.tmp-" plus six random characters that
// earlier versions left, unless a live save holds them. Returns how many files
// it removed.
int removeStaleTemporaries(const std::string& path);

}  // namespace sw
