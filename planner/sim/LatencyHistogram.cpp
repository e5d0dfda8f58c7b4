#include "planner/sim/LatencyHistogram.h"

#include <algorithm>
#include <cmath>

namespace sw::sim {

double LatencyHistogram::lowerBound(int index) {
    const int octave = index >> kSubBits;
    const int sub = index & ((1 << kSubBits) - 1);
    return std::ldexp(1.0 + sub / static_cast<double>(1 << kSubBits), kMinExp + octave);
}

double LatencyHistogram::quantile(double q) const {
    if (total_ <= 0) return 0;
    // The smallest bucket holding the q * total-th observation.
    const double target = q * total_;
    double seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        if (counts_[i] <= 0) continue;
        if (seen + counts_[i] >= target) {
            // Interpolate inside the bucket, as if its values were spread evenly.
            const double lo = lowerBound(i);
            const double hi = i + 1 < kBuckets ? lowerBound(i + 1) : lo;
            const double f = std::clamp((target - seen) / counts_[i], 0.0, 1.0);
            return lo + f * (hi - lo);
        }
        seen += counts_[i];
    }
    return lowerBound(kBuckets - 1);
}

}  // namespace sw::sim
