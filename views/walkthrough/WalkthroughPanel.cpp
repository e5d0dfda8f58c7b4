#include "views/walkthrough/WalkthroughPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFrame>
#include <QGraphicsItem>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QUndoStack>
#include <QVariantAnimation>
#include <QVBoxLayout>

#include <cmath>

#include "planner/Analysis.h"
#include "views/canvas/CanvasView.h"
#include "views/canvas/ComponentItem.h"
#include "views/canvas/DiagramScene.h"
#include "views/commands/RemoveCommand.h"
#include "views/commands/VariantCommand.h"
#include "views/document/DesignDocument.h"
#include "views/document/LiveAnalysis.h"
#include "views/walkthrough/WalkthroughChart.h"

namespace sw::views {

namespace {

QString money(double v) { return QStringLiteral("$") + QLocale().toString(v, 'f', v < 1000 ? 2 : 0); }
QString pct(double a) { return QLocale().toString(a * 100, 'f', 3) + QStringLiteral(" %"); }
QString ms(double v) { return std::isfinite(v) ? QLocale().toString(v, 'f', 1) + QStringLiteral(" ms") : QObject::tr("saturated"); }
QString count(double v) { return QLocale().toString(v, 'f', 0); }

}  // namespace

WalkthroughPanel::WalkthroughPanel(DesignDocument* doc, QWidget* parent)
    : QWidget(parent),
      doc_(doc),
      preview_(new DesignDocument(this)),
      previewAnalysis_(new LiveAnalysis(preview_, &analyzeLive, this)),
      scene_(new DiagramScene(preview_, previewAnalysis_, this)),
      view_(new CanvasView(scene_, this)),
      chart_(new WalkthroughChart(this)) {
    setObjectName(QStringLiteral("walkthroughPanel"));
    view_->setInteractive(false);   // a preview: edits happen on a variant
    view_->setMinimumSize(240, 160);   // narrow enough that the window fits 1440 px beside the right column

    from_ = new QComboBox(this);
    from_->addItems({tr("From stage 1"), tr("From this design")});
    users_ = new QDoubleSpinBox(this);
    users_->setRange(1, 1e11);
    users_->setDecimals(0);
    users_->setGroupSeparatorShown(true);
    users_->setValue(1000);
    growth_ = new QDoubleSpinBox(this);
    growth_->setRange(kMinWalkGrowth * 100, kMaxWalkGrowth * 100);
    growth_->setSuffix(QStringLiteral(" %/month"));
    growth_->setDecimals(1);
    growth_->setValue(20);
    months_ = new QSpinBox(this);
    months_->setRange(1, kMaxWalkMonths);
    months_->setValue(60);
    months_->setSuffix(tr(" months"));
    prevButton_ = new QPushButton(tr("◀ Prev"), this);
    nextButton_ = new QPushButton(tr("Next ▶"), this);
    variantButton_ = new QPushButton(tr("Open this stage as a variant"), this);
    slider_ = new QSlider(Qt::Horizontal, this);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("walkthroughTitle"));
    QFont tf = title_->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    tf.setBold(true);
    title_->setFont(tf);
    // Wraps rather than widening the dock: a long design name would push the
    // window past the screen now that the bottom tabs stop at the right column.
    title_->setWordWrap(true);
    added_ = new QLabel(this);
    added_->setWordWrap(true);
    trigger_ = new QLabel(this);
    trigger_->setWordWrap(true);
    // "Why here" + "Ends" wrap to two lines beside the preview; a minimum that
    // says so keeps the dock from squeezing the chart's axis title off.
    trigger_->setMinimumHeight(trigger_->fontMetrics().lineSpacing() * 3);
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->hide();

