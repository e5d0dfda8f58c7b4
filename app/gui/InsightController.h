// The insight docks (latency heatmap, world map, growth, cost, availability,
// replication): created on the main window, fed from the live analysis
// after every edit (only the docks on show; the others when they are shown),
// and kept in step with the canvas selection both ways.
#pragma once

#include <QObject>
#include <QString>

#include <vector>

class QDockWidget;
class QTimer;

namespace sw::views {
class AvailabilityPlot;
class CostPlot;
class GrowthPlot;
class InsightView;
class LatencyHeatmap;
class ReplicationPlot;
class WorldMap;
struct CanvasTarget;
}  // namespace sw::views

namespace sw::app {

class MainWindow;

class InsightController : public QObject {
    Q_OBJECT
public:
    explicit InsightController(MainWindow* window);

    // Keys as `scalewright screenshot --view` names them.
    static QStringList keys();
    QDockWidget* dock(const QString& key) const;
    views::InsightView* view(const QString& key) const;
    views::LatencyHeatmap* latency() const;
    views::WorldMap* map() const;
    views::GrowthPlot* growth() const;
    views::CostPlot* cost() const;
    views::AvailabilityPlot* availability() const;
    views::ReplicationPlot* replication() const;
    // Redraws every dock on show now (the growth projection included), as an edit does.
    void refreshShown();
    // Redraws one view now, shown or not (screenshots, tests).
    void refresh(const QString& key);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Entry {
        QString key;
        QDockWidget* dock = nullptr;
        views::InsightView* view = nullptr;
        bool dirty = true;
    };
    void analysisUpdated();
    void refreshEntry(Entry& e);
    void selectionChanged();
    void activate(const views::CanvasTarget& t);
    bool onShow(const Entry& e) const;

    MainWindow* w_;
    std::vector<Entry> entries_;
    QTimer* growthTimer_;
};

}  // namespace sw::app
