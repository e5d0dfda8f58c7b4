// The sensitivity as a tornado: one row per input (largest swing on top), a
// bar from the base value to the figure with the input lowered and one to
// the figure with it raised.
#pragma once

#include <QStringList>
#include <QWidget>

#include "planner/whatif/WhatIf.h"
#include "views/theme/Theme.h"

class QCustomPlot;
class QCPBars;

namespace sw::views {

class TornadoChart : public QWidget {
    Q_OBJECT
public:
    explicit TornadoChart(QWidget* parent = nullptr);
    void setSensitivity(const whatif::Sensitivity& s, whatif::Outcome figure, int maxRows = 12);
    void setTheme(const Theme& theme);

    QCustomPlot* plot() const { return plot_; }
    QCPBars* lowBars() const { return low_; }     // input at -delta; key = row from the top (0 = largest)
    QCPBars* highBars() const { return high_; }   // input at +delta
    const QStringList& rowInputs() const { return inputs_; }   // the engine's input keys, in row order

private:
    QCustomPlot* plot_;
    QCPBars* low_;
    QCPBars* high_;
    QStringList inputs_;
    Theme theme_ = Theme::light();
};

}  // namespace sw::views
