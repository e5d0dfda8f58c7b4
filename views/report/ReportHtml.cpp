#include "views/report/ReportHtml.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "model/ComponentNames.h"
#include "views/canvas/Format.h"
#include "views/report/FailoverGroupText.h"

namespace sw::views::report {

namespace {

QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

// How the report names a component, region or zone: its name, or its id
// when the name is empty or repeats ("API service" in each zone). Built once
// per section: a lookup per row, not a scan of the design per row.
class Names {
public:
    explicit Names(const Design& d) {
        const ComponentNames components(d);   // with the place when names repeat, as the window shows them
        for (const Component& c : d.components) names_.emplace(c.id, esc(components(c.id)));
        for (const Region& r : d.regions) names_.emplace(r.id, esc(r.name.empty() ? r.id : r.name));
        for (const Zone& z : d.zones) names_.emplace(z.id, esc(z.name.empty() ? z.id : z.name));
    }
    QString operator()(const std::string& id) const {
        const auto it = names_.find(id);
        return it != names_.end() ? it->second : esc(id);
    }

private:
    std::unordered_map<std::string, QString> names_;
};

// A table: header cells, then rows; columns after the first are right-aligned.
class Table {
public:
    explicit Table(const QStringList& header) {
        html_ = QStringLiteral("<table class='t' width='100%' cellspacing='0' cellpadding='3'><tr>");
        for (int i = 0; i < header.size(); ++i)
            html_ += QStringLiteral("<th align='%1'>%2</th>").arg(i ? "right" : "left", header[i]);
        html_ += QStringLiteral("</tr>");
    }
    void row(const QStringList& cells, const QString& cls = {}) {
        html_ += cls.isEmpty() ? QStringLiteral("<tr>") : QStringLiteral("<tr class='%1'>").arg(cls);
        for (int i = 0; i < cells.size(); ++i)
            html_ += QStringLiteral("<td align='%1'>%2</td>").arg(i ? "right" : "left", cells[i]);
        html_ += QStringLiteral("</tr>");
        ++rows_;
    }
    int rows() const { return rows_; }
    QString html() const { return html_ + QStringLiteral("</table>"); }

private:
    QString html_;
    int rows_ = 0;
};

QString num(double v, int decimals = 0) { return QString::number(v, 'f', decimals); }

QString section(const QString& title, const QString& lead, const QString& body) {
    return QStringLiteral("<h2>%1</h2>%2%3").arg(title, lead.isEmpty() ? QString() : QStringLiteral("<p class='lead'>%1</p>").arg(lead), body);
}

}  // namespace

QString styleSheet() {
    return QStringLiteral(
        "body { font-family: 'DejaVu Sans'; font-size: 9pt; color: #1f2933; }"
        "h1 { font-size: 20pt; color: #102a43; margin-bottom: 2px; }"
        "h2 { font-size: 13pt; color: #102a43; margin-top: 16px; margin-bottom: 4px; border-bottom: 1px solid #cbd2d9; }"
        "p.lead { color: #52606d; margin-top: 0px; }"
        "p.meta { color: #7b8794; font-size: 8pt; }"
        "table.t { border-collapse: collapse; }"
        "table.t th { background-color: #eef2f7; color: #334e68; font-weight: 600; border-bottom: 1px solid #bcccdc; }"
        "table.t td { border-bottom: 1px solid #e4e7eb; }"
        "tr.bad td { color: #b42318; }"
        "tr.warn td { color: #a15c07; }"
        "td.k { color: #52606d; }"
        "td.v { font-size: 14pt; font-weight: 700; color: #102a43; }"
        "td.d { color: #7b8794; font-size: 8pt; }"
        "p.caption { font-weight: 600; color: #334e68; margin-top: 10px; margin-bottom: 2px; }"
        "p.toc { font-size: 11pt; font-weight: 600; color: #102a43; margin-top: 10px; margin-bottom: 2px; }"
        "table.toc td { border-bottom: 1px dotted #cbd2d9; }");
}

QString titleBlock(const Design& d, const QString& sourceName) {
    QString html = QStringLiteral("<h1>%1</h1>").arg(esc(d.name.empty() ? std::string("Untitled design") : d.name));
    if (!d.description.empty()) html += QStringLiteral("<p class='lead'>%1</p>").arg(esc(d.description));
    html += QStringLiteral("<p class='meta'>Capacity report · %1%2 · Scalewright %3</p>")
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                     sourceName.isEmpty() ? QString() : QStringLiteral(" · ") + sourceName.toHtmlEscaped(),
                     QStringLiteral(SCALEWRIGHT_VERSION));
    return html;
}

