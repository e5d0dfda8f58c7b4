#include "tests/support/TestDesigns.h"

#include <algorithm>
#include <array>

#include "model/Catalogue.h"

namespace sw::testing {

Component makeComponent(std::string id, ComponentKind kind, std::string region, std::string zone) {
    Component c;
    c.name = id;
    c.id = std::move(id);
    c.kind = kind;
    c.region = std::move(region);
    c.zone = std::move(zone);
    return c;
}

Link makeLink(std::string id, std::string from, std::string to, LinkKind kind, LinkMode mode) {
    Link l;
    l.id = std::move(id);
    l.from = std::move(from);
    l.to = std::move(to);
    l.kind = kind;
    l.mode = mode;
    return l;
}

Region makeRegion(std::string id, std::string code) {
    Region r;
    r.id = std::move(id);
    r.code = std::move(code);
    r.name = r.code.empty() ? r.id : r.code;
    if (const CloudRegion* known = defaultCatalogue().findRegion(r.code)) {
        r.provider = known->provider;
        r.params.latitude = known->latitude;
        r.params.longitude = known->longitude;
    }
    return r;
}

Design handMadeDesign() {
    using K = ComponentKind;
    Design d;
    d.name = "Hand-made web stack";
    d.description = "Two regions; \"quoted\" text, unicode \xc3\xa9\xe2\x82\xac and a tab\t survive";
    d.workload = {2.5e6, 37.5, 0.85, 2.75, 0.125, 4e8, 18432.5, 12.25, 0.65};

    Region east = makeRegion("east", "us-east-1");
    east.rect = {0, 0, 900, 700};
    east.params.availability = 0.99995;
    Region west = makeRegion("west", "eu-west-1");
    west.rect = {1000, 0, 900, 700};
    Region lab = makeRegion("lab", "");
    lab.name = "On-premises lab";
    lab.rect = {0, 800, 500, 400};
    lab.params.latitude = 52.52;
    lab.params.longitude = 13.405;
    d.regions = {east, west, lab};

    Zone a{"east-a", "us-east-1a", "east", {20, 40, 400, 620}, {0.9993}};
    Zone b{"east-b", "us-east-1b", "east", {460, 40, 400, 620}, {}};
    Zone w{"west-a", "eu-west-1a", "west", {1020, 40, 400, 620}, {0.99925}};
    d.zones = {a, b, w};

    Component users = makeComponent("users-eu", K::UserGroup);
    users.name = "European users";
    users.params.user_share = 0.375;
    users.params.latitude = 48.8566;
    users.params.longitude = 2.3522;
    users.x = -300;
    users.y = 120.5;
    Component usersUs = makeComponent("users-us", K::UserGroup);
    usersUs.params.user_share = 0.625;
    usersUs.params.latitude = 40.7128;
    usersUs.params.longitude = -74.006;

    Component dns = makeComponent("dns", K::Dns, "east");
    dns.params.dns_ttl_s = 30;
    dns.params.health_check_interval_s = 5;
    dns.params.unhealthy_threshold = 2;
    dns.params.availability = 0.99999;
    Component cdn = makeComponent("cdn", K::Cdn, "east");
    cdn.params.hit_ratio = 0.92;
    cdn.params.origin_external = 1;
    cdn.params.capacity_rps = 1e6;
    Component lb = makeComponent("lb", K::LoadBalancer, "east", "east-a");
    lb.instance_type = "c5.large";
    lb.params.instances = 2;
    lb.params.mtbf_h = 8760;
    lb.params.mttr_h = 0.5;
    lb.x = 40;
    lb.y = 60;
    Component api = makeComponent("api", K::Service, "east", "east-a");
    api.name = "API tier";
    api.instance_type = "m5.xlarge";
    api.pricing = Pricing::Reserved;
    api.params.instances = 6;
    api.params.capacity_rps = 450.5;
    api.params.service_time_ms = 12.125;
    api.params.failover_s = 15;
    api.params.extra_monthly_usd = 99.99;
    api.x = 40;
    api.y = 200;
    Component worker = makeComponent("worker", K::Service, "east", "east-b");
    worker.instance_type = "c6g.large";
    worker.pricing = Pricing::Spot;
    worker.params.instances = 3;
    Component cache = makeComponent("cache", K::Cache, "east", "east-b");
    cache.instance_type = "cache.r6g.large";
    cache.params.hit_ratio = 0.8125;
    cache.params.memory_gb = 26.32;
    cache.params.instances = 2;
    Component db = makeComponent("db", K::Database, "east", "east-a");
    db.instance_type = "db.r6g.xlarge";
    db.params.storage_gb = 500;
    db.params.write_quorum = 2;
    db.params.failover_s = 35;
    db.params.health_check_interval_s = 2.5;
    Component replica = makeComponent("db-replica", K::Database, "west", "west-a");
    replica.role = DbRole::Replica;
    replica.instance_type = "db.r6g.xlarge";
    replica.params.apply_rate_wps = 4000;
    replica.params.storage_gb = 500;
    Component replicaB = makeComponent("db-replica-b", K::Database, "east", "east-b");
    replicaB.role = DbRole::Replica;
    replicaB.instance_type = "db.r6g.xlarge";
    Component shards = makeComponent("orders", K::Database, "west");
    shards.role = DbRole::Shard;
    shards.instance_type = "db.m5.large";
    shards.params.shards = 8;
    shards.params.instances = 2;
    Component queue = makeComponent("queue", K::Queue, "east");
    queue.params.partitions = 12;
    queue.params.consumers = 6;
    queue.params.storage_gb = 50;
    Component objects = makeComponent("objects", K::ObjectStorage, "lab");
    objects.params.storage_gb = 12000;
    objects.params.availability = 0.9999;
    d.components = {users, usersUs, dns, cdn, lb, api, worker, cache, db, replica, replicaB, shards,
                    queue, objects};

    Link cdnCall = makeLink("l-users-cdn", "users-eu", "cdn");
    cdnCall.params.fraction = 0.4;
    Link lbCall = makeLink("l-users-lb", "users-eu", "lb");
    lbCall.params.fraction = 0.6;
    lbCall.params.extra_latency_ms = 3.5;
    Link usDns = makeLink("l-us-dns", "users-us", "dns");
    Link usLb = makeLink("l-us-lb", "users-us", "lb");
    Link origin = makeLink("l-cdn-lb", "cdn", "lb");
    Link lbApi = makeLink("l-lb-api", "lb", "api");
    Link apiCache = makeLink("l-api-cache", "api", "cache");
    apiCache.access = Access::Read;
    Link apiDb = makeLink("l-api-db", "api", "db");
    apiDb.params.fraction = 0.1875;
    Link apiReplica = makeLink("l-api-replica", "api", "db-replica");
    apiReplica.access = Access::Read;
    apiReplica.params.fraction = 0.25;
    Link apiQueue = makeLink("l-api-queue", "api", "queue", LinkKind::Call, LinkMode::Async);
    apiQueue.access = Access::Write;
    apiQueue.params.fraction = 0.05;
    Link apiOrders = makeLink("l-api-orders", "api", "orders");
    Link workerQueue = makeLink("l-worker-queue", "worker", "queue");
    Link workerObjects = makeLink("l-worker-objects", "worker", "objects");
    Link repl = makeLink("r-db-west", "db", "db-replica", LinkKind::Replication, LinkMode::Async);
    repl.params.extra_latency_ms = 70;
    Link replB = makeLink("r-db-b", "db", "db-replica-b", LinkKind::Replication, LinkMode::Quorum);
    d.links = {cdnCall, lbCall, usDns, usLb, origin, lbApi, apiCache, apiDb, apiReplica, apiQueue, apiOrders,
               workerQueue, workerObjects, repl, replB};
    return d;
}

Project handMadeProject() {
    Project p;
    p.name = "Hand-made project";
    Design base = handMadeDesign();
    Design big = base;
    big.name = "Ten times the users";
    big.description = {};
    big.workload.users *= 10;
    for (Component& c : big.components)
        if (c.kind == ComponentKind::Service) c.params.instances *= 10;
    p.variants = {base, big};
    return p;
}

Design generatedDesign(int components) {
    using K = ComponentKind;
    static constexpr std::array<const char*, 20> kCodes{
        "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-1",
        "ap-south-1", "sa-east-1", "ca-central-1", "eu-north-1", "us-central1", "europe-west1",
        "asia-northeast1", "asia-southeast1", "australia-southeast1", "eastus", "westeurope",
        "japaneast", "brazilsouth", "centralindia"};
    const int stacks = std::max(1, components / 10);
    const int nRegions = std::min<int>(static_cast<int>(kCodes.size()), std::max(1, stacks / 5));
    Design d;
    d.name = "Generated " + std::to_string(stacks * 10);
    d.workload.users = 1e8;
    for (int r = 0; r < nRegions; ++r) {
        Region reg = makeRegion("r" + std::to_string(r), kCodes[r]);
        reg.rect = {r * 4000.0, 0, 3800, 1e6};
        d.regions.push_back(reg);
        for (int z = 0; z < 3; ++z)
            d.zones.push_back(Zone{reg.id + "z" + std::to_string(z), std::string(kCodes[r]) + char('a' + z), reg.id,
                                   {r * 4000.0 + 20 + z * 1250, 40, 1200, 1e6 - 80}, {}});
    }
    d.components.reserve(stacks * 10);
    d.links.reserve(stacks * 11);
    const std::array<const char*, 10> roles{"users", "lb", "web", "svc", "cache", "db", "rep", "queue", "worker", "obj"};
    const std::array<K, 10> kinds{K::UserGroup, K::LoadBalancer, K::Service, K::Service, K::Cache,
                                  K::Database, K::Database, K::Queue, K::Service, K::ObjectStorage};
    const std::array<const char*, 10> types{"", "c5.large", "m5.large", "m5.xlarge", "cache.r6g.large",
                                            "db.r6g.large", "db.r6g.large", "", "c6g.large", ""};
    for (int s = 0; s < stacks; ++s) {
        const int r = s % nRegions;
        const std::string region = d.regions[r].id;
        const std::string p = "s" + std::to_string(s) + "-";
        const double baseY = (s / nRegions) * 900.0 + 60;
        for (int k = 0; k < 10; ++k) {
            const std::string zone = k == 0 || k == 7 || k == 9 ? "" : region + "z" + std::to_string((s + k) % 3);
            Component c = makeComponent(p + roles[k], kinds[k], k == 0 ? "" : region, zone);
            c.instance_type = types[k];
            c.x = r * 4000.0 + 40 + (k % 5) * 700;
            c.y = baseY + (k / 5) * 300;
            if (k == 0) {
                c.params.user_share = 1.0 / stacks;
                c.params.latitude = d.regions[r].params.latitude + 1;
                c.params.longitude = d.regions[r].params.longitude - 1;
            }
            if (kinds[k] == K::Service) c.params.instances = 2 + s % 7;
            if (k == 4) c.params.hit_ratio = 0.75;
            if (k == 6) c.role = DbRole::Replica;
            if (k == 5 || k == 6) c.params.storage_gb = 100 + s;
            d.components.push_back(std::move(c));
        }
        auto call = [&](const char* id, int from, int to, double fraction) {
            Link l = makeLink(p + id, p + roles[from], p + roles[to]);
            l.params.fraction = fraction;
            d.links.push_back(std::move(l));
        };
        call("l0", 0, 1, 1);
        call("l1", 1, 2, 1);
        call("l2", 2, 3, 0.6);
        call("l3", 2, 4, 0.9);
        call("l4", 3, 5, 0.2);
        call("l5", 3, 6, 0.5);
        call("l6", 3, 7, 0.1);
        call("l7", 8, 7, 1);
        call("l8", 8, 9, 0.3);
        d.links.push_back(makeLink(p + "r0", p + "db", p + "rep", LinkKind::Replication, LinkMode::Async));
        if (nRegions > 1 && s + 1 < stacks) {
            // A second replica one region over: cross-region replication.
            const std::string other = "s" + std::to_string(s + 1) + "-";
            d.links.push_back(makeLink(p + "r1", p + "db", other + "rep", LinkKind::Replication, LinkMode::Async));
        }
    }
    return d;
}

}  // namespace sw::testing
