// `scalewright validate FILE`: lists findings; exit 1 when any is an error.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/VerbParser.h"
#include "model/Validation.h"

namespace sw::cli {

int runValidate(const QStringList& args, Io& io) {
    VerbParser vp("Check every variant of a design (or one, with --variant).", "FILE");
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
    QJsonArray jsonVariants;
    for (const Design* d : designs) {
        const auto findings = validate(*d);
        errors = errors || hasErrors(findings);
        const QString name = QString::fromStdString(d->name);
        QJsonArray list;
        int nErr = 0, nWarn = 0;
        for (const Finding& f : findings) {
            const bool isError = f.severity == Severity::Error;
            (isError ? nErr : nWarn)++;
            if (vp.parser().isSet(json)) {
                list.append(QJsonObject{{"severity", isError ? "error" : "warning"},
                                        {"code", QString::fromStdString(f.code)},
                                        {"subject", QString::fromStdString(f.subject)},
                                        {"message", QString::fromStdString(f.message)}});
            } else {
                io.out << path << ": " << name << ": " << (isError ? "error" : "warning") << ": "
                       << QString::fromStdString(f.message) << " [" << QString::fromStdString(f.code) << "]\n";
            }
        }
        if (vp.parser().isSet(json)) {
            jsonVariants.append(QJsonObject{{"variant", name}, {"errors", nErr}, {"warnings", nWarn},
                                            {"valid", nErr == 0}, {"findings", list}});
        } else {
            io.out << path << ": " << name << ": " << nErr << " error(s), " << nWarn << " warning(s), "
                   << d->components.size() << " components\n";
        }
    }
    if (vp.parser().isSet(json))
        io.out << QJsonDocument(QJsonObject{{"file", path}, {"valid", !errors}, {"variants", jsonVariants}})
                      .toJson(QJsonDocument::Indented);
    return errors ? kFindings : kOk;
}

}  // namespace sw::cli
