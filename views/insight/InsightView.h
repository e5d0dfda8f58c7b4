// What the insight charts (latency, map, growth, cost, availability,
// replication) share: a titled QCustomPlot that follows the theme, shows a
// tooltip for what is under the mouse, reports clicks on a component or a
// region, and outlines what is selected on the canvas. Usable without a
// window: create, setAnalysis, resize, then plot()->toPainter().
#pragma once

#include <QString>
#include <QWidget>

#include <set>
#include <string>

#include "views/theme/Theme.h"

class QCustomPlot;
class QHBoxLayout;
class QLabel;

namespace sw::views {

// What a point of a chart stands for on the canvas.
struct CanvasTarget {
    enum class Kind { None, Component, Region, Zone } kind = Kind::None;
    QString id;
};

class InsightView : public QWidget {
    Q_OBJECT
public:
    explicit InsightView(const QString& title, QWidget* parent = nullptr);

    QCustomPlot* plot() const { return plot_; }
    QString title() const { return title_; }
    QLabel* captionLabel() const { return caption_; }
    void setTheme(const Theme& theme);
    const Theme& theme() const { return theme_; }
    // Ids selected on the canvas (components, regions, zones, links).
    void setHighlight(const std::set<std::string>& ids);
    // What the mouse at `pixel` (plot coordinates) shows and selects; "" / None = nothing.
    virtual QString tooltipAt(const QPointF& pixel) const = 0;
    virtual CanvasTarget targetAt(const QPointF& pixel) const = 0;

signals:
    void activated(const sw::views::CanvasTarget& target);

protected:
    // Redraws from the data last given (after a theme or selection change).
    virtual void rebuild() = 0;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    QHBoxLayout* toolbar() const { return toolbar_; }
    void setCaption(const QString& text);
    bool highlighted(const std::string& id) const { return highlight_.count(id) > 0; }
    const std::set<std::string>& highlight() const { return highlight_; }

    Theme theme_ = Theme::light();

private:
    QString title_;
    QCustomPlot* plot_;
    QLabel* caption_;
    QHBoxLayout* toolbar_;
    std::set<std::string> highlight_;
    bool stale_ = false;   // the selection changed while hidden
};

}  // namespace sw::views
