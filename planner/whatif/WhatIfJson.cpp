// JSON (nlohmann) of a comparison and a sensitivity; non-finite numbers as null.
#include "planner/whatif/WhatIfJson.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "planner/analysis/SummaryJson.h"

namespace sw::whatif {

namespace {

using nlohmann::json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

const char* betterKey(Better b) { return b == Better::Lower ? "lower" : b == Better::Higher ? "higher" : "neither"; }
const char* verdictKey(int v) { return v > 0 ? "better" : v < 0 ? "worse" : "same"; }

json changes(const std::vector<FieldChange>& v, bool withId) {
    json a = json::array();
    for (const FieldChange& c : v) {
        json o;
        if (withId) o["id"] = c.id;
        o["field"] = c.field;
        if (c.numeric) {
            o["old"] = number(c.old_number);
            o["new"] = number(c.new_number);
        } else {
            o["old"] = c.old_text;
            o["new"] = c.new_text;
        }
        o["unit"] = c.unit;
        a.push_back(std::move(o));
    }
    return a;
}

json diffJson(const DesignDiff& d) {
    return {{"components_added", d.components_added},
            {"components_removed", d.components_removed},
            {"components_changed", changes(d.components_changed, true)},
            {"links_added", d.links_added},
            {"links_removed", d.links_removed},
            {"links_changed", changes(d.links_changed, true)},
            {"workload_changed", changes(d.workload_changed, false)},
            {"regions_added", d.regions_added},
            {"regions_removed", d.regions_removed},
            {"regions_changed", changes(d.regions_changed, true)},
            {"zones_added", d.zones_added},
            {"zones_removed", d.zones_removed},
            {"zones_changed", changes(d.zones_changed, true)}};
}

json crossoverJson(const std::optional<Crossover>& c) {
    if (!c) return nullptr;
    return {{"metric", c->metric},
            {"month", c->month},
            {"users", number(c->users)},
            {"cheaper_before", c->cheaper_before},
            {"cheaper_after", c->cheaper_after}};
}

json pair(double lo, double hi) { return json::array({number(lo), number(hi)}); }

}  // namespace

std::string comparisonToJson(const Comparison& cmp) {
    json figures = json::array();
    for (const FigureSpec& f : cmp.figures)
        figures.push_back({{"key", f.key}, {"label", f.label}, {"unit", f.unit}, {"better", betterKey(f.better)}});
    json variants = json::array();
    for (const VariantFigures& v : cmp.variants) {
        json values = json::object();
        for (std::size_t i = 0; i < cmp.figures.size(); ++i) values[cmp.figures[i].key] = number(v.values[i]);
        int errors = 0;
        for (const Finding& f : v.analysis.findings) errors += f.severity == Severity::Error;
        variants.push_back({{"name", v.name},
                            {"summary", summaryJson(v.analysis)},
                            {"figures", values},
                            {"runway_month", v.runway_month >= 0 ? json(v.runway_month) : json(nullptr)},
                            {"runway_tier", v.runway_tier},
                            {"errors", errors},
                            {"findings", v.analysis.findings.size()}});
    }
    json deltas = json::array();
    for (const VariantDelta& d : cmp.deltas) {
        json values = json::object();
        for (std::size_t i = 0; i < cmp.figures.size(); ++i) {
            const Delta& x = d.figures[i];
            values[cmp.figures[i].key] = {{"base", number(x.base)},
                                          {"value", number(x.value)},
                                          {"delta", number(x.delta)},
                                          {"verdict", verdictKey(x.verdict)}};
        }
        deltas.push_back({{"variant", d.variant},
                          {"base", d.base},
                          {"figures", values},
                          {"diff", diffJson(d.diff)},
                          {"crossover", crossoverJson(d.crossover)}});
    }
    // The pair the top-level diff and crossover describe: the base and the first other variant.
    const VariantDelta* pairDelta = cmp.deltas.size() > 1 ? &cmp.deltas[1] : cmp.deltas.empty() ? nullptr : &cmp.deltas[0];
    json doc = {{"base", cmp.base},
                {"horizon_months", kHorizonMonths},
                {"figures", figures},
                {"variants", variants},
                {"deltas", deltas},
                {"diff", pairDelta ? diffJson(pairDelta->diff) : diffJson(DesignDiff{})},
                {"crossover", pairDelta ? crossoverJson(pairDelta->crossover) : json(nullptr)}};
    return doc.dump(2) + "\n";
}

std::string sensitivityToJson(const std::string& designName, const Sensitivity& s) {
    json rows = json::array();
    for (const SensitivityRow& r : s.rows)
        rows.push_back({{"input", r.input},
                        {"label", r.label},
                        {"unit", r.unit},
                        {"base_value", number(r.base_value)},
                        {"low_value", number(r.low_value)},
                        {"high_value", number(r.high_value)},
                        {"cost_per_month_usd", pair(r.low.cost_per_month_usd, r.high.cost_per_month_usd)},
                        {"availability", pair(r.low.availability, r.high.availability)},
                        {"p95_ms", pair(r.low.p95_ms, r.high.p95_ms)},
                        {"runway_month", pair(r.low.runway_month, r.high.runway_month)},
                        {"effect", number(r.effect)}});
    json doc = {{"design", designName},
                {"delta", s.delta},
                {"horizon_months", kHorizonMonths},
                {"base",
                 {{"cost_per_month_usd", number(s.base.cost_per_month_usd)},
                  {"availability", number(s.base.availability)},
                  {"p95_ms", number(s.base.p95_ms)},
                  {"runway_month", number(s.base.runway_month)}}},
                {"sensitivity", rows}};
    return doc.dump(2) + "\n";
}

}  // namespace sw::whatif
