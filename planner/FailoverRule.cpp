// The database failover rule shared by the analytic engine and the simulator.
#include "planner/FailoverRule.h"

#include <unordered_map>

namespace sw {

bool isPromotable(const Component& replica, const Link& replication) {
    if (replica.kind != ComponentKind::Database || replication.kind != LinkKind::Replication) return false;
    return replication.mode == LinkMode::Sync || replica.params.promotable >= 0.5;
}

double promotionS(const ComponentParams& primary, double defaultPromotionS) {
    return primary.failover_s > 0 ? primary.failover_s : defaultPromotionS;
}

double promotionWindowS(const ComponentParams& primary, double defaultPromotionS, double endpointSwitchS) {
    return promotionS(primary, defaultPromotionS) + endpointSwitchS;
}

std::vector<FailoverMembers> failoverGroups(const Design& d) {
    std::unordered_map<std::string_view, int> index;
    for (std::size_t i = 0; i < d.components.size(); ++i) index.emplace(d.components[i].id, static_cast<int>(i));
    std::vector<int> from(d.links.size(), -1), to(d.links.size(), -1);
    for (std::size_t li = 0; li < d.links.size(); ++li) {
        if (d.links[li].kind != LinkKind::Replication) continue;
        if (auto a = index.find(d.links[li].from); a != index.end()) from[li] = a->second;
        if (auto b = index.find(d.links[li].to); b != index.end()) to[li] = b->second;
    }
    return failoverGroups(d, from, to);
}

std::vector<FailoverMembers> failoverGroups(const Design& d, std::span<const int> linkFrom, std::span<const int> linkTo) {
    std::vector<int> groupOf(d.components.size(), -1), primaryOf(d.components.size(), -1);
    std::vector<FailoverMembers> groups;
    for (std::size_t li = 0; li < d.links.size() && li < linkFrom.size() && li < linkTo.size(); ++li) {
        const Link& l = d.links[li];
        const int a = linkFrom[li], b = linkTo[li];
        if (l.kind != LinkKind::Replication || a < 0 || b < 0 || a == b) continue;
        const Component& src = d.components[static_cast<std::size_t>(a)];
        const Component& dst = d.components[static_cast<std::size_t>(b)];
        if (src.kind != ComponentKind::Database || dst.kind != ComponentKind::Database) continue;
        if (src.role == DbRole::Replica || dst.role != DbRole::Replica) continue;
        const std::size_t bi = static_cast<std::size_t>(b);
        if (primaryOf[bi] >= 0) continue;   // fed twice: the first primary keeps it
        primaryOf[bi] = a;
        int& g = groupOf[static_cast<std::size_t>(a)];
        if (g < 0) {
            g = static_cast<int>(groups.size());
            groups.push_back({a, {}, {}});
        }
        FailoverMembers& fm = groups[static_cast<std::size_t>(g)];
        if (dst.params.serves_reads > 0) fm.replicas.push_back(b);   // a standby answers no reads
        if (isPromotable(dst, l)) fm.promotable.push_back(b);
    }
    return groups;
}

int writeServer(std::span<const char> up) {
    for (std::size_t i = 0; i < up.size(); ++i)
        if (up[i]) return static_cast<int>(i);
    return -1;
}

int readServer(int replica, std::span<const char> replicaUp) {
    if (replica >= 0 && static_cast<std::size_t>(replica) < replicaUp.size() && replicaUp[static_cast<std::size_t>(replica)])
        return replica;
    for (std::size_t i = 0; i < replicaUp.size(); ++i)
        if (replicaUp[i]) return static_cast<int>(i);
    return -1;
}

}  // namespace sw
