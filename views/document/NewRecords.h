// Starting values for records created on the canvas: a readable name, a
// catalogue instance type or region, the model's defaults for the rest.
#pragma once

#include "model/Design.h"

namespace sw::views {

Component newComponent(const Design& d, ComponentKind kind);   // id and position left to the caller
Region newRegion(const Design& d);                              // the first catalogue region not yet used
Zone newZone(const Design& d, const Region& region);

}  // namespace sw::views
