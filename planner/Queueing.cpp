// Exact M/M/c: Erlang C through the Erlang B recursion (no factorials), the
// sojourn-time distribution, and its quantiles by safeguarded Newton.
#include "planner/Queueing.h"

#include <algorithm>
#include <cmath>

#include "planner/Loader.h"

namespace sw {

namespace {

// P(E_a + E_b > t) for independent exponentials with rates a, b (the
// hypo-exponential tail). Written as e^{-a t} (1 + a g) with
// g = (1 - e^{-(b-a) t}) / (b - a), taking a as the smaller rate so g never
// overflows and the a == b case (g = t) is the continuous limit.
double hypoExpTail(double a, double b, double t) {
    if (a > b) std::swap(a, b);
    const double d = b - a;
    const double g = d * t < 1e-12 ? t : -std::expm1(-d * t) / d;
    return std::exp(-a * t) * (1.0 + a * g);
}

// Density of E_a + E_b at t: a b e^{-a t} g with the same g.
double hypoExpDensity(double a, double b, double t) {
    if (a > b) std::swap(a, b);
    const double d = b - a;
    const double g = d * t < 1e-12 ? t : -std::expm1(-d * t) / d;
    return a * b * std::exp(-a * t) * g;
}

double responseDensity(const MmcResult& r, double t) {
    const double theta = r.c * r.mu - r.lambda;
    return (1.0 - r.erlang_c) * r.mu * std::exp(-r.mu * t) + r.erlang_c * hypoExpDensity(theta, r.mu, t);
}

// Above this many servers Erlang C comes from Poisson probabilities in
// O(sqrt(c)) instead of the O(c) recursion (the analysis calls mmc per tier on
// every keystroke, with c = instances x concurrency in the thousands).
constexpr int kRecursionMaxServers = 64;

}  // namespace

double erlangB(int c, double a) {
    if (c < 0 || !(a >= 0)) return 1.0;
    double b = 1.0;
    for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
    return b;
}

MmcResult mmc(double lambda, double mu, int c) {
    MmcResult r;
    r.lambda = lambda;
    r.mu = mu;
    r.c = c;
    const bool valid = std::isfinite(lambda) && std::isfinite(mu) && lambda >= 0 && mu > 0 && c >= 1;
    if (!valid) {
        r.saturated = true;
        r.saturation_lambda = 0;
        return r;
    }
    r.saturation_lambda = c * mu;
    const double a = lambda / mu;   // offered load in Erlangs
    r.rho = a / c;
    if (r.rho >= 1.0) {
        r.saturated = true;
        return r;
    }
    if (lambda == 0) {
        r.p0 = 1;
        r.w = 1.0 / mu;
        return r;
    }
    if (c <= kRecursionMaxServers) {
        // Erlang B by the recursion, then C = B / (1 - rho (1 - B)).
        const double b = erlangB(c, a);
        r.erlang_c = b / (1.0 - r.rho * (1.0 - b));
        // P0 = 1 / [sum_{k<c} a^k/k! + a^c/(c! (1 - rho))]. With T = a^c/c! and
        // sum_{k<=c} a^k/k! = T / B this is 1 / (T (1/B - 1 + 1/(1 - rho))).
        const double logT = c * std::log(a) - std::lgamma(c + 1.0);
        r.p0 = std::exp(-logT - std::log(1.0 / b - 1.0 + 1.0 / (1.0 - r.rho)));
    } else {
        // Multiply numerator and denominator of P0 and C by e^{-a}: with
        // p_k the Poisson(a) probabilities and w = p_c / (1 - rho),
        //   C = w / (F + w),  P0 = e^{-a} / (F + w),  F = P(X <= c-1) = 1 - p_c S,
        // S = sum_{i>=0} prod_{m=1..i} a / (c + m) (the upper tail over p_c; its
        // ratios are below rho, so it converges in O(min(c, sqrt(c log 1/eps))) terms).
        // p_c from Loader's saddle-point form: no factorial, no overflow.
        const double pc = std::exp(loader::logPoissonPmf(c, a));
        double s = 1.0, t = 1.0;
        for (int m = 1;; ++m) {   // ends: t shrinks by at least rho each step
            t *= a / (c + static_cast<double>(m));
            s += t;
            if (t <= s * 1e-17) break;
        }
        const double f = 1.0 - pc * s;
        const double w = pc / (1.0 - r.rho);
        r.erlang_c = w / (f + w);
        r.p0 = std::exp(-a - std::log(f + w));
    }
    r.lq = r.erlang_c * r.rho / (1.0 - r.rho);
    r.wq = r.erlang_c / (c * mu - lambda);
    r.w = r.wq + 1.0 / mu;
    r.l = lambda * r.w;   // Little's law; equals lq + a
    return r;
}

double mmcWaitExceeds(const MmcResult& r, double t) {
    if (r.saturated) return 1.0;
    if (t <= 0) return t < 0 ? 1.0 : r.erlang_c;
    return r.erlang_c * std::exp(-(r.c * r.mu - r.lambda) * t);
}

double mmcResponseExceeds(const MmcResult& r, double t) {
    if (r.saturated) return 1.0;
    if (t <= 0) return 1.0;
    // W = Wq + S: with probability 1 - C no wait, so W ~ Exp(mu); with
    // probability C the wait is Exp(c mu - lambda), so W is hypo-exponential.
    const double theta = r.c * r.mu - r.lambda;
    const double p = (1.0 - r.erlang_c) * std::exp(-r.mu * t) + r.erlang_c * hypoExpTail(theta, r.mu, t);
    return std::clamp(p, 0.0, 1.0);
}

double mmcResponseQuantile(const MmcResult& r, double q) {
    if (r.saturated || !(q > 0) || !(q < 1)) return 0;
    const double target = 1.0 - q;
    const double theta = r.c * r.mu - r.lambda;
    // Bracket: P(W > t) >= e^{-mu t} gives the lower end; P(W > t) <=
    // P(S > t/2) + P(Wq > t/2) <= 2 e^{-min(mu, theta) t / 2} the upper end.
    double lo = -std::log(target) / r.mu;
    double hi = 2.0 * std::log(2.0 / target) / std::min(r.mu, theta);
    double t = lo;
    for (int i = 0; i < 200; ++i) {
        const double f = mmcResponseExceeds(r, t) - target;   // decreasing in t
        if (f > 0)
            lo = t;
        else
            hi = t;
        if (hi - lo <= 1e-13 * hi) break;
        const double dens = responseDensity(r, t);
        double next = dens > 0 ? t + f / dens : 0.5 * (lo + hi);
        // Newton while it stays inside the bracket, bisection otherwise.
        if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
        if (std::abs(next - t) <= 1e-14 * std::max(t, 1e-300)) {
            t = next;
            break;
        }
        t = next;
    }
    return t;
}

}  // namespace sw
