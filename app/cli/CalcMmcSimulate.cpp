// `scalewright calc mmc --simulate`: the same M/M/c answered by the
// simulator, so a user can check the model against theory at a glance.
#include "app/cli/CalcCommon.h"
#include "planner/sim/SimOutput.h"
#include "planner/sim/Simulator.h"

namespace sw::cli {

int runCalcMmcSimulated(const QCommandLineParser& p, double lambda, double mu, int servers, const QString& prog,
                        Io& io) {
    double customers = 200000;
    if (p.isSet("customers")) {
        const auto c = numberOption(p, "customers", prog, io);
        if (!c) return kUsage;
        customers = *c;
    }
    std::uint64_t seed = 1;
    if (p.isSet("seed")) {
        bool ok = false;
        seed = p.value("seed").toULongLong(&ok);
        if (!ok) {
            io.err << prog << ": --seed '" << p.value("seed") << "' is not a whole number >= 0\n";
            return kUsage;
        }
    }
    if (p.isSet("t")) io.err << prog << ": --t is answered by the exact calculator only; ignored with --simulate\n";
    if (lambda >= servers * mu && lambda > 0 && mu > 0 && servers >= 1) {
        io.err << prog << ": rho = lambda / (c mu) = " << num(lambda / (servers * mu))
               << " >= 1: saturated, the queue grows without bound; nothing to simulate\n";
        return kFindings;
    }
    auto sim = sim::simulateMmc(lambda, mu, servers, customers, seed);
    if (!sim) {
        io.err << prog << ": " << shown(sim.error()) << "\n";
        return kUsage;
    }
    if (p.isSet("json")) {
        io.out << QString::fromStdString(sim::mmcSimulationJson(sim.value(), lambda, mu, servers, seed));
        return kOk;
    }
    const sim::MmcSimulation& s = sim.value();
    io.out << "M/M/" << servers << " with lambda " << num(lambda) << ", mu " << num(mu)
           << ", simulated: " << s.replicates << " replicates x " << num(s.customers) << " customers, seed " << seed
           << " (mean +- 95 % CI; times in the unit of 1/mu)\n";
    auto row = [&](const char* label, const sim::Estimate& e) {
        io.out << "  " << QString(label).leftJustified(32) << num(e.mean) << " +- " << num(e.ci95, 3) << "\n";
    };
    row("utilisation rho", s.rho);
    row("P(system empty) p0", s.p0);
    row("P(arrival waits) Erlang C", s.erlang_c);
    row("mean number waiting Lq", s.lq);
    row("mean number in system L", s.l);
    row("mean wait Wq", s.wq);
    row("mean response time W", s.w);
    row("response time p50", s.w_p50);
    row("response time p95", s.w_p95);
    row("response time p99", s.w_p99);
    return kOk;
}

}  // namespace sw::cli
