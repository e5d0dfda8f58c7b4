// Loader's saddle-point pieces for binomial and Poisson probabilities: the
// kernels use them where lgamma differences would cancel (C. Loader, "Fast and
// Accurate Computation of Binomial Probabilities", 2000).
#pragma once

namespace sw::loader {

// log(n!) - log(sqrt(2 pi n) (n/e)^n); n > 0.
double stirlerr(double n);
// x log(x / m) + m - x, accurate when x is close to m.
double bd0(double x, double m);
// log P(X = x) for X ~ Poisson(m), x >= 1 whole, m > 0.
double logPoissonPmf(double x, double m);
// log P(X = j) for X ~ Binomial(n, p), 0 <= j <= n, 0 < p < 1.
double logBinomialPmf(int j, int n, double p);

}  // namespace sw::loader
