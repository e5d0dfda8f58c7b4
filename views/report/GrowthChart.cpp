#include "views/report/GrowthChart.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <qcustomplot.h>

#include "views/canvas/Format.h"
#include "views/theme/PlotTheme.h"
#include "views/theme/Theme.h"

namespace sw::views::report {

namespace {

struct Panel {
    const char* label;
    QColor colour;
    double ProjectionMonth::*value;
    bool money;
};

// Tick labels as the report's tables write figures ("300M", "$1.40M"), not "3·10⁸".
class FigureTicker : public QCPAxisTicker {
public:
    explicit FigureTicker(bool money) : money_(money) {}

protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override {
        if (std::abs(tick) < 1e-9) return QStringLiteral("0");
        return money_ ? formatMoney(tick) : formatCount(tick);
    }

private:
    bool money_;
};

}  // namespace

void drawGrowthChart(QCustomPlot& plot, const Projection& projection) {
    plot.clearPlottables();
    plot.clearItems();
    plot.plotLayout()->clear();
    const Theme& theme = Theme::light();
    plot.setBackground(Qt::white);
    const Panel panels[] = {{"users", QColor(0x2f, 0x7d, 0xd1), &ProjectionMonth::users, false},
                            {"peak requests/s", QColor(0x3a, 0x8d, 0x5c), &ProjectionMonth::peak_rps, false},
                            {"USD per month", QColor(0xc2, 0x41, 0x2d), &ProjectionMonth::cost_per_month_usd, true}};
    QVector<double> month;
    for (const ProjectionMonth& m : projection.months) month << m.month;
    const double first = month.isEmpty() ? 0 : month.front(), last = month.isEmpty() ? 1 : month.back();

    // The months a tier runs out of runway.
    std::set<int> runouts;
    for (const TierRunway& r : projection.runway)
        if (r.runout_month >= first && r.runout_month <= last) runouts.insert(r.runout_month);

    auto* group = new QCPMarginGroup(&plot);
    QFont tickFont(QStringLiteral("DejaVu Sans"));
    tickFont.setPointSizeF(7.5);
    QFont labelFont = tickFont;
    labelFont.setPointSizeF(8);
    const int n = static_cast<int>(std::size(panels));
    for (int i = 0; i < n; ++i) {
        auto* rect = new QCPAxisRect(&plot);
        plot.plotLayout()->addElement(i, 0, rect);
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
        rect->setRangeDrag(Qt::Orientations());
        QCPAxis* x = rect->axis(QCPAxis::atBottom);
        QCPAxis* y = rect->axis(QCPAxis::atLeft);
        for (QCPAxis* a : {x, y}) {
            applyAxisTheme(a, theme, theme.nodeText);
            a->setTickLabelFont(tickFont);
            a->setLabelFont(labelFont);
        }
        x->setRange(first, last);
        x->setTickLabels(i == n - 1);   // one month axis, under the last panel
        if (i == n - 1) x->setLabel(QStringLiteral("month"));
        y->setLabel(QString::fromUtf8(panels[i].label));
        auto ticker = QSharedPointer<FigureTicker>::create(panels[i].money);
        ticker->setTickCount(4);
        y->setTicker(ticker);

        QVector<double> values;
        double top = 0;
        for (const ProjectionMonth& m : projection.months) {
            values << m.*panels[i].value;
            top = std::max(top, m.*panels[i].value);
        }
        auto* graph = plot.addGraph(x, y);
        graph->setData(month, values, true);
        graph->setPen(QPen(panels[i].colour, 1.6));
        QColor fill = panels[i].colour;
        fill.setAlpha(28);
        graph->setBrush(fill);
        y->setRange(0, top > 0 ? top * 1.12 : 1);

        for (const int m : runouts) {
            auto* line = new QCPItemStraightLine(&plot);
            line->setClipAxisRect(rect);
            line->point1->setAxes(x, y);
            line->point2->setAxes(x, y);
            line->point1->setCoords(m, 0);
            line->point2->setCoords(m, 1);
            line->setPen(QPen(theme.bottleneck, 1, Qt::DashLine));
            if (i != 0) continue;
            // The month over the line; which tiers, the runway table under the chart says.
            auto* text = new QCPItemText(&plot);
            text->setClipAxisRect(rect);
            text->position->setAxes(x, y);
            text->position->setType(QCPItemPosition::ptPlotCoords);
            text->position->setCoords(m, top * 1.11);
            text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
            text->setBrush(Qt::white);
            text->setPadding(QMargins(2, 0, 2, 0));
            text->setFont(tickFont);
            text->setColor(theme.bottleneck);
            text->setText(QString::number(m));
        }
    }
}

}  // namespace sw::views::report
