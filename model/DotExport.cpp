// The topology as Graphviz DOT: regions and zones as clusters, call edges
// solid arrows, replication edges dashed with the mode as their label.
#include <sstream>
#include <unordered_map>

#include "model/ComponentNames.h"
#include "model/PrintableText.h"
#include "model/TopologyExport.h"

namespace sw {

std::string dotQuoted(std::string_view text) {
    // printable() turns control characters into "\n", "\x1b"...: their
    // backslashes are then escaped, so DOT draws them and never reads an escape.
    const std::string safe = printable(text);
    std::string q = "\"";
    for (char c : safe) {
        if (c == '"' || c == '\\') q += '\\';
        q += c;
    }
    return q + "\"";
}

namespace {

std::string nodeLine(const Component& c, const std::string& id, const std::string& indent) {
    return indent + id + " [label=" + dotQuoted(c.name.empty() ? c.id : c.name) + ", tooltip=" +
           dotQuoted(std::string(kindLabel(c.kind)) + " " + c.id) + ", shape=" +
           (c.kind == ComponentKind::Database ? "cylinder" : c.kind == ComponentKind::UserGroup ? "ellipse" : "box") + "];\n";
}

}  // namespace

std::string toDot(const Design& d) {
    std::unordered_map<std::string, std::string> node;
    for (std::size_t i = 0; i < d.components.size(); ++i) node[d.components[i].id] = "n" + std::to_string(i);
    std::ostringstream os;
    os << "digraph scalewright {\n  label=" << dotQuoted(d.name) << ";\n  labelloc=t;\n  compound=true;\n"
       << "  node [fontname=\"sans-serif\"];\n  edge [fontname=\"sans-serif\"];\n";
    std::vector<bool> placed(d.components.size(), false);
    auto emitComponents = [&](const std::string& region, const std::string& zone, const std::string& indent) {
        for (std::size_t i = 0; i < d.components.size(); ++i) {
            const Component& c = d.components[i];
            if (placed[i] || c.region != region || c.zone != zone) continue;
            placed[i] = true;
            os << nodeLine(c, node[c.id], indent);
        }
    };
    for (std::size_t r = 0; r < d.regions.size(); ++r) {
        const Region& reg = d.regions[r];
        os << "  subgraph cluster_r" << r << " {\n    label=" << dotQuoted(reg.name.empty() ? reg.id : reg.name)
           << ";\n    style=rounded;\n";
        for (std::size_t z = 0; z < d.zones.size(); ++z) {
            const Zone& zone = d.zones[z];
            if (zone.region != reg.id) continue;
            os << "    subgraph cluster_z" << z << " {\n      label=" << dotQuoted(zone.name.empty() ? zone.id : zone.name)
               << ";\n      style=dashed;\n";
            emitComponents(reg.id, zone.id, "      ");
            os << "    }\n";
        }
        emitComponents(reg.id, "", "    ");
        os << "  }\n";
    }
    // Whatever is outside every region (or names a region or zone not drawn).
    for (std::size_t i = 0; i < d.components.size(); ++i)
        if (!placed[i]) os << nodeLine(d.components[i], node[d.components[i].id], "  ");
    for (const Link& l : d.links) {
        auto f = node.find(l.from), t = node.find(l.to);
        if (f == node.end() || t == node.end()) continue;
        os << "  " << f->second << " -> " << t->second;
        if (l.kind == LinkKind::Replication)
            os << " [style=dashed, color=\"#7a3fb0\", label=" << dotQuoted("replication " + std::string(linkModeKey(l.mode)))
               << "];\n";
        else
            os << " [label=" << dotQuoted(std::string(linkModeKey(l.mode))) << "];\n";
    }
    os << "}\n";
    return os.str();
}

}  // namespace sw
