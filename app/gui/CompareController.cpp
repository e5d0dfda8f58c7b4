#include "app/gui/CompareController.h"

#include <QDockWidget>
#include <QEvent>
#include <QTimer>

#include "app/gui/MainWindow.h"
#include "views/compare/ComparePanel.h"
#include "views/views.h"

namespace sw::app {

CompareController::CompareController(MainWindow* window) : QObject(window), w_(window) {
    panel_ = new views::ComparePanel(w_->document(), w_->scene(), w_);
    dock_ = new QDockWidget(tr("Compare"), w_);
    dock_->setObjectName(QStringLiteral("compareDock"));
    dock_->setWidget(panel_);
    dock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    w_->addDockWidget(Qt::BottomDockWidgetArea, dock_);
    if (w_->simulationDock()) {
        w_->tabifyDockWidget(w_->simulationDock(), dock_);
        w_->simulationDock()->raise();
    }
    connect(panel_, &views::ComparePanel::componentActivated, w_, [this](const QString& id) {
        views::Selection s;
        s.components.insert(id.toStdString());
        w_->scene()->selectIds(s);
        w_->view()->centerOnSelection();
    });
    connect(w_->variants(), &views::VariantsPanel::compareRequested, this, [this] {
        dock_->show();
        dock_->raise();
    });
    w_->installEventFilter(this);
}

bool CompareController::eventFilter(QObject* watched, QEvent* event) {
    // The window's theme changes the application palette first and the scene's
    // colours next: read them once the switch is done.
    if (watched == w_ && event->type() == QEvent::PaletteChange)
        QTimer::singleShot(0, this, [this] { panel_->setTheme(w_->scene()->theme()); });
    return QObject::eventFilter(watched, event);
}

}  // namespace sw::app
