#include <QApplication>
#include <QCoreApplication>
#include <QCommandLineParser>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <vector>

#include "app/cli/Cli.h"
#include "model/PrintableText.h"
#include "model/ProjectIO.h"
#include "model/Validation.h"

namespace sw::cli {

int runValidate(const QStringList& args, Io& io);
int runConvert(const QStringList& args, Io& io);
int runInfo(const QStringList& args, Io& io);
int runCalc(const QStringList& args, Io& io);
int runAnalyze(const QStringList& args, Io& io);
int runProject(const QStringList& args, Io& io);
int runScreenshot(const QStringList& args, Io& io);
int runSimulate(const QStringList& args, Io& io);
int runReport(const QStringList& args, Io& io);
int runWalkthrough(const QStringList& args, Io& io);
int runCompare(const QStringList& args, Io& io);
int runSensitivity(const QStringList& args, Io& io);
int runExport(const QStringList& args, Io& io);

namespace {
constexpr std::array kVerbs{
    Verb{"validate", "Check a design and list its findings", &runValidate},
    Verb{"convert", "Convert between JSON and .swproj", &runConvert},
    Verb{"info", "Summarise a project: variants, components, workload", &runInfo},
    Verb{"calc", "Back-of-envelope calculators: mmc, mva, availability, latency", &runCalc},
    Verb{"analyze", "Capacity, availability, latency, replication and cost of a design", &runAnalyze},
    Verb{"project", "Month-by-month growth projection and each tier's runway", &runProject},
    Verb{"screenshot", "Render the main window with a project open to a PNG", &runScreenshot, true},
    Verb{"simulate", "Replay a load or failure scenario with the discrete-event simulator", &runSimulate},
    Verb{"report", "Write a design's capacity report as a PDF", &runReport, true},
    Verb{"export", "Export the canvas (PNG/SVG/PDF), the topology (DOT/Mermaid/Structurizr) or a table (CSV)", &runExport, true},
    Verb{"walkthrough", "Walk a design through the twelve scaling stages as users grow", &runWalkthrough},
    Verb{"compare", "Variants side by side: deltas, what changed, the cost crossover month", &runCompare},
    Verb{"sensitivity", "How cost, availability, p95 and runway move with each input", &runSensitivity},
};

void printUsage(QTextStream& out) {
    out << "Usage: scalewright [FILE]            open the desktop app\n"
           "       scalewright <verb> [options]  work headless\n\nVerbs:\n";
    for (const Verb& v : verbs()) out << "  " << QString(v.name).leftJustified(12) << v.summary << "\n";
    out << "\nRun 'scalewright <verb> --help' for a verb's options.\n"
           "Exit codes: 0 fine, 1 findings (invalid design, refused value, budget exceeded),\n"
           "2 bad usage or unreadable input.\n";
}
// Levenshtein distance with adjacent transpositions ("anaylze"), for
// suggesting the verb a typo meant.
int editDistance(const QString& a, const QString& b) {
    const qsizetype n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
    for (qsizetype i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
    for (qsizetype j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= n; ++i)
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}

// The first argument names neither a verb nor an existing file: say which of
// the two it was meant to be, and never start a window that waits forever.
int refuseUnknown(const QString& first) {
    QTextStream err(stderr);
    const QFileInfo info(first);
    if (info.exists()) {   // a directory, a socket...
        err << "scalewright: " << first << ": not a file to open\n";
        return kUsage;
    }
    const bool looksLikeFile = first.contains('.') || first.contains('/');
    const Verb* best = nullptr;
    int bestDistance = 3;   // up to two edits away, and less than half the verb
    for (const Verb& v : verbs()) {
        const QString name = QString::fromLatin1(v.name);
        const int dist = editDistance(first.toLower(), name);
        if (dist < bestDistance && dist * 2 < name.size()) {
            best = &v;
            bestDistance = dist;
        }
    }
    if (looksLikeFile && !best) {
        err << "scalewright: " << first << ": no such file\n";
    } else {
        err << "scalewright: unknown verb '" << first << "'";
        if (best) err << " — did you mean '" << best->name << "'?";
        err << "; see 'scalewright --help'\n";
    }
    return kUsage;
}

}  // namespace

std::span<const Verb> verbs() { return kVerbs; }

const Verb* findVerb(const QString& name) {
    for (const Verb& v : verbs())
        if (name == QLatin1String(v.name)) return &v;
    return nullptr;
}

std::optional<int> runCommandLine(int argc, char** argv) {
    if (argc < 2) return std::nullopt;
    const QString first = QString::fromLocal8Bit(argv[1]);
    const Verb* verb = findVerb(first);
    const bool help = first == "--help" || first == "-h" || first == "help";
    const bool version = first == "--version" || first == "-v";
    if (!verb && !help && !version) {
        if (first.startsWith('-')) {
            // An unknown option before any verb is a usage error, not a file to open.
            QTextStream err(stderr);
            err << "scalewright: unknown option '" << first << "'; see 'scalewright --help'\n";
            return kUsage;
        }
        if (QFileInfo(first).isFile()) return std::nullopt;   // a file to open in the GUI
        return refuseUnknown(first);
    }
    if (verb && verb->gui && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> appHolder(verb && verb->gui ? new QApplication(argc, argv)
                                                                  : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName("scalewright");
    QCoreApplication::setApplicationVersion(SCALEWRIGHT_VERSION);
    QTextStream out(stdout), err(stderr);
    Io io{out, err};
    if (help) {
        printUsage(out);
        return kOk;
    }
    if (version) {
        out << "scalewright " << SCALEWRIGHT_VERSION << "\n";
        return kOk;
    }
    QStringList args = QCoreApplication::arguments();
    args.removeAt(1);
    args[0] = QString("scalewright ") + verb->name;
    return verb->run(args, io);
}

std::optional<Project> loadOrReport(const QString& path, Io& io) {
    auto p = loadProject(path.toStdString());
    if (!p) {
        for (const QString& line : QString::fromStdString(p.error()).split('\n'))
            io.err << "scalewright: " << shown(line.toStdString()) << "\n";
        return std::nullopt;
    }
    return std::move(p).value();
}

const Design* pickVariant(const Project& p, const QString& name, Io& io) {
    if (name.isEmpty()) return &p.variants.front();
    if (const Design* d = p.findVariant(name.toStdString())) return d;
    QStringList names;
    for (const Design& d : p.variants) names << shown(d.name);
    io.err << "scalewright: no variant '" << shown(name.toStdString()) << "'; the project has: " << names.join(", ")
           << "\n";
    return nullptr;
}

bool refuseInvalid(const Design& design, Io& io) {
    int errors = 0;
    for (const Finding& f : validate(design)) {
        if (f.severity != Severity::Error) continue;
        // The first twenty: a 100,001-component design has as many errors.
        if (++errors <= 20)
            io.err << "scalewright: " << shown(design.name) << ": error: " << shown(f.message) << " [" << shown(f.code)
                   << "]\n";
    }
    if (errors == 0) return false;
    if (errors > 20) io.err << "scalewright: " << shown(design.name) << ": ... and " << errors - 20 << " more error(s)\n";
    io.err << "scalewright: " << shown(design.name) << ": not analysed: the design has " << errors
           << " validation error(s); a figure computed from it would be wrong\n";
    return true;
}

QString shown(const std::string& text) { return QString::fromStdString(printable(text)); }

}  // namespace sw::cli
