// Fuzzes the project-history reader (`project --history`, `walkthrough
// --history`): any text gives (month, users) points or a message naming the
// line; the points are finite, and the growth fits on them either succeed
// with finite figures or say why not.
#include <cmath>

#include "planner/Growth.h"
#include "tests/fuzz/FuzzCheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace sw;
    auto points = parseHistory(fuzz::text(data, size));
    if (!points) {
        fuzz::check(!points.error().empty(), "a refused history says why");
        return 0;
    }
    fuzz::check(!points.value().empty(), "an accepted history has a point");
    for (const auto& [month, users] : points.value())
        fuzz::check(std::isfinite(month) && std::isfinite(users), "history points are finite");
    for (auto fit : {fitExponential(points.value()), fitLogistic(points.value())}) {
        if (!fit) {
            fuzz::check(!fit.error().empty(), "a failed fit says why");
            continue;
        }
        fuzz::check(std::isfinite(fit.value().monthly_growth) && std::isfinite(fit.value().rmse),
                    "a fit's growth and error are finite");
    }
    return 0;
}
