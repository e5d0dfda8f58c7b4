// Runs independent pieces of what-if work across the machine's cores. Each
// piece writes only its own slot, so results come out in a fixed order
// whatever the number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace sw::whatif {

// Calls body(i) for i in [0, n) on up to `threads` threads (0 = the cores).
template <class Body>
void parallelFor(std::size_t n, int threads, Body&& body) {
    std::size_t t = threads > 0 ? std::size_t(threads) : std::max(1u, std::thread::hardware_concurrency());
    t = std::min(t, n);
    if (t <= 1) {
        for (std::size_t i = 0; i < n; ++i) body(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) body(i);
    };
    std::vector<std::thread> pool;
    pool.reserve(t - 1);
    for (std::size_t k = 1; k < t; ++k) pool.emplace_back(worker);
    worker();
    for (std::thread& th : pool) th.join();
}

}  // namespace sw::whatif
