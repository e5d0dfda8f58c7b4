#include "views/insight/AvailabilityPlot.h"

#include <QLocale>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "planner/AvailabilityMath.h"
#include "views/canvas/Format.h"
#include "views/compare/FigureText.h"
#include "views/theme/PlotTheme.h"

namespace sw::views {

namespace {

QString formatMinutes(double min) { return formatDowntime(min); }

// Downtime axes read as downtime ("30 s", "2.0 h"), nines as plain figures.
class DowntimeTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return formatDowntime(tick); }
};
class NinesTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return formatSmall(tick, 3); }
};

QSharedPointer<QCPAxisTickerText> namesTicker(const std::vector<QString>& names) {
    auto t = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t i = 0; i < names.size(); ++i) t->addTick(static_cast<double>(i), elideMiddle(names[i], 20));
    return t;
}

}  // namespace

AvailabilityPlot::AvailabilityPlot(QWidget* parent) : InsightView(tr("Availability"), parent) {
    QCustomPlot* p = plot();
    p->plotLayout()->clear();
    const QString titles[3] = {tr("Nines per user geography"), tr("Downtime per year caused"), tr("Downtime per month vs budget")};
    QCPBars** bars[3] = {&geoBars_, &partBars_, &budgetBars_};
    for (int i = 0; i < 3; ++i) {
        rects_[i] = new QCPAxisRect(p);
        p->plotLayout()->addElement(0, i, rects_[i]);
        rects_[i]->axis(QCPAxis::atBottom)->setLabel(titles[i]);
        rects_[i]->axis(QCPAxis::atLeft)->setRangeReversed(true);
        rects_[i]->axis(QCPAxis::atLeft)->grid()->setVisible(false);
        rects_[i]->axis(QCPAxis::atLeft)->setTickLength(0, 0);
        *bars[i] = new QCPBars(rects_[i]->axis(QCPAxis::atLeft), rects_[i]->axis(QCPAxis::atBottom));
        (*bars[i])->setWidth(0.6);
        if (i == 0) rects_[i]->axis(QCPAxis::atBottom)->setTicker(QSharedPointer<QCPAxisTicker>(new NinesTicker));
        else rects_[i]->axis(QCPAxis::atBottom)->setTicker(QSharedPointer<QCPAxisTicker>(new DowntimeTicker));
    }
    p->plotLayout()->setColumnStretchFactors({1.0, 1.2, 0.8});
}

void AvailabilityPlot::setAnalysis(const Design& design, const Analysis& analysis) {
    summary_ = analysis.summary.availability;
    // Names by id, once (a design can hold thousands of components).
    std::unordered_map<std::string_view, std::pair<QString, CanvasTarget::Kind>> known;
    for (const Component& c : design.components)
        known.emplace(c.id, std::pair{QString::fromStdString(c.name.empty() ? c.id : c.name), CanvasTarget::Kind::Component});
    for (const Region& r : design.regions)
        known.emplace(r.id, std::pair{tr("region %1").arg(QString::fromStdString(r.name.empty() ? r.id : r.name)), CanvasTarget::Kind::Region});
    for (const Zone& z : design.zones)
        known.emplace(z.id, std::pair{tr("zone %1").arg(QString::fromStdString(z.name.empty() ? z.id : z.name)), CanvasTarget::Kind::Zone});
    auto name = [&](const std::string& id, CanvasTarget::Kind* kind) {
        const auto it = known.find(id);
        *kind = it == known.end() ? CanvasTarget::Kind::None : it->second.second;
        return it == known.end() ? QString::fromStdString(id) : it->second.first;
    };
    geos_.clear();
    for (const GeographyResult& g : analysis.geographies) {
        Row r;
        r.id = g.user_group;
        r.name = name(g.user_group, &r.kind);
        r.availability = g.availability;
        r.nines = nines(g.availability);
        r.downtimeMinPerYear = downtimeMinPerYear(g.availability);
        geos_.push_back(r);
    }
    parts_.clear();
    for (const ImportanceShare& s : summary_.importance_shown) {
        Row r;
        r.id = s.id;
        r.name = name(s.id, &r.kind);
        r.importance = s.importance;
        r.downtimeMinPerYear = s.downtime_min_per_year;
        parts_.push_back(r);
    }
    rebuild();
}

