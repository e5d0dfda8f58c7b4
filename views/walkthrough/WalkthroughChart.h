// The walkthrough's timeline: months on x, the stages as coloured bands,
// users and cost per month as lines on their own (log) axes, the trigger
// months marked and the month being shown as a cursor.
#pragma once

#include <QWidget>

#include "planner/walkthrough/Walkthrough.h"
#include "views/theme/Theme.h"

class QCustomPlot;
class QCPItemStraightLine;

namespace sw::views {

class WalkthroughChart : public QWidget {
    Q_OBJECT
public:
    explicit WalkthroughChart(QWidget* parent = nullptr);
    void setWalk(const Walkthrough& walk);
    void setMonth(int month);
    void setTheme(const Theme& theme);
    QCustomPlot* plot() const { return plot_; }
    // The band colour of stage `number` (1..12), shared with the report.
    static QColor stageColor(int number, bool dark);

signals:
    void monthClicked(int month);

private:
    void rebuild();
    QCustomPlot* plot_;
    QCPItemStraightLine* cursor_ = nullptr;
    Walkthrough walk_;
    Theme theme_ = Theme::light();
    int month_ = 0;
};

// Draws a walk's timeline into `plot` (the dock and the report share it).
void drawWalkTimeline(QCustomPlot* plot, const Walkthrough& walk, const Theme& theme);

}  // namespace sw::views
