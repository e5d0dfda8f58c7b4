// The design on a world map: an equirectangular projection over GSHHG's
// coastlines, regions and user groups at their coordinates, region-to-region
// links and each user group's route to its serving region coloured by round
// trip; hovering a line shows its distance, fibre floor and RTT.
#pragma once

#include "planner/Analysis.h"
#include "planner/LatencyMap.h"
#include "views/insight/InsightView.h"

class QCPGraph;

namespace sw::views {

class WorldMap : public InsightView {
    Q_OBJECT
public:
    explicit WorldMap(QWidget* parent = nullptr);
    void setAnalysis(const Design& design, const Analysis& analysis);

    const LatencyMap& places() const { return geo_; }
    QCPGraph* regionGraph() const { return regions_; }
    QCPGraph* userGraph() const { return users_; }
    // Where a coordinate is drawn (plot pixels).
    QPointF pixelOf(double latitude, double longitude) const;
    double scaleTop() const { return top_; }
    QString tooltipAt(const QPointF& pixel) const override;
    CanvasTarget targetAt(const QPointF& pixel) const override;

protected:
    void rebuild() override;

private:
    void fitProjection();
    // The place (region index, or -1 - user index) within reach of `pixel`; INT_MIN = none.
    int placeAt(const QPointF& pixel) const;
    const MapPair* lineAt(const QPointF& pixel, bool* user) const;

    LatencyMap geo_;
    QCPGraph* regions_;
    QCPGraph* users_;
    double top_ = 100;
    friend class MapLayer;
};

}  // namespace sw::views
