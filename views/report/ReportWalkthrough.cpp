#include "views/report/ReportWalkthrough.h"

#include <QStringList>

#include <cmath>

#include "views/canvas/Format.h"

namespace sw::views::report {

namespace {

QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

QString cells(const QStringList& c, const char* tag) {
    QString h = QStringLiteral("<tr>");
    for (int i = 0; i < c.size(); ++i) h += QStringLiteral("<%1 align='%2'>%3</%1>").arg(tag, i > 1 ? "right" : "left", c[i]);
    return h + QStringLiteral("</tr>");
}

}  // namespace

QString walkthroughSection(const Walkthrough& w, const QString& chart) {
    QString html = QStringLiteral("<h2>Scaling path</h2><p class='lead'>");
    if (w.current_stage > 0)
        html += QStringLiteral("This design is at stage %1 (%2). ")
                    .arg(w.current_stage)
                    .arg(QString::fromStdString(w.current_reason).toHtmlEscaped());
    html += QStringLiteral("From %1 users at %2 % a month over %3 months: each stage is scaled to the month's users "
                           "and analysed; when a trigger fires the walk moves to the first later stage that removes it.</p>")
                .arg(formatCount(w.users))
                .arg(QString::number(w.monthly_growth * 100, 'g', 4))
                .arg(w.months);
    html += chart;
    html += QStringLiteral("<table class='t' width='100%' cellspacing='0' cellpadding='3'>");
    html += cells({QStringLiteral("Stage"), QStringLiteral("Months"), QStringLiteral("Users at entry"), QStringLiteral("Peak rps"),
                   QStringLiteral("USD/month in → out"), QStringLiteral("Availability"), QStringLiteral("p95")},
                  "th");
    for (const WalkStage& s : w.stages)
        html += cells({QStringLiteral("%1 %2").arg(s.stage).arg(esc(s.name)), QStringLiteral("%1–%2").arg(s.from_month).arg(s.to_month),
                       formatCount(s.users_at_entry), formatCount(s.peak_rps_at_entry),
                       formatMoney(s.cost_per_month_usd) + QStringLiteral(" → ") + formatMoney(s.cost_per_month_usd_at_exit),
                       formatAvailability(s.availability), std::isfinite(s.p95_ms) ? formatMs(s.p95_ms) : QStringLiteral("saturated")},
                      "td");
    html += QStringLiteral("</table><p></p><table class='t' width='100%' cellspacing='0' cellpadding='3'>");
    html += cells({QStringLiteral("Stage"), QStringLiteral("Adds"), QStringLiteral("Ended by")}, "th");
    for (const WalkStage& s : w.stages) {
        QStringList adds;
        for (const std::string& a : s.added) adds << esc(a);
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(s.stage)
                    .arg(s.users_design ? QStringLiteral("(this design)") : adds.join(QStringLiteral(", ")))
                    .arg(s.trigger ? QStringLiteral("month %1: %2").arg(s.trigger->month).arg(esc(s.trigger->sentence))
                                   : QStringLiteral("no trigger within the horizon"));
    }
    html += QStringLiteral("</table>");
    if (!w.skipped.empty()) {
        QStringList k;
        for (int s : w.skipped) k << QString::number(s);
        html += QStringLiteral("<p>Skipped: stages %1 (they do not remove the trigger that fired).</p>").arg(k.join(", "));
    }
    QStringList nm;
    for (const std::string& n : w.not_modelled) nm << esc(n);
    html += QStringLiteral("<p>Not modelled: %1.</p>").arg(nm.join(QStringLiteral("; ")));
    return html;
}

}  // namespace sw::views::report
