// Failover groups in the analytic engine: a database primary and the
// replicas it can promote (planner/FailoverRule.h) in its region serve the
// requests sent to the primary while any member is up, less the failover
// window charged at every failure of the serving member while another
// member can take over. Evaluated per zone state, like every tier.
#pragma once

#include <span>
#include <vector>

#include "planner/analysis/Context.h"
#include "planner/analysis/TierAvailability.h"

namespace sw::analysis {

struct GroupModel {
    std::vector<int> members;     // [0] = the primary, then its promotable replicas in promotion order
    std::vector<double> lossS;    // per member: expected requests-lost window when it fails while serving (s)
    std::vector<int> zoneBit;     // per member: its zone's bit in the slot's zone state, -1 = region-wide
    std::vector<double> zoneLoss; // per member: E[min(window, zone repair)] / zone MTTR, 0 = zone MTTR not given
    int slot = 0;                 // TierModel slot (the primary's region)
    double windowS = 0;           // longest window: primary's checks interval x threshold + promotion + switch
    double promotionS = 0;        // promotion + endpoint switch
    bool windowless = false;      // no member has a failure rate (no MTBF) or zone outage length: P(any up) alone
};

struct FailoverModel {
    std::vector<GroupModel> groups;
    std::vector<int> groupOfPrimary;     // per component: group index, -1 = none
    std::vector<int> groupOfMember;      // per component (primary included): group index, -1 = none
    std::vector<int> memberIndex;        // per component: its index in its group's members
    std::vector<int> primaryOfReplica;   // per component: the primary a replica's reads fall back to, -1 = none
};

FailoverModel buildFailoverModel(const Context& ctx, const TierModel& tm);

// How a member is taken in an evaluation: as modelled, dead (never up), or
// up (perfect instances, never failing: Birnbaum's "up", or a member the
// route is known to need up anyway).
enum class MemberMode : signed char { Model, Dead, Up };

// P(the group serves | its region up, zone state st). `modes` has one entry
// per member (empty = all as modelled).
double groupServes(const GroupModel& g, const TierModel& tm, std::size_t st, std::span<const MemberMode> modes = {});
// Failovers per second given st: failures of the serving member while another member is up.
double groupFailoverRate(const GroupModel& g, const TierModel& tm, std::size_t st);

}  // namespace sw::analysis
