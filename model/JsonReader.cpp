// Reads the interchange format defensively: the text is parsed within limits
// (JsonGuard), every value is type- and range-checked, and each problem names
// its path ("variants[0].components[3].instances"; "$" is the whole file).
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "model/Catalogue.h"
#include "model/FieldSpec.h"
#include "model/JsonFormat.h"
#include "model/JsonGuard.h"
#include "model/ScenarioJson.h"

namespace sw {
namespace {

using nlohmann::json;
using detail::jsonChild;
constexpr std::size_t kMaxErrors = 50;

std::string typeName(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::discarded: return "nothing";
        default: return "a number";
    }
}

class Reader {
public:
    std::vector<std::string> errors;

    void fail(const std::string& path, const std::string& message) {
        if (errors.size() < kMaxErrors) errors.push_back(detail::jsonShown(path) + ": " + message);
        else if (errors.size() == kMaxErrors) errors.push_back("(further errors not shown)");
    }

    bool expectObject(const json& j, const std::string& path) {
        if (j.is_object()) return true;
        fail(path, "expected an object, found " + typeName(j));
        return false;
    }

    // Reads an optional string member; missing keeps `out`. False when the
    // member is there but refused.
    bool str(const json& obj, const char* key, const std::string& path, std::string& out) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return true;
        const std::string p = jsonChild(path, key);
        if (!it->is_string()) {
            fail(p, "expected a string, found " + typeName(*it));
            return false;
        }
        const auto& s = it->get_ref<const std::string&>();
        if (s.size() > kJsonMaxStringLength) {
            fail(p, "text of " + std::to_string(s.size()) + " characters is longer than the limit of " +
                        std::to_string(kJsonMaxStringLength));
            return false;
        }
        out = s;
        return true;
    }

    bool number(const json& v, const std::string& path, double& out) {
        if (!v.is_number()) {
            fail(path, "expected a number, found " + typeName(v));
            return false;
        }
        const double d = v.get<double>();
        if (!std::isfinite(d)) {
            fail(path, "number is too large to represent");
            return false;
        }
        out = d;
        return true;
    }

