// `scalewright simulate FILE --scenario NAME`: replays one of the project's
// scenarios against a design variant and prints the summary (mean and 95 %
// CI across replicates), optionally the per-second CSV. Progress on stderr when
// it is a terminal (or with --progress).
#include <QFileInfo>

#include <mutex>
#include <unistd.h>

#include "app/cli/VerbParser.h"
#include "model/JsonFormat.h"
#include "planner/sim/SimOutput.h"
#include "planner/sim/Simulator.h"

namespace sw::cli {

namespace {

const char* kScenarioSyntax = R"(
Scenarios live in the project file ("scenarios": [...], docs/simulator.md):
  {"name": "spike-x5", "duration_s": 1800,
   "traffic":  [{"type": "spike", "factor": 5, "start_s": 300, "duration_s": 900}],
   "failures": [{"type": "region_outage", "target": "eu-west", "start_s": 60, "duration_s": 600}],
   "steady_state": [{"metric": "error_rate", "below": 0.01}],
   "abort":        [{"metric": "p95_ms", "above": 500}],
   "policies": {"retries": 2, "timeout_ms": 1000}}
Traffic (multiplies the workload's peak rps, in order):
  constant {rps, factor, start_s, duration_s}   diurnal {amplitude, period_s, peak_s}
  ramp {factor, start_s, duration_s}            spike {factor, start_s, duration_s}
  replay {series: [[t_s, rps], ...] | file: "rates.csv" (lines t_s,rps)}
Failures (each with target, start_s, duration_s; no duration = no recovery):
  kill_instances {count}   kill_percent {percent}   zone_outage   region_outage
  latency {latency_ms} (component or link)   replica_lag {lag_s}   errors {error_rate}
Conditions: metric error_rate | availability | p50_ms | p95_ms | p99_ms, with below or above.
service_time: exponential (default) | lognormal | deterministic.
)";

// Prints progress on stderr in 10 % steps (called from worker threads).
class ProgressPrinter final : public sim::Observer {
public:
    ProgressPrinter(QTextStream& err, QString prog) : err_(err), prog_(std::move(prog)) {}
    void progress(double f) override {
        std::lock_guard lock(m_);
        const int step = static_cast<int>(f * 10);
        if (step <= last_) return;
        last_ = step;
        err_ << prog_ << ": " << step * 10 << " %\n";
        err_.flush();
    }

private:
    QTextStream& err_;
    QString prog_;
    std::mutex m_;
    int last_ = 0;
};

QString fmt(const sim::Estimate* e, const char* unit = "", int precision = 6) {
    if (!e || e->n == 0) return "-";
    QString s = QString::number(e->mean, 'g', precision) + unit;
    if (e->n > 1) s += " +- " + QString::number(e->ci95, 'g', 3);
    return s;
}

}  // namespace

int runSimulate(const QStringList& args, Io& io) {
    const QString prog = args.value(0);
    VerbParser vp("Replay a load or failure scenario against a design with the discrete-event simulator.\n" +
                      QString(kScenarioSyntax),
                  "FILE");
    QCommandLineParser& p = vp.parser();
    p.addOption({"scenario", "The scenario to replay (by name).", "NAME"});
    p.addOption({"variant", "The design variant (default: the first).", "V"});
    p.addOption({"seed", "Random seed (default 1); the same seed gives the same output.", "S"});
    p.addOption({"replicates", "Independent replicates, run on all cores (default 1).", "R"});
    p.addOption({"duration", "Simulated seconds (default: the scenario's).", "T"});
    p.addOption({"method", "full, representative or auto (default auto).", "M"});
    p.addOption({"threads", "Worker threads (default: all cores).", "N"});
    p.addOption({"csv", "Write the per-second time series to OUT.", "OUT"});
    p.addOption({"json", "Print the result as JSON."});
    p.addOption({"series", "With --json: include the first replicate's time series."});
    p.addOption({"progress", "Print progress on stderr even when it is not a terminal (a log, a CI job)."});
    if (auto rc = vp.parse(args, io, 1, 1)) return *rc;
    const QString path = p.positionalArguments().front();
    auto project = loadOrReport(path, io);
    if (!project) return kUsage;
    const Design* design = pickVariant(*project, p.value("variant"), io);
    if (!design) return kUsage;
    if (refuseInvalid(*design, io)) return kFindings;

    QStringList names;
    for (const Scenario& s : project->scenarios) names << shown(s.name);
    if (!p.isSet("scenario")) {
        io.err << prog << ": --scenario is required; the project has: " << (names.isEmpty() ? "none" : names.join(", "))
               << "\n";
        return kUsage;
    }
    const Scenario* scenario = project->findScenario(p.value("scenario").toStdString());
    if (!scenario) {
        io.err << prog << ": no scenario '" << p.value("scenario") << "'; the project has: "
               << (names.isEmpty() ? "none" : names.join(", ")) << "\n";
        return kUsage;
    }

    sim::Options o;
    o.base_dir = QFileInfo(path).absolutePath().toStdString();
    bool ok = true;
    if (p.isSet("seed")) o.seed = p.value("seed").toULongLong(&ok);
    if (!ok) {
        io.err << prog << ": --seed '" << p.value("seed") << "' is not a whole number >= 0\n";
        return kUsage;
    }
    auto whole = [&](const char* name, int lo, int hi, int& out) {
        if (!p.isSet(name)) return true;
        bool good = false;
        const int v = p.value(name).toInt(&good);
        if (!good || v < lo || v > hi) {
            io.err << prog << ": --" << name << " '" << p.value(name) << "' is not a whole number in [" << lo << ", " << hi
                   << "]\n";
            return false;
        }
        out = v;
        return true;
    };
    if (!whole("replicates", 1, 10000, o.replicates) || !whole("threads", 1, 1024, o.threads)) return kUsage;
    if (p.isSet("duration")) {
        o.duration_s = p.value("duration").toDouble(&ok);
        if (!ok || !(o.duration_s >= 1) || o.duration_s > kScenarioMaxDuration) {
            io.err << prog << ": --duration '" << p.value("duration") << "' is not a number of seconds in [1, 2592000]\n";
            return kUsage;
        }
    }
    if (p.isSet("method")) {
        const QString m = p.value("method");
        if (m == "full") o.method = sim::Method::Full;
        else if (m == "representative") o.method = sim::Method::Representative;
        else if (m != "auto") {
            io.err << prog << ": --method '" << m << "' is not one of full, representative, auto\n";
            return kUsage;
        }
    }

    // Progress is for a person watching: a script's captured stderr gets only
    // the messages that matter, unless it asks.
    ProgressPrinter progress(io.err, prog);
    const bool showProgress = p.isSet("progress") || ::isatty(STDERR_FILENO);
    auto result = sim::simulate(*design, *scenario, o, showProgress ? static_cast<sim::Observer&>(progress) : sim::nullObserver());
    if (!result) {
        for (const QString& line : QString::fromStdString(result.error()).split('\n')) io.err << prog << ": " << shown(line.toStdString()) << "\n";
        return kFindings;
    }
    const sim::Report& r = result.value();
    if (!r.converged) io.err << prog << ": warning: not converged: " << shown(r.convergence) << "\n";
    if (p.isSet("csv")) {
        if (auto e = writeTextFileAtomically(p.value("csv").toStdString(), sim::reportCsv(r))) {
            io.err << prog << ": " << shown(*e) << "\n";
            return kUsage;
        }
    }
    bool chaosFailed = false;
    const bool chaos = !scenario->steady_state.empty() || !scenario->abort_when.empty();
    for (const sim::Run& run : r.runs) chaosFailed = chaosFailed || run.summary.aborted || !run.summary.steady_state_held;
    if (p.isSet("json")) {
        io.out << QString::fromStdString(sim::reportJson(r, p.isSet("series")));
        return chaos && chaosFailed ? kFindings : kOk;
    }
    io.out << "Scenario '" << shown(r.scenario) << "' on '" << shown(r.variant)
           << "': " << r.duration_s << " s, " << r.runs.size() << " replicate(s), seed " << r.seed << ", "
           << sim::methodKey(r.method) << " method (mean +- 95 % CI)\n";
    auto row = [&](const char* label, const QString& v) { io.out << "  " << QString(label).leftJustified(26) << v << "\n"; };
    row("availability", fmt(r.estimate("availability"), "", 7));
    row("offered requests", fmt(r.estimate("offered")));
    row("requests lost", fmt(r.estimate("requests_lost")));
    row("errors / timeouts / rejected", fmt(r.estimate("errors")) + " / " + fmt(r.estimate("timeouts")) + " / " +
                                            fmt(r.estimate("rejections")));
    row("time to detect", fmt(r.estimate("time_to_detect_s"), " s"));
    row("time to recover", fmt(r.estimate("time_to_recover_s"), " s"));
    row("latency p50 / p95 / p99", fmt(r.estimate("p50_ms"), " ms", 4) + " / " + fmt(r.estimate("p95_ms"), " ms", 4) +
                                       " / " + fmt(r.estimate("p99_ms"), " ms", 4));
    row("seconds outside target", fmt(r.estimate("slo_violation_s"), " s"));
    row("peak queue", fmt(r.estimate("peak_queue")) + " (" +
                          shown(r.runs.front().summary.peak_queue_component) + ")");
    row("extra instances cost", fmt(r.estimate("extra_cost_usd"), " USD"));
    if (chaos) {
        int held = 0, aborted = 0;
        for (const sim::Run& run : r.runs) {
            held += run.summary.steady_state_held ? 1 : 0;
            aborted += run.summary.aborted ? 1 : 0;
        }
        row("chaos experiment", aborted ? QString("aborted in %1 of %2").arg(aborted).arg(r.runs.size())
                                : held == static_cast<int>(r.runs.size()) ? QString("passed (steady state held)")
                                                                          : QString("failed (steady state violated)"));
    }
    return chaos && chaosFailed ? kFindings : kOk;
}

}  // namespace sw::cli
