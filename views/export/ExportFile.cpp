#include "views/export/ExportFile.h"

#include "model/TextFile.h"
#include "model/TopologyExport.h"
#include "planner/Analysis.h"
#include "planner/AnalysisJson.h"
#include "planner/Growth.h"
#include "planner/export/TableCsv.h"
#include "views/export/CanvasExport.h"

namespace sw::views {

QStringList exportFormats() { return {"png", "svg", "pdf", "dot", "mermaid", "mermaid-architecture", "structurizr", "csv"}; }
QStringList exportTables() { return {"tiers", "cost", "projection"}; }
bool isBinaryFormat(const QString& f) { return f == QLatin1String("png") || f == QLatin1String("pdf"); }

QString exportExtension(const QString& f) {
    if (f.startsWith(QLatin1String("mermaid"))) return QStringLiteral("mmd");
    if (f == QLatin1String("structurizr")) return QStringLiteral("dsl");
    if (f == QLatin1String("dot")) return QStringLiteral("gv");
    return f;
}

std::optional<QString> exportBytes(const Design& design, const ExportOptions& o, QByteArray* out) {
    const QString& f = o.format;
    if (!exportFormats().contains(f)) return QStringLiteral("unknown format '%1'").arg(f);
    if (f == QLatin1String("png") || f == QLatin1String("svg") || f == QLatin1String("pdf")) {
        const CanvasExport canvas(design);
        return f == QLatin1String("png") ? canvas.png(o.dpi, out) : f == QLatin1String("svg") ? canvas.svg(out) : canvas.pdf(out);
    }
    std::string text;
    if (f == QLatin1String("dot")) text = toDot(design);
    else if (f == QLatin1String("mermaid")) text = toMermaid(design, MermaidStyle::Flowchart);
    else if (f == QLatin1String("mermaid-architecture")) text = toMermaid(design, MermaidStyle::Architecture);
    else if (f == QLatin1String("structurizr")) text = toStructurizr(design);
    else if (o.table == QLatin1String("tiers")) text = tiersToCsv(design, analyze(design));
    else if (o.table == QLatin1String("cost")) text = costToCsv(analyze(design));
    else if (o.table == QLatin1String("projection")) {
        auto p = project(design, o.months);
        if (!p) return QString::fromStdString(p.error());
        text = projectionToCsv(p.value());
    } else
        return QStringLiteral("unknown table '%1'").arg(o.table);
    *out = QByteArray::fromStdString(text);
    return std::nullopt;
}

std::optional<QString> exportToFile(const Design& design, const ExportOptions& o, const QString& path, qint64* bytes) {
    if (auto problem = outputPathProblem(path.toStdString())) return QString::fromStdString(*problem);
    QByteArray data;
    if (auto e = exportBytes(design, o, &data)) return e;
    if (auto e = writeTextFileAtomically(path.toStdString(), std::string_view(data.constData(), data.size())))
        return QString::fromStdString(*e);
    if (bytes) *bytes = data.size();
    return std::nullopt;
}

}  // namespace sw::views
