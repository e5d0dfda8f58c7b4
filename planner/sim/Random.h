// Random streams for the simulator: one std::mt19937_64 per replicate, seeded
// by splitmix64 of (seed, replicate) so replicates are independent and a run
// is reproduced exactly from its seed.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace sw::sim {

inline std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

inline std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t replicate) {
    return splitmix64(splitmix64(seed) ^ splitmix64(replicate + 0x632be59bd9b4e019ull));
}

class Rng {
public:
    explicit Rng(std::uint64_t seed) : gen_(seed) {}
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(gen_() >> 11) * 0x1.0p-53; }
    // Uniform in (0, 1]: safe under log().
    double uniformOpen() { return static_cast<double>((gen_() >> 11) + 1) * 0x1.0p-53; }
    double exponential(double mean) { return -std::log(uniformOpen()) * mean; }
    std::uint32_t below(std::uint32_t n) {   // uniform integer in [0, n)
        return static_cast<std::uint32_t>(((gen_() >> 32) * n) >> 32);
    }
    bool chance(double p) { return uniform() < p; }
    double normal() {
        if (haveSpare_) {
            haveSpare_ = false;
            return spare_;
        }
        const double u = uniformOpen(), v = uniform();
        const double r = std::sqrt(-2.0 * std::log(u));
        spare_ = r * std::sin(6.283185307179586 * v);
        haveSpare_ = true;
        return r * std::cos(6.283185307179586 * v);
    }
    // Lognormal with the given mean and log-space sigma.
    double lognormal(double mean, double sigma) {
        return std::exp(std::log(mean) - 0.5 * sigma * sigma + sigma * normal());
    }

private:
    std::mt19937_64 gen_;
    double spare_ = 0;
    bool haveSpare_ = false;
};

}  // namespace sw::sim
