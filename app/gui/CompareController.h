// Puts the Compare dock into the main window and wires it: diff entries
// select on the canvas, the Variants dock's Compare button shows it, the
// theme follows the window's.
#pragma once

#include <QObject>

class QDockWidget;

namespace sw::views {
class ComparePanel;
}

namespace sw::app {

class MainWindow;

class CompareController : public QObject {
    Q_OBJECT
public:
    explicit CompareController(MainWindow* window);
    views::ComparePanel* panel() const { return panel_; }
    QDockWidget* dock() const { return dock_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    MainWindow* w_;
    views::ComparePanel* panel_;
    QDockWidget* dock_;
};

}  // namespace sw::app
