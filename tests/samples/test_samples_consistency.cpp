// Every bundled sample is consistent with itself and with the catalogue:
// what a cache tier holds fits its nodes' memory; a replica or DR copy has as
// many shards as the primary it copies; a primary counts one write server per
// shard (a standby is a replica, not serving capacity); a managed standby
// (sync replica on a db.* type) serves no reads; the capacity credited to an
// instance type does not fall as the type grows within its family; a tier of
// several instances keeps a spare at the peak; a worker pool is within 2x of
// what its queue's tasks need.
#include <QDir>
#include <QtTest>
#include <map>

#include "model/Catalogue.h"
#include "model/JsonFormat.h"
#include "planner/Analysis.h"

namespace {

struct Sample {
    QString file;
    sw::Design design;
};

std::vector<Sample> allVariants() {
    std::vector<Sample> out;
    const QDir dir(SW_SAMPLES_DIR);
    for (const QString& f : dir.entryList({"*.json"}, QDir::Files, QDir::Name)) {
        auto p = sw::readProjectJsonFile(dir.filePath(f).toStdString());
        if (!p.ok()) qFatal("%s: %s", qPrintable(f), p.error().c_str());
        for (const sw::Design& d : p.value().variants) out.push_back({f + " / " + QString::fromStdString(d.name), d});
    }
    return out;
}

const sw::Component* byId(const sw::Design& d, const std::string& id) {
    for (const sw::Component& c : d.components)
        if (c.id == id) return &c;
    return nullptr;
}

bool isWriter(const sw::Component& c) {
    return c.kind == sw::ComponentKind::Database && c.role != sw::DbRole::Replica;
}

// What a capacity is credited for: the same kind of work on the same family.
std::string workClass(const sw::Component& c) {
    switch (c.kind) {
    case sw::ComponentKind::Database: return isWriter(c) ? "database writer" : "database replica";
    case sw::ComponentKind::Cache: return "cache";
    case sw::ComponentKind::Queue: return "queue broker";
    case sw::ComponentKind::Service: return "service at " + QString::number(c.params.service_time_ms).toStdString() + " ms";
    default: return {};
    }
}

}  // namespace

