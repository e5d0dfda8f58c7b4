#include "views/report/ReportCompare.h"

#include <QStringList>

#include "model/FieldSpec.h"
#include "views/canvas/Format.h"
#include "views/compare/FigureText.h"

namespace sw::views::report {

namespace {

QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

QString changeText(const whatif::FieldChange& f) {
    auto v = [&](double x) { return QString::fromStdString(formatNumber(x)) + (f.unit.empty() ? QString() : ' ' + esc(f.unit)); };
    return esc(f.field) + QStringLiteral(": ") +
           (f.numeric ? v(f.old_number) + QStringLiteral(" → ") + v(f.new_number)
                      : esc(f.old_text) + QStringLiteral(" → ") + esc(f.new_text));
}

// Up to `max` lines of a diff, then how many more.
QString diffList(const whatif::DesignDiff& d, int max = 14) {
    QStringList lines;
    for (const auto& id : d.components_added) lines << QStringLiteral("+ component %1").arg(esc(id));
    for (const auto& id : d.components_removed) lines << QStringLiteral("− component %1").arg(esc(id));
    for (const auto& f : d.components_changed) lines << QStringLiteral("~ %1 %2").arg(esc(f.id), changeText(f));
    for (const auto& id : d.links_added) lines << QStringLiteral("+ link %1").arg(esc(id));
    for (const auto& id : d.links_removed) lines << QStringLiteral("− link %1").arg(esc(id));
    for (const auto& f : d.links_changed) lines << QStringLiteral("~ link %1 %2").arg(esc(f.id), changeText(f));
    for (const auto& f : d.workload_changed) lines << QStringLiteral("~ workload %1").arg(changeText(f));
    for (const auto& id : d.regions_added) lines << QStringLiteral("+ region %1").arg(esc(id));
    for (const auto& id : d.regions_removed) lines << QStringLiteral("− region %1").arg(esc(id));
    for (const auto& f : d.regions_changed) lines << QStringLiteral("~ region %1 %2").arg(esc(f.id), changeText(f));
    for (const auto& id : d.zones_added) lines << QStringLiteral("+ zone %1").arg(esc(id));
    for (const auto& id : d.zones_removed) lines << QStringLiteral("− zone %1").arg(esc(id));
    for (const auto& f : d.zones_changed) lines << QStringLiteral("~ zone %1 %2").arg(esc(f.id), changeText(f));
    if (lines.isEmpty()) return QStringLiteral("no differences");
    const int more = static_cast<int>(lines.size()) - max;
    if (more > 0) {
        lines = lines.mid(0, max);
        lines << QStringLiteral("… and %1 more").arg(more);
    }
    return lines.join(QStringLiteral("<br>"));
}

QString crossoverText(const whatif::VariantDelta& d) {
    if (!d.crossover) return QStringLiteral("The cost lines of %1 and %2 do not cross within %3 months.")
                                 .arg(esc(d.base), esc(d.variant)).arg(whatif::kHorizonMonths);
    const auto& c = *d.crossover;
    if (c.metric == "runway_month")
        return QStringLiteral("%1 is cheaper but runs out of runway in month %2 (%3 users); then %4.")
            .arg(esc(c.cheaper_before)).arg(c.month).arg(formatCount(c.users)).arg(esc(c.cheaper_after));
    return QStringLiteral("%1 is cheaper until month %2, then %3 (month %4, %5 users).")
        .arg(esc(c.cheaper_before)).arg(c.month - 1).arg(esc(c.cheaper_after)).arg(c.month).arg(formatCount(c.users));
}

}  // namespace

QString comparisonSection(const whatif::Comparison& c) {
    QString html = QStringLiteral("<h2>Variants compared</h2><p class='lead'>Every variant analysed the same way and "
                                  "projected over %1 months; deltas are against %2 (green better, red worse).</p>")
                       .arg(whatif::kHorizonMonths).arg(esc(c.base));
    html += QStringLiteral("<table class='t' width='100%' cellspacing='0' cellpadding='3'><tr><th align='left'>Figure</th>");
    for (const auto& v : c.variants) html += QStringLiteral("<th align='right'>%1</th>").arg(elideMiddle(QString::fromStdString(v.name), 30).toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (std::size_t f = 0; f < c.figures.size(); ++f) {
        const auto& spec = c.figures[f];
        html += QStringLiteral("<tr><td>%1</td>").arg(figureLabel(spec).toHtmlEscaped());
        for (std::size_t v = 0; v < c.variants.size(); ++v) {
            const whatif::Delta& d = c.deltas[v].figures[f];
            QString cell = figureShort(spec, d.value).toHtmlEscaped();
            const QString dt = deltaShort(spec, d);
            if (!dt.isEmpty()) {
                const char* colour = d.verdict > 0 ? "#1a7f37" : d.verdict < 0 ? "#b42318" : "#52606d";
                cell += QStringLiteral(" <span style='color:%1'>(%2)</span>").arg(colour, dt.toHtmlEscaped());
            }
            html += QStringLiteral("<td align='right'>%1</td>").arg(cell);
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("<tr><td>Bottleneck</td>");
    for (const auto& v : c.variants) html += QStringLiteral("<td align='right'>%1</td>").arg(esc(v.bottleneck));
    html += QStringLiteral("</tr></table>");
    for (std::size_t v = 1; v < c.deltas.size(); ++v) {
        const auto& d = c.deltas[v];
        html += QStringLiteral("<p><b>%1 → %2</b><br>%3</p><p class='lead'>%4</p>")
                    .arg(esc(d.base), esc(d.variant), diffList(d.diff), crossoverText(d));
    }
    return html;
}

}  // namespace sw::views::report
