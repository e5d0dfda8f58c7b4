// `scalewright report FILE -o OUT.pdf [--variant NAME] [--months N] [--paper a4|letter]
//  [--simulate SCENARIO [--sim-duration T] [--replicates R] [--seed S]]`:
// the capacity report of one design as a PDF, headless.
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextDocument>

#include <algorithm>

#include "app/cli/VerbParser.h"
#include "model/TextFile.h"
#include "planner/walkthrough/Walkthrough.h"
#include "planner/sim/Simulator.h"
#include "views/report/CapacityReport.h"

namespace sw::cli {

int runReport(const QStringList& args, Io& io) {
    VerbParser vp("Write the capacity report of a design as a PDF: diagram, summary, tiers, latency, "
                  "replication, cost, growth and runway, findings (and a simulated scenario, if asked).",
                  "FILE");
    QCommandLineOption out(QStringList{"o", "output"}, "The PDF to write.", "OUT.pdf");
    QCommandLineOption variant("variant", "The variant to report on (default: the first).", "NAME");
    QCommandLineOption months("months", "Growth horizon in months, 1-60 (default 24).", "N", "24");
    QCommandLineOption simulate("simulate", "Also simulate this scenario and include the result.", "SCENARIO");
    QCommandLineOption simDuration("sim-duration", "Simulated seconds (default: the scenario's).", "T", "0");
    QCommandLineOption replicates("replicates", "Replicates of the simulation (default 4).", "R", "4");
    QCommandLineOption seed("seed", "Seed of the simulation (default 1).", "S", "1");
    QCommandLineOption walk("walkthrough", "Add a 'Scaling path' section: the design walked through the stages over --months.");
    QCommandLineOption compare("compare", "Compare these variants in the report (default: all, when there are two or more).", "A,B");
    QCommandLineOption paper("paper", "Paper size: a4 or letter (default a4).", "SIZE", "a4");
    QCommandLineOption json("json", "Say what was written as JSON (output, variant, paper, pages, diagram_pages, bytes).");
    for (const auto* o : {&out, &variant, &months, &paper, &simulate, &simDuration, &replicates, &seed, &walk, &compare, &json})
        vp.parser().addOption(*o);
    if (auto rc = vp.parse(args, io, 1, 1)) return *rc;
    const QString file = vp.parser().positionalArguments().front();
    if (!vp.parser().isSet(out)) {
        io.err << args[0] << ": -o OUT.pdf is required\n";
        return kUsage;
    }
    if (auto problem = outputPathProblem(vp.parser().value(out).toStdString())) {
        io.err << args[0] << ": " << shown(*problem) << "\n";
        return kUsage;
    }
    bool ok = false;
    const int horizon = vp.parser().value(months).toInt(&ok);
    if (!ok || horizon < 1 || horizon > 60) {
        io.err << args[0] << ": --months wants a whole number from 1 to 60, not '" << vp.parser().value(months) << "'\n";
        return kUsage;
    }
    const QString paperName = vp.parser().value(paper).toLower();
    if (paperName != QLatin1String("a4") && paperName != QLatin1String("letter")) {
        io.err << args[0] << ": --paper wants a4 or letter, not '" << vp.parser().value(paper) << "'\n";
        return kUsage;
    }
    auto project = loadOrReport(file, io);
    if (!project) return kUsage;
    const Design* design = pickVariant(*project, vp.parser().value(variant), io);
    if (!design) return kUsage;
    if (refuseInvalid(*design, io)) return kFindings;

    views::ReportOptions options;
    options.months = horizon;
    options.paper = paperName == QLatin1String("letter") ? QPageSize::Letter : QPageSize::A4;
    if (vp.parser().isSet(compare) || project->variants.size() >= 2) {
        // The reported variant is the base unless --compare names others only.
        std::vector<std::string> names;
        for (const QString& n : vp.parser().value(compare).split(',', Qt::SkipEmptyParts)) names.push_back(n.trimmed().toStdString());
        const bool named = std::find(names.begin(), names.end(), design->name) != names.end();
        auto c = whatif::compare(*project, names, names.empty() || named ? design->name : names.front());
        if (!c) {
            io.err << args[0] << ": --compare: " << shown(c.error()) << "\n";
            return kUsage;
        }
        options.comparison = std::move(c).value();
    }
    options.sourceName = file == QLatin1String("-") ? QStringLiteral("standard input") : QFileInfo(file).fileName();
    if (vp.parser().isSet(simulate)) {
        const std::string name = vp.parser().value(simulate).toStdString();
        const Scenario* s = project->findScenario(name);
        if (!s) {
            io.err << args[0] << ": --simulate: the project has no scenario '" << shown(name) << "'\n";
            return kUsage;
        }
        sim::Options o;
        bool okD = false, okR = false, okS = false;
        o.duration_s = vp.parser().value(simDuration).toDouble(&okD);
        o.replicates = vp.parser().value(replicates).toInt(&okR);
        o.seed = vp.parser().value(seed).toULongLong(&okS);
        if (!okD || o.duration_s < 0 || !okR || o.replicates < 1 || o.replicates > 1000 || !okS) {
            io.err << args[0] << ": --sim-duration wants seconds >= 0, --replicates 1-1000, --seed a whole number\n";
            return kUsage;
        }
        o.base_dir = QFileInfo(file).absolutePath().toStdString();
        auto r = sim::simulate(*design, *s, o);
        if (!r) {
            io.err << args[0] << ": " << shown(r.error()) << "\n";
            return kFindings;
        }
        options.simulation = std::move(r).value();
        options.scenario = *s;
    }
    if (vp.parser().isSet(walk)) {
        WalkOptions wo;
        wo.design = *design;
        wo.users = design->workload.users;
        wo.monthly_growth = design->workload.monthly_growth;
        wo.months = horizon;
        auto w = walkthrough(wo);
        if (!w) {
            io.err << args[0] << ": --walkthrough: " << shown(w.error()) << "\n";
            return w.error().rfind("the design", 0) == 0 ? kFindings : kUsage;
        }
        options.walkthrough = std::move(w).value();
    }
    const views::CapacityReport report(*design, options);
    const QString outPath = vp.parser().value(out);
    views::PdfInfo written;
    if (auto error = report.writePdf(outPath, &written)) {
        io.err << args[0] << ": " << *error << "\n";
        return kUsage;
    }
    const qint64 bytes = QFileInfo(outPath).size();
    if (vp.parser().isSet(json))
        io.out << QJsonDocument(QJsonObject{{"output", outPath},
                                            {"variant", QString::fromStdString(design->name)},
                                            {"paper", views::CapacityReport::paperName(options.paper)},
                                            {"pages", written.pages},
                                            {"diagram_pages", written.diagramPages},
                                            {"bytes", bytes},
                                            {"simulated", vp.parser().isSet(simulate)}})
                      .toJson(QJsonDocument::Indented);
    else
        io.out << "wrote " << outPath << " (" << written.pages << " " << views::CapacityReport::paperName(options.paper)
               << " pages, " << written.diagramPages << " of them the diagram, " << bytes << " bytes)\n";
    return kOk;
}

}  // namespace sw::cli
