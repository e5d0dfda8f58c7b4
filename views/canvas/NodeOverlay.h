// What the live analysis says about one component, as the canvas shows it.
#pragma once

#include <QString>

namespace sw::views {

struct NodeOverlay {
    bool hasResult = false;
    double utilization = 0;
    bool saturated = false;
    bool bottleneck = false;
    double costPerMonth = 0;
    double availability = 1;
    double targetUtilization = 0.7;   // the workload's scale-up threshold, for the colour bands
    QString problems;                 // validation messages; "" = valid
    bool hasError = false;

    bool operator==(const NodeOverlay&) const = default;
};

}  // namespace sw::views