void AvailabilityPlot::rebuild() {
    QCustomPlot* p = plot();
    p->setBackground(plotBackground(theme_));
    for (QCPAxisRect* r : rects_) {
        for (QCPAxis* a : r->axes()) applyAxisTheme(a, theme_, theme_.nodeText);
        r->axis(QCPAxis::atLeft)->grid()->setVisible(false);
    }
    p->clearItems();
    auto fill = [&](QCPBars* bars, const std::vector<Row>& rows, auto value, QColor colour) {
        QVector<double> k, v;
        std::vector<QString> names;
        for (std::size_t i = 0; i < rows.size(); ++i) k << static_cast<double>(i), v << value(rows[i]), names.push_back(rows[i].name);
        bars->setData(k, v, true);
        bars->setBrush(colour);
        bars->setPen(Qt::NoPen);
        QCPAxis* key = bars->keyAxis();
        key->setTicker(namesTicker(names));
        key->setRange(-0.6, std::max<double>(1, static_cast<double>(rows.size())) - 0.4);
        double top = 0;
        for (double x : v) top = std::max(top, std::isfinite(x) ? x : 0.0);
        bars->valueAxis()->setRange(0, top > 0 ? top * 1.75 : 1);   // room for the figures beside the bars
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (highlighted(rows[i].id)) {
                auto* box = new QCPItemRect(p);
                box->setClipAxisRect(bars->keyAxis()->axisRect());
                for (QCPItemPosition* pos : {box->topLeft, box->bottomRight})
                    pos->setAxes(bars->valueAxis(), bars->keyAxis()), pos->setAxisRect(bars->keyAxis()->axisRect());
                box->topLeft->setCoords(0, static_cast<double>(i) - 0.42);
                box->bottomRight->setCoords(bars->valueAxis()->range().upper, static_cast<double>(i) + 0.42);
                box->setPen(QPen(theme_.selection, 2));
            }
    };
    auto label = [&](QCPBars* bars, double key, double value, const QString& text) {
        auto* t = new QCPItemText(p);
        t->setClipAxisRect(bars->keyAxis()->axisRect());
        t->position->setAxes(bars->valueAxis(), bars->keyAxis());
        t->position->setAxisRect(bars->keyAxis()->axisRect());
        t->position->setCoords(std::isfinite(value) ? value : 0, key);
        t->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        t->setPadding(QMargins(4, 0, 0, 0));
        t->setColor(theme_.nodeText);
        t->setText(text);
    };
    fill(geoBars_, geos_, [](const Row& r) { return std::isfinite(r.nines) ? std::min(r.nines, 12.0) : 12.0; }, theme_.accent);
    for (std::size_t i = 0; i < geos_.size(); ++i)
        label(geoBars_, static_cast<double>(i), std::min(geos_[i].nines, 12.0),
              tr("%1 nines · %2/yr").arg(geos_[i].nines, 0, 'f', 1).arg(formatMinutes(geos_[i].downtimeMinPerYear)));
    fill(partBars_, parts_, [](const Row& r) { return r.downtimeMinPerYear; }, theme_.bottleneck);
    for (std::size_t i = 0; i < parts_.size(); ++i) {
        const double share = summary_.downtime_min_per_year > 0 ? parts_[i].downtimeMinPerYear / summary_.downtime_min_per_year : 0;
        label(partBars_, static_cast<double>(i), parts_[i].downtimeMinPerYear,
              QStringLiteral("%1 (%2)").arg(formatMinutes(parts_[i].downtimeMinPerYear), formatPercent(share, 0)));
    }
    std::vector<Row> budget(2);
    budget[0].name = tr("Expected");
    budget[0].downtimeMinPerYear = summary_.downtime_min_per_month;
    budget[1].name = tr("SLO %1").arg(formatAvailability(summary_.slo));
    budget[1].downtimeMinPerYear = summary_.error_budget_min_per_month;
    fill(budgetBars_, budget, [](const Row& r) { return r.downtimeMinPerYear; },
         summary_.budget_used > 1 ? theme_.utilHigh : theme_.utilLow);
    label(budgetBars_, 0, budget[0].downtimeMinPerYear,
          QStringLiteral("%1 (%2 used)").arg(formatMinutes(budget[0].downtimeMinPerYear), formatPercent(summary_.budget_used, 0)));
    label(budgetBars_, 1, budget[1].downtimeMinPerYear, formatMinutes(budget[1].downtimeMinPerYear));
    setCaption(tr("Design %1 (%2 nines, %3 down per year); its expected downtime uses %4 of the error budget (SLO %5: %6 a month).")
                   .arg(formatAvailability(summary_.availability))
                   .arg(summary_.nines, 0, 'f', 1)
                   .arg(formatMinutes(summary_.downtime_min_per_year), formatPercent(summary_.budget_used, 0),
                        formatAvailability(summary_.slo), formatMinutes(summary_.error_budget_min_per_month)) +
               (parts_.empty() ? tr(" No part stands out.") : QString()));
    p->replot(QCustomPlot::rpQueuedReplot);
}

