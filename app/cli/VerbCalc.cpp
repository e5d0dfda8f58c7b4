// `scalewright calc <calculator>`: the back-of-envelope calculators on the engine.
#include <array>

#include "app/cli/CalcCommon.h"

namespace sw::cli {

namespace {

struct Calculator {
    const char* name;
    const char* summary;
    int (*run)(const QStringList& args, Io& io);
};

constexpr std::array kCalculators{
    Calculator{"mmc", "M/M/c queue: utilisation, Erlang C, waits, response-time percentiles", &runCalcMmc},
    Calculator{"mva", "Closed network with think time: exact Mean Value Analysis", &runCalcMva},
    Calculator{"availability", "Availability expression with shared failure domains", &runCalcAvailability},
    Calculator{"latency", "Great-circle distance, physical floor and modelled RTT", &runCalcLatency},
};

void printCalcUsage(QTextStream& out) {
    out << "Usage: scalewright calc <calculator> [options] [--json]\n\nCalculators:\n";
    for (const Calculator& c : kCalculators) out << "  " << QString(c.name).leftJustified(14) << c.summary << "\n";
    out << "\nRun 'scalewright calc <calculator> --help' for its options.\n";
}

}  // namespace

int runCalc(const QStringList& args, Io& io) {
    const QString sub = args.value(1);
    if (sub == "--help" || sub == "-h" || sub == "help") {
        printCalcUsage(io.out);
        return kOk;
    }
    if (sub.isEmpty()) {
        io.err << args.value(0) << ": name a calculator (mmc, mva, availability, latency); see --help\n";
        return kUsage;
    }
    for (const Calculator& c : kCalculators) {
        if (sub != QLatin1String(c.name)) continue;
        QStringList rest = args.mid(1);
        rest[0] = args.value(0) + " " + c.name;
        return c.run(rest, io);
    }
    io.err << args.value(0) << ": unknown calculator '" << sub << "' (mmc, mva, availability, latency)\n";
    return kUsage;
}

}  // namespace sw::cli
