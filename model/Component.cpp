#include "model/Component.h"

#include "model/EnumKeys.h"

namespace sw {
namespace {

using K = ComponentKind;
constexpr std::array<std::pair<K, std::string_view>, kComponentKindCount> kKindKeys{{
    {K::UserGroup, "user_group"},
    {K::Dns, "dns"},
    {K::Cdn, "cdn"},
    {K::LoadBalancer, "load_balancer"},
    {K::Service, "service"},
    {K::Cache, "cache"},
    {K::Database, "database"},
    {K::Queue, "queue"},
    {K::ObjectStorage, "object_storage"},
}};
constexpr std::array<std::pair<K, std::string_view>, kComponentKindCount> kKindLabels{{
    {K::UserGroup, "User group"},
    {K::Dns, "DNS / GeoDNS"},
    {K::Cdn, "CDN"},
    {K::LoadBalancer, "Load balancer"},
    {K::Service, "Service"},
    {K::Cache, "Cache"},
    {K::Database, "Database"},
    {K::Queue, "Queue / stream"},
    {K::ObjectStorage, "Object storage"},
}};
constexpr std::array<std::pair<DbRole, std::string_view>, 3> kRoleKeys{{
    {DbRole::Primary, "primary"}, {DbRole::Replica, "replica"}, {DbRole::Shard, "shard"}}};
constexpr std::array<std::pair<Pricing, std::string_view>, 3> kPricingKeys{{
    {Pricing::OnDemand, "on_demand"}, {Pricing::Reserved, "reserved"}, {Pricing::Spot, "spot"}}};

}  // namespace

std::string_view kindKey(ComponentKind k) { return detail::keyOf(kKindKeys, k); }
std::string_view kindLabel(ComponentKind k) { return detail::keyOf(kKindLabels, k); }
std::optional<ComponentKind> kindFromKey(std::string_view key) {
    return detail::valueOf(kKindKeys, key);
}
std::string_view roleKey(DbRole r) { return detail::keyOf(kRoleKeys, r); }
std::optional<DbRole> roleFromKey(std::string_view key) { return detail::valueOf(kRoleKeys, key); }
std::string_view pricingKey(Pricing p) { return detail::keyOf(kPricingKeys, p); }
std::optional<Pricing> pricingFromKey(std::string_view key) {
    return detail::valueOf(kPricingKeys, key);
}

bool hasInstances(ComponentKind k) { return k != ComponentKind::UserGroup; }

bool servesRequests(ComponentKind k) {
    return k != ComponentKind::UserGroup && k != ComponentKind::Dns && k != ComponentKind::Cdn &&
           k != ComponentKind::LoadBalancer;
}

}  // namespace sw
