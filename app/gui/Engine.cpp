#include "app/gui/Engine.h"

namespace sw::app {
views::LiveAnalysis::Engine liveEngine() { return nullptr; }
}  // namespace sw::app
