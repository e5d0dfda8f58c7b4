// Availability algebra: series, parallel, k-of-n, shared failure domains, and
// the conversions architects quote (nines, downtime per year and month).
#pragma once

#include <span>

namespace sw {

inline constexpr double kMinutesPerYear = 525960;   // 365.25 days
inline constexpr double kMinutesPerMonth = 43830;   // a twelfth of that

double seriesAvailability(std::span<const double> parts);     // product
double parallelAvailability(std::span<const double> parts);   // 1 - prod(1 - a)
// At least k of n identical members up (binomial sum), stable for n up to 100,000.
double kOfN(int k, int n, double a);
// At least k of the given (different) members up (Poisson-binomial, by DP).
double kOfNMixed(int k, std::span<const double> parts);

double nines(double availability);                 // -log10(1 - A); +inf shown as 99 for A = 1
double downtimeMinPerYear(double availability);
double downtimeMinPerMonth(double availability);
// Availability from mean time between failures and mean time to repair.
double availabilityFromMtbf(double mtbfHours, double mttrHours);

// E[min(W, R)]: how long a failed instance keeps receiving requests, when
// health checks notice it after W, uniform on [w0, w0 + spread], and it is
// repaired after R, exponential with mean `mttr` (all in seconds).
double expectedLossWindow(double w0, double spread, double mttr);
// A tier of m instances needing k, each up with probability a, whose failed
// instances still receive their 1/m share for a while: the request-weighted
// availability kOfN(k, m, a) - lossRate x kOfN(k, m - 1, a), where lossRate
// = expectedLossWindow / (MTBF + MTTR) is the share of time an instance is
// failed but still trusted (requests sent to it only count as lost when the
// other m - 1 still carry the tier).
double tierAvailabilityWithDetection(int k, int m, double a, double lossRate);

}  // namespace sw
