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

// Exact evaluation by conditioning. A domain used at one place only (one
// `@NAME`) is, in any state of the others, an independent event like a leaf:
// its `e@NAME` is a(NAME) x e. Only domains used at two or more places couple
// parts of the tree, so only those ("shared") are enumerated, 2^s states.
class Evaluator {
public:
    explicit Evaluator(const AvailabilityExpr& expr) : expr_(expr) {
        const std::size_t d = expr.domains.size();
        std::vector<int> uses(d, 0);
        countUses(*expr.root, uses);
        bit_.assign(d, -1);
        for (std::size_t i = 0; i < d; ++i)
            if (uses[i] > 1) {
                bit_[i] = static_cast<int>(shared_.size());
                shared_.push_back(static_cast<int>(i));
            }
        mask_.assign(static_cast<std::size_t>(expr.node_count), 0);
        if (shared_.size() < 64) markShared(*expr.root);   // past 63 the cost bound refuses first
    }
    int sharedCount() const { return static_cast<int>(shared_.size()); }
    const std::vector<int>& shared() const { return shared_; }

    // Total probability over the 2^s joint states of the shared domains.
    double total(std::vector<double> avail) {
        avail_ = std::move(avail);
        allUp_.assign(static_cast<std::size_t>(expr_.node_count), 0.0);
        const std::uint64_t states = std::uint64_t{1} << shared_.size();
        evaluate(*expr_.root, states - 1, true);
        double sum = 0;
        for (std::uint64_t up = 0; up < states; ++up) {
            double p = 1;
            for (std::size_t b = 0; b < shared_.size() && p > 0; ++b) {
                const double a = avail_[static_cast<std::size_t>(shared_[b])];
                p *= (up >> b) & 1u ? a : 1.0 - a;
            }
            if (p > 0) sum += p * evaluate(*expr_.root, up, false);
        }
        return sum;
    }

private:
    // Uses of each domain; below kofn(k, n, e) every use counts n times (the
    // n copies of e share it), capped at 2: "more than once" is all that matters.
    static void countUses(const Node& node, std::vector<int>& uses, int copies = 1) {
        if (node.kind == Node::Kind::KofN && node.n > 1) copies = 2;
        if (node.kind == Node::Kind::InDomain) {
            int& u = uses[static_cast<std::size_t>(node.domain)];
            u = std::min(2, u + copies);
        }
        for (const auto& child : node.children) countUses(*child, uses, copies);
    }
    std::uint64_t markShared(const Node& node) {
        std::uint64_t mask = 0;
        if (node.kind == Node::Kind::InDomain && bit_[static_cast<std::size_t>(node.domain)] >= 0)
            mask |= std::uint64_t{1} << bit_[static_cast<std::size_t>(node.domain)];
        for (const auto& child : node.children) mask |= markShared(*child);
        mask_[static_cast<std::size_t>(node.index)] = mask;
        return mask;
    }

    // The availability of `node` given which shared domains are up (bit b of
    // `up`). A subtree whose shared domains are all up has the same value in
    // every such state: it is taken from `allUp_` (filled by a first pass with
    // every domain up), so domain-free parts are computed once, not 2^s times.
    double evaluate(const Node& node, std::uint64_t up, bool filling) {
        const auto at = static_cast<std::size_t>(node.index);
        if (!filling && (mask_[at] & ~up) == 0) return allUp_[at];
        double v = 0.0;
        switch (node.kind) {
        case Node::Kind::Number:
            v = node.value;
            break;
        case Node::Kind::InDomain: {
            const int b = bit_[static_cast<std::size_t>(node.domain)];
            const double own = b < 0 ? avail_[static_cast<std::size_t>(node.domain)] : ((up >> b) & 1u ? 1.0 : 0.0);
            v = own > 0 || filling ? own * evaluate(*node.children[0], up, filling) : 0.0;
            break;
        }
        case Node::Kind::KofN:
            v = kOfN(node.k, node.n, evaluate(*node.children[0], up, filling));
            break;
        case Node::Kind::Series:
            v = 1.0;
            for (const auto& child : node.children) v *= evaluate(*child, up, filling);
            break;
        case Node::Kind::Parallel: {
            double u = 1.0;
            for (const auto& child : node.children) u *= 1.0 - evaluate(*child, up, filling);
            v = 1.0 - u;
            break;
        }
        case Node::Kind::KofNMixed: {
            std::vector<double> parts;
            parts.reserve(node.children.size());
            for (const auto& child : node.children) parts.push_back(evaluate(*child, up, filling));
            v = kOfNMixed(node.k, parts);
            break;
        }
        }
        if (filling) allUp_[at] = v;
        return v;
    }

    const AvailabilityExpr& expr_;
    std::vector<double> avail_;
    std::vector<int> bit_;       // per domain: its bit among the shared ones, -1 if used once
    std::vector<int> shared_;    // the shared domains, by bit
    std::vector<std::uint64_t> mask_;   // per node: bit b set if shared domain b is used at or below it
    std::vector<double> allUp_;
};

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
    Evaluator evaluator(expr);
    // The cost bound, checked before any state is visited: 2^s states, each
    // visiting at most every node once.
    const int s = evaluator.sharedCount();
    const double work = std::ldexp(static_cast<double>(expr.node_count), s);
    if (work > limits::kAvailabilityWork) {
        std::string names;
        for (std::size_t i = 0; i < evaluator.shared().size() && i < 4; ++i)
            names += (i ? ", " : "") + expr.domains[static_cast<std::size_t>(evaluator.shared()[i])];
        if (evaluator.shared().size() > 4) names += ", ...";
        return Result<double>::failure(
            std::to_string(s) + " failure domains used at more than one place (" + names + ") need 2^" +
            std::to_string(s) + " states x " + std::to_string(expr.node_count) + " terms = " + formatValue(work) +
            " evaluations, above the limit of " + formatValue(limits::kAvailabilityWork) +
            "; a domain used at one place only costs nothing");
    }
    const int d = static_cast<int>(expr.domains.size());
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
    return std::clamp(evaluator.total(std::move(avail)), 0.0, 1.0);
}

Result<double> availabilityOfExpr(std::string_view text, const std::map<std::string, double>& domains,
                                  int* errorColumn) {
    auto parsed = parseAvailabilityExpr(text, errorColumn);
    if (!parsed) return Result<double>::failure(parsed.error());
    return evaluateAvailabilityExpr(parsed.value(), domains, errorColumn);
}

}  // namespace sw
