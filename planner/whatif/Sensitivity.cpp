// sensitivity(): every input an architect sets, moved down and up by delta,
// the live analysis re-run for each (across cores), and the swing of cost,
// availability, p95 and runway month ranked.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

#include "model/Catalogue.h"
#include "model/FieldSpec.h"
#include "model/Validation.h"
#include "planner/Growth.h"
#include "planner/whatif/Parallel.h"
#include "planner/whatif/WhatIf.h"

namespace sw::whatif {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

enum class Price { None, Instance, Egress, Cdn };

// One input: where it lives and the values it takes.
struct Input {
    std::string key, label, unit;
    double base = 0, low = 0, high = 0;
    const FieldSpec<Workload>* workload = nullptr;
    const FieldSpec<ComponentParams>* field = nullptr;
    std::size_t component = 0;
    Price price = Price::None;
};

template <class Owner>
void scaled(Input& in, const FieldSpec<Owner>& f, double v, double delta) {
    in.base = v;
    if (f.integer) {
        // Whole numbers move by at least one step.
        in.low = std::min(v - 1, std::floor(v * (1 - delta) + 1e-9));
        in.high = std::max(v + 1, std::ceil(v * (1 + delta) - 1e-9));
    } else {
        in.low = v * (1 - delta);
        in.high = v * (1 + delta);
    }
    in.low = std::clamp(in.low, f.min, f.max);
    in.high = std::clamp(in.high, f.min, f.max);
}

std::vector<Input> inputsOf(const Design& d, double delta) {
    std::vector<Input> out;
    for (const char* key : {"users", "requests_per_user_per_day", "monthly_growth", "peak_factor", "read_fraction",
                            "bytes_per_response"}) {
        const FieldSpec<Workload>* f = findField(workloadFields(), key);
        const double v = f ? f->get(d.workload) : 0;
        if (!f || v == 0) continue;
        Input in;
        in.key = "workload." + std::string(key);
        in.label = std::string(f->label);
        in.unit = std::string(f->unit);
        in.workload = f;
        scaled(in, *f, v, delta);
        out.push_back(in);
    }
    for (std::size_t i = 0; i < d.components.size(); ++i) {
        const Component& c = d.components[i];
        if (c.kind == ComponentKind::UserGroup) continue;
        const bool mtbf = c.params.mtbf_h > 0 && c.params.mttr_h > 0;
        std::vector<const char*> keys{"instances", "capacity_rps", "service_time_ms", "hit_ratio"};
        if (mtbf) {
            keys.push_back("mtbf_h");
            keys.push_back("mttr_h");
        } else {
            keys.push_back("availability");
        }
        keys.push_back("failover_s");
        for (const char* key : keys) {
            const FieldSpec<ComponentParams>* f = findField(componentFields(), key);
            if (!f || !f->appliesTo(c.kind)) continue;
            if (std::string_view(key) == "instances" && !hasInstances(c.kind)) continue;
            const double v = f->get(c.params);
            Input in;
            in.key = c.id + "." + key;
            in.label = c.id + ": " + std::string(f->label);   // ids are unique, names need not be
            in.unit = std::string(f->unit);
            in.field = f;
            in.component = i;
            if (std::string_view(key) == "availability") {
                // Scaled as unavailability: 99.9 % becomes 99.89 % and 99.91 %.
                if (v >= 1) continue;
                in.base = v;
                in.low = std::clamp(1 - (1 - v) * (1 + delta), f->min, f->max);
                in.high = std::clamp(1 - (1 - v) * (1 - delta), f->min, f->max);
            } else {
                if (v == 0) continue;
                scaled(in, *f, v, delta);
            }
            if (in.low == in.base && in.high == in.base) continue;
            out.push_back(in);
        }
    }
    const std::pair<Price, const char*> prices[] = {{Price::Instance, "Instance prices"},
                                                    {Price::Egress, "Internet egress price"},
                                                    {Price::Cdn, "CDN price"}};
    for (const auto& [p, label] : prices) {
        Input in;
        in.key = p == Price::Instance ? "price.instance" : p == Price::Egress ? "price.egress" : "price.cdn";
        in.label = label;
        in.unit = "x list price";
        in.price = p;
        in.base = 1;
        in.low = 1 - delta;
        in.high = 1 + delta;
        out.push_back(in);
    }
    return out;
}

Catalogue priced(const Catalogue& base, Price p, double factor) {
    Catalogue c = base;
    if (p == Price::Instance)
        for (InstanceType& t : c.instance_types) t.usd_per_hour *= factor;
    auto scaleTiers = [&](TieredPrice& tp) {
        for (PriceTier& t : tp.tiers) t.usd_per_gb *= factor;
    };
    if (p == Price::Egress) scaleTiers(c.prices.internet_egress);
    if (p == Price::Cdn) scaleTiers(c.prices.cdn_egress);
    return c;
}

// The live analysis's numbers (analyzeLive), without its traces and
// importance ranking, which none of the four figures needs.
OutcomeValues outcome(const Design& d, const Catalogue* catalogue) {
    AnalyzeOptions o;
    o.traces = false;
    o.importance = false;
    o.catalogue = catalogue;
    const Analysis a = analyze(d, o);
    OutcomeValues v;
    v.cost_per_month_usd = a.summary.cost_per_month_usd;
    v.availability = a.summary.availability.availability;
    v.p95_ms = a.summary.p95_ms;
    const int rm = runwayMonth(runwayOf(d, a, kHorizonMonths));
    v.runway_month = rm >= 0 ? double(rm) : kInf;
    return v;
}

// How far a figure moves across the input's range, relative to its base
// value; a move to or from "no finite value" (saturation) is the largest.
double swing(Outcome o, const OutcomeValues& base, const OutcomeValues& lo, const OutcomeValues& hi, bool relative) {
    double b = base.get(o), l = lo.get(o), h = hi.get(o);
    if (o == Outcome::Runway) {   // "none within the horizon" counts as one month past it
        auto cap = [](double x) { return std::isfinite(x) ? x : double(kHorizonMonths + 1); };
        b = cap(b), l = cap(l), h = cap(h);
    }
    if (o == Outcome::Availability) b = 1 - b, l = 1 - l, h = 1 - h;   // compare unavailabilities
    if (l == h) return 0;
    if (!std::isfinite(l) || !std::isfinite(h)) return kInf;
    const double s = std::abs(h - l);
    if (!relative) return s;
    return std::abs(b) > 0 ? s / std::abs(b) : kInf;
}

}  // namespace

