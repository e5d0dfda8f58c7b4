#include "views/insight/ReplicationPlot.h"

#include <QLocale>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

#include "planner/ReplicationCurve.h"
#include "views/canvas/Format.h"
#include "views/compare/FigureText.h"
#include "views/theme/PlotTheme.h"

namespace sw::views {

namespace {

QColor curveColour(std::size_t i, const Theme& t) {
    static const char* light[] = {"#2f6fed", "#8b5cf6", "#059669", "#d97706", "#0891b2", "#db2777", "#4d7c0f", "#64748b"};
    static const char* dark[] = {"#5b8cff", "#a78bfa", "#34d399", "#fbbf24", "#22d3ee", "#f472b6", "#a3e635", "#94a3b8"};
    return QColor((t.dark ? dark : light)[i % 8]);
}

class MsLogTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return formatMs(tick); }
};
class RateTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return formatCount(tick); }
};

double load(const ReplicationResult& r) { return r.saturating_write_rps > 0 ? r.write_rps / r.saturating_write_rps : 1e9; }

}  // namespace

ReplicationPlot::ReplicationPlot(QWidget* parent) : InsightView(tr("Replication"), parent) {
    QCustomPlot* p = plot();
    p->xAxis->setLabel(tr("Writes per second the replica receives"));
    p->yAxis->setLabel(tr("Replica lag"));
    p->yAxis->setScaleType(QCPAxis::stLogarithmic);
    p->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new MsLogTicker));
    p->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new RateTicker));
    // The legend beside the plot: the flat curves of distant replicas fill the top left.
    p->legend->setVisible(true);
    p->axisRect()->insetLayout()->take(p->legend);
    p->plotLayout()->addElement(0, 1, p->legend);
    p->plotLayout()->setColumnStretchFactor(1, 0.001);
    p->legend->setMargins(QMargins(6, 4, 6, 4));
}

void ReplicationPlot::setAnalysis(const Design& design, const Analysis& analysis) {
    links_ = analysis.replication;
    names_.clear();
    std::set<std::string> involved;
    for (const ReplicationResult& r : links_) involved.insert(r.from), involved.insert(r.to);
    for (const Component& c : design.components)
        if (involved.count(c.id)) names_[c.id] = QString::fromStdString(c.name.empty() ? c.id : c.name);
    rebuild();
}

QString ReplicationPlot::nameOf(const std::string& id) const {
    const auto it = names_.find(id);
    return it == names_.end() ? QString::fromStdString(id) : it->second;
}

