// The topology as Mermaid: a `flowchart` with regions and zones as
// subgraphs (calls -->, replication -.->), or `architecture-beta` with
// regions and zones as groups (calls -->, replication --).
#include <cctype>
#include <sstream>
#include <unordered_map>

#include "model/PrintableText.h"
#include "model/TopologyExport.h"

namespace sw {

std::string mermaidLabel(std::string_view text) {
    // Inside "..." Mermaid reads entity codes; a quote would end the string and
    // markdown/HTML characters would be interpreted, so each is written as a code.
    const std::string safe = printable(text);
    std::string q = "\"";
    for (char c : safe) {
        switch (c) {
        case '"': q += "#quot;"; break;
        case '#': q += "#35;"; break;
        case '<': q += "#lt;"; break;
        case '>': q += "#gt;"; break;
        case '&': q += "#amp;"; break;
        case '`': q += "#96;"; break;
        default: q += c;
        }
    }
    return q + "\"";
}

std::string mermaidArchLabel(std::string_view text) {
    // architecture-beta titles are bare text in [...], without quoting or
    // entities: everything but letters (any script), digits, space, - _ . is
    // written as '_'. Never empty.
    const std::string safe = printable(text);
    std::string out;
    for (unsigned char c : safe)
        out += (c >= 0x80 || std::isalnum(c) || c == ' ' || c == '-' || c == '_' || c == '.') ? static_cast<char>(c) : '_';
    return out.empty() ? std::string("_") : out;
}

namespace {

std::string archIcon(ComponentKind k) {
    switch (k) {
    case ComponentKind::Database: return "database";
    case ComponentKind::ObjectStorage: return "disk";
    case ComponentKind::UserGroup: return "internet";
    case ComponentKind::Cdn:
    case ComponentKind::Dns: return "cloud";
    default: return "server";
    }
}

std::string display(const std::string& name, const std::string& id) { return name.empty() ? id : name; }

}  // namespace

std::string toMermaid(const Design& d, MermaidStyle style) {
    std::unordered_map<std::string, std::string> node, regionId, zoneId;
    for (std::size_t i = 0; i < d.components.size(); ++i) node[d.components[i].id] = "n" + std::to_string(i);
    for (std::size_t r = 0; r < d.regions.size(); ++r) regionId[d.regions[r].id] = "r" + std::to_string(r);
    for (std::size_t z = 0; z < d.zones.size(); ++z)
        if (regionId.count(d.zones[z].region)) zoneId[d.zones[z].id] = "z" + std::to_string(z);
    std::ostringstream os;
    if (style == MermaidStyle::Architecture) {
        os << "architecture-beta\n";
        for (const Region& r : d.regions)
            os << "  group " << regionId[r.id] << "(cloud)[" << mermaidArchLabel(display(r.name, r.id)) << "]\n";
        for (const Zone& z : d.zones)
            if (zoneId.count(z.id))
                os << "  group " << zoneId[z.id] << "(cloud)[" << mermaidArchLabel(display(z.name, z.id)) << "] in "
                   << regionId[z.region] << "\n";
        for (const Component& c : d.components) {
            os << "  service " << node[c.id] << "(" << archIcon(c.kind) << ")[" << mermaidArchLabel(display(c.name, c.id)) << "]";
            if (auto z = zoneId.find(c.zone); z != zoneId.end()) os << " in " << z->second;
            else if (auto r = regionId.find(c.region); r != regionId.end()) os << " in " << r->second;
            os << "\n";
        }
        for (const Link& l : d.links) {
            auto f = node.find(l.from), t = node.find(l.to);
            if (f == node.end() || t == node.end()) continue;
            os << "  " << f->second << ":R " << (l.kind == LinkKind::Replication ? "--" : "-->") << " L:" << t->second << "\n";
        }
        return os.str();
    }
    os << "flowchart LR\n";
    std::vector<bool> placed(d.components.size(), false);
    auto emit = [&](const std::string& region, const std::string& zone, const std::string& indent) {
        for (std::size_t i = 0; i < d.components.size(); ++i) {
            const Component& c = d.components[i];
            if (placed[i] || c.region != region || c.zone != zone) continue;
            placed[i] = true;
            const std::string label = mermaidLabel(display(c.name, c.id));
            os << indent << node[c.id]
               << (c.kind == ComponentKind::Database ? "[(" + label + ")]" : c.kind == ComponentKind::UserGroup ? "([" + label + "])" : "[" + label + "]")
               << "\n";
        }
    };
    for (const Region& r : d.regions) {
        os << "  subgraph " << regionId[r.id] << " [" << mermaidLabel(display(r.name, r.id)) << "]\n";
        for (const Zone& z : d.zones) {
            if (z.region != r.id) continue;
            os << "    subgraph " << zoneId[z.id] << " [" << mermaidLabel(display(z.name, z.id)) << "]\n";
            emit(r.id, z.id, "      ");
            os << "    end\n";
        }
        emit(r.id, "", "    ");
        os << "  end\n";
    }
    for (std::size_t i = 0; i < d.components.size(); ++i)
        if (!placed[i]) {
            placed[i] = true;
            os << "  " << node[d.components[i].id] << "[" << mermaidLabel(display(d.components[i].name, d.components[i].id)) << "]\n";
        }
    for (const Link& l : d.links) {
        auto f = node.find(l.from), t = node.find(l.to);
        if (f == node.end() || t == node.end()) continue;
        if (l.kind == LinkKind::Replication)
            os << "  " << f->second << " -.->|" << mermaidLabel("replication " + std::string(linkModeKey(l.mode))) << "| " << t->second << "\n";
        else
            os << "  " << f->second << " -->|" << mermaidLabel(std::string(linkModeKey(l.mode))) << "| " << t->second << "\n";
    }
    return os.str();
}

}  // namespace sw