    auto* controls = new QHBoxLayout;
    controls->addWidget(from_);
    controls->addWidget(new QLabel(tr("Users"), this));
    controls->addWidget(users_);
    controls->addWidget(new QLabel(tr("Growth"), this));
    controls->addWidget(growth_);
    controls->addWidget(new QLabel(tr("Horizon"), this));
    controls->addWidget(months_);
    controls->addStretch();
    controls->addWidget(prevButton_);
    controls->addWidget(nextButton_);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(chart_, 1);
    leftLayout->addWidget(slider_);
    leftLayout->addWidget(title_);
    leftLayout->addWidget(added_);
    auto* grid = new QGridLayout;
    buildCards(grid);
    leftLayout->addLayout(grid);
    leftLayout->addWidget(trigger_);
    // The button goes under the preview it opens: the left column keeps its
    // height for the chart (its axis title is cut below 150 px).
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(view_, 1);
    rightLayout->addWidget(variantButton_, 0, Qt::AlignRight);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(controls);
    layout->addWidget(error_);
    layout->addWidget(split, 1);

    connect(from_, &QComboBox::currentIndexChanged, this, [this](int i) { setFromDesign(i == 1); });
    for (QDoubleSpinBox* s : {users_, growth_}) connect(s, &QDoubleSpinBox::editingFinished, this, &WalkthroughPanel::recompute);
    connect(months_, &QSpinBox::editingFinished, this, &WalkthroughPanel::recompute);
    connect(prevButton_, &QPushButton::clicked, this, &WalkthroughPanel::prev);
    connect(nextButton_, &QPushButton::clicked, this, &WalkthroughPanel::next);
    connect(variantButton_, &QPushButton::clicked, this, &WalkthroughPanel::openAsVariant);
    connect(slider_, &QSlider::valueChanged, this, &WalkthroughPanel::showMonth);
    connect(chart_, &WalkthroughChart::monthClicked, this, &WalkthroughPanel::showMonth);
    // A design just opened is walked from where it is, unless the user chose otherwise.
    connect(doc_, &DesignDocument::designReset, this, [this] {
        if (from_->currentIndex() == 1 || (!fromChosen_ && doc_->design().components.size() > 1)) walkFrom(true);
    });
    // The preview is fitted when it is laid out (it may be built in a hidden tab).
    view_->viewport()->installEventFilter(this);
    recompute();
}

bool WalkthroughPanel::eventFilter(QObject* watched, QEvent* e) {
    if (watched == view_->viewport() && e->type() == QEvent::Resize) view_->fitToContents();
    return QWidget::eventFilter(watched, e);
}

void WalkthroughPanel::buildCards(QGridLayout* grid) {
    const QString names[4] = {tr("Peak load"), tr("Cost / month"), tr("Availability"), tr("p95 latency")};
    for (int i = 0; i < 4; ++i) {
        auto* frame = new QFrame(this);
        frame->setFrameShape(QFrame::StyledPanel);
        auto* v = new QVBoxLayout(frame);
        v->setContentsMargins(8, 4, 8, 4);
        auto* name = new QLabel(names[i], frame);
        QFont f = name->font();
        f.setPointSizeF(f.pointSizeF() * 0.9);
        name->setFont(f);
        cards_[i][0] = new QLabel(frame);   // after (big)
        QFont big = cards_[i][0]->font();
        big.setBold(true);
        big.setPointSizeF(big.pointSizeF() * 1.15);
        cards_[i][0]->setFont(big);
        cards_[i][1] = new QLabel(frame);   // before -> change
        v->addWidget(name);
        v->addWidget(cards_[i][0]);
        v->addWidget(cards_[i][1]);
        grid->addWidget(frame, 0, i);
    }
}

void WalkthroughPanel::setTheme(const Theme& theme) {
    theme_ = theme;
    scene_->setTheme(theme);
    chart_->setTheme(theme);
    error_->setStyleSheet(QStringLiteral("color: %1").arg(theme.invalid.name()));
    updateCards();
}

void WalkthroughPanel::setFromDesign(bool fromDesign) {
    fromChosen_ = true;
    walkFrom(fromDesign);
}

