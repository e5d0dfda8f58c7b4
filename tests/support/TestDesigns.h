// Designs built in code, so model tests and benchmarks do not depend on the
// bundled samples: a small hand-made design that uses every kind, and a
// generator of large realistic designs.
#pragma once

#include <string>

#include "model/Design.h"

namespace sw::testing {

// Two regions, three zones, every component kind, call and replication links
// of every mode; valid (no errors). Every field that applies to a kind is set
// to a non-default value so a lost field shows in a round trip.
Design handMadeDesign();

// A project of two variants of handMadeDesign (the second one scaled up).
Project handMadeProject();

// `components` components (rounded down to whole stacks of 10) spread over up
// to 20 catalogue regions with three zones each: per stack a user group, load
// balancer, two services, cache, primary database and its replica, queue,
// worker and object storage, linked as a web stack; primaries replicate to
// the next region's primary. Valid; deterministic for a given size.
Design generatedDesign(int components);

// A component / link with the given fields, everything else default.
Component makeComponent(std::string id, ComponentKind kind, std::string region = {}, std::string zone = {});
Link makeLink(std::string id, std::string from, std::string to, LinkKind kind = LinkKind::Call,
              LinkMode mode = LinkMode::Sync);
Region makeRegion(std::string id, std::string code);

}  // namespace sw::testing
