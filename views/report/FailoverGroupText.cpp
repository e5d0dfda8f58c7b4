// The failover-group line of the inspector and the report.
#include "views/report/FailoverGroupText.h"

#include "views/canvas/Format.h"

namespace sw::views {

QString failoverGroupLine(const FailoverGroupResult& g, const QString& name) {
    const int n = static_cast<int>(g.replicas.size());
    // Without MTBF and MTTR the engine knows no failure rate, so no events.
    const QString events = g.events_per_year <= 0 ? QStringLiteral("no failure rate given (MTBF)")
                           : g.events_per_year >= 10 ? formatCount(g.events_per_year) + QStringLiteral(" events/year")
                                                     : QString::number(g.events_per_year, 'g', 2) + QStringLiteral(" events/year");
    return QStringLiteral("%1 + %2 %3: %4, failover %5 s per event, %6")
        .arg(name)
        .arg(n)
        .arg(n == 1 ? QStringLiteral("replica") : QStringLiteral("replicas"))
        .arg(formatAvailability(g.availability).replace(QStringLiteral(" %"), QStringLiteral("\u00a0%")))
        .arg(QString::number(g.failover_s_per_event, 'f', 0))
        .arg(events);
}

}  // namespace sw::views
