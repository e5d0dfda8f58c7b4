#include "app/cli/VerbParser.h"

namespace sw::cli {

VerbParser::VerbParser(const QString& description, const QString& positional) {
    p_.setApplicationDescription(description);
    p_.addHelpOption();
    p_.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const QString& name : positional.split(' ', Qt::SkipEmptyParts)) p_.addPositionalArgument(name, name);
}

std::optional<int> VerbParser::parse(const QStringList& args, Io& io, int minArgs, int maxArgs) {
    if (!p_.parse(args)) {
        io.err << args.value(0) << ": " << p_.errorText() << "\n";
        return kUsage;
    }
    if (p_.isSet("help")) {
        io.out << p_.helpText();
        return kOk;
    }
    const int n = static_cast<int>(p_.positionalArguments().size());
    if (n < minArgs || n > maxArgs) {
        io.err << args.value(0) << ": expected " << minArgs
               << (maxArgs != minArgs ? QString(" to %1").arg(maxArgs) : QString())
               << " argument(s), got " << n << "; see --help\n";
        return kUsage;
    }
    return std::nullopt;
}

}  // namespace sw::cli
