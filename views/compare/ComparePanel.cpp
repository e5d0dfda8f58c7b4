#include "views/compare/ComparePanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

#include "model/FieldSpec.h"

#include "views/canvas/DiagramScene.h"
#include "views/canvas/Format.h"
#include "views/compare/CostChart.h"
#include "views/compare/FigureText.h"
#include "views/compare/TornadoChart.h"
#include "views/document/DesignDocument.h"

namespace sw::views {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kVariantRole = Qt::UserRole + 1;

QString qs(const std::string& s) { return QString::fromStdString(s); }

void fillVariantCombo(QComboBox* combo, const Project& p, bool withNone, const QString& keep) {
    const QSignalBlocker block(combo);
    combo->clear();
    if (withNone) combo->addItem(QObject::tr("(none)"), QString());
    for (const Design& d : p.variants) {
        const QString name = qs(d.name);
        combo->addItem(elideMiddle(name, 26), name);
        combo->setItemData(combo->count() - 1, name + (d.description.empty() ? QString() : "\n\n" + qs(d.description)),
                           Qt::ToolTipRole);
    }
    const int i = combo->findData(keep);
    combo->setCurrentIndex(i >= 0 ? i : 0);
    combo->setToolTip(combo->currentData(Qt::ToolTipRole).toString());
}

}  // namespace

ComparePanel::ComparePanel(DesignDocument* doc, DiagramScene* scene, QWidget* parent)
    : QWidget(parent), doc_(doc), scene_(scene), overlay_(scene) {
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(8, 6, 8, 8);
    v->setSpacing(6);
    auto* pick = new QHBoxLayout;
    pick->setSpacing(6);
    pick->addWidget(new QLabel(tr("Base"), this));
    base_ = new QComboBox(this);
    base_->setObjectName(QStringLiteral("compareBase"));
    pick->addWidget(base_);
    pick->addWidget(new QLabel(tr("against"), this));
    for (int i = 0; i < kMaxOthers; ++i) {
        others_[static_cast<std::size_t>(i)] = new QComboBox(this);
        pick->addWidget(others_[static_cast<std::size_t>(i)]);
    }
    // Four combos of long variant names must not make the dock (and so the
    // window) wider than the screen: each shows 12 characters at least, the
    // popup and the tooltip the whole name.
    for (QComboBox* c : others_) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(12);
    }
    base_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    base_->setMinimumContentsLength(12);
    pick->addStretch(1);
    onCanvas_ = new QCheckBox(tr("Show changes on the canvas"), this);
    onCanvas_->setChecked(true);
    onCanvas_->setToolTip(tr("Outline what the variant on show added or changed from the base; removed parts appear as ghosts"));
    pick->addWidget(onCanvas_);
    v->addLayout(pick);

    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->hide();
    v->addWidget(message_);

    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);
    auto* split = new QSplitter(Qt::Horizontal, this);
    table_ = new QTableWidget(this);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->verticalHeader()->setDefaultSectionSize(22);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->setWordWrap(false);
    diff_ = new QTreeWidget(this);
    diff_->setHeaderLabels({tr("What changed"), tr("Before"), tr("After")});
    diff_->setRootIsDecorated(true);
    diff_->setUniformRowHeights(true);
    split->addWidget(table_);
    split->addWidget(diff_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    tabs_->addTab(split, tr("Figures"));

    auto* sens = new QWidget(this);
    auto* sv = new QVBoxLayout(sens);
    sv->setContentsMargins(0, 6, 0, 0);
    auto* srow = new QHBoxLayout;
    sensitivityTitle_ = new QLabel(sens);
    figure_ = new QComboBox(sens);
    figure_->addItem(tr("Cost per month"), int(whatif::Outcome::Cost));
    figure_->addItem(tr("Availability"), int(whatif::Outcome::Availability));
    figure_->addItem(tr("p95 latency"), int(whatif::Outcome::P95));
    figure_->addItem(tr("Runway month"), int(whatif::Outcome::Runway));
    srow->addWidget(sensitivityTitle_, 1);
    srow->addWidget(new QLabel(tr("Figure"), sens));
    srow->addWidget(figure_);
    sv->addLayout(srow);
    tornado_ = new TornadoChart(sens);
    sv->addWidget(tornado_, 1);
    tabs_->addTab(sens, tr("Sensitivity"));

    auto* growth = new QWidget(this);
    auto* gv = new QVBoxLayout(growth);
    gv->setContentsMargins(0, 6, 0, 0);
    crossoverText_ = new QLabel(growth);
    crossoverText_->setWordWrap(true);
    gv->addWidget(crossoverText_);
    cost_ = new CostChart(growth);
    gv->addWidget(cost_, 1);
    tabs_->addTab(growth, tr("Cost over time"));
    v->addWidget(tabs_, 1);

    timer_ = new QTimer(this);
    timer_->setSingleShot(true);
    timer_->setInterval(250);
    connect(timer_, &QTimer::timeout, this, &ComparePanel::recompute);
    connect(doc_, &DesignDocument::variantsChanged, this, [this] {
        refreshCombos();
        schedule();
    });
    connect(doc_, &DesignDocument::designReset, this, [this] {
        refreshCombos();
        schedule();
    });
    connect(doc_->undoStack(), &QUndoStack::indexChanged, this, [this] {
        sensitivityDirty_ = true;
        schedule();
    });
    for (QComboBox* c : others_) connect(c, &QComboBox::currentIndexChanged, this, &ComparePanel::schedule);
    connect(base_, &QComboBox::currentIndexChanged, this, &ComparePanel::schedule);
    connect(onCanvas_, &QCheckBox::toggled, this, &ComparePanel::applyOverlay);
    connect(figure_, &QComboBox::currentIndexChanged, this, [this] {
        if (sensitivity_) tornado_->setSensitivity(*sensitivity_, whatif::Outcome(figure_->currentData().toInt()));
    });
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int i) {
        if (i == 1 && sensitivityDirty_) recomputeSensitivity();
    });
    connect(diff_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(0, kIdRole).toString();
        const int variant = item->data(0, kVariantRole).toInt();
        if (id.isEmpty()) return;
        doc_->setCurrentVariant(variant);
        emit componentActivated(id);
    });
    connect(diff_, &QTreeWidget::itemClicked, diff_, &QTreeWidget::itemActivated);
    refreshCombos();
}