void WalkthroughPanel::walkFrom(bool fromDesign) {
    const QSignalBlocker block(from_);
    from_->setCurrentIndex(fromDesign ? 1 : 0);
    const Workload w = fromDesign ? doc_->design().workload : stageTemplates().front().design.workload;
    users_->setValue(std::max(1.0, w.users));
    growth_->setValue(std::clamp(w.monthly_growth, kMinWalkGrowth, kMaxWalkGrowth) * 100);
    recompute();
}

void WalkthroughPanel::recompute() {
    WalkOptions o;
    o.users = users_->value();
    o.monthly_growth = growth_->value() / 100.0;
    o.months = months_->value();
    if (from_->currentIndex() == 1) o.design = doc_->design();
    auto w = walkthrough(o);
    if (!w) {
        error_->setText(QString::fromStdString(w.error()));
        error_->show();
        return;
    }
    error_->hide();
    walk_ = std::move(w).value();
    chart_->setWalk(walk_);
    {
        const QSignalBlocker block(slider_);
        slider_->setRange(0, walk_.months);
    }
    index_ = -1;
    shownStage_ = 0;
    showStage(0);
}

void WalkthroughPanel::showStage(int index) {
    if (walk_.stages.empty()) return;
    preferred_ = std::clamp(index, 0, static_cast<int>(walk_.stages.size()) - 1);
    showMonth(walk_.stages[static_cast<std::size_t>(preferred_)].from_month);
}

void WalkthroughPanel::showMonth(int month) {
    if (walk_.stages.empty()) return;
    month_ = std::clamp(month, 0, walk_.months);
    int index = 0;
    for (std::size_t i = 0; i < walk_.stages.size(); ++i)
        if (walk_.stages[i].from_month <= month_) index = static_cast<int>(i);
    // A stage stepped to directly wins over a later one starting the same month.
    if (preferred_ >= 0 && walk_.stages[static_cast<std::size_t>(preferred_)].from_month == month_) index = preferred_;
    preferred_ = -1;
    const WalkStage& st = walk_.stages[static_cast<std::size_t>(index)];
    Walkthrough one;   // the stage in force, scaled to the month shown
    one.stages = {st};
    Project p;
    p.name = "Walkthrough preview";
    p.variants.push_back(designAtMonth(one, month_));
    preview_->resetProject(std::move(p));
    view_->fitToContents();
    {
        const QSignalBlocker block(slider_);
        slider_->setValue(month_);
    }
    chart_->setMonth(month_);
    const bool entered = shownStage_ != st.stage;
    shownStage_ = st.stage;
    const bool changed = index_ != index;
    index_ = index;
    // The user's own design keeps its own name (often "Stage 5: …" already);
    // a catalogue stage is named by its number.
    const QString stageName = st.users_design ? QString::fromStdString(st.name)
                                              : tr("Stage %1: %2").arg(st.stage).arg(QString::fromStdString(st.name));
    title_->setText(tr("%1 · months %2–%3 · month %4: %5 users")
                        .arg(stageName)
                        .arg(st.from_month)
                        .arg(st.to_month)
                        .arg(month_)
                        .arg(count(walk_.users_by_month[static_cast<std::size_t>(month_)])));
    QStringList adds;
    for (const std::string& a : st.added) adds << QString::fromStdString(a);
    added_->setText(st.users_design ? tr("Your design (stage %1: %2)").arg(walk_.current_stage).arg(QString::fromStdString(walk_.current_reason))
                                    : tr("Adds: %1").arg(adds.isEmpty() ? tr("nothing new by kind") : adds.join(QStringLiteral(", "))));
    Selection sel;
    for (const std::string& id : st.added_ids) sel.components.insert(id);
    scene_->selectIds(sel);
    if (entered) fadeIn(st.added_ids);
    prevButton_->setEnabled(index_ > 0);
    nextButton_->setEnabled(index_ + 1 < static_cast<int>(walk_.stages.size()));
    updateCards();
    if (changed) emit stepped(index_);
}

