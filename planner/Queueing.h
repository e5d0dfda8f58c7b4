// Open queueing stations: M/M/c with Erlang C, computed in log space so that
// c up to 10,000 servers neither overflows nor loses precision.
#pragma once

namespace sw {

struct MmcResult {
    double lambda = 0;            // arrival rate (1/time unit)
    double mu = 0;                // service rate of one server (1/time unit)
    int c = 1;                    // servers
    double rho = 0;               // lambda / (c mu)
    bool saturated = false;       // rho >= 1: no steady state; the times below are 0
    double saturation_lambda = 0; // c mu: the arrival rate at which the station saturates
    double p0 = 0;                // probability the system is empty
    double erlang_c = 0;          // probability an arrival waits
    double lq = 0, l = 0;         // mean number waiting / in system
    double wq = 0, w = 0;         // mean wait / response time (time unit of 1/mu)
};

// Erlang B blocking probability for c servers and a Erlangs, by the recursion
// B(k) = a B(k-1) / (k + a B(k-1)): O(c), every step in [0, 1].
double erlangB(int c, double a);

// Exact M/M/c. Refuses nothing: lambda < 0, mu <= 0 or c < 1 give a saturated
// result with saturation_lambda = 0 (callers validate inputs first).
MmcResult mmc(double lambda, double mu, int c);

// P(Wq > t) = C * exp(-(c mu - lambda) t).
double mmcWaitExceeds(const MmcResult& r, double t);
// P(W > t) for the response time (wait + exponential service).
double mmcResponseExceeds(const MmcResult& r, double t);
// The q-quantile of the response time W (q in (0,1)), solved numerically from
// mmcResponseExceeds; 0 when saturated.
double mmcResponseQuantile(const MmcResult& r, double q);

}  // namespace sw
