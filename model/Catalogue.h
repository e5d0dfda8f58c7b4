// Reference data the engine prices and places designs with: instance types,
// storage/transfer/CDN prices and cloud region coordinates. Loaded from the
// JSON tables in resources/catalogue (compiled in), each with source and date.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/Result.h"

namespace sw {

struct InstanceType {
    std::string name;        // "m5.large"
    std::string provider;    // "aws", "gcp", "azure"
    std::string family;      // "m5"
    std::string category;    // "general", "compute", "memory", "burstable", "cache", "database"
    double vcpu = 0;
    double ram_gib = 0;
    double usd_per_hour = 0; // on-demand, Linux
};

struct CloudRegion {
    std::string code;        // "us-east-1"
    std::string provider;
    std::string city;
    double latitude = 0;
    double longitude = 0;
};

// A published price with volume tiers: the first `up_to_gb` of a month at one
// rate, the next tier at the next, and so on (the last tier is open-ended).
struct PriceTier {
    double up_to_gb = 0;     // cumulative upper bound of the tier; 0 on the last one = no bound
    double usd_per_gb = 0;
};

struct TieredPrice {
    std::string name;
    double free_gb_per_month = 0;
    std::vector<PriceTier> tiers;
};

struct PriceTable {
    double storage_block_usd_per_gb_month = 0;     // EBS gp3
    double storage_object_usd_per_gb_month = 0;    // S3 Standard, first tier
    double storage_database_usd_per_gb_month = 0;  // RDS gp3
    double cross_region_usd_per_gb = 0;
    double cross_zone_usd_per_gb = 0;
    double reserved_factor = 1;     // reserved price / on-demand price
    double spot_factor = 1;         // spot price / on-demand price
    double hours_per_month = 730;
    TieredPrice internet_egress;
    TieredPrice cdn_egress;
};

struct CatalogueSource {
    std::string table;
    std::string source;
    std::string date;
};

struct Catalogue {
    std::vector<InstanceType> instance_types;
    std::vector<CloudRegion> regions;
    PriceTable prices;
    std::vector<CatalogueSource> sources;

    const InstanceType* findInstanceType(std::string_view name) const;
    const CloudRegion* findRegion(std::string_view code) const;
};

// The catalogue built into the program (parsed once, then shared).
const Catalogue& defaultCatalogue();

// Parses catalogue tables from JSON text (instance_types, regions, prices).
Result<Catalogue> parseCatalogue(std::string_view instanceTypesJson, std::string_view regionsJson,
                                 std::string_view pricesJson);

}  // namespace sw
