// Maps enum values to their file-format keys and back, for every enum in the model.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace sw::detail {

template <class E, std::size_t N>
constexpr std::string_view keyOf(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
    for (const auto& [v, k] : table)
        if (v == e) return k;
    return {};
}

template <class E, std::size_t N>
constexpr std::optional<E> valueOf(const std::array<std::pair<E, std::string_view>, N>& table,
                                   std::string_view key) {
    for (const auto& [v, k] : table)
        if (k == key) return v;
    return std::nullopt;
}

}  // namespace sw::detail
