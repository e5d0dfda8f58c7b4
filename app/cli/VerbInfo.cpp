// `scalewright info FILE`: what a project holds, at a glance.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

#include "app/cli/VerbParser.h"
#include "model/FieldSpec.h"

namespace sw::cli {

int runInfo(const QStringList& args, Io& io) {
    VerbParser vp("Summarise a project: its variants, components by kind, regions and workload.", "FILE");
    QCommandLineOption json("json", "Print as JSON.");
    vp.parser().addOption(json);
    if (auto rc = vp.parse(args, io, 1, 1)) return *rc;
    const QString path = vp.parser().positionalArguments().front();
    auto project = loadOrReport(path, io);
    if (!project) return kUsage;

    QJsonArray variants;
    if (!vp.parser().isSet(json))
        io.out << "Project: " << shown(project->name) << " (" << project->variants.size()
               << " variant(s))\n";
    for (const Design& d : project->variants) {
        std::map<std::string, int> byKind;
        double instances = 0;
        for (const Component& c : d.components) {
            byKind[std::string(kindKey(c.kind))]++;
            if (hasInstances(c.kind)) instances += c.params.instances * std::max(1.0, c.params.shards);
        }
        QJsonObject kinds, workload;
        for (const auto& [k, n] : byKind) kinds[QString::fromStdString(k)] = n;
        for (const auto& f : workloadFields()) workload[QString::fromUtf8(f.key.data(), f.key.size())] = f.get(d.workload);
        QJsonArray regions;
        for (const Region& r : d.regions) regions.append(QString::fromStdString(r.code.empty() ? r.id : r.code));
        if (vp.parser().isSet(json)) {
            variants.append(QJsonObject{{"name", QString::fromStdString(d.name)},
                                        {"components", static_cast<int>(d.components.size())},
                                        {"links", static_cast<int>(d.links.size())},
                                        {"instances", instances},
                                        {"regions", regions},
                                        {"components_by_kind", kinds},
                                        {"workload", workload}});
            continue;
        }
        io.out << "\nVariant: " << shown(d.name) << "\n";
        if (!d.description.empty()) io.out << "  " << shown(d.description) << "\n";
        io.out << "  regions:    " << d.regions.size() << " (";
        for (int i = 0; i < regions.size(); ++i) io.out << (i ? ", " : "") << shown(regions[i].toString().toStdString());
        io.out << "), zones: " << d.zones.size() << "\n";
        io.out << "  components: " << d.components.size() << ", links: " << d.links.size()
               << ", instances: " << instances << "\n";
        for (const auto& [k, n] : byKind) io.out << "    " << shown(k).leftJustified(16) << n << "\n";
        io.out << "  workload:\n";
        for (const auto& f : workloadFields())
            io.out << "    " << QString::fromUtf8(f.label.data(), f.label.size()).leftJustified(28)
                   << shown(formatNumber(f.get(d.workload))) << " "
                   << QString::fromUtf8(f.unit.data(), f.unit.size()) << "\n";
    }
    if (vp.parser().isSet(json))
        io.out << QJsonDocument(QJsonObject{{"name", QString::fromStdString(project->name)}, {"variants", variants}})
                      .toJson(QJsonDocument::Indented);
    return kOk;
}

}  // namespace sw::cli
