// Short, fast number formatting for the formula traces every result carries.
#pragma once

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "planner/Analysis.h"

namespace sw::analysis {

// Up to 6 significant digits, no exponent for everyday magnitudes.
inline std::string num(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[48];
    const double a = std::fabs(v);
    std::to_chars_result r;
    if (a != 0 && (a >= 1e12 || a < 1e-4))
        r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, 4);
    else
        r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
    return std::string(buf, r.ptr);
}

// Collects traces when asked to; the bench and the growth projection skip them.
class Tracer {
public:
    Tracer(std::vector<Trace>* out) : out_(out) {}
    bool on() const { return out_ != nullptr; }
    void add(std::string quantity, std::string formula, std::string inputs, double value) {
        if (out_) out_->push_back({std::move(quantity), std::move(formula), std::move(inputs), value});
    }

private:
    std::vector<Trace>* out_;
};

}  // namespace sw::analysis
