#include "views/compare/FigureText.h"

#include <QObject>

#include <algorithm>
#include <cmath>

#include "views/canvas/Format.h"

namespace sw::views {

namespace {
bool is(const whatif::FigureSpec& f, const char* key) { return f.key == key; }
}  // namespace

QString figureLabel(const whatif::FigureSpec& f) {
    const QString l = QString::fromStdString(f.label);
    return f.unit.empty() || f.unit == "month" ? l : l + QStringLiteral(" (") + QString::fromStdString(f.unit) + ')';
}

QString figureShort(const whatif::FigureSpec& f, double v) {
    if (std::isnan(v)) return QStringLiteral("–");
    if (std::isinf(v)) {
        if (is(f, "runway_month")) return QStringLiteral("> %1").arg(whatif::kHorizonMonths);
        return is(f, "rpo_s") ? QObject::tr("unbounded") : QObject::tr("saturated");
    }
    if (f.unit == "USD/month") return formatMoney(v);
    if (is(f, "availability")) return formatAvailability(v);
    if (is(f, "bottleneck_headroom")) return formatPercent(v);
    if (is(f, "nines")) return QString::number(v, 'f', 2);
    if (is(f, "runway_month")) return QObject::tr("month %1").arg(v, 0, 'f', 0);
    if (f.unit == "ms") return formatMs(v);
    if (f.unit == "s") return QString::number(v, 'f', v < 10 ? 2 : 0) + QStringLiteral(" s");
    if (f.unit == "min/year") return QString::number(v, 'f', v < 10 ? 1 : 0) + QStringLiteral(" min");
    return std::abs(v) >= 1000 ? QString::number(v, 'f', 0) : QString::number(v, 'g', 4);
}

QString figureExact(const whatif::FigureSpec& f, double v) {
    if (!std::isfinite(v)) return figureShort(f, v);
    return QString::number(v, 'g', 12) + (f.unit.empty() ? QString() : ' ' + QString::fromStdString(f.unit));
}

QString deltaShort(const whatif::FigureSpec& f, const whatif::Delta& d) {
    // The engine's "the same" (a part per million) shows no delta at all,
    // rather than "+6.54e-09 pp".
    if (d.delta == 0 || (d.verdict == 0 && f.better != whatif::Better::Neither && std::isfinite(d.delta))) return QString();
    if (!std::isfinite(d.delta)) return QObject::tr("changed");
    const QString sign = d.delta > 0 ? QStringLiteral("+") : QStringLiteral("−");
    const double a = std::abs(d.delta);
    if (f.unit == "USD/month") return sign + formatMoney(a);
    if (is(f, "availability")) {
        // Two significant digits in fixed notation: "+0.0050 pp", never "5e-03".
        const int decimals = std::clamp(static_cast<int>(std::ceil(-std::log10(a * 100))) + 1, 1, 12);
        return sign + QString::number(a * 100, 'f', decimals) + QStringLiteral(" pp");
    }
    if (is(f, "bottleneck_headroom")) return sign + QString::number(a * 100, 'f', 1) + QStringLiteral(" pp");
    if (is(f, "nines")) return sign + QString::number(a, 'f', 2);
    if (is(f, "runway_month")) return sign + QString::number(a, 'f', 0);
    if (f.unit == "ms") return sign + formatMs(a);
    // Same units as the figure beside it; never an exponent ("−2.92e+03").
    if (f.unit == "min/year" || f.unit == "s") return sign + figureShort(f, a);
    return sign + (a >= 100 ? QString::number(a, 'f', 0) : QString::number(a, 'g', 3));
}

QString elideMiddle(const QString& text, int maxChars) {
    if (text.size() <= maxChars) return text;
    const int head = (maxChars - 1) / 2, tail = maxChars - 1 - head;
    return text.left(head) + QStringLiteral("…") + text.right(tail);
}

}  // namespace sw::views
