// Reads a design's features and decides which of its parts scale out: the
// rules are in docs/formulas.md ("Walkthrough").
#include "planner/walkthrough/StageFeatures.h"

#include <algorithm>
#include <set>
#include <string>

#include "planner/walkthrough/Walkthrough.h"

namespace sw::walk {

bool isPrimary(const Component& c) { return c.kind == ComponentKind::Database && c.role != DbRole::Replica; }

DesignFeatures designFeatures(const Design& d) {
    DesignFeatures f;
    const std::size_t n = d.components.size();
    f.horizontal.assign(n, false);
    f.primary_of.assign(n, -1);
    std::vector<bool> calledByUsers(n, false), calledAtAll(n, false);
    std::vector<int> lbFanout(n, 0);
    std::set<std::string> regions;
    std::set<int> servicePrimaries, servicesWithPrimary;
    for (const Link& l : d.links) {
        const int a = d.componentIndex(l.from), b = d.componentIndex(l.to);
        if (a < 0 || b < 0) continue;
        const Component& from = d.components[static_cast<std::size_t>(a)];
        const Component& to = d.components[static_cast<std::size_t>(b)];
        if (l.kind == LinkKind::Replication) {
            if (to.kind == ComponentKind::Database && to.role == DbRole::Replica) f.primary_of[static_cast<std::size_t>(b)] = a;
            f.replicas = f.replicas || to.role == DbRole::Replica;
            continue;
        }
        calledAtAll[static_cast<std::size_t>(b)] = true;
        if (from.kind == ComponentKind::UserGroup) calledByUsers[static_cast<std::size_t>(b)] = true;
        if (from.kind == ComponentKind::LoadBalancer && to.kind == ComponentKind::Service)
            lbFanout[static_cast<std::size_t>(a)] += static_cast<int>(std::max(1.0, to.params.instances));
        if (from.kind == ComponentKind::Service && isPrimary(to)) {
            servicePrimaries.insert(b);
            servicesWithPrimary.insert(a);
        }
    }
    int services = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Component& c = d.components[i];
        if (c.kind == ComponentKind::UserGroup) continue;
        if (!c.region.empty()) regions.insert(c.region);
        if (c.pricing != Pricing::OnDemand) f.non_on_demand = true;
        switch (c.kind) {
        case ComponentKind::Service:
            ++services;
            // Something spreads its requests over instances (a balancer, a
            // queue, another service); users calling it directly reach one box.
            f.horizontal[i] = calledAtAll[i] && !calledByUsers[i];
            break;
        case ComponentKind::Database:
            if (c.role == DbRole::Replica) {
                f.replicas = true;
                f.horizontal[i] = true;
            } else {
                const bool sharded = c.role == DbRole::Shard || c.params.shards > 1;
                f.shards = f.shards || sharded;
                f.horizontal[i] = sharded;   // shards are added; one primary stays one primary
                f.separate_database = f.separate_database || !c.instance_type.empty();
            }
            break;
        case ComponentKind::Cache: f.cache = true; f.horizontal[i] = true; break;
        case ComponentKind::Cdn: f.cdn = true; f.horizontal[i] = true; break;
        case ComponentKind::Queue: f.queue = true; f.horizontal[i] = true; break;
        case ComponentKind::LoadBalancer:
            f.balanced_app_tier = f.balanced_app_tier || lbFanout[i] >= 2;
            f.horizontal[i] = true;   // managed: the provider adds capacity
            break;
        case ComponentKind::ObjectStorage: f.log_archive = true; f.horizontal[i] = true; break;
        case ComponentKind::Dns: f.horizontal[i] = true; break;
        case ComponentKind::UserGroup: break;
        }
    }
    f.several_services = servicePrimaries.size() >= 2 && servicesWithPrimary.size() >= 2;
    f.log_archive = f.log_archive && f.several_services;
    f.several_regions = regions.size() >= 2;
    return f;
}

}  // namespace sw::walk

namespace sw {

StageMatch recogniseStage(const Design& design) {
    const walk::DesignFeatures f = walk::designFeatures(design);
    if (f.several_regions) return {12, "components in several regions"};
    if (f.several_services && f.non_on_demand) return {11, "several services with reserved or spot capacity under them"};
    if (f.log_archive) return {10, "several services and an object-storage archive"};
    if (f.several_services) return {9, "several services, each with its own database"};
    if (f.queue) return {8, "a message queue"};
    if (f.shards) return {7, "a sharded database"};
    if (f.cdn) return {6, "a CDN"};
    if (f.cache) return {5, "a cache"};
    if (f.replicas) return {4, "database replicas"};
    if (f.balanced_app_tier) return {3, "a load balancer in front of several app servers"};
    if (f.separate_database) return {2, "a database on its own server"};
    return {1, "one server"};
}

std::vector<bool> horizontalParts(const Design& design) { return walk::designFeatures(design).horizontal; }

}  // namespace sw
