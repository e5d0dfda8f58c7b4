// Per-component formula traces, built with one string buffer per field so
// that tracing 10,000 tiers stays cheap.
#include "planner/Explain.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "model/Catalogue.h"
#include "planner/AvailabilityMath.h"
#include "planner/analysis/Context.h"

namespace sw {

namespace {

class Text {
public:
    Text() { s_.reserve(160); }   // one allocation per field, not one per append
    Text& operator<<(std::string_view s) {
        s_.append(s);
        return *this;
    }
    Text& operator<<(double v) {
        char buf[32];
        auto r = std::isfinite(v) ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6)
                                  : std::to_chars(buf, buf + sizeof buf, 0);
        if (!std::isfinite(v)) return *this << (std::isnan(v) ? "NaN" : v > 0 ? "inf" : "-inf");
        s_.append(buf, r.ptr);
        return *this;
    }
    std::string take() { return std::move(s_); }

private:
    std::string s_;
};

// The built-in catalogue's instance types by name, indexed once.
const InstanceType* findType(const std::string& name) {
    static const std::unordered_map<std::string_view, const InstanceType*> index = [] {
        std::unordered_map<std::string_view, const InstanceType*> m;
        for (const InstanceType& t : defaultCatalogue().instance_types) m.emplace(t.name, &t);
        return m;
    }();
    if (name.empty()) return nullptr;
    auto it = index.find(name);
    return it == index.end() ? nullptr : it->second;
}

}  // namespace

std::vector<Trace> explainComponent(const Design& d, const Analysis& a, std::size_t i) {
    std::vector<Trace> out;
    if (i >= d.components.size() || i >= a.components.size()) return out;
    const Component& c = d.components[i];
    const ComponentResult& r = a.components[i];
    if (c.kind == ComponentKind::UserGroup) return out;
    const ComponentParams& p = c.params;
    const double target = std::clamp(d.workload.target_utilization, 0.01, 1.0);
    const double conc = analysis::concurrencyPerInstance(p);
    const double mu = std::max(p.capacity_rps, 1e-9) / conc;
    const double lambda = r.load_rps / std::max(1.0, r.stations);
    out.reserve(8);
    auto add = [&](std::string_view quantity, std::string_view formula, Text inputs, double value) {
        std::string q;
        q.reserve(c.id.size() + quantity.size() + 1);
        q.append(c.id).append(".").append(quantity);
        out.push_back({std::move(q), std::string(formula), inputs.take(), value});
    };
    add("load_rps", "sum over user groups of peak rps x visits per request (fractions, hits, access)",
        Text() << "read=" << r.read_rps << " rps, write=" << r.write_rps << " rps", r.load_rps);
    add("utilization", "rho = lambda / (instances x capacity_rps x shards); c = instances x max(1, round(capacity_rps x service_time_ms / 1000))",
        Text() << "lambda=" << r.load_rps << " rps, instances=" << r.instances << ", capacity_rps=" << p.capacity_rps
               << ", service_time_ms=" << p.service_time_ms << ", shards=" << r.stations << ", c=" << r.servers,
        r.utilization);
    add("instances_needed", "ceil(lambda per shard / (capacity_rps x target utilisation))",
        Text() << "lambda=" << lambda << " rps, capacity_rps=" << p.capacity_rps << ", target=" << target,
        r.instances_needed);
    Text q;
    q << "lambda=" << lambda << " /s, mu=" << mu << " /s, c=" << r.servers;
    if (r.saturated) q << " (rho >= 1: saturated, no steady state)";
    std::string qs = q.take();
    add("wq_ms", "M/M/c: Wq = C(c, lambda/mu) / (c mu - lambda), Erlang C in log space", Text() << qs, r.wq_ms);
    add("w_ms", "W = Wq + 1/mu", Text() << "Wq=" << r.wq_ms << " ms, 1/mu=" << 1000.0 / mu << " ms", r.w_ms);
    add("p95_ms", "0.95-quantile of the M/M/c response time (wait + exponential service)", Text() << qs, r.p95_ms);
    const double inst = p.mtbf_h > 0 && p.mttr_h > 0 ? availabilityFromMtbf(p.mtbf_h, p.mttr_h) : p.availability;
    add("availability",
        "P(region up) x sum over zone states of P(state) x k-of-n(k, instances up, a) x (1 - expected failover loss / MTBF)",
        Text() << "a=" << inst << ", k=" << r.instances_required << ", n=" << r.instances << ", expected loss="
               << r.failover_loss_s << " s (longest " << r.failover_window_s << " s), zone=" << (c.zone.empty() ? std::string_view("region-wide") : std::string_view(c.zone)),
        r.availability);
    Text cost;
    if (const InstanceType* t = findType(c.instance_type))
        cost << c.instance_type << " at " << t->usd_per_hour << " USD/h x " << defaultCatalogue().prices.hours_per_month
             << " h x " << r.instances * r.stations << " (" << pricingKey(c.pricing) << "), ";
    cost << "storage " << p.storage_gb << " GB, managed " << p.extra_monthly_usd << " USD, plus its share of egress/CDN/transfer";
    add("cost_per_month_usd", "hourly x 730 h x instances x shards x pricing factor + storage + managed + transfer share",
        std::move(cost), r.cost_per_month_usd);
    return out;
}

}  // namespace sw
