// `scalewright convert IN OUT`: JSON <-> .swproj, chosen by the extensions.
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/VerbParser.h"
#include "model/ProjectIO.h"

namespace sw::cli {

int runConvert(const QStringList& args, Io& io) {
    VerbParser vp("Convert a project between JSON (.json) and the native project file (.swproj).\n"
                  "The output format follows OUT's extension.",
                  "IN OUT");
    QCommandLineOption force("force", "Overwrite OUT when it exists.");
    QCommandLineOption json("json", "Say what was written as JSON (output, format, variants, bytes).");
    vp.parser().addOptions({force, json});
    if (auto rc = vp.parse(args, io, 2, 2)) return *rc;
    const QString in = vp.parser().positionalArguments()[0];
    const QString out = vp.parser().positionalArguments()[1];
    // Through links too: converting a file onto itself would destroy it.
    const QFileInfo inInfo(in), outInfo(out);
    const bool same = inInfo.exists() && outInfo.exists() ? inInfo.canonicalFilePath() == outInfo.canonicalFilePath()
                                                          : inInfo.absoluteFilePath() == outInfo.absoluteFilePath();
    if (same) {
        io.err << args[0] << ": IN and OUT are the same file\n";
        return kUsage;
    }
    if (QFileInfo::exists(out) && !vp.parser().isSet(force)) {
        io.err << args[0] << ": " << out << " exists; pass --force to overwrite it\n";
        return kUsage;
    }
    auto project = loadOrReport(in, io);
    if (!project) return kUsage;
    if (auto e = saveProject(out.toStdString(), *project)) {
        io.err << "scalewright: " << shown(*e) << "\n";
        return kUsage;
    }
    const qint64 bytes = QFileInfo(out).size();
    if (vp.parser().isSet(json))
        io.out << QJsonDocument(QJsonObject{{"input", in},
                                            {"output", out},
                                            {"format", formatForPath(out.toStdString()) == ProjectFormat::Swproj ? "swproj" : "json"},
                                            {"variants", static_cast<int>(project->variants.size())},
                                            {"bytes", bytes}})
                      .toJson(QJsonDocument::Indented);
    else
        io.out << "wrote " << out << " (" << project->variants.size() << " variant(s), " << bytes << " bytes)\n";
    return kOk;
}

}  // namespace sw::cli
