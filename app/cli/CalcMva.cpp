// `scalewright calc mva`: a closed network with think time, by exact MVA.
#include "app/cli/CalcCommon.h"
#include "app/cli/VerbParser.h"
#include "planner/Calculators.h"

namespace sw::cli {

int runCalcMva(const QStringList& args, Io& io) {
    const QString prog = args.value(0);
    VerbParser vp("Closed queueing network: N users cycle through queueing stations (service demands D)\n"
                  "and delay stations (E), thinking Z between requests. Exact Mean Value Analysis.",
                  "");
    QCommandLineParser& p = vp.parser();
    p.addOption({"demands", "Service demands of the queueing stations, comma-separated.", "D1,D2,..."});
    p.addOption({"delays", "Demands of delay (infinite-server) stations, comma-separated.", "E1,E2,..."});
    p.addOption({"think", "Think time Z between a response and the next request.", "Z"});
    p.addOption({"users", "Number of users N.", "N"});
    p.addOption({"json", "Print as JSON."});
    if (auto rc = vp.parse(args, io, 0, 0)) return *rc;
    if (!p.isSet("demands")) {
        io.err << prog << ": --demands is required; see --help\n";
        return kUsage;
    }
    const auto demands = numberListOption(p, "demands", prog, io);
    if (!demands) return kUsage;
    const auto delays = numberListOption(p, "delays", prog, io);
    if (!delays) return kUsage;
    const auto think = numberOption(p, "think", prog, io);
    if (!think) return kUsage;
    const auto users = wholeOption(p, "users", prog, io);
    if (!users) return kUsage;

    auto r = calcMva(*demands, *delays, *think, *users);
    if (!r) {
        io.err << prog << ": " << shown(r.error()) << "\n";
        return kUsage;
    }
    if (p.isSet("json")) {
        io.out << QString::fromStdString(mvaCalcJson(r.value(), *demands, *delays));
        return kOk;
    }
    io.out << "MVA with N = " << r->users << " users, think time Z = " << num(r->think_time) << "\n"
           << "  throughput X(N)                 " << num(r->throughput) << "\n"
           << "  response time R(N) (no think)   " << num(r->response_time) << "\n"
           << "  saturation population N*        " << num(r->saturation_users) << "\n\n"
           << "  station  kind   demand      utilisation queue       residence\n";
    for (std::size_t k = 0; k < r->stations.size(); ++k) {
        const bool delay = k >= demands->size();
        const double demand = delay ? (*delays)[k - demands->size()] : (*demands)[k];
        const MvaStationResult& s = r->stations[k];
        io.out << "  " << QString::number(k + 1).leftJustified(9) << QString(delay ? "delay" : "queue").leftJustified(7)
               << num(demand).leftJustified(12) << num(s.utilization).leftJustified(12)
               << num(s.queue_length).leftJustified(12) << num(s.residence_time) << "\n";
    }
    return kOk;
}

}  // namespace sw::cli
