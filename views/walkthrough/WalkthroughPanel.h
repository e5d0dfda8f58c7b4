// The Walkthrough dock: walks the open design (or stage 1) through the
// scaling stages as its users grow; steps through them on a read-only
// preview canvas with the new parts highlighted, before/after cards and the
// trigger sentence; "Open as variant" takes a stage into the project.
#pragma once

#include <QWidget>

#include "planner/walkthrough/Walkthrough.h"
#include "views/theme/Theme.h"

class QComboBox;
class QGridLayout;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace sw::views {

class CanvasView;
class DesignDocument;
class DiagramScene;
class LiveAnalysis;
class WalkthroughChart;

class WalkthroughPanel : public QWidget {
    Q_OBJECT
public:
    explicit WalkthroughPanel(DesignDocument* doc, QWidget* parent = nullptr);
    void setTheme(const Theme& theme);

    const Walkthrough& walk() const { return walk_; }
    int stageIndex() const { return index_; }   // into walk().stages
    int month() const { return month_; }
    DiagramScene* previewScene() const { return scene_; }
    DesignDocument* previewDocument() const { return preview_; }

    void setFromDesign(bool fromDesign);   // false: start from stage 1
    void recompute();
    void showStage(int index);
    void showMonth(int month);
    void next() { showStage(index_ + 1); }
    void prev() { showStage(index_ - 1); }
    // Adds the stage shown (at the month shown) as a variant, undoably.
    void openAsVariant();

signals:
    void stepped(int stageIndex);

protected:
    bool eventFilter(QObject* watched, QEvent* e) override;

private:
    void walkFrom(bool fromDesign);
    void buildCards(QGridLayout* grid);
    void updateCards();
    void fadeIn(const std::vector<std::string>& ids);

    DesignDocument* doc_;
    DesignDocument* preview_;
    LiveAnalysis* previewAnalysis_;
    DiagramScene* scene_;
    CanvasView* view_;
    WalkthroughChart* chart_;
    QComboBox* from_;
    QDoubleSpinBox* users_;
    QDoubleSpinBox* growth_;
    QSpinBox* months_;
    QPushButton* prevButton_;
    QPushButton* nextButton_;
    QPushButton* variantButton_;
    QSlider* slider_;
    QLabel* title_;
    QLabel* added_;
    QLabel* trigger_;
    QLabel* error_;
    QLabel* cards_[4][2] = {};
    Walkthrough walk_;
    Theme theme_ = Theme::light();
    int index_ = -1;
    int month_ = 0;
    int shownStage_ = 0;
    int preferred_ = -1;
    bool fromChosen_ = false;   // the user picked "From ..." themselves   // the stage Prev/Next asked for
};

}  // namespace sw::views
