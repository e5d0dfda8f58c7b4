// Scalewright's entry point: a verb runs headless, anything else opens the app.
#include "app/GuiMain.h"
#include "app/cli/Cli.h"

int main(int argc, char** argv) {
    if (auto rc = sw::cli::runCommandLine(argc, argv)) return *rc;
    return sw::app::runGui(argc, argv);
}
