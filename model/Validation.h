// Checks a design for what would make its numbers meaningless: bad values,
// dangling references, call cycles, orphaned replicas, unreachable services.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/Design.h"

namespace sw {

enum class Severity { Error, Warning };

struct Finding {
    Severity severity = Severity::Error;
    std::string code;      // stable identifier, e.g. "call_cycle"
    std::string subject;   // id of the component/link/region concerned ("" = the design)
    std::string message;   // one line for people
};

std::vector<Finding> validate(const Design& design);
bool hasErrors(const std::vector<Finding>& findings);
// "error" / "warning": the one word every front end prints for a severity.
std::string_view severityKey(Severity s);

}  // namespace sw
