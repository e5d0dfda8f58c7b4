// `scalewright project FILE --months N [--variant V] [--csv|--json]`: the
// month-by-month growth projection and each tier's runway.
#include "app/cli/VerbParser.h"
#include "model/JsonFormat.h"
#include "planner/AnalysisJson.h"
#include "planner/Growth.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace sw::cli {

namespace {

QString whole(double v) { return QString::number(std::round(v), 'f', 0); }

void printTable(const Projection& p, QTextStream& out) {
    out << QString("%1 %2 %3 %4 %5 %6 %7\n")
               .arg("month", 5).arg("users", 14).arg("peak rps", 12).arg("instances", 10).arg("storage GB", 12)
               .arg("GB/month out", 13).arg("USD/month", 12);
    for (const ProjectionMonth& m : p.months) {
        double inst = 0;
        for (double v : m.instances) inst += v;
        out << QString("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(m.month, 5).arg(QString::number(m.users, 'f', 0), 14).arg(QString::number(m.peak_rps, 'f', 1), 12)
                   .arg(QString::number(inst, 'f', 0), 10).arg(QString::number(m.storage_gb, 'f', 1), 12)
                   .arg(QString::number(m.bandwidth_gb_per_month, 'f', 0), 13)
                   .arg(QString::number(m.cost_per_month_usd, 'f', 2), 12);
    }
}

// One line per limit, in words: what the tier can carry and when it stops.
void printRunway(const Projection& p, QTextStream& out) {
    qsizetype width = 4;
    for (const TierRunway& r : p.runway) width = std::max(width, shown(r.id).size());
    width = std::min<qsizetype>(width, 40);
    const int horizon = p.months.empty() ? 0 : p.months.back().month;
    out << "\nRunway (what limits each tier within " << horizon << " months)\n";
    for (const TierRunway& r : p.runway) {
        QString id = shown(r.id);
        // A long id gets a line of its own rather than running into the text.
        if (id.size() > width) {
            out << "  " << id << "\n";
            id.clear();
        }
        const QString ceiling = shown(r.ceiling);
        const bool seed = ceiling.startsWith("seed");
        out << "  " << id.leftJustified(width) << "  load: "
            << (r.load_runout_month >= 0 ? QString("runs out in month %1, when the peak passes ").arg(r.load_runout_month)
                                         : QString("lasts the horizon; it carries up to "))
            << whole(r.limit_rps) << " rps (" << (seed ? ceiling : "what " + ceiling + " carry") << ")\n";
        if (r.limit_storage_gb > 0)
            out << "  " << QString().leftJustified(width) << "  data: "
                << (r.storage_runout_month >= 0 ? QString("runs out in month %1, when it holds more than ").arg(r.storage_runout_month)
                                                : QString("lasts the horizon; it holds up to "))
                << whole(r.limit_storage_gb) << " GB (seed stage 7: shard beyond 1 TB per primary)\n";
    }
}

}  // namespace

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
    if (refuseInvalid(*d, io)) return kFindings;
    Design grown = *d;
    std::optional<GrowthFit> fit;
    if (vp.parser().isSet(logistic) && !vp.parser().isSet(history)) {
        io.err << args.value(0) << ": --logistic needs --history FILE\n";
        return kUsage;
    }
    if (vp.parser().isSet(history)) {
        auto text = readTextFile(vp.parser().value(history).toStdString());
        if (!text) {
            io.err << args.value(0) << ": " << shown(text.error()) << "\n";
            return kUsage;
        }
        auto points = parseHistory(text.value());
        if (!points) {
            io.err << args.value(0) << ": " << vp.parser().value(history) << ": " << shown(points.error()) << "\n";
            return kUsage;
        }
        auto f = vp.parser().isSet(logistic) ? fitLogistic(points.value()) : fitExponential(points.value());
        if (!f) {
            io.err << args.value(0) << ": " << shown(f.error()) << "\n";
            return kFindings;
        }
        fit = f.value();
        grown.workload.monthly_growth = std::clamp(fit->monthly_growth, -0.99, 10.0);
        grown.workload.user_ceiling = fit->model == "logistic" ? fit->ceiling : 0.0;
    }
    d = &grown;
    auto p = sw::project(*d, n);
    if (!p) {
        io.err << args.value(0) << ": " << shown(p.error()) << "\n";
        return kUsage;
    }
    if (vp.parser().isSet(json)) {
        io.out << QString::fromStdString(projectionToJson(*d, p.value(), fit ? &*fit : nullptr));
    } else if (vp.parser().isSet(csv)) {
        io.out << QString::fromStdString(projectionToCsv(p.value()));
    } else {
        io.out << "Design: " << shown(d->name) << " (" << shown(p->model)
               << " growth, " << d->workload.monthly_growth * 100 << " % a month)\n";
        if (fit)
            io.out << "Fitted (" << shown(fit->model) << ") to the history: "
                   << QString::number(fit->monthly_growth * 100, 'f', 2) << " % a month"
                   << (fit->ceiling > 0 ? QString(", ceiling %1 users").arg(QString::number(fit->ceiling, 'f', 0)) : QString())
                   << ", RMS error " << QString::number(fit->rmse, 'f', 1) << " users\n";
        io.out << "\n";
        printTable(p.value(), io.out);
        printRunway(p.value(), io.out);
    }
    return kOk;
}

}  // namespace sw::cli
