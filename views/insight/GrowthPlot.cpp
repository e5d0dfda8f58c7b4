#include "views/insight/GrowthPlot.h"

#include <QLocale>

#include <qcustomplot.h>

#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QPushButton>

#include <algorithm>
#include <cmath>

#include "planner/AnalysisJson.h"
#include "views/canvas/Format.h"
#include "views/compare/FigureText.h"
#include "views/theme/PlotTheme.h"

namespace sw::views {

namespace {

class CountTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return formatCount(tick); }
};
class CountLogTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return formatCount(tick); }
};
class MoneyTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return formatMoney(tick); }
};
class MoneyLogTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return formatMoney(tick); }
};

QColor seriesColour(int i, const Theme& t) {
    static const char* light[] = {"#2f6fed", "#059669", "#d97706"};
    static const char* dark[] = {"#5b8cff", "#34d399", "#fbbf24"};
    return QColor((t.dark ? dark : light)[i]);
}

}  // namespace

GrowthPlot::GrowthPlot(QWidget* parent)
    : InsightView(tr("Growth"), parent), log_(new QCheckBox(tr("Log scale"), this)), csvButton_(new QPushButton(tr("Export CSV…"), this)) {
    toolbar()->addWidget(log_);
    toolbar()->addWidget(csvButton_);
    QCustomPlot* p = plot();
    p->plotLayout()->clear();
    auto* group = new QCPMarginGroup(p);
    const QString labels[3] = {tr("Users"), tr("Peak rps"), tr("Cost / month")};
    for (int i = 0; i < 3; ++i) {
        rects_[i] = new QCPAxisRect(p);
        p->plotLayout()->addElement(i, 0, rects_[i]);
        rects_[i]->setMarginGroup(QCP::msLeft | QCP::msRight, group);
        rects_[i]->axis(QCPAxis::atLeft)->setLabel(labels[i]);
        rects_[i]->axis(QCPAxis::atBottom)->setTickLabels(i == 2);
        rects_[i]->setRangeDrag(Qt::Orientations());
        graphs_[i] = p->addGraph(rects_[i]->axis(QCPAxis::atBottom), rects_[i]->axis(QCPAxis::atLeft));
        graphs_[i]->setName(labels[i]);
    }
    rects_[2]->axis(QCPAxis::atBottom)->setLabel(tr("Month"));
    p->plotLayout()->setRowSpacing(2);
    connect(log_, &QCheckBox::toggled, this, [this] { rebuild(); });
    connect(csvButton_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export growth projection"), QStringLiteral("growth.csv"),
                                                          tr("CSV files (*.csv)"));
        QString why;
        if (!path.isEmpty() && !exportCsv(path, &why)) setCaption(why);
    });
    setMinimumHeight(240);
}

void GrowthPlot::setAnalysis(const Design& design, const Analysis&, const Result<Projection>& projection) {
    names_.clear();
    for (const Component& c : design.components) names_[c.id] = QString::fromStdString(c.name.empty() ? c.id : c.name);
    error_ = projection ? QString() : QString::fromStdString(projection.error());
    projection_ = projection ? projection.value() : Projection{};
    marks_.clear();
    firstTier_.clear();
    const int horizon = projection_.months.empty() ? 0 : projection_.months.back().month;
    for (const TierRunway& t : projection_.runway) {
        if (t.runout_month < 0 || t.runout_month > horizon) continue;
        marks_[t.runout_month] << names_[t.id];
        firstTier_.emplace(t.runout_month, t.id);
    }
    rebuild();
}

QString GrowthPlot::csv() const { return QString::fromStdString(projectionToCsv(projection_)); }

bool GrowthPlot::exportCsv(const QString& path, QString* error) const {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error) *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(csv().toUtf8());
    return true;
}