void ComparePanel::refreshCombos() {
    const Project& p = doc_->project();
    QStringList names;
    for (const Design& d : p.variants) names << qs(d.name);
    // A project just opened (none of the names known): the first variant against the next three.
    bool fresh = true;
    for (const QString& n : knownNames_) fresh = fresh && !names.contains(n);
    knownNames_ = names;
    const QString keepBase = base_->currentData().toString();
    fillVariantCombo(base_, p, false, fresh || keepBase.isEmpty() ? names.front() : keepBase);
    for (int i = 0; i < kMaxOthers; ++i) {
        QComboBox* c = others_[static_cast<std::size_t>(i)];
        QString keep = c->currentData().toString();
        if (fresh) keep = i + 1 < names.size() ? names[i + 1] : QString();
        fillVariantCombo(c, p, true, keep);
    }
}

std::vector<std::string> ComparePanel::chosenNames() const {
    std::vector<std::string> names{base_->currentData().toString().toStdString()};
    for (QComboBox* c : others_) {
        const std::string n = c->currentData().toString().toStdString();
        if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    }
    return names;
}

void ComparePanel::schedule() {
    if (isVisible()) timer_->start();
    else sensitivityDirty_ = true;
}

void ComparePanel::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    timer_->start(0);
}

void ComparePanel::hideEvent(QHideEvent* e) {
    QWidget::hideEvent(e);
    overlay_.clear();
}

void ComparePanel::recompute() {
    timer_->stop();
    for (QComboBox* c : others_) c->setToolTip(c->currentData(Qt::ToolTipRole).toString());
    base_->setToolTip(base_->currentData(Qt::ToolTipRole).toString());
    auto c = whatif::compare(doc_->project(), chosenNames(), base_->currentData().toString().toStdString());
    if (!c) {
        comparison_.reset();
        message_->setText(qs(c.error()));
        message_->show();
        table_->clear();
        diff_->clear();
        overlay_.clear();
        return;
    }
    message_->setVisible(doc_->project().variants.size() < 2);
    message_->setText(tr("This project has one variant. Use New from current in the Variants dock to try a what-if."));
    comparison_ = std::move(c).value();
    fillTable();
    fillDiff();
    cost_->setComparison(*comparison_);
    QStringList lines;
    for (const whatif::VariantDelta& d : comparison_->deltas) {
        if (d.variant == d.base) continue;
        if (!d.crossover)
            lines << tr("%1 vs %2: the cost lines do not cross within %3 months.").arg(qs(d.base), qs(d.variant)).arg(whatif::kHorizonMonths);
        else if (d.crossover->metric == "runway_month")
            lines << tr("%1 is cheaper but runs out of runway in month %2 (%3 users); then %4.")
                         .arg(qs(d.crossover->cheaper_before)).arg(d.crossover->month).arg(formatCount(d.crossover->users))
                         .arg(qs(d.crossover->cheaper_after));
        else
            lines << tr("%1 is cheaper until month %2, then %3 (month %4, %5 users).")
                         .arg(qs(d.crossover->cheaper_before)).arg(d.crossover->month - 1).arg(qs(d.crossover->cheaper_after))
                         .arg(d.crossover->month).arg(formatCount(d.crossover->users));
    }
    crossoverText_->setText(lines.join('\n'));
    applyOverlay();
    if (tabs_->currentIndex() == 1 && sensitivityDirty_) recomputeSensitivity();
}

