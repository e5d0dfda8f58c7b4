// Replica lag against the write rate each replica receives, up to the rate
// where its apply queue stops draining (marked), with the design's current
// write rate and lag as a point on each curve.
#pragma once

#include <map>
#include <vector>

#include "planner/Analysis.h"
#include "views/insight/InsightView.h"

class QCPGraph;

namespace sw::views {

class ReplicationPlot : public InsightView {
    Q_OBJECT
public:
    static constexpr int kMaxCurves = 8;
    explicit ReplicationPlot(QWidget* parent = nullptr);
    void setAnalysis(const Design& design, const Analysis& analysis);

    // The links drawn (indices into Analysis::replication), closest to divergence first.
    const std::vector<std::size_t>& shownLinks() const { return shown_; }
    QCPGraph* curve(std::size_t i) const { return curves_[i]; }
    QCPGraph* currentPoint(std::size_t i) const { return points_[i]; }
    QString tooltipAt(const QPointF& pixel) const override;
    CanvasTarget targetAt(const QPointF& pixel) const override;

protected:
    void rebuild() override;

private:
    int curveAt(const QPointF& pixel, double* writeRps) const;
    QString nameOf(const std::string& id) const;

    std::vector<ReplicationResult> links_;
    std::vector<std::size_t> shown_;
    std::map<std::string, QString> names_;
    int sync_ = 0;
    std::vector<QCPGraph*> curves_, points_;
};

}  // namespace sw::views
