#include "views/panels/SummaryPanel.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

#include "model/ComponentNames.h"
#include "views/canvas/Format.h"
#include "views/document/DesignDocument.h"
#include "views/document/LiveAnalysis.h"

namespace sw::views {

SummaryPanel::SummaryPanel(DesignDocument* doc, LiveAnalysis* analysis, QWidget* parent)
    : QWidget(parent), doc_(doc), analysis_(analysis) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(12, 10, 12, 10);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(10);
    QWidget* tiles[] = {
        tile(tr("Cost / month"), &cost_, &costDetail_),
        tile(tr("Availability"), &avail_, &availDetail_),
        tile(tr("p95 latency"), &p95_, &p95Detail_),
        tile(tr("Bottleneck"), &bottleneck_, &bottleneckDetail_),
        tile(tr("Headroom"), &headroom_, &headroomDetail_),
    };
    for (int i = 0; i < 5; ++i) grid->addWidget(tiles[i], i / 2, i % 2);
    findings_ = new QLabel(this);
    findings_->setWordWrap(true);
    findings_->setTextFormat(Qt::RichText);
    grid->addWidget(findings_, 2, 1);
    bottleneck_->setCursor(Qt::PointingHandCursor);
    bottleneck_->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    connect(bottleneck_, &QLabel::linkActivated, this, [this] { emit bottleneckActivated(bottleneckId_); });
    connect(analysis, &LiveAnalysis::updated, this, &SummaryPanel::refresh);
    refresh();
}

// A dock does not pass height-for-width on: without a minimum height the
// wrapped details ("5.3 nines · 2.4 min down / year") were cut at 1440×900.
void SummaryPanel::fitHeight() {
    if (!layout() || width() <= 0) return;
    const int h = layout()->totalHeightForWidth(width());
    if (h > 0 && h != minimumHeight()) setMinimumHeight(h);
}

bool SummaryPanel::event(QEvent* e) {
    const bool r = QWidget::event(e);
    if (e->type() == QEvent::LayoutRequest) fitHeight();   // a text changed
    return r;
}

void SummaryPanel::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    fitHeight();
}

QWidget* SummaryPanel::tile(const QString& caption, QLabel** value, QLabel** detail) {
    auto* w = new QFrame(this);
    w->setObjectName(QStringLiteral("summaryTile"));
    // Palette roles, not a style sheet, so the tiles follow a theme switch.
    w->setAutoFillBackground(true);
    w->setBackgroundRole(QPalette::Base);
    w->setFrameShape(QFrame::StyledPanel);
    auto* v = new QVBoxLayout(w);
    v->setContentsMargins(10, 8, 10, 8);
    v->setSpacing(1);
    auto* c = new QLabel(caption.toUpper(), w);
    QFont cf = c->font();
    cf.setPixelSize(10);
    cf.setBold(true);
    cf.setLetterSpacing(QFont::AbsoluteSpacing, 0.7);
    c->setFont(cf);
    c->setForegroundRole(QPalette::PlaceholderText);
    *value = new QLabel(QStringLiteral("—"), w);
    QFont vf = (*value)->font();
    vf.setPixelSize(19);
    vf.setBold(true);
    (*value)->setFont(vf);
    *detail = new QLabel(w);
    QFont df = (*detail)->font();
    df.setPixelSize(11);
    (*detail)->setFont(df);
    (*detail)->setForegroundRole(QPalette::PlaceholderText);
    (*detail)->setWordWrap(true);
    v->addWidget(c);
    v->addWidget(*value);
    v->addWidget(*detail);
    return w;
}

