// One table per record type says each numeric field's key, unit, range and
// default; JSON, SQLite, validation and the inspector all read the same table.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/Component.h"
#include "model/Link.h"
#include "model/Placement.h"
#include "model/PrintableText.h"
#include "model/Workload.h"

namespace sw {

using KindMask = std::uint32_t;
constexpr KindMask kindBit(ComponentKind k) { return KindMask{1} << static_cast<int>(k); }
inline constexpr KindMask kAllKinds = (KindMask{1} << kComponentKindCount) - 1;

template <class Owner>
struct FieldSpec {
    std::string_view key;    // JSON / SQLite key, snake_case
    std::string_view label;  // for people
    std::string_view unit;   // "", "rps", "ms", "GB", "USD/month", ...
    double min;
    double max;
    bool integer;
    double Owner::* member;
    KindMask kinds = kAllKinds;   // components only: which kinds use the field
    std::string_view help = {};

    double get(const Owner& o) const { return o.*member; }
    void set(Owner& o, double v) const { o.*member = v; }
    bool appliesTo(ComponentKind k) const { return (kinds & kindBit(k)) != 0; }
};

std::span<const FieldSpec<ComponentParams>> componentFields();
std::span<const FieldSpec<Workload>> workloadFields();
std::span<const FieldSpec<RegionParams>> regionFields();
std::span<const FieldSpec<ZoneParams>> zoneFields();
std::span<const FieldSpec<LinkParams>> linkFields();

template <class Owner>
const FieldSpec<Owner>* findField(std::span<const FieldSpec<Owner>> fields, std::string_view key) {
    for (const auto& f : fields)
        if (f.key == key) return &f;
    return nullptr;
}

// Why `value` is not acceptable for `field` ("-2 is below the minimum 1"),
// or nothing when it is. NaN and infinities are refused.
template <class Owner>
std::optional<std::string> rangeProblem(const FieldSpec<Owner>& field, double value);

// Why a canvas coordinate ("x", "y") or size ("w", "h") is not acceptable.
std::optional<std::string> rectProblem(std::string_view part, double value);

std::string formatNumber(double v);   // shortest round-trip text, "1e+06" avoided for integers

// quoteText() (for messages quoting a file's text) lives in PrintableText.h.

}  // namespace sw
