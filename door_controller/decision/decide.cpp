#include "door_controller/decision/decide.hpp"

#include <algorithm>
#include <limits>

namespace hubgate::door {

bool is_stale(const list_freshness& freshness, std::int64_t now_unix_seconds) noexcept {
  if (!freshness.issued_at) return false;
  // Saturating, so absurd clocks or ages cannot overflow into "fresh".
  const std::int64_t issued = *freshness.issued_at;
  std::int64_t age;
  if (__builtin_sub_overflow(now_unix_seconds, issued, &age))
    age = now_unix_seconds > issued ? std::numeric_limits<std::int64_t>::max()
                                    : std::numeric_limits<std::int64_t>::min();
  return age > freshness.max_age_seconds;
}

bool is_clock_untrusted(const list_freshness& freshness, std::int64_t now_unix_seconds) noexcept {
  if (!freshness.issued_at) return false;
  std::int64_t earliest;
  if (__builtin_sub_overflow(*freshness.issued_at, freshness.future_skew_seconds, &earliest))
    earliest = std::numeric_limits<std::int64_t>::min();
  return now_unix_seconds < earliest;
}

namespace {

// A clock set back could reopen a past booking and hides how old the list is; the signed issue
// time is the best lower bound of the real time, so standing and admin windows are judged there.
verdict decide_with_untrusted_clock(const door_windows& door, std::int64_t issued_at) {
  verdict v = verdict::deny(deny_reason::clock_untrusted);
  if (windows_contain(door.admin, issued_at))
    v = verdict::grant(protocol::grant_source::admin);
  else if (windows_contain(door.standing, issued_at))
    v = verdict::grant(protocol::grant_source::standing);
  v.clock_untrusted = true;
  return v;
}

}  // namespace

verdict decide(const access_index& index, const protocol::pseudonym& card, std::string_view door_id,
               std::int64_t now_unix_seconds, const list_freshness& freshness) {
  if (!freshness.issued_at) return verdict::deny(deny_reason::no_list);
  if (index.is_revoked(card)) return verdict::deny(deny_reason::revoked);
  const bool stale = is_stale(freshness, now_unix_seconds);
  if (stale && freshness.policy == staleness_policy::deny_all)
    return verdict::deny(deny_reason::list_stale);

  const auto* doors = index.doors_of(card);
  if (!doors) return verdict::deny(deny_reason::unknown_card);
  auto it = std::find_if(doors->begin(), doors->end(),
                         [&](const door_windows& d) { return d.door_id == door_id; });
  if (it == doors->end()) return verdict::deny(deny_reason::wrong_door);
  if (is_clock_untrusted(freshness, now_unix_seconds))
    return decide_with_untrusted_clock(*it, *freshness.issued_at);

  if (windows_contain(it->admin, now_unix_seconds))
    return verdict::grant(protocol::grant_source::admin);
  if (windows_contain(it->standing, now_unix_seconds))
    return verdict::grant(protocol::grant_source::standing);
  if (windows_contain(it->booking, now_unix_seconds)) {
    if (stale && freshness.policy == staleness_policy::standing_only)
      return verdict::deny(deny_reason::list_stale);
    return verdict::grant(protocol::grant_source::booking);
  }
  return verdict::deny(deny_reason::outside_window);
}

}  // namespace hubgate::door
