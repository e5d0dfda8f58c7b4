#include "model/JsonGuard.h"

#include <algorithm>
#include <new>
#include <unordered_set>
#include <vector>

#include "model/FieldSpec.h"
#include "model/JsonFormat.h"

namespace sw::detail {
namespace {

using nlohmann::json;

// Finds the first place where arrays/objects nest deeper than allowed,
// without recursion, before any parsing.
std::optional<std::string> nestingProblem(std::string_view text) {
    int depth = 0;
    bool inString = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > kJsonMaxDepth)
                return "JSON nests deeper than " + std::to_string(kJsonMaxDepth) + " levels (at byte " +
                       std::to_string(i) + ")";
        } else if (c == ']' || c == '}') --depth;
    }
    return std::nullopt;
}

// Builds the DOM through nlohmann's own SAX DOM builder while keeping the
// path of the value being read, refusing duplicate keys and too many values.
class GuardedSax {
public:
    explicit GuardedSax(json& root) : dom_(root, false) {}
    std::string error;

    bool null() { return value() && dom_.null(); }
    bool boolean(bool v) { return value() && dom_.boolean(v); }
    bool number_integer(json::number_integer_t v) { return value() && dom_.number_integer(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value() && dom_.number_unsigned(v); }
    bool number_float(json::number_float_t v, const std::string& s) { return value() && dom_.number_float(v, s); }
    bool string(std::string& v) { return value() && dom_.string(v); }
    bool binary(json::binary_t& v) { return value() && dom_.binary(v); }
    bool start_object(std::size_t n) {
        if (!value()) return false;
        frames_.push_back({true, 0, {}, {}, {}});
        return dom_.start_object(n);
    }
    bool end_object() {
        frames_.pop_back();
        return dom_.end_object();
    }
    bool start_array(std::size_t n) {
        if (!value()) return false;
        frames_.push_back({false, 0, {}, {}, {}});
        return dom_.start_array(n);
    }
    bool end_array() {
        frames_.pop_back();
        return dom_.end_array();
    }
    bool key(std::string& k) {
        Frame& f = frames_.back();
        // Objects are small; past a few dozen keys a hash set keeps this linear.
        bool repeated;
        if (f.keys.size() < 32) {
            repeated = std::find(f.keys.begin(), f.keys.end(), k) != f.keys.end();
            f.keys.push_back(k);
            if (f.keys.size() == 32) f.bigKeys.insert(f.keys.begin(), f.keys.end());
        } else {
            repeated = !f.bigKeys.insert(k).second;
        }
        f.key = k;
        if (repeated) {
            error = jsonShown(pathOfNext()) + ": the key appears twice in one object";
            return false;
        }
        return dom_.key(k);
    }
    template <class Exception>
    bool parse_error(std::size_t, const std::string& token, const Exception& ex) {
        if (!error.empty()) return false;
        if (ex.id == 406) {   // a number beyond double's range, e.g. 1e309
            error = jsonShown(pathOfNext()) + ": number is too large to represent";
            return false;
        }
        // nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column 9:
        // <reason>; last read: '<token>'", and the token can be megabytes long.
        std::string what = ex.what();
        if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
        if (auto pos = what.find("; last read: "); pos != std::string::npos) what.resize(pos);
        std::string tail = token.size() > 40 ? token.substr(token.size() - 40) : token;
        error = "JSON " + what + "; last read: " + quoteText(tail, 60);
        const auto start = tail.find_last_of(":,[ ");
        const std::string literal = start == std::string::npos ? tail : tail.substr(start + 1);
        const bool badToken = what.find("invalid literal") != std::string::npos ||
                              what.find("expected digit after '-'") != std::string::npos;
        if (badToken && !literal.empty() &&
            std::string_view("NnIi-").find(literal[0]) != std::string_view::npos)
            error += " (NaN and Infinity are not JSON numbers)";
        return false;
    }

private:
    struct Frame {
        bool object;
        std::size_t index;   // arrays: the index of the next element
        std::string key;     // objects: the key being read
        std::vector<std::string> keys;
        std::unordered_set<std::string> bigKeys;
    };

    // Counts a value and steps the enclosing array's index.
    bool value() {
        if (++values_ > kJsonMaxValues) {
            error = "JSON holds more than " + std::to_string(kJsonMaxValues) + " values";
            return false;
        }
        if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
        return true;
    }

    // The path of the value the parser is about to deliver.
    std::string pathOfNext() const {
        std::string p;
        for (std::size_t i = 0; i < frames_.size(); ++i) {
            const Frame& f = frames_[i];
            const bool last = i + 1 == frames_.size();
            if (f.object) p = jsonChild(p, f.key);
            else p += "[" + std::to_string(last ? f.index : f.index - 1) + "]";
        }
        return p;
    }

    nlohmann::detail::json_sax_dom_parser<json> dom_;
    std::vector<Frame> frames_;
    std::size_t values_ = 0;
};

}  // namespace

std::string jsonChild(const std::string& path, std::string_view key) {
    std::string k = key.size() > 60 ? std::string(key.substr(0, 60)) + "..." : std::string(key);
    for (char& c : k)
        if (static_cast<unsigned char>(c) < 0x20) c = '?';
    return path.empty() ? k : path + "." + k;
}

std::string jsonShown(const std::string& path) { return path.empty() ? "$" : path; }

Result<nlohmann::json> parseJsonGuarded(std::string_view text) {
    if (auto deep = nestingProblem(text)) return Result<json>::failure(*deep);
    json root;
    GuardedSax sax(root);
    try {
        const bool ok = json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, true);
        if (!ok || !sax.error.empty())
            return Result<json>::failure(sax.error.empty() ? "JSON could not be parsed" : sax.error);
    } catch (const std::bad_alloc&) {
        return Result<json>::failure("JSON is too large to hold in memory");
    } catch (const std::exception& e) {
        return Result<json>::failure(std::string("JSON could not be parsed: ") + e.what());
    }
    return root;
}

}  // namespace sw::detail
