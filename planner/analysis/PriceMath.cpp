// Tiered and flat transfer prices, compute by pricing option, CDN comparison.
#include <algorithm>

#include "planner/Cost.h"

namespace sw {

double tieredCostUsd(const TieredPrice& price, double gb) {
    double billable = std::max(0.0, gb - std::max(0.0, price.free_gb_per_month));
    double usd = 0, lower = 0;
    for (const PriceTier& t : price.tiers) {
        if (billable <= 0) break;
        const bool last = t.up_to_gb <= 0 || &t == &price.tiers.back();
        const double width = last ? billable : std::max(0.0, t.up_to_gb - lower);
        const double inTier = std::min(billable, width);
        usd += inTier * t.usd_per_gb;
        billable -= inTier;
        lower = t.up_to_gb;
    }
    return usd;
}

double computeMonthlyUsd(double usdPerHour, double instances, Pricing pricing, const PriceTable& prices) {
    double factor = 1.0;
    if (pricing == Pricing::Reserved) factor = prices.reserved_factor;
    if (pricing == Pricing::Spot) factor = prices.spot_factor;
    return usdPerHour * prices.hours_per_month * instances * factor;
}

CdnComparison cdnFlatRate(double totalGb, double hitRatio, double cdnUsdPerGb, double originUsdPerGb,
                          bool originExternal) {
    CdnComparison c;
    const double h = std::clamp(hitRatio, 0.0, 1.0);
    c.without_cdn_usd = totalGb * originUsdPerGb;
    c.cdn_usd = totalGb * cdnUsdPerGb;
    c.origin_usd = originExternal ? totalGb * (1 - h) * originUsdPerGb : 0.0;
    c.with_cdn_usd = c.cdn_usd + c.origin_usd;
    return c;
}

CdnComparison cdnTiered(const PriceTable& prices, double totalGb, double hitRatio, bool originExternal) {
    CdnComparison c;
    const double h = std::clamp(hitRatio, 0.0, 1.0);
    c.without_cdn_usd = tieredCostUsd(prices.internet_egress, totalGb);
    c.cdn_usd = tieredCostUsd(prices.cdn_egress, totalGb);
    c.origin_usd = originExternal ? tieredCostUsd(prices.internet_egress, totalGb * (1 - h)) : 0.0;
    c.with_cdn_usd = c.cdn_usd + c.origin_usd;
    return c;
}

}  // namespace sw
