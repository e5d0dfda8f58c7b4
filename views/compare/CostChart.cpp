#include "views/compare/CostChart.h"
#include "views/theme/PlotTheme.h"

#include <QVBoxLayout>

#include <algorithm>

#include <qcustomplot.h>

#include "views/canvas/Format.h"
#include "views/compare/FigureText.h"

namespace sw::views {

namespace {

// Line colours that stay apart on both backgrounds.
QColor lineColour(int i, const Theme& t) {
    static const char* light[] = {"#2f6fed", "#059669", "#d97706", "#9333ea"};
    static const char* dark[] = {"#5b8cff", "#34d399", "#fbbf24", "#c084fc"};
    return QColor((t.dark ? dark : light)[i % 4]);
}

class MoneyTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return formatMoney(tick); }
};

}  // namespace

CostChart::CostChart(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setAntialiasedElements(QCP::aePlottables | QCP::aeItems);
    plot_->xAxis->setLabel(tr("Month"));
    plot_->yAxis->setLabel(tr("Cost per month"));
    // Compound growth: a log scale keeps the early months, where lines cross, readable.
    plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new MoneyTicker));
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    setMinimumHeight(200);
}

void CostChart::setComparison(const whatif::Comparison& c) {
    plot_->clearGraphs();
    plot_->clearItems();
    marks_ = 0;
    for (std::size_t v = 0; v < c.variants.size(); ++v) {
        const whatif::VariantFigures& f = c.variants[v];
        QCPGraph* g = plot_->addGraph();
        g->setName(elideMiddle(QString::fromStdString(f.name), 30));
        g->setPen(QPen(lineColour(static_cast<int>(v), theme_), v == 0 ? 2.4 : 1.8));
        QVector<double> x, y;
        for (std::size_t m = 0; m < f.cost_by_month.size(); ++m) x << double(m), y << f.cost_by_month[m];
        g->setData(x, y, true);
    }
    plot_->rescaleAxes();
    for (const whatif::VariantDelta& d : c.deltas) {
        if (!d.crossover) continue;
        auto* line = new QCPItemStraightLine(plot_);
        line->point1->setCoords(d.crossover->month, 0);
        line->point2->setCoords(d.crossover->month, 1);
        line->setPen(QPen(theme_.nodeMuted, 1.2, Qt::DashLine));
        auto* label = new QCPItemText(plot_);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(d.crossover->month, 0.06 + 0.07 * marks_);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setPadding(QMargins(4, 2, 4, 2));
        label->setColor(theme_.nodeText);
        label->setText(d.crossover->metric == "runway_month"
                           ? tr("month %1: %2 runs out of runway").arg(d.crossover->month).arg(QString::fromStdString(d.crossover->cheaper_before))
                           : tr("month %1: %2 becomes cheaper (%3 users)")
                                 .arg(d.crossover->month)
                                 .arg(elideMiddle(QString::fromStdString(d.crossover->cheaper_after), 24))
                                 .arg(formatCount(d.crossover->users)));
        ++marks_;
    }
    const QCPRange y = plot_->yAxis->range();
    plot_->yAxis->setRange(std::max(y.lower / 1.5, 1.0), y.upper * 1.5);
    plot_->replot();
}

void CostChart::setTheme(const Theme& theme) {
    theme_ = theme;
    applyPlotTheme(plot_, theme);
    const QColor fg = theme.nodeText;
    plot_->legend->setBrush(theme.dark ? QColor(0x1f, 0x23, 0x2a, 220) : QColor(255, 255, 255, 220));
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setTextColor(fg);
    for (int i = 0; i < plot_->graphCount(); ++i)
        plot_->graph(i)->setPen(QPen(lineColour(i, theme), i == 0 ? 2.4 : 1.8));
    plot_->replot();
}

}  // namespace sw::views
