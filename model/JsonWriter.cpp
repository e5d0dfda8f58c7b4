// Writes the interchange format: stable key order, only the fields that
// apply to each component kind, whole numbers written as integers.
#include <cmath>
#include <nlohmann/json.hpp>

#include "model/FieldSpec.h"
#include "model/JsonFormat.h"
#include "model/ScenarioJson.h"

namespace sw {
namespace {

using ojson = nlohmann::ordered_json;

ojson num(double v) {
    if (v == std::floor(v) && std::abs(v) < 1e15) return static_cast<std::int64_t>(v);
    return v;
}

template <class Owner>
void putFields(ojson& j, std::span<const FieldSpec<Owner>> specs, const Owner& o,
               KindMask applies = kAllKinds) {
    for (const auto& f : specs)
        if (f.kinds & applies) j[std::string(f.key)] = num(f.get(o));
}

ojson rectJson(const Rect& r) {
    return ojson{{"x", num(r.x)}, {"y", num(r.y)}, {"w", num(r.w)}, {"h", num(r.h)}};
}

ojson designJson(const Design& d) {
    ojson j;
    j["name"] = d.name;
    if (!d.description.empty()) j["description"] = d.description;
    ojson w = ojson::object();
    putFields(w, workloadFields(), d.workload);
    j["workload"] = std::move(w);
    ojson regions = ojson::array();
    for (const Region& r : d.regions) {
        ojson x{{"id", r.id}, {"name", r.name}};
        if (!r.code.empty()) x["code"] = r.code;
        if (!r.provider.empty()) x["provider"] = r.provider;
        x["rect"] = rectJson(r.rect);
        putFields(x, regionFields(), r.params);
        regions.push_back(std::move(x));
    }
    j["regions"] = std::move(regions);
    ojson zones = ojson::array();
    for (const Zone& z : d.zones) {
        ojson x{{"id", z.id}, {"name", z.name}, {"region", z.region}, {"rect", rectJson(z.rect)}};
        putFields(x, zoneFields(), z.params);
        zones.push_back(std::move(x));
    }
    j["zones"] = std::move(zones);
    ojson comps = ojson::array();
    for (const Component& c : d.components) {
        ojson x{{"id", c.id}, {"name", c.name}, {"kind", kindKey(c.kind)}};
        if (!c.region.empty()) x["region"] = c.region;
        if (!c.zone.empty()) x["zone"] = c.zone;
        if (!c.instance_type.empty()) x["instance_type"] = c.instance_type;
        if (c.kind == ComponentKind::Database) x["role"] = roleKey(c.role);
        if (c.pricing != Pricing::OnDemand) x["pricing"] = pricingKey(c.pricing);
        x["x"] = num(c.x);
        x["y"] = num(c.y);
        putFields(x, componentFields(), c.params, kindBit(c.kind));
        comps.push_back(std::move(x));
    }
    j["components"] = std::move(comps);
    ojson links = ojson::array();
    for (const Link& l : d.links) {
        ojson x{{"id", l.id}, {"kind", linkKindKey(l.kind)}, {"from", l.from}, {"to", l.to},
                {"mode", linkModeKey(l.mode)}, {"access", accessKey(l.access)}};
        putFields(x, linkFields(), l.params);
        links.push_back(std::move(x));
    }
    j["links"] = std::move(links);
    if (!d.latency_overrides.empty()) {
        ojson overrides = ojson::array();
        for (const LatencyOverride& o : d.latency_overrides)
            overrides.push_back(ojson{{"from", o.from}, {"to", o.to}, {"rtt_ms", num(o.rtt_ms)}});
        j["latency_overrides"] = std::move(overrides);
    }
    return j;
}

// Text that is not UTF-8 (possible in a forged .swproj) is written with
// U+FFFD replacement characters instead of throwing.
std::string dumpText(const ojson& j) {
    return j.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace

std::string projectToJson(const Project& project) {
    ojson j{{"format", "scalewright"}, {"format_version", kJsonFormatVersion}, {"name", project.name}};
    ojson variants = ojson::array();
    for (const Design& d : project.variants) variants.push_back(designJson(d));
    j["variants"] = std::move(variants);
    if (!project.scenarios.empty()) {
        ojson scenarios = ojson::array();
        for (const Scenario& s : project.scenarios) scenarios.push_back(detail::scenarioJsonValue(s));
        j["scenarios"] = std::move(scenarios);
    }
    return dumpText(j);
}

std::string designToJson(const Design& design) {
    ojson j{{"format", "scalewright"}, {"format_version", kJsonFormatVersion}};
    j.update(designJson(design));
    return dumpText(j);
}

}  // namespace sw
