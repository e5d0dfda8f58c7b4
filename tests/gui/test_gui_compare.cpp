// The Compare dock offscreen: the table, the diff list, the canvas marks, the
// tornado and the cost lines hold the engine's numbers; variant operations
// are undoable and named.
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QListWidget>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>
#include <qcustomplot.h>

#include "app/gui/FileController.h"
#include "app/gui/MainWindow.h"
#include "model/ProjectIO.h"
#include "tests/gui/GuiFixture.h"
#include "views/canvas/ComponentItem.h"
#include "views/compare/ComparePanel.h"
#include "views/compare/CostChart.h"
#include "views/compare/FigureText.h"
#include "views/compare/TornadoChart.h"
#include "model/JsonFormat.h"
#include "views/views.h"

using namespace sw;
using namespace sw::testing;

namespace {

// Variant "Bigger": two more API instances, a cache added, the user group renamed, the balancer removed
// (users call the API directly).
Project twoVariants() {
    Project p = smallProject();
    Design b = p.variants.front();
    b.name = "Bigger, with a cache and a very long name that ends in 2";
    b.findComponent("api")->params.instances = 3;
    Component cache;
    cache.id = "cache";
    cache.name = "Cache";
    cache.kind = ComponentKind::Cache;
    cache.instance_type = "cache.r6g.large";
    cache.region = "r1";
    cache.zone = "z1";
    cache.x = 400;
    cache.y = 320;
    b.components.push_back(cache);
    b.components.erase(b.components.begin() + b.componentIndex("lb"));
    Link direct, read;
    direct.id = "l1";
    direct.from = "users";
    direct.to = "api";
    read.id = "l3";
    read.from = "api";
    read.to = "cache";
    read.access = Access::Read;
    b.links = {direct, read};
    p.variants.push_back(b);
    return p;
}

}  // namespace

class TestGuiCompare : public QObject {
    Q_OBJECT

    std::unique_ptr<app::MainWindow> w_;
    views::ComparePanel* panel_ = nullptr;

    void open(const Project& p) {
        w_ = shownWindow(p);
        QVERIFY(w_);
        panel_ = w_->findChild<views::ComparePanel*>();
        QVERIFY(panel_);
        auto* dock = qobject_cast<QDockWidget*>(panel_->parentWidget());
        QVERIFY(dock);
        QCOMPARE(dock->objectName(), QString("compareDock"));
        dock->show();
        dock->raise();
        QApplication::processEvents();
        panel_->recompute();
    }

private slots:
    void cleanup() {
        if (w_) w_->files()->closed();
        w_.reset();
    }

    void tableHoldsTheEnginesFigures() {
        const Project p = twoVariants();
        open(p);
        QVERIFY(panel_->comparison().has_value());
        auto engine = whatif::compare(p, {p.variants[0].name, p.variants[1].name});
        QVERIFY(engine.ok());
        QTableWidget* t = panel_->table();
        QCOMPARE(t->columnCount(), 2);
        QCOMPARE(t->rowCount(), static_cast<int>(engine->figures.size()) + 1);
        for (int f = 0; f < static_cast<int>(engine->figures.size()); ++f) {
            const auto& spec = engine->figures[static_cast<std::size_t>(f)];
            for (int v = 0; v < 2; ++v) {
                const auto& d = engine->deltas[static_cast<std::size_t>(v)].figures[static_cast<std::size_t>(f)];
                QTableWidgetItem* item = t->item(f, v);
                QVERIFY(item);
                QVERIFY2(item->text().startsWith(views::figureShort(spec, d.value)), qPrintable(item->text()));
                QVERIFY(item->toolTip().contains(views::figureExact(spec, d.value)));   // exact value on hover
                QCOMPARE(item->data(Qt::UserRole).toInt(), d.verdict);
            }
        }
        // More instances and a cache cost more: the cost cell of the variant is "worse".
        QCOMPARE(t->item(0, 1)->data(Qt::UserRole).toInt(), -1);
        // The long name is elided in the middle; the tooltip has all of it.
        QVERIFY(t->horizontalHeaderItem(1)->text().contains(QStringLiteral("…")));
        QVERIFY(t->horizontalHeaderItem(1)->text().contains("ends in 2"));
        QCOMPARE(t->horizontalHeaderItem(1)->toolTip(), QString::fromStdString(p.variants[1].name));
    }

