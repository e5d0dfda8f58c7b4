// Builds small designs for the planner tests in a few readable lines.
#pragma once

#include <string>

#include "model/Design.h"
#include "planner/Analysis.h"

namespace swtest {

class DesignBuilder {
public:
    DesignBuilder() { d_.name = "test"; }

    DesignBuilder& workload(double users, double requestsPerUserPerDay, double readFraction, double peakFactor) {
        d_.workload.users = users;
        d_.workload.requests_per_user_per_day = requestsPerUserPerDay;
        d_.workload.read_fraction = readFraction;
        d_.workload.peak_factor = peakFactor;
        return *this;
    }
    DesignBuilder& region(const std::string& id, double lat, double lon, double availability = 1.0) {
        sw::Region r;
        r.id = id;
        r.name = id;
        r.params.latitude = lat;
        r.params.longitude = lon;
        r.params.availability = availability;
        d_.regions.push_back(r);
        return *this;
    }
    DesignBuilder& zone(const std::string& id, const std::string& region, double availability = 1.0) {
        sw::Zone z;
        z.id = id;
        z.name = id;
        z.region = region;
        z.params.availability = availability;
        d_.zones.push_back(z);
        return *this;
    }
    // A component with perfect instances unless told otherwise.
    sw::Component& add(const std::string& id, sw::ComponentKind kind, const std::string& region = "",
                       const std::string& zone = "") {
        sw::Component c;
        c.id = id;
        c.name = id;
        c.kind = kind;
        c.region = region;
        c.zone = zone;
        c.params.availability = 1.0;
        d_.components.push_back(c);
        return d_.components.back();
    }
    sw::Component& users(const std::string& id, double share, double lat = 0, double lon = 0) {
        sw::Component& c = add(id, sw::ComponentKind::UserGroup);
        c.params.user_share = share;
        c.params.latitude = lat;
        c.params.longitude = lon;
        return c;
    }
    sw::Link& call(const std::string& from, const std::string& to, double fraction = 1,
                   sw::Access access = sw::Access::Both, sw::LinkMode mode = sw::LinkMode::Sync) {
        sw::Link l;
        l.id = from + "->" + to;
        l.kind = sw::LinkKind::Call;
        l.from = from;
        l.to = to;
        l.access = access;
        l.mode = mode;
        l.params.fraction = fraction;
        d_.links.push_back(l);
        return d_.links.back();
    }
    sw::Link& replicate(const std::string& from, const std::string& to, sw::LinkMode mode = sw::LinkMode::Async) {
        sw::Link l;
        l.id = from + "=>" + to;
        l.kind = sw::LinkKind::Replication;
        l.from = from;
        l.to = to;
        l.mode = mode;
        d_.links.push_back(l);
        return d_.links.back();
    }
    sw::Design& design() { return d_; }
    sw::Component& operator[](const std::string& id) { return *d_.findComponent(id); }

private:
    sw::Design d_;
};

inline const sw::ComponentResult& resultOf(const sw::Analysis& a, const std::string& id) {
    for (const auto& r : a.components)
        if (r.id == id) return r;
    static sw::ComponentResult none;
    return none;
}

}  // namespace swtest
