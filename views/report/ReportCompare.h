// The capacity report's comparison section: the project's variants side by
// side (figures with deltas against the base), what each changed, and the
// month the cost lines cross. Formats planner/whatif results, nothing more.
#pragma once

#include <QString>

#include "planner/whatif/WhatIf.h"

namespace sw::views::report {

QString comparisonSection(const whatif::Comparison& c);

}  // namespace sw::views::report
