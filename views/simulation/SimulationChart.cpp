#include "views/simulation/SimulationChart.h"

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace sw::views {

namespace {

QCPGraph* addGraph(QCustomPlot* plot, QCPAxisRect* rect, const QString& name, const QColor& color, double width,
                   QCPAxis* valueAxis = nullptr) {
    QCPGraph* g = plot->addGraph(rect->axis(QCPAxis::atBottom), valueAxis ? valueAxis : rect->axis(QCPAxis::atLeft));
    g->setName(name);
    g->setPen(QPen(color, width));
    g->setAdaptiveSampling(true);
    return g;
}

// A filled band over [from, to] seconds, from the top of the pane down to
// `depth` of its height.
QCPItemRect* band(QCustomPlot* plot, QCPAxisRect* r, double from, double to, double depth, const QColor& color) {
    auto* rect = new QCPItemRect(plot);
    rect->setClipAxisRect(r);
    for (QCPItemPosition* p : {rect->topLeft, rect->bottomRight}) {
        p->setAxisRect(r);
        p->setAxes(r->axis(QCPAxis::atBottom), r->axis(QCPAxis::atLeft));
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    rect->topLeft->setCoords(from, 0);
    rect->bottomRight->setCoords(to, depth);
    rect->setPen(Qt::NoPen);
    rect->setBrush(color);
    return rect;
}

// Tick labels as 250, 1.5 k, 2 M instead of 1.5·10^6.
class ShortNumberTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar, int) override {
        const double a = std::abs(tick);
        if (a >= 1e6) return locale.toString(tick / 1e6, 'g', 3) + QStringLiteral(" M");
        if (a >= 1e4) return locale.toString(tick / 1e3, 'g', 3) + QStringLiteral(" k");
        return locale.toString(tick, 'g', 4);
    }
};

}  // namespace

