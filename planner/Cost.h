// Price arithmetic shared by the design cost pass, the growth projection and
// the back-of-envelope calculators: published volume tiers, flat rates, the
// CDN-versus-origin comparison, compute by pricing option.
#pragma once

#include "model/Catalogue.h"
#include "model/Component.h"

namespace sw {

inline constexpr double kBytesPerGb = 1073741824.0;   // providers bill transfer in GiB labelled "GB"

// Monthly charge for `gb` of transfer under a published tiered price: the free
// allowance first, then each tier's rate for the volume inside it.
double tieredCostUsd(const TieredPrice& price, double gb);

// Compute per month: hourly x hours/month x instances x the pricing option's factor.
double computeMonthlyUsd(double usdPerHour, double instances, Pricing pricing, const PriceTable& prices);

struct CdnComparison {
    double without_cdn_usd = 0;   // every byte leaves the origin as internet egress
    double cdn_usd = 0;           // bytes the CDN delivers to users (all of them)
    double origin_usd = 0;        // origin fetches for the misses
    double with_cdn_usd = 0;      // cdn + origin
};

// Flat rates, no free tier: the seed's back-of-envelope CDN example
// (10,000 GB at 90 % hit, $0.085 and $0.09: $940 with CDN vs $900 without).
// Origin fetches are billed only when the origin is outside the CDN's cloud.
CdnComparison cdnFlatRate(double totalGb, double hitRatio, double cdnUsdPerGb, double originUsdPerGb,
                          bool originExternal = true);
// The same comparison under the catalogue's published tiers and free allowances.
CdnComparison cdnTiered(const PriceTable& prices, double totalGb, double hitRatio, bool originExternal);

}  // namespace sw
