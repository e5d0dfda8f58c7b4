// bench_canvas: how the editor copes with a large design, offscreen.
// Opens a generated 5,000-component design to its first paint, moves 500
// selected components, and edits one property through to refreshed overlays
// (analysis included), and redraws the insight views after such an edit.
// Baselines in the same run: the engine alone and the JSON parse of the same
// design, so ratios hold on a noisy machine. The insight figures are CPU time.
#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTextStream>
#include <QDockWidget>
#include <QUndoStack>

#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

#include "app/gui/Engine.h"
#include "app/gui/FileController.h"
#include "app/gui/InsightController.h"
#include "app/gui/MainWindow.h"
#include "model/JsonFormat.h"
#include "planner/Growth.h"
#include "views/insight/GrowthPlot.h"
#include "views/insight/InsightView.h"
#include "views/commands/UpdateCommand.h"
#include "views/views.h"

using namespace sw;

namespace {

// 250 stacks of 20 components in 5 regions: users -> DNS -> LB -> 8 services,
// services -> 4 caches -> primary DB, primary -> 3 replicas, and a queue.
Project bigProject(int stacks) {
    Design d;
    d.name = "Generated";
    d.workload.users = 2e6;
    const int perRegion = stacks / 5;
    for (int r = 0; r < 5; ++r) {
        Region reg;
        reg.id = "r" + std::to_string(r);
        reg.name = reg.id;
        reg.rect = Rect{0, r * (perRegion / 10 + 1) * 520.0, 10 * 880.0 + 64, (perRegion / 10) * 520.0 + 64};
        d.regions.push_back(reg);
    }
    auto add = [&](const std::string& id, ComponentKind k, const std::string& region, double x, double y) {
        Component c;
        c.id = id;
        c.name = id;
        c.kind = k;
        c.region = k == ComponentKind::UserGroup ? "" : region;
        c.x = x;
        c.y = y;
        c.params.instances = 4;
        c.params.capacity_rps = 2000;
        c.params.service_time_ms = 5;
        if (k == ComponentKind::UserGroup) c.params.user_share = 1.0 / stacks;
        if (k == ComponentKind::Cache) c.params.hit_ratio = 0.8;
        d.components.push_back(c);
        return id;
    };
    int links = 0;
    auto link = [&](const std::string& a, const std::string& b, LinkKind k = LinkKind::Call, double fraction = 1) {
        Link l;
        l.id = "l" + std::to_string(links++);
        l.kind = k;
        l.from = a;
        l.to = b;
        l.mode = k == LinkKind::Call ? LinkMode::Sync : LinkMode::Async;
        l.params.fraction = fraction;
        d.links.push_back(l);
    };
    for (int s = 0; s < stacks; ++s) {
        const int r = s / perRegion, i = s % perRegion;
        const std::string region = "r" + std::to_string(r), p = "s" + std::to_string(s) + "-";
        const double x0 = 32 + (i % 10) * 880.0, y0 = d.regions[r].rect.y + 32 + (i / 10) * 520.0;
        const auto u = add(p + "users", ComponentKind::UserGroup, region, x0, y0);
        const auto dns = add(p + "dns", ComponentKind::Dns, region, x0 + 176, y0);
        const auto lb = add(p + "lb", ComponentKind::LoadBalancer, region, x0 + 352, y0);
        link(u, dns);
        link(dns, lb);
        std::vector<std::string> caches;
        for (int c = 0; c < 4; ++c) caches.push_back(add(p + "cache" + std::to_string(c), ComponentKind::Cache, region, x0 + 176 * c, y0 + 320));
        const auto db = add(p + "db", ComponentKind::Database, region, x0 + 704, y0 + 320);
        for (int v = 0; v < 8; ++v) {
            const auto svc = add(p + "svc" + std::to_string(v), ComponentKind::Service, region, x0 + 176 * (v % 4), y0 + 96 + 112 * (v / 4));
            link(lb, svc, LinkKind::Call, 1.0 / 8);
            link(svc, caches[static_cast<std::size_t>(v % 4)]);
        }
        for (const auto& c : caches) link(c, db);
        for (int v = 0; v < 3; ++v) {
            const auto rep = add(p + "replica" + std::to_string(v), ComponentKind::Database, region, x0 + 704, y0 + 96 * v);
            d.components.back().role = DbRole::Replica;
            link(db, rep, LinkKind::Replication);
        }
        add(p + "queue", ComponentKind::Queue, region, x0 + 528, y0 + 432);
    }
    Project p;
    p.variants.push_back(std::move(d));
    return p;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template <class F>
double timeMs(F&& f) {
    QElapsedTimer t;
    t.start();
    f();
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

// CPU time of this process (all threads), in ms.
template <class F>
double cpuMs(F&& f) {
    timespec a{}, b{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    f();
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    return (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTextStream out(stdout);
    const Project project = bigProject(250);
    const Design& design = project.variants.front();
    const std::string json = designToJson(design);
    out << "design: " << design.components.size() << " components, " << design.links.size() << " links\n\n";

    std::vector<double> parse, engine, open, move, edit;
    for (int i = 0; i < 3; ++i) {
        parse.push_back(timeMs([&] { (void)designFromJson(json); }));
        engine.push_back(timeMs([&] { (void)app::liveEngine()(design); }));
    }

    auto* w = new app::MainWindow;
    w->resize(1600, 1000);
    w->show();
    QApplication::processEvents();
    views::DesignDocument* doc = w->document();
    for (int i = 0; i < 3; ++i) {
        open.push_back(timeMs([&] {
            doc->resetProject(project);
            QApplication::processEvents();   // analysis, overlays, fit
            w->view()->viewport()->repaint();
        }));
    }
    // 500 components selected and moved (one command), through analysis and repaint.
    views::Selection sel;
    for (std::size_t i = 0; i < 500; ++i) sel.components.insert(design.components[i * 10].id);
    w->scene()->selectIds(sel);
    for (int i = 0; i < 5; ++i) {
        move.push_back(timeMs([&] {
            w->scene()->editor()->moveSelection(QPointF(16, (i % 2) ? -16 : 16), false);
            QApplication::processEvents();
            w->view()->viewport()->repaint();
        }));
    }
    // One inspector-style edit: a component's instances, through to the refreshed overlays.
    w->view()->zoomReset();
    w->view()->centerOn(QPointF(400, 300));
    for (int i = 0; i < 7; ++i) {
        const Component& c = *doc->component("s0-svc0");
        views::Fragment before, after;
        before.components.push_back(c);
        Component m = c;
        m.params.instances = 4 + (i % 2);
        after.components.push_back(m);
        edit.push_back(timeMs([&] {
            doc->undoStack()->push(new views::UpdateCommand(doc, before, after, QStringLiteral("Edit")));
            QApplication::processEvents();
            w->view()->viewport()->repaint();
        }));
    }
    // The insight views after an edit. The engine's live analysis in CPU time
    // first (the baseline), then one edit with no insight view on show, then
    // each view raised in turn: what it adds to an edit. Then every view
    // redrawn from the live analysis (setAnalysis + replot), one by one.
    std::vector<double> engineCpu, editCpu;
    for (int i = 0; i < 5; ++i) engineCpu.push_back(cpuMs([&] { (void)app::liveEngine()(design); }));
    int flip = 0;
    auto oneEdit = [&] {
        const Component& c = *doc->component("s0-svc0");
        views::Fragment before, after;
        before.components.push_back(c);
        Component m = c;
        m.params.instances = 4 + (++flip % 2);
        after.components.push_back(m);
        doc->undoStack()->push(new views::UpdateCommand(doc, before, after, QStringLiteral("Edit")));
        QApplication::processEvents();
    };
    app::InsightController* insights = w->insights();
    w->simulationDock()->raise();
    QApplication::processEvents();
    for (int i = 0; i < 5; ++i) editCpu.push_back(cpuMs(oneEdit));
    const double engineCpuMs = median(engineCpu), editCpuMs = median(editCpu);
    struct ViewFigure {
        QString key;
        double editMs = 0, redrawMs = 0;
    };
    std::vector<ViewFigure> viewFigures;
    for (const QString& key : app::InsightController::keys()) {
        QDockWidget* dock = insights->dock(key);
        dock->show();
        dock->raise();
        QApplication::processEvents();
        insights->refresh(key);
        std::vector<double> edits, redraws;
        for (int i = 0; i < 5; ++i) {
            edits.push_back(cpuMs([&] {
                oneEdit();
                insights->view(key)->plot()->replot(QCustomPlot::rpImmediateRefresh);
            }));
            if (key == QLatin1String("growth")) {
                // The projection (61 re-analyses) is the planner's; the view only draws it.
                const Result<Projection> pr = sw::project(doc->design(), kMaxProjectionMonths);
                redraws.push_back(cpuMs([&] {
                    insights->growth()->setAnalysis(doc->design(), w->analysis()->analysis(), pr);
                    insights->growth()->plot()->replot(QCustomPlot::rpImmediateRefresh);
                }));
            } else {
                redraws.push_back(cpuMs([&] {
                    insights->refresh(key);
                    insights->view(key)->plot()->replot(QCustomPlot::rpImmediateRefresh);
                }));
            }
        }
        viewFigures.push_back({key, median(edits), median(redraws)});
    }
    std::vector<double> projection;
    for (int i = 0; i < 3; ++i) projection.push_back(cpuMs([&] { (void)sw::project(doc->design(), kMaxProjectionMonths); }));
    const double projectionMs = median(projection);
    w->files()->closed();
    delete w;

    const double parseMs = median(parse), engineMs = median(engine), openMs = median(open), moveMs = median(move),
                 editMs = median(edit);
    out << QStringLiteral("%1 %2 %3\n").arg("measure", -40).arg("median ms", 10).arg("x engine", 9);
    auto row = [&](const QString& name, double ms) {
        out << QStringLiteral("%1 %2 %3\n").arg(name, -40).arg(ms, 10, 'f', 2).arg(ms / engineMs, 9, 'f', 2);
    };
    row("baseline: JSON parse (5,000)", parseMs);
    row("baseline: live analyze() alone (5,000)", engineMs);
    row("open to first paint (5,000)", openMs);
    row("move 500 selected (+analysis)", moveMs);
    row("one edit to overlays (+analysis)", editMs);
    out << "\ninsight views after one edit (CPU ms; the engine's live analysis alone: "
        << QString::number(engineCpuMs, 'f', 2) << ", an edit with no view on show: " << QString::number(editCpuMs, 'f', 2) << ")\n";
    out << QStringLiteral("%1 %2 %3 %4\n").arg("view", -14).arg("redraw ms", 10).arg("edit ms", 9).arg("adds ms", 8);
    double redrawAll = 0, worstAdd = 0;
    for (const ViewFigure& f : viewFigures) {
        const double adds = f.editMs - editCpuMs;
        redrawAll += f.redrawMs;
        if (f.key != QLatin1String("growth")) worstAdd = std::max(worstAdd, adds);
        out << QStringLiteral("%1 %2 %3 %4\n").arg(f.key, -14).arg(f.redrawMs, 10, 'f', 2).arg(f.editMs, 9, 'f', 2).arg(adds, 8, 'f', 2);
    }
    out << QStringLiteral("%1 %2\n").arg("all six", -14).arg(redrawAll, 10, 'f', 2);
    out << "growth projection, planner project() over 60 months (debounced, once typing pauses): "
        << QString::number(projectionMs, 'f', 1) << " ms\n";
    out << "\nBENCH baseline_json_parse_5000_ms " << QString::number(parseMs, 'f', 2) << " ms\n";
    out << "BENCH baseline_analyze_5000_ms " << QString::number(engineMs, 'f', 2) << " ms\n";
    out << "BENCH open_5000_ms " << QString::number(openMs, 'f', 2) << " ms\n";
    out << "BENCH move_500_ms " << QString::number(moveMs, 'f', 2) << " ms\n";
    out << "BENCH edit_to_overlay_ms " << QString::number(editMs, 'f', 2) << " ms\n";
    out << "BENCH baseline_analyze_cpu_5000_ms " << QString::number(engineCpuMs, 'f', 2) << " ms\n";
    out << "BENCH insight_redraw_all_5000_cpu_ms " << QString::number(redrawAll, 'f', 2) << " ms\n";
    out << "BENCH insight_worst_view_adds_per_edit_cpu_ms " << QString::number(worstAdd, 'f', 2) << " ms\n";
    out << "BENCH growth_projection_5000_cpu_ms " << QString::number(projectionMs, 'f', 1) << " ms\n";
    return 0;
}
