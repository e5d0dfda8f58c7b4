// `scalewright analyze FILE [--variant V] [--json]`: the full analysis of one
// design variant; exit 1 when the design is invalid or a tier is saturated.
#include <algorithm>
#include <cmath>

#include "app/cli/CalcCommon.h"
#include "app/cli/VerbParser.h"
#include "model/ComponentNames.h"
#include "planner/Analysis.h"
#include "planner/AnalysisJson.h"

namespace sw::cli {

namespace {

QString q(const std::string& s) { return shown(s); }
QString fix(double v, int decimals) { return std::isfinite(v) ? QString::number(v, 'f', decimals) : QString("-"); }
QString pct(double v) { return std::isfinite(v) ? QString::number(v * 100, 'f', 1) + " %" : QString("-"); }
void printReport(const Design& d, const Analysis& a, QTextStream& out) {
    const auto& av = a.summary.availability;
    out << "Design: " << q(d.name) << "\n\n";
    out << "Summary\n";
    out << "  peak load        " << fix(a.summary.peak_rps, 1) << " rps (average " << fix(a.summary.average_rps, 1) << ")\n";
    out << "  availability     " << availabilityText(av.availability) << " (" << fix(av.nines, 2) << " nines), downtime "
        << fix(av.downtime_min_per_year, 1) << " min/year, " << fix(av.downtime_min_per_month, 1) << " min/month\n";
    out << "  error budget     " << fix(av.error_budget_min_per_month, 1) << " min/month at SLO "
        << availabilityText(av.slo) << ", used " << pct(av.budget_used) << "\n";
    out << "  weakest link     " << (av.weakest.empty() ? QString("-") : q(av.weakest)) << "\n";
    const ComponentNames names(d);
    const std::string& b = a.summary.bottleneck;
    out << "  bottleneck       "
        << (b.empty() ? QString("-") : names(b) == b ? q(b) : QString("%1 [%2]").arg(q(names(b)), q(b)))
        << " (headroom " << pct(a.summary.headroom) << ")\n";
    out << "  cost             " << fix(a.summary.cost_per_month_usd, 2) << " USD/month, "
        << fix(a.cost.per_million_requests, 4) << " USD per million requests, " << fix(a.cost.per_user, 5)
        << " USD per user\n";
    QStringList saturated;
    for (const std::string& id : a.summary.saturated_tiers) saturated << q(id);
    if (!std::isfinite(a.summary.p95_ms) && !a.summary.saturated)
        out << "  p95 (weighted)   not computed: a tier is beyond the model's limits (see the findings)\n\n";
    else if (!std::isfinite(a.summary.p95_ms))
        out << "  p95 (weighted)   SATURATED: no finite latency (" << saturated.join(", ") << " over capacity)\n\n";
    else
        out << "  p95 (weighted)   " << fix(a.summary.p95_ms, 1) << " ms"
            << (a.summary.saturated ? QString(" (saturated off the request path: %1)").arg(saturated.join(", ")) : QString())
            << "\n\n";

    out << "Tiers\n";
    out << QString("  %1 %2 %3 %4 %5 %6 %7 %8 %9\n")
               .arg("id", -22).arg("load rps", 11).arg("util", 8).arg("inst", 6).arg("need", 6)
               .arg("Wq ms", 9).arg("W ms", 9).arg("avail", 11).arg("USD/month", 11);
    for (std::size_t i = 0; i < a.components.size(); ++i) {
        const ComponentResult& c = a.components[i];
        if (d.components[i].kind == ComponentKind::UserGroup) continue;
        out << QString("  %1 %2 %3 %4 %5 %6 %7 %8 %9%10\n")
                   .arg(q(c.id), -22).arg(fix(c.load_rps, 1), 11).arg(pct(c.utilization), 8)
                   .arg(fix(c.instances, 0), 6).arg(fix(c.instances_needed, 0), 6)
                   .arg(c.saturated ? QString("sat") : fix(c.wq_ms, 2), 9)
                   .arg(c.saturated ? QString("sat") : fix(c.w_ms, 2), 9)
                   .arg(QString::number(c.availability * 100, 'f', 4) + "%", 11)
                   .arg(fix(c.cost_per_month_usd, 2), 11)
                   .arg(c.saturated ? "  SATURATED" : "");
    }
    if (!a.geographies.empty()) {
        out << "\nGeographies\n";
        for (const GeographyResult& g : a.geographies) {
            QStringList tiers;
            for (const std::string& id : g.saturated_tiers) tiers << q(id);
            // The origin RTT is what a request reaching the region pays before queueing; a CDN hit
            // pays only the edge RTT; p50/p95 are over all requests, so they can be below the origin RTT.
            out << "  " << q(g.user_group).leftJustified(20) << " -> " << q(g.region).leftJustified(14)
                << " origin RTT " << fix(g.network_rtt_ms, 1) << " ms";
            if (g.edge_rtt_ms > 0)
                out << ", edge RTT " << fix(g.edge_rtt_ms, 1) << " ms (CDN hits, " << fix(100 * g.edge_share, 0)
                    << " % of requests)";
            out << "; all requests "
                << (g.saturated ? QString("SATURATED (%1): no finite p50/p95").arg(tiers.join(", "))
                                : QString("p50 %1 ms, p95 %2 ms").arg(fix(g.p50_ms, 1), fix(g.p95_ms, 1)))
                << ", availability " << availabilityText(g.availability) << "\n";
        }
    }
    if (!a.replication.empty()) {
        out << "\nReplication\n";
        for (const ReplicationResult& r : a.replication) {
            out << "  " << q(r.from) << " -> " << q(r.to) << " (" << q(r.mode) << "): " << fix(r.write_rps, 1)
                << " writes/s, apply " << fix(r.apply_rate_wps, 1) << "/s, ";
            if (r.unbounded)
                out << "lag UNBOUNDED (saturates at " << fix(r.saturating_write_rps, 1) << " writes/s)";
            else
                out << "lag " << fix(r.lag_ms, 1) << " ms, staleness <= " << fix(r.staleness_bound_ms, 1)
                    << " ms, RPO " << fix(r.rpo_s, 3) << " s";
            if (r.mode != "async")
                out << (std::isfinite(r.commit_latency_ms) ? ", commit +" + fix(r.commit_latency_ms, 1) + " ms"
                                                           : QString(", commit UNBOUNDED (the apply queue grows)"));
            out << "\n";
        }
    }
    const CostBreakdown& cb = a.cost;
    out << "\nCost (USD/month)\n";
    out << "  compute " << fix(cb.compute, 2) << ", storage " << fix(cb.storage, 2) << ", egress " << fix(cb.egress, 2)
        << " (" << fix(cb.egress_gb_per_month, 0) << " GB), CDN " << fix(cb.cdn, 2) << " (" << fix(cb.cdn_gb_per_month, 0)
        << " GB), cross-region " << fix(cb.cross_region, 2) << ", cross-zone " << fix(cb.cross_zone, 2) << ", managed "
        << fix(cb.managed, 2) << "\n  total " << fix(cb.total, 2) << "\n";
    for (const auto& [region, usd] : cb.by_region)
        out << "  region " << (region.empty() ? QString("(none)") : q(region)) << ": " << fix(usd, 2) << "\n";
    if (!a.findings.empty()) {
        out << "\nFindings\n";
        for (const Finding& f : a.findings)
            out << "  " << severityKey(f.severity).data() << ": " << q(f.message) << " [" << q(f.code) << "]\n";
    }
}

}  // namespace

int runAnalyze(const QStringList& args, Io& io) {
    VerbParser vp("Analyse a design: capacity, availability, latency, replication and cost.", "FILE");
    QCommandLineOption variant("variant", "Analyse this variant (default: the first).", "name");
    QCommandLineOption json("json", "Print the analysis as JSON (schema in docs/cli.md).");
    vp.parser().addOptions({variant, json});
    if (auto rc = vp.parse(args, io, 1, 1)) return *rc;
    auto project = loadOrReport(vp.parser().positionalArguments().front(), io);
    if (!project) return kUsage;
    const Design* d = pickVariant(*project, vp.parser().value(variant), io);
    if (!d) return kUsage;
    if (refuseInvalid(*d, io)) return kFindings;
    const Analysis a = analyze(*d);
    if (vp.parser().isSet(json))
        io.out << QString::fromStdString(analysisToJson(*d, a));
    else
        printReport(*d, a, io.out);
    bool bad = hasErrors(a.findings);
    for (const ComponentResult& c : a.components) bad = bad || c.saturated;
    return bad ? kFindings : kOk;
}

}  // namespace sw::cli