void ComparePanel::recomputeSensitivity() {
    const Design& d = doc_->design();
    sensitivityTitle_->setText(tr("%1: each input moved by ±10 %, largest swing on top").arg(elideMiddle(qs(d.name), 40)));
    sensitivityTitle_->setToolTip(qs(d.name));
    auto s = whatif::sensitivity(d, 0.1);
    sensitivityDirty_ = false;
    if (!s) {
        sensitivity_.reset();
        sensitivityTitle_->setText(qs(s.error()));
        return;
    }
    sensitivity_ = std::move(s).value();
    tornado_->setSensitivity(*sensitivity_, whatif::Outcome(figure_->currentData().toInt()));
}

void ComparePanel::fillTable() {
    const whatif::Comparison& c = *comparison_;
    table_->clear();
    table_->setColumnCount(static_cast<int>(c.variants.size()));
    table_->setRowCount(static_cast<int>(c.figures.size()) + 1);
    QStringList rows;
    for (const whatif::FigureSpec& f : c.figures) rows << figureLabel(f);
    rows << tr("Bottleneck");
    table_->setVerticalHeaderLabels(rows);
    QColor better = theme_.diffAdded, worse = theme_.invalid;
    better.setAlpha(theme_.dark ? 70 : 45);
    worse.setAlpha(theme_.dark ? 70 : 40);
    for (int v = 0; v < static_cast<int>(c.variants.size()); ++v) {
        const whatif::VariantFigures& vf = c.variants[static_cast<std::size_t>(v)];
        const QString name = qs(vf.name);
        QString invalid;
        for (const Finding& f : vf.analysis.findings)
            if (f.severity == Severity::Error && invalid.isEmpty()) invalid = qs(f.message);
        auto* head = new QTableWidgetItem(elideMiddle(name, 24) + (v == 0 ? tr(" (base)") : QString()) +
                                          (invalid.isEmpty() ? QString() : tr(" — invalid")));
        head->setToolTip(invalid.isEmpty() ? name : name + "\n\n" + tr("Invalid design: %1").arg(invalid));
        if (!invalid.isEmpty()) head->setForeground(theme_.invalid);
        table_->setHorizontalHeaderItem(v, head);
        const whatif::VariantDelta& d = c.deltas[static_cast<std::size_t>(v)];
        // An empty variant (File › New) has no figures: "100 %" and "99 nines"
        // would describe nothing, as on the summary cards.
        const bool empty = vf.analysis.components.empty();
        for (int f = 0; f < static_cast<int>(c.figures.size()); ++f) {
            const whatif::FigureSpec& spec = c.figures[static_cast<std::size_t>(f)];
            const whatif::Delta& x = d.figures[static_cast<std::size_t>(f)];
            if (empty) {
                auto* none = new QTableWidgetItem(QStringLiteral("—"));
                none->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                none->setToolTip(tr("No components yet"));
                none->setData(Qt::UserRole, 0);
                table_->setItem(f, v, none);
                continue;
            }
            QString text = figureShort(spec, x.value);
            const QString dt = deltaShort(spec, x);
            if (!dt.isEmpty()) text += QStringLiteral("   ") + dt;
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            QString tip = figureLabel(spec) + ": " + figureExact(spec, x.value);
            if (v > 0) tip += "\n" + tr("base %1, delta %2").arg(figureExact(spec, x.base), figureExact(spec, x.delta));
            item->setToolTip(tip);
            if (x.verdict > 0) item->setBackground(better);
            if (x.verdict < 0) item->setBackground(worse);
            item->setData(Qt::UserRole, x.verdict);
            table_->setItem(f, v, item);
        }
        auto* b = new QTableWidgetItem(vf.bottleneck.empty() ? QStringLiteral("–") : qs(vf.bottleneck));
        b->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        b->setToolTip(b->text());
        table_->setItem(static_cast<int>(c.figures.size()), v, b);
    }
}

