// `scalewright compare FILE [--variants A,B,...] [--base A] [--json]` and
// `scalewright compare A.json B.json`: variants side by side, deltas against
// the base, what changed, and the month their cost lines cross.
#include <algorithm>
#include <QFileInfo>

#include <cmath>

#include "app/cli/CalcCommon.h"
#include "app/cli/VerbParser.h"
#include "planner/whatif/WhatIf.h"
#include "planner/whatif/WhatIfJson.h"

namespace sw::cli {

namespace {

QString q(const std::string& s) { return shown(s); }

QString value(const whatif::FigureSpec& f, double v) {
    if (std::isnan(v)) return "-";
    if (std::isinf(v)) return f.key == "runway_month" ? QString(">%1").arg(whatif::kHorizonMonths) : QString("inf");
    if (f.key == "availability") return availabilityText(v);
    if (f.key == "bottleneck_headroom") return QString::number(v * 100, 'f', 1) + " %";
    if (f.key == "nines") return QString::number(v, 'f', 2);
    if (f.key == "runway_month") return QString::number(v, 'f', 0);
    return QString::number(v, 'f', f.unit == "USD/month" ? 0 : 1);
}

QString delta(const whatif::FigureSpec& f, const whatif::Delta& d) {
    // The engine's "the same" (a part per million) prints no delta.
    if (d.delta == 0 || (d.verdict == 0 && f.better != whatif::Better::Neither && std::isfinite(d.delta))) return QString();
    if (!std::isfinite(d.delta)) return " (changed)";
    QString s = f.key == "availability" ? QString::number(d.delta * 100, 'f', 4) + " pp"
              : f.key == "bottleneck_headroom" ? QString::number(d.delta * 100, 'f', 1) + " pp"
              : QString::number(d.delta, 'f', f.key == "nines" ? 2 : f.unit == "USD/month" ? 0 : 1);
    if (d.delta > 0) s.prepend('+');
    return " (" + s + (d.verdict > 0 ? ", better)" : d.verdict < 0 ? ", worse)" : ")");
}

QString changeText(const whatif::FieldChange& c) {
    auto num = [&](double v) { return QString::number(v, 'g', 10) + (c.unit.empty() ? "" : " " + q(c.unit)); };
    return q(c.field) + ": " + (c.numeric ? num(c.old_number) + " -> " + num(c.new_number)
                                          : "'" + q(c.old_text) + "' -> '" + q(c.new_text) + "'");
}

void printDiff(const whatif::DesignDiff& d, QTextStream& out) {
    if (d.empty()) {
        out << "  no differences\n";
        return;
    }
    for (const auto& id : d.components_added) out << "  + component " << q(id) << "\n";
    for (const auto& id : d.components_removed) out << "  - component " << q(id) << "\n";
    for (const auto& c : d.components_changed) out << "  ~ component " << q(c.id) << " " << changeText(c) << "\n";
    for (const auto& id : d.links_added) out << "  + link " << q(id) << "\n";
    for (const auto& id : d.links_removed) out << "  - link " << q(id) << "\n";
    for (const auto& c : d.links_changed) out << "  ~ link " << q(c.id) << " " << changeText(c) << "\n";
    for (const auto& c : d.workload_changed) out << "  ~ workload " << changeText(c) << "\n";
    for (const auto& id : d.regions_added) out << "  + region " << q(id) << "\n";
    for (const auto& id : d.regions_removed) out << "  - region " << q(id) << "\n";
    for (const auto& c : d.regions_changed) out << "  ~ region " << q(c.id) << " " << changeText(c) << "\n";
    for (const auto& id : d.zones_added) out << "  + zone " << q(id) << "\n";
    for (const auto& id : d.zones_removed) out << "  - zone " << q(id) << "\n";
    for (const auto& c : d.zones_changed) out << "  ~ zone " << q(c.id) << " " << changeText(c) << "\n";
}

void printComparison(const whatif::Comparison& c, QTextStream& out) {
    out << "Base: " << q(c.base) << "\n\n";
    out << QString("  %1").arg("figure", -36);
    for (const auto& v : c.variants) out << QString(" %1").arg(q(v.name).left(30), -30);
    out << "\n";
    for (std::size_t f = 0; f < c.figures.size(); ++f) {
        const auto& spec = c.figures[f];
        QString label = q(spec.label) + (spec.unit.empty() || spec.unit == "month" ? "" : " (" + q(spec.unit) + ")");
        out << QString("  %1").arg(label.left(36), -36);
        for (std::size_t v = 0; v < c.variants.size(); ++v)
            out << QString(" %1").arg(value(spec, c.variants[v].values[f]) + delta(spec, c.deltas[v].figures[f]), -30);
        out << "\n";
    }
    out << QString("  %1").arg("Bottleneck", -36);
    for (const auto& v : c.variants) out << QString(" %1").arg(v.bottleneck.empty() ? "-" : q(v.bottleneck), -30);
    out << "\n";
    // An invalid variant's figures are not to be read as healthy.
    for (const auto& v : c.variants)
        for (const Finding& f : v.analysis.findings)
            if (f.severity == Severity::Error) {
                out << "  note: '" << q(v.name) << "' is invalid, its figures mean little: " << q(f.message) << "\n";
                break;
            }
    for (std::size_t v = 1; v < c.deltas.size(); ++v) {
        const auto& d = c.deltas[v];
        out << "\nChanges from " << q(d.base) << " to " << q(d.variant) << "\n";
        printDiff(d.diff, out);
        if (!d.crossover)
            out << "  crossover: none within " << whatif::kHorizonMonths << " months\n";
        else if (d.crossover->metric == "runway_month")
            out << "  crossover: " << q(d.crossover->cheaper_before) << " is cheaper but runs out of runway in month "
                << d.crossover->month << " (" << QString::number(d.crossover->users, 'f', 0) << " users); then "
                << q(d.crossover->cheaper_after) << "\n";
        else
            out << "  crossover: " << q(d.crossover->cheaper_before) << " is cheaper until month " << d.crossover->month - 1
                << ", then " << q(d.crossover->cheaper_after) << " (month " << d.crossover->month << ", "
                << QString::number(d.crossover->users, 'f', 0) << " users)\n";
    }
}

// Two design files: their first variants, told apart by file name when their names are the same.
std::optional<Project> twoFiles(const QStringList& paths, Io& io) {
    Project p;
    for (const QString& path : paths) {
        auto one = loadOrReport(path, io);
        if (!one) return std::nullopt;
        p.variants.push_back(one->variants.front());
    }
    if (p.variants[0].name == p.variants[1].name) {
        p.variants[0].name = QFileInfo(paths[0]).fileName().toStdString();
        p.variants[1].name = QFileInfo(paths[1]).fileName().toStdString();
        if (p.variants[0].name == p.variants[1].name) p.variants[1].name += " (2)";
    }
    return p;
}

}  // namespace

int runCompare(const QStringList& args, Io& io) {
    VerbParser vp("Compare design variants: figures side by side, deltas against a base, the diff and the cost "
                  "crossover month. FILE is a project; or give two design files.",
                  "FILE [FILE2]");
    QCommandLineOption variants("variants", "Compare these variants (comma-separated; default: all).", "A,B,...");
    QCommandLineOption base("base", "Deltas against this variant (default: the first compared).", "name");
    QCommandLineOption json("json", "Print the comparison as JSON (schema in docs/cli.md).");
    vp.parser().addOptions({variants, base, json});
    if (auto rc = vp.parse(args, io, 1, 2)) return *rc;
    const QStringList files = vp.parser().positionalArguments();
    if (files.size() == 2 && vp.parser().isSet(variants)) {
        io.err << args.value(0) << ": --variants applies to one project file, not two designs\n";
        return kUsage;
    }
    std::optional<Project> project = files.size() == 2 ? twoFiles(files, io) : loadOrReport(files.front(), io);
    if (!project) return kUsage;
    std::vector<std::string> names;
    for (const QString& n : vp.parser().value(variants).split(',', Qt::SkipEmptyParts)) names.push_back(n.trimmed().toStdString());
    // Each variant compared must be valid: a figure from an invalid one would be wrong.
    bool invalid = false;
    for (const Design& d : project->variants)
        if (names.empty() || std::find(names.begin(), names.end(), d.name) != names.end())
            invalid = refuseInvalid(d, io) || invalid;
    if (invalid) return kFindings;
    auto cmp = whatif::compare(*project, names, vp.parser().value(base).toStdString());
    if (!cmp) {
        io.err << args.value(0) << ": " << q(cmp.error()) << "\n";
        return kUsage;
    }
    if (vp.parser().isSet(json))
        io.out << QString::fromStdString(whatif::comparisonToJson(cmp.value()));
    else
        printComparison(cmp.value(), io.out);
    return kOk;
}

}  // namespace sw::cli
