#include "booking/domain/rules.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "booking/domain/local_time.hpp"

namespace hubgate::domain {
namespace {

using namespace std::chrono;

std::string human(seconds s) {
  auto m = duration_cast<minutes>(s).count();
  if (m % 60 == 0) return fmt::format("{} h", m / 60);
  if (m >= 60) return fmt::format("{} h {} min", m / 60, m % 60);
  return fmt::format("{} min", m);
}

}  // namespace

outcome<void> check_duration(const space_rules& rules, time_range interval) {
  if (interval.empty())
    return field_failure("end", "before_start", "the end must be after the start");
  auto len = interval.length();
  if (len < rules.min_duration)
    return failure(errc::too_short,
                   fmt::format("bookings here last at least {}", human(rules.min_duration)));
  if (len > rules.max_duration)
    return failure(errc::too_long,
                   fmt::format("bookings here last at most {}", human(rules.max_duration)));
  return {};
}

outcome<void> check_lead_time(const space_rules& rules, sys_seconds start, sys_seconds now) {
  if (start < now + rules.lead_time)
    return failure(errc::too_soon,
                   rules.lead_time.count() == 0
                       ? std::string("the start has already passed")
                       : fmt::format("book at least {} in advance", human(rules.lead_time)));
  return {};
}

outcome<void> check_days_ahead(int max_days_ahead, sys_seconds start, sys_seconds now) {
  if (start > now + days{max_days_ahead})
    return failure(errc::too_far_ahead,
                   fmt::format("bookings open at most {} days ahead", max_days_ahead));
  return {};
}

int effective_max_days_ahead(const space& s, std::span<const group> user_groups) {
  std::optional<int> group_limit;
  for (const auto& g : user_groups) {
    if (!g.policy.max_days_ahead) return s.rules.max_days_ahead;  // this group does not limit
    group_limit = std::max(group_limit.value_or(0), *g.policy.max_days_ahead);
  }
  return group_limit ? std::min(*group_limit, s.rules.max_days_ahead) : s.rules.max_days_ahead;
}

outcome<void> check_kind_allowed(const actor& who, std::span<const group> user_groups,
                                 const space& s) {
  if (who.is_admin() || user_groups.empty()) return {};
  for (const auto& g : user_groups) {
    const auto& kinds = g.policy.bookable_kinds;
    if (kinds.empty() || std::find(kinds.begin(), kinds.end(), s.kind) != kinds.end()) return {};
  }
  return failure(errc::kind_not_allowed,
                 fmt::format("your groups may not book spaces of kind '{}'", to_string(s.kind)));
}

outcome<void> check_space_allowed(const actor& who, const space& s) {
  if (who.is_admin() || s.allowed_group_ids.empty()) return {};
  for (const auto& gid : who.group_ids)
    if (std::find(s.allowed_group_ids.begin(), s.allowed_group_ids.end(), gid) !=
        s.allowed_group_ids.end())
      return {};
  return failure(errc::space_not_allowed, "this space is reserved for other groups");
}

std::optional<seconds> effective_weekly_quota(std::span<const group> user_groups) {
  std::optional<double> best;
  for (const auto& g : user_groups) {
    if (!g.policy.weekly_quota_hours) return std::nullopt;
    best = std::max(best.value_or(0.0), *g.policy.weekly_quota_hours);
  }
  if (!best) return std::nullopt;
  return seconds{static_cast<long long>(*best * 3600.0)};
}

time_range quota_window(const date::time_zone* zone, time_range interval) {
  auto last = interval.to > interval.from ? interval.to - seconds{1} : interval.from;
  return {week_start(zone, interval.from), next_week_start(zone, last)};
}

outcome<void> check_quota(const date::time_zone* zone, seconds quota,
                          std::span<const booking> user_bookings, const booking& candidate) {
  auto window = quota_window(zone, candidate.interval());
  for (auto week_from = window.from; week_from < window.to;) {
    auto week_to = next_week_start(zone, week_from);
    time_range week{week_from, week_to};
    auto used = overlap_length(week, candidate.interval());
    for (const auto& b : user_bookings)
      if (b.active() && b.id != candidate.id && b.user_id == candidate.user_id)
        used += overlap_length(week, b.interval());
    if (used > quota)
      return failure(
          errc::quota_exceeded,
          fmt::format("this would use {} of your {} weekly quota in the week of {}", human(used),
                      human(quota), date::format("%F", local_date(zone, week_from))));
    week_from = week_to;
  }
  return {};
}

}  // namespace hubgate::domain
