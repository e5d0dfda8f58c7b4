// How routers pick the next hop (planner/sim/ReplicateRoute.cpp): a balancer
// splits traffic by its links' fractions, moves a dead backend's share to the
// healthy ones in proportion once its health checks notice, and does so in
// time that does not grow with its width.
#include <QtTest>

#include "model/JsonFormat.h"
#include "planner/sim/Simulator.h"

using namespace sw;
using namespace sw::sim;

namespace {

// Mean utilisation of component `id` over simulated seconds [from, to).
double meanUtilisation(const Report& r, const std::string& id, int from, int to) {
    const std::size_t n = r.component_ids.size();
    std::size_t k = 0;
    while (k < n && r.component_ids[k] != id) ++k;
    if (k == n) qFatal("no component %s", id.c_str());
    const Run& run = r.runs[0];
    double sum = 0;
    for (int s = from; s < to; ++s) sum += run.components[static_cast<std::size_t>(s) * n + k].utilization;
    return sum / (to - from);
}

}  // namespace

class TestSimRouting : public QObject {
    Q_OBJECT
private slots:
    // 1,000 rps split 50 : 30 : 20 over backends of 1,000 rps each: their
    // utilisations are 0.5, 0.3, 0.2. After c dies at 100 s (noticed by
    // 110 s: 5 s x 2), a and b share all of it 50 : 30, i.e. 0.625 and 0.375.
    // Binomial noise over 80,000 requests is below 0.003; 0.02 allows for
    // queueing-time noise in the per-second utilisation.
    void balancerSplitsByFractionAndMovesADeadShare() {
        auto p = readProjectJsonFile(std::string(SW_TESTDATA_DIR) + "/weighted_balancer.json");
        QVERIFY2(p.ok(), p.error().c_str());
        Options o;
        o.seed = 3;
        o.method = Method::Full;
        auto r = simulate(p.value().variants.front(), *p.value().findScenario("lose-c"), o);
        QVERIFY2(r.ok(), r.error().c_str());
        QCOMPARE_LT(std::abs(meanUtilisation(r.value(), "a", 10, 90) - 0.5), 0.02);
        QCOMPARE_LT(std::abs(meanUtilisation(r.value(), "b", 10, 90) - 0.3), 0.02);
        QCOMPARE_LT(std::abs(meanUtilisation(r.value(), "c", 10, 90) - 0.2), 0.02);
        QCOMPARE_LT(std::abs(meanUtilisation(r.value(), "a", 130, 390) - 0.625), 0.02);
        QCOMPARE_LT(std::abs(meanUtilisation(r.value(), "b", 130, 390) - 0.375), 0.02);
        QCOMPARE_LT(meanUtilisation(r.value(), "c", 130, 390), 0.001);
    }

    // The same seed gives the same run on a balancer 5,000 wide, and every
    // backend gets a share near 1/5,000 of the requests (a pick that ignored
    // the weights, or favoured one end of the table, would not).
    void wideBalancerIsReproducibleAndEven() {
        Design d;
        d.name = "wide";
        Region reg;
        reg.id = "r1";
        reg.code = "us-east-1";
        d.regions = {reg};
        auto comp = [](std::string id, ComponentKind k, double cap, double ms) {
            Component c;
            c.id = std::move(id);
            c.kind = k;
            c.params.capacity_rps = cap;
            c.params.service_time_ms = ms;
            if (k != ComponentKind::UserGroup) c.region = "r1";
            return c;
        };
        auto call = [](const std::string& from, const std::string& to) {
            Link l;
            l.id = from + "-" + to;
            l.from = from;
            l.to = to;
            return l;
        };
        const int width = 5000;
        d.components = {comp("users", ComponentKind::UserGroup, 1, 1), comp("lb", ComponentKind::LoadBalancer, 1e7, 0.01)};
        d.links = {call("users", "lb")};
        for (int i = 0; i < width; ++i) {
            d.components.push_back(comp("s" + std::to_string(i), ComponentKind::Service, 100, 10));
            d.links.push_back(call("lb", "s" + std::to_string(i)));
        }
        Scenario s;
        s.name = "steady";
        s.duration_s = 20;
        TrafficEvent t;
        t.rps = 25000;
        s.traffic = {t};
        s.policies.autoscale = 0;
        Options o;
        o.seed = 11;
        o.method = Method::Full;
        auto first = simulate(d, s, o), second = simulate(d, s, o);
        QVERIFY2(first.ok(), first.error().c_str());
        QVERIFY(second.ok());
        QCOMPARE(first.value().runs[0].events, second.value().runs[0].events);
        QCOMPARE(first.value().runs[0].summary.mean_ms, second.value().runs[0].summary.mean_ms);
        // Each backend: 25,000 / 5,000 = 5 rps of 100 => utilisation 0.05 on
        // average. Over all backends the mean is 0.05 within 1 %; the first
        // and last thousand (ends of the table) agree within 5 %.
        const std::size_t n = first.value().component_ids.size();
        const Run& run = first.value().runs[0];
        auto bandMean = [&](int lo, int hi) {
            double sum = 0;
            for (std::size_t sec = 2; sec < run.series.size(); ++sec)
                for (int i = lo; i < hi; ++i) sum += run.components[sec * n + 2 + static_cast<std::size_t>(i)].utilization;
            return sum / ((run.series.size() - 2) * static_cast<double>(hi - lo));
        };
        QCOMPARE_LT(std::abs(bandMean(0, width) - 0.05), 0.0005);
        QCOMPARE_LT(std::abs(bandMean(0, 1000) - 0.05), 0.0025);
        QCOMPARE_LT(std::abs(bandMean(width - 1000, width) - 0.05), 0.0025);
    }
};

QTEST_GUILESS_MAIN(TestSimRouting)
#include "tst_sim_routing.moc"
