#include "views/walkthrough/WalkthroughChart.h"
#include "views/theme/PlotTheme.h"

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace sw::views {

namespace {

class ShortNumberTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar, int) override {
        const double a = std::abs(tick);
        if (a >= 1e12) return locale.toString(tick / 1e12, 'g', 3) + QStringLiteral(" T");
        if (a >= 1e9) return locale.toString(tick / 1e9, 'g', 3) + QStringLiteral(" G");
        if (a >= 1e6) return locale.toString(tick / 1e6, 'g', 3) + QStringLiteral(" M");
        if (a >= 1e3) return locale.toString(tick / 1e3, 'g', 3) + QStringLiteral(" k");
        return locale.toString(tick, 'g', 3);
    }
};

void styleAxis(QCPAxis* a, const Theme& t) {
    applyAxisTheme(a, t, t.nodeMuted);
    a->grid()->setSubGridVisible(false);
}

}  // namespace

QColor WalkthroughChart::stageColor(int number, bool dark) {
    // Twelve hues around the wheel, soft enough to read lines over them.
    const int hue = (number - 1) * 360 / kStageCount;
    return QColor::fromHsv(hue, dark ? 120 : 70, dark ? 110 : 245, dark ? 150 : 190);
}

void drawWalkTimeline(QCustomPlot* plot, const Walkthrough& walk, const Theme& t) {
    plot->clearItems();
    plot->clearGraphs();
    plot->setBackground(t.dark ? QColor(0x1f, 0x23, 0x2a) : QColor(Qt::white));
    QCPAxisRect* r = plot->axisRect();
    QCPAxis* x = r->axis(QCPAxis::atBottom);
    QCPAxis* users = r->axis(QCPAxis::atLeft);
    QCPAxis* cost = r->axis(QCPAxis::atRight);
    cost->setVisible(true);
    for (QCPAxis* a : {x, users, cost}) styleAxis(a, t);
    x->setLabel(QObject::tr("month"));
    users->setLabel(QObject::tr("users"));
    cost->setLabel(QObject::tr("USD / month"));
    for (QCPAxis* a : {users, cost}) {
        a->setScaleType(QCPAxis::stLogarithmic);
        a->setTicker(QSharedPointer<QCPAxisTicker>(new ShortNumberTicker));
    }
    const int n = static_cast<int>(walk.users_by_month.size());
    x->setRange(0, std::max(1, n - 1));

    for (const WalkStage& s : walk.stages) {
        auto* band = new QCPItemRect(plot);
        band->setClipAxisRect(r);
        for (QCPItemPosition* p : {band->topLeft, band->bottomRight}) {
            p->setAxes(x, users);
            p->setTypeX(QCPItemPosition::ptPlotCoords);
            p->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        band->topLeft->setCoords(s.from_month, 0);
        band->bottomRight->setCoords(std::max(s.to_month, s.from_month), 1);
        band->setPen(Qt::NoPen);
        band->setBrush(WalkthroughChart::stageColor(s.stage, t.dark));
        band->setLayer(QStringLiteral("background"));
        auto* label = new QCPItemText(plot);
        label->setClipAxisRect(r);
        label->position->setAxes(x, users);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords((s.from_month + s.to_month) / 2.0, 0.02);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
        label->setText(QString::number(s.stage));
        label->setColor(t.nodeText);
        QFont f = label->font();
        f.setBold(true);
        label->setFont(f);
        if (s.trigger) {
            auto* line = new QCPItemStraightLine(plot);
            line->setClipAxisRect(r);
            for (QCPItemPosition* p : {line->point1, line->point2}) {
                p->setAxes(x, users);
                p->setTypeX(QCPItemPosition::ptPlotCoords);
                p->setTypeY(QCPItemPosition::ptAxisRectRatio);
            }
            line->point1->setCoords(s.trigger->month, 0);
            line->point2->setCoords(s.trigger->month, 1);
            line->setPen(QPen(t.bottleneck, 1.5, Qt::DashLine));
        }
    }
    QVector<double> months(n), u(n), c(n);
    for (int i = 0; i < n; ++i) {
        months[i] = i;
        u[i] = std::max(walk.users_by_month[static_cast<std::size_t>(i)], 1.0);
        c[i] = std::max(walk.cost_by_month[static_cast<std::size_t>(i)], 1.0);
    }
    QCPGraph* gu = plot->addGraph(x, users);
    gu->setName(QObject::tr("users"));
    gu->setPen(QPen(t.accent, 2.2));
    gu->setData(months, u, true);
    QCPGraph* gc = plot->addGraph(x, cost);
    gc->setName(QObject::tr("cost / month"));
    gc->setPen(QPen(t.dark ? QColor(0xf0, 0xb4, 0x5a) : QColor(0xc0, 0x6a, 0x00), 2.2, Qt::SolidLine));
    gc->setData(months, c, true);
    gc->setLineStyle(QCPGraph::lsStepLeft);
    if (n > 0) {
        users->setRange(*std::min_element(u.begin(), u.end()) / 1.5, *std::max_element(u.begin(), u.end()) * 1.5);
        cost->setRange(*std::min_element(c.begin(), c.end()) / 1.5, *std::max_element(c.begin(), c.end()) * 1.5);
    }
    plot->legend->setVisible(true);
    plot->legend->setBrush(t.dark ? QColor(0x1f, 0x23, 0x2a, 220) : QColor(255, 255, 255, 220));
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setTextColor(t.nodeText);
    r->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
}

WalkthroughChart::WalkthroughChart(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setAntialiasedElements(QCP::aePlottables);
    plot_->setMinimumHeight(150);
    connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
        const double m = plot_->xAxis->pixelToCoord(e->pos().x());
        if (!walk_.users_by_month.empty())
            emit monthClicked(std::clamp(static_cast<int>(std::lround(m)), 0, static_cast<int>(walk_.users_by_month.size()) - 1));
    });
}

void WalkthroughChart::setWalk(const Walkthrough& walk) {
    walk_ = walk;
    rebuild();
}

void WalkthroughChart::setTheme(const Theme& theme) {
    theme_ = theme;
    rebuild();
}

void WalkthroughChart::rebuild() {
    drawWalkTimeline(plot_, walk_, theme_);
    cursor_ = new QCPItemStraightLine(plot_);
    cursor_->setClipAxisRect(plot_->axisRect());
    for (QCPItemPosition* p : {cursor_->point1, cursor_->point2}) {
        p->setAxes(plot_->xAxis, plot_->yAxis);
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    cursor_->setPen(QPen(theme_.nodeText, 2));
    setMonth(month_);
}

void WalkthroughChart::setMonth(int month) {
    month_ = month;
    if (cursor_) {
        cursor_->point1->setCoords(month, 0);
        cursor_->point2->setCoords(month, 1);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace sw::views
