// The analytic engine the windows run live (one place to name it).
#pragma once

#include "views/document/LiveAnalysis.h"

namespace sw::app {
views::LiveAnalysis::Engine liveEngine();
}
