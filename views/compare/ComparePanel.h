// The Compare dock: a base and up to three more variants side by side (a
// column per variant, a row per figure, deltas coloured better / worse), the
// diff as a list, the sensitivity tornado and the cost-over-months lines.
// Every number comes from planner/whatif; this file arranges and colours.
#pragma once

#include <QStringList>
#include <QWidget>

#include <array>
#include <optional>

#include "planner/whatif/WhatIf.h"
#include "views/canvas/DiffOverlay.h"
#include "views/theme/Theme.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;
class QTabWidget;
class QTimer;
class QTreeWidget;

namespace sw::views {

class CostChart;
class DesignDocument;
class DiagramScene;
class TornadoChart;

class ComparePanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxOthers = 3;
    ComparePanel(DesignDocument* doc, DiagramScene* scene, QWidget* parent = nullptr);

    // Recomputes now (normally coalesced after edits, and only while shown).
    void recompute();
    void recomputeSensitivity();
    void setTheme(const Theme& theme);

    const std::optional<whatif::Comparison>& comparison() const { return comparison_; }
    const std::optional<whatif::Sensitivity>& sensitivity() const { return sensitivity_; }
    QComboBox* baseCombo() const { return base_; }
    QComboBox* otherCombo(int i) const { return others_[static_cast<std::size_t>(i)]; }
    QComboBox* figureCombo() const { return figure_; }
    QCheckBox* showOnCanvas() const { return onCanvas_; }
    QTableWidget* table() const { return table_; }
    QTreeWidget* diffList() const { return diff_; }
    QTabWidget* tabs() const { return tabs_; }
    TornadoChart* tornado() const { return tornado_; }
    CostChart* costChart() const { return cost_; }
    const DiffOverlay& overlay() const { return overlay_; }

signals:
    // A diff entry was clicked: the variant holding the component is on show; select it.
    void componentActivated(const QString& id);

protected:
    void showEvent(QShowEvent* e) override;
    void hideEvent(QHideEvent* e) override;

private:
    void refreshCombos();
    void schedule();
    void fillTable();
    void fillDiff();
    void applyOverlay();
    std::vector<std::string> chosenNames() const;

    DesignDocument* doc_;
    DiagramScene* scene_;
    QComboBox* base_;
    std::array<QComboBox*, kMaxOthers> others_{};
    QCheckBox* onCanvas_;
    QTabWidget* tabs_;
    QTableWidget* table_;
    QTreeWidget* diff_;
    QLabel* message_;
    QComboBox* figure_;
    QLabel* sensitivityTitle_;
    TornadoChart* tornado_;
    CostChart* cost_;
    QLabel* crossoverText_;
    QTimer* timer_;
    DiffOverlay overlay_;
    Theme theme_ = Theme::light();
    std::optional<whatif::Comparison> comparison_;
    std::optional<whatif::Sensitivity> sensitivity_;
    bool sensitivityDirty_ = true;
    QStringList knownNames_;   // the variants the combos were last filled from
};

}  // namespace sw::views
