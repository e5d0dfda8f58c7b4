#include "views/compare/TornadoChart.h"
#include "views/theme/PlotTheme.h"

#include <QVBoxLayout>

#include <cmath>
#include <qcustomplot.h>

#include "views/canvas/Format.h"
#include "views/compare/FigureText.h"

namespace sw::views {

namespace {

QString axisLabel(whatif::Outcome o) {
    switch (o) {
        case whatif::Outcome::Cost: return QObject::tr("Cost per month (USD)");
        case whatif::Outcome::Availability: return QObject::tr("Availability");
        case whatif::Outcome::P95: return QObject::tr("p95, user-weighted (ms)");
        case whatif::Outcome::Runway: return QObject::tr("Runway (month the first tier runs out)");
    }
    return {};
}

// Tick labels in the figure's own terms: $1.40M, 99.9995 %, 63 ms, month 14.
class FigureTicker : public QCPAxisTicker {
public:
    explicit FigureTicker(whatif::Outcome o) : o_(o) {}

protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override {
        switch (o_) {
            case whatif::Outcome::Cost: return formatMoney(tick);
            case whatif::Outcome::Availability: return QString::number(tick * 100, 'f', 5) + QStringLiteral(" %");
            case whatif::Outcome::P95: return formatMs(tick);
            case whatif::Outcome::Runway: return QString::number(tick, 'f', 0);
        }
        return {};
    }

private:
    whatif::Outcome o_;
};

}  // namespace

TornadoChart::TornadoChart(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setAntialiasedElements(QCP::aePlottables);
    // Horizontal bars: the key axis is the left one.
    low_ = new QCPBars(plot_->yAxis, plot_->xAxis);
    high_ = new QCPBars(plot_->yAxis, plot_->xAxis);
    low_->setName(tr("input lowered"));
    high_->setName(tr("input raised"));
    for (QCPBars* b : {low_, high_}) b->setWidth(0.36);
    plot_->yAxis->setRangeReversed(true);
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    setMinimumHeight(200);   // the bars stay legible; the bottom tabs leave the canvas its room
    setTheme(theme_);
}

void TornadoChart::setSensitivity(const whatif::Sensitivity& s, whatif::Outcome figure, int maxRows) {
    const std::vector<std::size_t> order = whatif::rankedBy(s, figure);
    const double base = s.base.get(figure);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys, lows, highs;
    inputs_.clear();
    for (std::size_t k = 0; k < order.size() && k < static_cast<std::size_t>(maxRows); ++k) {
        const whatif::SensitivityRow& r = s.rows[order[k]];
        const double key = static_cast<double>(k);
        keys << key;
        // Non-finite (saturated, no runout within the horizon) leaves the bar out.
        const double lo = r.low.get(figure), hi = r.high.get(figure);
        // QCPBars draws a bar from the base value over its value: the offset from the base.
        lows << (std::isfinite(lo) && std::isfinite(base) ? lo - base : 0.0);
        highs << (std::isfinite(hi) && std::isfinite(base) ? hi - base : 0.0);
        inputs_ << QString::fromStdString(r.input);
        ticker->addTick(key, elideMiddle(QString::fromStdString(r.label), 34));
    }
    // Bars grow from the base value; the two sides sit a little apart.
    for (QCPBars* b : {low_, high_}) b->setBaseValue(std::isfinite(base) ? base : 0);
    QVector<double> kl, kh;
    for (double k : keys) kl << k - 0.19, kh << k + 0.19;
    low_->setData(kl, lows, true);
    high_->setData(kh, highs, true);
    plot_->yAxis->setTicker(ticker);
    plot_->yAxis->setSubTicks(false);
    plot_->yAxis->setTickLength(0, 0);
    plot_->yAxis->setRange(-0.7, std::max<double>(keys.size(), 1) - 0.3);
    plot_->xAxis->setLabel(axisLabel(figure));
    QCPRange r(std::isfinite(base) ? base : 0, std::isfinite(base) ? base : 0);
    const double b0 = std::isfinite(base) ? base : 0;
    for (int i = 0; i < lows.size(); ++i) r.expand(b0 + lows[i]), r.expand(b0 + highs[i]);
    const double pad = std::max(r.size() * 0.08, std::abs(base) * 1e-6 + 1e-12);
    plot_->xAxis->setRange(r.lower - pad, r.upper + pad);
    plot_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new FigureTicker(figure)));
    plot_->replot();
}

void TornadoChart::setTheme(const Theme& theme) {
    theme_ = theme;
    applyPlotTheme(plot_, theme);
    const QColor fg = theme.nodeText;
    QColor lo = theme.accent, hi = theme.diffChanged;
    low_->setPen(Qt::NoPen);
    high_->setPen(Qt::NoPen);
    low_->setBrush(lo);
    high_->setBrush(hi);
    plot_->legend->setBrush(theme.dark ? QColor(0x1f, 0x23, 0x2a, 220) : QColor(255, 255, 255, 220));
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setTextColor(fg);
    plot_->replot();
}

}  // namespace sw::views
