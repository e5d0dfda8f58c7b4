// The database failover rule both engines follow, written once: which
// replicas a primary can promote, how long a promotion takes, and which
// member of a failover group serves writes and reads. The analytic engine
// (analysis/FailoverGroup.cpp) turns it into probabilities; the simulator
// (sim/SimModel.cpp, sim/ReplicateControl.cpp, sim/Replicate.cpp) applies it
// to the states it draws.
#pragma once

#include <span>
#include <vector>

#include "model/Design.h"

namespace sw {

// The thresholds the analysis warns at, in this one place (docs/seed-notes.md
// #26, #27). Seed 004 (L303) fails over "when lag > 30 s"; that is refuted:
// lag is not a failover trigger (promoting a replica 30 s behind loses 30 s of
// writes), primaries fail over on health checks. What a lag that long does
// mean is that the replica no longer serves reads: the simulator sends them to
// the primary past ScenarioPolicies::replica_lag_limit_s (30 s), and the
// analysis flags it at the same limit.
inline constexpr double kReplicaLagReadLimitS = 30;
// A promotion (detection + the primary's failover_s) slower than this is
// warned about. The seed's "30 s" target is its lag trigger again; RDS
// Multi-AZ documents a failover as "typically 60-120 seconds" (Amazon RDS
// User Guide, Multi-AZ DB instance deployments, read 2026-12), and the seed's
// own parts (#27: detect 30-60 s + promote 60-120 s) reach 90-180 s before the
// DNS switch. The target is the top of AWS's range: 120 s.
inline constexpr double kFailoverTargetS = 120;

// A primary and what can stand in for it, by component index.
struct FailoverMembers {
    int primary = -1;
    std::vector<int> promotable;   // replicas that can take the writes, in link order (promotion order)
    std::vector<int> replicas;     // every database replica fed by the primary that answers reads (not a standby)
};

// A replica fed by `replication` can be promoted: sync standbys always,
// other replicas unless their `promotable` is 0.
bool isPromotable(const Component& replica, const Link& replication);

// Promotion after the primary's failure is detected: the primary's
// failover_s, else the default (kDefaultPromotionS or a scenario's own);
// then the endpoint switch before writes reach the promoted replica.
double promotionS(const ComponentParams& primary, double defaultPromotionS = kDefaultPromotionS);
double promotionWindowS(const ComponentParams& primary, double defaultPromotionS = kDefaultPromotionS,
                        double endpointSwitchS = kEndpointSwitchS);

// The failover group of every database primary that has replicas, from the
// design's replication links (a replica takes the first primary that feeds it).
std::vector<FailoverMembers> failoverGroups(const Design& d);
// The same with each link's endpoints already resolved (component indices, -1 = dangling).
std::vector<FailoverMembers> failoverGroups(const Design& d, std::span<const int> linkFrom, std::span<const int> linkTo);

// Who serves writes given which members are up (promotable[i] up = up[i + 1],
// up[0] = the primary): the primary while it is up, else the first
// promotable replica that is up; -1 = nobody (index into the group: 0 =
// primary, i + 1 = promotable[i]). The simulator keeps a promoted replica
// until it fails or the primary returns; for identical replicas the chance
// that *some* replica serves is the same either way.
int writeServer(std::span<const char> up);

// Reads sent to a replica: that replica while it is up, else another replica
// of its primary that is up (in order), else whoever serves the writes.
// `replicaUp[i]` for FailoverMembers::replicas[i]; returns an index into
// replicas, or -1 = fall back to the write server.
int readServer(int replica, std::span<const char> replicaUp);

}  // namespace sw