    template <class E, class F>
    void enumeration(const json& obj, const char* key, const std::string& path, E& out, F fromKey,
                     const char* allowed) {
        std::string s;
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null() || !str(obj, key, path, s)) return;
        if (auto v = fromKey(s)) out = *v;
        else fail(jsonChild(path, key), quoteText(s) + " is not one of " + allowed);
    }

    // Reads the numeric fields of a spec table from `obj`, checking ranges.
    template <class Owner>
    void fields(const json& obj, const std::string& path, std::span<const FieldSpec<Owner>> specs,
                Owner& out, KindMask applies = kAllKinds) {
        // Paths are built only for a problem: this runs for every field of
        // every component.
        for (const auto& f : specs) {
            auto it = obj.find(f.key);
            if (it == obj.end() || it->is_null()) continue;
            if ((f.kinds & applies) == 0) {
                fail(jsonChild(path, f.key), "does not apply to this kind of component");
                continue;
            }
            if (!it->is_number()) {
                fail(jsonChild(path, f.key), "expected a number, found " + typeName(*it));
                continue;
            }
            const double v = it->template get<double>();
            if (auto problem = rangeProblem(f, v))
                fail(jsonChild(path, f.key), std::isfinite(v) ? *problem : "number is too large to represent");
            else f.set(out, v);
        }
    }

    template <class Owner>
    void rejectUnknown(const json& obj, const std::string& path,
                       std::initializer_list<std::string_view> known,
                       std::span<const FieldSpec<Owner>> specs) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const std::string& k = it.key();
            if (std::find(known.begin(), known.end(), k) != known.end() || findField(specs, k)) continue;
            fail(jsonChild(path, k), "unknown field");
        }
    }

    Rect rect(const json& obj, const std::string& path) {
        Rect r;
        auto it = obj.find("rect");
        if (it == obj.end()) return r;
        const std::string p = jsonChild(path, "rect");
        if (!expectObject(*it, p)) return r;
        const std::pair<const char*, double*> parts[] = {{"x", &r.x}, {"y", &r.y}, {"w", &r.w}, {"h", &r.h}};
        for (auto [k, dst] : parts) {
            auto v = it->find(k);
            if (v == it->end()) continue;
            double d = 0;
            if (!number(*v, jsonChild(p, k), d)) continue;
            if (auto problem = rectProblem(k, d)) fail(jsonChild(p, k), *problem);
            else *dst = d;
        }
        return r;
    }

    void position(const json& obj, const std::string& path, double& x, double& y) {
        const std::pair<const char*, double*> parts[] = {{"x", &x}, {"y", &y}};
        for (auto [k, dst] : parts) {
            auto v = obj.find(k);
            if (v == obj.end()) continue;
            double d = 0;
            if (!number(*v, jsonChild(path, k), d)) continue;
            if (auto problem = rectProblem("x", d)) fail(jsonChild(path, k), *problem);
            else *dst = d;
        }
    }

    template <class T, class F>
    void list(const json& obj, const char* key, const std::string& path, std::vector<T>& out, F readOne) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return;
        const std::string p = jsonChild(path, key);
        if (!it->is_array()) return fail(p, "expected an array, found " + typeName(*it));
        out.reserve(it->size());
        std::unordered_map<std::string, std::size_t> ids;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string ip = p + "[" + std::to_string(i) + "]";
            const json& item = (*it)[i];
            if (!expectObject(item, ip)) continue;
            T value = readOne(item, ip);
            if constexpr (requires { value.id; }) {
                // An id that is there but refused (too long, not text) is reported already.
                const auto given = item.find("id");
                const bool refused = given != item.end() && !given->is_null() &&
                                     !(given->is_string() && given->get_ref<const std::string&>().empty());
                if (value.id.empty() && !refused) fail(ip + ".id", "missing or empty");
                else if (auto [pos, fresh] = ids.emplace(value.id, i); !fresh)
                    fail(ip + ".id", quoteText(value.id) + " is already used by " + p + "[" +
                                         std::to_string(pos->second) + "]");
            }
            out.push_back(std::move(value));
        }
    }

    Region region(const json& j, const std::string& p) {
        Region r;
        rejectUnknown(j, p, {"id", "name", "code", "provider", "rect"}, regionFields());
        str(j, "id", p, r.id);
        str(j, "name", p, r.name);
        str(j, "code", p, r.code);
        str(j, "provider", p, r.provider);
        r.rect = rect(j, p);
        if (const CloudRegion* known = defaultCatalogue().findRegion(r.code)) {
            r.params.latitude = known->latitude;
            r.params.longitude = known->longitude;
            if (r.provider.empty()) r.provider = known->provider;
        }
        fields(j, p, regionFields(), r.params);
        if (r.name.empty()) r.name = r.code.empty() ? r.id : r.code;
        return r;
    }

    Zone zone(const json& j, const std::string& p) {
        Zone z;
        rejectUnknown(j, p, {"id", "name", "region", "rect"}, zoneFields());
        str(j, "id", p, z.id);
        str(j, "name", p, z.name);
        str(j, "region", p, z.region);
        z.rect = rect(j, p);
        fields(j, p, zoneFields(), z.params);
        if (z.name.empty()) z.name = z.id;
        return z;
    }

    Component component(const json& j, const std::string& p) {
        Component c;
        rejectUnknown(j, p, {"id", "name", "kind", "region", "zone", "instance_type", "role",
                             "pricing", "x", "y"},
                      componentFields());
        str(j, "id", p, c.id);
        str(j, "name", p, c.name);
        if (auto k = j.find("kind"); k == j.end() || k->is_null()) fail(jsonChild(p, "kind"), "missing");
        enumeration(j, "kind", p, c.kind, kindFromKey,
                    "user_group, dns, cdn, load_balancer, service, cache, database, queue, object_storage");
        str(j, "region", p, c.region);
        str(j, "zone", p, c.zone);
        str(j, "instance_type", p, c.instance_type);
        enumeration(j, "role", p, c.role, roleFromKey, "primary, replica, shard");
        enumeration(j, "pricing", p, c.pricing, pricingFromKey, "on_demand, reserved, spot");
        position(j, p, c.x, c.y);
        fields(j, p, componentFields(), c.params, kindBit(c.kind));
        if (c.name.empty()) c.name = c.id;
        return c;
    }

    Link link(const json& j, const std::string& p) {
        Link l;
        rejectUnknown(j, p, {"id", "kind", "from", "to", "mode", "access"}, linkFields());
        str(j, "id", p, l.id);
        enumeration(j, "kind", p, l.kind, linkKindFromKey, "call, replication");
        str(j, "from", p, l.from);
        str(j, "to", p, l.to);
        if (l.from.empty()) fail(jsonChild(p, "from"), "missing or empty");
        if (l.to.empty()) fail(jsonChild(p, "to"), "missing or empty");
        enumeration(j, "mode", p, l.mode, linkModeFromKey, "sync, async, quorum");
        enumeration(j, "access", p, l.access, accessFromKey, "both, read, write");
        fields(j, p, linkFields(), l.params);
        return l;
    }

    LatencyOverride latencyOverride(const json& j, const std::string& p) {
        LatencyOverride o;
        rejectUnknown<Workload>(j, p, {"from", "to", "rtt_ms"}, {});
        str(j, "from", p, o.from);
        str(j, "to", p, o.to);
        if (o.from.empty()) fail(jsonChild(p, "from"), "missing or empty (a region id)");
        if (o.to.empty()) fail(jsonChild(p, "to"), "missing or empty (a region id)");
        if (!o.from.empty() && o.from == o.to) fail(jsonChild(p, "to"), "names the same region as from");
        auto v = j.find("rtt_ms");
        if (v == j.end() || v->is_null()) fail(jsonChild(p, "rtt_ms"), "missing");
        else if (double ms = 0; number(*v, jsonChild(p, "rtt_ms"), ms)) {
            if (!(ms > 0) || ms > 1e5) fail(jsonChild(p, "rtt_ms"), formatNumber(ms) + " is outside (0, 100000] ms");
            else o.rtt_ms = ms;
        }
        return o;
    }

    Design design(const json& j, const std::string& p) {
        Design d;
        const std::string& base = p;
        rejectUnknown<Workload>(j, base,
                                {"format", "format_version", "name", "description", "workload",
                                 "regions", "zones", "components", "links", "latency_overrides", "scenarios"},
                                {});
        str(j, "name", base, d.name);
        str(j, "description", base, d.description);
        if (auto w = j.find("workload"); w != j.end()) {
            const std::string wp = jsonChild(base, "workload");
            if (expectObject(*w, wp)) {
                rejectUnknown(*w, wp, {}, workloadFields());
                fields(*w, wp, workloadFields(), d.workload);
            }
        }
        list(j, "regions", base, d.regions, [&](const json& x, const std::string& xp) { return region(x, xp); });
        list(j, "zones", base, d.zones, [&](const json& x, const std::string& xp) { return zone(x, xp); });
        list(j, "components", base, d.components,
             [&](const json& x, const std::string& xp) { return component(x, xp); });
        list(j, "links", base, d.links, [&](const json& x, const std::string& xp) { return link(x, xp); });
        list(j, "latency_overrides", base, d.latency_overrides,
             [&](const json& x, const std::string& xp) { return latencyOverride(x, xp); });
        return d;
    }

    void header(const json& j) {
        if (auto f = j.find("format"); f != j.end() && (!f->is_string() || *f != "scalewright"))
            fail("format", "this is not a Scalewright file (expected \"scalewright\")");
        if (auto v = j.find("format_version"); v != j.end()) {
            double ver = 0;
            if (number(*v, "format_version", ver) && ver > kJsonFormatVersion)
                fail("format_version", "version " + formatNumber(ver) + " is newer than this program reads (" +
                                           std::to_string(kJsonFormatVersion) + "); update Scalewright");
        }
    }
};

