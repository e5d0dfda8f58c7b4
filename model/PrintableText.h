// Text from a file made safe to print on a terminal: a design named
// "\e[31mRED\e[0m\n\rFAKE: 0 error(s)" must not colour the screen or forge a
// line. Every front end that prints a name, an id or a message built from
// them goes through here (JSON output is escaped by its writer instead).
#pragma once

#include <string>
#include <string_view>

namespace sw {

// `text` with control characters written as escapes: \n \r \t, other C0
// controls and DEL as \xNN, C1 controls (U+0080..U+009F) and the bidirectional
// overrides and isolates (U+202A..U+202E, U+2066..U+2069, which reorder what a
// terminal shows) as \uNNNN. Everything else, UTF-8 included, is unchanged.
std::string printable(std::string_view text);

// Text from a file shown in a one-line message: printable(), in single quotes,
// cut after `max` bytes of the original ("'a\\nb'", "'xxxx...'").
std::string quoteText(std::string_view text, std::size_t max = 60);

}  // namespace sw
