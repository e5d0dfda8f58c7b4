#include "app/gui/InsightController.h"

#include <QDockWidget>
#include <QEvent>
#include <QTimer>

#include "app/gui/MainWindow.h"
#include "planner/Growth.h"
#include "views/insight/AvailabilityPlot.h"
#include "views/insight/CostPlot.h"
#include "views/insight/GrowthPlot.h"
#include "views/insight/LatencyHeatmap.h"
#include "views/insight/ReplicationPlot.h"
#include "views/insight/WorldMap.h"
#include "views/views.h"

namespace sw::app {

namespace {
constexpr int kGrowthSettleMs = 250;   // the projection re-analyses 61 months: once typing pauses
}

QStringList InsightController::keys() {
    return {QStringLiteral("latency"), QStringLiteral("map"), QStringLiteral("growth"),
            QStringLiteral("cost"), QStringLiteral("availability"), QStringLiteral("replication")};
}

InsightController::InsightController(MainWindow* window) : QObject(window), w_(window), growthTimer_(new QTimer(this)) {
    const std::vector<std::pair<QString, views::InsightView*>> made{
        {QStringLiteral("latency"), new views::LatencyHeatmap(w_)},   {QStringLiteral("map"), new views::WorldMap(w_)},
        {QStringLiteral("growth"), new views::GrowthPlot(w_)},        {QStringLiteral("cost"), new views::CostPlot(w_)},
        {QStringLiteral("availability"), new views::AvailabilityPlot(w_)}, {QStringLiteral("replication"), new views::ReplicationPlot(w_)}};
    QDockWidget* anchor = w_->simulationDock();
    for (const auto& [key, view] : made) {
        Entry e;
        e.key = key;
        e.view = view;
        e.dock = new QDockWidget(view->title(), w_);
        e.dock->setObjectName(QStringLiteral("insight_%1Dock").arg(key));
        e.dock->setWidget(view);
        e.dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
        w_->addDockWidget(Qt::BottomDockWidgetArea, e.dock);
        // Beside Simulation, Walkthrough and Compare: one tab row under the canvas.
        if (anchor) w_->tabifyDockWidget(anchor, e.dock);
        connect(e.dock, &QDockWidget::visibilityChanged, this, [this, key = key](bool shown) {
            if (!shown) return;
            for (Entry& x : entries_)
                if (x.key == key && x.dirty) refreshEntry(x);
        });
        connect(view, &views::InsightView::activated, this, &InsightController::activate);
        entries_.push_back(e);
    }
    if (anchor) anchor->raise();
    growthTimer_->setSingleShot(true);
    growthTimer_->setInterval(kGrowthSettleMs);
    connect(growthTimer_, &QTimer::timeout, this, [this] {
        for (Entry& e : entries_)
            if (e.key == QLatin1String("growth") && onShow(e)) refreshEntry(e);
    });
    connect(w_->analysis(), &views::LiveAnalysis::updated, this, &InsightController::analysisUpdated);
    connect(w_->scene(), &QGraphicsScene::selectionChanged, this, &InsightController::selectionChanged);
    w_->installEventFilter(this);
}

QDockWidget* InsightController::dock(const QString& key) const {
    for (const Entry& e : entries_)
        if (e.key == key) return e.dock;
    return nullptr;
}

views::InsightView* InsightController::view(const QString& key) const {
    for (const Entry& e : entries_)
        if (e.key == key) return e.view;
    return nullptr;
}

views::LatencyHeatmap* InsightController::latency() const { return static_cast<views::LatencyHeatmap*>(view(QStringLiteral("latency"))); }
views::WorldMap* InsightController::map() const { return static_cast<views::WorldMap*>(view(QStringLiteral("map"))); }
views::GrowthPlot* InsightController::growth() const { return static_cast<views::GrowthPlot*>(view(QStringLiteral("growth"))); }
views::CostPlot* InsightController::cost() const { return static_cast<views::CostPlot*>(view(QStringLiteral("cost"))); }
views::AvailabilityPlot* InsightController::availability() const {
    return static_cast<views::AvailabilityPlot*>(view(QStringLiteral("availability")));
}
views::ReplicationPlot* InsightController::replication() const {
    return static_cast<views::ReplicationPlot*>(view(QStringLiteral("replication")));
}

bool InsightController::onShow(const Entry& e) const { return e.dock->isVisible() && e.view->isVisible(); }

void InsightController::analysisUpdated() {
    for (Entry& e : entries_) {
        e.dirty = true;
        if (!onShow(e)) continue;
        if (e.key == QLatin1String("growth")) growthTimer_->start();
        else refreshEntry(e);
    }
}

void InsightController::refreshShown() {
    for (Entry& e : entries_)
        if (onShow(e)) refreshEntry(e);
}

void InsightController::refresh(const QString& key) {
    for (Entry& e : entries_)
        if (e.key == key) refreshEntry(e);
}

void InsightController::refreshEntry(Entry& e) {
    const views::LiveAnalysis* live = w_->analysis();
    if (!live->hasEngine() || !live->resultsCurrent()) return;   // stays dirty until the engine has caught up
    const Design& d = w_->document()->design();
    const Analysis& a = live->analysis();
    e.dirty = false;
    if (e.key == QLatin1String("latency")) latency()->setAnalysis(d, a);
    else if (e.key == QLatin1String("map")) map()->setAnalysis(d, a);
    else if (e.key == QLatin1String("growth")) growth()->setAnalysis(d, a, project(d, kMaxProjectionMonths));
    else if (e.key == QLatin1String("cost")) cost()->setAnalysis(d, a);
    else if (e.key == QLatin1String("availability")) availability()->setAnalysis(d, a);
    else if (e.key == QLatin1String("replication")) replication()->setAnalysis(d, a);
}

void InsightController::selectionChanged() {
    // A selected component also lights up its region, so the heatmap's row
    // and the cost bar of that region follow it.
    const views::Selection s = w_->scene()->selection();
    std::set<std::string> ids(s.components.begin(), s.components.end());
    ids.insert(s.regions.begin(), s.regions.end());
    ids.insert(s.zones.begin(), s.zones.end());
    ids.insert(s.links.begin(), s.links.end());
    for (const std::string& id : s.components)
        if (const Component* c = w_->document()->component(id); c && !c->region.empty()) ids.insert(c->region);
    for (Entry& e : entries_) e.view->setHighlight(ids);
}

void InsightController::activate(const views::CanvasTarget& t) {
    views::Selection s;
    const std::string id = t.id.toStdString();
    switch (t.kind) {
    case views::CanvasTarget::Kind::Component: s.components.insert(id); break;
    case views::CanvasTarget::Kind::Region: s.regions.insert(id); break;
    case views::CanvasTarget::Kind::Zone: s.zones.insert(id); break;
    case views::CanvasTarget::Kind::None: return;
    }
    w_->scene()->selectIds(s);
    w_->view()->centerOnSelection();
}

bool InsightController::eventFilter(QObject* watched, QEvent* event) {
    // As the Compare dock does: read the scene's colours once the theme switch is done.
    if (watched == w_ && event->type() == QEvent::PaletteChange)
        QTimer::singleShot(0, this, [this] {
            for (Entry& e : entries_) e.view->setTheme(w_->scene()->theme());
        });
    return QObject::eventFilter(watched, event);
}

}  // namespace sw::app
