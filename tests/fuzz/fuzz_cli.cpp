// Fuzzes the command line: the verb dispatch (unknown verbs, typos, options
// before a verb) and every headless verb's option parsing and value checks
// (VerbParser, the calculators' number readers), through runCommandLine as
// `scalewright ARGS...` runs it. One argument per input line.
//
// Kept hermetic: the run happens in an empty scratch directory with standard
// input at /dev/null, and an input naming a path with '/' is skipped, so no
// verb ever finds a file to read or a place to write; the GUI verbs (report,
// screenshot) and `calc mmc --simulate` (a simulation, not parsing, bounded by
// its own limits) are skipped too.
#include <QByteArray>
#include <QList>

#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

#include "app/cli/Cli.h"
#include "tests/fuzz/FuzzCheck.h"

namespace {

constexpr std::size_t kMaxArgs = 24, kMaxArgLength = 200;

bool skipped(const std::vector<std::string>& args) {
    for (const std::string& a : args) {
        if (a.find('/') != std::string::npos || a.size() > kMaxArgLength) return true;
        const std::size_t body = a.find_first_not_of('-');
        if (a.starts_with('-') && body != std::string::npos && a.compare(body, 8, "simulate") == 0) return true;
    }
    if (args.empty()) return false;
    const sw::cli::Verb* v = sw::cli::findVerb(QString::fromStdString(args.front()));
    return v && v->gui;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // Nothing to read, nowhere to write: an empty directory of our own.
    std::string dir = (std::getenv("TMPDIR") ? std::string(std::getenv("TMPDIR")) : std::string("/tmp")) +
                      "/scalewright-fuzz-cli-XXXXXX";
    if (!::mkdtemp(dir.data()) || ::chdir(dir.c_str()) != 0) sw::fuzz::broken("cannot make a scratch directory", dir);
    const int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull < 0 || ::dup2(devnull, STDIN_FILENO) < 0) sw::fuzz::broken("cannot read standard input from /dev/null");
    ::close(devnull);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = sw::fuzz::text(data, size);
    std::vector<std::string> args;
    for (std::size_t pos = 0; pos <= in.size() && args.size() <= kMaxArgs;) {
        std::size_t end = in.find('\n', pos);
        if (end == std::string_view::npos) end = in.size();
        args.emplace_back(in.substr(pos, end - pos));
        if (args.back().find('\0') != std::string::npos) return -1;   // no such argv
        pos = end + 1;
    }
    if (args.size() > kMaxArgs || skipped(args)) return -1;
    std::vector<std::string> storage{"scalewright"};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);
    int argc = static_cast<int>(storage.size());
    const std::optional<int> rc = sw::cli::runCommandLine(argc, argv.data());
    // No file exists here, so the GUI never starts from a named file; an exit
    // code is always one of the three documented ones.
    if (rc) sw::fuzz::check(*rc == sw::cli::kOk || *rc == sw::cli::kFindings || *rc == sw::cli::kUsage,
                            "the exit code is 0, 1 or 2", std::to_string(*rc));
    return 0;
}
