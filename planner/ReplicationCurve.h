// Replication lag as a function of the write rate a replica receives: the
// engine's async rule (one-way delay + M/M/1 apply sojourn) swept from no
// writes up to the rate where the apply queue stops draining.
#pragma once

#include <vector>

namespace sw {

struct ReplicationResult;

// One-way delay + 1 / (mu - lambda) per apply stream, in ms: lambda = writes /
// streams, mu = apply rate of one stream. +infinity when lambda >= mu (the lag
// grows without bound). The engine's replication pass uses the same rule.
double asyncLagMs(double oneWayMs, double applyRateWps, double streams, double writeRps);

struct LagPoint {
    double write_rps = 0;
    double lag_ms = 0;
};

// The lag curve of one replication link: `points` write rates from 0 up to
// `upTo` x the divergence rate (saturating_write_rps), spaced closer near it,
// plus the link's current write rate. Sync links have no lag (empty curve).
std::vector<LagPoint> lagCurve(const ReplicationResult& r, int points = 48, double upTo = 0.98);

}  // namespace sw
