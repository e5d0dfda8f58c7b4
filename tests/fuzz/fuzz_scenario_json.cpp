// Fuzzes the scenario reader (a project's "scenarios", the simulator panel's
// editor): any text gives scenarios or messages naming the event and field;
// what is accepted survives a write and a read unchanged, and is checked
// against a real design (the 12-stage multi-region sample) without crashing.
#include <string>

#include "model/JsonFormat.h"
#include "model/Scenario.h"
#include "planner/sim/Simulator.h"
#include "tests/fuzz/FuzzCheck.h"

namespace {

const sw::Design& design() {
    static const sw::Design d = [] {
        auto p = sw::readProjectJsonFile(std::string(SW_SAMPLES_DIR) + "/stage-12-multi-region.json");
        if (!p) sw::fuzz::broken("the sample design does not load", p.error());
        return p.value().variants.front();
    }();
    return d;
}

void exercise(const sw::Scenario& s) {
    using namespace sw;
    const std::string once = scenarioToJson(s);
    auto back = scenarioFromJson(once);
    fuzz::check(back.ok(), "a written scenario reads back", back.error() + "\n" + once);
    fuzz::check(back.value() == s, "a scenario survives a write and a read", once);
    // Replay files are read from disk; the reader of those is not this
    // target's (and a fuzzer must not open arbitrary paths).
    for (const TrafficEvent& e : s.traffic)
        if (!e.file.empty()) return;
    (void)sim::checkScenario(design(), s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace sw;
    const std::string_view in = fuzz::text(data, size);
    const std::size_t first = in.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && in[first] == '[') {
        auto list = scenariosFromJson(in);
        if (!list) {
            fuzz::check(!list.error().empty(), "refused scenarios say why");
            return 0;
        }
        for (const Scenario& s : list.value()) exercise(s);
        auto back = scenariosFromJson(scenariosToJson(list.value()));
        fuzz::check(back.ok() && back.value() == list.value(), "a scenario list survives a write and a read");
        return 0;
    }
    auto one = scenarioFromJson(in);
    if (!one) {
        fuzz::check(!one.error().empty(), "a refused scenario says why");
        return 0;
    }
    exercise(one.value());
    return 0;
}
