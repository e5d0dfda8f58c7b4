// Where the money goes: one stacked bar by category (compute, storage,
// egress, CDN, cross-region, cross-zone, managed) and one by region, with
// the cost per million requests and per user; hovering a part shows its
// figure and the engine's trace (formula and inputs).
#pragma once

#include <map>
#include <vector>

#include "planner/Analysis.h"
#include "views/insight/InsightView.h"

class QCPBars;

namespace sw::views {

class CostPlot : public InsightView {
    Q_OBJECT
public:
    explicit CostPlot(QWidget* parent = nullptr);
    void setAnalysis(const Design& design, const Analysis& analysis);

    // The category bars in the order above, and one bar per region (CostBreakdown::by_region order).
    const std::vector<QCPBars*>& categoryBars() const { return categories_; }
    const std::vector<QCPBars*>& regionBars() const { return regionBars_; }
    const std::vector<std::string>& regionIds() const { return regionIds_; }
    QString tooltipAt(const QPointF& pixel) const override;
    CanvasTarget targetAt(const QPointF& pixel) const override;

protected:
    void rebuild() override;

private:
    QCPBars* barAt(const QPointF& pixel) const;

    CostBreakdown cost_;
    std::map<std::string, Trace> traces_;
    std::map<std::string, QString> names_;
    std::map<std::string, std::string> regionOfComponent_;
    std::vector<std::pair<double, std::string>> componentCosts_;   // (USD, id), descending
    std::vector<QCPBars*> categories_;
    std::vector<QCPBars*> regionBars_;
    std::vector<std::string> regionIds_;
};

}  // namespace sw::views
