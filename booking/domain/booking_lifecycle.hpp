// The status machine of a booking and who may move it: pending -> confirmed | cancelled,
// confirmed -> checked_in | cancelled | released | completed, checked_in -> completed | cancelled.
#pragma once
#include <chrono>
#include <string_view>

#include "booking/domain/actor.hpp"
#include "booking/domain/booking.hpp"
#include "booking/domain/failure.hpp"
#include "booking/domain/space.hpp"

namespace hubgate::domain {

enum class booking_action { approve, reject, cancel, check_in, release, complete };
std::string_view to_string(booking_action a) noexcept;

// The status after `action`, or invalid_transition. checked_in -> cancelled needs now < end.
outcome<booking_status> next_status(const booking& b, booking_action action, sys_seconds now);

// Whether `who` may do it: the owner cancels and checks in their own bookings, an admin may
// do anything; approve/reject are admin-only; release/complete are for the system (admins).
// Check-in is only open from start - early_grace to end (check_in_not_open otherwise).
// A member acting on someone else's booking gets not_found (they may not know it exists).
outcome<void> check_may(const actor& who, const booking& b, booking_action action, sys_seconds now,
                        std::chrono::seconds early_grace);

// Begun: its start has passed or it is checked in (check-in opens shortly before the start).
bool has_begun(const booking& b, sys_seconds now) noexcept;

// Whether `who` may edit `b` at `now`, as for cancel: the owner or an admin (others get
// not_found). Only active bookings that have not ended (booking_not_editable); once begun or
// checked in only the end and the title may change, so `moves` (start, space or seats
// changed) is booking_started.
outcome<void> check_editable(const actor& who, const booking& b, bool moves, sys_seconds now);

// The status of an edited booking: an admin's edit and a title-only change keep it, and so
// does a checked-in booking; a member's new time, space or seats follow the space's approval
// rule as a new booking would (pending when it needs approval, else confirmed).
booking_status status_after_edit(const actor& who, const booking& before, bool reschedules,
                                 bool needs_approval);

// Whether a confirmed booking is a no-show at `now`: its space requires check-in and
// start + release_window has passed.
bool is_no_show(const space& s, const booking& b, sys_seconds now);

}  // namespace hubgate::domain
