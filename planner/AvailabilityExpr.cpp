// Recursive-descent parser and exact evaluator for availability expressions.
#include "planner/AvailabilityExpr.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "planner/AvailabilityMath.h"

namespace sw {

namespace {

constexpr int kMaxDepth = 200;
constexpr int kMaxKofN = 100000;

using Node = AvailabilityNode;
using NodePtr = std::unique_ptr<AvailabilityNode>;

bool isNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
}

std::string lower(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

std::string formatValue(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

class Parser {
public:
    Parser(std::string_view text, AvailabilityExpr& out) : s_(text), out_(out) {}

    bool run() {
        out_.root = expr(0);
        if (!out_.root) return false;
        skipSpace();
        if (pos_ < s_.size()) return unexpected("the end of the expression");
        markDomains(*out_.root);
        return true;
    }
    const std::string& error() const { return error_; }
    int errorColumn() const { return errorColumn_; }

private:
    // Columns count characters, not bytes, so the caret lines up under UTF-8 text.
    int column(std::size_t at) const {
        int col = 1;
        for (std::size_t i = 0; i < at && i < s_.size(); ++i)
            if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) ++col;
        return col;
    }
    bool fail(std::size_t at, const std::string& message) {
        if (error_.empty()) {
            errorColumn_ = column(at);
            error_ = message;
        }
        return false;
    }
    bool unexpected(const std::string& expected) {
        if (pos_ >= s_.size())
            return fail(pos_, "expected " + expected + ", but the expression ends at column " +
                                  std::to_string(column(pos_)));
        std::size_t len = 1;
        while (pos_ + len < s_.size() && (static_cast<unsigned char>(s_[pos_ + len]) & 0xC0) == 0x80) ++len;
        return fail(pos_, "unexpected '" + std::string(s_.substr(pos_, len)) + "' at column " +
                              std::to_string(column(pos_)) + " (expected " + expected + ")");
    }
    void skipSpace() {
        while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    bool accept(char c) {
        skipSpace();
        if (pos_ < s_.size() && s_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    bool expect(char c) { return accept(c) || unexpected(std::string("'") + c + "'"); }
    std::string_view name() {
        const std::size_t start = pos_;
        if (pos_ < s_.size() && isNameStart(s_[pos_]))
            while (pos_ < s_.size() && isNameChar(s_[pos_])) ++pos_;
        return s_.substr(start, pos_ - start);
    }

    static std::uint64_t markDomains(Node& node) {
        std::uint64_t mask = 0;
        if (node.kind == Node::Kind::InDomain && node.domain < 64) mask |= std::uint64_t{1} << node.domain;
        for (auto& child : node.children) mask |= markDomains(*child);
        node.domain_mask = mask;
        return mask;
    }

    NodePtr expr(int depth) {
        if (depth > kMaxDepth) {
            fail(pos_, "expression nested deeper than " + std::to_string(kMaxDepth) + " levels at column " +
                           std::to_string(column(pos_)));
            return nullptr;
        }
        NodePtr node = primary(depth);
        while (node && accept('@')) {
            skipSpace();
            const std::size_t at = pos_;
            const std::string_view domain = name();
            if (domain.empty()) {
                unexpected("a failure-domain name after '@'");
                return nullptr;
            }
            auto wrap = newNode();
            wrap->kind = Node::Kind::InDomain;
            wrap->column = node->column;
            wrap->domain = domainIndex(domain, at);
            wrap->children.push_back(std::move(node));
            node = std::move(wrap);
        }
        return node;
    }

    NodePtr newNode() {
        auto node = std::make_unique<Node>();
        node->index = out_.node_count++;
        return node;
    }

    int domainIndex(std::string_view domain, std::size_t at) {
        auto it = std::find(out_.domains.begin(), out_.domains.end(), domain);
        if (it != out_.domains.end()) return static_cast<int>(it - out_.domains.begin());
        out_.domains.emplace_back(domain);
        out_.domainColumns.push_back(column(at));
        return static_cast<int>(out_.domains.size()) - 1;
    }

    NodePtr primary(int depth) {
        skipSpace();
        const std::size_t at = pos_;
        if (pos_ >= s_.size()) {
            unexpected("a number, series(...), parallel(...), kofn(...) or '('");
            return nullptr;
        }
        const char c = s_[pos_];
        if (c == '(') {
            ++pos_;
            NodePtr inner = expr(depth + 1);
            if (!inner || !expect(')')) return nullptr;
            return inner;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') return number();
        if (isNameStart(c)) {
            const std::string fn = lower(name());
            if (fn != "series" && fn != "parallel" && fn != "kofn") {
                fail(at, "unknown function '" + std::string(s_.substr(at, pos_ - at)) + "' at column " +
                             std::to_string(column(at)) + " (expected series, parallel or kofn)");
                return nullptr;
            }
            if (!expect('(')) return nullptr;
            auto node = newNode();
            node->column = column(at);
            if (fn == "kofn") return kofn(std::move(node), depth);
            node->kind = fn == "series" ? Node::Kind::Series : Node::Kind::Parallel;
            if (!list(*node, ')', depth)) return nullptr;
            return node;
        }
        unexpected("a number, series(...), parallel(...), kofn(...) or '('");
        return nullptr;
    }

    // expr (',' expr)* closed by `close`.
    bool list(Node& parent, char close, int depth) {
        do {
            NodePtr child = expr(depth + 1);
            if (!child) return false;
            parent.children.push_back(std::move(child));
        } while (accept(','));
        if (accept(close)) return true;
        return unexpected(std::string("',' or '") + close + "'");
    }

    NodePtr number() {
        const std::size_t at = pos_;
        double v = 0;
        auto [end, ec] = std::from_chars(s_.data() + pos_, s_.data() + s_.size(), v);
        if (ec != std::errc() || !std::isfinite(v)) {
            fail(at, "malformed number at column " + std::to_string(column(at)));
            return nullptr;
        }
        pos_ = static_cast<std::size_t>(end - s_.data());
        const std::string text(s_.substr(at, pos_ - at));
        std::size_t look = pos_;   // "99.9 %" reads as a percentage too
        while (look < s_.size() && std::isspace(static_cast<unsigned char>(s_[look]))) ++look;
        if (look < s_.size() && s_[look] == '%') {
            pos_ = look + 1;
            if (v > 100) {
                fail(at, "availability " + text + "% at column " + std::to_string(column(at)) + " is above 100%");
                return nullptr;
            }
            v /= 100;
        } else if (v > 1) {
            fail(at, "availability " + text + " at column " + std::to_string(column(at)) +
                         " is outside [0, 1] (write " + text + "% for a percentage)");
            return nullptr;
        }
        auto node = newNode();
        node->kind = Node::Kind::Number;
        node->value = v;
        node->column = column(at);
        return node;
    }

    bool wholeNumber(int& out, const char* what) {
        skipSpace();
        const std::size_t at = pos_;
        while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
        if (pos_ == at) return unexpected(std::string("a whole number ") + what);
        if (pos_ < s_.size() && (s_[pos_] == '.' || s_[pos_] == '%' || s_[pos_] == 'e' || s_[pos_] == 'E'))
            return fail(at, std::string("kofn: ") + what + " at column " + std::to_string(column(at)) +
                                " must be a whole number");
        auto [end, ec] = std::from_chars(s_.data() + at, s_.data() + pos_, out);
        if (ec != std::errc() || out > kMaxKofN)
            return fail(at, std::string("kofn: ") + what + " " + std::string(s_.substr(at, pos_ - at)) +
                                " at column " + std::to_string(column(at)) + " is above " +
                                std::to_string(kMaxKofN));
        return true;
    }

    NodePtr kofn(NodePtr node, int depth) {
        skipSpace();
        const std::size_t kAt = pos_;
        if (!wholeNumber(node->k, "k") || !expect(',')) return nullptr;
        int n = 0;
        if (accept('[')) {
            node->kind = Node::Kind::KofNMixed;
            if (!list(*node, ']', depth)) return nullptr;
            n = static_cast<int>(node->children.size());
        } else {
            node->kind = Node::Kind::KofN;
            if (!wholeNumber(node->n, "n") || !expect(',')) return nullptr;
            NodePtr member = expr(depth + 1);
            if (!member) return nullptr;
            node->children.push_back(std::move(member));
            n = node->n;
        }
        if (!expect(')')) return nullptr;
        if (node->k < 1 || node->k > n) {
            fail(kAt, "kofn: k = " + std::to_string(node->k) + " at column " + std::to_string(column(kAt)) +
                          " must be between 1 and the " + std::to_string(n) + " members");
            return nullptr;
        }
        return node;
    }

    std::string_view s_;
    AvailabilityExpr& out_;
    std::size_t pos_ = 0;
    std::string error_;
    int errorColumn_ = 0;
};

// The availability of `node` given which domains are up (bit i of `up`):
// within one such state every leaf is an independent component. A subtree
// whose domains are all up has the same value in every such state: it is
// taken from `allUp` (filled by a first pass with every domain up), so
// domain-free parts are computed once, not 2^d times.
double evaluate(const Node& node, std::uint64_t up, std::vector<double>& allUp, bool filling) {
    if (!filling && (node.domain_mask & ~up) == 0) return allUp[node.index];
    double v = 0.0;
    switch (node.kind) {
    case Node::Kind::Number:
        v = node.value;
        break;
    case Node::Kind::InDomain:
        v = (up >> node.domain) & 1u ? evaluate(*node.children[0], up, allUp, filling) : 0.0;
        break;
    case Node::Kind::KofN:
        v = kOfN(node.k, node.n, evaluate(*node.children[0], up, allUp, filling));
        break;
    case Node::Kind::Series:
        v = 1.0;
        for (const auto& child : node.children) v *= evaluate(*child, up, allUp, filling);
        break;
    case Node::Kind::Parallel: {
        double u = 1.0;
        for (const auto& child : node.children) u *= 1.0 - evaluate(*child, up, allUp, filling);
        v = 1.0 - u;
        break;
    }
    case Node::Kind::KofNMixed: {
        std::vector<double> parts;
        parts.reserve(node.children.size());
        for (const auto& child : node.children) parts.push_back(evaluate(*child, up, allUp, filling));
        v = kOfNMixed(node.k, parts);
        break;
    }
    }
    if (filling) allUp[node.index] = v;
    return v;
}

}  // namespace

Result<AvailabilityExpr> parseAvailabilityExpr(std::string_view text, int* errorColumn) {
    if (errorColumn) *errorColumn = 0;
    AvailabilityExpr expr;
    Parser parser(text, expr);
    if (!parser.run()) {
        if (errorColumn) *errorColumn = parser.errorColumn();
        return Result<AvailabilityExpr>::failure(parser.error());
    }
    return expr;
}

Result<double> evaluateAvailabilityExpr(const AvailabilityExpr& expr, const std::map<std::string, double>& domains,
                                        int* errorColumn) {
    if (errorColumn) *errorColumn = 0;
    if (!expr.root) return Result<double>::failure("empty availability expression");
    const int d = static_cast<int>(expr.domains.size());
    if (d > kMaxFailureDomains)
        return Result<double>::failure(std::to_string(d) + " failure domains used; exact conditioning handles at most " +
                                       std::to_string(kMaxFailureDomains));
    std::vector<double> avail(d);
    for (int i = 0; i < d; ++i) {
        auto it = domains.find(expr.domains[i]);
        if (it == domains.end()) {
            if (errorColumn) *errorColumn = expr.domainColumns[i];
            return Result<double>::failure("failure domain '" + expr.domains[i] + "' at column " +
                                           std::to_string(expr.domainColumns[i]) +
                                           " has no availability (give it with --domain " + expr.domains[i] + "=A)");
        }
        if (!(it->second >= 0 && it->second <= 1))
            return Result<double>::failure("failure domain '" + expr.domains[i] + "' has availability " +
                                           formatValue(it->second) + ", outside [0, 1]");
        avail[i] = it->second;
    }
    std::vector<double> allUp(static_cast<std::size_t>(expr.node_count), 0.0);
    const std::uint64_t states = std::uint64_t{1} << d;
    evaluate(*expr.root, states - 1, allUp, true);
    // Total probability over the 2^d joint domain states.
    double total = 0;
    for (std::uint64_t up = 0; up < states; ++up) {
        double p = 1;
        for (int i = 0; i < d && p > 0; ++i) p *= (up >> i) & 1u ? avail[i] : 1.0 - avail[i];
        if (p > 0) total += p * evaluate(*expr.root, up, allUp, false);
    }
    return std::clamp(total, 0.0, 1.0);
}

Result<double> availabilityOfExpr(std::string_view text, const std::map<std::string, double>& domains,
                                  int* errorColumn) {
    auto parsed = parseAvailabilityExpr(text, errorColumn);
    if (!parsed) return Result<double>::failure(parsed.error());
    return evaluateAvailabilityExpr(parsed.value(), domains, errorColumn);
}

}  // namespace sw
