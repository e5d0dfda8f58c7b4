// A small language for availability back-of-envelope sums, with shared
// failure domains computed exactly: `series(0.999, parallel(0.99@az1, 0.99@az2))`.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/Limits.h"
#include "model/Result.h"

namespace sw {

// Grammar (whitespace ignored, names are [A-Za-z_][A-Za-z0-9_.-]*):
//   expr    := primary ('@' NAME)*
//   primary := NUMBER ['%'] | '(' expr ')'
//            | 'series' '(' expr (',' expr)* ')'
//            | 'parallel' '(' expr (',' expr)* ')'
//            | 'kofn' '(' INT ',' INT ',' expr ')'          n identical, independent members
//            | 'kofn' '(' INT ',' '[' expr (',' expr)* ']' ')'
// A number is an availability in [0, 1] (0.999) or a percentage (99.9%).
// `e@NAME` puts e inside failure domain NAME: when NAME is down, e is down.
// Every use of NAME is the same event.
struct AvailabilityNode {
    enum class Kind { Number, Series, Parallel, KofN, KofNMixed, InDomain };
    Kind kind = Kind::Number;
    double value = 0;           // Number
    int k = 0, n = 0;           // KofN (n identical copies of children[0]), KofNMixed (k)
    int domain = -1;            // InDomain: index into AvailabilityExpr::domains
    int column = 0;             // 1-based column where the node starts (for messages)
    int index = 0;              // 0 .. AvailabilityExpr::node_count - 1, in creation order
    std::vector<std::unique_ptr<AvailabilityNode>> children;
};

struct AvailabilityExpr {
    std::unique_ptr<AvailabilityNode> root;
    std::vector<std::string> domains;    // in order of first use
    std::vector<int> domainColumns;      // column of each domain's first use
    int node_count = 0;
};


// Parses; failures say what and where ("unexpected ')' at column 17") and,
// when `errorColumn` is given, store the 1-based column there (0 if none).
Result<AvailabilityExpr> parseAvailabilityExpr(std::string_view text, int* errorColumn = nullptr);

// Evaluates exactly: conditions on the up/down state of every domain used at
// more than one place (2^s states), within which all other members, and the
// domains used once, are independent. Fails when a used domain has no
// availability in `domains` (the column of its first use in `errorColumn`),
// when a domain availability is outside [0, 1], or when 2^s x nodes is above
// limits::kAvailabilityWork (each state visits up to every node).
Result<double> evaluateAvailabilityExpr(const AvailabilityExpr& expr, const std::map<std::string, double>& domains,
                                        int* errorColumn = nullptr);

// Parse and evaluate in one step.
Result<double> availabilityOfExpr(std::string_view text, const std::map<std::string, double>& domains,
                                  int* errorColumn = nullptr);

}  // namespace sw
