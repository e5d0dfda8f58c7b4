// `scalewright walkthrough [FILE] [--users U] [--growth G] [--months N]
// [--history CSV] [--team N] [--slo A] [--runway N] [--cost-per-user USD]
// [--json]`: the stage-by-stage scaling walk (docs/cli.md).
#include "app/cli/CalcCommon.h"
#include "app/cli/VerbParser.h"
#include "model/JsonFormat.h"
#include "planner/walkthrough/Walkthrough.h"

#include <algorithm>
#include <cmath>

namespace sw::cli {

namespace {

QString money(double v) { return "$" + QString::number(v, 'f', v < 100 ? 2 : 0); }

QString nullable(double v, int decimals, const QString& unit) {
    return std::isfinite(v) ? QString::number(v, 'f', decimals) + unit : QString("unbounded");
}

void printText(const Walkthrough& w, Io& io) {
    if (w.current_stage > 0)
        io.out << "Your design is at stage " << w.current_stage << " ("
               << shown(stageTemplates()[static_cast<std::size_t>(w.current_stage - 1)].name) << ": "
               << shown(w.current_reason) << ").\n";
    io.out << "Walk from " << QString::number(w.users, 'f', 0) << " users at "
           << QString::number(w.monthly_growth * 100, 'g', 4) << " % a month over " << w.months << " months.\n";
    if (w.stages.size() > 1 && w.stages[0].trigger) {
        const WalkStage& next = w.stages[1];
        const double added = next.gain ? next.gain->cost_per_month_usd_added : 0.0;
        io.out << "The first trigger fires in month " << w.stages[0].trigger->month << " ("
               << shown(w.stages[0].trigger->sentence) << "); stage " << next.stage << " ("
               << shown(next.name) << ") answers it, for " << (added >= 0 ? "+" : "-")
               << money(std::abs(added)) << "/month.\n";
    } else {
        io.out << "No trigger fires within the horizon.\n";
    }
    io.out << "\n";
    io.out << QString("%1 %2 %3 %4 %5 %6 %7 %8\n")
                  .arg("stage", 5).arg("name", -28).arg("months", 9).arg("users", 14).arg("peak rps", 12)
                  .arg("USD/month", 12).arg("avail.", 10).arg("p95 ms", 8);
    for (const WalkStage& s : w.stages) {
        io.out << QString("%1 %2 %3 %4 %5 %6 %7 %8\n")
                      .arg(s.stage, 5)
                      .arg(shown(s.name).left(28), -28)
                      .arg(QString("%1-%2").arg(s.from_month).arg(s.to_month), 9)
                      .arg(QString::number(s.users_at_entry, 'f', 0), 14)
                      .arg(QString::number(s.peak_rps_at_entry, 'f', 1), 12)
                      .arg(QString::number(s.cost_per_month_usd, 'f', 2), 12)
                      .arg(QString::number(s.availability * 100, 'f', 4) + "%", 10)
                      .arg(nullable(s.p95_ms, 1, ""), 8);
    }
    io.out << "\n";
    for (std::size_t i = 0; i < w.stages.size(); ++i) {
        const WalkStage& s = w.stages[i];
        io.out << "Stage " << s.stage << " (" << shown(s.name) << "), months " << s.from_month << "-"
               << s.to_month << "\n";
        if (!s.added.empty()) {
            QStringList a;
            for (const std::string& x : s.added) a << shown(x);
            io.out << "  adds: " << a.join(", ") << "\n";
        }
        if (s.gain)
            io.out << "  buys: capacity x " << nullable(s.gain->capacity_factor, 2, "") << ", nines "
                   << QString::number(std::abs(s.gain->nines_added) < 0.005 ? 0.0 : s.gain->nines_added, 'f', 2) << ", p95 " << nullable(-s.gain->p95_ms_saved, 1, " ms")
                   << ", cost " << (s.gain->cost_per_month_usd_added >= 0 ? "+" : "-")
                   << money(std::abs(s.gain->cost_per_month_usd_added)) << "/month\n";
        io.out << "  cost " << money(s.cost_per_month_usd) << "/month at entry, " << money(s.cost_per_month_usd_at_exit)
               << " at exit\n";
        if (s.trigger)
            io.out << "  ends in month " << s.trigger->month << ": " << shown(s.trigger->sentence) << "\n";
    }
    if (!w.skipped.empty()) {
        QStringList k;
        for (int s : w.skipped) k << QString::number(s);
        io.out << "\nSkipped (they do not remove the trigger that fired): stages " << k.join(", ") << "\n";
    }
    if (w.unanswered)
        io.out << "No later stage removes: " << shown(w.unanswered->sentence) << " (month "
               << w.unanswered->month << ")\n";
    if (w.users_beyond_model_month >= 0)
        io.out << "From month " << w.users_beyond_model_month
               << " the users pass 1e11, the model's range (more than the world's people): figures beyond are extrapolation.\n";
    io.out << "\nNot modelled:\n";
    for (const std::string& n : w.not_modelled) io.out << "  " << shown(n) << "\n";
}

}  // namespace

int runWalkthrough(const QStringList& args, Io& io) {
    VerbParser vp("Walk a design (or stage 1) through the twelve scaling stages as its users grow.", "[FILE]");
    QCommandLineOption users("users", "Users now (default: the design's, or 1,000 for stage 1).", "U");
    QCommandLineOption growth("growth", "Monthly growth, e.g. 0.2 for 20 % (-0.5 to 1; default: the design's).", "G");
    QCommandLineOption months("months", "Horizon in months (1-120, default 60).", "N");
    QCommandLineOption history("history", "Fit the monthly growth to a 'month,users' history.", "CSV");
    QCommandLineOption team("team", "Engineers on the code base (seed: microservices above 50).", "N");
    QCommandLineOption slo("slo", "Availability objective, e.g. 0.999 or 99.9%: move when the stage misses it.", "A");
    QCommandLineOption runway("runway", "Move when a fixed tier has fewer than N months of growth left.", "N");
    QCommandLineOption costPerUser("cost-per-user", "Move when the cost per user and month exceeds USD.", "USD");
    QCommandLineOption variant("variant", "Walk this variant of FILE (default: the first).", "name");
    QCommandLineOption json("json", "Print as JSON (schema in docs/cli.md).");
    vp.parser().addOptions({users, growth, months, history, team, slo, runway, costPerUser, variant, json});
    if (auto rc = vp.parse(args, io, 0, 1)) return *rc;
    const QString prog = args.value(0);
    const QCommandLineParser& p = vp.parser();

    WalkOptions o;
    if (!p.positionalArguments().isEmpty()) {
        auto project = loadOrReport(p.positionalArguments().front(), io);
        if (!project) return kUsage;
        const Design* d = pickVariant(*project, p.value(variant), io);
        if (!d) return kUsage;
        if (refuseInvalid(*d, io)) return kFindings;
        o.design = *d;
    }
    const Workload base = o.design ? o.design->workload : stageTemplates().front().design.workload;
    o.users = base.users;
    o.monthly_growth = base.monthly_growth;
    if (p.isSet(history)) {
        auto text = readTextFile(p.value(history).toStdString());
        if (!text) {
            io.err << prog << ": " << shown(text.error()) << "\n";
            return kUsage;
        }
        auto points = parseHistory(text.value());
        if (!points) {
            io.err << prog << ": " << p.value(history) << ": " << shown(points.error()) << "\n";
            return kUsage;
        }
        auto fit = fitExponential(points.value());
        if (!fit) {
            io.err << prog << ": " << shown(fit.error()) << "\n";
            return kUsage;
        }
        o.monthly_growth = fit->monthly_growth;
        double last = 0;
        for (const auto& [m, u] : points.value()) last = std::max(last, m);
        Workload fitted;   // the fitted curve, read at the history's last month: the users today
        fitted.users = fit->u0;
        fitted.monthly_growth = fit->monthly_growth;
        o.users = usersAt(fitted, last);
    }
    auto number = [&](const QCommandLineOption& opt, double& into) {
        if (!p.isSet(opt)) return true;
        bool ok = false;
        into = p.value(opt).toDouble(&ok);
        if (!ok || !std::isfinite(into)) io.err << prog << ": --" << opt.names().front() << " '" << p.value(opt) << "' is not a number\n";
        return ok && std::isfinite(into);
    };
    double t = 0, r = 0, c = 0;
    if (!number(users, o.users) || !number(growth, o.monthly_growth) || !number(team, t) || !number(runway, r) ||
        !number(costPerUser, c))
        return kUsage;
    if (p.isSet(months)) {
        bool ok = false;
        o.months = p.value(months).toInt(&ok);
        if (!ok) {
            io.err << prog << ": --months must be a whole number from 1 to " << kMaxWalkMonths << ", got '" << p.value(months) << "'\n";
            return kUsage;
        }
    }
    if (p.isSet(team)) o.team_engineers = t;
    if (p.isSet(runway)) o.runway_months = r;
    if (p.isSet(costPerUser)) o.max_cost_per_user_usd = c;
    if (p.isSet(slo)) {
        const auto a = parseAvailabilityNumber(p.value(slo));
        if (!a) {
            io.err << prog << ": --slo '" << p.value(slo) << "' is not an availability (0.999 or 99.9%)\n";
            return kUsage;
        }
        o.slo = *a;
    }
    auto w = walkthrough(o);
    if (!w) {
        io.err << prog << ": " << shown(w.error()) << "\n";
        return w.error().rfind("the design", 0) == 0 ? kFindings : kUsage;   // an invalid design is a finding
    }
    if (p.isSet(json))
        io.out << QString::fromStdString(walkthroughToJson(w.value()));
    else
        printText(w.value(), io);
    return kOk;
}

}  // namespace sw::cli
