// Latency percentiles in bounded memory: a log-bucketed histogram with 64
// buckets per power of two (bucket width < 1.6 % of its value), covering
// 1 microsecond to about 4.6 hours; values outside are clamped to the ends.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

namespace sw::sim {

class LatencyHistogram {
public:
    static constexpr int kSubBits = 6;
    static constexpr int kMinExp = -10;   // 2^-10 ms ~ 1 us
    static constexpr int kMaxExp = 24;    // 2^24 ms ~ 4.6 h
    static constexpr int kBuckets = (kMaxExp - kMinExp) << kSubBits;

    void add(double ms, double weight = 1) {
        counts_[indexOf(ms)] += weight;
        total_ += weight;
        sum_ += ms * weight;
    }
    void merge(const LatencyHistogram& o) {
        for (int i = 0; i < kBuckets; ++i) counts_[i] += o.counts_[i];
        total_ += o.total_;
        sum_ += o.sum_;
    }
    void clear() {
        counts_.fill(0);
        total_ = 0;
        sum_ = 0;
    }
    double count() const { return total_; }
    double mean() const { return total_ > 0 ? sum_ / total_ : 0; }
    // The q-quantile (q in [0,1]) as the midpoint of its bucket; 0 when empty.
    double quantile(double q) const;

    static int indexOf(double ms) {
        if (!(ms > kLow)) return 0;
        if (ms >= kHigh) return kBuckets - 1;
        std::uint64_t bits;
        std::memcpy(&bits, &ms, sizeof bits);
        return static_cast<int>((bits >> (52 - kSubBits)) - kLowKey);
    }
    static double lowerBound(int index);

private:
    static constexpr double kLow = 1.0 / (1 << -kMinExp);
    static constexpr double kHigh = static_cast<double>(1 << kMaxExp);
    static constexpr std::uint64_t kLowKey =
        static_cast<std::uint64_t>(1023 + kMinExp) << kSubBits;   // key of 2^kMinExp
    std::array<double, kBuckets> counts_{};   // weights: the representative method scales samples
    double total_ = 0;
    double sum_ = 0;
};

}  // namespace sw::sim