QString summarySection(const Design& d, const Analysis& a) {
    const Names names(d);
    const Summary& s = a.summary;
    const AvailabilitySummary& av = s.availability;
    auto tile = [](const QString& k, const QString& v, const QString& detail) {
        return QStringLiteral("<td width='25%' valign='top'><table cellspacing='0' cellpadding='1'><tr><td class='k'>%1</td></tr>"
                              "<tr><td class='v'>%2</td></tr><tr><td class='d'>%3</td></tr></table></td>")
            .arg(k, v, detail);
    };
    QString bottleneck = QStringLiteral("—"), headroom = QStringLiteral("—");
    if (!s.bottleneck.empty()) {
        bottleneck = names(s.bottleneck);
        headroom = formatPercent(s.headroom);
    }
    QString html = QStringLiteral("<table width='100%' cellspacing='6'><tr>");
    html += tile(QStringLiteral("Cost per month"), formatMoney(s.cost_per_month_usd),
                 QStringLiteral("%1 per million requests").arg(formatMoney(a.cost.per_million_requests)));
    // Many nines make a long figure: smaller type keeps it on one line in its quarter of the page.
    const QString availability = formatAvailability(av.availability);
    html += tile(QStringLiteral("Availability"),
                 availability.size() > 10 ? QStringLiteral("<span style='font-size:10pt'>%1</span>").arg(availability) : availability,
                 QStringLiteral("%1 nines · %2 min down a year").arg(num(av.nines, 1), formatCount(av.downtime_min_per_year)));
    QStringList saturated;
    for (const std::string& id : s.saturated_tiers) saturated << names(id);
    if (!std::isfinite(s.p95_ms))
        html += tile(QStringLiteral("p95 latency"), QStringLiteral("<span style='color:#b42318'>saturated</span>"),
                     QStringLiteral("no finite latency at the peak of %1 rps: %2 saturated")
                         .arg(formatCount(s.peak_rps), saturated.join(QStringLiteral(", "))));
    else
        html += tile(QStringLiteral("p95 latency"), s.p95_ms > 0 ? formatMs(s.p95_ms) : QStringLiteral("—"),
                     QStringLiteral("user-weighted, at the peak of %1 rps").arg(formatCount(s.peak_rps)) +
                         (s.saturated ? QStringLiteral("; %1 saturated off the request path").arg(saturated.join(QStringLiteral(", ")))
                                      : QString()));
    html += tile(QStringLiteral("Bottleneck"), bottleneck, QStringLiteral("headroom %1").arg(headroom));
    html += QStringLiteral("</tr></table>");
    html += QStringLiteral("<p>Error budget at the %1 objective: %2 min a month, of which the expected downtime uses %3. "
                           "A failover at the entry takes up to %4 s.</p>")
                .arg(formatAvailability(av.slo), num(av.error_budget_min_per_month, 1), formatPercent(av.budget_used),
                     num(av.failover_s_per_event, 0));
    return section(QStringLiteral("Summary"), QString(), html);
}

QString workloadSection(const Design& d, const Analysis& a) {
    const Workload& w = d.workload;
    Table t({QStringLiteral("Workload"), QStringLiteral("Value")});
    t.row({QStringLiteral("Daily active users"), formatCount(w.users)});
    t.row({QStringLiteral("Requests per user per day"), num(w.requests_per_user_per_day, 1)});
    t.row({QStringLiteral("Average / peak requests per second"),
           QStringLiteral("%1 / %2").arg(formatCount(a.summary.average_rps), formatCount(a.summary.peak_rps))});
    t.row({QStringLiteral("Peak factor"), num(w.peak_factor, 2)});
    t.row({QStringLiteral("Read share"), formatPercent(w.read_fraction)});
    t.row({QStringLiteral("Monthly growth"), formatPercent(w.monthly_growth, 1)});
    return section(QStringLiteral("Workload"), QString(), t.html());
}

