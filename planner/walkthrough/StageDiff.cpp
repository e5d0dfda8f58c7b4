// What one stage adds over another, counted by kind and role (components),
// by kind and mode (links) and by setting (zones, regions, shards, pricing):
// computed from the designs, never typed by hand.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>

#include "planner/walkthrough/Walkthrough.h"

namespace sw {

namespace {

std::string componentKey(const Component& c) {
    if (c.kind != ComponentKind::Database) return std::string(kindLabel(c.kind));
    switch (c.role) {
    case DbRole::Primary: return "Database primary";
    case DbRole::Replica: return "Database replica";
    case DbRole::Shard: return "Sharded database";
    }
    return "Database";
}

std::string linkKey(const Link& l) {
    return std::string(linkModeKey(l.mode)) + (l.kind == LinkKind::Replication ? " replication link" : " call");
}

// "Load balancer" -> "load balancer"; acronyms ("CDN") stay as they are.
std::string lower(std::string s) {
    if (s.size() > 1 && std::islower(static_cast<unsigned char>(s[1])))
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

std::string plural(std::string w) {
    if (w.size() > 1 && w.back() == 'y' && std::string("aeiou").find(w[w.size() - 2]) == std::string::npos)
        return w.substr(0, w.size() - 1) + "ies";
    return w + (w.back() == 's' ? "es" : "s");
}

std::string counted(int n, const std::string& what) {
    std::string w = lower(what);
    if (std::abs(n) != 1 && !w.empty()) w = plural(w);
    return (n > 0 ? "+" : "-") + std::to_string(std::abs(n)) + " " + w;
}

template <class T, class Key>
std::map<std::string, int> countBy(const std::vector<T>& v, Key key) {
    std::map<std::string, int> m;
    for (const T& x : v) ++m[key(x)];
    return m;
}

int usedRegions(const Design& d) {
    std::set<std::string> r;
    for (const Component& c : d.components)
        if (!c.region.empty() && c.kind != ComponentKind::UserGroup) r.insert(c.region);
    return static_cast<int>(r.size());
}

double maxShards(const Design& d) {
    double s = 1;
    for (const Component& c : d.components)
        if (c.kind == ComponentKind::Database) s = std::max(s, c.params.shards);
    return s;
}

int ownMachines(const Design& d) {
    int n = 0;
    for (const Component& c : d.components) n += c.kind != ComponentKind::UserGroup && !c.instance_type.empty();
    return n;
}

int pricedAs(const Design& d, Pricing p) {
    int n = 0;
    for (const Component& c : d.components) n += c.kind != ComponentKind::UserGroup && c.pricing == p;
    return n;
}

void setting(std::vector<std::string>& out, const std::string& what, double a, double b) {
    if (a == b) return;
    auto fmt = [](double v) { return std::to_string(static_cast<long long>(v)); };
    out.push_back(what + " " + fmt(a) + " -> " + fmt(b));
}

}  // namespace

StageDiff diffStages(const Design& from, const Design& to) {
    StageDiff diff;
    const auto before = countBy(from.components, componentKey);
    const auto after = countBy(to.components, componentKey);
    std::set<std::string> keys;
    for (const auto& [k, n] : before) keys.insert(k);
    for (const auto& [k, n] : after) keys.insert(k);
    for (const std::string& k : keys) {
        const int a = before.count(k) ? before.at(k) : 0, b = after.count(k) ? after.at(k) : 0;
        if (a == b || k == kindLabel(ComponentKind::UserGroup)) continue;
        diff.added.push_back(counted(b - a, k));
        int extra = b - a;
        for (const Component& c : to.components) {
            if (extra <= 0) break;
            if (componentKey(c) != k) continue;
            const Component* old = from.findComponent(c.id);
            if (old && componentKey(*old) == k) continue;
            diff.added_ids.push_back(c.id);
            --extra;
        }
    }
    const auto lb = countBy(from.links, linkKey), la = countBy(to.links, linkKey);
    std::set<std::string> lkeys;
    for (const auto& [k, n] : lb) lkeys.insert(k);
    for (const auto& [k, n] : la) lkeys.insert(k);
    for (const std::string& k : lkeys) {
        const int a = lb.count(k) ? lb.at(k) : 0, b = la.count(k) ? la.at(k) : 0;
        if (a != b && (k.find("async") == 0 || k.find("replication") != std::string::npos || k.find("quorum") == 0))
            diff.added.push_back(counted(b - a, k));
    }
    // A tier moving to its own machine is news only when nothing else was added.
    if (diff.added.empty()) setting(diff.added, "tiers on their own machines", ownMachines(from), ownMachines(to));
    setting(diff.added, "regions", usedRegions(from), usedRegions(to));
    setting(diff.added, "availability zones", static_cast<double>(from.zones.size()), static_cast<double>(to.zones.size()));
    setting(diff.added, "shards per database", maxShards(from), maxShards(to));
    setting(diff.added, "tiers on reserved pricing", pricedAs(from, Pricing::Reserved), pricedAs(to, Pricing::Reserved));
    setting(diff.added, "tiers on spot pricing", pricedAs(from, Pricing::Spot), pricedAs(to, Pricing::Spot));
    return diff;
}

}  // namespace sw
