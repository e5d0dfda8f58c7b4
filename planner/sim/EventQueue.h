// The simulator's future-event list: a 4-ary min-heap of 16-byte POD events
// in one vector. No allocation per event (the vector only grows), no
// std::function: an event is a time, a type tag and two integers.
#pragma once

#include <cstdint>
#include <vector>

namespace sw::sim {

struct Event {
    double time;
    std::uint32_t tag;       // event type (low 8 bits) and a small operand (high 24 bits)
    std::uint32_t payload;   // request slot, node or instance index
};

inline constexpr std::uint32_t makeTag(std::uint32_t type, std::uint32_t operand) {
    return type | (operand << 8);
}
inline constexpr std::uint32_t tagType(std::uint32_t tag) { return tag & 0xffu; }
inline constexpr std::uint32_t tagOperand(std::uint32_t tag) { return tag >> 8; }

// Ties in time are broken by the heap's own deterministic order, so the same
// pushes and pops always give the same sequence (runs are reproducible).
class EventQueue {
public:
    void reserve(std::size_t n) { heap_.reserve(n); }
    bool empty() const { return heap_.empty(); }
    std::size_t size() const { return heap_.size(); }
    void clear() { heap_.clear(); }
    const Event& top() const { return heap_.front(); }

    void push(const Event& e) {
        std::size_t i = heap_.size();
        heap_.push_back(e);
        Event* h = heap_.data();
        while (i > 0) {
            const std::size_t parent = (i - 1) >> 2;
            if (!(e.time < h[parent].time)) break;
            h[i] = h[parent];
            i = parent;
        }
        h[i] = e;
    }
    void push(double time, std::uint32_t tag, std::uint32_t payload) { push(Event{time, tag, payload}); }

    Event pop() {
        Event* h = heap_.data();
        const Event result = h[0];
        const Event last = heap_.back();
        heap_.pop_back();
        const std::size_t n = heap_.size();
        if (n == 0) return result;
        std::size_t i = 0;
        for (;;) {
            const std::size_t first = (i << 2) + 1;
            if (first >= n) break;
            std::size_t best = first;
            const std::size_t end = first + 4 < n ? first + 4 : n;
            for (std::size_t c = first + 1; c < end; ++c)
                if (h[c].time < h[best].time) best = c;
            if (!(h[best].time < last.time)) break;
            h[i] = h[best];
            i = best;
        }
        h[i] = last;
        return result;
    }

private:
    std::vector<Event> heap_;
};

// Events that all come a fixed delay after they are scheduled (client
// timeouts) arrive in the order they are pushed, so a FIFO ring holds them
// in time order at O(1) a push and a pop instead of O(log n) in the heap.
class DelayQueue {
public:
    bool empty() const { return count_ == 0; }
    const Event& front() const { return ring_[head_]; }
    void clear() { head_ = count_ = 0; }
    void push(double time, std::uint32_t tag, std::uint32_t payload) {
        if (count_ == ring_.size()) grow();
        std::size_t tail = head_ + count_;
        if (tail >= ring_.size()) tail -= ring_.size();
        ring_[tail] = Event{time, tag, payload};
        ++count_;
    }
    Event pop() {
        const Event e = ring_[head_];
        if (++head_ == ring_.size()) head_ = 0;
        --count_;
        return e;
    }

private:
    void grow() {
        std::vector<Event> bigger(ring_.empty() ? 1024 : ring_.size() * 2);
        for (std::size_t i = 0; i < count_; ++i) bigger[i] = ring_[(head_ + i) % ring_.size()];
        ring_.swap(bigger);
        head_ = 0;
    }
    std::vector<Event> ring_;
    std::size_t head_ = 0, count_ = 0;
};

}  // namespace sw::sim