template <class T>
Result<T> finish(Reader& r, T value) {
    if (r.errors.empty()) return value;
    std::string all;
    for (const auto& e : r.errors) all += (all.empty() ? "" : "\n") + e;
    return Result<T>::failure(all);
}

}  // namespace

Result<Project> projectFromJson(std::string_view text) {
    auto j = detail::parseJsonGuarded(text);
    if (!j) return Result<Project>::failure(j.error());
    Reader r;
    const json& doc = j.value();
    if (!r.expectObject(doc, "")) return finish(r, Project{});
    r.header(doc);
    Project project;
    if (!r.errors.empty()) return finish(r, project);
    if (doc.contains("variants")) {
        r.rejectUnknown<Workload>(doc, "", {"format", "format_version", "name", "variants", "scenarios"}, {});
        r.str(doc, "name", "", project.name);
        r.list(doc, "variants", "", project.variants,
               [&](const json& x, const std::string& p) { return r.design(x, p); });
        if (project.variants.empty() && r.errors.empty()) r.fail("variants", "a project needs at least one variant");
        for (std::size_t i = 0; i < project.variants.size(); ++i)
            for (std::size_t k = 0; k < i; ++k)
                if (project.variants[i].name == project.variants[k].name)
                    r.fail("variants[" + std::to_string(i) + "].name",
                           quoteText(project.variants[i].name) + " is already used by variants[" + std::to_string(k) + "]");
    } else {
        project.variants.push_back(r.design(doc, ""));
        project.name = project.variants.front().name;
    }
    if (auto s = doc.find("scenarios"); s != doc.end() && !s->is_null())
        detail::readScenarios(*s, "scenarios", project.scenarios, r.errors);
    return finish(r, std::move(project));
}

Result<Design> designFromJson(std::string_view text) {
    auto p = projectFromJson(text);
    if (!p) return Result<Design>::failure(p.error());
    return std::move(p.value().variants.front());
}

Result<Project> readProjectJsonFile(const std::string& path) {
    auto text = readTextFile(path, kJsonMaxFileBytes);
    if (!text) return Result<Project>::failure(text.error());
    auto p = projectFromJson(text.value());
    if (!p) {
        std::string msg;
        std::size_t start = 0;
        const std::string& e = p.error();
        while (start <= e.size()) {
            auto end = e.find('\n', start);
            if (end == std::string::npos) end = e.size();
            msg += (msg.empty() ? "" : "\n") + path + ": " + e.substr(start, end - start);
            start = end + 1;
        }
        return Result<Project>::failure(msg);
    }
    return p;
}

}  // namespace sw
