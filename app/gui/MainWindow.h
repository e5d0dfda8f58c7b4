// One editor window: the canvas in the middle, palette and variants on the
// left, summary and inspector on the right; wires the document, the live
// analysis, the file handling and the actions together.
#pragma once

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QLineEdit;

namespace sw::views {
class CanvasView;
class DesignDocument;
class DiagramScene;
class InspectorWidget;
class LiveAnalysis;
class PaletteWidget;
class SimulationPanel;
class SummaryPanel;
class VariantsPanel;
class WalkthroughPanel;
}  // namespace sw::views

namespace sw::app {

class FileController;
class InsightController;
class MainActions;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    views::DesignDocument* document() const { return doc_; }
    views::DiagramScene* scene() const { return scene_; }
    views::CanvasView* view() const { return view_; }
    views::InspectorWidget* inspector() const { return inspector_; }
    views::PaletteWidget* palette() const { return palette_; }
    views::SummaryPanel* summary() const { return summary_; }
    views::VariantsPanel* variants() const { return variants_; }
    views::SimulationPanel* simulation() const { return simulation_; }
    QDockWidget* simulationDock() const { return simulationDock_; }
    views::WalkthroughPanel* walkthrough() const { return walkthrough_; }
    views::LiveAnalysis* analysis() const { return analysis_; }
    FileController* files() const { return files_.get(); }
    MainActions* actions() const { return actions_.get(); }
    InsightController* insights() const { return insights_; }
    QLineEdit* findField() const { return find_; }

    void setThemeName(const QString& name);
    QString themeName() const { return themeName_; }
    void showHint(const QString& text);
    void updateTitle();

protected:
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;
    void showEvent(QShowEvent* e) override;

private:
    void buildDocks();
    void buildStatusBar();
    void restoreLayout();
    void defaultDockSizes();

    views::DesignDocument* doc_;
    views::LiveAnalysis* analysis_;
    views::DiagramScene* scene_;
    views::CanvasView* view_;
    views::PaletteWidget* palette_ = nullptr;
    views::InspectorWidget* inspector_ = nullptr;
    views::SummaryPanel* summary_ = nullptr;
    views::VariantsPanel* variants_ = nullptr;
    views::SimulationPanel* simulation_ = nullptr;
    QDockWidget* simulationDock_ = nullptr;
    bool sizeDocksOnShow_ = false;   // no remembered layout: default dock sizes at first show
    views::WalkthroughPanel* walkthrough_ = nullptr;
    QLineEdit* find_ = nullptr;
    QLabel* zoomLabel_ = nullptr;
    QLabel* countLabel_ = nullptr;
    std::unique_ptr<FileController> files_;
    std::unique_ptr<MainActions> actions_;
    InsightController* insights_ = nullptr;
    QString themeName_ = QStringLiteral("light");
};

}  // namespace sw::app
