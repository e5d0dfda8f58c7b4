#include "views/insight/CostPlot.h"

#include <QLocale>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

#include "views/canvas/Format.h"
#include "views/compare/FigureText.h"
#include "views/theme/PlotTheme.h"

namespace sw::views {

namespace {

struct Category {
    const char* name;
    const char* trace;
    double CostBreakdown::*field;
};
const Category kCategories[] = {
    {QT_TRANSLATE_NOOP("CostPlot", "Compute"), "cost.compute_usd", &CostBreakdown::compute},
    {QT_TRANSLATE_NOOP("CostPlot", "Storage"), "cost.storage_usd", &CostBreakdown::storage},
    {QT_TRANSLATE_NOOP("CostPlot", "Egress"), "cost.egress_usd", &CostBreakdown::egress},
    {QT_TRANSLATE_NOOP("CostPlot", "CDN"), "cost.cdn_usd", &CostBreakdown::cdn},
    {QT_TRANSLATE_NOOP("CostPlot", "Cross-region"), "cost.cross_region_usd", &CostBreakdown::cross_region},
    {QT_TRANSLATE_NOOP("CostPlot", "Cross-zone"), "cost.cross_zone_usd", &CostBreakdown::cross_zone},
    {QT_TRANSLATE_NOOP("CostPlot", "Managed"), "cost.managed_usd", &CostBreakdown::managed},
};
constexpr double kCategoryKey = 1, kRegionKey = 0;

QColor categoryColour(int i, const Theme& t) {
    static const char* light[] = {"#2f6fed", "#8b5cf6", "#d97706", "#0891b2", "#dc2626", "#f59e0b", "#64748b"};
    static const char* dark[] = {"#5b8cff", "#a78bfa", "#fbbf24", "#22d3ee", "#f87171", "#fcd34d", "#94a3b8"};
    return QColor((t.dark ? dark : light)[i % 7]);
}
QColor regionColour(int i, const Theme& t) {
    static const char* light[] = {"#0f766e", "#15803d", "#4d7c0f", "#0e7490", "#047857", "#65a30d"};
    static const char* dark[] = {"#2dd4bf", "#4ade80", "#a3e635", "#22d3ee", "#34d399", "#bef264"};
    return QColor((t.dark ? dark : light)[i % 6]);
}

// Cents matter per user: "$0.0047" rather than "$0.00" (and never "1.2e-05").
QString smallMoney(double usd) { return formatSmallMoney(usd); }

class MoneyTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return formatMoney(tick); }
};

}  // namespace

CostPlot::CostPlot(QWidget* parent) : InsightView(tr("Cost"), parent) {
    QCustomPlot* p = plot();
    p->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new MoneyTicker));
    p->xAxis->setLabel(tr("USD per month"));
    auto yt = QSharedPointer<QCPAxisTickerText>::create();
    yt->addTick(kCategoryKey, tr("By category"));
    yt->addTick(kRegionKey, tr("By region"));
    p->yAxis->setTicker(yt);
    p->yAxis->setRange(-0.6, 1.6);
    p->yAxis->grid()->setVisible(false);
    p->yAxis->setTickLength(0, 0);
    QCPBars* below = nullptr;
    for (const Category& c : kCategories) {
        auto* b = new QCPBars(p->yAxis, p->xAxis);
        b->setName(tr(c.name));
        b->setWidth(0.62);
        if (below) b->moveAbove(below);
        below = b;
        categories_.push_back(b);
    }
    // The legend under the bars, in rows: the categories and their figures.
    p->legend->setVisible(true);
    p->axisRect()->insetLayout()->take(p->legend);
    auto* row = new QCPLayoutGrid;
    p->plotLayout()->addElement(1, 0, row);
    row->addElement(0, 0, p->legend);
    p->plotLayout()->setRowStretchFactor(1, 0.001);
    p->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    p->legend->setWrap(4);
    p->legend->setBorderPen(Qt::NoPen);
    p->legend->setBrush(Qt::NoBrush);
}

