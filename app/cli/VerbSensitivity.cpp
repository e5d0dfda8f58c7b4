// `scalewright sensitivity FILE [--variant V] [--delta 0.1] [--json]`: how
// far cost, availability, p95 and runway move when each input moves by
// +-delta, largest effect first.
#include <cmath>

#include "app/cli/VerbParser.h"
#include "planner/whatif/WhatIf.h"
#include "planner/whatif/WhatIfJson.h"

namespace sw::cli {

namespace {

QString num(double v, int decimals) {
    if (std::isnan(v)) return "-";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    return QString::number(v, 'f', decimals);
}
QString runway(double v) { return std::isinf(v) ? QString(">%1").arg(whatif::kHorizonMonths) : num(v, 0); }
QString range(const QString& lo, const QString& hi) { return lo == hi ? lo : lo + " .. " + hi; }

}  // namespace

int runSensitivity(const QStringList& args, Io& io) {
    VerbParser vp("Sensitivity: cost, availability, p95 and runway month with each input moved down and up by "
                  "--delta, ranked by effect.",
                  "FILE");
    QCommandLineOption variant("variant", "Use this variant (default: the first).", "name");
    QCommandLineOption delta("delta", "Relative move of each input (default 0.1 = 10 %).", "fraction", "0.1");
    QCommandLineOption json("json", "Print as JSON (schema in docs/cli.md).");
    vp.parser().addOptions({variant, delta, json});
    if (auto rc = vp.parse(args, io, 1, 1)) return *rc;
    bool ok = false;
    const double d = vp.parser().value(delta).toDouble(&ok);
    if (!ok || !std::isfinite(d) || d <= 0 || d >= 1) {
        io.err << args.value(0) << ": --delta must be a number between 0 and 1 (0.1 = 10 %), got '"
               << vp.parser().value(delta) << "'\n";
        return kUsage;
    }
    auto project = loadOrReport(vp.parser().positionalArguments().front(), io);
    if (!project) return kUsage;
    const Design* design = pickVariant(*project, vp.parser().value(variant), io);
    if (!design) return kUsage;
    if (refuseInvalid(*design, io)) return kFindings;
    auto s = whatif::sensitivity(*design, d);
    if (!s) {
        io.err << args.value(0) << ": " << shown(s.error()) << "\n";
        return kFindings;
    }
    if (vp.parser().isSet(json)) {
        io.out << QString::fromStdString(whatif::sensitivityToJson(design->name, s.value()));
        return kOk;
    }
    const auto& b = s->base;
    io.out << "Design: " << shown(design->name) << ", each input -" << num(d * 100, 0) << " % / +"
           << num(d * 100, 0) << " %\n";
    io.out << "Base: " << num(b.cost_per_month_usd, 0) << " USD/month, availability " << num(b.availability * 100, 4)
           << " %, p95 " << num(b.p95_ms, 1) << " ms, runway month " << runway(b.runway_month) << "\n\n";
    io.out << QString("  %1 %2 %3 %4 %5\n")
                  .arg("input", -40).arg("USD/month", 24).arg("availability %", 22).arg("p95 ms", 16).arg("runway", 10);
    for (const whatif::SensitivityRow& r : s->rows) {
        io.out << QString("  %1 %2 %3 %4 %5\n")
                      .arg(shown(r.label).left(40), -40)
                      .arg(range(num(r.low.cost_per_month_usd, 0), num(r.high.cost_per_month_usd, 0)), 24)
                      .arg(range(num(r.low.availability * 100, 4), num(r.high.availability * 100, 4)), 22)
                      .arg(range(num(r.low.p95_ms, 1), num(r.high.p95_ms, 1)), 16)
                      .arg(range(runway(r.low.runway_month), runway(r.high.runway_month)), 10);
    }
    return kOk;
}

}  // namespace sw::cli