void ComparePanel::fillDiff() {
    const whatif::Comparison& c = *comparison_;
    diff_->clear();
    auto variantIndex = [this](const std::string& name) {
        const auto& vs = doc_->project().variants;
        for (std::size_t i = 0; i < vs.size(); ++i)
            if (vs[i].name == name) return static_cast<int>(i);
        return 0;
    };
    auto text = [](const whatif::FieldChange& f, bool old) {
        if (!f.numeric) return qs(old ? f.old_text : f.new_text);
        return qs(formatNumber(old ? f.old_number : f.new_number)) + (f.unit.empty() ? QString() : ' ' + qs(f.unit));
    };
    for (std::size_t v = 1; v < c.deltas.size(); ++v) {
        const whatif::VariantDelta& d = c.deltas[v];
        const int base = variantIndex(d.base), variant = variantIndex(d.variant);
        auto* top = new QTreeWidgetItem(diff_, {tr("%1 → %2").arg(elideMiddle(qs(d.base), 20), elideMiddle(qs(d.variant), 20))});
        top->setToolTip(0, qs(d.base) + " → " + qs(d.variant));
        top->setFirstColumnSpanned(true);
        auto add = [&](const QString& what, const QString& id, int where, const QString& before = {}, const QString& after = {},
                       const QColor& colour = {}) {
            auto* it = new QTreeWidgetItem(top, {what, before, after});
            it->setData(0, kIdRole, id);
            it->setData(0, kVariantRole, where);
            it->setToolTip(0, what);
            if (colour.isValid()) it->setForeground(0, colour);
        };
        for (const auto& id : d.diff.components_added) add(tr("+ %1").arg(qs(id)), qs(id), variant, {}, tr("added"), theme_.diffAdded);
        for (const auto& id : d.diff.components_removed) add(tr("− %1").arg(qs(id)), qs(id), base, tr("removed"), {}, theme_.diffRemoved);
        for (const auto& f : d.diff.components_changed)
            add(tr("~ %1 %2").arg(qs(f.id), qs(f.field)), qs(f.id), variant, text(f, true), text(f, false), theme_.diffChanged);
        for (const auto& id : d.diff.links_added) add(tr("+ link %1").arg(qs(id)), {}, variant, {}, tr("added"));
        for (const auto& id : d.diff.links_removed) add(tr("− link %1").arg(qs(id)), {}, base, tr("removed"));
        for (const auto& f : d.diff.links_changed) add(tr("~ link %1 %2").arg(qs(f.id), qs(f.field)), {}, variant, text(f, true), text(f, false));
        for (const auto& f : d.diff.workload_changed) add(tr("~ workload %1").arg(qs(f.field)), {}, variant, text(f, true), text(f, false));
        for (const auto& id : d.diff.regions_added) add(tr("+ region %1").arg(qs(id)), {}, variant);
        for (const auto& id : d.diff.regions_removed) add(tr("− region %1").arg(qs(id)), {}, base);
        for (const auto& f : d.diff.regions_changed) add(tr("~ region %1 %2").arg(qs(f.id), qs(f.field)), {}, variant, text(f, true), text(f, false));
        for (const auto& id : d.diff.zones_added) add(tr("+ zone %1").arg(qs(id)), {}, variant);
        for (const auto& id : d.diff.zones_removed) add(tr("− zone %1").arg(qs(id)), {}, base);
        for (const auto& f : d.diff.zones_changed) add(tr("~ zone %1 %2").arg(qs(f.id), qs(f.field)), {}, variant, text(f, true), text(f, false));
        if (top->childCount() == 0) new QTreeWidgetItem(top, {tr("no differences")});
        top->setExpanded(true);
    }
    diff_->resizeColumnToContents(0);
}

void ComparePanel::applyOverlay() {
    overlay_.clear();
    if (!comparison_ || !onCanvas_->isChecked() || !isVisible()) return;
    const Design* base = doc_->project().findVariant(comparison_->base);
    if (!base || base->name == doc_->design().name) return;
    overlay_.show(*base, whatif::diff(*base, doc_->design()));
}

void ComparePanel::setTheme(const Theme& theme) {
    theme_ = theme;
    tornado_->setTheme(theme);
    cost_->setTheme(theme);
    if (comparison_) {
        fillTable();
        fillDiff();
        cost_->setComparison(*comparison_);
    }
}

}  // namespace sw::views
