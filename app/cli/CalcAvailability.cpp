// `scalewright calc availability "EXPR"`: availability sums with shared failure domains.
#include "app/cli/CalcCommon.h"
#include "app/cli/VerbParser.h"
#include "planner/Calculators.h"

namespace sw::cli {

int runCalcAvailability(const QStringList& args, Io& io) {
    const QString prog = args.value(0);
    VerbParser vp("Availability of an expression: a number (0.999 or 99.9%), series(e,...), parallel(e,...),\n"
                  "kofn(k,n,e) for n identical members, kofn(k,[e,...]) for mixed members, and e@NAME\n"
                  "placing e inside failure domain NAME (one event wherever it is used).\n"
                  "Example: \"series(99.95%, parallel(0.999@az1, 0.999@az2))\" --domain az1=0.9999 --domain az2=0.9999",
                  "EXPR");
    QCommandLineParser& p = vp.parser();
    p.addOption({"domain", "Availability A of failure domain NAME (repeatable).", "NAME=A"});
    p.addOption({"json", "Print as JSON."});
    if (auto rc = vp.parse(args, io, 1, 1)) return *rc;

    std::map<std::string, double> domains;
    for (const QString& d : p.values("domain")) {
        const int eq = d.lastIndexOf('=');
        const QString name = d.left(eq).trimmed();
        const auto a = eq > 0 ? parseAvailabilityNumber(d.mid(eq + 1)) : std::nullopt;
        if (name.isEmpty() || !a) {
            io.err << prog << ": --domain '" << d << "' must be NAME=A with A like 0.9999 or 99.99%\n";
            return kUsage;
        }
        domains[name.toStdString()] = *a;
    }
    const QString expr = p.positionalArguments().front();
    int column = 0;
    auto r = calcAvailability(expr.toStdString(), domains, &column);
    if (!r) {
        io.err << prog << ": " << shown(r.error()) << "\n";
        if (column > 0) io.err << "  " << expr << "\n  " << QString(column - 1, ' ') << "^\n";
        return kUsage;
    }
    if (p.isSet("json")) {
        io.out << QString::fromStdString(availabilityCalcJson(r.value()));
        return kOk;
    }
    io.out << "availability       " << num(r->availability, 12) << " (" << num(100 * r->availability, 8) << " %)\n"
           << "nines              " << num(r->nines, 4) << "\n"
           << "downtime per year  " << num(r->downtime_min_per_year, 5) << " min (" << num(r->downtime_min_per_year / 60, 4)
           << " h)\n"
           << "downtime per month " << num(r->downtime_min_per_month, 5) << " min\n";
    if (!r->domains.empty()) {
        QStringList used;
        for (const std::string& d : r->domains) used << shown(d);
        io.out << "failure domains    " << used.join(", ") << " (exact, by conditioning on their states)\n";
    }
    return kOk;
}

}  // namespace sw::cli
