// One line for a database failover group, shared by the inspector and the
// report: "db-primary + 2 replicas: 99.98 %, failover 66 s per event,
// 14 events/year". Formatting only; the figures come from the engine.
#pragma once

#include <QString>

#include "planner/Analysis.h"

namespace sw::views {

// `name` is how the primary is shown (its name or id).
QString failoverGroupLine(const FailoverGroupResult& g, const QString& name);

}  // namespace sw::views