void GrowthPlot::rebuild() {
    QCustomPlot* p = plot();
    p->setBackground(plotBackground(theme_));
    QVector<double> m, series[3];
    for (const ProjectionMonth& pm : projection_.months) {
        m << pm.month;
        series[0] << pm.users;
        series[1] << pm.peak_rps;
        series[2] << pm.cost_per_month_usd;
    }
    const bool log = log_->isChecked();
    p->clearItems();
    for (int i = 0; i < 3; ++i) {
        QCPAxis* x = rects_[i]->axis(QCPAxis::atBottom);
        QCPAxis* y = rects_[i]->axis(QCPAxis::atLeft);
        for (QCPAxis* a : rects_[i]->axes()) applyAxisTheme(a, theme_, theme_.nodeText);
        graphs_[i]->setData(m, series[i], true);
        graphs_[i]->setPen(QPen(seriesColour(i, theme_), 2.2));
        graphs_[i]->setBrush(QColor(seriesColour(i, theme_).red(), seriesColour(i, theme_).green(), seriesColour(i, theme_).blue(), 28));
        y->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (i == 2) y->setTicker(log ? QSharedPointer<QCPAxisTicker>(new MoneyLogTicker) : QSharedPointer<QCPAxisTicker>(new MoneyTicker));
        else y->setTicker(log ? QSharedPointer<QCPAxisTicker>(new CountLogTicker) : QSharedPointer<QCPAxisTicker>(new CountTicker));
        x->setRange(0, m.isEmpty() ? 1 : m.back());
        graphs_[i]->rescaleValueAxis(false, true);
        const QCPRange r = y->range();
        if (log) y->setRange(std::max(r.lower / 1.4, 1e-3), r.upper * 1.4);
        else y->setRange(0, r.upper * 1.12 + 1e-9);
        graphs_[i]->setBrush(log ? QBrush(Qt::NoBrush) : graphs_[i]->brush());
        // The runway: one dashed line per month a tier runs out, in every panel.
        for (const auto& [month, tiers] : marks_) {
            auto* line = new QCPItemStraightLine(p);
            line->setClipAxisRect(rects_[i]);
            for (QCPItemPosition* pos : {line->point1, line->point2}) pos->setAxes(x, y), pos->setAxisRect(rects_[i]);
            line->point1->setCoords(month, y->range().lower);
            line->point2->setCoords(month, y->range().upper);
            line->setPen(QPen(theme_.utilHigh, 1.4, Qt::DashLine));
        }
    }
    // Each runway line labelled along itself (vertical text), so months a
    // few apart do not write over each other; the tooltip lists every tier.
    QFont small = p->font();
    small.setPointSizeF(7.5);
    for (const auto& [month, tiers] : marks_) {
        auto* label = new QCPItemText(p);
        label->setClipAxisRect(rects_[0]);
        label->position->setAxes(rects_[0]->axis(QCPAxis::atBottom), rects_[0]->axis(QCPAxis::atLeft));
        label->position->setAxisRect(rects_[0]);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(month, 0.02);
        label->setRotation(-90);
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        label->setPadding(QMargins(2, 0, 2, 1));
        label->setFont(small);
        label->setColor(theme_.utilHigh);
        const QString who = tiers.size() == 1 ? tiers[0] : tr("%1 +%2").arg(elideMiddle(tiers[0], 14)).arg(tiers.size() - 1);
        label->setText(tr("m%1 %2").arg(month).arg(elideMiddle(who, 20)));
    }
    if (!error_.isEmpty()) setCaption(tr("No projection: %1").arg(error_));
    else if (projection_.months.empty()) setCaption(tr("No projection yet."));
    else {
        const ProjectionMonth& last = projection_.months.back();
        setCaption(tr("%1 growth over %2 months: %3 → %4 users, %5 → %6 per month. %7")
                       .arg(QString::fromStdString(projection_.model))
                       .arg(last.month)
                       .arg(formatCount(projection_.months.front().users), formatCount(last.users),
                            formatMoney(projection_.months.front().cost_per_month_usd), formatMoney(last.cost_per_month_usd))
                       .arg(marks_.empty() ? tr("No tier runs out of runway within the horizon.")
                                           : tr("%n tier(s) run out of runway (dashed).", nullptr,
                                                static_cast<int>(std::count_if(projection_.runway.begin(), projection_.runway.end(),
                                                                               [&](const TierRunway& t) { return t.runout_month >= 0 && t.runout_month <= last.month; })))));
    }
    p->replot(QCustomPlot::rpQueuedReplot);
}

int GrowthPlot::monthAt(const QPointF& pixel) const {
    for (QCPAxisRect* r : rects_)
        if (r->rect().contains(pixel.toPoint())) {
            const int month = static_cast<int>(std::lround(r->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x())));
            if (month >= 0 && month < static_cast<int>(projection_.months.size())) return month;
        }
    return -1;
}

QString GrowthPlot::tooltipAt(const QPointF& pixel) const {
    const int month = monthAt(pixel);
    if (month < 0) return {};
    const ProjectionMonth& pm = projection_.months[static_cast<std::size_t>(month)];
    QString tip = tr("Month %1\nusers %2\npeak %3 rps\ncost %4 / month")
                      .arg(month)
                      .arg(formatGrouped(std::round(pm.users), 0), formatGrouped(pm.peak_rps, 1),
                           QStringLiteral("$") + formatGrouped(pm.cost_per_month_usd, 2));
    if (const auto it = marks_.find(month); it != marks_.end())
        tip += tr("\nout of runway: %1").arg(elideMiddle(it->second.join(QStringLiteral(", ")), 80));
    return tip;
}

CanvasTarget GrowthPlot::targetAt(const QPointF& pixel) const {
    const int month = monthAt(pixel);
    if (const auto it = firstTier_.find(month); it != firstTier_.end())
        return {CanvasTarget::Kind::Component, QString::fromStdString(it->second)};
    return {};
}

}  // namespace sw::views
