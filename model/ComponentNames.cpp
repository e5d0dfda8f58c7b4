#include "model/ComponentNames.h"

namespace sw {

namespace {

std::string placeOf(const Design& d, const Component& c) {
    // The zone names the place most closely (and its region with it, as in
    // "us-east-1a"); else the region by its catalogue code, short and
    // unambiguous, rather than "US East (N. Virginia)" inside parentheses.
    if (const Zone* z = d.findZone(c.zone)) return z->name.empty() ? z->id : z->name;
    if (const Region* r = d.findRegion(c.region)) return !r->code.empty() ? r->code : r->name.empty() ? r->id : r->name;
    return c.region;
}

}  // namespace

ComponentNames::ComponentNames(const Design& design) {
    std::unordered_map<std::string_view, int> byName;
    for (const Component& c : design.components) ++byName[c.name.empty() ? std::string_view(c.id) : std::string_view(c.name)];
    // The name with its place when the name repeats; then the id too when
    // even name and place repeat (three "Media jobs" in one zone).
    std::unordered_map<std::string, int> byQualified;
    std::unordered_map<std::string_view, std::string> qualified;
    for (const Component& c : design.components) {
        const std::string_view base = c.name.empty() ? std::string_view(c.id) : std::string_view(c.name);
        if (byName[base] < 2) continue;
        const std::string place = placeOf(design, c);
        std::string q(base);
        if (!place.empty()) q += " (" + place + ")";
        qualified.emplace(c.id, q);
        ++byQualified[q];
    }
    for (const Component& c : design.components) {
        const std::string_view base = c.name.empty() ? std::string_view(c.id) : std::string_view(c.name);
        auto it = qualified.find(c.id);
        if (it == qualified.end()) {
            names_.emplace(c.id, std::string(base));
            continue;
        }
        std::string q = it->second;
        if (byQualified[q] > 1) {
            const std::string place = placeOf(design, c);
            q = std::string(base) + " (" + (place.empty() ? c.id : place + ", " + c.id) + ")";
        }
        names_.emplace(c.id, std::move(q));
    }
}

const std::string& ComponentNames::operator()(std::string_view id) const {
    if (auto it = names_.find(std::string(id)); it != names_.end()) return it->second;
    unknown_ = std::string(id);
    return unknown_;
}

}  // namespace sw
