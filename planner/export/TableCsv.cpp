#include "planner/export/TableCsv.h"

#include <charconv>
#include <cmath>
#include <sstream>
#include <utility>
#include <vector>

namespace sw {

namespace {

// Shortest round-trip text, as nlohmann's writer gives it; empty for a non-finite value (JSON null).
std::string num(double v) {
    if (!std::isfinite(v)) return {};
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

void row(std::ostringstream& os, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) os << (i ? "," : "") << csvField(fields[i]);
    os << "\n";
}

}  // namespace

std::string tiersToCsv(const Design& d, const Analysis& a) {
    std::ostringstream os;
    row(os, {"id", "name", "kind", "region", "load_rps", "read_rps", "write_rps", "servers", "stations", "capacity_rps",
             "utilization", "saturated", "instances", "instances_needed", "instances_required", "failover_window_s",
             "failover_loss_s", "headroom", "wq_ms", "w_ms", "p50_ms", "p95_ms", "availability", "cost_per_month_usd"});
    for (std::size_t i = 0; i < a.components.size(); ++i) {
        const ComponentResult& c = a.components[i];
        const Component* src = i < d.components.size() ? &d.components[i] : nullptr;
        // A saturated tier's times are null in the JSON: empty here.
        auto time = [&](double ms) { return c.saturated ? std::string() : num(ms); };
        row(os, {c.id, src ? src->name : std::string(), src ? std::string(kindKey(src->kind)) : std::string(), c.region,
                 num(c.load_rps), num(c.read_rps), num(c.write_rps), num(c.servers), num(c.stations), num(c.capacity_rps),
                 num(c.utilization), c.saturated ? "true" : "false", num(c.instances), num(c.instances_needed),
                 num(c.instances_required), num(c.failover_window_s), num(c.failover_loss_s), num(c.headroom), time(c.wq_ms),
                 time(c.w_ms), time(c.p50_ms), time(c.p95_ms), num(c.availability), num(c.cost_per_month_usd)});
    }
    return os.str();
}

std::string costToCsv(const Analysis& a) {
    const CostBreakdown& cb = a.cost;
    std::vector<std::pair<std::string, double>> cols = {
        {"compute_usd", cb.compute},         {"storage_usd", cb.storage},
        {"egress_usd", cb.egress},           {"cdn_usd", cb.cdn},
        {"cross_region_usd", cb.cross_region}, {"cross_zone_usd", cb.cross_zone},
        {"managed_usd", cb.managed},         {"total_usd", cb.total},
        {"per_million_requests_usd", cb.per_million_requests}, {"per_user_usd", cb.per_user},
        {"egress_gb_per_month", cb.egress_gb_per_month}, {"cdn_gb_per_month", cb.cdn_gb_per_month},
        {"cross_region_gb_per_month", cb.cross_region_gb_per_month}};
    for (const auto& [id, usd] : cb.by_region) cols.emplace_back("by_region_usd:" + (id.empty() ? std::string("(none)") : id), usd);
    std::vector<std::string> head, values;
    for (const auto& [k, v] : cols) {
        head.push_back(k);
        values.push_back(num(v));
    }
    std::ostringstream os;
    row(os, head);
    row(os, values);
    return os.str();
}

}  // namespace sw
