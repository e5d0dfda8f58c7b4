// The routes a user group's requests can take through a design, for the
// availability pass: depth-first over synchronous calls, forking at a
// router's alternatives and at a read's fall-back to its primary.
#pragma once

#include <cstdint>
#include <vector>

#include "planner/analysis/Context.h"
#include "planner/analysis/FailoverGroup.h"
#include "planner/analysis/LoadModel.h"

namespace sw::analysis {

inline constexpr int kMaxRoutes = 8;

// Which requests a route set is for: all alike, or reads / writes apart.
enum class Want : std::uint8_t { Any, Read, Write };

// Whether a call link carries the wanted requests.
bool carries(const Link& l, Want w);

struct Route {
    std::vector<char> in;
    std::vector<int> stack;
    std::vector<int> comps;
    int geoTarget = -1;   // at the first fork across regions: the component this route took
};

// Routes of one user group: depth-first over synchronous calls that carry
// the wanted requests; at a router's alternatives the route forks (nearest
// region first; beyond kMaxRoutes the farther alternatives are dropped, which
// can only understate availability). A read sent to replicas also forks to
// their primary, which answers when no replica can (FailoverRule.h).
std::vector<Route> enumerateRoutes(const Context& ctx, const FailoverModel& fm, const GroupFlow& gf, Want want);

}  // namespace sw::analysis
