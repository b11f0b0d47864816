// The door decision: pure and synchronous (no I/O, no clock reads, no time zones), so the
// daemon calls it inline on a tap and tests drive it with any time they like.
#pragma once
#include <cstdint>
#include <string_view>

#include "door_controller/decision/access_index.hpp"
#include "door_controller/decision/staleness_policy.hpp"
#include "door_controller/decision/verdict.hpp"
#include "protocol/pseudonym.hpp"

namespace hubgate::door {

// Checks, in order: no list -> no_list; revoked -> revoked; stale under deny_all ->
// list_stale; unknown card -> unknown_card; no entry for this door -> wrong_door; then the
// windows at now. Under standing_only a stale list opens only standing/admin windows, and a
// booking window that would have opened is reported as list_stale rather than outside_window.
// A list issued in the future (now < issued_at - future_skew_seconds) means the board's clock is
// untrusted: only standing and admin grants apply, judged at issued_at (the true time is at
// least that), and the verdict says clock_untrusted (granted or denied) so the event reports it.
verdict decide(const access_index& index, const protocol::pseudonym& card, std::string_view door_id,
               std::int64_t now_unix_seconds, const list_freshness& freshness);

// now - issued_at > max_age_seconds; false when there is no list.
bool is_stale(const list_freshness& freshness, std::int64_t now_unix_seconds) noexcept;

// now < issued_at - future_skew_seconds; false when there is no list.
bool is_clock_untrusted(const list_freshness& freshness, std::int64_t now_unix_seconds) noexcept;

}  // namespace hubgate::door
