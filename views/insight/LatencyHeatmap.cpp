#include "views/insight/LatencyHeatmap.h"

#include <QLocale>

#include <qcustomplot.h>

#include <QResizeEvent>

#include <algorithm>
#include <cmath>
#include <limits>

#include "views/canvas/Format.h"
#include "views/compare/FigureText.h"
#include "views/insight/LatencyScale.h"
#include "views/theme/PlotTheme.h"

namespace sw::views {

// Every cell's figure in one pass over the visible cells (one text item per
// cell would cost a layerable each on a design with hundreds of user groups).
class HeatmapLabels : public QCPLayerable {
public:
    HeatmapLabels(QCustomPlot* plot, LatencyHeatmap* owner) : QCPLayerable(plot, QStringLiteral("main")), owner_(owner) {}

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override { painter->setRenderHint(QPainter::Antialiasing); }
    QRect clipRect() const override { return mParentPlot->axisRect()->rect(); }
    void draw(QCPPainter* painter) override {
        const LatencyHeatmap& h = *owner_;
        QCPAxis* x = mParentPlot->xAxis;
        QCPAxis* y = mParentPlot->yAxis;
        const double cw = std::abs(x->coordToPixel(1) - x->coordToPixel(0));
        const double ch = std::abs(y->coordToPixel(1) - y->coordToPixel(0));
        const bool text = ch >= 12 && cw >= 28;
        QFont f = mParentPlot->font();
        f.setPointSizeF(std::clamp(ch * 0.42, 7.0, 10.0));
        painter->setFont(f);
        const QColor ink = h.theme_.dark ? QColor("#f1f5f9") : QColor("#111827");
        // The cells themselves, as rectangles in the colour of the map's data
        // (a QCPColorMap would paint a bitmap, which the PDF report must not hold).
        QCPColorGradient gradient = h.map_->gradient();
        const QCPRange range = h.map_->dataRange();
        painter->setPen(Qt::NoPen);
        for (int r = 0; r < h.rowCount(); ++r)
            for (int c = 0; c < h.columnCount(); ++c) {
                const double v = h.map_->data()->cell(c, r);
                if (!std::isfinite(v)) continue;
                painter->setBrush(QColor::fromRgba(gradient.color(v, range)));
                painter->drawRect(QRectF(x->coordToPixel(c - 0.5), y->coordToPixel(r - 0.5), cw, ch).normalized());
            }
        for (int r = 0; r < h.rowCount(); ++r)
            for (int c = 0; c < h.columnCount(); ++c) {
                const LatencyHeatmap::Cell& cell = h.cell(r, c);
                const QRectF box(x->coordToPixel(c - 0.5), y->coordToPixel(r - 0.5), cw, ch);
                const QRectF b = box.normalized().adjusted(1, 1, -1, -1);
                if (cell.nearFloor) {
                    painter->setPen(QPen(h.theme_.accent, 2, Qt::DashLine));
                    painter->setBrush(Qt::NoBrush);
                    painter->drawRect(b.adjusted(1, 1, -1, -1));
                }
                if (cell.source != LatencyMatrix::Source::Modelled) {
                    // Measured: a filled corner; an override: a hollow one.
                    const double s = std::min(8.0, std::min(b.width(), b.height()) / 3);
                    QPolygonF tri{b.topRight(), b.topRight() - QPointF(s, 0), b.topRight() + QPointF(0, s)};
                    painter->setPen(QPen(ink, 1));
                    painter->setBrush(cell.source == LatencyMatrix::Source::Measured ? QBrush(ink) : QBrush(Qt::NoBrush));
                    painter->drawPolygon(tri);
                }
                if (!text) continue;
                painter->setPen(std::isnan(cell.ms) ? h.theme_.nodeMuted : ink);
                painter->drawText(b, Qt::AlignCenter, std::isnan(cell.ms) ? QStringLiteral("—") : formatMs(cell.ms));
            }
    }

private:
    LatencyHeatmap* owner_;
};

LatencyHeatmap::LatencyHeatmap(QWidget* parent)
    : InsightView(tr("Latency"), parent), map_(new QCPColorMap(plot()->xAxis, plot()->yAxis)), scale_(new QCPAxisRect(plot(), false)) {
    // The map holds the figures; HeatmapLabels paints them as vector cells.
    map_->setVisible(false);
    map_->setInterpolate(false);
    map_->setTightBoundary(false);
    // The colour scale: a narrow axis rect of vector steps (QCPColorScale paints a bitmap).
    plot()->plotLayout()->addElement(0, 1, scale_);
    scale_->addAxes(QCPAxis::atBottom | QCPAxis::atRight);
    scale_->axis(QCPAxis::atBottom)->setVisible(false);
    scale_->axis(QCPAxis::atBottom)->setRange(0, 1);
    scale_->axis(QCPAxis::atRight)->setLabel(tr("Round trip (ms)"));
    scale_->setMinimumSize(12, 50);
    scale_->setMaximumSize(12, QWIDGETSIZE_MAX);
    scale_->setMinimumMargins(QMargins(6, 0, 0, 0));
    plot()->plotLayout()->setColumnStretchFactor(1, 0.01);
    auto* group = new QCPMarginGroup(plot());
    plot()->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    plot()->yAxis->setRangeReversed(true);
    plot()->xAxis->grid()->setVisible(false);
    plot()->yAxis->grid()->setVisible(false);
    plot()->xAxis->setTickLength(0, 0);
    plot()->yAxis->setTickLength(0, 0);
    plot()->xAxis->setLabel(tr("Served from region"));
    new HeatmapLabels(plot(), this);
}

QString LatencyHeatmap::rowId(int row) const {
    return row >= 0 && row < rowCount() ? rows_[static_cast<std::size_t>(row)].id : QString();
}

void LatencyHeatmap::setAnalysis(const Design& design, const Analysis& analysis) {
    geo_ = latencyMap(design, analysis);
    const LatencyMatrix& lm = analysis.latency;
    rows_.clear();
    columns_.clear();
    cells_.clear();
    for (const MapPlace& p : geo_.regions) columns_.push_back({QString::fromStdString(p.id), QString::fromStdString(p.name), false});
    rows_ = columns_;
    for (const MapPlace& p : geo_.user_groups) rows_.push_back({QString::fromStdString(p.id), QString::fromStdString(p.name), true});
    const std::size_t n = columns_.size();
    cells_.assign(rows_.size(), std::vector<Cell>(n));
    for (const MapPair& pr : geo_.region_links) {
        const auto i = static_cast<std::size_t>(pr.from), j = static_cast<std::size_t>(pr.to);
        cells_[i][j] = cells_[j][i] = Cell{pr.rtt_ms, pr.near_floor, pr.source};
        if (j < lm.source.size() && i < lm.source[j].size()) cells_[j][i].source = lm.source[j][i];
    }
    for (std::size_t i = 0; i < n; ++i) cells_[i][i].ms = std::numeric_limits<double>::quiet_NaN();
    for (const MapPair& pr : geo_.user_routes) {
        const auto u = static_cast<std::size_t>(pr.from);
        cells_[n + u][static_cast<std::size_t>(pr.to)] = Cell{pr.rtt_ms, pr.near_floor, LatencyMatrix::Source::Modelled};
    }
    rebuild();
}

void LatencyHeatmap::resizeEvent(QResizeEvent* e) {
    InsightView::resizeEvent(e);
    if (rows_.size() > 16) rebuild();   // how many row names fit depends on the height
}

QColor LatencyHeatmap::gradient(double lo, double hi) const {
    QCPColorGradient g = map_->gradient();
    return QColor::fromRgba(g.color((lo + hi) / 2, map_->dataRange()));
}

void LatencyHeatmap::rebuild() {
    const int rows = rowCount(), cols = columnCount();
    map_->data()->setSize(std::max(1, cols), std::max(1, rows));
    map_->data()->setRange(QCPRange(0, std::max(0, cols - 1)), QCPRange(0, std::max(0, rows - 1)));
    double top = 0;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const double v = cell(r, c).ms;
            map_->data()->setCell(c, r, v);
            if (std::isfinite(v)) top = std::max(top, v);
        }
    map_->setGradient(latencyGradient(theme_));
    map_->setDataRange(QCPRange(0, latencyScaleTop(top)));
    QCPAxis* scaleAxis = scale_->axis(QCPAxis::atRight);
    scaleAxis->setRange(map_->dataRange());
    plot()->xAxis->setRange(-0.5, std::max(0.5, cols - 0.5));
    plot()->yAxis->setRange(-0.5, std::max(0.5, rows - 0.5));
    // Names on the axes; with many rows only as many as fit.
    auto xt = QSharedPointer<QCPAxisTickerText>::create();
    for (int c = 0; c < cols; ++c) xt->addTick(c, elideMiddle(columns_[static_cast<std::size_t>(c)].name, 30));
    auto yt = QSharedPointer<QCPAxisTickerText>::create();
    const int room = std::max(1, plot()->axisRect()->height());
    const int every = std::max(1, static_cast<int>(std::ceil(rows * 14.0 / room)));
    for (int r = 0; r < rows; r += every) {
        const Row& row = rows_[static_cast<std::size_t>(r)];
        yt->addTick(r, elideMiddle(row.name, 28) + (row.user ? QStringLiteral(" (users)") : QString()));
    }
    plot()->xAxis->setTicker(xt);
    plot()->yAxis->setTicker(yt);
    applyPlotTheme(plot(), theme_);
    applyAxisTheme(scaleAxis, theme_, theme_.nodeText);
    scaleAxis->grid()->setVisible(false);
    scale_->axis(QCPAxis::atBottom)->grid()->setVisible(false);
    plot()->xAxis->grid()->setVisible(false);
    plot()->yAxis->grid()->setVisible(false);
    plot()->clearItems();
    constexpr int kSteps = 48;
    for (int i = 0; i < kSteps; ++i) {
        const double lo = map_->dataRange().lower + map_->dataRange().size() * i / kSteps;
        const double hi = map_->dataRange().lower + map_->dataRange().size() * (i + 1) / kSteps;
        auto* step = new QCPItemRect(plot());
        step->setClipAxisRect(scale_);
        for (QCPItemPosition* p : {step->topLeft, step->bottomRight}) p->setAxes(scale_->axis(QCPAxis::atBottom), scaleAxis);
        step->topLeft->setCoords(0, hi);
        step->bottomRight->setCoords(1, lo);
        step->setPen(QPen(gradient(lo, hi), 0.5));
        step->setBrush(gradient(lo, hi));
    }
    if (cols > 0 && rows > cols) {
        auto* sep = new QCPItemLine(plot());
        sep->start->setCoords(-0.5, cols - 0.5);
        sep->end->setCoords(cols - 0.5, cols - 0.5);
        sep->setPen(QPen(theme_.nodeText, 2));
    }
    // What is selected on the canvas: its row (a user group or a region) and,
    // for a region, its column.
    for (int r = 0; r < rows; ++r) {
        const Row& row = rows_[static_cast<std::size_t>(r)];
        if (!highlighted(row.id.toStdString())) continue;
        auto* box = new QCPItemRect(plot());
        box->topLeft->setCoords(-0.5, r - 0.5);
        box->bottomRight->setCoords(cols - 0.5, r + 0.5);
        box->setPen(QPen(theme_.selection, 2.5));
        if (!row.user) {
            auto* col = new QCPItemRect(plot());
            col->topLeft->setCoords(r - 0.5, -0.5);
            col->bottomRight->setCoords(r + 0.5, rows - 0.5);
            col->setPen(QPen(theme_.selection, 2.5));
        }
    }
    int measured = 0, floors = 0;
    for (const auto& row : cells_)
        for (const Cell& c : row) {
            measured += c.source != LatencyMatrix::Source::Modelled;
            floors += c.nearFloor;
        }
    QString caption = cols == 0 ? tr("No regions in this design: nothing to route between.")
                                : tr("Round trips in ms: %1 regions, %2 user groups. Modelled along fibre routes between interconnection hubs unless marked ◥ measured (hollow: overridden); dashed outline: within %3 % of the fibre floor (%4 cells).")
                                      .arg(cols)
                                      .arg(rows - cols)
                                      .arg(qRound((kNearFloorRatio - 1) * 100))
                                      .arg(floors);
    if (measured > 0) caption += tr(" %1 measured figures.").arg(measured);
    setCaption(caption);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

bool LatencyHeatmap::cellAt(const QPointF& pixel, int* row, int* column) const {
    if (!plot()->axisRect()->rect().contains(pixel.toPoint())) return false;
    const int c = static_cast<int>(std::lround(plot()->xAxis->pixelToCoord(pixel.x())));
    const int r = static_cast<int>(std::lround(plot()->yAxis->pixelToCoord(pixel.y())));
    if (r < 0 || r >= rowCount() || c < 0 || c >= columnCount()) return false;
    *row = r;
    *column = c;
    return true;
}

QPointF LatencyHeatmap::cellCentre(int row, int column) const {
    return {plot()->xAxis->coordToPixel(column), plot()->yAxis->coordToPixel(row)};
}

QString LatencyHeatmap::tooltipAt(const QPointF& pixel) const {
    int r = 0, c = 0;
    if (!cellAt(pixel, &r, &c)) return {};
    const Row& row = rows_[static_cast<std::size_t>(r)];
    const Row& col = columns_[static_cast<std::size_t>(c)];
    const Cell& cl = cell(r, c);
    if (std::isnan(cl.ms)) return tr("%1: inside one region (zones 0.5–2 ms apart)").arg(row.name);
    const std::size_t n = columns_.size();
    const MapPair* pr = nullptr;
    if (row.user) pr = &geo_.user_routes[(static_cast<std::size_t>(r) - n) * n + static_cast<std::size_t>(c)];
    else
        for (const MapPair& p : geo_.region_links)
            if ((p.from == r && p.to == c) || (p.from == c && p.to == r)) pr = &p;
    if (!pr) return {};
    const QString source = cl.source == LatencyMatrix::Source::Measured ? tr("measured")
                           : cl.source == LatencyMatrix::Source::Override ? tr("overridden")
                                                                          : tr("modelled");
    QString tip = tr("%1 → %2\nRTT %3 (%4)\nfibre floor %5 · %6 km great circle")
                      .arg(row.name, col.name, formatMs(cl.ms), source, formatMs(pr->floor_ms), formatCount(std::round(pr->distance_km)));
    if (cl.nearFloor) tip += tr("\nwithin %1 % of the floor").arg(qRound((kNearFloorRatio - 1) * 100));
    if (row.user && pr->served) tip += tr("\nserved from here");
    return tip;
}

CanvasTarget LatencyHeatmap::targetAt(const QPointF& pixel) const {
    int r = 0, c = 0;
    if (!cellAt(pixel, &r, &c)) return {};
    const Row& row = rows_[static_cast<std::size_t>(r)];
    return {row.user ? CanvasTarget::Kind::Component : CanvasTarget::Kind::Region, row.id};
}

}  // namespace sw::views
