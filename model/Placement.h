// Containers on the canvas that are also failure domains: regions and zones.
#pragma once

#include <string>

namespace sw {

struct Rect {
    double x = 0, y = 0, w = 400, h = 300;
    bool operator==(const Rect&) const = default;
};

struct RegionParams {
    double latitude = 0;
    double longitude = 0;
    double availability = 0.9999;   // the whole region as one failure domain
    double mttr_h = 0;              // mean outage length; 0 = not given (no failover window charged, no random outages)
    double zone_rtt_ms = 0;         // between two of its zones; 0 = the provider's default (planner/ZoneLatency.h)

    bool operator==(const RegionParams&) const = default;
};

struct Region {
    std::string id;
    std::string name;
    std::string code;       // catalogue code, e.g. "us-east-1"; "" = custom location
    std::string provider;   // "aws", "gcp", "azure", ""
    Rect rect;
    RegionParams params;
    bool operator==(const Region&) const = default;
};

struct ZoneParams {
    double availability = 0.9995;   // the whole zone as one failure domain
    double mttr_h = 0;              // mean outage length; 0 = not given (no failover window charged, no random outages)

    bool operator==(const ZoneParams&) const = default;
};

struct Zone {
    std::string id;
    std::string name;
    std::string region;     // region id
    Rect rect;
    ZoneParams params;
    bool operator==(const Zone&) const = default;
};

}  // namespace sw
