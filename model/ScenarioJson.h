// Internal to model/: scenarios inside the JSON interchange format, shared by
// the project reader/writer and the .swproj store (which keeps each scenario
// as its JSON text).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/Scenario.h"

namespace sw::detail {

// Reads a "scenarios" array at `path`; problems are appended to `errors` as
// "scenarios[1].failures[0].start_s: -5 is below the minimum 0 (region_outage
// event of scenario 'eu-down')".
void readScenarios(const nlohmann::json& value, const std::string& path, std::vector<Scenario>& out,
                   std::vector<std::string>& errors);
// Reads one scenario object.
Scenario readScenario(const nlohmann::json& value, const std::string& path,
                      std::vector<std::string>& errors);

nlohmann::ordered_json scenarioJsonValue(const Scenario& scenario);

}  // namespace sw::detail