int AvailabilityPlot::rowAt(QCPAxisRect* rect, const QPointF& pixel, int rows) const {
    if (!rect->rect().contains(pixel.toPoint())) return -1;
    const int r = static_cast<int>(std::lround(rect->axis(QCPAxis::atLeft)->pixelToCoord(pixel.y())));
    return r >= 0 && r < rows ? r : -1;
}

QString AvailabilityPlot::tooltipAt(const QPointF& pixel) const {
    if (const int r = rowAt(rects_[0], pixel, static_cast<int>(geos_.size())); r >= 0) {
        const Row& g = geos_[static_cast<std::size_t>(r)];
        return tr("%1\navailability %2 (%3 nines)\ndowntime %4 per year").arg(g.name, formatAvailability(g.availability)).arg(g.nines, 0, 'f', 2).arg(formatMinutes(g.downtimeMinPerYear));
    }
    if (const int r = rowAt(rects_[1], pixel, static_cast<int>(parts_.size())); r >= 0) {
        const Row& g = parts_[static_cast<std::size_t>(r)];
        return tr("%1\ncauses %2 of downtime per year\nBirnbaum importance %3 (A up − A down)")
            .arg(g.name, formatMinutes(g.downtimeMinPerYear), formatSmall(g.importance, 3));
    }
    if (const int r = rowAt(rects_[2], pixel, 2); r >= 0)
        return r == 0 ? tr("Expected downtime %1 per month = (1 − A) × 43,830 min").arg(formatMinutes(summary_.downtime_min_per_month))
                      : tr("Error budget %1 per month = (1 − SLO) × 43,830 min").arg(formatMinutes(summary_.error_budget_min_per_month));
    return {};
}

CanvasTarget AvailabilityPlot::targetAt(const QPointF& pixel) const {
    if (const int r = rowAt(rects_[0], pixel, static_cast<int>(geos_.size())); r >= 0)
        return {geos_[static_cast<std::size_t>(r)].kind, QString::fromStdString(geos_[static_cast<std::size_t>(r)].id)};
    if (const int r = rowAt(rects_[1], pixel, static_cast<int>(parts_.size())); r >= 0)
        return {parts_[static_cast<std::size_t>(r)].kind, QString::fromStdString(parts_[static_cast<std::size_t>(r)].id)};
    return {};
}

}  // namespace sw::views
