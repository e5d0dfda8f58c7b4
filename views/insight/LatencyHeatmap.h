// Round trips as a heatmap: region x region on top, user geography x region
// below, the figure in ms in every cell, a colour scale, cells at the fibre
// floor outlined and measured or overridden figures marked.
#pragma once

#include <vector>

#include "planner/Analysis.h"
#include "planner/LatencyMap.h"
#include "views/insight/InsightView.h"

class QCPColorMap;
class QCPAxisRect;

namespace sw::views {

class LatencyHeatmap : public InsightView {
    Q_OBJECT
public:
    explicit LatencyHeatmap(QWidget* parent = nullptr);
    void setAnalysis(const Design& design, const Analysis& analysis);

    QCPColorMap* colorMap() const { return map_; }
    int rowCount() const { return static_cast<int>(rows_.size()); }
    int columnCount() const { return static_cast<int>(columns_.size()); }
    // Row r of the map is region r (r < columnCount()) or user group r - columnCount().
    QString rowId(int row) const;
    // The pixel at the centre of a cell (for tests and keyboard users).
    QPointF cellCentre(int row, int column) const;
    QString tooltipAt(const QPointF& pixel) const override;
    CanvasTarget targetAt(const QPointF& pixel) const override;

    struct Cell {
        double ms = 0;   // NaN on the diagonal
        bool nearFloor = false;
        LatencyMatrix::Source source = LatencyMatrix::Source::Modelled;
    };
    const Cell& cell(int row, int column) const { return cells_[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)]; }

protected:
    void rebuild() override;
    void resizeEvent(QResizeEvent* e) override;

private:
    QColor gradient(double lo, double hi) const;   // the scale's colour between two figures
    bool cellAt(const QPointF& pixel, int* row, int* column) const;

    struct Row {
        QString id, name;
        bool user = false;
    };
    std::vector<Row> rows_;
    std::vector<Row> columns_;
    std::vector<std::vector<Cell>> cells_;
    LatencyMap geo_;
    QCPColorMap* map_;
    QCPAxisRect* scale_;
    friend class HeatmapLabels;
};

}  // namespace sw::views
