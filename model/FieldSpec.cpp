#include "model/FieldSpec.h"

#include "model/Scenario.h"

#include <array>
#include <charconv>
#include <cmath>

namespace sw {
namespace {

using K = ComponentKind;
constexpr KindMask bits(std::initializer_list<ComponentKind> ks) {
    KindMask m = 0;
    for (auto k : ks) m |= kindBit(k);
    return m;
}
constexpr KindMask kRunning = kAllKinds & ~kindBit(K::UserGroup);
constexpr KindMask kServing = bits({K::Dns, K::Cdn, K::LoadBalancer, K::Service, K::Cache,
                                    K::Database, K::Queue, K::ObjectStorage});
constexpr KindMask kStoring = bits({K::Database, K::Queue, K::ObjectStorage});
constexpr KindMask kHealthChecked = bits({K::Dns, K::LoadBalancer, K::Database});

using CP = ComponentParams;
constexpr std::array<FieldSpec<CP>, 26> kComponentFields{{
    {"instances", "Instances", "", 1, 100000, true, &CP::instances, kRunning,
     "Identical instances of this component"},
    {"capacity_rps", "Capacity per instance", "rps", 0.001, 1e9, false, &CP::capacity_rps,
     kServing, "Requests (or operations) per second one instance sustains at 100 % busy"},
    {"service_time_ms", "Service time", "ms", 0.001, 1e6, false, &CP::service_time_ms, kServing,
     "Mean time one request occupies a server"},
    {"availability", "Instance availability", "", 1e-6, 1, false, &CP::availability, kRunning,
     "Steady-state availability of one instance (ignored when MTBF and MTTR are set)"},
    {"mtbf_h", "MTBF", "h", 0, 1e7, false, &CP::mtbf_h, kRunning,
     "Mean time between failures of one instance; 0 = use availability"},
    {"mttr_h", "MTTR", "h", 0, 1e5, false, &CP::mttr_h, kRunning,
     "Mean time to repair one instance"},
    {"hit_ratio", "Hit ratio", "", 0, 1, false, &CP::hit_ratio, bits({K::Cache, K::Cdn}),
     "Share of requests answered without asking what is behind"},
    {"memory_gb", "Memory", "GB", 0, 1e6, false, &CP::memory_gb, bits({K::Cache}),
     "Cache memory across the tier"},
    {"storage_gb", "Storage", "GB", 0, 1e10, false, &CP::storage_gb, kStoring,
     "Provisioned or stored data"},
    {"shards", "Shards", "", 1, 100000, true, &CP::shards, bits({K::Database}),
     "Shards in a shard group (each shard has the listed instances)"},
    {"apply_rate_wps", "Replica apply rate", "writes/s", 0, 1e9, false, &CP::apply_rate_wps,
     bits({K::Database}), "Writes per second a replica can apply; 0 = its capacity"},
    {"write_quorum", "Write quorum", "", 1, 1000, true, &CP::write_quorum, bits({K::Database}),
     "Acknowledgements a primary waits for on quorum replication"},
    {"failover_s", "Failover time", "s", 0, 86400, false, &CP::failover_s, kRunning,
     "Promotion or switch-over time after a failure is detected"},
    {"promotable", "Promotable", "", 0, 1, true, &CP::promotable, bits({K::Database}),
     "Replica: 1 = promoted to primary when the primary fails (sync standbys always are)"},
    {"serves_reads", "Serves reads", "", 0, 1, true, &CP::serves_reads, bits({K::Database}),
     "Replica: 1 = answers reads (its callers' and its primary's); 0 = a standby that only applies writes until promoted (RDS Multi-AZ)"},
    {"health_check_interval_s", "Health-check interval", "s", 0.1, 3600, false,
     &CP::health_check_interval_s, kHealthChecked, "Time between two health checks"},
    {"unhealthy_threshold", "Unhealthy threshold", "", 1, 100, true, &CP::unhealthy_threshold,
     kHealthChecked, "Failed checks in a row before a target is taken out"},
    {"dns_ttl_s", "DNS TTL", "s", 0, 86400, false, &CP::dns_ttl_s, bits({K::Dns}),
     "Time clients keep a resolved address"},
    {"partitions", "Partitions", "", 1, 100000, true, &CP::partitions, bits({K::Queue}),
     "Partitions of the queue or stream"},
    {"consumers", "Consumers", "", 1, 100000, true, &CP::consumers, bits({K::Queue}),
     "Consumer processes reading the queue"},
    {"user_share", "Share of users", "", 0, 1, false, &CP::user_share, bits({K::UserGroup}),
     "Fraction of the workload's users in this group"},
    {"latitude", "Latitude", "deg", -90, 90, false, &CP::latitude, bits({K::UserGroup}),
     "Where the group's users are (degrees north)"},
    {"longitude", "Longitude", "deg", -180, 180, false, &CP::longitude, bits({K::UserGroup}),
     "Where the group's users are (degrees east)"},
    {"last_mile_ms", "Last mile", "ms", 0, 1000, false, &CP::last_mile_ms, bits({K::UserGroup}),
     "Round trip from the users' devices into an internet exchange in their metro (access network)"},
    {"origin_external", "Origin outside the CDN's cloud", "", 0, 1, true, &CP::origin_external,
     bits({K::Cdn}), "1 = origin fetches are billed as egress by the origin's cloud"},
    {"extra_monthly_usd", "Extra monthly fee", "USD/month", 0, 1e9, false,
     &CP::extra_monthly_usd, kRunning, "Managed-service fee, licences or support"},
}};

using W = Workload;
constexpr std::array<FieldSpec<W>, 9> kWorkloadFields{{
    {"users", "Daily active users", "users", 0, 1e11, false, &W::users},
    {"requests_per_user_per_day", "Requests per user per day", "req/day", 0, 1e6, false,
     &W::requests_per_user_per_day},
    {"read_fraction", "Read fraction", "", 0, 1, false, &W::read_fraction},
    {"peak_factor", "Peak factor", "x", 1, 1000, false, &W::peak_factor},
    {"monthly_growth", "Monthly growth", "", -0.99, 10, false, &W::monthly_growth},
    {"user_ceiling", "User ceiling", "users", 0, 1e11, false, &W::user_ceiling},
    {"bytes_per_response", "Bytes per response", "B", 0, 1e10, false, &W::bytes_per_response},
    {"data_per_user_mb", "Data per user", "MB", 0, 1e7, false, &W::data_per_user_mb},
    {"target_utilization", "Target utilisation", "", 0.01, 1, false, &W::target_utilization},
}};

using RP = RegionParams;
constexpr std::array<FieldSpec<RP>, 5> kRegionFields{{
    {"latitude", "Latitude", "deg", -90, 90, false, &RP::latitude},
    {"longitude", "Longitude", "deg", -180, 180, false, &RP::longitude},
    {"availability", "Region availability", "", 1e-6, 1, false, &RP::availability},
    {"mttr_h", "Region outage length", "h", 0, 1e5, false, &RP::mttr_h, kAllKinds,
     "Mean length of a region outage; 0 = not given"},
    {"zone_rtt_ms", "Zone-to-zone RTT", "ms", 0, 100, false, &RP::zone_rtt_ms, kAllKinds,
     "Round trip between two zones of the region; 0 = the provider's published figure"},
}};

using ZP = ZoneParams;
constexpr std::array<FieldSpec<ZP>, 2> kZoneFields{{
    {"availability", "Zone availability", "", 1e-6, 1, false, &ZP::availability},
    {"mttr_h", "Zone outage length", "h", 0, 1e5, false, &ZP::mttr_h, kAllKinds,
     "Mean length of a zone outage; 0 = not given"},
}};

using LP = LinkParams;
constexpr std::array<FieldSpec<LP>, 2> kLinkFields{{
    {"fraction", "Fraction of requests", "", 0, 1, false, &LP::fraction},
    {"extra_latency_ms", "Extra latency", "ms", 0, 1e6, false, &LP::extra_latency_ms},
}};

}  // namespace

std::span<const FieldSpec<ComponentParams>> componentFields() { return kComponentFields; }
std::span<const FieldSpec<Workload>> workloadFields() { return kWorkloadFields; }
std::span<const FieldSpec<RegionParams>> regionFields() { return kRegionFields; }
std::span<const FieldSpec<ZoneParams>> zoneFields() { return kZoneFields; }
std::span<const FieldSpec<LinkParams>> linkFields() { return kLinkFields; }

std::string formatNumber(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    char buf[64];
    // Whole numbers as integers ("100000", not the shorter "1e+05").
    if (v == std::floor(v) && std::abs(v) < 1e15) {
        auto res = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
        return std::string(buf, res.ptr);
    }
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

std::optional<std::string> rectProblem(std::string_view part, double v) {
    if (!std::isfinite(v)) return formatNumber(v) + " is not a finite number";
    if (std::abs(v) > 1e7) return formatNumber(v) + " is outside the canvas (|v| <= 1e7)";
    if ((part == "w" || part == "h") && v < 10) return formatNumber(v) + " is below the minimum 10";
    return std::nullopt;
}

template <class Owner>
std::optional<std::string> rangeProblem(const FieldSpec<Owner>& f, double v) {
    if (!std::isfinite(v)) return formatNumber(v) + " is not a finite number";
    if (v < f.min) return formatNumber(v) + " is below the minimum " + formatNumber(f.min);
    if (v > f.max) return formatNumber(v) + " is above the maximum " + formatNumber(f.max);
    if (f.integer && v != std::floor(v)) return formatNumber(v) + " is not a whole number";
    return std::nullopt;
}

template std::optional<std::string> rangeProblem(const FieldSpec<ComponentParams>&, double);
template std::optional<std::string> rangeProblem(const FieldSpec<Workload>&, double);
template std::optional<std::string> rangeProblem(const FieldSpec<RegionParams>&, double);
template std::optional<std::string> rangeProblem(const FieldSpec<ZoneParams>&, double);
template std::optional<std::string> rangeProblem(const FieldSpec<LinkParams>&, double);
template std::optional<std::string> rangeProblem(const FieldSpec<ScenarioPolicies>&, double);

}  // namespace sw
