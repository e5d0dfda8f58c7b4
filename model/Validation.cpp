#include "model/Validation.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "model/Catalogue.h"
#include "model/FieldSpec.h"
#include "model/Limits.h"
#include "model/Topology.h"

namespace sw {
namespace {

class Checker {
public:
    explicit Checker(const Design& d) : d_(d), topo_(d) {}

    std::vector<Finding> run() {
        checkSize();
        checkUniqueIds();
        checkWorkload();
        checkPlacement();
        checkComponents();
        checkLinks();
        checkCycle();
        checkReplicas();
        checkUserPaths();
        return std::move(out_);
    }

private:
    void error(std::string code, std::string subject, std::string message) {
        out_.push_back({Severity::Error, std::move(code), std::move(subject), std::move(message)});
    }
    void warning(std::string code, std::string subject, std::string message) {
        out_.push_back({Severity::Warning, std::move(code), std::move(subject), std::move(message)});
    }
    // The stated limits (model/Limits.h): past them the engine's figures are
    // not promised, so the design is refused as a whole.
    void checkSize() {
        if (d_.components.size() > limits::kComponents)
            error("too_many_components", "",
                  std::to_string(d_.components.size()) + " components, more than the limit of " +
                      std::to_string(limits::kComponents) + " per design");
        if (d_.links.size() > limits::kLinks)
            error("too_many_links", "",
                  std::to_string(d_.links.size()) + " links, more than the limit of " + std::to_string(limits::kLinks) +
                      " per design");
    }
    std::string label(const Component& c) const {
        if (c.name.empty() || c.name == c.id) return quoteText(c.id);
        const std::string id = quoteText(c.id);
        return quoteText(c.name) + " (" + id.substr(1, id.size() - 2) + ")";
    }

    template <class V>
    void uniqueIn(const V& items, std::string_view what) {
        std::unordered_set<std::string_view> seen;
        for (const auto& x : items) {
            if (x.id.empty()) error("empty_id", "", std::string(what) + " with an empty id");
            else if (!seen.insert(x.id).second)
                error("duplicate_id", x.id, std::string(what) + " id " + quoteText(x.id) + " is used twice");
        }
    }
    void checkUniqueIds() {
        uniqueIn(d_.components, "component");
        uniqueIn(d_.links, "link");
        uniqueIn(d_.regions, "region");
        uniqueIn(d_.zones, "zone");
    }

    void checkWorkload() {
        for (const auto& f : workloadFields())
            if (auto p = rangeProblem(f, f.get(d_.workload)))
                error("out_of_range", "", "workload " + std::string(f.key) + ": " + *p);
    }

    void checkPlacement() {
        const Catalogue& cat = defaultCatalogue();
        for (const Region& r : d_.regions) {
            for (const auto& f : regionFields())
                if (auto p = rangeProblem(f, f.get(r.params)))
                    error("out_of_range", r.id, "region " + quoteText(r.id) + " " + std::string(f.key) + ": " + *p);
            if (!r.code.empty() && !cat.findRegion(r.code))
                warning("unknown_region_code", r.id,
                        "region " + quoteText(r.id) + " has code " + quoteText(r.code) + ", which is not in the catalogue");
        }
        for (const Zone& z : d_.zones) {
            if (!d_.findRegion(z.region))
                error("missing_region", z.id,
                      "zone " + quoteText(z.id) + " is in region " + quoteText(z.region) + ", which does not exist");
            for (const auto& f : zoneFields())
                if (auto p = rangeProblem(f, f.get(z.params)))
                    error("out_of_range", z.id, "zone " + quoteText(z.id) + " " + std::string(f.key) + ": " + *p);
        }
    }

    void checkComponents() {
        const Catalogue& cat = defaultCatalogue();
        double shares = 0;
        int groups = 0;
        for (const Component& c : d_.components) {
            for (const auto& f : componentFields()) {
                if (!f.appliesTo(c.kind)) continue;
                if (auto p = rangeProblem(f, f.get(c.params)))
                    error("out_of_range", c.id, "component " + label(c) + " " + std::string(f.key) + ": " + *p);
            }
            if (c.kind == ComponentKind::UserGroup) {
                shares += c.params.user_share;
                ++groups;
                continue;
            }
            if (c.region.empty()) {
                error("outside_region", c.id, "component " + label(c) + " is not inside any region");
            } else if (!d_.findRegion(c.region)) {
                error("missing_region", c.id,
                      "component " + label(c) + " is in region " + quoteText(c.region) + ", which does not exist");
            }
            if (!c.zone.empty()) {
                const Zone* z = d_.findZone(c.zone);
                if (!z)
                    error("missing_zone", c.id,
                          "component " + label(c) + " is in zone " + quoteText(c.zone) + ", which does not exist");
                else if (z->region != c.region)
                    error("zone_region_mismatch", c.id,
                          "component " + label(c) + " is in zone " + quoteText(c.zone) + " of region " +
                              quoteText(z->region) + " but placed in region " + quoteText(c.region));
            }
            if (!c.instance_type.empty() && !cat.findInstanceType(c.instance_type))
                error("unknown_instance_type", c.id,
                      "component " + label(c) + " uses instance type '" + c.instance_type +
                          "', which is not in the catalogue");
            if (c.params.mtbf_h > 0 && c.params.mttr_h <= 0)
                warning("mtbf_without_mttr", c.id,
                        "component " + label(c) + " has an MTBF but no MTTR; availability is used instead");
        }
        if (groups > 0 && std::abs(shares - 1.0) > 1e-6)
            warning("user_shares", "",
                    "user-group shares add up to " + formatNumber(shares) + ", not 1; they are normalised");
    }

