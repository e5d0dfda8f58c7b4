// Every size limit of the tool, in one table: what is bounded, the bound, and
// what happens past it. The readers, the engine, the simulator and the command
// line read their bounds from here; docs/limits.md prints the same table (a
// test compares the two, so neither drifts). Field ranges (instances, rps,
// service time...) live in FieldSpec's tables; the ones quoted here are the
// headline ones.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace sw {

namespace limits {

// Bytes read from any one input: a design, a project from a pipe, a history
// CSV, a scenario's replay file. Devices and FIFOs are refused, so this holds
// whatever the input is.
inline constexpr std::size_t kInputBytes = 64u << 20;
inline constexpr int kNestingDepth = 64;               // JSON arrays and objects inside each other
inline constexpr std::size_t kStringLength = 4096;     // bytes in one JSON string (names, notes)
inline constexpr std::size_t kJsonValues = 4'000'000;  // values in one JSON document
inline constexpr std::size_t kComponents = 100'000;    // per design
inline constexpr std::size_t kLinks = 400'000;         // per design
inline constexpr double kInstancesPerTier = 100'000;   // FieldSpec "instances" (and "shards")
inline constexpr double kCapacityRps = 1e9;            // FieldSpec "capacity_rps", per instance
inline constexpr double kScenarioRps = 1e10;           // a scenario's constant, ramp or replay rate
inline constexpr double kScenarioSeconds = 30 * 86400.0;
inline constexpr int kReplicates = 10'000;
inline constexpr std::size_t kSeriesPoints = 1'000'000;   // a replay series, inline or from a file
// Servers of one M/M/c station (instances x concurrency per instance): the
// queueing model counts them in an int.
inline constexpr double kQueueServers = 2e9;
// Concurrency of one simulated instance (capacity x service time); the
// simulator's per-instance queue is 64 x this, also bounded.
inline constexpr double kSimConcurrency = 1e9;
// One full-method run (all replicates): the requests it follows, and the
// memory its requests in flight may take (each holds a ~150-byte record and
// its events); past either it is refused before it starts.
inline constexpr double kSimFullRequests = 1e9;
inline constexpr double kSimFullMemoryBytes = 4e9;
inline constexpr double kSimBytesPerRequest = 200;
inline constexpr int kProjectionMonths = 60;
// Exact availability of one expression: 2^s states of its s failure domains
// used at more than one place, each visiting up to every term (16,777,216
// evaluations take ~0.1 s); domains used once cost nothing.
inline constexpr double kAvailabilityWork = 16'777'216;
inline constexpr int kCalcServers = 1'000'000;

struct Limit {
    std::string_view what;    // "components per design"
    std::string_view value;   // as the messages and the docs print it
    std::string_view past;    // what happens past it
};

inline constexpr std::array<Limit, 18> kTable{{
    {"bytes read from one input file or pipe", "67108864 (64 MiB)",
     "refused: \"larger than the limit of 67108864 bytes\" (standard input: \"more than the limit\"); reading "
     "stops at the limit, devices and FIFOs are refused before a byte is read"},
    {"JSON nesting depth", "64", "refused: \"JSON nests deeper than 64 levels\""},
    {"bytes in one JSON string", "4096", "refused with the string's path: \"is longer than the limit of 4096\""},
    {"values in one JSON document", "4000000", "refused: \"JSON holds more than 4000000 values\""},
    {"components per design", "100000",
     "error too_many_components (\"more than the limit of 100000 per design\"); the design is not analysed"},
    {"links per design", "400000",
     "error too_many_links (\"more than the limit of 400000 per design\"); the design is not analysed"},
    {"instances (and shards) per tier", "100000", "refused with the field's path: \"is above the maximum 100000\""},
    {"capacity per instance", "1e9 rps", "refused with the field's path: \"is above the maximum 1000000000\""},
    {"scenario rate (constant, ramp, replay)", "1e10 rps",
     "refused with the field's path: \"is above the maximum 10000000000\""},
    {"scenario length", "2592000 s (30 days)",
     "refused: \"is above the maximum 2592000\" (file), \"is not a number of seconds in [1, 2592000]\" (--duration)"},
    {"simulation replicates", "10000", "refused: \"is not a whole number in [1, 10000]\""},
    {"points in a replay series", "1000000", "refused: \"more than 1,000,000 points\""},
    {"servers of one exact M/M/c station (instances x capacity x service time)", "2e9",
     "beyond it the heavy-traffic limit (Halfin-Whitt) gives W = the service time while rho < 1 - 8/sqrt(c); "
     "closer to saturation, error server_limit and null times"},
    {"concurrency of one simulated instance (capacity x service time)", "1e9",
     "simulate refuses: \"is above the simulator's limit of 1000000000 concurrent requests per instance\""},
    {"requests of one full-method simulation (all replicates)", "1e9 requests, 4000 MB in flight",
     "refused before it starts, with the estimate; --method representative runs it"},
    {"projection months", "60", "refused: \"--months must be a whole number from 1 to 60\""},
    {"availability expression: 2^(domains used at more than one place) x terms", "16777216",
     "refused before evaluating: \"evaluations, above the limit of 16777216\" (domains used once are free)"},
    {"servers in calc mmc", "1000000", "refused: \"must be between 1 and 1000000\""},
}};

inline std::span<const Limit> table() { return kTable; }

}  // namespace limits

}  // namespace sw
