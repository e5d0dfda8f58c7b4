#include "model/Link.h"

#include "model/EnumKeys.h"

namespace sw {
namespace {
constexpr std::array<std::pair<LinkKind, std::string_view>, 2> kKindKeys{
    {{LinkKind::Call, "call"}, {LinkKind::Replication, "replication"}}};
constexpr std::array<std::pair<LinkMode, std::string_view>, 3> kModeKeys{
    {{LinkMode::Sync, "sync"}, {LinkMode::Async, "async"}, {LinkMode::Quorum, "quorum"}}};
constexpr std::array<std::pair<Access, std::string_view>, 3> kAccessKeys{
    {{Access::Both, "both"}, {Access::Read, "read"}, {Access::Write, "write"}}};
}  // namespace

std::string_view linkKindKey(LinkKind k) { return detail::keyOf(kKindKeys, k); }
std::optional<LinkKind> linkKindFromKey(std::string_view key) {
    return detail::valueOf(kKindKeys, key);
}
std::string_view linkModeKey(LinkMode m) { return detail::keyOf(kModeKeys, m); }
std::optional<LinkMode> linkModeFromKey(std::string_view key) {
    return detail::valueOf(kModeKeys, key);
}
std::string_view accessKey(Access a) { return detail::keyOf(kAccessKeys, a); }
std::optional<Access> accessFromKey(std::string_view key) {
    return detail::valueOf(kAccessKeys, key);
}

}  // namespace sw
