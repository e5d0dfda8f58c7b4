// JSON (nlohmann) and CSV forms of an analysis and a growth projection.
#include "planner/AnalysisJson.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "planner/analysis/SummaryJson.h"
#include "planner/analysis/TraceFormat.h"
#include "planner/export/TableCsv.h"

namespace sw {

namespace {

using nlohmann::json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

// "measured", "override" or "modelled" per region pair ("self" on the diagonal).
json sourceMatrix(const LatencyMatrix& lm) {
    json rows = json::array();
    for (std::size_t i = 0; i < lm.regions.size(); ++i) {
        json row = json::array();
        for (std::size_t j = 0; j < lm.regions.size(); ++j) {
            const LatencyMatrix::Source s = i < lm.source.size() && j < lm.source[i].size()
                                                ? lm.source[i][j] : LatencyMatrix::Source::Modelled;
            row.push_back(i == j ? "self"
                          : s == LatencyMatrix::Source::Measured ? "measured"
                          : s == LatencyMatrix::Source::Override ? "override" : "modelled");
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

json pairs(const std::vector<std::pair<std::string, double>>& v, const char* valueKey) {
    json a = json::array();
    for (const auto& [id, x] : v) a.push_back({{"id", id}, {valueKey, number(x)}});
    return a;
}

json findingsJson(const std::vector<Finding>& findings) {
    json a = json::array();
    for (const Finding& f : findings)
        a.push_back({{"severity", std::string(severityKey(f.severity))},
                     {"code", f.code},
                     {"subject", f.subject},
                     {"message", f.message}});
    return a;
}

json matrix(const std::vector<std::vector<double>>& m) {
    json a = json::array();
    for (const auto& row : m) {
        json r = json::array();
        for (double v : row) r.push_back(number(v));
        a.push_back(r);
    }
    return a;
}

}  // namespace

nlohmann::json summaryJson(const Analysis& a) {
    const AvailabilitySummary& av = a.summary.availability;
    json p95 = json::object();
    for (const GeographyResult& g : a.geographies) p95[g.user_group] = number(g.p95_ms);
    json summary = {{"availability", number(av.availability)},
                    {"nines", number(av.nines)},
                    {"downtime_min_per_year", number(av.downtime_min_per_year)},
                    {"downtime_min_per_month", number(av.downtime_min_per_month)},
                    {"slo", av.slo},
                    {"error_budget_min_per_month", number(av.error_budget_min_per_month)},
                    {"error_budget_used", number(av.budget_used)},
                    {"failover_s_per_event", number(av.failover_s_per_event)},
                    {"weakest", av.weakest},
                    {"cost_per_month_usd", number(a.summary.cost_per_month_usd)},
                    {"bottleneck", a.summary.bottleneck},
                    {"bottleneck_headroom", number(a.summary.headroom)},
                    {"average_rps", number(a.summary.average_rps)},
                    {"peak_rps", number(a.summary.peak_rps)},
                    {"p95_ms", p95},
                    {"p95_ms_user_weighted", number(a.summary.p95_ms)},
                    {"saturated", a.summary.saturated},
                    {"saturated_tiers", a.summary.saturated_tiers}};
    // Failover groups and the parts that matter (issue 10).
    json groups = json::array();
    for (const FailoverGroupResult& g : av.failover_groups)
        groups.push_back({{"primary", g.primary},
                          {"replicas", g.replicas},
                          {"availability", number(g.availability)},
                          {"failover_s_per_event", number(g.failover_s_per_event)},
                          {"events_per_year", number(g.events_per_year)},
                          {"downtime_min_per_year", number(g.downtime_min_per_year)}});
    summary["failover_groups"] = std::move(groups);
    json shown = json::array();
    for (const ImportanceShare& x : av.importance_shown)
        shown.push_back({{"id", x.id}, {"importance", number(x.importance)}, {"downtime_min_per_year", number(x.downtime_min_per_year)}});
    summary["importance_shown"] = std::move(shown);
    return summary;
}

std::string analysisToJson(const Design& design, const Analysis& a, bool withExplain) {
    const json summary = summaryJson(a);
    const AvailabilitySummary& av = a.summary.availability;
    json comps = json::array();
    for (std::size_t i = 0; i < a.components.size(); ++i) {
        const ComponentResult& c = a.components[i];
        const Component* src = i < design.components.size() ? &design.components[i] : nullptr;
        // A saturated tier's queue has no steady state: its times are null, not 0.
        auto time = [&](double ms) { return c.saturated ? json(nullptr) : number(ms); };
        comps.push_back({{"id", c.id},
                         {"kind", src ? std::string(kindKey(src->kind)) : std::string()},
                         {"region", c.region},
                         {"load_rps", number(c.load_rps)},
                         {"read_rps", number(c.read_rps)},
                         {"write_rps", number(c.write_rps)},
                         {"servers", number(c.servers)},
                         {"stations", number(c.stations)},
                         {"capacity_rps", number(c.capacity_rps)},
                         {"utilization", number(c.utilization)},
                         {"saturated", c.saturated},
                         {"instances", number(c.instances)},
                         {"instances_needed", number(c.instances_needed)},
                         {"instances_required", number(c.instances_required)},
                         {"failover_window_s", number(c.failover_window_s)},
                         {"failover_loss_s", number(c.failover_loss_s)},
                         {"headroom", number(c.headroom)},
                         {"wq_ms", time(c.wq_ms)},
                         {"w_ms", time(c.w_ms)},
                         {"p50_ms", time(c.p50_ms)},
                         {"p95_ms", time(c.p95_ms)},
                         {"availability", number(c.availability)},
                         {"cost_per_month_usd", number(c.cost_per_month_usd)}});
    }
    json geos = json::array();
    for (const GeographyResult& g : a.geographies)
        geos.push_back({{"user_group", g.user_group},
                        {"region", g.region},
                        {"share", number(g.share)},
                        {"network_rtt_ms", number(g.network_rtt_ms)},
                        {"origin_rtt_ms", number(g.network_rtt_ms)},
                        {"last_mile_ms", number(g.last_mile_ms)},
                        {"edge_rtt_ms", g.edge_rtt_ms > 0 ? number(g.edge_rtt_ms) : json(nullptr)},
                        {"edge_share", number(g.edge_share)},
                        {"p50_ms", number(g.p50_ms)},
                        {"p95_ms", number(g.p95_ms)},
                        {"saturated", g.saturated},
                        {"saturated_tiers", g.saturated_tiers},
                        {"availability", number(g.availability)},
                        {"fallback_regions", g.fallback_regions}});
    json repl = json::array();
    for (const ReplicationResult& r : a.replication)
        repl.push_back({{"link", r.link},
                        {"from", r.from},
                        {"to", r.to},
                        {"mode", r.mode},
                        {"write_rps", number(r.write_rps)},
                        {"apply_rate_wps", number(r.apply_rate_wps)},
                        {"network_one_way_ms", number(r.network_one_way_ms)},
                        {"lag_ms", r.unbounded ? json(nullptr) : number(r.lag_ms)},
                        {"unbounded", r.unbounded},
                        {"saturating_write_rps", number(r.saturating_write_rps)},
                        {"staleness_bound_ms", r.unbounded ? json(nullptr) : number(r.staleness_bound_ms)},
                        {"commit_latency_ms", number(r.commit_latency_ms)},
                        {"rpo_s", r.unbounded ? json(nullptr) : number(r.rpo_s)}});
    const CostBreakdown& cb = a.cost;
    json byRegion = json::object();
    for (const auto& [id, usd] : cb.by_region) byRegion[id.empty() ? "(none)" : id] = number(usd);
    json cost = {{"compute_usd", number(cb.compute)},
                 {"storage_usd", number(cb.storage)},
                 {"egress_usd", number(cb.egress)},
                 {"cdn_usd", number(cb.cdn)},
                 {"cross_region_usd", number(cb.cross_region)},
                 {"cross_zone_usd", number(cb.cross_zone)},
                 {"managed_usd", number(cb.managed)},
                 {"total_usd", number(cb.total)},
                 {"per_million_requests_usd", number(cb.per_million_requests)},
                 {"per_user_usd", number(cb.per_user)},
                 {"egress_gb_per_month", number(cb.egress_gb_per_month)},
                 {"cdn_gb_per_month", number(cb.cdn_gb_per_month)},
                 {"cross_region_gb_per_month", number(cb.cross_region_gb_per_month)},
                 {"by_region_usd", byRegion}};
    json latency = {{"regions", a.latency.regions},
                    {"floor_rtt_ms", matrix(a.latency.floor_ms)},
                    {"modelled_rtt_ms", matrix(a.latency.modelled_ms)},
                    {"source", sourceMatrix(a.latency)},
                    {"user_groups", a.latency.user_groups},
                    {"user_rtt_ms", matrix(a.latency.user_modelled_ms)}};
    json doc = {{"design", design.name},
                {"summary", summary},
                {"components", comps},
                {"geographies", geos},
                {"replication", repl},
                {"cost", cost},
                {"latency", latency},
                {"importance", pairs(av.importance, "birnbaum")},
                {"domain_importance", pairs(av.domain_importance, "birnbaum")},
                {"findings", findingsJson(a.findings)}};
    if (withExplain) {
        json ex = json::array();
        for (const Trace& t : a.explain)
            ex.push_back({{"quantity", t.quantity}, {"formula", t.formula}, {"inputs", t.inputs}, {"value", number(t.value)}});
        doc["explain"] = ex;
    }
    return doc.dump(2) + "\n";
}

std::string findingsToJson(const std::string& file, const std::vector<VariantFindings>& variants) {
    json list = json::array();
    bool valid = true;
    for (const VariantFindings& v : variants) {
        const bool ok = !hasErrors(v.findings);
        valid = valid && ok;
        int errors = 0;
        for (const Finding& f : v.findings) errors += f.severity == Severity::Error;
        list.push_back({{"variant", v.variant},
                        {"components", v.components},
                        {"errors", errors},
                        {"warnings", static_cast<int>(v.findings.size()) - errors},
                        {"valid", ok},
                        {"findings", findingsJson(v.findings)}});
    }
    return json{{"file", file}, {"valid", valid}, {"variants", list}}.dump(2) + "\n";
}

std::string projectionToJson(const Design& design, const Projection& p, const GrowthFit* fit) {
    json months = json::array();
    for (const ProjectionMonth& m : p.months) {
        json inst = json::object();
        for (std::size_t t = 0; t < p.tiers.size(); ++t) inst[p.tiers[t]] = number(m.instances[t]);
        months.push_back({{"month", m.month},
                          {"users", number(m.users)},
                          {"peak_rps", number(m.peak_rps)},
                          {"storage_gb", number(m.storage_gb)},
                          {"bandwidth_gb_per_month", number(m.bandwidth_gb_per_month)},
                          {"cost_per_month_usd", number(m.cost_per_month_usd)},
                          {"instances", inst}});
    }
    json runway = json::array();
    for (const TierRunway& r : p.runway)
        runway.push_back({{"id", r.id},
                          {"limit_rps", number(r.limit_rps)},
                          {"ceiling", r.ceiling},
                          {"runout_month", r.runout_month >= 0 ? json(r.runout_month) : json(nullptr)},
                          {"load_runout_month", r.load_runout_month >= 0 ? json(r.load_runout_month) : json(nullptr)},
                          {"limit_storage_gb", r.limit_storage_gb > 0 ? json(r.limit_storage_gb) : json(nullptr)},
                          {"storage_runout_month", r.storage_runout_month >= 0 ? json(r.storage_runout_month) : json(nullptr)}});
    json doc = {{"design", design.name},
                      {"model", p.model},
                      {"monthly_growth", design.workload.monthly_growth},
                      {"user_ceiling", design.workload.user_ceiling},
                      {"months", months},
                      {"runway", runway},
                      {"findings", findingsJson(p.findings)}};
    if (fit)
        doc["fit"] = {{"model", fit->model},
                      {"u0", number(fit->u0)},
                      {"monthly_growth", number(fit->monthly_growth)},
                      {"ceiling", number(fit->ceiling)},
                      {"rmse_users", number(fit->rmse)},
                      {"iterations", fit->iterations}};
    return doc.dump(2) + "\n";
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;   // RFC 4180: CR too
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

namespace {

// Fixed-point, never an exponent: a spreadsheet reads "300000000", and
// "3e+08" users is no way to show a count. Non-finite values are empty.
std::string fixedNumber(double v, int decimals) {
    if (!std::isfinite(v)) return {};
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    return r.ec == std::errc() ? std::string(buf, r.ptr) : std::string();
}

}  // namespace

std::string projectionToCsv(const Projection& p) {
    std::ostringstream os;
    os << "month,users,peak_rps,storage_gb,bandwidth_gb_per_month,cost_per_month_usd";
    for (const std::string& t : p.tiers) os << ',' << csvField("instances_" + t);
    os << "\n";
    for (const ProjectionMonth& m : p.months) {
        os << m.month << ',' << fixedNumber(std::round(m.users), 0) << ',' << fixedNumber(m.peak_rps, 2) << ','
           << fixedNumber(m.storage_gb, 3) << ',' << fixedNumber(m.bandwidth_gb_per_month, 3) << ','
           << fixedNumber(m.cost_per_month_usd, 2);
        for (double v : m.instances) os << ',' << fixedNumber(v, 0);
        os << "\n";
    }
    return os.str();
}

}  // namespace sw