void SummaryPanel::refresh() {
    const int errors = analysis_->errorCount(), warnings = analysis_->warningCount();
    // Red for errors only: "0 error(s)" in red reads as a problem that is not there.
    if (errors)
        findings_->setText(QStringLiteral("<span style='color:#dc2626; font-weight:600'>%1</span> · %2")
                               .arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings)));
    else if (warnings)
        findings_->setText(QStringLiteral("<span style='color:#d97706; font-weight:600'>%1</span>")
                               .arg(tr("%n warning(s)", nullptr, warnings)));
    else if (doc_->design().components.empty())
        findings_->setText(tr("Nothing to check yet"));   // a green "No findings" would praise an empty canvas
    else
        findings_->setText(tr("<span style='color:#16a34a; font-weight:600'>No findings</span>"));
    headroom_->setStyleSheet(QString());
    p95_->setStyleSheet(QString());
    bottleneckDetail_->setStyleSheet(QString());
    bottleneckDetail_->setForegroundRole(QPalette::PlaceholderText);
    if (analysis_->refusedInvalid()) {
        // Like `analyze`: an invalid design is not analysed, so no tile shows
        // a figure (a link to a missing component would read 100 % available).
        for (QLabel* l : {cost_, avail_, p95_, bottleneck_, headroom_}) l->setText(tr("Not analysed"));
        for (QLabel* l : {costDetail_, availDetail_, p95Detail_, bottleneckDetail_, headroomDetail_}) l->clear();
        QStringList errs;
        for (const Finding& f : analysis_->findings())
            if (f.severity == Severity::Error && errs.size() < 3) errs << QString::fromStdString(f.message);
        costDetail_->setText(tr("%n validation error(s): fix them to see figures", nullptr, errors));
        availDetail_->setText(errs.join(QLatin1Char('\n')));
        bottleneckId_.clear();
        return;
    }
    // An empty design has no figures: "100 %" and "99 nines" would describe nothing.
    if (!analysis_->resultsCurrent() || doc_->design().components.empty()) {
        const QString none = analysis_->hasEngine() ? QStringLiteral("—") : tr("n/a");
        for (QLabel* l : {cost_, avail_, p95_, bottleneck_, headroom_}) l->setText(none);
        for (QLabel* l : {costDetail_, availDetail_, p95Detail_, bottleneckDetail_, headroomDetail_}) l->clear();
        if (!analysis_->hasEngine()) costDetail_->setText(tr("analytic engine not available"));
        bottleneckId_.clear();
        return;
    }
    const Analysis& a = analysis_->analysis();
    const Summary& s = a.summary;
    const ComponentNames names(doc_->design());
    cost_->setText(formatMoney(s.cost_per_month_usd));
    costDetail_->setText(a.cost.per_million_requests > 0
                             ? tr("%1 per million requests").arg(formatMoney(a.cost.per_million_requests))
                             : QString());
    avail_->setText(formatAvailability(s.availability.availability));
    availDetail_->setText(tr("%1 nines · %2 min down / year")
                              .arg(s.availability.nines, 0, 'f', 1)
                              .arg(formatCount(s.availability.downtime_min_per_year)));
    QStringList saturated;
    for (const std::string& id : s.saturated_tiers) saturated << QString::fromStdString(names(id));
    p95_->setToolTip(QString());
    if (!std::isfinite(s.p95_ms)) {
        // A saturated tier on the path: its queue grows without bound.
        p95_->setText(tr("Saturated"));
        p95_->setStyleSheet(QStringLiteral("color:#dc2626"));
        p95Detail_->setText(saturated.size() == 1 ? tr("%1 over capacity").arg(saturated.front())
                                                  : tr("%n tier(s) over capacity", nullptr, int(saturated.size())));
        p95_->setToolTip(tr("No finite latency at the peak of %1 rps: %2 saturated")
                             .arg(formatCount(s.peak_rps), saturated.join(QStringLiteral(", "))));
    } else {
        p95_->setText(s.p95_ms > 0 ? formatMs(s.p95_ms) : QStringLiteral("—"));
        p95Detail_->setText(s.saturated ? tr("peak %1 rps; %n tier(s) saturated off the path", nullptr, int(saturated.size()))
                                              .arg(formatCount(s.peak_rps))
                                        : tr("peak %1 rps").arg(formatCount(s.peak_rps)));
        if (s.saturated) p95_->setToolTip(tr("Saturated off the request path: %1").arg(saturated.join(QStringLiteral(", "))));
    }
    bottleneckId_ = QString::fromStdString(s.bottleneck);
    const Component* b = doc_->component(s.bottleneck);
    if (b) {
        const QString name = QString::fromStdString(names(b->id));
        bottleneck_->setText(QStringLiteral("<a href='#' style='text-decoration:none'>%1</a>").arg(name.toHtmlEscaped()));
        bottleneck_->setToolTip(name);
        const int i = doc_->componentIndex(s.bottleneck);
        const ComponentResult& r = a.components[static_cast<std::size_t>(i)];
        if (r.saturated || !(r.utilization < 1.0)) {
            // Over capacity: a plain "utilisation 6808 %" would read as a figure, not a failure.
            bottleneckDetail_->setText(tr("overloaded: saturated at %1 of capacity").arg(formatPercent(r.utilization)));
            bottleneckDetail_->setStyleSheet(QStringLiteral("color:#dc2626; font-weight:600"));
        } else {
            bottleneckDetail_->setText(tr("utilisation %1").arg(formatPercent(r.utilization)));
        }
    } else {
        bottleneck_->setText(QStringLiteral("—"));
        bottleneck_->setToolTip(QString());
        bottleneckDetail_->clear();
    }
    headroom_->setText(b ? formatPercent(s.headroom) : QStringLiteral("—"));
    headroom_->setStyleSheet(b && s.headroom < 0 ? QStringLiteral("color:#dc2626") : QString());
    headroomDetail_->setText(b ? (s.headroom < 0 ? tr("overloaded at peak") : tr("growth the bottleneck absorbs")) : QString());
}

QString SummaryPanel::text() const {
    QStringList parts;
    for (QLabel* l : {cost_, costDetail_, avail_, availDetail_, p95_, p95Detail_, bottleneck_, bottleneckDetail_, headroom_,
                      headroomDetail_, findings_})
        parts << l->text();
    return parts.join('\n');
}

}  // namespace sw::views