void WalkthroughPanel::fadeIn(const std::vector<std::string>& ids) {
    QList<QGraphicsItem*> items;
    for (const std::string& id : ids)
        if (auto* item = scene_->componentItem(QString::fromStdString(id))) items << item;
    if (items.isEmpty()) return;
    auto* anim = new QVariantAnimation(this);
    anim->setStartValue(0.0);
    anim->setEndValue(1.0);
    anim->setDuration(700);
    anim->setEasingCurve(QEasingCurve::OutCubic);
    connect(anim, &QVariantAnimation::valueChanged, this, [this, ids](const QVariant& v) {
        for (const std::string& id : ids)
            if (auto* item = scene_->componentItem(QString::fromStdString(id))) item->setOpacity(v.toDouble());
    });
    anim->start(QAbstractAnimation::DeleteWhenStopped);
}

void WalkthroughPanel::updateCards() {
    if (index_ < 0 || index_ >= static_cast<int>(walk_.stages.size()) || !cards_[0][0]) return;
    const WalkStage& st = walk_.stages[static_cast<std::size_t>(index_)];
    const QString muted = theme_.nodeMuted.name();
    cards_[0][0]->setText(QLocale().toString(st.peak_rps_at_entry, 'f', 1) + tr(" rps"));
    cards_[0][1]->setText(std::isfinite(st.capacity_peak_rps) ? tr("fixed tiers carry %1 rps").arg(count(st.capacity_peak_rps))
                                                              : tr("every tier scales out"));
    cards_[1][0]->setText(money(st.cost_per_month_usd));
    cards_[2][0]->setText(pct(st.availability));
    cards_[3][0]->setText(ms(st.p95_ms));
    if (st.gain) {
        const StageGain& g = *st.gain;
        cards_[1][1]->setText(tr("was %1 (%2%3)").arg(money(g.cost_per_month_usd_before), g.cost_per_month_usd_added >= 0 ? "+" : "−",
                                                      money(std::abs(g.cost_per_month_usd_added))));
        cards_[2][1]->setText(tr("was %1 (%2%3 nines)").arg(pct(g.availability_before), g.nines_added > -0.005 ? "+" : "−",
                                                            QLocale().toString(std::abs(g.nines_added), 'f', 2)));
        cards_[3][1]->setText(tr("was %1").arg(ms(g.p95_ms_before)));
    } else {
        for (int i = 1; i < 4; ++i) cards_[i][1]->setText(tr("starting point"));
    }
    for (int i = 0; i < 4; ++i) cards_[i][1]->setStyleSheet(QStringLiteral("color: %1").arg(muted));
    QString text;
    if (index_ > 0 && walk_.stages[static_cast<std::size_t>(index_ - 1)].trigger)
        text += tr("<b>Why here:</b> in month %1, %2.<br>")
                    .arg(walk_.stages[static_cast<std::size_t>(index_ - 1)].trigger->month)
                    .arg(QString::fromStdString(walk_.stages[static_cast<std::size_t>(index_ - 1)].trigger->sentence).toHtmlEscaped());
    if (st.trigger)
        text += tr("<b>Ends:</b> in month %1, %2.").arg(st.trigger->month).arg(QString::fromStdString(st.trigger->sentence).toHtmlEscaped());
    else
        text += tr("<b>Ends:</b> no trigger fires before month %1.").arg(walk_.months);
    trigger_->setText(text);
}

void WalkthroughPanel::openAsVariant() {
    if (index_ < 0) return;
    const WalkStage& st = walk_.stages[static_cast<std::size_t>(index_)];
    Design d = preview_->design();
    std::string base = "Stage " + std::to_string(st.stage) + ": " + st.name + " (month " + std::to_string(month_) + ")";
    d.name = base;
    for (int k = 2; doc_->project().findVariant(d.name); ++k) d.name = base + " " + std::to_string(k);
    const int at = static_cast<int>(doc_->project().variants.size());
    doc_->undoStack()->push(new VariantCommand(doc_, VariantCommand::Op::Add, at, d));
}

}  // namespace sw::views
