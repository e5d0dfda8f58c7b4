// Growth rates from a history of (month, users): exponential by log-linear
// least squares, logistic by Levenberg-Marquardt (Eigen for the algebra).
#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <string>

#include "planner/Growth.h"

namespace sw {

namespace {

constexpr double kMaxHistoryUsers = 1e11;    // Workload::users' range (model/FieldSpec.cpp)
constexpr double kMaxHistoryMonths = 1200;

std::optional<std::string> checkHistory(const std::vector<std::pair<double, double>>& h, std::size_t minPoints) {
    if (h.size() < minPoints)
        return "a growth fit needs at least " + std::to_string(minPoints) + " (month, users) points, got " +
               std::to_string(h.size());
    for (std::size_t i = 0; i < h.size(); ++i) {
        if (!std::isfinite(h[i].first) || !std::isfinite(h[i].second))
            return "history point " + std::to_string(i + 1) + " is not a finite number";
        if (h[i].second <= 0) return "history point " + std::to_string(i + 1) + " has users <= 0";
        // Beyond these the squared residuals overflow a double and the fit
        // would report an infinite error: the same ceiling a design's users
        // have, and a century of months.
        if (h[i].second > kMaxHistoryUsers)
            return "history point " + std::to_string(i + 1) + " has more users than the limit of 1e11";
        if (std::abs(h[i].first) > kMaxHistoryMonths)
            return "history point " + std::to_string(i + 1) + " has a month outside [-1200, 1200]";
    }
    double lo = h.front().first, hi = lo;
    for (const auto& p : h) {
        lo = std::min(lo, p.first);
        hi = std::max(hi, p.first);
    }
    if (hi == lo) return "the history covers a single month; a rate needs at least two";
    return std::nullopt;
}

double rmseOf(const std::vector<std::pair<double, double>>& h, auto&& model) {
    double s = 0;
    for (const auto& [m, u] : h) s += (model(m) - u) * (model(m) - u);
    return std::sqrt(s / static_cast<double>(h.size()));
}

}  // namespace

Result<GrowthFit> fitExponential(const std::vector<std::pair<double, double>>& history) {
    if (auto bad = checkHistory(history, 2)) return Result<GrowthFit>::failure(*bad);
    const Eigen::Index n = static_cast<Eigen::Index>(history.size());
    Eigen::MatrixXd A(n, 2);
    Eigen::VectorXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        A(i, 0) = 1;
        A(i, 1) = history[static_cast<std::size_t>(i)].first;
        y(i) = std::log(history[static_cast<std::size_t>(i)].second);
    }
    const Eigen::Vector2d beta = A.colPivHouseholderQr().solve(y);
    GrowthFit f;
    f.model = "exponential";
    f.u0 = std::exp(beta(0));
    f.monthly_growth = std::expm1(beta(1));
    f.rmse = rmseOf(history, [&](double m) { return f.u0 * std::exp(beta(1) * m); });
    f.iterations = 1;
    return f;
}

Result<GrowthFit> fitLogistic(const std::vector<std::pair<double, double>>& history) {
    if (auto bad = checkHistory(history, 4)) return Result<GrowthFit>::failure(*bad);
    auto start = fitExponential(history);
    if (!start) return Result<GrowthFit>::failure(start.error());
    double maxU = 0;
    for (const auto& p : history) maxU = std::max(maxU, p.second);
    // Parameters (K, b, r) of u = K / (1 + b e^(-r m)).
    Eigen::Vector3d x(2 * maxU, 0, std::max(1e-3, std::log1p(start->monthly_growth)));
    x(1) = x(0) / start->u0 - 1;
    const Eigen::Index n = static_cast<Eigen::Index>(history.size());
    auto residuals = [&](const Eigen::Vector3d& p, Eigen::VectorXd& r, Eigen::MatrixXd* J) {
        for (Eigen::Index i = 0; i < n; ++i) {
            const double m = history[static_cast<std::size_t>(i)].first;
            const double e = std::exp(-p(2) * m);
            const double den = 1 + p(1) * e;
            r(i) = p(0) / den - history[static_cast<std::size_t>(i)].second;
            if (J) {
                (*J)(i, 0) = 1 / den;
                (*J)(i, 1) = -p(0) * e / (den * den);
                (*J)(i, 2) = p(0) * p(1) * m * e / (den * den);
            }
        }
        return r.squaredNorm();
    };
    Eigen::VectorXd r(n), rTry(n);
    Eigen::MatrixXd J(n, 3);
    double cost = residuals(x, r, &J);
    double lambda = 1e-3;
    int it = 0;
    for (; it < 200; ++it) {
        const Eigen::Matrix3d JtJ = J.transpose() * J;
        const Eigen::Vector3d g = J.transpose() * r;
        Eigen::Matrix3d Aug = JtJ;
        Aug.diagonal() += lambda * JtJ.diagonal().cwiseMax(1e-12);
        const Eigen::Vector3d step = Aug.ldlt().solve(-g);
        const Eigen::Vector3d xTry = x + step;
        if (!xTry.allFinite() || xTry(0) <= 0 || xTry(1) <= -1) {
            lambda *= 10;
            continue;
        }
        const double costTry = residuals(xTry, rTry, nullptr);
        if (costTry < cost) {
            const bool done = cost - costTry <= 1e-14 * std::max(1.0, cost) || step.norm() <= 1e-12 * (1 + x.norm());
            x = xTry;
            cost = residuals(x, r, &J);
            lambda = std::max(lambda / 10, 1e-12);
            if (done) break;
        } else {
            lambda *= 10;
            if (lambda > 1e12) break;
        }
    }
    GrowthFit f;
    f.model = "logistic";
    f.ceiling = x(0);
    f.u0 = x(0) / (1 + x(1));
    f.monthly_growth = std::expm1(x(2));
    f.iterations = it + 1;
    f.rmse = std::sqrt(cost / static_cast<double>(n));
    if (!std::isfinite(f.ceiling) || !std::isfinite(f.monthly_growth))
        return Result<GrowthFit>::failure("the logistic fit did not converge; the history may not level off");
    return f;
}

Result<std::vector<std::pair<double, double>>> parseHistory(std::string_view text) {
    using R = Result<std::vector<std::pair<double, double>>>;
    std::vector<std::pair<double, double>> out;
    std::size_t lineNo = 0, pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string line(text.substr(pos, end - pos));
        pos = end + 1;
        ++lineNo;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
        if (line.empty()) {
            if (end == text.size()) break;
            continue;
        }
        const std::size_t comma = line.find(',');
        if (comma == std::string::npos)
            return R::failure("history line " + std::to_string(lineNo) + ": expected 'month,users', got '" + line.substr(0, 40) + "'");
        auto number = [](const std::string& s, double& v) {
            std::size_t a = s.find_first_not_of(" \t"), used = 0;
            if (a == std::string::npos) return false;
            try {
                v = std::stod(s.substr(a), &used);
            } catch (...) {
                return false;
            }
            return used == s.size() - a && std::isfinite(v);
        };
        double m = 0, u = 0;
        const bool okM = number(line.substr(0, comma), m), okU = number(line.substr(comma + 1), u);
        if (!okM || !okU) {
            if (out.empty() && lineNo == 1) continue;   // a header
            return R::failure("history line " + std::to_string(lineNo) + ": '" + line.substr(0, 40) +
                              "' is not two finite numbers");
        }
        out.emplace_back(m, u);
        if (end == text.size()) break;
    }
    if (out.empty()) return R::failure("the history has no (month, users) lines");
    return out;
}

}  // namespace sw
