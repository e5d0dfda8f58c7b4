// A QCommandLineParser set up the same way for every verb.
#pragma once

#include <QCommandLineParser>

#include "app/cli/Cli.h"

namespace sw::cli {

class VerbParser {
public:
    VerbParser(const QString& description, const QString& positional);
    QCommandLineParser& parser() { return p_; }
    // Parses; on --help prints and returns kOk; on an error prints one line and
    // returns kUsage; returns nothing when the verb should go on. `minArgs` and
    // `maxArgs` bound the positional arguments.
    std::optional<int> parse(const QStringList& args, Io& io, int minArgs, int maxArgs);
    // The help, its usage line naming `program` ("scalewright analyze").
    QString helpText(const QString& program) const;

private:
    QCommandLineParser p_;
};

}  // namespace sw::cli
