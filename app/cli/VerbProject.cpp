// `scalewright project FILE --months N [--variant V] [--csv|--json]`: the
// month-by-month growth projection and each tier's runway.
#include "app/cli/VerbParser.h"
#include "model/JsonFormat.h"
#include "planner/AnalysisJson.h"
#include "planner/Growth.h"

#include <algorithm>
#include <optional>

namespace sw::cli {

int runProject(const QStringList& args, Io& io) {
    VerbParser vp("Project a design's growth month by month: users, load, instances, storage, bandwidth, cost.", "FILE");
    QCommandLineOption months("months", "Months to project (1-60).", "N");
    QCommandLineOption variant("variant", "Project this variant (default: the first).", "name");
    QCommandLineOption csv("csv", "Print one CSV row per month.");
    QCommandLineOption json("json", "Print as JSON (schema in docs/cli.md).");
    QCommandLineOption history("history", "Fit the monthly growth to a 'month,users' history instead of the design's rate.", "file");
    QCommandLineOption logistic("logistic", "With --history: fit a logistic curve (rate and ceiling), not an exponential.");
    vp.parser().addOptions({months, variant, csv, json, history, logistic});
    if (auto rc = vp.parse(args, io, 1, 1)) return *rc;
    if (!vp.parser().isSet(months)) {
        io.err << args.value(0) << ": --months N is required\n";
        return kUsage;
    }
    bool ok = false;
    const int n = vp.parser().value(months).toInt(&ok);
    if (!ok || n < 1 || n > kMaxProjectionMonths) {
        io.err << args.value(0) << ": --months must be a whole number from 1 to " << kMaxProjectionMonths << ", got '"
               << vp.parser().value(months) << "'\n";
        return kUsage;
    }
    if (vp.parser().isSet(csv) && vp.parser().isSet(json)) {
        io.err << args.value(0) << ": choose one of --csv and --json\n";
        return kUsage;
    }
    auto project = loadOrReport(vp.parser().positionalArguments().front(), io);
    if (!project) return kUsage;
    const Design* d = pickVariant(*project, vp.parser().value(variant), io);
    if (!d) return kUsage;
    Design grown = *d;
    std::optional<GrowthFit> fit;
    if (vp.parser().isSet(logistic) && !vp.parser().isSet(history)) {
        io.err << args.value(0) << ": --logistic needs --history FILE\n";
        return kUsage;
    }
    if (vp.parser().isSet(history)) {
        auto text = readTextFile(vp.parser().value(history).toStdString(), 16u << 20);
        if (!text) {
            io.err << args.value(0) << ": " << QString::fromStdString(text.error()) << "\n";
            return kUsage;
        }
        auto points = parseHistory(text.value());
        if (!points) {
            io.err << args.value(0) << ": " << vp.parser().value(history) << ": " << QString::fromStdString(points.error()) << "\n";
            return kUsage;
        }
        auto f = vp.parser().isSet(logistic) ? fitLogistic(points.value()) : fitExponential(points.value());
        if (!f) {
            io.err << args.value(0) << ": " << QString::fromStdString(f.error()) << "\n";
            return kFindings;
        }
        fit = f.value();
        grown.workload.monthly_growth = std::clamp(fit->monthly_growth, -0.99, 10.0);
        grown.workload.user_ceiling = fit->model == "logistic" ? fit->ceiling : 0.0;
    }
    d = &grown;
    auto p = sw::project(*d, n);
    if (!p) {
        io.err << args.value(0) << ": " << QString::fromStdString(p.error()) << "\n";
        return kUsage;
    }
    if (vp.parser().isSet(json)) {
        io.out << QString::fromStdString(projectionToJson(*d, p.value(), fit ? &*fit : nullptr));
    } else if (vp.parser().isSet(csv)) {
        io.out << QString::fromStdString(projectionToCsv(p.value()));
    } else {
        io.out << "Design: " << QString::fromStdString(d->name) << " (" << QString::fromStdString(p->model)
               << " growth, " << d->workload.monthly_growth * 100 << " % a month)\n";
        if (fit)
            io.out << "Fitted (" << QString::fromStdString(fit->model) << ") to the history: "
                   << QString::number(fit->monthly_growth * 100, 'f', 2) << " % a month"
                   << (fit->ceiling > 0 ? QString(", ceiling %1 users").arg(QString::number(fit->ceiling, 'f', 0)) : QString())
                   << ", RMS error " << QString::number(fit->rmse, 'f', 1) << " users\n";
        io.out << "\n";
        io.out << QString("%1 %2 %3 %4 %5\n").arg("month", 5).arg("users", 14).arg("peak rps", 12).arg("instances", 10).arg("USD/month", 12);
        for (const ProjectionMonth& m : p->months) {
            double inst = 0;
            for (double v : m.instances) inst += v;
            io.out << QString("%1 %2 %3 %4 %5\n")
                          .arg(m.month, 5).arg(QString::number(m.users, 'f', 0), 14).arg(QString::number(m.peak_rps, 'f', 1), 12)
                          .arg(QString::number(inst, 'f', 0), 10).arg(QString::number(m.cost_per_month_usd, 'f', 2), 12);
        }
        io.out << "\nRunway\n";
        for (const TierRunway& r : p->runway)
            io.out << "  " << QString::fromStdString(r.id).leftJustified(22)
                   << (r.runout_month >= 0 ? QString("runs out in month %1").arg(r.runout_month) : QString("beyond the horizon"))
                   << " (ceiling " << QString::number(r.limit_rps, 'f', 0) << " rps: " << QString::fromStdString(r.ceiling)
                   << ")\n";
    }
    return kOk;
}

}  // namespace sw::cli
