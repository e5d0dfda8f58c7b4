// The topology of a design in languages other tools read: Graphviz DOT,
// Mermaid (flowchart, architecture-beta) and Structurizr DSL. Regions and
// zones become clusters/groups/deployment nodes; call and replication edges
// are told apart. Names are text from a file: each writer first neutralises
// control characters and bidirectional overrides (sw::printable), then quotes
// what its language needs, so no name can end a string or start a statement.
// Identifiers in the output are generated (n0, r0, z0...), never taken from
// the design.
#pragma once

#include <string>

#include "model/Design.h"

namespace sw {

std::string toDot(const Design& design);

enum class MermaidStyle { Flowchart, Architecture };
std::string toMermaid(const Design& design, MermaidStyle style = MermaidStyle::Flowchart);

std::string toStructurizr(const Design& design);

// The escapers, exposed for the tests.
std::string dotQuoted(std::string_view text);         // "...", \" and \\ escaped
std::string mermaidLabel(std::string_view text);      // "...", entity codes for " # < > & `
std::string mermaidArchLabel(std::string_view text);  // a bracket title: only letters, digits, space - _ .
std::string structurizrQuoted(std::string_view text); // "...", " and \ replaced (no escapes in the DSL)

}  // namespace sw
