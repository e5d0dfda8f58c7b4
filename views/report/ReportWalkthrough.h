// The report's "Scaling path" section: the walkthrough's timeline chart and
// its stage table, for `report FILE --walkthrough`.
#pragma once

#include <QImage>
#include <QString>

#include "planner/walkthrough/Walkthrough.h"

namespace sw::views::report {

// The timeline as the dock draws it (light theme), for the PDF.
QImage renderWalkthrough(const Walkthrough& walk);
// The section's HTML; the chart is report://walkthrough.png.
QString walkthroughSection(const Walkthrough& walk);

}  // namespace sw::views::report
