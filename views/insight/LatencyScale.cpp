#include "views/insight/LatencyScale.h"

#include <algorithm>
#include <cmath>

#include "views/theme/Theme.h"

namespace sw::views {

QCPColorGradient latencyGradient(const Theme& theme) {
    QCPColorGradient g;
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    if (theme.dark) {
        g.setColorStopAt(0.0, QColor("#1f7a4d"));
        g.setColorStopAt(0.35, QColor("#8a8a2a"));
        g.setColorStopAt(0.65, QColor("#a3581f"));
        g.setColorStopAt(1.0, QColor("#9b2335"));
    } else {
        g.setColorStopAt(0.0, QColor("#d9f2e3"));
        g.setColorStopAt(0.35, QColor("#fbeea8"));
        g.setColorStopAt(0.65, QColor("#f6b26b"));
        g.setColorStopAt(1.0, QColor("#e0605e"));
    }
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

QColor latencyColour(double ms, double maxMs, const Theme& theme) {
    QCPColorGradient g = latencyGradient(theme);
    // The map's lines sit on a pale or dark land mass: the deeper variant of the scale.
    if (!theme.dark) {
        g.setColorStopAt(0.0, QColor("#2e9e5b"));
        g.setColorStopAt(0.35, QColor("#c9a400"));
        g.setColorStopAt(0.65, QColor("#e07b1f"));
        g.setColorStopAt(1.0, QColor("#c62828"));
    } else {
        g.setColorStopAt(0.0, QColor("#4ade80"));
        g.setColorStopAt(0.35, QColor("#facc15"));
        g.setColorStopAt(0.65, QColor("#fb923c"));
        g.setColorStopAt(1.0, QColor("#f87171"));
    }
    const QCPRange range(0, std::max(1.0, maxMs));
    return QColor::fromRgba(g.color(std::clamp(ms, 0.0, range.upper), range));
}

double latencyScaleTop(double largestMs) {
    if (!(largestMs > 0) || !std::isfinite(largestMs)) return 100;
    const double step = largestMs > 200 ? 50 : largestMs > 50 ? 25 : 10;
    return std::ceil(largestMs / step) * step;
}

}  // namespace sw::views