QString tiersSection(const Design& d, const Analysis& a) {
    const Names names(d);
    Table t({QStringLiteral("Tier"), QStringLiteral("Load rps"), QStringLiteral("Util."), QStringLiteral("Inst."),
             QStringLiteral("Needed"), QStringLiteral("Headroom"), QStringLiteral("p95"), QStringLiteral("Avail."),
             QStringLiteral("USD/month")});
    for (std::size_t i = 0; i < d.components.size() && i < a.components.size(); ++i) {
        const Component& c = d.components[i];
        if (c.kind == ComponentKind::UserGroup) continue;
        const ComponentResult& r = a.components[i];
        const QString cls = r.saturated ? QStringLiteral("bad") : r.utilization > 0.8 ? QStringLiteral("warn") : QString();
        t.row({names(c.id), formatCount(r.load_rps), formatPercent(r.utilization), num(r.instances * r.stations),
               num(r.instances_needed * r.stations), r.load_rps <= 0 ? QStringLiteral("—") : r.headroom > 10 ? QStringLiteral("> 1000 %") : formatPercent(r.headroom),
               r.saturated ? QStringLiteral("saturated") : formatMs(r.p95_ms), formatAvailability(r.availability),
               formatMoney(r.cost_per_month_usd)},
              cls);
    }
    return section(QStringLiteral("Capacity by tier"),
                   QStringLiteral("Each tier as an M/M/c station at the peak: utilisation, instances needed at the target "
                                  "utilisation, and the growth it absorbs before saturating. Red: saturated; amber: over 80 %."),
                   t.html());
}