SimulationChart::SimulationChart(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->plotLayout()->clear();
    plot_->setAntialiasedElements(QCP::aePlottables);
    plot_->setNoAntialiasingOnDrag(true);

    auto makeRect = [this](const QString& title) {
        auto* r = new QCPAxisRect(plot_);
        r->axis(QCPAxis::atLeft)->setLabel(title);
        r->axis(QCPAxis::atLeft)->setLabelPadding(4);
        r->setMinimumMargins(QMargins(0, 4, 0, 2));
        // Tall enough for its rotated title: titles stay legible at the dock's minimum height.
        r->setMinimumSize(0, kMinPaneHeight);
        return r;
    };
    traffic_ = makeRect(tr("rps"));
    latency_ = makeRect(tr("ms"));
    capacity_ = makeRect(tr("instances"));
    component_ = makeRect(tr("utilisation"));
    plot_->plotLayout()->addElement(0, 0, traffic_);
    plot_->plotLayout()->addElement(1, 0, latency_);
    plot_->plotLayout()->addElement(2, 0, capacity_);
    plot_->plotLayout()->addElement(3, 0, component_);
    // One time axis: the panes above hide their tick labels and follow the bottom one.
    auto* margins = new QCPMarginGroup(plot_);   // one group: the panes' plot areas line up
    for (QCPAxisRect* r : {traffic_, latency_, capacity_, component_}) {
        r->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        r->axis(QCPAxis::atLeft)->setTicker(QSharedPointer<QCPAxisTicker>(new ShortNumberTicker));
        r->axis(QCPAxis::atRight)->setTicker(QSharedPointer<QCPAxisTicker>(new ShortNumberTicker));
        if (r != component_)
            connect(component_->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
                    r->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
        if (r != component_) r->axis(QCPAxis::atBottom)->setTickLabels(false);
    }
    component_->axis(QCPAxis::atBottom)->setLabel(tr("simulated time (s)"));
    capacity_->axis(QCPAxis::atRight)->setVisible(true);
    capacity_->axis(QCPAxis::atRight)->setLabel(tr("lag s"));
    component_->axis(QCPAxis::atRight)->setVisible(true);
    component_->axis(QCPAxis::atRight)->setLabel(tr("queue"));
    component_->axis(QCPAxis::atLeft)->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    component_->axis(QCPAxis::atLeft)->setNumberFormat(QStringLiteral("f"));
    component_->axis(QCPAxis::atLeft)->setNumberPrecision(0);
    component_->axis(QCPAxis::atLeft)->setLabel(tr("util %"));

    offered_ = addGraph(plot_, traffic_, tr("offered"), QColor(0x8a, 0x94, 0xa6), 1.2);
    served_ = addGraph(plot_, traffic_, tr("served"), QColor(0x2f, 0x7d, 0xd1), 1.6);
    failed_ = addGraph(plot_, traffic_, tr("failed"), QColor(0xd6, 0x45, 0x45), 1.6);
    p50_ = addGraph(plot_, latency_, tr("p50"), QColor(0x3a, 0xa6, 0x76), 1.4);
    p95_ = addGraph(plot_, latency_, tr("p95"), QColor(0xe0, 0x9b, 0x2d), 1.4);
    p99_ = addGraph(plot_, latency_, tr("p99"), QColor(0xc2, 0x4f, 0x9c), 1.4);
    instances_ = addGraph(plot_, capacity_, tr("instances"), QColor(0x2f, 0x7d, 0xd1), 1.6);
    lag_ = addGraph(plot_, capacity_, tr("replica lag"), QColor(0xd6, 0x45, 0x45), 1.4,
                    capacity_->axis(QCPAxis::atRight));
    failed_->setBrush(QColor(0xd6, 0x45, 0x45, 50));
    utilization_ = addGraph(plot_, component_, tr("utilisation"), QColor(0x2f, 0x7d, 0xd1), 1.4);
    queue_ = addGraph(plot_, component_, tr("queue"), QColor(0xe0, 0x9b, 0x2d), 1.4, component_->axis(QCPAxis::atRight));

    // Each pane's legend in a column beside it, outside the plot: it never covers data.
    int row = 0;
    for (QCPAxisRect* r : {traffic_, latency_, capacity_, component_}) {
        auto* legend = new QCPLegend;
        plot_->plotLayout()->addElement(row++, 1, legend);
        legend->setLayer(QStringLiteral("legend"));
        legend->setFillOrder(QCPLegend::foRowsFirst);
        legend->setMargins(QMargins(6, 2, 4, 2));
        QFont lf = legend->font();
        lf.setPointSizeF(lf.pointSizeF() * 0.9);
        legend->setFont(lf);
        legend->setIconSize(14, 8);
        legend->setRowSpacing(0);
        legend->setColumnSpacing(6);
        for (int i = 0; i < plot_->graphCount(); ++i)
            if (plot_->graph(i)->keyAxis()->axisRect() == r) plot_->graph(i)->addToLegend(legend);
        legends_.push_back(legend);
    }
    plot_->plotLayout()->setColumnStretchFactor(0, 1);
    plot_->plotLayout()->setColumnStretchFactor(1, 0.01);
    // Four minimum panes, the time axis and its title.
    setMinimumHeight(4 * kMinPaneHeight + 56);
    setTheme(theme_);
    reset(Scenario{}, 60);
}

void SimulationChart::setTheme(const Theme& theme) {
    theme_ = theme;
    const QColor fg = theme.nodeText, muted = theme.nodeMuted, grid = theme.dark ? QColor(255, 255, 255, 28) : QColor(0, 0, 0, 22);
    plot_->setBackground(theme.dark ? QColor(0x1f, 0x23, 0x2a) : QColor(Qt::white));
    for (QCPAxisRect* r : {traffic_, latency_, capacity_, component_}) {
        for (QCPAxis* a : r->axes()) {
            a->setBasePen(QPen(muted));
            a->setTickPen(QPen(muted));
            a->setSubTickPen(QPen(muted));
            a->setTickLabelColor(muted);
            a->setLabelColor(fg);
            a->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        }
    }
    for (QCPLegend* l : legends_) {
        l->setBrush(Qt::NoBrush);
        l->setBorderPen(Qt::NoPen);
        l->setTextColor(fg);
    }
    plot_->replot();
}

void SimulationChart::shade(double from, double to, const QColor& color, const QString& label) {
    for (QCPAxisRect* r : {traffic_, latency_, capacity_, component_}) {
        band(plot_, r, from, to, 1, color)->setLayer(QStringLiteral("background"));
        if (r == traffic_ && !label.isEmpty()) {
            auto* text = new QCPItemText(plot_);
            text->setClipAxisRect(r);
            text->setLayer(QStringLiteral("background"));
            text->position->setAxisRect(r);
            text->position->setAxes(r->axis(QCPAxis::atBottom), r->axis(QCPAxis::atLeft));
            text->position->setTypeX(QCPItemPosition::ptPlotCoords);
            text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
            text->position->setCoords(from, 0.02);
            text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
            text->setPadding(QMargins(4, 1, 4, 1));
            text->setText(label);
            text->setColor(theme_.nodeMuted);
        }
    }
}

void SimulationChart::reset(const Scenario& scenario, double duration_s) {
    duration_s_ = std::max(1.0, duration_s);
    for (int i = 0; i < plot_->graphCount(); ++i) plot_->graph(i)->data()->clear();
    plot_->clearItems();
    points_ = 0;
    peakRps_ = peakMs_ = peakInstances_ = peakLag_ = 0;
    modes_.clear();
    const QColor failure(214, 69, 69, theme_.dark ? 46 : 28), traffic(47, 125, 209, theme_.dark ? 46 : 24);
    for (const FailureEvent& f : scenario.failures) {
        const double end = f.duration_s > 0 ? f.start_s + f.duration_s : duration_s_;
        shade(f.start_s, end, failure,
              QStringLiteral("%1 %2").arg(QString::fromUtf8(failureKindKey(f.kind).data()), QString::fromStdString(f.target)));
    }
    for (const TrafficEvent& t : scenario.traffic)
        if (t.kind == TrafficKind::Spike || t.kind == TrafficKind::Ramp) {
            const double end = t.duration_s > 0 ? t.start_s + t.duration_s : duration_s_;
            shade(t.start_s, end, traffic,
                  QStringLiteral("%1 ×%2").arg(QString::fromUtf8(trafficKindKey(t.kind).data())).arg(t.factor));
        }
    component_->axis(QCPAxis::atBottom)->setRange(0, duration_s_);
    component_->axis(QCPAxis::atLeft)->setRange(0, 100);   // utilisation %, until a component is shown
    component_->axis(QCPAxis::atRight)->setRange(0, 1);
    rescale();
}

void SimulationChart::append(const std::vector<sim::Second>& seconds) {
    for (const sim::Second& s : seconds) {
        const double t = s.t_s;
        const double failed = s.errors + s.timeouts + s.rejections;
        offered_->addData(t, s.offered);
        served_->addData(t, s.throughput);
        failed_->addData(t, failed);
        p50_->addData(t, s.p50_ms);
        p95_->addData(t, s.p95_ms);
        p99_->addData(t, s.p99_ms);
        instances_->addData(t, s.instances);
        lag_->addData(t, s.replication_lag_s);
        peakRps_ = std::max({peakRps_, s.offered, s.throughput, failed});
        peakMs_ = std::max(peakMs_, s.p99_ms);
        peakInstances_ = std::max(peakInstances_, s.instances);
        peakLag_ = std::max(peakLag_, s.replication_lag_s);
        markMode(t, s.mode);
        ++points_;
    }
    rescale();
}

void SimulationChart::setSeries(const std::vector<sim::Second>& seconds) {
    for (int i = 0; i < plot_->graphCount(); ++i) plot_->graph(i)->data()->clear();
    for (const ModeSpan& m : modes_) plot_->removeItem(m.item);
    modes_.clear();
    points_ = 0;
    peakRps_ = peakMs_ = peakInstances_ = peakLag_ = 0;
    append(seconds);
}

// A strip along the top of the traffic pane, coloured by the operating mode
// of each second (seed 001's target / degraded / floor, down, recovery).
void SimulationChart::markMode(double t, sim::Mode mode) {
    if (!modes_.empty() && modes_.back().mode == mode && t <= modes_.back().to + 1.5) {
        modes_.back().to = t + 1;
        modes_.back().item->bottomRight->setCoords(t + 1, 0.05);
        return;
    }
    static const QColor colours[] = {QColor(0x3a, 0xa6, 0x76), QColor(0xe0, 0xb0, 0x2d), QColor(0xe0, 0x7b, 0x2d),
                                      QColor(0xd6, 0x45, 0x45), QColor(0x2f, 0x7d, 0xd1)};
    QCPItemRect* rect = band(plot_, traffic_, t, t + 1, 0.05, colours[static_cast<int>(mode)]);
    rect->setSelectable(false);
    modes_.push_back({mode, t, t + 1, rect});
}

void SimulationChart::setComponent(const QString& name, const std::vector<double>& utilization,
                                   const std::vector<double>& queue) {
    utilization_->data()->clear();
    queue_->data()->clear();
    double peakU = 0, peakQ = 0;
    for (std::size_t t = 0; t < utilization.size(); ++t) {
        utilization_->addData(static_cast<double>(t), utilization[t] * 100);
        peakU = std::max(peakU, utilization[t] * 100);
    }
    for (std::size_t t = 0; t < queue.size(); ++t) {
        queue_->addData(static_cast<double>(t), queue[t]);
        peakQ = std::max(peakQ, queue[t]);
    }
    utilization_->setName(name.isEmpty() ? tr("utilisation") : tr("%1 utilisation").arg(name));
    queue_->setName(tr("queue"));
    component_->axis(QCPAxis::atLeft)->setRange(0, std::max(100.0, peakU * 1.1));
    component_->axis(QCPAxis::atRight)->setRange(0, std::max(1.0, peakQ * 1.12));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void SimulationChart::rescale() {
    auto top = [](double v, double floor) { return std::max(floor, v * 1.12); };
    traffic_->axis(QCPAxis::atLeft)->setRange(0, top(peakRps_, 1));
    latency_->axis(QCPAxis::atLeft)->setRange(0, top(peakMs_, 1));
    capacity_->axis(QCPAxis::atLeft)->setRange(0, top(peakInstances_, 1));
    capacity_->axis(QCPAxis::atRight)->setRange(0, top(peakLag_, 1));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace sw::views
