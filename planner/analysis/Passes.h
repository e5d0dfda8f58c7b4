// The analysis passes analyze() runs in order over one design; each fills its
// part of the Analysis (and its traces and findings).
#pragma once

#include "planner/Analysis.h"
#include "planner/analysis/Context.h"
#include "planner/analysis/LoadModel.h"
#include "planner/analysis/TraceFormat.h"

namespace sw::analysis {

// Per component: servers, utilisation, M/M/c times, instances needed, headroom;
// the bottleneck; findings for saturated and over-target tiers.
void computeCapacity(const Context& ctx, const LoadModel& load, Analysis& out, Tracer& tr);

// Monthly cost per component, region and category.
void computeCost(const Context& ctx, const LoadModel& load, Analysis& out, Tracer& tr);

// Region x region and user x region round-trip matrices; findings for
// measured or extra latencies below the physical floor.
void computeLatencyMatrix(const Context& ctx, const AnalyzeOptions& opt, Analysis& out, Tracer& tr);

// p50/p95 per user geography (needs capacity and the latency matrix).
void computeGeographies(const Context& ctx, const LoadModel& load, const AnalyzeOptions& opt, Analysis& out,
                        Tracer& tr);

// Lag, commit latency, staleness and RPO per replication link (needs the matrix).
void computeReplication(const Context& ctx, const LoadModel& load, Analysis& out, Tracer& tr);

// Tier and design availability, exact over shared zones and regions; Birnbaum ranking.
void computeAvailability(const Context& ctx, const LoadModel& load, const AnalyzeOptions& opt, Analysis& out,
                         Tracer& tr);

}  // namespace sw::analysis
