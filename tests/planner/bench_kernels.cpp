// How long one call of each planner kernel takes, against a baseline loop of
// exp() calls measured in the same run so ratios survive a noisy machine.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "planner/AvailabilityExpr.h"
#include "planner/AvailabilityMath.h"
#include "planner/Mva.h"
#include "planner/Queueing.h"

namespace {

volatile double gSink = 0;   // keeps the optimiser from dropping the work

template <class F>
double usPerCall(int calls, F&& f) {
    double best = 1e300;
    for (int rep = 0; rep < 5; ++rep) {   // best of five: the least disturbed run
        const auto t0 = std::chrono::steady_clock::now();
        double s = 0;
        for (int i = 0; i < calls; ++i) s += f(i);
        const auto t1 = std::chrono::steady_clock::now();
        gSink = gSink + s;
        best = std::min(best, std::chrono::duration<double, std::micro>(t1 - t0).count() / calls);
    }
    return best;
}

}  // namespace

int main() {
    using namespace sw;
    const double base = usPerCall(200000, [](int i) { return std::exp(-1e-6 * i); });
    std::printf("%-40s %12s %10s\n", "kernel", "us/call", "x exp()");
    auto row = [&](const char* name, double us) { std::printf("%-40s %12.3f %10.1f\n", name, us, us / base); };
    row("baseline exp()", base);

    std::map<int, double> mmcUs;
    for (int c : {10, 100, 1000, 10000}) {
        const double us = usPerCall(c >= 1000 ? 2000 : 20000, [c](int i) {
            const MmcResult r = mmc(0.8 * c + 1e-9 * i, 1.0, c);
            return r.wq + mmcResponseQuantile(r, 0.95);
        });
        mmcUs[c] = us;
        row(("mmc + p95, c = " + std::to_string(c)).c_str(), us);
    }
    const double kofn = usPerCall(2000, [](int i) { return kOfN(990, 1000, 0.999 - 1e-9 * i); });
    row("kOfN(990, 1000, a)", kofn);
    const std::vector<MvaStation> st{{0.04, false}, {0.03, false}, {0.01, false}, {0.1, true}};
    const double mvaUs = usPerCall(200, [&](int i) { return mva(st, 1.0, 1000 + i % 2).throughput; });
    row("mva, 4 stations, N = 1000", mvaUs);
    std::string expr = "parallel(";
    std::map<std::string, double> domains;
    for (int d = 0; d < 10; ++d) {
        expr += (d ? ", kofn(2,3,0.99)@az" : "kofn(2,3,0.99)@az") + std::to_string(d);
        domains["az" + std::to_string(d)] = 0.999;
    }
    expr += ")";
    const auto parsed = parseAvailabilityExpr(expr);
    const double exprUs = usPerCall(20, [&](int) { return evaluateAvailabilityExpr(parsed.value(), domains).value(); });
    row("availability expr, 10 domains (1,024 states)", exprUs);

    std::printf("BENCH exp_baseline_us %.4f us\n", base);
    std::printf("BENCH mmc_p95_c10_us %.3f us\n", mmcUs[10]);
    std::printf("BENCH mmc_p95_c10000_us %.3f us\n", mmcUs[10000]);
    std::printf("BENCH mva_n1000_us %.2f us\n", mvaUs);
    std::printf("BENCH availability_expr_10_domains_us %.1f us\n", exprUs);
    return 0;
}
