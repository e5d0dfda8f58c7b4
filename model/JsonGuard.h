// Turns untrusted JSON text into a DOM within limits (depth, value count) and
// reports any problem as one line with the JSON path where nlohmann alone
// would throw or echo megabytes; internal to the model's JSON reader.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/Limits.h"
#include "model/Result.h"

namespace sw::detail {

inline constexpr std::size_t kJsonMaxValues = limits::kJsonValues;

// The path of a child for messages: "" is the root, shown as "$".
std::string jsonChild(const std::string& path, std::string_view key);
std::string jsonShown(const std::string& path);

Result<nlohmann::json> parseJsonGuarded(std::string_view text);

}  // namespace sw::detail