class TestSamplesConsistency : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { samples_ = allVariants(); QVERIFY(samples_.size() >= 15); }

    void cacheDataFitsTheNodes() {
        const sw::Catalogue& cat = sw::defaultCatalogue();
        int checked = 0;
        for (const Sample& s : samples_)
            for (const sw::Component& c : s.design.components) {
                if (c.kind != sw::ComponentKind::Cache || c.params.memory_gb <= 0) continue;
                const sw::InstanceType* t = cat.findInstanceType(c.instance_type);
                QVERIFY2(t, qPrintable(s.file + ": " + c.id.c_str() + " has no catalogue type"));
                const double ram = t->ram_gib * c.params.instances;
                QVERIFY2(c.params.memory_gb <= ram + 1e-9,
                         qPrintable(QString("%1: %2 holds %3 GB on %4 x %5 (%6 GiB)").arg(s.file, c.id.c_str())
                                        .arg(c.params.memory_gb).arg(c.params.instances).arg(t->name.c_str()).arg(ram)));
                ++checked;
            }
        QVERIFY(checked >= 10);
    }

    void copiesHaveTheirSourcesShards() {
        int checked = 0;
        for (const Sample& s : samples_)
            for (const sw::Link& l : s.design.links) {
                if (l.kind != sw::LinkKind::Replication) continue;
                const sw::Component* a = byId(s.design, l.from);
                const sw::Component* b = byId(s.design, l.to);
                QVERIFY(a && b);
                QVERIFY2(a->params.shards == b->params.shards,
                         qPrintable(QString("%1: %2 has %3 shards, its copy %4 %5").arg(s.file, a->id.c_str())
                                        .arg(a->params.shards).arg(b->id.c_str()).arg(b->params.shards)));
                ++checked;
            }
        QVERIFY(checked >= 20);
    }

    void standbysAreNotServingCapacity() {
        for (const Sample& s : samples_) {
            for (const sw::Component& c : s.design.components)
                if (isWriter(c))
                    QVERIFY2(c.params.instances == 1,
                             qPrintable(QString("%1: primary %2 has %3 instances per shard; a standby is a replica")
                                            .arg(s.file, c.id.c_str()).arg(c.params.instances)));
            // A managed Multi-AZ standby (sync replica on a db.* type) takes no reads.
            for (const sw::Link& l : s.design.links) {
                if (l.kind != sw::LinkKind::Replication || l.mode != sw::LinkMode::Sync) continue;
                const sw::Component* standby = byId(s.design, l.to);
                if (!standby || standby->instance_type.rfind("db.", 0) != 0) continue;
                for (const sw::Link& call : s.design.links)
                    QVERIFY2(call.kind != sw::LinkKind::Call || call.to != standby->id,
                             qPrintable(QString("%1: Multi-AZ standby %2 is called by %3")
                                            .arg(s.file, standby->id.c_str(), call.from.c_str())));
            }
        }
    }

    void capacityGrowsWithTheInstanceSize() {
        const sw::Catalogue& cat = sw::defaultCatalogue();
        // (family, work) -> vCPUs -> capacities credited, and where.
        std::map<std::pair<std::string, std::string>, std::map<double, std::vector<std::pair<double, QString>>>> seen;
        for (const Sample& s : samples_)
            for (const sw::Component& c : s.design.components) {
                const sw::InstanceType* t = cat.findInstanceType(c.instance_type);
                const std::string work = workClass(c);
                if (!t || work.empty()) continue;
                seen[{t->family, work}][t->vcpu].push_back({c.params.capacity_rps, s.file + ": " + c.id.c_str()});
            }
        int pairs = 0;
        for (const auto& [key, bySize] : seen)
            for (auto small = bySize.begin(), large = std::next(small); large != bySize.end(); ++small, ++large)
                for (const auto& [cs, ws] : small->second)
                    for (const auto& [cl, wl] : large->second) {
                        QVERIFY2(cl >= cs, qPrintable(QString("%1 %2: %3 vCPUs credited %4/s (%5) but %6 vCPUs %7/s (%8)")
                                                         .arg(key.first.c_str(), key.second.c_str()).arg(small->first)
                                                         .arg(cs).arg(ws).arg(large->first).arg(cl).arg(wl)));
                        ++pairs;
                    }
        QVERIFY(pairs >= 1);
    }

    void redundantTiersKeepASpareAtPeak() {
        for (const Sample& s : samples_) {
            const sw::Analysis a = sw::analyze(s.design);
            for (std::size_t i = 0; i < a.components.size(); ++i) {
                const sw::Component& c = s.design.components[i];
                const sw::ComponentResult& r = a.components[i];
                if (c.kind == sw::ComponentKind::UserGroup || c.params.instances < 2) continue;
                QVERIFY2(r.instances_required < c.params.instances,
                         qPrintable(QString("%1: %2 runs %3 instances and needs all %4 at the peak (no spare)")
                                        .arg(s.file, c.id.c_str()).arg(c.params.instances).arg(r.instances_required)));
            }
        }
    }

    void workerPoolsFitTheirTasks() {
        int pools = 0;
        for (const Sample& s : samples_) {
            const sw::Analysis a = sw::analyze(s.design);
            for (std::size_t i = 0; i < a.components.size(); ++i) {
                const sw::Component& c = s.design.components[i];
                if (c.kind != sw::ComponentKind::Service) continue;
                bool fed = false, onlyQueues = true;
                for (const sw::Link& l : s.design.links) {
                    if (l.kind != sw::LinkKind::Call || l.to != c.id) continue;
                    fed = true;
                    const sw::Component* from = byId(s.design, l.from);
                    onlyQueues = onlyQueues && from && from->kind == sw::ComponentKind::Queue;
                }
                if (!fed || !onlyQueues) continue;
                const double needed = std::max(1.0, a.components[i].instances_needed);
                QVERIFY2(c.params.instances <= 2 * needed,
                         qPrintable(QString("%1: worker pool %2 runs %3 instances where its tasks need %4")
                                        .arg(s.file, c.id.c_str()).arg(c.params.instances).arg(needed)));
                ++pools;
            }
        }
        QVERIFY(pools >= 5);
    }

private:
    std::vector<Sample> samples_;
};

QTEST_GUILESS_MAIN(TestSamplesConsistency)
#include "test_samples_consistency.moc"
