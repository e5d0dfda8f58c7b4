// What a design has, in the walkthrough's terms (separate database, balanced
// app tier, replicas, cache, CDN, shards, queues, several services, ...):
// computed once and shared by stage recognition, scaling and the triggers.
#pragma once

#include <vector>

#include "model/Design.h"

namespace sw::walk {

struct DesignFeatures {
    bool separate_database = false;   // a database on its own machine (has an instance type)
    bool balanced_app_tier = false;   // a load balancer in front of 2+ app instances
    bool replicas = false;
    bool cache = false;
    bool cdn = false;
    bool shards = false;
    bool queue = false;
    bool several_services = false;    // 2+ services, each calling its own primary database
    bool log_archive = false;         // object storage beside several services
    bool non_on_demand = false;       // reserved or spot pricing (the model's trace of auto-scaling)
    bool several_regions = false;
    std::vector<bool> horizontal;     // parallel to design.components
    std::vector<int> primary_of;      // replicas: index of the primary replicating to them, -1 = none
};

DesignFeatures designFeatures(const Design& design);

bool isPrimary(const Component& c);

}  // namespace sw::walk
