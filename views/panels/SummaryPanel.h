// The live summary: cost per month, availability and nines, p95, bottleneck,
// headroom and the count of findings, refreshed after every edit.
#pragma once

#include <QWidget>

class QLabel;

namespace sw::views {

class DesignDocument;
class LiveAnalysis;

class SummaryPanel : public QWidget {
    Q_OBJECT
public:
    SummaryPanel(DesignDocument* doc, LiveAnalysis* analysis, QWidget* parent = nullptr);
    QString text() const;   // all figures as plain text (tests, accessibility)

signals:
    void bottleneckActivated(const QString& componentId);

protected:
    bool event(QEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

private:
    void refresh();
    void fitHeight();   // as tall as the wrapped texts need at this width
    QWidget* tile(const QString& caption, QLabel** value, QLabel** detail);

    DesignDocument* doc_;
    LiveAnalysis* analysis_;
    QLabel *cost_, *costDetail_, *avail_, *availDetail_, *p95_, *p95Detail_;
    QLabel *bottleneck_, *bottleneckDetail_, *headroom_, *headroomDetail_, *findings_;
    QString bottleneckId_;
};

}  // namespace sw::views
