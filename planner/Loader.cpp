// Stirling-error and deviance terms for accurate Poisson and binomial probabilities.
#include "planner/Loader.h"

#include <cmath>

namespace sw::loader {

namespace {
constexpr double kLogSqrt2Pi = 0.918938533204672741780329736406;
constexpr double kLog2Pi = 1.837877066409345483560659472811;
}  // namespace

double stirlerr(double n) {
    if (n < 16) return std::lgamma(n + 1.0) - (n + 0.5) * std::log(n) + n - kLogSqrt2Pi;
    const double n2 = n * n;
    return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / (1188 * n2)) / n2) / n2) / n2) / n;
}

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

double logPoissonPmf(double x, double m) { return -stirlerr(x) - bd0(x, m) - 0.5 * (kLog2Pi + std::log(x)); }

double logBinomialPmf(int j, int n, double p) {
    if (j == 0) return n * std::log1p(-p);
    if (j == n) return n * std::log(p);
    const double x = j, nn = n, y = nn - x;
    return stirlerr(nn) - stirlerr(x) - stirlerr(y) - bd0(x, nn * p) - bd0(y, nn * (1.0 - p)) +
           0.5 * (std::log(nn / (x * y)) - kLog2Pi);
}

}  // namespace sw::loader
