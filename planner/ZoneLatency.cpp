// Zone-to-zone defaults per provider and the check of an entered round trip.
#include "planner/ZoneLatency.h"

#include <cmath>

namespace sw {

double providerZoneRttMs(std::string_view provider) {
    // AWS: zones "close enough to use synchronous replication with single-digit
    // millisecond latency" (Fault Isolation Boundaries whitepaper), "< 2 ms apart,
    // usually < 1 ms" (J. Hamilton, re:Invent 2014): 1 ms.
    if (provider == "aws") return 1.0;
    // Azure: zones joined by a network with "round-trip latency of less than 2 ms"
    // (Azure reliability documentation): 1 ms, the middle of the published bound.
    if (provider == "azure") return 1.0;
    // Google Cloud: "locations within regions tend to have round-trip network
    // latencies of < 1 ms in the 95th percentile" (region selection guide): 0.5 ms.
    if (provider == "gcp") return 0.5;
    return 1.0;
}

double zoneRttMs(const Region& region) {
    return region.params.zone_rtt_ms > 0 ? region.params.zone_rtt_ms : providerZoneRttMs(region.provider);
}

EnteredRtt checkEnteredRtt(double entered_ms, double floor_ms, double reference_ms) {
    if (!std::isfinite(entered_ms) || entered_ms < floor_ms) return EnteredRtt::BelowFloor;
    if (reference_ms > 0 && entered_ms < (1 - kSuspiciousBelow) * reference_ms) return EnteredRtt::FarBelowReference;
    return EnteredRtt::Plausible;
}

}  // namespace sw