    void tableShowsNoExponents() {
        // Stage 5 against its cache-less variant: downtime falls by about
        // 2920 min/year, which 'g' precision printed as "−2.92e+03".
        auto p = readProjectJsonFile(SW_SAMPLES_DIR "/stage-05-caching-layer.json");
        QVERIFY2(p, p ? "" : p.error().c_str());
        QVERIFY(p.value().variants.size() >= 2);
        open(p.value());
        QTableWidget* t = panel_->table();
        QVERIFY(t->rowCount() > 5);
        const QRegularExpression exponent(QStringLiteral("\\de[+-]\\d"));
        for (int r = 0; r < t->rowCount(); ++r)
            for (int c = 0; c < t->columnCount(); ++c)
                if (QTableWidgetItem* item = t->item(r, c))
                    QVERIFY2(!exponent.match(item->text()).hasMatch(), qPrintable(item->text()));
        // The delta keeps the figure's unit.
        whatif::FigureSpec downtime{"downtime_min_per_year", "Downtime per year", "min/year", whatif::Better::Lower};
        whatif::Delta d = whatif::deltaOf(downtime, 2973.4, 53.2);
        QCOMPARE(views::deltaShort(downtime, d), QStringLiteral("−2920 min"));
        // What the engine calls the same shows no delta at all.
        QCOMPARE(views::deltaShort(downtime, whatif::deltaOf(downtime, 52.68346060367929, 52.68342621557872)), QString());
        whatif::FigureSpec plain{"x", "X", "", whatif::Better::Neither};
        d.delta = 12345.6;
        QCOMPARE(views::deltaShort(plain, d), QStringLiteral("+12346"));
        QCOMPARE(views::figureShort(plain, 12345.6), QStringLiteral("12346"));
    }

    void emptyVariantShowsNoFigures() {
        // What File › New leaves: one variant with no components. Its column
        // must not read "100 %", "99.00" nines or "0.0 min" down a year.
        Project empty;
        empty.variants.emplace_back();
        empty.variants.back().name = "Design";
        open(empty);
        QTableWidget* t = panel_->table();
        QVERIFY(t->rowCount() > 5);
        for (int r = 0; r + 1 < t->rowCount(); ++r) {
            QVERIFY(t->item(r, 0));
            QCOMPARE(t->item(r, 0)->text(), QStringLiteral("—"));
        }
    }

    void diffListSelectsAndCanvasMarksTheDiff() {
        const Project p = twoVariants();
        open(p);
        const whatif::DesignDiff d = whatif::diff(p.variants[0], p.variants[1]);
        QTreeWidget* list = panel_->diffList();
        QCOMPARE(list->topLevelItemCount(), 1);
        const int entries = static_cast<int>(d.components_added.size() + d.components_removed.size() +
                                             d.components_changed.size() + d.links_added.size() + d.links_removed.size() +
                                             d.links_changed.size() + d.workload_changed.size());
        QCOMPARE(list->topLevelItem(0)->childCount(), entries);
        // Clicking the added cache shows the variant that has it and selects it.
        QTreeWidgetItem* cacheRow = nullptr;
        for (int i = 0; i < list->topLevelItem(0)->childCount(); ++i)
            if (list->topLevelItem(0)->child(i)->text(0) == "+ cache") cacheRow = list->topLevelItem(0)->child(i);
        QVERIFY(cacheRow);
        emit list->itemClicked(cacheRow, 0);
        QApplication::processEvents();
        QCOMPARE(w_->document()->currentVariant(), 1);
        QVERIFY(w_->scene()->selection().components.count("cache"));
        panel_->recompute();
        // The canvas shows the diff from the base: added, changed, removed as a ghost.
        auto* cache = w_->scene()->componentItem("cache");
        auto* api = w_->scene()->componentItem("api");
        auto* users = w_->scene()->componentItem("users");
        QVERIFY(cache && api && users);
        QCOMPARE(cache->diffMark(), views::ComponentItem::DiffMark::Added);
        QCOMPARE(api->diffMark(), views::ComponentItem::DiffMark::Changed);
        QCOMPARE(users->diffMark(), views::ComponentItem::DiffMark::None);
        QCOMPARE(panel_->overlay().ghostCount(), 1);   // the removed balancer
        panel_->showOnCanvas()->setChecked(false);
        QCOMPARE(cache->diffMark(), views::ComponentItem::DiffMark::None);
        QCOMPARE(panel_->overlay().ghostCount(), 0);
    }

