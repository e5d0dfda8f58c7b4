// The twelve stage designs (samples/stage-NN-*.json) compiled into the
// planner library by EmbedStages.cmake, so the walkthrough runs headless
// from any directory.
#pragma once

#include <span>
#include <string_view>

namespace sw::walk {

struct EmbeddedStage {
    std::string_view file;   // "stage-01-single-server.json"
    std::string_view json;
};

// In stage order (1..12).
std::span<const EmbeddedStage> embeddedStages();

}  // namespace sw::walk
