#include "model/Topology.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>

namespace sw {

Topology::Topology(const Design& design)
    : design_(design),
      calls_(design.components.size()),
      replOut_(design.components.size()),
      replIn_(design.components.size()) {
    index_.reserve(design.components.size() * 2);
    for (std::size_t i = 0; i < design.components.size(); ++i)
        index_.emplace(design.components[i].id, static_cast<int>(i));
    linkFrom_.resize(design.links.size());
    linkTo_.resize(design.links.size());
    for (std::size_t l = 0; l < design.links.size(); ++l) {
        const Link& link = design.links[l];
        const int from = indexOf(link.from), to = indexOf(link.to);
        linkFrom_[l] = from;
        linkTo_[l] = to;
        // Self-links are left out like dangling ones: validation reports them,
        // and a loop on one vertex would read as a call cycle too.
        if (from < 0 || to < 0 || from == to) continue;
        if (link.kind == LinkKind::Call) {
            boost::add_edge(from, to, EdgeInfo{static_cast<int>(l)}, calls_);
        } else {
            replOut_[from].push_back(static_cast<int>(l));
            replIn_[to].push_back(static_cast<int>(l));
        }
    }
}

int Topology::indexOf(std::string_view componentId) const {
    auto it = index_.find(componentId);
    return it == index_.end() ? -1 : it->second;
}

std::vector<int> Topology::outgoingCalls(int component) const {
    std::vector<int> out;
    for (auto [e, end] = boost::out_edges(component, calls_); e != end; ++e)
        out.push_back(calls_[*e].link);
    return out;
}

std::vector<int> Topology::incomingCalls(int component) const {
    std::vector<int> in;
    for (auto [e, end] = boost::in_edges(component, calls_); e != end; ++e)
        in.push_back(calls_[*e].link);
    return in;
}

namespace {

// Stops the depth-first search at the first back edge and remembers it.
struct BackEdgeFinder : boost::default_dfs_visitor {
    std::vector<std::size_t>* parent;
    std::optional<std::pair<std::size_t, std::size_t>>* back;
    void tree_edge(Topology::Graph::edge_descriptor e, const Topology::Graph& g) const {
        (*parent)[boost::target(e, g)] = boost::source(e, g);
    }
    void back_edge(Topology::Graph::edge_descriptor e, const Topology::Graph& g) const {
        if (!*back) *back = std::make_pair(boost::source(e, g), boost::target(e, g));
    }
};

}  // namespace

std::optional<std::vector<int>> Topology::findCallCycle() const {
    const std::size_t n = boost::num_vertices(calls_);
    std::vector<std::size_t> parent(n, n);
    std::optional<std::pair<std::size_t, std::size_t>> back;
    BackEdgeFinder vis;
    vis.parent = &parent;
    vis.back = &back;
    std::vector<boost::default_color_type> colors(n);
    boost::depth_first_search(
        calls_, boost::visitor(vis).color_map(boost::make_iterator_property_map(
                    colors.begin(), boost::get(boost::vertex_index, calls_))));
    if (!back) return std::nullopt;
    // The back edge u -> v closes the tree path v -> ... -> u.
    std::vector<int> cycle;
    for (std::size_t v = back->first;; v = parent[v]) {
        cycle.push_back(static_cast<int>(v));
        if (v == back->second || parent[v] == n) break;
    }
    std::reverse(cycle.begin(), cycle.end());
    return cycle;
}

std::vector<int> Topology::topologicalOrder() const {
    if (findCallCycle()) return {};
    std::vector<std::size_t> reversed;
    reversed.reserve(boost::num_vertices(calls_));
    boost::topological_sort(calls_, std::back_inserter(reversed));
    return {reversed.rbegin(), reversed.rend()};
}

std::vector<char> Topology::reachableFrom(int from) const {
    std::vector<char> seen(boost::num_vertices(calls_), 0);
    std::vector<int> stack{from};
    seen[from] = 1;
    while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        for (auto [e, end] = boost::out_edges(v, calls_); e != end; ++e) {
            const auto t = boost::target(*e, calls_);
            if (!seen[t]) {
                seen[t] = 1;
                stack.push_back(static_cast<int>(t));
            }
        }
    }
    return seen;
}

namespace {

template <bool Forward>
std::vector<char> spread(const Topology::Graph& g, std::vector<char> seen) {
    std::vector<std::size_t> stack;
    for (std::size_t v = 0; v < seen.size(); ++v)
        if (seen[v]) stack.push_back(v);
    while (!stack.empty()) {
        const std::size_t v = stack.back();
        stack.pop_back();
        auto visit = [&](std::size_t u) {
            if (!seen[u]) {
                seen[u] = 1;
                stack.push_back(u);
            }
        };
        if constexpr (Forward) {
            for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) visit(boost::target(*e, g));
        } else {
            for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) visit(boost::source(*e, g));
        }
    }
    return seen;
}

}  // namespace

std::vector<char> Topology::reachingAny(std::vector<char> marked) const {
    marked.resize(boost::num_vertices(calls_), 0);
    return spread<false>(calls_, std::move(marked));
}

std::vector<char> Topology::reachedFromAny(std::vector<char> marked) const {
    marked.resize(boost::num_vertices(calls_), 0);
    return spread<true>(calls_, std::move(marked));
}

}  // namespace sw
