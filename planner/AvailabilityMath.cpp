// Availability algebra with care for the numbers near 1 that architects quote.
#include "planner/AvailabilityMath.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sw {

namespace {

// Stirling's error term log(n!) - log(sqrt(2 pi n) (n/e)^n), exact below 16
// and by its asymptotic series above (Loader 2000).
double stirlerr(double n) {
    constexpr double kLogSqrt2Pi = 0.918938533204672741780329736406;
    if (n < 16) return std::lgamma(n + 1.0) - (n + 0.5) * std::log(n) + n - kLogSqrt2Pi;
    const double n2 = n * n;
    return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / (1188 * n2)) / n2) / n2) / n2) / n;
}

// x log(x / m) + m - x, without the cancellation when x is close to m (Loader 2000).
double bd0(double x, double m) {
    if (std::abs(x - m) < 0.1 * (x + m)) {
        double v = (x - m) / (x + m);
        double s = (x - m) * v;
        double ej = 2 * x * v;
        v *= v;
        for (int j = 1; j < 1000; ++j) {
            ej *= v;
            const double s1 = s + ej / (2 * j + 1);
            if (s1 == s) return s1;
            s = s1;
        }
        return s;
    }
    return x * std::log(x / m) + m - x;
}

// log P(X = j) for X ~ Binomial(n, a), by Loader's saddle-point form: the
// naive lgamma(n+1) - lgamma(j+1) - ... loses ~1e-10 to cancellation at n = 1e5.
double logBinomialPmf(int j, int n, double a) {
    if (j == 0) return n * std::log1p(-a);
    if (j == n) return n * std::log(a);
    const double x = j, nn = n, y = nn - x;
    constexpr double kLog2Pi = 1.837877066409345483560659472811;
    return stirlerr(nn) - stirlerr(x) - stirlerr(y) - bd0(x, nn * a) - bd0(y, nn * (1.0 - a)) +
           0.5 * (std::log(nn / (x * y)) - kLog2Pi);
}

}  // namespace

double seriesAvailability(std::span<const double> parts) {
    double a = 1.0;
    for (double p : parts) a *= p;
    return a;
}

double parallelAvailability(std::span<const double> parts) {
    // Multiply unavailabilities: 1 - a is exact enough for a near 1, and the
    // product of small numbers keeps its relative precision.
    double u = 1.0;
    for (double p : parts) u *= (1.0 - p);
    return 1.0 - u;
}

double kOfN(int k, int n, double a) {
    if (k <= 0) return 1.0;
    if (n < 0 || k > n) return 0.0;
    if (a >= 1.0) return 1.0;
    if (a <= 0.0) return 0.0;
    // Sum only the tail away from the mode, starting next to it and walking
    // outward with the term ratio until the terms stop mattering: the tail is
    // then small, so whether it is the answer (upper tail) or its complement
    // (lower tail), no large sums cancel. First term in logs: C(n, j) overflows.
    auto logTerm = [&](int j) { return logBinomialPmf(j, n, a); };
    const double ratioUp = a / (1.0 - a);   // t(j+1)/t(j) = (n-j)/(j+1) * a/(1-a)
    const bool lowerTail = (k - 1) < n * a;
    double sum = 0;
    if (lowerTail) {
        // P(X <= k-1), terms decreasing as j goes down from k-1.
        double t = std::exp(logTerm(k - 1));
        for (int j = k - 1; j >= 0; --j) {
            sum += t;
            if (t < sum * 1e-18 || t == 0) break;
            t *= j / ((n - j + 1.0) * ratioUp);
        }
        return std::clamp(1.0 - sum, 0.0, 1.0);
    }
    // P(X >= k), terms decreasing as j goes up from k.
    double t = std::exp(logTerm(k));
    for (int j = k; j <= n; ++j) {
        sum += t;
        if (t < sum * 1e-18 || t == 0) break;
        t *= (n - j) / (j + 1.0) * ratioUp;
    }
    return std::clamp(sum, 0.0, 1.0);
}

double kOfNMixed(int k, std::span<const double> parts) {
    const int n = static_cast<int>(parts.size());
    if (k <= 0) return 1.0;
    if (k > n) return 0.0;
    // Poisson-binomial by dynamic programming over the members: p[j] is the
    // probability that exactly j of those seen so far are up, with j = k an
    // absorbing "k or more". O(n k) time, O(k) memory.
    std::vector<double> p(k + 1, 0.0);
    p[0] = 1.0;
    for (double a : parts) {
        p[k] += p[k - 1] * a;
        for (int j = k - 1; j >= 1; --j) p[j] = p[j] * (1.0 - a) + p[j - 1] * a;
        p[0] *= (1.0 - a);
    }
    // The complement is the small number when the answer is near 1.
    double below = 0;
    for (int j = 0; j < k; ++j) below += p[j];
    return std::clamp(below < p[k] ? 1.0 - below : p[k], 0.0, 1.0);
}

double nines(double availability) {
    if (!(availability < 1.0)) return 99.0;
    if (availability <= 0.0) return 0.0;
    return -std::log10(1.0 - availability);
}

double downtimeMinPerYear(double availability) { return (1.0 - std::clamp(availability, 0.0, 1.0)) * kMinutesPerYear; }

double downtimeMinPerMonth(double availability) { return (1.0 - std::clamp(availability, 0.0, 1.0)) * kMinutesPerMonth; }

double availabilityFromMtbf(double mtbfHours, double mttrHours) {
    if (!(mtbfHours > 0)) return 0.0;
    if (!(mttrHours > 0)) return 1.0;
    return mtbfHours / (mtbfHours + mttrHours);
}

}  // namespace sw
