// When two variants' cost lines cross under the growth projection ("Lean is
// cheaper until month 14, then Base"), or when the cheaper one runs out of
// runway while the other does not.
#include "planner/whatif/Crossover.h"

#include <cmath>

namespace sw::whatif {

namespace {

int sign(double x) { return x < 0 ? -1 : x > 0 ? 1 : 0; }

}  // namespace

std::optional<Crossover> crossoverOf(const Projection& a, const Projection& b, const std::string& nameA,
                                     const std::string& nameB) {
    const std::size_t n = std::min(a.months.size(), b.months.size());
    int start = 0;   // the sign of cost(a) - cost(b) in the first month they differ
    std::size_t first = n;
    for (std::size_t m = 0; m < n; ++m) {
        const double d = a.months[m].cost_per_month_usd - b.months[m].cost_per_month_usd;
        if (std::isnan(d)) continue;
        if (start == 0) {
            if ((start = sign(d)) != 0) first = m;
            continue;
        }
        if (sign(d) != start) {
            Crossover c;
            c.metric = "cost_per_month_usd";
            c.month = a.months[m].month;
            c.users = a.months[m].users;
            c.cheaper_before = start < 0 ? nameA : nameB;
            c.cheaper_after = start < 0 ? nameB : nameA;
            return c;
        }
    }
    if (first == n) return std::nullopt;   // the same cost throughout: nothing to choose by cost
    // No cost crossing: the cheaper variant loses when it runs out of runway first.
    const Projection& cheap = start < 0 ? a : b;
    const Projection& dear = start < 0 ? b : a;
    const int rc = runwayMonth(cheap.runway), rd = runwayMonth(dear.runway);
    if (rc < 0 || (rd >= 0 && rd <= rc) || std::size_t(rc) >= a.months.size()) return std::nullopt;
    Crossover c;
    c.metric = "runway_month";
    c.month = rc;
    c.users = a.months[std::size_t(rc)].users;
    c.cheaper_before = start < 0 ? nameA : nameB;
    c.cheaper_after = start < 0 ? nameB : nameA;
    return c;
}

std::optional<Crossover> crossover(const Design& a, const Design& b, int months) {
    auto pa = project(a, months), pb = project(b, months);
    if (!pa || !pb) return std::nullopt;
    return crossoverOf(pa.value(), pb.value(), a.name, b.name);
}

}  // namespace sw::whatif
