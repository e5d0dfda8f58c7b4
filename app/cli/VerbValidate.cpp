// `scalewright validate FILE`: lists every finding of each variant (the one
// list the window and the report show too); exit 1 when any is an error.
#include "app/cli/VerbParser.h"
#include "planner/Analysis.h"
#include "planner/AnalysisJson.h"

namespace sw::cli {

int runValidate(const QStringList& args, Io& io) {
    VerbParser vp("Check every variant of a design (or one, with --variant): validation, saturation, replication "
                  "lag, latency floors and runway, each finding with its severity.",
                  "FILE");
    QCommandLineOption variant("variant", "Check only this variant.", "name");
    QCommandLineOption json("json", "Print the findings as JSON.");
    vp.parser().addOptions({variant, json});
    if (auto rc = vp.parse(args, io, 1, 1)) return *rc;
    const QString path = vp.parser().positionalArguments().front();
    auto project = loadOrReport(path, io);
    if (!project) return kUsage;

    std::vector<const Design*> designs;
    if (vp.parser().isSet(variant)) {
        const Design* d = pickVariant(*project, vp.parser().value(variant), io);
        if (!d) return kUsage;
        designs.push_back(d);
    } else {
        for (const Design& d : project->variants) designs.push_back(&d);
    }
    bool errors = false;
    std::vector<VariantFindings> all;
    for (const Design* d : designs) {
        VariantFindings v{d->name, d->components.size(), designFindings(*d)};
        errors = errors || hasErrors(v.findings);
        all.push_back(std::move(v));
    }
    if (vp.parser().isSet(json)) {
        io.out << QString::fromStdString(findingsToJson(path.toStdString(), all));
        return errors ? kFindings : kOk;
    }
    const QString shownPath = shown(path.toStdString());
    for (const VariantFindings& v : all) {
        const QString name = shown(v.variant);
        int nErr = 0;
        for (const Finding& f : v.findings) {
            nErr += f.severity == Severity::Error;
            io.out << shownPath << ": " << name << ": " << QString::fromUtf8(severityKey(f.severity).data()) << ": "
                   << shown(f.message) << " [" << shown(f.code) << "]\n";
        }
        io.out << shownPath << ": " << name << ": " << nErr << " error(s), " << (static_cast<int>(v.findings.size()) - nErr)
               << " warning(s), " << v.components << " components\n";
    }
    return errors ? kFindings : kOk;
}

}  // namespace sw::cli
