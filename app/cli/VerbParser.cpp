#include "app/cli/VerbParser.h"

namespace sw::cli {

namespace {

// What each positional argument the verbs take is, for their --help.
QString describePositional(const QString& name) {
    if (name == QLatin1String("FILE")) return QStringLiteral("The design: a .json or .swproj file, or - for standard input.");
    if (name == QLatin1String("IN")) return QStringLiteral("The project to read: .json or .swproj, or - for standard input.");
    if (name == QLatin1String("OUT")) return QStringLiteral("The file to write; its extension (.json or .swproj) picks the format.");
    return name;
}

}  // namespace

VerbParser::VerbParser(const QString& description, const QString& positional) {
    p_.setApplicationDescription(description);
    // Not addHelpOption(): its --help-all lists Qt's own options (-platform,
    // -reverse...), which no verb takes. --help-all is the same help here.
    p_.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help"), QStringLiteral("help-all")},
                                    QStringLiteral("Show this help.")));
    p_.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const QString& name : positional.split(' ', Qt::SkipEmptyParts))
        p_.addPositionalArgument(name, describePositional(name));
}

QString VerbParser::helpText(const QString& program) const {
    // Qt names the executable's path in the usage line; the verb's own
    // name ("scalewright analyze") is what to type.
    QString text = p_.helpText();
    const qsizetype eol = text.indexOf('\n');
    const qsizetype options = text.indexOf(QLatin1String(" [options]"));
    if (text.startsWith(QLatin1String("Usage: ")) && options > 0 && (eol < 0 || options < eol))
        text.replace(7, options - 7, program);
    return text;
}

std::optional<int> VerbParser::parse(const QStringList& args, Io& io, int minArgs, int maxArgs) {
    if (!p_.parse(args)) {
        io.err << args.value(0) << ": " << p_.errorText() << "\n";
        return kUsage;
    }
    if (p_.isSet(QStringLiteral("help"))) {
        io.out << helpText(args.value(0));
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