    void checkLinks() {
        for (std::size_t i = 0; i < d_.links.size(); ++i) {
            const Link& l = d_.links[i];
            // Through the topology's index: a linear search per link is
            // quadratic on a 10,000-component design.
            const int fi = topo_.linkFrom(i), ti = topo_.linkTo(i);
            const Component* from = fi < 0 ? nullptr : &d_.components[static_cast<std::size_t>(fi)];
            const Component* to = ti < 0 ? nullptr : &d_.components[static_cast<std::size_t>(ti)];
            if (!from)
                error("missing_endpoint", l.id, "link " + quoteText(l.id) + " starts at " + quoteText(l.from) + ", which does not exist");
            if (!to)
                error("missing_endpoint", l.id, "link " + quoteText(l.id) + " ends at " + quoteText(l.to) + ", which does not exist");
            for (const auto& f : linkFields())
                if (auto p = rangeProblem(f, f.get(l.params)))
                    error("out_of_range", l.id, "link " + quoteText(l.id) + " " + std::string(f.key) + ": " + *p);
            if (!from || !to) continue;
            if (l.from == l.to)
                error("self_link", l.id, "link " + quoteText(l.id) + " connects " + label(*from) + " to itself");
            if (l.kind == LinkKind::Replication) {
                const bool stateful = from->kind == to->kind &&
                                      (from->kind == ComponentKind::Database ||
                                       from->kind == ComponentKind::Cache ||
                                       from->kind == ComponentKind::ObjectStorage ||
                                       from->kind == ComponentKind::Queue);
                if (!stateful)
                    error("bad_replication", l.id,
                          "replication link " + quoteText(l.id) + " must join two stores of the same kind, not " +
                              std::string(kindKey(from->kind)) + " and " + std::string(kindKey(to->kind)));
                // A replica's changes come from its primary: copying them back
                // closes a loop whose lag and RPO have no meaning.
                else if (from->kind == ComponentKind::Database && from->role == DbRole::Replica &&
                         to->role != DbRole::Replica)
                    error("replica_feeds_primary", l.id,
                          "replication link " + quoteText(l.id) + " copies replica " + label(*from) + " into primary " +
                              label(*to) + "; replication runs from a primary to its replicas");
            } else if (to->kind == ComponentKind::UserGroup) {
                error("call_to_users", l.id, "call link " + quoteText(l.id) + " ends at user group " + label(*to));
            }
        }
    }

    void checkCycle() {
        if (auto cycle = topo_.findCallCycle()) {
            std::string names;
            for (int v : *cycle) names += label(d_.components[v]) + " -> ";
            names += label(d_.components[cycle->front()]);
            error("call_cycle", d_.components[cycle->front()].id, "calls form a cycle: " + names);
        }
    }

    void checkReplicas() {
        for (std::size_t i = 0; i < d_.components.size(); ++i) {
            const Component& c = d_.components[i];
            if (c.kind != ComponentKind::Database || c.role != DbRole::Replica) continue;
            const auto& in = topo_.replicationIn(static_cast<int>(i));
            const bool fed = std::any_of(in.begin(), in.end(), [&](int l) {
                const int fi = topo_.linkFrom(static_cast<std::size_t>(l));
                const Component* src = fi < 0 ? nullptr : &d_.components[static_cast<std::size_t>(fi)];
                return src && src->kind == ComponentKind::Database && src->role != DbRole::Replica;
            });
            if (!fed)
                error("replica_without_primary", c.id,
                      "replica " + label(c) + " has no replication link from a primary");
        }
    }

    // A user's requests have to end at a component that answers them: a load
    // balancer or a CDN with nothing behind it serves no one. One backward
    // search from every serving component finds the groups that reach one;
    // two more find the components not connected to any user's path (a
    // pasted, unconnected service). Linear, not a search per group.
    void checkUserPaths() {
        const std::size_t n = d_.components.size();
        std::vector<char> serving(n, 0), users(n, 0);
        bool anyUsers = false;
        for (std::size_t j = 0; j < n; ++j) {
            const ComponentKind k = d_.components[j].kind;
            serving[j] = servesRequests(k);
            users[j] = k == ComponentKind::UserGroup;
            anyUsers = anyUsers || users[j];
        }
        const std::vector<char> reaches = topo_.reachingAny(serving);
        for (std::size_t i = 0; i < n; ++i) {
            const Component& c = d_.components[i];
            if (c.kind == ComponentKind::UserGroup && !reaches[i])
                error("unreachable_users", c.id, "user group " + label(c) + " has no path to a service");
        }
        // No users at all: analyze() says so once. Errors already found (a
        // broken link, a duplicate id) leave parts unconnected as a
        // consequence; a warning per part would bury the cause.
        if (!anyUsers || hasErrors(out_)) return;
        // Connected: reached from a user group, or calling into what is (a
        // queue's consumers pull from it), or called by such a consumer (the
        // store its jobs write to).
        const std::vector<char> connected = topo_.reachedFromAny(topo_.reachingAny(topo_.reachedFromAny(users)));
        for (std::size_t i = 0; i < n; ++i) {
            const Component& c = d_.components[i];
            // A store fed only by replication (a standby replica) gets no calls by design.
            if (connected[i] || c.kind == ComponentKind::UserGroup ||
                !topo_.replicationIn(static_cast<int>(i)).empty())
                continue;
            warning("unreachable_component", c.id,
                    std::string(kindLabel(c.kind)) + " " + label(c) + " is not connected: no user group's calls reach it");
        }
    }

    const Design& d_;
    Topology topo_;
    std::vector<Finding> out_;
};

}  // namespace

std::vector<Finding> validate(const Design& design) { return Checker(design).run(); }

bool hasErrors(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::Error; });
}

std::string_view severityKey(Severity s) { return s == Severity::Error ? "error" : "warning"; }

}  // namespace sw