void ReplicationPlot::rebuild() {
    QCustomPlot* p = plot();
    // Closest to divergence first; what is selected on the canvas always.
    std::vector<std::size_t> order;
    sync_ = 0;
    for (std::size_t i = 0; i < links_.size(); ++i) {
        if (links_[i].mode == "sync") ++sync_;
        else order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const bool ha = highlighted(links_[a].to) || highlighted(links_[a].link) || highlighted(links_[a].from);
        const bool hb = highlighted(links_[b].to) || highlighted(links_[b].link) || highlighted(links_[b].from);
        if (ha != hb) return ha;
        return load(links_[a]) > load(links_[b]);
    });
    shown_.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(order.size(), kMaxCurves)));
    p->clearGraphs();
    p->clearItems();
    curves_.clear();
    points_.clear();
    applyPlotTheme(p, theme_);
    p->legend->setBrush(theme_.dark ? QColor(0x1f, 0x23, 0x2a, 220) : QColor(255, 255, 255, 220));
    p->legend->setBorderPen(Qt::NoPen);
    p->legend->setTextColor(theme_.nodeText);
    double maxX = 1, minY = 1e9, maxY = 1;
    for (std::size_t k = 0; k < shown_.size(); ++k) {
        const ReplicationResult& r = links_[shown_[k]];
        const QColor c = curveColour(k, theme_);
        const bool hl = highlighted(r.to) || highlighted(r.link) || highlighted(r.from);
        QCPGraph* g = p->addGraph();
        QVector<double> x, y;
        for (const LagPoint& pt : lagCurve(r)) x << pt.write_rps, y << pt.lag_ms;
        g->setData(x, y, true);
        g->setPen(QPen(c, hl ? 3.4 : 2));
        g->setName(tr("%1 — diverges at %2 writes/s")
                       .arg(elideMiddle(QStringLiteral("%1 → %2").arg(nameOf(r.from), nameOf(r.to)), 34), formatCount(r.saturating_write_rps)));
        curves_.push_back(g);
        for (double v : y) minY = std::min(minY, v), maxY = std::max(maxY, v);
        maxX = std::max(maxX, r.saturating_write_rps);
        maxX = std::max(maxX, r.write_rps);
        // Where the lag diverges: a dashed line in the curve's colour, its rate in the legend.
        auto* line = new QCPItemStraightLine(p);
        line->point1->setCoords(r.saturating_write_rps, 1);
        line->point2->setCoords(r.saturating_write_rps, 10);
        line->setPen(QPen(c, 1.2, Qt::DashLine));
        // The design today.
        QCPGraph* now = p->addGraph();
        now->setLineStyle(QCPGraph::lsNone);
        now->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(theme_.nodeText, 1.5), c, hl ? 12 : 9));
        now->removeFromLegend();
        points_.push_back(now);
        if (!r.unbounded) now->setData(QVector<double>{r.write_rps}, QVector<double>{std::max(r.lag_ms, 1e-3)}, true);
    }
    p->xAxis->setRange(0, maxX * 1.08);
    p->yAxis->setRange(std::max(1e-3, minY / 2), std::max(maxY * 2, minY * 10));
    for (std::size_t k = 0; k < shown_.size(); ++k) {
        const ReplicationResult& r = links_[shown_[k]];
        if (!r.unbounded) continue;
        // Past the divergence rate: no finite lag to plot; say so at the top.
        points_[k]->setData(QVector<double>{r.write_rps}, QVector<double>{p->yAxis->range().upper / 1.5}, true);
        QCPScatterStyle cross(QCPScatterStyle::ssCross, theme_.utilHigh, 12);
        cross.setPen(QPen(theme_.utilHigh, 2.5));
        points_[k]->setScatterStyle(cross);
        auto* t = new QCPItemText(p);
        t->position->setCoords(r.write_rps, p->yAxis->range().upper / 1.5);
        t->setPositionAlignment(Qt::AlignRight | Qt::AlignVCenter);
        t->setPadding(QMargins(0, 0, 10, 0));
        t->setColor(theme_.utilHigh);
        t->setText(tr("%1 writes/s: lag unbounded").arg(formatCount(r.write_rps)));
    }
    const std::size_t async = links_.size() - static_cast<std::size_t>(sync_);
    QString caption;
    if (links_.empty()) caption = tr("No replication links in this design.");
    else if (async == 0) caption = tr("%n synchronous link(s): replicas never lag, each write waits for the round trip.", nullptr, sync_);
    else {
        caption = tr("Lag = one-way delay + 1 / (apply rate − write rate) per apply stream; dots: the design at its peak.");
        if (async > shown_.size()) caption += tr(" Showing the %1 of %2 asynchronous links closest to divergence.").arg(shown_.size()).arg(async);
        if (sync_ > 0) caption += tr(" %n synchronous link(s) not drawn (no lag).", nullptr, sync_);
    }
    setCaption(caption);
    p->replot(QCustomPlot::rpQueuedReplot);
}

int ReplicationPlot::curveAt(const QPointF& pixel, double* writeRps) const {
    double best = 9;
    int found = -1;
    for (std::size_t k = 0; k < curves_.size(); ++k)
        for (QCPGraph* g : {curves_[k], points_[k]})
            for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it) {
                const QPointF q = g->coordsToPixels(it->key, it->value) - pixel;
                if (const double d = std::hypot(q.x(), q.y()); d < best) best = d, found = static_cast<int>(k), *writeRps = it->key;
            }
    return found;
}

QString ReplicationPlot::tooltipAt(const QPointF& pixel) const {
    double w = 0;
    const int k = curveAt(pixel, &w);
    if (k < 0) return {};
    const ReplicationResult& r = links_[shown_[static_cast<std::size_t>(k)]];
    const double streams = r.apply_rate_wps > 0 ? r.saturating_write_rps / r.apply_rate_wps : 1;
    return tr("%1 → %2 (%3)\nat %4 writes/s: lag %5\none way %6 · applies %7 writes/s × %8 stream(s)\ndiverges at %9 writes/s; today %10 writes/s")
        .arg(nameOf(r.from), nameOf(r.to), QString::fromStdString(r.mode), formatCount(w),
             formatMs(asyncLagMs(r.network_one_way_ms, r.apply_rate_wps, streams, w)), formatMs(r.network_one_way_ms),
             formatCount(r.apply_rate_wps), formatCount(streams), formatCount(r.saturating_write_rps))
        .arg(formatCount(r.write_rps));
}

CanvasTarget ReplicationPlot::targetAt(const QPointF& pixel) const {
    double w = 0;
    const int k = curveAt(pixel, &w);
    if (k < 0) return {};
    return {CanvasTarget::Kind::Component, QString::fromStdString(links_[shown_[static_cast<std::size_t>(k)]].to)};
}

}  // namespace sw::views
