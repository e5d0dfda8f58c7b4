// Reference data for network latency: a dated table of measured region-to-region
// round trips and the graph of interconnection hubs the route-aware model walks.
// Loaded from resources/catalogue/latency_measured.json and network_hubs.json.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/Result.h"

namespace sw {

// A place the measurements were taken from (a cloud region), with its metro.
struct MeasuredSite {
    std::string code;        // provider region code, "westeurope"
    std::string city;
    double latitude = 0, longitude = 0;
    std::string continent;   // "NA", "SA", "EU", "AF", "ME", "AS", "OC"
};

// One pair of sites: the published figure in each direction (0 = not published).
struct MeasuredPair {
    std::string a, b;
    double a_to_b_ms = 0;
    double b_to_a_ms = 0;
    // The figure the engine uses: the mean of the published directions.
    double rttMs() const;
};

struct MeasuredRttTable {
    std::string source, date, statistic, provider;
    double symmetry_tolerance_ms = 0;   // the two directions agree within this
    std::vector<MeasuredSite> sites;
    std::vector<MeasuredPair> pairs;

    const MeasuredSite* findSite(std::string_view code) const;
    // The measured RTT between two region codes (either order), if published.
    std::optional<double> rttMs(std::string_view a, std::string_view b) const;
};

struct NetworkHub {
    std::string name;
    double latitude = 0, longitude = 0;
};

// A fibre span between two hubs: a terrestrial backbone or a submarine cable.
struct NetworkSpan {
    std::string a, b;
    std::string kind;   // "land" or "sea"
};

struct NetworkGraphData {
    std::string source, date;
    std::vector<NetworkHub> hubs;
    std::vector<NetworkSpan> spans;
};

struct LatencyTables {
    MeasuredRttTable measured;
    NetworkGraphData network;
};

// Parses both tables; names the first thing that is wrong (unknown hub, a
// negative or missing figure, a pair naming an unlisted site).
Result<LatencyTables> parseLatencyTables(std::string_view measuredJson, std::string_view networkJson);

// The tables built into the program (parsed once, then shared).
const LatencyTables& defaultLatencyTables();

}  // namespace sw
