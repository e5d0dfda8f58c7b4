// Reads the interchange format defensively: depth is bounded before parsing,
// every value is type- and range-checked, and each problem names its path.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "model/Catalogue.h"
#include "model/FieldSpec.h"
#include "model/JsonFormat.h"

namespace sw {
namespace {

using nlohmann::json;
constexpr std::size_t kMaxErrors = 50;

// Finds the first place where arrays/objects nest deeper than allowed,
// without recursion, so a hostile file cannot exhaust the stack.
std::optional<std::string> nestingProblem(std::string_view text) {
    int depth = 0;
    bool inString = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > kJsonMaxDepth)
                return "JSON nests deeper than " + std::to_string(kJsonMaxDepth) +
                       " levels (at byte " + std::to_string(i) + ")";
        } else if (c == ']' || c == '}') --depth;
    }
    return std::nullopt;
}

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
        if (errors.size() < kMaxErrors) errors.push_back(path + ": " + message);
        else if (errors.size() == kMaxErrors) errors.push_back("(further errors not shown)");
    }

    bool expectObject(const json& j, const std::string& path) {
        if (j.is_object()) return true;
        fail(path, "expected an object, found " + typeName(j));
        return false;
    }

    // Reads an optional string member; missing keeps `out`.
    void str(const json& obj, const char* key, const std::string& path, std::string& out) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return;
        const std::string p = path + "." + key;
        if (!it->is_string()) return fail(p, "expected a string, found " + typeName(*it));
        const auto& s = it->get_ref<const std::string&>();
        if (s.size() > kJsonMaxStringLength)
            return fail(p, "text of " + std::to_string(s.size()) + " characters is longer than the limit of " +
                               std::to_string(kJsonMaxStringLength));
        out = s;
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
        if (it == obj.end() || it->is_null()) return;
        str(obj, key, path, s);
        if (!it->is_string()) return;
        if (auto v = fromKey(s)) out = *v;
        else fail(path + "." + key, "'" + s + "' is not one of " + allowed);
    }

    // Reads the numeric fields of a spec table from `obj`, checking ranges.
    template <class Owner>
    void fields(const json& obj, const std::string& path, std::span<const FieldSpec<Owner>> specs,
                Owner& out, KindMask applies = kAllKinds) {
        for (const auto& f : specs) {
            auto it = obj.find(std::string(f.key));
            if (it == obj.end() || it->is_null()) continue;
            const std::string p = path + "." + std::string(f.key);
            if ((f.kinds & applies) == 0) {
                fail(p, "does not apply to this kind of component");
                continue;
            }
            double v = 0;
            if (!number(*it, p, v)) continue;
            if (auto problem = rangeProblem(f, v)) fail(p, *problem);
            else f.set(out, v);
        }
    }

    template <class Owner>
    void rejectUnknown(const json& obj, const std::string& path,
                       std::initializer_list<std::string_view> known,
                       std::span<const FieldSpec<Owner>> specs) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const std::string& k = it.key();
            bool ok = std::find(known.begin(), known.end(), k) != known.end();
            for (const auto& f : specs) ok = ok || f.key == k;
            if (!ok) fail(path + "." + k, "unknown field");
        }
    }

    Rect rect(const json& obj, const std::string& path) {
        Rect r;
        auto it = obj.find("rect");
        if (it == obj.end()) return r;
        const std::string p = path + ".rect";
        if (!expectObject(*it, p)) return r;
        const std::pair<const char*, double*> parts[] = {{"x", &r.x}, {"y", &r.y}, {"w", &r.w}, {"h", &r.h}};
        for (auto [k, dst] : parts) {
            auto v = it->find(k);
            if (v == it->end()) continue;
            double d = 0;
            if (!number(*v, p + "." + k, d)) continue;
            if (std::abs(d) > 1e7) fail(p + "." + k, formatNumber(d) + " is outside the canvas (|v| <= 1e7)");
            else if ((dst == &r.w || dst == &r.h) && d < 10) fail(p + "." + k, formatNumber(d) + " is below the minimum 10");
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
            if (!number(*v, path + "." + k, d)) continue;
            if (std::abs(d) > 1e7) fail(path + "." + k, formatNumber(d) + " is outside the canvas (|v| <= 1e7)");
            else *dst = d;
        }
    }

    template <class T, class F>
    void list(const json& obj, const char* key, const std::string& path, std::vector<T>& out, F readOne) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return;
        const std::string p = path.empty() ? key : path + "." + key;
        if (!it->is_array()) return fail(p, "expected an array, found " + typeName(*it));
        out.reserve(it->size());
        std::unordered_map<std::string, std::size_t> ids;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string ip = p + "[" + std::to_string(i) + "]";
            const json& item = (*it)[i];
            if (!expectObject(item, ip)) continue;
            T value = readOne(item, ip);
            if constexpr (requires { value.id; }) {
                if (value.id.empty()) fail(ip + ".id", "missing or empty");
                else if (auto [pos, fresh] = ids.emplace(value.id, i); !fresh)
                    fail(ip + ".id", "'" + value.id + "' is already used by " + p + "[" +
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
        if (!j.contains("kind")) fail(p + ".kind", "missing");
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
        if (l.from.empty()) fail(p + ".from", "missing or empty");
        if (l.to.empty()) fail(p + ".to", "missing or empty");
        enumeration(j, "mode", p, l.mode, linkModeFromKey, "sync, async, quorum");
        enumeration(j, "access", p, l.access, accessFromKey, "both, read, write");
        fields(j, p, linkFields(), l.params);
        return l;
    }

    Design design(const json& j, const std::string& p) {
        Design d;
        const std::string base = p.empty() ? "" : p;
        rejectUnknown<Workload>(j, base.empty() ? "$" : base,
                                {"format", "format_version", "name", "description", "workload",
                                 "regions", "zones", "components", "links"},
                                {});
        str(j, "name", base.empty() ? "$" : base, d.name);
        str(j, "description", base.empty() ? "$" : base, d.description);
        if (auto w = j.find("workload"); w != j.end()) {
            const std::string wp = base.empty() ? "workload" : base + ".workload";
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

std::optional<json> parseGuarded(std::string_view text, std::string& error) {
    if (auto deep = nestingProblem(text)) {
        error = *deep;
        return std::nullopt;
    }
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // nlohmann's text starts with "[json.exception.parse_error.101] parse error at ...".
        std::string what = e.what();
        if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
        error = "JSON " + what;
        return std::nullopt;
    }
}

template <class T>
Result<T> finish(Reader& r, T value) {
    if (r.errors.empty()) return value;
    std::string all;
    for (const auto& e : r.errors) all += (all.empty() ? "" : "\n") + e;
    return Result<T>::failure(all);
}

}  // namespace

Result<Project> projectFromJson(std::string_view text) {
    std::string error;
    auto j = parseGuarded(text, error);
    if (!j) return Result<Project>::failure(error);
    Reader r;
    if (!r.expectObject(*j, "$")) return finish(r, Project{});
    r.header(*j);
    Project project;
    if (!r.errors.empty()) return finish(r, project);
    if (j->contains("variants")) {
        r.rejectUnknown<Workload>(*j, "$", {"format", "format_version", "name", "variants"}, {});
        r.str(*j, "name", "$", project.name);
        r.list(*j, "variants", "", project.variants,
               [&](const json& x, const std::string& p) { return r.design(x, p); });
        if (project.variants.empty() && r.errors.empty()) r.fail("variants", "a project needs at least one variant");
        for (std::size_t i = 0; i < project.variants.size(); ++i)
            for (std::size_t k = 0; k < i; ++k)
                if (project.variants[i].name == project.variants[k].name)
                    r.fail("variants[" + std::to_string(i) + "].name",
                           "'" + project.variants[i].name + "' is already used by variants[" + std::to_string(k) + "]");
    } else {
        project.variants.push_back(r.design(*j, ""));
        project.name = project.variants.front().name;
    }
    return finish(r, std::move(project));
}

Result<Design> designFromJson(std::string_view text) {
    auto p = projectFromJson(text);
    if (!p) return Result<Design>::failure(p.error());
    return std::move(p.value().variants.front());
}

Result<Project> readProjectJsonFile(const std::string& path) {
    auto text = readTextFile(path);
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
