// Starts the desktop application (QApplication, main window, optional file).
#pragma once

namespace sw::app {
int runGui(int argc, char** argv);
}