QString availabilitySection(const Design& d, const Analysis& a) {
    const Names names(d);
    const AvailabilitySummary& av = a.summary.availability;
    QString html;
    if (!av.failover_groups.empty()) {
        html += QStringLiteral("<p>Database failover groups (a primary and the replicas it can promote):</p><ul>");
        for (const FailoverGroupResult& g : av.failover_groups) {
            const Component* p = d.findComponent(g.primary);
            const std::string& shown = p && !p->name.empty() ? p->name : g.primary;
            html += QStringLiteral("<li>%1</li>").arg(failoverGroupLine(g, QString::fromStdString(shown)).toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    }
    // The parts that matter: importance above 1 % of the top one (the engine picks them).
    Table t({QStringLiteral("Weakest parts (Birnbaum importance)"), QStringLiteral("Importance"),
             QStringLiteral("Downtime it causes")});
    for (const ImportanceShare& x : av.importance_shown) {
        const bool domain = d.findComponent(x.id) == nullptr;
        t.row({names(x.id) + (domain ? QStringLiteral(" (failure domain)") : QString()), num(x.importance, 6),
               QStringLiteral("%1 min/year").arg(num(x.downtime_min_per_year, 1))});
    }
    html += t.rows() ? t.html() : QStringLiteral("<p>No redundancy to rank.</p>");
    return section(QStringLiteral("Availability"),
                   QStringLiteral("How much the whole design's availability depends on each part: the rise in availability "
                                  "if that part never failed, and the yearly downtime it causes (importance × its own "
                                  "unavailability). Parts under 1 % of the top one are left out. Improve the top rows first."),
                   html);
}

QString latencySection(const Design& d, const Analysis& a) {
    const Names names(d);
    Table t({QStringLiteral("User group"), QStringLiteral("Served from"), QStringLiteral("Share"),
             QStringLiteral("Origin RTT"), QStringLiteral("Edge RTT (CDN hit share)"), QStringLiteral("p50, all requests"),
             QStringLiteral("p95, all requests"), QStringLiteral("Availability")});
    for (const GeographyResult& g : a.geographies) {
        QStringList tiers;
        for (const std::string& id : g.saturated_tiers) tiers << names(id);
        t.row({names(g.user_group), names(g.region), formatPercent(g.share), formatMs(g.network_rtt_ms),
               g.edge_rtt_ms > 0 ? QStringLiteral("%1 (%2)").arg(formatMs(g.edge_rtt_ms), formatPercent(g.edge_share))
                                 : QStringLiteral("—"),
               g.saturated ? QStringLiteral("—") : formatMs(g.p50_ms),
               g.saturated ? QStringLiteral("saturated (%1)").arg(tiers.join(QStringLiteral(", "))) : formatMs(g.p95_ms),
               formatAvailability(g.availability)},
              g.saturated ? QStringLiteral("bad") : QString());
    }
    QString html = t.rows() ? t.html() : QStringLiteral("<p>No user groups.</p>");
    // Region pairs: the figure and where it comes from.
    const LatencyMatrix& lm = a.latency;
    if (lm.regions.size() >= 2) {
        Table rt({QStringLiteral("Between regions"), QStringLiteral("RTT"), QStringLiteral("Source"),
                  QStringLiteral("Floor (light in fibre)")});
        for (std::size_t i = 0; i < lm.regions.size(); ++i)
            for (std::size_t j = i + 1; j < lm.regions.size(); ++j) {
                const LatencyMatrix::Source s =
                    i < lm.source.size() ? lm.source[i][j] : LatencyMatrix::Source::Modelled;
                rt.row({QStringLiteral("%1 ↔ %2").arg(names(lm.regions[i]), names(lm.regions[j])),
                        formatMs(lm.modelled_ms[i][j]),
                        s == LatencyMatrix::Source::Measured   ? QStringLiteral("measured")
                        : s == LatencyMatrix::Source::Override ? QStringLiteral("override (design)")
                                                               : QStringLiteral("modelled (route-aware)"),
                        formatMs(lm.floor_ms[i][j])});
            }
        html += rt.html();
    }
    return section(QStringLiteral("Latency by geography"),
                   QStringLiteral("Each user group routed to its nearest healthy region. Origin RTT: the users' last mile plus "
                                  "the route to the region (what a request reaching the origin pays before queueing); edge "
                                  "RTT: last mile plus a hop to a CDN edge in the users' metro (what a CDN hit pays). p50 "
                                  "and p95 are over all of a group's requests, hits and origin requests with their queueing, "
                                  "so they can be lower than the origin RTT; p95 sums the tiers' p95 (an upper bound). "
                                  "Region pairs use the dated measurement where one is published (docs/catalogues.md), "
                                  "else the route-aware model."),
                   html);
}

QString replicationSection(const Design& d, const Analysis& a) {
    if (a.replication.empty()) return {};
    const Names names(d);
    Table t({QStringLiteral("Replication"), QStringLiteral("Mode"), QStringLiteral("Writes/s"), QStringLiteral("Lag"),
             QStringLiteral("Commit +"), QStringLiteral("RPO")});
    for (const ReplicationResult& r : a.replication)
        t.row({QStringLiteral("%1 → %2").arg(names(r.from), names(r.to)),
               QString::fromStdString(r.mode), formatCount(r.write_rps),
               r.unbounded ? QStringLiteral("unbounded") : formatMs(r.lag_ms), formatMs(r.commit_latency_ms),
               QStringLiteral("%1 s").arg(num(r.rpo_s, r.rpo_s < 10 ? 2 : 0))},
              r.unbounded ? QStringLiteral("bad") : QString());
    return section(QStringLiteral("Replication"), QString(), t.html());
}

QString costSection(const Analysis& a) {
    const CostBreakdown& c = a.cost;
    Table t({QStringLiteral("Cost"), QStringLiteral("USD/month"), QStringLiteral("Share")});
    const std::pair<const char*, double> parts[] = {{"Compute", c.compute},       {"Storage", c.storage},
                                                    {"Egress to the internet", c.egress}, {"CDN", c.cdn},
                                                    {"Between regions", c.cross_region}, {"Between zones", c.cross_zone},
                                                    {"Managed services", c.managed}};
    for (const auto& [label, v] : parts)
        if (v > 0) t.row({QString::fromUtf8(label), formatMoney(v), c.total > 0 ? formatPercent(v / c.total, 1) : QString()});
    t.row({QStringLiteral("<b>Total</b>"), QStringLiteral("<b>%1</b>").arg(formatMoney(c.total)), QString()});
    return section(QStringLiteral("Cost"),
                   QStringLiteral("On-demand list prices of the catalogue (docs/catalogues.md gives sources and dates); "
                                  "%1 per million requests, %2 per user a month.")
                       .arg(formatMoney(c.per_million_requests),
                            c.per_user < 0.1 ? formatSmallMoney(c.per_user) : formatMoney(c.per_user)),
                   t.html());
}

QString growthSection(const Design& d, const Projection& p, const QString& chart) {
    const Names names(d);
    if (p.months.empty()) return {};
    Table t({QStringLiteral("Month"), QStringLiteral("Users"), QStringLiteral("Peak rps"), QStringLiteral("Storage GB"),
             QStringLiteral("USD/month")});
    const int last = p.months.back().month;
    for (const ProjectionMonth& m : p.months)
        if (m.month % 6 == 0 || m.month == last)
            t.row({num(m.month), formatCount(m.users), formatCount(m.peak_rps), formatCount(m.storage_gb),
                   formatMoney(m.cost_per_month_usd)});
    Table runway({QStringLiteral("Tier"), QStringLiteral("Ceiling"), QStringLiteral("Limit rps"), QStringLiteral("Runs out")});
    for (const TierRunway& r : p.runway)
        if (r.runout_month >= 0)
            runway.row({names(r.id), esc(r.ceiling), formatCount(r.limit_rps), QStringLiteral("month %1").arg(r.runout_month)},
                       r.runout_month <= 6 ? QStringLiteral("bad") : QStringLiteral("warn"));
    QString body = chart + t.html();
    body += runway.rows() ? QStringLiteral("<p></p>") + runway.html()
                          : QStringLiteral("<p>No tier reaches its ceiling within %1 months.</p>").arg(last);
    return section(QStringLiteral("Growth and runway"),
                   QStringLiteral("Users grow by the %1 model over %2 months; instances follow the load at the target "
                                  "utilisation, and a tier runs out when even its largest instances cannot carry the load.")
                       .arg(QString::fromStdString(p.model), QString::number(last)),
                   body);
}

QString simulationSection(const sim::Report& r, const QString& chart) {
    Table t({QStringLiteral("Simulated"), QStringLiteral("Mean"), QStringLiteral("± 95 %")});
    const std::pair<const char*, const char*> keys[] = {{"availability", "Availability"},   {"requests_lost", "Requests lost"},
                                                        {"time_to_detect_s", "Time to detect (s)"},
                                                        {"time_to_recover_s", "Time to recover (s)"},
                                                        {"p95_ms", "p95 latency (ms)"}, {"p99_ms", "p99 latency (ms)"},
                                                        {"slo_violation_s", "Seconds below target"},
                                                        {"extra_cost_usd", "Extra instance cost (USD)"}};
    for (const auto& [key, label] : keys) {
        const sim::Estimate* e = r.estimate(key);
        if (!e || e->n == 0) continue;
        const bool avail = std::string_view(key) == "availability";
        const double f = avail ? 100 : 1;
        const int dec = avail ? 3 : 1;
        t.row({QString::fromUtf8(label), num(e->mean * f, dec) + (avail ? QStringLiteral(" %") : QString()),
               e->n > 1 ? num(e->ci95 * f, dec) : QStringLiteral("—")});
    }
    return section(QStringLiteral("Simulated scenario: %1").arg(QString::fromStdString(r.scenario).toHtmlEscaped()),
                   QStringLiteral("%1 replicate(s) of %2 s, seed %3, %4 method; the chart shows the first replicate.")
                       .arg(r.runs.size())
                       .arg(r.duration_s)
                       .arg(r.seed)
                       .arg(r.method == sim::Method::Representative ? QStringLiteral("representative") : QStringLiteral("full")),
                   chart + t.html());
}

QString findingsSection(const Analysis& a) {
    Table t({QStringLiteral("Finding"), QStringLiteral("Severity")});
    auto add = [&](const Finding& f) {
        const bool error = f.severity == Severity::Error;
        t.row({esc(f.message), QString::fromUtf8(severityKey(f.severity).data())}, error ? QStringLiteral("bad") : QStringLiteral("warn"));
    };
    // The analysis' one list (validation, engine, runway 24 months ahead): the
    // same findings the window counts and `scalewright validate` prints.
    for (const Finding& f : a.findings) add(f);
    return section(QStringLiteral("Findings"), QString(), t.rows() ? t.html() : QStringLiteral("<p>None.</p>"));
}

QString contentsBlock(const QStringList& titles) {
    QString html = QStringLiteral("<p class='toc'>Contents</p><table class='toc' width='100%' cellspacing='0' cellpadding='2'>");
    for (const QString& t : titles)
        html += QStringLiteral("<tr><td>%1</td><td align='right' width='48'></td></tr>").arg(t);   // titles are HTML already
    return html + QStringLiteral("</table>");
}

QString methodSection() {
    return section(QStringLiteral("How these figures are made"), QString(),
                   QStringLiteral("<p>Load propagates through the call graph by edge fractions, cache and CDN hit ratios "
                                  "and read/write shares. Each tier is an M/M/c queue (Erlang C); availability is exact "
                                  "over shared zones and regions (k-of-n per tier, conditioning on the failure domains); "
                                  "round trips come from the fibre floor with a fitted route factor. Every formula, its "
                                  "source and its checks are in docs/formulas.md; prices in docs/catalogues.md. "
                                  "<code>scalewright analyze FILE --json</code> gives each figure with its trace.</p>"));
}

}  // namespace sw::views::report