double OutcomeValues::get(Outcome o) const {
    switch (o) {
        case Outcome::Cost: return cost_per_month_usd;
        case Outcome::Availability: return availability;
        case Outcome::P95: return p95_ms;
        case Outcome::Runway: return runway_month;
    }
    return 0;
}

Result<Sensitivity> sensitivity(const Design& design, double delta, int threads) {
    if (!std::isfinite(delta) || delta <= 0 || delta >= 1)
        return Result<Sensitivity>::failure("delta must be between 0 and 1 (0.1 = 10 %), got " + formatNumber(delta));
    for (const Finding& f : validate(design))
        if (f.severity == Severity::Error)
            return Result<Sensitivity>::failure("the design is invalid, so its sensitivities mean nothing: " + f.message);
    const std::vector<Input> inputs = inputsOf(design, delta);

    // Price inputs run against re-priced copies of the catalogue, made once.
    const Catalogue& cat = defaultCatalogue();
    std::vector<Catalogue> catalogues;
    std::vector<const Catalogue*> catalogueOf(inputs.size() * 2, nullptr);
    catalogues.reserve(6);
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (inputs[i].price != Price::None) {
            catalogues.push_back(priced(cat, inputs[i].price, inputs[i].low));
            catalogues.push_back(priced(cat, inputs[i].price, inputs[i].high));
        }
    for (std::size_t i = 0, k = 0; i < inputs.size(); ++i)
        if (inputs[i].price != Price::None) {
            catalogueOf[2 * i] = &catalogues[k++];
            catalogueOf[2 * i + 1] = &catalogues[k++];
        }

    Sensitivity s;
    s.delta = delta;
    std::vector<OutcomeValues> runs(inputs.size() * 2 + 1);
    parallelFor(runs.size(), threads, [&](std::size_t r) {
        if (r == runs.size() - 1) {
            runs[r] = outcome(design, nullptr);
            return;
        }
        const Input& in = inputs[r / 2];
        const double v = r % 2 == 0 ? in.low : in.high;
        if (in.price != Price::None) {
            runs[r] = outcome(design, catalogueOf[r]);
            return;
        }
        Design d = design;
        if (in.workload) in.workload->set(d.workload, v);
        if (in.field) in.field->set(d.components[in.component].params, v);
        runs[r] = outcome(d, nullptr);
    });
    s.analyses = static_cast<int>(runs.size());
    s.base = runs.back();
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const Input& in = inputs[i];
        SensitivityRow row;
        row.input = in.key;
        row.label = in.label;
        row.unit = in.unit;
        row.base_value = in.base;
        row.low_value = in.low;
        row.high_value = in.high;
        row.low = runs[2 * i];
        row.high = runs[2 * i + 1];
        for (int o = 0; o < kOutcomeCount; ++o)
            row.effect = std::max(row.effect, swing(Outcome(o), s.base, row.low, row.high, true));
        s.rows.push_back(std::move(row));
    }
    std::stable_sort(s.rows.begin(), s.rows.end(),
                     [](const SensitivityRow& a, const SensitivityRow& b) { return a.effect > b.effect; });
    return s;
}

std::vector<std::size_t> rankedBy(const Sensitivity& s, Outcome figure) {
    std::vector<double> key(s.rows.size());
    for (std::size_t i = 0; i < s.rows.size(); ++i) key[i] = swing(figure, s.base, s.rows[i].low, s.rows[i].high, false);
    std::vector<std::size_t> order(s.rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key[a] > key[b]; });
    return order;
}

}  // namespace sw::whatif
