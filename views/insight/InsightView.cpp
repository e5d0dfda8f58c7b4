#include "views/insight/InsightView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include "views/theme/PlotTheme.h"

namespace sw::views {

InsightView::InsightView(const QString& title, QWidget* parent)
    : QWidget(parent), title_(title), plot_(new QCustomPlot(this)), caption_(new QLabel(this)), toolbar_(new QHBoxLayout) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    caption_->setWordWrap(true);
    caption_->setTextFormat(Qt::PlainText);
    toolbar_->setContentsMargins(0, 0, 0, 0);
    toolbar_->addWidget(caption_, 1);
    layout->addLayout(toolbar_);
    layout->addWidget(plot_, 1);
    plot_->setAntialiasedElements(QCP::aePlottables | QCP::aeItems);
    plot_->setMouseTracking(true);
    plot_->installEventFilter(this);
    setMinimumSize(320, 200);
}

void InsightView::setTheme(const Theme& theme) {
    theme_ = theme;
    applyPlotTheme(plot_, theme);
    rebuild();
}

void InsightView::setHighlight(const std::set<std::string>& ids) {
    if (ids == highlight_) return;
    highlight_ = ids;
    if (isVisible() || !parentWidget()) rebuild();
    else stale_ = true;
}

void InsightView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_) {
        stale_ = false;
        rebuild();
    }
}

void InsightView::setCaption(const QString& text) { caption_->setText(text); }

bool InsightView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == plot_) {
        if (event->type() == QEvent::MouseMove) {
            auto* me = static_cast<QMouseEvent*>(event);
            const QString tip = tooltipAt(me->position());
            if (tip.isEmpty()) QToolTip::hideText();
            else QToolTip::showText(me->globalPosition().toPoint(), tip, plot_);
        } else if (event->type() == QEvent::MouseButtonRelease) {
            auto* me = static_cast<QMouseEvent*>(event);
            if (me->button() == Qt::LeftButton) {
                const CanvasTarget t = targetAt(me->position());
                if (t.kind != CanvasTarget::Kind::None) emit activated(t);
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace sw::views
