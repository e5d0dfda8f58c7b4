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
