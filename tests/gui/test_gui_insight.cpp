// The insight views read back: each chart's plottables hold the engine's
// numbers for two samples, the heatmap's cells equal `analyze --json`'s
// matrix, the world map draws a region where the projection puts it, and
// clicks on a cell or a bar select on the canvas (and the other way round).
#include <QDockWidget>
#include <QLabel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

#include <qcustomplot.h>

#include "GuiFixture.h"
#include "app/gui/FileController.h"
#include "app/gui/InsightController.h"
#include "model/Catalogue.h"
#include "model/JsonFormat.h"
#include "planner/Analysis.h"
#include "planner/AnalysisJson.h"
#include "planner/AvailabilityMath.h"
#include "planner/Growth.h"
#include "planner/LatencyMap.h"
#include "planner/ReplicationCurve.h"
#include "tests/support/RunScalewright.h"
#include "views/canvas/Format.h"
#include "views/insight/AvailabilityPlot.h"
#include "views/insight/CostPlot.h"
#include "views/insight/GrowthPlot.h"
#include "views/insight/LatencyHeatmap.h"
#include "views/insight/ReplicationPlot.h"
#include "views/insight/WorldMap.h"
#include "views/views.h"

using namespace sw;

namespace {

const char* kSamples[] = {"planet-scale-3-region.json", "social-feed-read-heavy.json"};

Design sample(const char* name) {
    auto p = readProjectJsonFile(std::string(SW_SAMPLES_DIR "/") + name);
    return p ? p.value().variants.front() : Design{};
}

bool near(double a, double b, double rel = 1e-9) { return std::abs(a - b) <= rel * std::max(1.0, std::abs(b)); }

double value(const QCPBars* b, int i = 0) { return (b->data()->constBegin() + i)->value; }

void click(QWidget* w, const QPointF& at) {
    testing::sendMouse(w, QEvent::MouseButtonPress, at.toPoint(), Qt::LeftButton, Qt::LeftButton);
    testing::sendMouse(w, QEvent::MouseButtonRelease, at.toPoint(), Qt::LeftButton, Qt::NoButton);
}

}  // namespace

