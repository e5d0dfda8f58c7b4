// Availability algebra with care for the numbers near 1 that architects quote.
#include "planner/AvailabilityMath.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "planner/Loader.h"

namespace sw {

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
    // (lower tail), no large sums cancel. The first term comes from Loader's
    // saddle-point form: C(n, j) overflows, and lgamma differences lose ~1e-10 at n = 1e5.
    auto firstTerm = [&](int j) {
        if (n > 60) return std::exp(loader::logBinomialPmf(j, n, a));
        // Small n (the common case, evaluated 2^d times under shared domains):
        // C(n, j) by the multiplicative formula is exact to a rounding or two.
        const int m = std::min(j, n - j);
        double binom = 1.0;
        for (int i = 1; i <= m; ++i) binom = binom * (n - m + i) / i;
        return binom * std::pow(a, j) * std::pow(1.0 - a, n - j);
    };
    const double ratioUp = a / (1.0 - a);   // t(j+1)/t(j) = (n-j)/(j+1) * a/(1-a)
    const bool lowerTail = (k - 1) < n * a;
    double sum = 0;
    if (lowerTail) {
        // P(X <= k-1), terms decreasing as j goes down from k-1.
        double t = firstTerm(k - 1);
        for (int j = k - 1; j >= 0; --j) {
            sum += t;
            if (t < sum * 1e-18 || t == 0) break;
            t *= j / ((n - j + 1.0) * ratioUp);
        }
        return std::clamp(1.0 - sum, 0.0, 1.0);
    }
    // P(X >= k), terms decreasing as j goes up from k.
    double t = firstTerm(k);
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

double expectedLossWindow(double w0, double spread, double mttr) {
    if (!(mttr > 0)) return 0.0;
    w0 = std::max(0.0, w0);
    spread = std::max(0.0, spread);
    // E[min(w, R)] = mttr (1 - exp(-w / mttr)); averaged over w in [w0, w0 + spread].
    if (spread < 1e-9 * mttr) return -mttr * std::expm1(-w0 / mttr);
    return mttr * (1.0 + (mttr / spread) * std::exp(-w0 / mttr) * std::expm1(-spread / mttr));
}

double tierAvailabilityWithDetection(int k, int m, double a, double lossRate) {
    const double up = kOfN(k, m, a);
    if (!(lossRate > 0) || m <= k) return up;
    return std::clamp(up - lossRate * kOfN(k, m - 1, a), 0.0, 1.0);
}

}  // namespace sw