    void tornadoAndCostLinesAreTheEngines() {
        Project p;
        auto planet = loadProject(SW_SAMPLES_DIR "/planet-scale-3-region.json");
        QVERIFY(planet.ok());
        p = planet.value();
        QVERIFY(p.variants.size() >= 2);
        open(p);
        panel_->tabs()->setCurrentIndex(1);
        QVERIFY(panel_->sensitivity().has_value());
        auto engine = whatif::sensitivity(w_->document()->design(), 0.1);
        QVERIFY(engine.ok());
        const auto order = whatif::rankedBy(engine.value(), whatif::Outcome::Cost);
        QCPBars* low = panel_->tornado()->lowBars();
        QCPBars* high = panel_->tornado()->highBars();
        QVERIFY(low->data()->size() > 5);
        for (int k = 0; k < low->data()->size(); ++k) {
            const auto& row = engine->rows[order[static_cast<std::size_t>(k)]];
            QCOMPARE(panel_->tornado()->rowInputs().at(k), QString::fromStdString(row.input));
            // Bars grow from the base value: base + bar = the engine's figure.
            QCOMPARE(low->baseValue(), engine->base.cost_per_month_usd);
            QCOMPARE(low->baseValue() + (low->data()->begin() + k)->value, row.low.cost_per_month_usd);
            QCOMPARE(high->baseValue() + (high->data()->begin() + k)->value, row.high.cost_per_month_usd);
        }
        // Another figure re-ranks the rows.
        panel_->figureCombo()->setCurrentIndex(2);
        const auto byP95 = whatif::rankedBy(engine.value(), whatif::Outcome::P95);
        QCOMPARE(panel_->tornado()->rowInputs().at(0), QString::fromStdString(engine->rows[byP95[0]].input));

        panel_->tabs()->setCurrentIndex(2);
        const auto& cmp = *panel_->comparison();
        QCustomPlot* plot = panel_->costChart()->plot();
        QCOMPARE(plot->graphCount(), static_cast<int>(cmp.variants.size()));
        for (int v = 0; v < plot->graphCount(); ++v) {
            const auto& months = cmp.variants[static_cast<std::size_t>(v)].cost_by_month;
            QCOMPARE(plot->graph(v)->data()->size(), static_cast<int>(months.size()));
            QCOMPARE((plot->graph(v)->data()->end() - 1)->value, months.back());
        }
        int crossings = 0;
        for (const auto& d : cmp.deltas) crossings += d.crossover.has_value();
        QCOMPARE(panel_->costChart()->crossoverMarks(), crossings);
    }

    void variantOperationsAreUndoableAndNamed() {
        open(twoVariants());
        views::VariantsPanel* vp = w_->variants();
        QCOMPARE(vp->list()->textElideMode(), Qt::ElideMiddle);
        QVERIFY(vp->list()->item(1)->toolTip().startsWith("Bigger, with a cache"));
        QUndoStack* undo = w_->document()->undoStack();
        w_->document()->setCurrentVariant(0);
        vp->moveCurrent(1);
        QCOMPARE(w_->document()->project().variants[1].name, std::string("Small"));
        QCOMPARE(w_->document()->currentVariant(), 1);
        QCOMPARE(undo->text(undo->index() - 1), QString("Move variant Small down"));
        undo->undo();
        QCOMPARE(w_->document()->project().variants[0].name, std::string("Small"));
        vp->duplicateCurrent();
        QCOMPARE(w_->document()->project().variants.size(), std::size_t(3));
        QVERIFY(undo->text(undo->index() - 1).startsWith("Add variant"));
        // Renaming to a name in use is refused: names are unique.
        vp->list()->item(1)->setText("Small");
        QApplication::processEvents();
        QCOMPARE(w_->document()->project().variants[1].name, std::string("Small (copy)"));
        vp->list()->item(1)->setText("Lean");
        QCOMPARE(undo->text(undo->index() - 1), QString("Rename variant Small (copy) to Lean"));
        // The compare dock follows: its base combo lists the new name.
        QApplication::processEvents();
        QVERIFY(panel_->baseCombo()->findData(QString("Lean")) >= 0);
        undo->undo();
        undo->undo();
        QCOMPARE(w_->document()->project().variants.size(), std::size_t(2));
    }
};

QTEST_MAIN(TestGuiCompare)
#include "test_gui_compare.moc"
