// Reading, looking up and writing the ```figures blocks of the docs.
#include "FiguresBlock.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace sw::testing {

namespace {

constexpr const char* kFence = "```figures";

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    std::istringstream in(text);
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

bool isFigureLine(const std::string& line) {
    const auto first = line.find_first_not_of(" \t");
    return first != std::string::npos && line[first] != '#';
}

// Decimals enough to show a change of a tenth of the tolerance.
int decimalsFor(double tolerance) {
    if (!(tolerance > 0)) return 12;
    return std::clamp(static_cast<int>(std::ceil(-std::log10(tolerance))) + 1, 0, 15);
}

std::string formatNumber(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string formatTolerance(double t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", t);
    return buf;
}

// Walks the block lines: f(lineIndex, insideBlock).
template <class F>
void forBlockLines(const std::vector<std::string>& lines, F&& f) {
    bool in = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& l = lines[i];
        if (!in && l.rfind(kFence, 0) == 0) {
            in = true;
            continue;
        }
        if (in && l.rfind("```", 0) == 0) {
            in = false;
            continue;
        }
        if (in && isFigureLine(l)) f(i);
    }
}

}  // namespace

FiguresBlock parseFiguresBlocks(const std::string& text) {
    FiguresBlock out;
    const std::vector<std::string> lines = splitLines(text);
    forBlockLines(lines, [&](std::size_t i) {
        if (!out.error.empty()) return;
        std::istringstream in(lines[i]);
        FigureRow r;
        std::string value, tolerance, extra;
        in >> r.file >> r.variant >> r.metric >> value >> tolerance;
        r.line = static_cast<int>(i + 1);
        try {
            std::size_t used = 0;
            r.value = std::stod(value, &used);
            if (used != value.size()) throw std::invalid_argument(value);
            r.tolerance = std::stod(tolerance, &used);
            if (used != tolerance.size() || !(r.tolerance >= 0)) throw std::invalid_argument(tolerance);
        } catch (const std::exception&) {
            out.error = "line " + std::to_string(r.line) + ": expected 'file variant metric value tolerance', got '" +
                        lines[i] + "'";
            return;
        }
        if (in >> extra) {
            out.error = "line " + std::to_string(r.line) + ": more than five columns: '" + lines[i] + "'";
            return;
        }
        out.rows.push_back(r);
    });
    return out;
}

std::optional<double> figureAt(const nlohmann::json& analysis, const std::string& metric) {
    const nlohmann::json* at = &analysis;
    std::istringstream in(metric);
    std::string part;
    while (std::getline(in, part, '.')) {
        std::string id;
        if (const auto open = part.find('['); open != std::string::npos && part.back() == ']') {
            id = part.substr(open + 1, part.size() - open - 2);
            part = part.substr(0, open);
        }
        if (!at->is_object() || !at->contains(part)) return std::nullopt;
        at = &(*at)[part];
        if (id.empty()) continue;
        if (!at->is_array()) return std::nullopt;
        const nlohmann::json* found = nullptr;
        for (const nlohmann::json& e : *at)
            for (const char* key : {"id", "user_group", "link"})
                if (!found && e.is_object() && e.contains(key) && e[key] == id) found = &e;
        if (!found) return std::nullopt;
        at = found;
    }
    if (!at->is_number()) return std::nullopt;
    return at->get<double>();
}

std::string formatFigureRow(const FigureRow& row, double value) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%-34s %-18s %-44s %-20s %s", row.file.c_str(), row.variant.c_str(),
                  row.metric.c_str(), formatNumber(value, decimalsFor(row.tolerance)).c_str(),
                  formatTolerance(row.tolerance).c_str());
    std::string s = buf;
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

std::string replaceFigureValues(const std::string& text, const std::vector<double>& values) {
    std::vector<std::string> lines = splitLines(text);
    const FiguresBlock block = parseFiguresBlocks(text);
    std::size_t k = 0;
    forBlockLines(lines, [&](std::size_t i) {
        if (k < block.rows.size() && k < values.size()) lines[i] = formatFigureRow(block.rows[k], values[k]);
        ++k;
    });
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
}

}  // namespace sw::testing
