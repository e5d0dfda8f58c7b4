// The growth projection month by month: users, peak rps and cost per month,
// each on its own axis (never two units on one), the month each tier runs
// out of runway marked and labelled, a log toggle, the month under the mouse
// in a tooltip, and the table as CSV.
#pragma once

#include <map>

#include "planner/Analysis.h"
#include "planner/Growth.h"
#include "views/insight/InsightView.h"

class QCheckBox;
class QCPAxisRect;
class QCPGraph;
class QPushButton;

namespace sw::views {

class GrowthPlot : public InsightView {
    Q_OBJECT
public:
    explicit GrowthPlot(QWidget* parent = nullptr);
    // `projection` is planner's project() of `design` (or its error).
    void setAnalysis(const Design& design, const Analysis& analysis, const Result<Projection>& projection);

    QCPGraph* usersGraph() const { return graphs_[0]; }
    QCPGraph* rpsGraph() const { return graphs_[1]; }
    QCPGraph* costGraph() const { return graphs_[2]; }
    QCheckBox* logToggle() const { return log_; }
    QPushButton* csvButton() const { return csvButton_; }
    // The months where a tier runs out, with the tiers' names.
    const std::map<int, QStringList>& runwayMarks() const { return marks_; }
    QString csv() const;
    bool exportCsv(const QString& path, QString* error) const;
    QString tooltipAt(const QPointF& pixel) const override;
    CanvasTarget targetAt(const QPointF& pixel) const override;

protected:
    void rebuild() override;

private:
    int monthAt(const QPointF& pixel) const;

    Projection projection_;
    QString error_;
    std::map<std::string, QString> names_;
    std::map<int, QStringList> marks_;
    std::map<int, std::string> firstTier_;   // month -> a tier that runs out then (click target)
    QCPAxisRect* rects_[3];
    QCPGraph* graphs_[3];
    QCheckBox* log_;
    QPushButton* csvButton_;
};

}  // namespace sw::views
