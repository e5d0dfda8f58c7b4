#include "app/gui/Engine.h"

#include "planner/Analysis.h"

namespace sw::app {
// The canvas shows figures, not their derivations: the engine's live entry
// point skips the per-tier traces.
views::LiveAnalysis::Engine liveEngine() { return &sw::analyzeLive; }
}  // namespace sw::app
