// The built-in catalogue: enough regions on three clouds, the instance
// families the seeds name, positive prices, and a source and date per table.
// Spot values are checked against the providers' published figures.
#include <QtTest>

#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "model/Model.h"

using namespace sw;

class TestCatalogue : public QObject {
    Q_OBJECT

    const Catalogue& cat_ = defaultCatalogue();

private slots:
    void regionsCoverThreeClouds() {
        QVERIFY(cat_.regions.size() >= 20);
        std::map<std::string, int> perProvider;
        std::set<std::string> codes;
        for (const CloudRegion& r : cat_.regions) {
            perProvider[r.provider]++;
            QVERIFY2(codes.insert(r.code).second, r.code.c_str());
            QVERIFY2(!r.city.empty(), r.code.c_str());
            QVERIFY2(r.latitude >= -90 && r.latitude <= 90, r.code.c_str());
            QVERIFY2(r.longitude >= -180 && r.longitude <= 180, r.code.c_str());
            QVERIFY2(r.latitude != 0 || r.longitude != 0, r.code.c_str());
        }
        QCOMPARE(perProvider.size(), std::size_t(3));
        for (const char* p : {"aws", "gcp", "azure"}) QVERIFY2(perProvider[p] >= 5, p);
    }

    // City-centre coordinates from public gazetteers, to within 1.5 degrees
    // (a region's data centres lie around, not in, the named city).
    void regionCoordinatesMatchTheirCities() {
        struct Ref { const char* code; double lat, lon; };
        for (const Ref& ref : {Ref{"us-east-1", 38.95, -77.45}, Ref{"eu-west-1", 53.35, -6.26},
                               Ref{"ap-northeast-1", 35.68, 139.69}, Ref{"sa-east-1", -23.55, -46.63},
                               Ref{"europe-west1", 50.45, 3.82}, Ref{"westeurope", 52.37, 4.90},
                               Ref{"australiaeast", -33.87, 151.21}}) {
            const CloudRegion* r = cat_.findRegion(ref.code);
            QVERIFY2(r, ref.code);
            QVERIFY2(std::abs(r->latitude - ref.lat) < 1.5 && std::abs(r->longitude - ref.lon) < 1.5, ref.code);
        }
    }

    void seedFamiliesArePresent() {
        std::set<std::string> families;
        for (const InstanceType& t : cat_.instance_types) families.insert(t.family);
        for (const char* f : {"t3", "m5", "r6g", "r7g"}) QVERIFY2(families.count(f), f);
        QVERIFY(std::any_of(families.begin(), families.end(), [](const std::string& f) { return f[0] == 'c'; }));
    }

    void instanceTypesAreSane() {
        std::set<std::string> names;
        for (const InstanceType& t : cat_.instance_types) {
            QVERIFY2(names.insert(t.name).second, t.name.c_str());
            QVERIFY2(t.vcpu > 0 && t.ram_gib > 0 && t.usd_per_hour > 0, t.name.c_str());
            QVERIFY2(t.usd_per_hour < 50, t.name.c_str());
            QVERIFY2(t.provider == "aws" || t.provider == "gcp" || t.provider == "azure", t.name.c_str());
        }
        // Within a family, more vCPUs never cost less.
        for (const InstanceType& a : cat_.instance_types)
            for (const InstanceType& b : cat_.instance_types)
                if (a.family == b.family && a.vcpu < b.vcpu)
                    QVERIFY2(a.usd_per_hour < b.usd_per_hour, (a.name + " vs " + b.name).c_str());
    }

    // AWS us-east-1 Linux on-demand list prices and specifications (2024).
    void publishedFiguresMatch() {
        struct Ref { const char* name; double vcpu, ram, usd; };
        for (const Ref& ref : {Ref{"t3.micro", 2, 1, 0.0104}, Ref{"m5.large", 2, 8, 0.096},
                               Ref{"m5.xlarge", 4, 16, 0.192}, Ref{"c5.large", 2, 4, 0.085},
                               Ref{"r6g.large", 2, 16, 0.1008}}) {
            const InstanceType* t = cat_.findInstanceType(ref.name);
            QVERIFY2(t, ref.name);
            QCOMPARE(t->vcpu, ref.vcpu);
            QCOMPARE(t->ram_gib, ref.ram);
            QVERIFY2(std::abs(t->usd_per_hour - ref.usd) < 1e-9, ref.name);
        }
    }

    void pricesArePositiveAndTiered() {
        const PriceTable& p = cat_.prices;
        QVERIFY(p.storage_block_usd_per_gb_month > 0);
        QVERIFY(p.storage_object_usd_per_gb_month > 0);
        QVERIFY(p.storage_database_usd_per_gb_month > 0);
        QVERIFY(p.cross_region_usd_per_gb > 0);
        QVERIFY(p.cross_zone_usd_per_gb > 0);
        QVERIFY(p.reserved_factor > 0 && p.reserved_factor < 1);
        QVERIFY(p.spot_factor > 0 && p.spot_factor < 1);
        QCOMPARE(p.hours_per_month, 730.0);   // 8,760 h / 12
        for (const TieredPrice* t : {&p.internet_egress, &p.cdn_egress}) {
            QVERIFY2(!t->tiers.empty(), t->name.c_str());
            QVERIFY(t->free_gb_per_month >= 0);
            double last = 0, lastRate = 1e9;
            for (std::size_t i = 0; i < t->tiers.size(); ++i) {
                const PriceTier& tier = t->tiers[i];
                QVERIFY2(tier.usd_per_gb > 0, t->name.c_str());
                QVERIFY2(tier.usd_per_gb <= lastRate, t->name.c_str());   // volume never costs more per GB
                lastRate = tier.usd_per_gb;
                if (i + 1 < t->tiers.size()) {
                    QVERIFY2(tier.up_to_gb > last, t->name.c_str());
                    last = tier.up_to_gb;
                } else {
                    QCOMPARE(tier.up_to_gb, 0.0);   // the last tier is open-ended
                }
            }
        }
        // AWS internet egress, first paid tier: $0.09/GB (us-east-1, 2024).
        QCOMPARE(p.internet_egress.tiers.front().usd_per_gb, 0.09);
    }

    void everyTableHasSourceAndDate() {
        std::set<std::string> tables;
        const std::regex date(R"(20\d\d-(0[1-9]|1[0-2])(-\d\d)?)");
        for (const CatalogueSource& s : cat_.sources) {
            tables.insert(s.table);
            QVERIFY2(s.source.size() > 10, s.table.c_str());
            QVERIFY2(std::regex_match(s.date, date), (s.table + ": " + s.date).c_str());
        }
        QCOMPARE(tables, (std::set<std::string>{"instance_types", "regions", "prices"}));
    }

    void brokenCatalogueTextIsAnError() {
        auto r = parseCatalogue("{", "{}", "{}");
        QVERIFY(!r.ok());
        QVERIFY2(r.error().starts_with("catalogue: "), r.error().c_str());
        auto m = parseCatalogue(R"({"instance_types":[{"name":"x"}]})", R"({"regions":[]})", "{}");
        QVERIFY(!m.ok());
    }
};

QTEST_GUILESS_MAIN(TestCatalogue)
#include "TestCatalogue.moc"
