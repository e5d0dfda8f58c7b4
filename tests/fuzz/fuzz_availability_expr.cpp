// Fuzzes the availability expression language (`calc availability`, the
// what-if panel): any text parses or fails with a message and a column inside
// the text; a parsed expression evaluates to a probability, and no operator
// can make a system less available when its failure domains get better.
#include <cmath>
#include <map>
#include <string>

#include "planner/AvailabilityExpr.h"
#include "tests/fuzz/FuzzCheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace sw;
    const std::string_view in = fuzz::text(data, size);
    int column = -1;
    auto parsed = parseAvailabilityExpr(in, &column);
    if (!parsed) {
        fuzz::check(!parsed.error().empty(), "a refused expression says why");
        fuzz::check(column >= 0 && static_cast<std::size_t>(column) <= in.size() + 1, "the error column is in the text",
                    parsed.error());
        return 0;
    }
    fuzz::check(column == 0, "a parsed expression has no error column");
    const AvailabilityExpr& e = parsed.value();
    std::map<std::string, double> worse, better;
    for (const std::string& name : e.domains) {
        worse[name] = 0.9;
        better[name] = 0.999;
    }
    auto low = evaluateAvailabilityExpr(e, worse);
    auto high = evaluateAvailabilityExpr(e, better);
    fuzz::check(low.ok() == high.ok(), "domain values in range do not change whether it evaluates");
    if (!low) return 0;
    fuzz::check(std::isfinite(low.value()) && low.value() >= 0 && low.value() <= 1, "an availability is in [0, 1]");
    fuzz::check(std::isfinite(high.value()) && high.value() >= 0 && high.value() <= 1, "an availability is in [0, 1]");
    fuzz::check(high.value() >= low.value() - 1e-12, "better failure domains never lower the availability",
                std::to_string(low.value()) + " -> " + std::to_string(high.value()));
    return 0;
}
