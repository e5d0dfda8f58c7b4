#include "model/Catalogue.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace sw {

namespace embedded {
std::string_view embeddedFile(std::string_view name);
}

namespace {

using nlohmann::json;

TieredPrice parseTiered(const json& j, std::string name) {
    TieredPrice t;
    t.name = std::move(name);
    t.free_gb_per_month = j.value("free_gb_per_month", 0.0);
    for (const auto& tier : j.at("tiers")) {
        t.tiers.push_back({tier.value("up_to_gb", 0.0), tier.at("usd_per_gb").get<double>()});
    }
    if (t.tiers.empty()) throw std::runtime_error(t.name + " has no price tiers");
    return t;
}

void collectSource(const json& doc, std::string_view table, std::vector<CatalogueSource>& out) {
    out.push_back({std::string(table), doc.value("source", std::string{}),
                   doc.value("date", std::string{})});
}

}  // namespace

const InstanceType* Catalogue::findInstanceType(std::string_view name) const {
    auto it = std::find_if(instance_types.begin(), instance_types.end(),
                           [&](const InstanceType& t) { return t.name == name; });
    return it == instance_types.end() ? nullptr : &*it;
}

const CloudRegion* Catalogue::findRegion(std::string_view code) const {
    auto it = std::find_if(regions.begin(), regions.end(),
                           [&](const CloudRegion& r) { return r.code == code; });
    return it == regions.end() ? nullptr : &*it;
}

Result<Catalogue> parseCatalogue(std::string_view typesText, std::string_view regionsText,
                                 std::string_view pricesText) {
    try {
        Catalogue c;
        const json types = json::parse(typesText);
        collectSource(types, "instance_types", c.sources);
        for (const auto& t : types.at("instance_types")) {
            c.instance_types.push_back({t.at("name"), t.at("provider"), t.at("family"),
                                        t.at("category"), t.at("vcpu"), t.at("ram_gib"),
                                        t.at("usd_per_hour")});
        }
        const json regions = json::parse(regionsText);
        collectSource(regions, "regions", c.sources);
        for (const auto& r : regions.at("regions")) {
            c.regions.push_back(
                {r.at("code"), r.at("provider"), r.at("city"), r.at("latitude"), r.at("longitude")});
        }
        const json prices = json::parse(pricesText);
        collectSource(prices, "prices", c.sources);
        PriceTable& p = c.prices;
        p.storage_block_usd_per_gb_month = prices.at("storage_block_usd_per_gb_month");
        p.storage_object_usd_per_gb_month = prices.at("storage_object_usd_per_gb_month");
        p.storage_database_usd_per_gb_month = prices.at("storage_database_usd_per_gb_month");
        p.cross_region_usd_per_gb = prices.at("cross_region_usd_per_gb");
        p.cross_zone_usd_per_gb = prices.at("cross_zone_usd_per_gb");
        p.reserved_factor = prices.at("reserved_factor");
        p.spot_factor = prices.at("spot_factor");
        p.hours_per_month = prices.at("hours_per_month");
        p.internet_egress = parseTiered(prices.at("internet_egress"), "internet egress");
        p.cdn_egress = parseTiered(prices.at("cdn_egress"), "CDN egress");
        return c;
    } catch (const std::exception& e) {
        return Result<Catalogue>::failure(std::string("catalogue: ") + e.what());
    }
}

const Catalogue& defaultCatalogue() {
    static const Catalogue catalogue = [] {
        auto r = parseCatalogue(embedded::embeddedFile("instance_types.json"),
                                embedded::embeddedFile("regions.json"),
                                embedded::embeddedFile("prices.json"));
        // The built-in tables are checked by tests; a broken build is a programming error.
        if (!r) throw std::logic_error(r.error());
        return std::move(r).value();
    }();
    return catalogue;
}

}  // namespace sw
