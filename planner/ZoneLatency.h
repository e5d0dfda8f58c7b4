// Round trips that are not between regions: between two zones of one region
// (the provider's published figure, overridable per region) and the user's
// last mile into the network. Sources in docs/formulas.md, "Zones and last mile".
#pragma once

#include <string_view>

#include "model/Placement.h"

namespace sw {

// Published zone-to-zone RTT of a provider; 1 ms for one not listed.
double providerZoneRttMs(std::string_view provider);
// A region's zone-to-zone RTT: its zone_rtt_ms when set (> 0), else its provider's.
double zoneRttMs(const Region& region);

// How an entered round trip compares with what the tool expects.
enum class EnteredRtt { Plausible, FarBelowReference, BelowFloor };
// More than this fraction below the measurement or the model: a warning.
inline constexpr double kSuspiciousBelow = 0.25;
// BelowFloor when under the physical floor (or not finite), FarBelowReference
// when more than 25 % under `reference_ms` (the measurement or the model).
EnteredRtt checkEnteredRtt(double entered_ms, double floor_ms, double reference_ms);

}  // namespace sw
