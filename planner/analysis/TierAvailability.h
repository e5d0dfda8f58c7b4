// Availability of each tier given the state of its failure domains: for every
// up/down combination of its region's zones, the probability that enough of
// its instances are up (k-of-n) to carry the load.
#pragma once

#include <vector>

#include "planner/Analysis.h"
#include "planner/analysis/Context.h"

namespace sw::analysis {

inline constexpr int kMaxExactZones = 12;   // 2^12 zone states per region

struct DomainStates {
    double up = 1;                 // P(region up)
    std::vector<int> zones;        // design zone indices conditioned on (bit j = zones[j])
    std::vector<double> pState;    // P(zone state), 2^zones entries
    bool approximated = false;     // too many zones: zones folded into members as independent
};

struct TierModel {
    std::vector<DomainStates> slots;   // one per design region, plus a last one for "no region"
    std::vector<int> slotOf;           // per component
    std::vector<std::size_t> offset;   // into f / perfect, 2^zones entries per component
    std::vector<double> f;             // P(tier up | region up, zone state)
    std::vector<double> perfect;       // the same with perfect instances (Birnbaum "up")
    std::vector<double> instanceAvailability;
    std::vector<double> failoverS;     // longest downtime per failure (detection + TTL + failover)
    std::vector<double> failoverLossS; // expected loss window per failure (FailoverWindow::expected_s)
    std::vector<double> lossRate;      // share of time an instance is failed but still trusted
    // Databases only (else 0): how often the tier goes down given the zone
    // state, per second (P(exactly k of the up instances up) x k / MTBF),
    // laid out like f; and its instances' MTTR in seconds.
    std::vector<double> downRate;
    std::vector<double> mttrS;
    std::size_t states(int comp) const { return slots[static_cast<std::size_t>(slotOf[static_cast<std::size_t>(comp)])].pState.size(); }
};

// What one instance's failure costs the requests routed to it.
struct FailoverWindow {
    double interval_s = 0, threshold = 0;   // the health checks that notice it
    double longest_s = 0;    // interval x threshold + DNS TTL + failover_s
    double first_s = 0;      // earliest: (threshold - 1) x interval + TTL/2 + failover_s
    double expected_s = 0;   // first_s + interval/2 (the mean, if never repaired sooner)
};
FailoverWindow failoverWindow(const Context& ctx, int component);

TierModel buildTierModel(const Context& ctx, const std::vector<ComponentResult>& capacity);

}  // namespace sw::analysis