class TestGuiInsight : public QObject {
    Q_OBJECT
private slots:
    void heatmapCellsEqualAnalyzeJson() {
        const QString file = QStringLiteral(SW_SAMPLES_DIR "/planet-scale-3-region.json");
        const testing::Run r = testing::runScalewright({"analyze", file, "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject lat = QJsonDocument::fromJson(r.out).object()["latency"].toObject();
        const QJsonArray regions = lat["modelled_rtt_ms"].toArray(), users = lat["user_rtt_ms"].toArray();
        QCOMPARE(regions.size(), 3);
        QCOMPARE(users.size(), 7);
        const Design d = sample(kSamples[0]);
        views::LatencyHeatmap h;
        h.setAnalysis(d, analyzeLive(d));
        QCOMPARE(h.columnCount(), 3);
        QCOMPARE(h.rowCount(), 3 + 7);
        QCPColorMapData* cells = h.colorMap()->data();
        int compared = 0;
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) {
                if (i == j) {
                    QVERIFY(std::isnan(cells->cell(j, i)));   // one region: no figure drawn
                    continue;
                }
                QVERIFY(near(cells->cell(j, i), regions[i].toArray()[j].toDouble(), 1e-12));
                ++compared;
            }
        for (int u = 0; u < 7; ++u) {
            QCOMPARE(h.rowId(3 + u), lat["user_groups"].toArray()[u].toString());
            for (int j = 0; j < 3; ++j, ++compared) QVERIFY(near(cells->cell(j, 3 + u), users[u].toArray()[j].toDouble(), 1e-12));
        }
        QCOMPARE(compared, 6 + 21);
        // A round trip is the same both ways.
        QVERIFY(near(cells->cell(1, 0), cells->cell(0, 1)));
    }

    void chartsHoldTheEngineFigures_data() {
        QTest::addColumn<QString>("file");
        for (const char* s : kSamples) QTest::newRow(s) << QString::fromLatin1(s);
    }
    void chartsHoldTheEngineFigures() {
        QFETCH(QString, file);
        const Design d = sample(file.toLatin1().constData());
        QVERIFY(!d.components.empty());
        const Analysis a = analyzeLive(d);

        views::CostPlot cost;
        cost.setAnalysis(d, a);
        const double categories[] = {a.cost.compute, a.cost.storage, a.cost.egress, a.cost.cdn,
                                     a.cost.cross_region, a.cost.cross_zone, a.cost.managed};
        QCOMPARE(cost.categoryBars().size(), std::size_t{7});
        double sum = 0;
        for (int i = 0; i < 7; ++i) {
            QVERIFY(near(value(cost.categoryBars()[static_cast<std::size_t>(i)]), categories[i]));
            sum += value(cost.categoryBars()[static_cast<std::size_t>(i)]);
        }
        QVERIFY(near(sum, a.cost.total, 1e-9));   // the stacked bar ends at the design's total
        QCOMPARE(cost.regionBars().size(), a.cost.by_region.size());
        for (std::size_t i = 0; i < a.cost.by_region.size(); ++i) {
            QCOMPARE(cost.regionIds()[i], a.cost.by_region[i].first);
            QVERIFY(near(value(cost.regionBars()[i]), a.cost.by_region[i].second));
        }
        QVERIFY(cost.captionLabel()->text().contains(views::formatMoney(a.cost.per_million_requests)));

        views::AvailabilityPlot avail;
        avail.setAnalysis(d, a);
        QCOMPARE(avail.geographyBars()->data()->size(), static_cast<int>(a.geographies.size()));
        for (std::size_t i = 0; i < a.geographies.size(); ++i)
            QVERIFY(near(value(avail.geographyBars(), static_cast<int>(i)), std::min(12.0, nines(a.geographies[i].availability))));
        const auto& shown = a.summary.availability.importance_shown;
        QCOMPARE(avail.partBars()->data()->size(), static_cast<int>(shown.size()));
        for (std::size_t i = 0; i < shown.size(); ++i)
            QVERIFY(near(value(avail.partBars(), static_cast<int>(i)), shown[i].downtime_min_per_year));
        QVERIFY(near(value(avail.budgetBars(), 0), a.summary.availability.downtime_min_per_month));
        QVERIFY(near(value(avail.budgetBars(), 1), a.summary.availability.error_budget_min_per_month));

        views::ReplicationPlot repl;
        repl.setAnalysis(d, a);
        QVERIFY(!repl.shownLinks().empty());
        for (std::size_t k = 0; k < repl.shownLinks().size(); ++k) {
            const ReplicationResult& r = a.replication[repl.shownLinks()[k]];
            const std::vector<LagPoint> curve = lagCurve(r);
            QCOMPARE(repl.curve(k)->data()->size(), static_cast<int>(curve.size()));
            auto it = repl.curve(k)->data()->constBegin();
            for (const LagPoint& p : curve) {
                QVERIFY(near(it->key, p.write_rps));
                QVERIFY(near(it->value, p.lag_ms));
                ++it;
            }
            // The curve ends short of the divergence rate, where the lag is finite.
            QVERIFY((repl.curve(k)->data()->constEnd() - 1)->key < r.saturating_write_rps);
            if (!r.unbounded) {
                QCOMPARE(repl.currentPoint(k)->data()->size(), 1);
                QVERIFY(near(repl.currentPoint(k)->data()->constBegin()->key, r.write_rps));
                QVERIFY(near(repl.currentPoint(k)->data()->constBegin()->value, std::max(r.lag_ms, 1e-3)));
            }
        }

        const Result<Projection> pr = project(d, kMaxProjectionMonths);
        QVERIFY(pr.ok());
        views::GrowthPlot growth;
        growth.setAnalysis(d, a, pr);
        QCOMPARE(growth.usersGraph()->data()->size(), 61);
        for (int m = 0; m <= 60; m += 12) {
            const ProjectionMonth& pm = pr.value().months[static_cast<std::size_t>(m)];
            QVERIFY(near((growth.usersGraph()->data()->constBegin() + m)->value, pm.users));
            QVERIFY(near((growth.rpsGraph()->data()->constBegin() + m)->value, pm.peak_rps));
            QVERIFY(near((growth.costGraph()->data()->constBegin() + m)->value, pm.cost_per_month_usd));
        }
        // Three quantities, three value axes.
        QVERIFY(growth.usersGraph()->valueAxis() != growth.rpsGraph()->valueAxis());
        QVERIFY(growth.rpsGraph()->valueAxis() != growth.costGraph()->valueAxis());
        for (const TierRunway& t : pr.value().runway)
            if (t.runout_month >= 0 && t.runout_month <= 60) QVERIFY(growth.runwayMarks().count(t.runout_month));
        QCOMPARE(growth.csv(), QString::fromStdString(projectionToCsv(pr.value())));

        views::WorldMap map;
        map.setAnalysis(d, a);
        QCOMPARE(map.regionGraph()->data()->size(), static_cast<int>(d.regions.size()));
        for (std::size_t i = 0; i < d.regions.size(); ++i) {
            // The region's own coordinates, or its catalogue metro when it has none.
            double latitude = d.regions[i].params.latitude, longitude = d.regions[i].params.longitude;
            if (latitude == 0 && longitude == 0)
                if (const CloudRegion* cr = defaultCatalogue().findRegion(d.regions[i].code))
                    latitude = cr->latitude, longitude = cr->longitude;
            const auto it = std::find_if(map.regionGraph()->data()->constBegin(), map.regionGraph()->data()->constEnd(),
                                         [&](const QCPGraphData& g) { return near(g.key, longitude) && near(g.value, latitude); });
            QVERIFY(it != map.regionGraph()->data()->constEnd());
        }
    }

    void worldMapPlacesARegionByTheProjection() {
        // One region in Dublin (53.35 N, 6.26 W). The map keeps one degree of
        // longitude as wide as one of latitude and fits 360 x 140 degrees
        // (58 S to 82 N) into its plot area, centred.
        Design d;
        Region r;
        r.id = "dub";
        r.name = "Dublin";
        r.params.latitude = 53.35;
        r.params.longitude = -6.26;
        d.regions.push_back(r);
        views::WorldMap map;
        map.resize(912, 420);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        map.setAnalysis(d, analyzeLive(d));
        QApplication::processEvents();
        QCustomPlot* p = map.plot();
        p->replot();
        QVERIFY(p->width() > 800);
        const QRect area = p->axisRect()->rect();
        const double perDeg = std::min(area.width() / 360.0, area.height() / 140.0);
        // QCustomPlot counts a vertical axis up from the rect's bottom pixel row.
        const double cx = area.left() + area.width() / 2.0, cy = area.bottom() - area.height() / 2.0;
        const QPointF expected(cx + -6.26 * perDeg, cy - (53.35 - 12) * perDeg);
        const QPointF drawn = map.pixelOf(53.35, -6.26);
        QVERIFY2(std::abs(drawn.x() - expected.x()) < 1.0 && std::abs(drawn.y() - expected.y()) < 1.0,
                 qPrintable(QStringLiteral("drawn at %1,%2, expected %3,%4").arg(drawn.x()).arg(drawn.y()).arg(expected.x()).arg(expected.y())));
        // And the marker is there in the picture: the region's fill colour.
        const QImage img = p->toPixmap(p->width(), p->height(), 1.0).toImage();
        if (qEnvironmentVariableIsSet("SW_SAVE_MAP")) img.save(qEnvironmentVariable("SW_SAVE_MAP"));
        const QColor at = img.pixelColor(qRound(expected.x()), qRound(expected.y()));
        const QColor accent = map.theme().accent;
        QVERIFY2(std::abs(at.red() - accent.red()) + std::abs(at.green() - accent.green()) + std::abs(at.blue() - accent.blue()) < 30,
                 qPrintable(QStringLiteral("%1 at %2,%3 of %4x%5").arg(at.name()).arg(expected.x()).arg(expected.y()).arg(img.width()).arg(img.height())));
        // 30 degrees east is 30 x perDeg pixels to the right.
        QVERIFY(std::abs(map.pixelOf(53.35, 23.74).x() - drawn.x() - 30 * perDeg) < 0.5);
    }

    void clicksSelectOnTheCanvas() {
        auto p = readProjectJsonFile(SW_SAMPLES_DIR "/planet-scale-3-region.json");
        QVERIFY(p.ok());
        auto w = testing::shownWindow(p.value());
        QVERIFY(w);
        app::InsightController* ic = w->insights();
        QDockWidget* dock = ic->dock(QStringLiteral("latency"));
        dock->show();
        dock->raise();
        w->resizeDocks({dock}, {480}, Qt::Vertical);
        QApplication::processEvents();
        ic->refresh(QStringLiteral("latency"));
        views::LatencyHeatmap* h = ic->latency();
        h->plot()->replot();
        // The Europe users' row, first column: selects that user group.
        int row = -1;
        for (int i = 0; i < h->rowCount(); ++i)
            if (h->rowId(i) == QLatin1String("users-europe")) row = i;
        QVERIFY(row >= 3);
        click(h->plot(), h->cellCentre(row, 0));
        QApplication::processEvents();
        QCOMPARE(w->scene()->selection().components, std::set<std::string>{"users-europe"});
        // A region row selects the region.
        click(h->plot(), h->cellCentre(1, 0));
        QCOMPARE(w->scene()->selection().regions.size(), std::size_t{1});
        QCOMPARE(*w->scene()->selection().regions.begin(), w->document()->design().regions[1].id);

        // The cost bar of a region selects that region.
        QDockWidget* costDock = ic->dock(QStringLiteral("cost"));
        costDock->show();
        costDock->raise();
        QApplication::processEvents();
        ic->refresh(QStringLiteral("cost"));
        views::CostPlot* cost = ic->cost();
        cost->plot()->replot();
        QCPBars* bar = cost->regionBars().back();
        double below = 0;
        for (QCPBars* b = bar->barBelow(); b; b = b->barBelow()) below += value(b);
        const QPointF mid(cost->plot()->xAxis->coordToPixel(below + value(bar) / 2), cost->plot()->yAxis->coordToPixel(0));
        click(cost->plot(), mid);
        QCOMPARE(w->scene()->selection().regions, std::set<std::string>{cost->regionIds().back()});
        QVERIFY(!cost->tooltipAt(mid).isEmpty());

        // The other way: a component selected on the canvas lights up its row.
        views::Selection s;
        s.components.insert("users-africa");
        w->scene()->selectIds(s);
        QApplication::processEvents();
        dock->raise();
        QApplication::processEvents();
        int boxes = 0;
        for (int i = 0; i < h->plot()->itemCount(); ++i)
            if (auto* rect = qobject_cast<QCPItemRect*>(h->plot()->item(i)); rect && rect->pen().color() == h->theme().selection) ++boxes;
        QCOMPARE(boxes, 1);
        w->files()->closed();
    }

    void hoverTellsTheFigures() {
        const Design d = sample(kSamples[0]);
        const Analysis a = analyzeLive(d);
        views::LatencyHeatmap h;
        h.resize(900, 500);
        h.setAnalysis(d, a);
        h.plot()->resize(880, 460);
        h.plot()->replot();
        const QString tip = h.tooltipAt(h.cellCentre(0, 1));
        QVERIFY2(tip.contains(views::formatMs(a.latency.modelled_ms[0][1])), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("fibre floor ") + views::formatMs(a.latency.floor_ms[0][1])));
        QVERIFY(tip.contains(QStringLiteral("modelled")));
    }
};

QTEST_MAIN(TestGuiInsight)
#include "test_gui_insight.moc"
