// `scalewright calc mmc`: one M/M/c station, exact. All mmc options are read
// here, in one place, so further modes (a simulation check) slot in beside them.
#include "app/cli/CalcCommon.h"
#include "app/cli/VerbParser.h"
#include "planner/Calculators.h"

namespace sw::cli {

// calc mmc --simulate (CalcMmcSimulate.cpp).
int runCalcMmcSimulated(const QCommandLineParser& p, double lambda, double mu, int servers, const QString& prog, Io& io);

int runCalcMmc(const QStringList& args, Io& io) {
    const QString prog = args.value(0);
    VerbParser vp("M/M/c queue: Poisson arrivals at rate L, C servers each serving at rate M.\n"
                  "Times come out in the unit of 1/M (give rates per second for seconds).",
                  "");
    QCommandLineParser& p = vp.parser();
    p.addOption({"lambda", "Arrival rate L (per time unit).", "L"});
    p.addOption({"mu", "Service rate M of one server (per time unit).", "M"});
    p.addOption({"servers", "Number of servers C (1 to 1,000,000).", "C"});
    p.addOption({"t", "Also give P(Wq > T) and P(W > T) for this time.", "T"});
    p.addOption({"json", "Print as JSON."});
    p.addOption({"simulate", "Answer from the discrete-event simulator, each figure with its 95 % CI."});
    p.addOption({"customers", "With --simulate: arrivals per replicate (default 200000).", "N"});
    p.addOption({"seed", "With --simulate: random seed (default 1).", "S"});
    if (auto rc = vp.parse(args, io, 0, 0)) return *rc;
    const auto lambda = numberOption(p, "lambda", prog, io);
    if (!lambda) return kUsage;
    const auto mu = numberOption(p, "mu", prog, io);
    if (!mu) return kUsage;
    const auto servers = wholeOption(p, "servers", prog, io);
    if (!servers) return kUsage;

    if (p.isSet("simulate")) return runCalcMmcSimulated(p, *lambda, *mu, *servers, prog, io);

    std::optional<double> t;
    if (p.isSet("t")) {
        t = numberOption(p, "t", prog, io);
        if (!t) return kUsage;
    }
    auto calc = calcMmc(*lambda, *mu, *servers, t);
    if (!calc) {
        io.err << prog << ": " << shown(calc.error()) << "\n";
        return kUsage;
    }
    if (p.isSet("json")) {
        io.out << QString::fromStdString(mmcCalcJson(calc.value()));
        return kOk;
    }
    const MmcResult& q = calc->queue;
    io.out << "M/M/" << q.c << " with lambda " << num(q.lambda) << ", mu " << num(q.mu)
           << " (times in the unit of 1/mu)\n";
    if (q.saturated) {
        io.out << "  saturated: rho = " << num(q.rho) << " >= 1, the queue grows without bound\n"
               << "  saturating arrival rate (c mu)  " << num(q.saturation_lambda) << "\n";
        return kOk;
    }
    auto row = [&](const char* label, double v) { io.out << "  " << QString(label).leftJustified(32) << num(v) << "\n"; };
    row("utilisation rho", q.rho);
    row("P(system empty) p0", q.p0);
    row("P(arrival waits) Erlang C", q.erlang_c);
    row("mean number waiting Lq", q.lq);
    row("mean number in system L", q.l);
    row("mean wait Wq", q.wq);
    row("mean response time W", q.w);
    row("response time p50", calc->w_p50);
    row("response time p95", calc->w_p95);
    row("response time p99", calc->w_p99);
    row("saturating arrival rate (c mu)", q.saturation_lambda);
    if (calc->t) {
        row(qPrintable("P(wait > " + num(*calc->t) + ")"), calc->wq_exceeds_t);
        row(qPrintable("P(response > " + num(*calc->t) + ")"), calc->w_exceeds_t);
    }
    return kOk;
}

}  // namespace sw::cli
