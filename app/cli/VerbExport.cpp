// `scalewright export FILE --format F [--table T] [--variant V] [--dpi D]
//  [--months N] -o OUT`: the canvas as PNG/SVG/PDF, the topology as DOT,
// Mermaid or Structurizr DSL, or a table as CSV; written atomically, text
// formats to standard output with `-o -`.
#include <QByteArray>

#include "app/cli/VerbParser.h"
#include "model/TextFile.h"
#include "views/export/CanvasExport.h"
#include "views/export/ExportFile.h"

namespace sw::cli {

namespace {

const QStringList kFormats = views::exportFormats();
const QStringList kTables = views::exportTables();

}  // namespace

int runExport(const QStringList& args, Io& io) {
    VerbParser vp("Export a design: the canvas as PNG, SVG or PDF; the topology as Graphviz DOT, Mermaid\n"
                  "(flowchart, or architecture-beta with mermaid-architecture) or Structurizr DSL; or a table as CSV.\n"
                  "The file is written whole or not at all.",
                  "FILE");
    QCommandLineOption out(QStringList{"o", "output"}, "The file to write; - writes a text format to standard output.", "OUT");
    QCommandLineOption format("format", "png, svg, pdf, dot, mermaid, mermaid-architecture, structurizr or csv.", "FORMAT");
    QCommandLineOption table("table", "With --format csv: tiers, cost or projection (default tiers).", "TABLE", "tiers");
    QCommandLineOption variant("variant", "Export this variant (default: the first).", "NAME");
    QCommandLineOption dpi("dpi", "With --format png: dots per inch, 24-1200 (default 192).", "D", "192");
    QCommandLineOption months("months", "With --table projection: months, 1-60 (default 24).", "N", "24");
    for (const auto* o : {&out, &format, &table, &variant, &dpi, &months}) vp.parser().addOption(*o);
    if (auto rc = vp.parse(args, io, 1, 1)) return *rc;
    auto& p = vp.parser();
    const QString fmt = p.value(format).toLower();
    if (!p.isSet(format) || !kFormats.contains(fmt)) {
        io.err << args[0] << ": --format wants one of " << kFormats.join(", ") << (p.isSet(format) ? ", not '" + p.value(format) + "'" : QString()) << "\n";
        return kUsage;
    }
    const QString tab = p.value(table).toLower();
    if (!kTables.contains(tab)) {
        io.err << args[0] << ": --table wants tiers, cost or projection, not '" << p.value(table) << "'\n";
        return kUsage;
    }
    if (p.isSet(table) && fmt != QLatin1String("csv")) {
        io.err << args[0] << ": --table goes with --format csv\n";
        return kUsage;
    }
    bool ok = false;
    const int dots = p.value(dpi).toInt(&ok);
    if (!ok || dots < views::CanvasExport::kMinDpi || dots > views::CanvasExport::kMaxDpi) {
        io.err << args[0] << ": --dpi wants a whole number from 24 to 1200, not '" << p.value(dpi) << "'\n";
        return kUsage;
    }
    const int horizon = p.value(months).toInt(&ok);
    if (!ok || horizon < 1 || horizon > 60) {
        io.err << args[0] << ": --months wants a whole number from 1 to 60, not '" << p.value(months) << "'\n";
        return kUsage;
    }
    if (!p.isSet(out)) {
        io.err << args[0] << ": -o OUT is required (- for standard output)\n";
        return kUsage;
    }
    const QString target = p.value(out);
    const bool binary = views::isBinaryFormat(fmt);
    const bool toStdout = target == QLatin1String("-");
    if (toStdout && binary) {
        io.err << args[0] << ": " << fmt << " is binary; give -o a file name\n";
        return kUsage;
    }
    if (!toStdout)
        if (auto problem = outputPathProblem(target.toStdString())) {
            io.err << args[0] << ": " << shown(*problem) << "\n";
            return kUsage;
        }
    auto project = loadOrReport(p.positionalArguments().front(), io);
    if (!project) return kUsage;
    const Design* design = pickVariant(*project, p.value(variant), io);
    if (!design) return kUsage;
    if (refuseInvalid(*design, io)) return kFindings;

    views::ExportOptions options;
    options.format = fmt;
    options.table = tab;
    options.dpi = dots;
    options.months = horizon;
    QByteArray bytes;
    if (auto error = views::exportBytes(*design, options, &bytes)) {
        io.err << args[0] << ": " << shown(error->toStdString()) << "\n";
        return kUsage;
    }
    if (toStdout) {
        io.out << QString::fromUtf8(bytes);
        io.out.flush();
        return kOk;
    }
    if (auto error = writeTextFileAtomically(target.toStdString(), std::string_view(bytes.constData(), bytes.size()))) {
        io.err << args[0] << ": " << shown(*error) << "\n";
        return kUsage;
    }
    io.out << "wrote " << target << " (" << fmt << (fmt == QLatin1String("csv") ? " " + tab : QString()) << ", "
           << bytes.size() << " bytes)\n";
    return kOk;
}

}  // namespace sw::cli
