// The design's call graph on Boost.Graph: who calls whom, in which order,
// whether calls loop. Vertices are indices into Design::components.
#pragma once

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "model/Design.h"

namespace sw {

class Topology {
public:
    struct EdgeInfo {
        int link = -1;   // index into Design::links
    };
    // Edges are never removed, so the edge list can be a vector: one
    // allocation for all of them instead of one list node per call link.
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                        boost::no_property, EdgeInfo, boost::no_property, boost::vecS>;

    // Builds the call graph; links whose endpoints are missing, and links from
    // a component to itself, are left out (validation reports them).
    explicit Topology(const Design& design);

    const Graph& callGraph() const { return calls_; }
    int indexOf(std::string_view componentId) const;   // -1 when absent
    // A link's endpoints as component indices, looked up once (-1 when absent).
    int linkFrom(std::size_t link) const { return linkFrom_[link]; }
    int linkTo(std::size_t link) const { return linkTo_[link]; }
    std::size_t size() const { return boost::num_vertices(calls_); }

    // Indices of the links leaving / entering a component on the call graph.
    std::vector<int> outgoingCalls(int component) const;
    std::vector<int> incomingCalls(int component) const;
    // Replication links (not part of the call graph) touching a component.
    const std::vector<int>& replicationOut(int component) const { return replOut_[component]; }
    const std::vector<int>& replicationIn(int component) const { return replIn_[component]; }

    // A cycle of calls as component indices in call order, or nothing.
    std::optional<std::vector<int>> findCallCycle() const;
    // Callers before callees; empty when the call graph has a cycle.
    std::vector<int> topologicalOrder() const;
    // Which components a request entering at `from` can reach through calls.
    std::vector<char> reachableFrom(int from) const;
    // Which components reach, or are reached from, any of the marked ones
    // through calls (the marks included): one search for all of them.
    std::vector<char> reachingAny(std::vector<char> marked) const;
    std::vector<char> reachedFromAny(std::vector<char> marked) const;

private:
    const Design& design_;
    Graph calls_;
    std::unordered_map<std::string_view, int> index_;
    std::vector<std::vector<int>> replOut_, replIn_;
    std::vector<int> linkFrom_, linkTo_;
};

}  // namespace sw
