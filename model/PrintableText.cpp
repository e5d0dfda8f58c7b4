#include "model/PrintableText.h"

#include <cstdint>
#include <utility>

namespace sw {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void hexEscape(std::string& out, char kind, std::uint32_t v, int digits) {
    out += '\\';
    out += kind;
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 15];
}

// The code point a two- or three-byte UTF-8 sequence at `s[i]` encodes, with
// its length; {0, 0} when it is not one of those.
std::pair<std::uint32_t, std::size_t> decode(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    if (b(i) >= 0xC2 && b(i) <= 0xDF && i + 1 < s.size() && (b(i + 1) & 0xC0) == 0x80)
        return {((b(i) & 0x1Fu) << 6) | (b(i + 1) & 0x3Fu), 2};
    if ((b(i) & 0xF0) == 0xE0 && i + 2 < s.size() && (b(i + 1) & 0xC0) == 0x80 && (b(i + 2) & 0xC0) == 0x80)
        return {((b(i) & 0x0Fu) << 12) | ((b(i + 1) & 0x3Fu) << 6) | (b(i + 2) & 0x3Fu), 3};
    return {0, 0};
}

bool reorders(std::uint32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c == 0x7f) hexEscape(out, 'x', c, 2);
        else if (c >= 0x80) {
            const auto [cp, len] = decode(text, i);
            if (len > 0 && ((cp >= 0x80 && cp <= 0x9F) || reorders(cp))) {
                hexEscape(out, 'u', cp, 4);
                i += len;
                continue;
            }
            out += static_cast<char>(c);
        } else out += static_cast<char>(c);
        ++i;
    }
    return out;
}

std::string quoteText(std::string_view text, std::size_t max) {
    std::size_t cut = text.size();
    if (cut > max) {
        cut = max;   // at a character boundary, never inside a UTF-8 sequence
        while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
    }
    return "'" + printable(text.substr(0, cut)) + (cut < text.size() ? "..." : "") + "'";
}

}  // namespace sw
