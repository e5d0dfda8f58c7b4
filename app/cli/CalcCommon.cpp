// Option readers shared by the `calc` calculators.
#include "app/cli/CalcCommon.h"
#include <algorithm>
#include <cmath>

namespace sw::cli {

std::optional<double> numberOption(const QCommandLineParser& p, const QString& name, const QString& prog, Io& io) {
    if (!p.isSet(name)) {
        io.err << prog << ": --" << name << " is required; see --help\n";
        return std::nullopt;
    }
    bool ok = false;
    const QString text = p.value(name).trimmed();
    const double v = text.toDouble(&ok);
    if (!ok) {
        io.err << prog << ": --" << name << " '" << p.value(name) << "' is not a number\n";
        return std::nullopt;
    }
    return v;
}

std::optional<int> wholeOption(const QCommandLineParser& p, const QString& name, const QString& prog, Io& io) {
    if (!p.isSet(name)) {
        io.err << prog << ": --" << name << " is required; see --help\n";
        return std::nullopt;
    }
    bool ok = false;
    const int v = p.value(name).trimmed().toInt(&ok);
    if (!ok) {
        io.err << prog << ": --" << name << " '" << p.value(name) << "' is not a whole number\n";
        return std::nullopt;
    }
    return v;
}

std::optional<std::vector<double>> numberListOption(const QCommandLineParser& p, const QString& name,
                                                    const QString& prog, Io& io) {
    std::vector<double> out;
    if (!p.isSet(name)) return out;
    const QStringList parts = p.value(name).split(',');
    for (int i = 0; i < parts.size(); ++i) {
        bool ok = false;
        const double v = parts[i].trimmed().toDouble(&ok);
        if (!ok) {
            io.err << prog << ": --" << name << " item " << (i + 1) << " '" << parts[i].trimmed()
                   << "' is not a number\n";
            return std::nullopt;
        }
        out.push_back(v);
    }
    return out;
}

std::optional<double> parseAvailabilityNumber(const QString& text) {
    QString t = text.trimmed();
    const bool percent = t.endsWith('%');
    if (percent) t.chop(1);
    bool ok = false;
    const double v = t.trimmed().toDouble(&ok);
    if (!ok) return std::nullopt;
    return percent ? v / 100 : v;
}

QString num(double v, int precision) { return QString::number(v, 'g', precision); }

QString availabilityText(double a) {
    if (!std::isfinite(a)) return QStringLiteral("-");
    int decimals = 4;
    if (a < 1 && a > 0.9999) decimals = std::clamp(static_cast<int>(std::ceil(-std::log10((1 - a) * 100))) + 1, 4, 13);
    return QString::number(a * 100, 'f', decimals) + " %";
}

}  // namespace sw::cli
