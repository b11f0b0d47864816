#include "booking/controllers/board_events.hpp"

#include <algorithm>

namespace hubgate::controllers {
namespace {

std::int64_t unix_ms(std::chrono::sys_seconds t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace

std::string_view to_string(event_refusal r) noexcept {
  switch (r) {
    case event_refusal::foreign_door:
      return "foreign_door";
    case event_refusal::before_enrolment:
      return "before_enrolment";
  }
  return "unknown";
}

std::chrono::sys_seconds earliest_event_time(std::optional<std::chrono::sys_seconds> enrolled_at,
                                             std::chrono::sys_seconds created_at,
                                             std::chrono::seconds clock_tolerance) {
  return enrolled_at.value_or(created_at) - clock_tolerance;
}

screened_events screen_events(const std::vector<protocol::access_event>& events,
                              const std::set<std::string, std::less<>>& own_doors,
                              std::chrono::sys_seconds not_before) {
  screened_events out;
  const auto floor_ms = unix_ms(not_before);
  for (const auto& e : events) {
    if (!own_doors.contains(e.door_id))
      out.refused.push_back({e, event_refusal::foreign_door});
    else if (e.at < floor_ms)
      out.refused.push_back({e, event_refusal::before_enrolment});
    else
      out.accepted.push_back(e);
  }
  return out;
}

std::chrono::sys_seconds tap_time(const protocol::access_event& e, std::chrono::sys_seconds now) {
  return std::min(now, std::chrono::sys_seconds{std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::milliseconds{e.at})});
}

}  // namespace hubgate::controllers
