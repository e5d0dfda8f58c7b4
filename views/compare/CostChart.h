// The compared variants' cost per month under the growth projection, one
// line each, with the month the base's line crosses another's marked.
#pragma once

#include <QWidget>

#include "planner/whatif/WhatIf.h"
#include "views/theme/Theme.h"

class QCustomPlot;

namespace sw::views {

class CostChart : public QWidget {
    Q_OBJECT
public:
    explicit CostChart(QWidget* parent = nullptr);
    void setComparison(const whatif::Comparison& c);
    void setTheme(const Theme& theme);
    QCustomPlot* plot() const { return plot_; }
    int crossoverMarks() const { return marks_; }

private:
    QCustomPlot* plot_;
    Theme theme_ = Theme::light();
    int marks_ = 0;
};

}  // namespace sw::views