void CostPlot::setAnalysis(const Design& design, const Analysis& analysis) {
    cost_ = analysis.cost;
    traces_.clear();
    for (const Trace& t : analysis.explain)
        if (t.quantity.rfind("cost.", 0) == 0) traces_[t.quantity] = t;
    names_.clear();
    regionOfComponent_.clear();
    for (const Region& r : design.regions) names_[r.id] = QString::fromStdString(r.name.empty() ? r.id : r.name);
    componentCosts_.clear();
    for (std::size_t i = 0; i < design.components.size() && i < analysis.components.size(); ++i) {
        const Component& c = design.components[i];
        names_[c.id] = QString::fromStdString(c.name.empty() ? c.id : c.name);
        regionOfComponent_[c.id] = analysis.components[i].region;
        if (analysis.components[i].cost_per_month_usd > 0) componentCosts_.emplace_back(analysis.components[i].cost_per_month_usd, c.id);
    }
    std::sort(componentCosts_.begin(), componentCosts_.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    rebuild();
}

void CostPlot::rebuild() {
    QCustomPlot* p = plot();
    applyPlotTheme(p, theme_);
    p->yAxis->grid()->setVisible(false);
    p->legend->setTextColor(theme_.nodeText);
    // Which regions are selected, directly or through a selected component.
    std::set<std::string> selectedRegions;
    for (const std::string& id : highlight()) {
        selectedRegions.insert(id);
        if (const auto it = regionOfComponent_.find(id); it != regionOfComponent_.end()) selectedRegions.insert(it->second);
    }
    for (std::size_t i = 0; i < categories_.size(); ++i) {
        const double v = cost_.*(kCategories[i].field);
        categories_[i]->setData(QVector<double>{kCategoryKey}, QVector<double>{v}, true);
        categories_[i]->setBrush(categoryColour(static_cast<int>(i), theme_));
        categories_[i]->setPen(QPen(plotBackground(theme_), 1));
        categories_[i]->setName(QStringLiteral("%1 %2").arg(tr(kCategories[i].name), formatMoney(v)));
    }
    for (QCPBars* b : regionBars_) p->removePlottable(b);
    regionBars_.clear();
    regionIds_.clear();
    QCPBars* below = nullptr;
    for (std::size_t i = 0; i < cost_.by_region.size(); ++i) {
        const auto& [id, usd] = cost_.by_region[i];
        auto* b = new QCPBars(p->yAxis, p->xAxis);
        b->setWidth(0.62);
        if (below) b->moveAbove(below);
        below = b;
        b->setData(QVector<double>{kRegionKey}, QVector<double>{usd}, true);
        b->setBrush(regionColour(static_cast<int>(i), theme_));
        const bool hl = selectedRegions.count(id) > 0;
        b->setPen(hl ? QPen(theme_.selection, 3) : QPen(plotBackground(theme_), 1));
        b->setName(id.empty() ? tr("Global") : names_[id]);
        b->removeFromLegend();
        regionBars_.push_back(b);
        regionIds_.push_back(id);
    }
    p->xAxis->setRange(0, std::max(1.0, cost_.total) * 1.04);
    // Names inside the parts wide enough to hold them.
    p->clearItems();
    auto labelIn = [&](double from, double usd, double key, const QString& name) {
        const double w = std::abs(p->xAxis->coordToPixel(from + usd) - p->xAxis->coordToPixel(from));
        const QString text = QStringLiteral("%1 %2").arg(name, formatMoney(usd));
        if (w < QFontMetrics(p->font()).horizontalAdvance(text) + 10) return;
        auto* t = new QCPItemText(p);
        t->position->setAxes(p->xAxis, p->yAxis);
        t->position->setCoords(from + usd / 2, key);
        t->setText(text);
        t->setColor(QColor("#ffffff"));
        t->setClipToAxisRect(true);
    };
    double x = 0;
    for (std::size_t i = 0; i < categories_.size(); ++i) {
        const double v = cost_.*(kCategories[i].field);
        labelIn(x, v, kCategoryKey, tr(kCategories[i].name));
        x += v;
    }
    x = 0;
    for (std::size_t i = 0; i < cost_.by_region.size(); ++i) {
        labelIn(x, cost_.by_region[i].second, kRegionKey, regionBars_[i]->name());
        x += cost_.by_region[i].second;
    }
    QString caption = tr("%1 per month · %2 per million requests · %3 per user per month")
                          .arg(formatMoney(cost_.total), smallMoney(cost_.per_million_requests), smallMoney(cost_.per_user));
    for (const std::string& id : highlight())
        for (const auto& [usd, cid] : componentCosts_)
            if (cid == id && cost_.total > 0)
                caption += tr(" · selected %1: %2 (%3)").arg(names_[id], formatMoney(usd), formatPercent(usd / cost_.total, 1));
    setCaption(caption);
    p->replot(QCustomPlot::rpQueuedReplot);
}

QCPBars* CostPlot::barAt(const QPointF& pixel) const {
    for (QCPBars* b : categories_)
        if (b->selectTest(pixel, false) >= 0) return b;
    for (QCPBars* b : regionBars_)
        if (b->selectTest(pixel, false) >= 0) return b;
    return nullptr;
}

QString CostPlot::tooltipAt(const QPointF& pixel) const {
    QCPBars* b = barAt(pixel);
    if (!b) return {};
    const double total = cost_.total > 0 ? cost_.total : 1;
    for (std::size_t i = 0; i < categories_.size(); ++i)
        if (categories_[i] == b) {
            const double v = cost_.*(kCategories[i].field);
            QString tip = tr("%1: %2 per month (%3 of the total)").arg(tr(kCategories[i].name), QStringLiteral("$") + formatGrouped(v, 2), formatPercent(v / total, 1));
            if (const auto it = traces_.find(kCategories[i].trace); it != traces_.end())
                tip += tr("\n%1\ninputs: %2").arg(QString::fromStdString(it->second.formula), QString::fromStdString(it->second.inputs));
            return tip;
        }
    for (std::size_t i = 0; i < regionBars_.size(); ++i)
        if (regionBars_[i] == b) {
            const std::string& id = regionIds_[i];
            const double v = cost_.by_region[i].second;
            QString tip = tr("%1: %2 per month (%3 of the total)\nsum of its components' compute, storage, transfer and fees")
                              .arg(b->name(), QStringLiteral("$") + formatGrouped(v, 2), formatPercent(v / total, 1));
            int shown = 0;
            for (const auto& [usd, cid] : componentCosts_) {
                const auto it = regionOfComponent_.find(cid);
                if (it == regionOfComponent_.end() || it->second != id) continue;
                tip += QStringLiteral("\n  %1 %2").arg(elideMiddle(names_.at(cid), 30), formatMoney(usd));
                if (++shown == 4) break;
            }
            return tip;
        }
    return {};
}

CanvasTarget CostPlot::targetAt(const QPointF& pixel) const {
    QCPBars* b = barAt(pixel);
    for (std::size_t i = 0; i < regionBars_.size(); ++i)
        if (regionBars_[i] == b && !regionIds_[i].empty()) return {CanvasTarget::Kind::Region, QString::fromStdString(regionIds_[i])};
    // A category: its largest component would be a guess; leave the canvas alone.
    return {};
}

}  // namespace sw::views
