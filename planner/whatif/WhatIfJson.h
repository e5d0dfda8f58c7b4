// The JSON forms of a comparison and a sensitivity (schema in docs/cli.md),
// built here so the command line and the GUI export the same.
#pragma once

#include <string>

#include "planner/whatif/WhatIf.h"

namespace sw::whatif {

// Each variant's "summary" is analyze --json's summary, written by the same code.
std::string comparisonToJson(const Comparison& comparison);
std::string sensitivityToJson(const std::string& designName, const Sensitivity& sensitivity);

}  // namespace sw::whatif
