// The machine-readable figures a doc quotes about the bundled samples: a
// fenced ```figures block of rows "file variant metric value tolerance"
// (variant = the variant's number, 1 = the first; metric = a path into `scalewright analyze --json`,
// e.g. summary.availability, cost.total_usd, components[web-a].utilization).
// tests/samples/test_sample_figures.cpp re-analyses each sample and compares;
// its --print mode writes the same rows with the values the engine gives now.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sw::testing {

struct FigureRow {
    std::string file, variant, metric;
    double value = 0, tolerance = 0;
    int line = 0;   // 1-based line in the doc
};

struct FiguresBlock {
    std::vector<FigureRow> rows;
    std::string error;   // empty = parsed; else names the line and what is wrong
};

// Every row of every ```figures block in `text` ('#' starts a comment line).
FiguresBlock parseFiguresBlocks(const std::string& text);

// The number at `metric` in an analysis JSON, or nothing when the path names
// no number (a missing key, a null, an id no element has).
std::optional<double> figureAt(const nlohmann::json& analysis, const std::string& metric);

// One row as the block writes it, with `value` in place of the doc's.
std::string formatFigureRow(const FigureRow& row, double value);

// `text` with each row's value replaced by values[i] (rows in block order).
std::string replaceFigureValues(const std::string& text, const std::vector<double>& values);

}  // namespace sw::testing
