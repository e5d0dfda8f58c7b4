// The headless front end: verbs that drive the engine from scripts and CI.
#pragma once

#include <QStringList>
#include <QTextStream>

#include <optional>
#include <span>

#include "model/Design.h"

namespace sw::cli {

// Documented in docs/cli.md.
enum Exit : int { kOk = 0, kFindings = 1, kUsage = 2 };

struct Io {
    QTextStream& out;   // results
    QTextStream& err;   // messages, one line each
};

struct Verb {
    const char* name;
    const char* summary;
    int (*run)(const QStringList& args, Io& io);   // args[0] is "scalewright <verb>"
    bool gui = false;   // needs a QApplication (widgets), offscreen when there is no display
};

std::span<const Verb> verbs();
const Verb* findVerb(const QString& name);

// Runs the command line when argv names a verb, --help or --version;
// returns nothing when the GUI should start instead.
std::optional<int> runCommandLine(int argc, char** argv);

// Shared by the verbs: loads a project, or prints why not (exit kUsage).
std::optional<Project> loadOrReport(const QString& path, Io& io);
// Picks a variant by name (or the first); prints why not.
const Design* pickVariant(const Project& p, const QString& name, Io& io);
// For the verbs that analyse: a design with validation errors is not
// analysed as if it were valid. Prints each error and why nothing follows,
// and returns true (the verb then exits kFindings); false for a valid design.
bool refuseInvalid(const Design& design, Io& io);

// A name, an id or a message from a file, safe to print: control characters
// escaped (sw::printable), so a forged name cannot colour the terminal or fake
// a line. Every verb prints file text through this; JSON output does not need it.
QString shown(const std::string& text);

}  // namespace sw::cli
