// Monthly cost of a design: compute, storage, internet and CDN egress (tiered
// over the whole account, then shared out by volume), cross-region and
// cross-zone transfer, managed fees; totals per component, region, category.
#include <algorithm>
#include <cmath>
#include <map>

#include "planner/Cost.h"
#include "planner/analysis/Passes.h"

namespace sw::analysis {

namespace {

// A database's volume is billed where it lives: at the RDS storage rate when
// it runs on a managed database type (db.*), on EBS gp3 when it is a server
// of its own (PostgreSQL on an EC2 instance, or on the app's box).
double storagePrice(ComponentKind k, const InstanceType* type, const PriceTable& p) {
    switch (k) {
    case ComponentKind::Database:
        return type && type->category == "database" ? p.storage_database_usd_per_gb_month
                                                    : p.storage_block_usd_per_gb_month;
    case ComponentKind::ObjectStorage: return p.storage_object_usd_per_gb_month;
    case ComponentKind::Queue: return p.storage_block_usd_per_gb_month;
    default: return 0.0;
    }
}

}  // namespace

void computeCost(const Context& ctx, const LoadModel& load, Analysis& out, Tracer& tr) {
    const Design& d = ctx.design;
    const PriceTable& prices = ctx.catalogue.prices;
    const Workload& wl = d.workload;
    const std::size_t n = d.components.size();
    const double peakToMonth = wl.peak_factor > 0 ? kSecondsPerMonth / wl.peak_factor : 0.0;
    const double gbPerRequest = wl.bytes_per_response / kBytesPerGb;
    CostBreakdown& cb = out.cost;
    cb = {};

    std::vector<double> egressGb(n, 0.0), cdnGb(n, 0.0);
    std::vector<double> transfer(n, 0.0);   // cross-region + cross-zone USD, billed to the sender
    for (std::size_t i = 0; i < n; ++i) {
        const Component& c = d.components[i];
        ComponentResult& r = out.components[i];
        if (c.kind == ComponentKind::UserGroup) continue;
        const ComponentParams& p = c.params;
        const double shards = c.kind == ComponentKind::Database ? std::max(1.0, std::round(p.shards)) : 1.0;
        const double instances = std::max(1.0, std::round(p.instances)) * shards;
        double compute = 0;
        const InstanceType* type = ctx.instanceType(static_cast<int>(i));
        if (type) compute = computeMonthlyUsd(type->usd_per_hour, instances, c.pricing, prices);
        // A database keeps a copy per instance (a Multi-AZ standby bills its
        // own volume); object storage and queues replicate inside the service.
        const double copies = c.kind == ComponentKind::Database ? instances : 1.0;
        const double storage = p.storage_gb * copies * storagePrice(c.kind, type, prices);
        cb.compute += compute;
        cb.storage += storage;
        cb.managed += p.extra_monthly_usd;
        r.cost_per_month_usd = compute + storage + p.extra_monthly_usd;
    }

    // Transfer: responses to users leave through the entry components; CDN
    // misses fetched from an origin outside the CDN's cloud are internet egress.
    for (std::size_t l = 0; l < d.links.size(); ++l) {
        const int from = ctx.linkFrom[l], to = ctx.linkTo[l];
        if (from < 0) continue;
        const Link& link = d.links[l];
        const double gb = load.linkRps[l] * peakToMonth * gbPerRequest;
        if (gb <= 0) continue;
        const Component& src = ctx.comp(from);
        const Component& dst = ctx.comp(to);
        // DNS only answers where to go: the response reaches users from the
        // component the resolver sends them to (a CDN edge, a load balancer).
        if (link.kind == LinkKind::Call && src.kind == ComponentKind::UserGroup && dst.kind == ComponentKind::Dns)
            continue;
        if (link.kind == LinkKind::Call &&
            (src.kind == ComponentKind::UserGroup || src.kind == ComponentKind::Dns)) {
            (dst.kind == ComponentKind::Cdn ? cdnGb : egressGb)[static_cast<std::size_t>(to)] += gb;
            continue;
        }
        if (link.kind == LinkKind::Call && src.kind == ComponentKind::Cdn && src.params.origin_external >= 0.5) {
            egressGb[static_cast<std::size_t>(to)] += gb;
            continue;
        }
        // Calls: the response travels callee -> caller; replication: source -> target.
        const int sender = link.kind == LinkKind::Call ? to : from;
        const int ra = ctx.compRegion[static_cast<std::size_t>(from)], rb = ctx.compRegion[static_cast<std::size_t>(to)];
        if (ra >= 0 && rb >= 0 && ra != rb) {
            const double usd = gb * prices.cross_region_usd_per_gb;
            transfer[static_cast<std::size_t>(sender)] += usd;
            cb.cross_region += usd;
            cb.cross_region_gb_per_month += gb;
        } else {
            const int za = ctx.compZone[static_cast<std::size_t>(from)], zb = ctx.compZone[static_cast<std::size_t>(to)];
            if (za >= 0 && zb >= 0 && za != zb) {
                // Inter-AZ transfer is billed on both sides.
                const double usd = 2 * gb * prices.cross_zone_usd_per_gb;
                transfer[static_cast<std::size_t>(sender)] += usd;
                cb.cross_zone += usd;
            }
        }
    }
    double totalEgress = 0, totalCdn = 0;
    for (std::size_t i = 0; i < n; ++i) {
        totalEgress += egressGb[i];
        totalCdn += cdnGb[i];
    }
    cb.egress = tieredCostUsd(prices.internet_egress, totalEgress);
    cb.cdn = tieredCostUsd(prices.cdn_egress, totalCdn);
    cb.egress_gb_per_month = totalEgress;
    cb.cdn_gb_per_month = totalCdn;
    for (std::size_t i = 0; i < n; ++i) {
        double share = transfer[i];
        if (totalEgress > 0) share += cb.egress * egressGb[i] / totalEgress;
        if (totalCdn > 0) share += cb.cdn * cdnGb[i] / totalCdn;
        out.components[i].cost_per_month_usd += share;
    }
    if (tr.on()) {
        tr.add("cost.compute_usd", "sum over tiers: hourly price x 730 h x instances x pricing-option factor",
               num(static_cast<double>(n)) + " components", cb.compute);
        tr.add("cost.storage_usd", "sum over tiers: GB x copies x price per GB-month",
               "database " + num(prices.storage_database_usd_per_gb_month) + ", object " +
                   num(prices.storage_object_usd_per_gb_month) + ", block " +
                   num(prices.storage_block_usd_per_gb_month) + " USD/GB-month",
               cb.storage);
        tr.add("cost.managed_usd", "sum of the components' extra monthly fees", num(static_cast<double>(n)) + " components", cb.managed);
        tr.add("cost.cross_zone_usd", "GB between zones of one region x price per GB x 2 (billed both sides)",
               num(prices.cross_zone_usd_per_gb) + " USD/GB", cb.cross_zone);
        tr.add("cost.egress_usd", "published internet-egress tiers after the free allowance, over the account",
               num(totalEgress) + " GB/month (requests x bytes_per_response / 2^30)", cb.egress);
        tr.add("cost.cdn_usd", "published CDN tiers after the free allowance", num(totalCdn) + " GB/month", cb.cdn);
        tr.add("cost.cross_region_usd", "GB between regions x price per GB",
               num(cb.cross_region_gb_per_month) + " GB x " + num(prices.cross_region_usd_per_gb) + " USD",
               cb.cross_region);
    }

    cb.total = cb.compute + cb.storage + cb.egress + cb.cdn + cb.cross_region + cb.cross_zone + cb.managed;
    const double monthlyRequests = load.average_rps * kSecondsPerMonth;
    cb.per_million_requests = monthlyRequests > 0 ? cb.total / (monthlyRequests / 1e6) : 0.0;
    cb.per_user = wl.users > 0 ? cb.total / wl.users : 0.0;
    std::map<std::string, double> byRegion;
    for (std::size_t i = 0; i < n; ++i)
        if (d.components[i].kind != ComponentKind::UserGroup)
            byRegion[out.components[i].region] += out.components[i].cost_per_month_usd;
    cb.by_region.assign(byRegion.begin(), byRegion.end());
    out.summary.cost_per_month_usd = cb.total;
    tr.add("cost.total_usd", "compute + storage + egress + cdn + cross-region + cross-zone + managed",
           num(cb.compute) + " + " + num(cb.storage) + " + " + num(cb.egress) + " + " + num(cb.cdn) + " + " +
               num(cb.cross_region) + " + " + num(cb.cross_zone) + " + " + num(cb.managed),
           cb.total);
    tr.add("cost.per_million_requests", "total / (average rps x 2,629,800 s / 10^6)",
           num(cb.total) + " USD, " + num(monthlyRequests) + " requests/month", cb.per_million_requests);
}

}  // namespace sw::analysis
