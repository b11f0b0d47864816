// What the board does once its cached list is older than the configured maximum age
// (offline too long): refuse everyone, honour standing/admin grants only, or carry on.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace hubgate::door {

enum class staleness_policy { deny_all, standing_only, keep_cached };

// The config strings: "deny_all", "standing_only", "keep_cached".
std::string_view to_string(staleness_policy p) noexcept;
std::optional<staleness_policy> parse_staleness_policy(std::string_view text) noexcept;

// How old the list is allowed to be. issued_at is the issue time of the newest message
// applied to the list (snapshot or delta); empty when the board holds no list at all.
// The list is stale when now - issued_at > max_age_seconds (age == max_age is still fresh).
struct list_freshness {
  std::optional<std::int64_t> issued_at;
  std::int64_t max_age_seconds = 24 * 3600;
  staleness_policy policy = staleness_policy::standing_only;
  // A list issued more than this far in the board's future means the board's clock is behind
  // (set back, or an RTC that lost power): its windows cannot be judged by it.
  std::int64_t future_skew_seconds = 300;
};

}  // namespace hubgate::door
