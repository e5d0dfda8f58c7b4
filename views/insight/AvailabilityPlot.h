// Availability as an architect reads it: nines and downtime per year for
// each user geography, the parts that cause the downtime (only those above
// 1 % of the top one, as the engine ranks them) and the error budget the
// design spends against its SLO.
#pragma once

#include <map>
#include <vector>

#include "planner/Analysis.h"
#include "views/insight/InsightView.h"

class QCPAxisRect;
class QCPBars;

namespace sw::views {

class AvailabilityPlot : public InsightView {
    Q_OBJECT
public:
    explicit AvailabilityPlot(QWidget* parent = nullptr);
    void setAnalysis(const Design& design, const Analysis& analysis);

    QCPBars* geographyBars() const { return geoBars_; }   // key i = geographies[i], value = nines
    QCPBars* partBars() const { return partBars_; }       // key i = importance_shown[i], value = downtime min/year
    QCPBars* budgetBars() const { return budgetBars_; }   // key 0 = expected downtime, 1 = budget (min/month)
    QString tooltipAt(const QPointF& pixel) const override;
    CanvasTarget targetAt(const QPointF& pixel) const override;

protected:
    void rebuild() override;

private:
    struct Row {
        std::string id;
        QString name;
        CanvasTarget::Kind kind = CanvasTarget::Kind::Component;
        double availability = 1, nines = 0, downtimeMinPerYear = 0, importance = 0;
    };
    int rowAt(QCPAxisRect* rect, const QPointF& pixel, int rows) const;

    std::vector<Row> geos_, parts_;
    AvailabilitySummary summary_;
    QCPAxisRect* rects_[3];
    QCPBars* geoBars_;
    QCPBars* partBars_;
    QCPBars* budgetBars_;
};

}  // namespace sw::views
