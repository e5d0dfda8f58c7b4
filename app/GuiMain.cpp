#include "app/GuiMain.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

namespace sw::app {

int runGui(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("Scalewright");
    QMainWindow window;
    window.setCentralWidget(new QLabel("Scalewright"));
    window.show();
    return app.exec();
}

}  // namespace sw::app
