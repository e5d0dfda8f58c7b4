#include "views/canvas/Format.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace sw::views {

QString formatGrouped(double v, int decimals) {
    // QLocale::c() omits group separators by default: "$8696" reads as a
    // year. The C locale with grouping gives "8,696" whatever the user's locale.
    static const QLocale grouped = [] {
        QLocale l = QLocale::c();
        l.setNumberOptions(QLocale::DefaultNumberOptions);
        return l;
    }();
    return grouped.toString(v, 'f', decimals);
}

QString formatMoney(double usd) {
    if (!std::isfinite(usd)) return QStringLiteral("—");
    if (std::abs(usd) < 0.005) usd = 0;   // never "-0.00"
    const double a = std::abs(usd);
    if (a >= 1e6) return QStringLiteral("$%1M").arg(usd / 1e6, 0, 'f', a >= 1e8 ? 0 : 2);
    if (a >= 1e4) return QStringLiteral("$%1k").arg(usd / 1e3, 0, 'f', a >= 1e5 ? 0 : 1);
    if (a >= 100) return QStringLiteral("$") + formatGrouped(std::round(usd), 0);
    return QStringLiteral("$%1").arg(usd, 0, 'f', a < 10 ? 2 : 0);
}

QString formatPercent(double ratio, int decimals) {
    if (!std::isfinite(ratio)) return QStringLiteral("—");
    return QStringLiteral("%1 %").arg(ratio * 100, 0, 'f', decimals);
}

QString formatAvailability(double a) {
    if (!std::isfinite(a)) return QStringLiteral("—");
    if (a >= 1) return QStringLiteral("100 %");
    // Show two significant digits of the unavailability: 99.95 %, 99.9995 %.
    const double down = 1 - a;
    int decimals = static_cast<int>(std::ceil(-std::log10(down * 100))) + 1;
    // Up to 13 decimals: a three-region design can reach 12 nines, and
    // "100.0000000 %" would claim it never fails.
    decimals = std::clamp(decimals, 1, 13);
    QString s = QString::number(a * 100, 'f', decimals);
    return s + QStringLiteral(" %");
}

QString formatMs(double ms) {
    if (!std::isfinite(ms)) return QStringLiteral("∞");
    if (ms >= 10000) return QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', 0);
    if (ms >= 1000) return QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', 1);
    if (ms >= 10) return QStringLiteral("%1 ms").arg(ms, 0, 'f', 0);
    return QStringLiteral("%1 ms").arg(ms, 0, 'f', 1);
}

QString formatCount(double v) {
    if (!std::isfinite(v)) return QStringLiteral("—");
    const double a = std::abs(v);
    if (a >= 1e9) return QStringLiteral("%1B").arg(v / 1e9, 0, 'f', 1);
    if (a >= 1e6) return QStringLiteral("%1M").arg(v / 1e6, 0, 'f', 1);
    if (a >= 1e4) return QStringLiteral("%1k").arg(v / 1e3, 0, 'f', 1);
    return formatGrouped(v, v == std::floor(v) ? 0 : 1);
}

QString formatDowntime(double min) {
    if (!std::isfinite(min)) return QStringLiteral("—");
    if (min <= 0) return QStringLiteral("0 s");
    if (min >= 1440) return QStringLiteral("%1 d").arg(min / 1440, 0, 'f', 1);
    if (min >= 60) return QStringLiteral("%1 h").arg(min / 60, 0, 'f', 1);
    if (min >= 1) return QStringLiteral("%1 min").arg(min, 0, 'f', min >= 10 ? 0 : 1);
    if (min * 60 < 0.05) return QStringLiteral("< 0.1 s");
    return QStringLiteral("%1 s").arg(min * 60, 0, 'f', min * 60 >= 10 ? 0 : 1);
}

QString formatSmall(double v, int significant) {
    if (!std::isfinite(v)) return QStringLiteral("—");
    if (v == 0) return QStringLiteral("0");
    const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(v))));
    const int decimals = std::clamp(significant - 1 - magnitude, 0, 12);
    QString s = QString::number(v, 'f', decimals);
    if (s.contains('.')) {
        while (s.endsWith('0')) s.chop(1);
        if (s.endsWith('.')) s.chop(1);
    }
    if (s == QLatin1String("-0") || s == QLatin1String("0")) return QStringLiteral("0");
    return s;
}

QString formatSmallMoney(double usd) {
    if (!std::isfinite(usd) || std::abs(usd) >= 0.01 || usd == 0) return formatMoney(usd);
    return QStringLiteral("$") + formatSmall(usd, 2);
}

}  // namespace sw::views
