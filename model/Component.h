// The boxes an architect draws: kinds, placement and kind-specific parameters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sw {

enum class ComponentKind : std::uint8_t {
    UserGroup,
    Dns,
    Cdn,
    LoadBalancer,
    Service,
    Cache,
    Database,
    Queue,
    ObjectStorage,
};
inline constexpr int kComponentKindCount = 9;

enum class DbRole : std::uint8_t { Primary, Replica, Shard };
enum class Pricing : std::uint8_t { OnDemand, Reserved, Spot };

// Numeric parameters; the unit, range and default of each live in FieldSpec
// (componentFields()), which JSON, SQLite, validation and the inspector share.
struct ComponentParams {
    double instances = 1;               // count
    double capacity_rps = 100;          // per instance, requests (or ops) per second
    double service_time_ms = 20;        // mean service time of one request
    double availability = 0.995;        // per instance, steady state
    double mtbf_h = 0;                  // when > 0 with mttr_h: availability = MTBF/(MTBF+MTTR)
    double mttr_h = 0;
    double hit_ratio = 0;               // cache / CDN
    double memory_gb = 0;               // cache
    double storage_gb = 0;              // database, object storage, queue
    double shards = 1;                  // database shard group
    double apply_rate_wps = 0;          // replica apply rate (writes/s); 0 = same as capacity
    double write_quorum = 1;            // acknowledgements a primary waits for (quorum edges)
    double failover_s = 0;              // promotion / switch-over time after detection
    double promotable = 1;              // database replica: 1 = can be promoted when its primary fails
    double serves_reads = 1;            // database replica: 1 = answers reads; 0 = a standby (RDS Multi-AZ) that only waits
    double health_check_interval_s = 10;
    double unhealthy_threshold = 3;
    double dns_ttl_s = 60;
    double partitions = 1;              // queue
    double consumers = 1;               // queue
    double user_share = 1;              // user group: fraction of the workload's users
    double latitude = 0;                // user group location
    double longitude = 0;
    double last_mile_ms = 15;           // user group: access RTT to the provider's network (docs/formulas.md)
    double origin_external = 0;         // CDN: 1 = origin outside the CDN's cloud (fetches billed)
    double extra_monthly_usd = 0;       // managed-service fee, licences

    bool operator==(const ComponentParams&) const = default;
};

// Database failover when the primary's failover_s is 0, and the endpoint
// switch after any promotion (seed 004; the simulator's scenario policies
// default to these; planner/FailoverRule.h applies them).
inline constexpr double kDefaultPromotionS = 90;
inline constexpr double kEndpointSwitchS = 30;

struct Component {
    std::string id;
    std::string name;
    ComponentKind kind = ComponentKind::Service;
    std::string region;          // region id ("" = none)
    std::string zone;            // zone id ("" = region-wide)
    std::string instance_type;   // catalogue name, e.g. "m5.large"
    DbRole role = DbRole::Primary;
    Pricing pricing = Pricing::OnDemand;
    double x = 0, y = 0;         // canvas position (scene units)
    ComponentParams params;

    bool operator==(const Component&) const = default;
};

std::string_view kindKey(ComponentKind k);        // "load_balancer"
std::string_view kindLabel(ComponentKind k);      // "Load balancer"
std::optional<ComponentKind> kindFromKey(std::string_view key);
std::string_view roleKey(DbRole r);
std::optional<DbRole> roleFromKey(std::string_view key);
std::string_view pricingKey(Pricing p);
std::optional<Pricing> pricingFromKey(std::string_view key);

// Whether the kind runs instances that cost compute and fail independently.
bool hasInstances(ComponentKind k);
// Whether the kind answers requests itself (a service, cache, database, queue,
// object store), rather than only resolving or forwarding them (DNS, CDN, load
// balancer): a user's path has to end at one.
bool servesRequests(ComponentKind k);

}  // namespace sw
