// Parsing of the measured RTT table and the interconnection graph.
#include "model/LatencyTables.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace sw {

namespace embedded {
std::string_view embeddedFile(std::string_view name);
}

namespace {

using nlohmann::json;

double coordinate(const json& j, const char* key, double limit, const std::string& what) {
    const double v = j.at(key).get<double>();
    if (!std::isfinite(v) || std::abs(v) > limit)
        throw std::runtime_error(what + ": " + key + " " + std::to_string(v) + " is outside [-" +
                                 std::to_string(static_cast<int>(limit)) + ", " + std::to_string(static_cast<int>(limit)) + "]");
    return v;
}

double rttField(const json& p, const char* key, const std::string& what) {
    if (!p.contains(key)) return 0;
    const double v = p.at(key).get<double>();
    if (!std::isfinite(v) || v <= 0) throw std::runtime_error(what + ": " + key + " must be a positive number of ms");
    return v;
}

}  // namespace

double MeasuredPair::rttMs() const {
    if (a_to_b_ms > 0 && b_to_a_ms > 0) return (a_to_b_ms + b_to_a_ms) / 2;
    return a_to_b_ms > 0 ? a_to_b_ms : b_to_a_ms;
}

const MeasuredSite* MeasuredRttTable::findSite(std::string_view code) const {
    for (const MeasuredSite& s : sites)
        if (s.code == code) return &s;
    return nullptr;
}

std::optional<double> MeasuredRttTable::rttMs(std::string_view a, std::string_view b) const {
    for (const MeasuredPair& p : pairs)
        if ((p.a == a && p.b == b) || (p.a == b && p.b == a)) return p.rttMs();
    return std::nullopt;
}

Result<LatencyTables> parseLatencyTables(std::string_view measuredJson, std::string_view networkJson) {
    try {
        LatencyTables t;
        const json m = json::parse(measuredJson);
        MeasuredRttTable& mt = t.measured;
        mt.source = m.at("source").get<std::string>();
        mt.date = m.at("date").get<std::string>();
        mt.statistic = m.at("statistic").get<std::string>();
        mt.provider = m.value("provider", std::string{});
        mt.symmetry_tolerance_ms = m.at("symmetry_tolerance_ms").get<double>();
        for (const json& s : m.at("sites")) {
            MeasuredSite site;
            site.code = s.at("code").get<std::string>();
            site.city = s.value("city", std::string{});
            site.latitude = coordinate(s, "latitude", 90, "site " + site.code);
            site.longitude = coordinate(s, "longitude", 180, "site " + site.code);
            site.continent = s.at("continent").get<std::string>();
            mt.sites.push_back(std::move(site));
        }
        for (const json& p : m.at("pairs")) {
            MeasuredPair pair;
            pair.a = p.at("a").get<std::string>();
            pair.b = p.at("b").get<std::string>();
            const std::string what = "pair " + pair.a + " - " + pair.b;
            if (!mt.findSite(pair.a) || !mt.findSite(pair.b)) throw std::runtime_error(what + " names an unlisted site");
            pair.a_to_b_ms = rttField(p, "a_to_b_ms", what);
            pair.b_to_a_ms = rttField(p, "b_to_a_ms", what);
            if (pair.rttMs() <= 0) throw std::runtime_error(what + " has no figure");
            mt.pairs.push_back(std::move(pair));
        }
        const json n = json::parse(networkJson);
        NetworkGraphData& g = t.network;
        g.source = n.at("source").get<std::string>();
        g.date = n.at("date").get<std::string>();
        for (const json& h : n.at("hubs")) {
            NetworkHub hub;
            hub.name = h.at("name").get<std::string>();
            hub.latitude = coordinate(h, "latitude", 90, "hub " + hub.name);
            hub.longitude = coordinate(h, "longitude", 180, "hub " + hub.name);
            g.hubs.push_back(std::move(hub));
        }
        auto known = [&](const std::string& name) {
            for (const NetworkHub& h : g.hubs)
                if (h.name == name) return true;
            return false;
        };
        for (const json& s : n.at("spans")) {
            NetworkSpan span{s.at("a").get<std::string>(), s.at("b").get<std::string>(), s.at("kind").get<std::string>()};
            if (!known(span.a) || !known(span.b))
                throw std::runtime_error("span " + span.a + " - " + span.b + " names an unknown hub");
            if (span.kind != "land" && span.kind != "sea")
                throw std::runtime_error("span " + span.a + " - " + span.b + ": kind must be land or sea");
            g.spans.push_back(std::move(span));
        }
        return t;
    } catch (const std::exception& e) {
        return Result<LatencyTables>::failure(std::string("latency tables: ") + e.what());
    }
}

const LatencyTables& defaultLatencyTables() {
    static const LatencyTables tables = [] {
        auto r = parseLatencyTables(embedded::embeddedFile("latency_measured.json"),
                                    embedded::embeddedFile("network_hubs.json"));
        // The built-in tables are checked by tests; a broken build is a programming error.
        if (!r) throw std::logic_error(r.error());
        return std::move(r).value();
    }();
    return tables;
}

}  // namespace sw
