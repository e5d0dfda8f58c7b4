// Edges between components: calls carry requests, replication carries writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sw {

enum class LinkKind : std::uint8_t { Call, Replication };
enum class LinkMode : std::uint8_t { Sync, Async, Quorum };
enum class Access : std::uint8_t { Both, Read, Write };

struct LinkParams {
    double fraction = 1;        // share of the caller's requests that take this edge
    double extra_latency_ms = 0; // measured or injected latency added to the hop

    bool operator==(const LinkParams&) const = default;
};

struct Link {
    std::string id;
    LinkKind kind = LinkKind::Call;
    std::string from;
    std::string to;
    LinkMode mode = LinkMode::Sync;
    Access access = Access::Both;
    LinkParams params;

    bool operator==(const Link&) const = default;
};

std::string_view linkKindKey(LinkKind k);
std::optional<LinkKind> linkKindFromKey(std::string_view key);
std::string_view linkModeKey(LinkMode m);
std::optional<LinkMode> linkModeFromKey(std::string_view key);
std::string_view accessKey(Access a);
std::optional<Access> accessFromKey(std::string_view key);

}  // namespace sw
