// The booking rules and group policies as pure functions of their inputs (time is passed in).
// Each refusal has its own errc so a UI can say exactly why.
#pragma once
#include <date/tz.h>

#include <chrono>
#include <optional>
#include <span>
#include <vector>

#include "booking/domain/actor.hpp"
#include "booking/domain/booking.hpp"
#include "booking/domain/failure.hpp"
#include "booking/domain/group.hpp"
#include "booking/domain/space.hpp"

namespace hubgate::domain {

// too_short / too_long; validation_failed when end <= start.
outcome<void> check_duration(const space_rules& rules, time_range interval);
// too_soon when start < now + lead_time.
outcome<void> check_lead_time(const space_rules& rules, sys_seconds start, sys_seconds now);
// too_far_ahead when start > now + max_days_ahead days.
outcome<void> check_days_ahead(int max_days_ahead, sys_seconds start, sys_seconds now);

// The stricter of the space's rule and the user's groups' (a user in several groups gets the
// most generous of their groups' values; groups without a value do not limit).
int effective_max_days_ahead(const space& s, std::span<const group> user_groups);

// kind_not_allowed unless some group of the user may book this kind (a group with no listed
// kinds may book every kind; a user in no group is not limited by kind). Admins always may.
outcome<void> check_kind_allowed(const actor& who, std::span<const group> user_groups,
                                 const space& s);
// space_not_allowed when the space lists groups and the actor is in none of them (not admin).
outcome<void> check_space_allowed(const actor& who, const space& s);

// The weekly quota of the user: the most generous of their groups' quotas, or none when any
// of their groups has no quota or they are in no group.
std::optional<std::chrono::seconds> effective_weekly_quota(std::span<const group> user_groups);

// quota_exceeded when, in any local ISO week the candidate touches, the hours of the user's
// active bookings in that week (other than the candidate) plus the candidate's exceed the
// quota. A booking spanning two weeks counts its part in each.
outcome<void> check_quota(const date::time_zone* zone, std::chrono::seconds quota,
                          std::span<const booking> user_bookings, const booking& candidate);

// The UTC span of the local weeks `interval` touches: what the store must read for a quota.
time_range quota_window(const date::time_zone* zone, time_range interval);

}  // namespace hubgate::domain
