#include "booking/domain/booking_lifecycle.hpp"

#include <fmt/format.h>

namespace hubgate::domain {
namespace {

failure invalid(const booking& b, booking_action a) {
  return failure(errc::invalid_transition,
                 fmt::format("a {} booking cannot be {}", to_string(b.status),
                             a == booking_action::check_in ? std::string("checked in")
                                                           : fmt::format("{}ed", to_string(a))));
}

}  // namespace

outcome<booking_status> next_status(const booking& b, booking_action action, sys_seconds now) {
  using s = booking_status;
  using a = booking_action;
  switch (b.status) {
    case s::pending:
      if (action == a::approve) return s::confirmed;
      if (action == a::reject || action == a::cancel) return s::cancelled;
      break;
    case s::confirmed:
      if (action == a::check_in) return s::checked_in;
      if (action == a::cancel) return s::cancelled;
      if (action == a::release) return s::released;
      if (action == a::complete) return s::completed;
      break;
    case s::checked_in:
      if (action == a::complete) return s::completed;
      if (action == a::cancel && now < b.end) return s::cancelled;
      break;
    default:
      break;
  }
  return invalid(b, action);
}

outcome<void> check_may(const actor& who, const booking& b, booking_action action, sys_seconds now,
                        std::chrono::seconds early_grace) {
  bool owner = who.user_id == b.user_id;
  if (!owner && !who.is_admin()) return failure(errc::not_found);
  switch (action) {
    case booking_action::approve:
    case booking_action::reject:
    case booking_action::release:
    case booking_action::complete:
      if (!who.is_admin()) return failure(errc::forbidden, "only an admin may do this");
      return {};
    case booking_action::check_in:
      if (now < b.start - early_grace || now >= b.end)
        return failure(errc::check_in_not_open,
                       "check-in opens shortly before the start and closes at the end");
      return {};
    case booking_action::cancel:
      return {};
  }
  return failure(errc::forbidden);
}

bool has_begun(const booking& b, sys_seconds now) noexcept {
  return now >= b.start || b.status == booking_status::checked_in;
}

outcome<void> check_editable(const actor& who, const booking& b, bool moves, sys_seconds now) {
  if (who.user_id != b.user_id && !who.is_admin()) return failure(errc::not_found);
  if (!b.active() || now >= b.end)
    return failure(errc::booking_not_editable,
                   fmt::format("a {} booking cannot be changed",
                               now >= b.end && b.active() ? "past" : to_string(b.status)));
  if (has_begun(b, now) && moves)
    return failure(errc::booking_started,
                   "this booking has begun: only its end and title can be changed");
  return {};
}

booking_status status_after_edit(const actor& who, const booking& before, bool reschedules,
                                 bool needs_approval) {
  if (who.is_admin() || !reschedules || before.status == booking_status::checked_in)
    return before.status;
  return needs_approval ? booking_status::pending : booking_status::confirmed;
}

bool is_no_show(const space& s, const booking& b, sys_seconds now) {
  return s.check_in_required && b.status == booking_status::confirmed &&
         now >= b.start + s.release_window;
}

}  // namespace hubgate::domain
