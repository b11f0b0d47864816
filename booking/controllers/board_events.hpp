// Which events a board may report, as a pure rule: a board speaks only for its own doors,
// and only about the time since it exists. The stream stores what passes and refuses the
// rest (logged and counted), so a stolen or buggy board cannot write another door's log or
// check in a booking through a door it is not wired to.
#pragma once
#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/event.hpp"

namespace hubgate::controllers {

enum class event_refusal { foreign_door, before_enrolment };
std::string_view to_string(event_refusal r) noexcept;

struct refused_event {
  protocol::access_event event;
  event_refusal why;
};

struct screened_events {
  std::vector<protocol::access_event> accepted;
  std::vector<refused_event> refused;
};

// The earliest `at` a board's event may carry. A board cannot have recorded anything before
// it was enrolled (its queue starts then), so that is the floor, less `clock_tolerance` for
// a board clock that ran behind the service's at first contact. Not yet enrolled: its
// creation, which comes earlier still.
std::chrono::sys_seconds earliest_event_time(std::optional<std::chrono::sys_seconds> enrolled_at,
                                             std::chrono::sys_seconds created_at,
                                             std::chrono::seconds clock_tolerance);

// Splits a batch: accepted when the event's door is one of `own_doors` and its `at` is not
// before `not_before`; the order of the batch is kept on both sides.
screened_events screen_events(const std::vector<protocol::access_event>& events,
                              const std::set<std::string, std::less<>>& own_doors,
                              std::chrono::sys_seconds not_before);

// When a tap happened, for acting on it (check-in): the board's clock, never later than now.
// The floor is screen_events' not_before, applied before.
std::chrono::sys_seconds tap_time(const protocol::access_event& e, std::chrono::sys_seconds now);

}  // namespace hubgate::controllers
