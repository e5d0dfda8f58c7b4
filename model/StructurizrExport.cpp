// The topology as Structurizr DSL: the design a softwareSystem whose
// containers are its components, calls and replication as relationships
// (told apart by tag), and a deploymentEnvironment whose deployment nodes
// are the regions and, inside them, the zones.
#include <algorithm>
#include <set>
#include <sstream>
#include <unordered_map>

#include "model/ComponentNames.h"
#include "model/PrintableText.h"
#include "model/TopologyExport.h"

namespace sw {

std::string structurizrQuoted(std::string_view text) {
    // The DSL has no escape inside "...": a quote becomes ', a backslash /
    // (a trailing one would join the next line), and "${" (a constant) "$ {".
    const std::string safe = printable(text);
    std::string q = "\"";
    for (std::size_t i = 0; i < safe.size(); ++i) {
        const char c = safe[i];
        if (c == '"') q += '\'';
        else if (c == '\\') q += '/';
        else if (c == '$' && i + 1 < safe.size() && safe[i + 1] == '{') q += "$ ";
        else q += c;
    }
    return q + "\"";
}

namespace {

// Names unique among siblings (the DSL refuses two alike): the second "x" is "x (id)".
class Unique {
public:
    std::string operator()(const std::string& name, const std::string& id) {
        std::string n = name.empty() ? id : name;
        if (!used_.insert(n).second) {
            n += " (" + id + ")";
            for (int k = 2; !used_.insert(n).second; ++k) n = name + " (" + id + " " + std::to_string(k) + ")";
        }
        return n;
    }

private:
    std::set<std::string> used_;
};

}  // namespace

std::string toStructurizr(const Design& d) {
    const ComponentNames names(d);
    std::unordered_map<std::string, std::string> ident;
    for (std::size_t i = 0; i < d.components.size(); ++i) ident[d.components[i].id] = "c" + std::to_string(i);
    std::ostringstream os;
    os << "workspace " << structurizrQuoted(d.name) << " " << structurizrQuoted("Exported by Scalewright") << " {\n"
       << "  model {\n"
       << "    system = softwareSystem " << structurizrQuoted(d.name) << " {\n";
    Unique containers;
    for (const Component& c : d.components)
        os << "      " << ident[c.id] << " = container " << structurizrQuoted(containers(names(c.id), c.id)) << " "
           << structurizrQuoted(c.id) << " " << structurizrQuoted(std::string(kindLabel(c.kind))) << "\n";
    os << "    }\n";
    for (const Link& l : d.links) {
        auto f = ident.find(l.from), t = ident.find(l.to);
        if (f == ident.end() || t == ident.end()) continue;
        const bool repl = l.kind == LinkKind::Replication;
        os << "    " << f->second << " -> " << t->second << " " << structurizrQuoted(repl ? "replicates to" : "calls") << " "
           << structurizrQuoted(std::string(linkModeKey(l.mode))) << " " << structurizrQuoted(repl ? "Replication" : "Call")
           << "\n";
    }
    os << "    live = deploymentEnvironment \"Live\" {\n";
    std::vector<bool> placed(d.components.size(), false);
    auto instances = [&](const std::string& region, const std::string& zone, const std::string& indent) {
        for (std::size_t i = 0; i < d.components.size(); ++i) {
            if (placed[i] || d.components[i].region != region || d.components[i].zone != zone) continue;
            placed[i] = true;
            os << indent << "containerInstance " << ident[d.components[i].id] << "\n";
        }
    };
    Unique regionNames;
    for (const Region& r : d.regions) {
        const std::string tech = r.provider.empty() ? r.code : r.provider + (r.code.empty() ? "" : " " + r.code);
        os << "      deploymentNode " << structurizrQuoted(regionNames(r.name, r.id)) << " " << structurizrQuoted("Region " + r.id)
           << " " << structurizrQuoted(tech) << " {\n";
        Unique zoneNames;
        for (const Zone& z : d.zones) {
            if (z.region != r.id) continue;
            os << "        deploymentNode " << structurizrQuoted(zoneNames(z.name, z.id)) << " " << structurizrQuoted("Zone " + z.id)
               << " {\n";
            instances(r.id, z.id, "          ");
            os << "        }\n";
        }
        instances(r.id, "", "        ");
        os << "      }\n";
    }
    if (std::find(placed.begin(), placed.end(), false) != placed.end()) {
        os << "      deploymentNode " << structurizrQuoted(regionNames("Unplaced", "unplaced")) << " {\n";
        for (std::size_t i = 0; i < d.components.size(); ++i)
            if (!placed[i]) os << "        containerInstance " << ident[d.components[i].id] << "\n";
        os << "      }\n";
    }
    os << "    }\n  }\n  views {\n"
       << "    container system \"Containers\" {\n      include *\n      autolayout lr\n    }\n"
       << "    deployment system live \"Deployment\" {\n      include *\n      autolayout lr\n    }\n"
       << "    styles {\n      relationship \"Replication\" {\n        dashed true\n      }\n    }\n  }\n}\n";
    return os.str();
}

}  // namespace sw
