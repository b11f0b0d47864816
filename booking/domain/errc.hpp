// Why the booking domain refuses something: one stable code per reason, so the api can map it
// to an HTTP status and a UI can explain it in plain words.
#pragma once
#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace hubgate::domain {

// The string form (to_string) is the problem `code` of the HTTP API and never changes.
// The comment after each value is the suggested HTTP status.
enum class errc {
  ok = 0,
  validation_failed = 1,          // 422, failure::fields says which fields and why
  not_found,                      // 404 (also for records the actor may not see)
  forbidden,                      // 403
  booking_conflict,               // 409, the seats/space are taken for that time
  capacity_exceeded_by_bookings,  // 409, capacity cut refused, failure::conflicts lists them
  quota_exceeded,                 // 409, weekly hours of the user's groups used up
  outside_opening_hours,          // 422, not within one open period of the space
  space_closed,                   // 422, the interval touches a closure (holiday, works)
  nonexistent_local_time,         // 422, wall time in a spring-forward gap
  ambiguous_local_time,           // 422, wall time in a fall-back overlap and no offset
  too_short,                      // 422, below the space's minimum duration
  too_long,                       // 422, above the space's maximum duration
  too_soon,                       // 422, starts before now + lead time
  too_far_ahead,                  // 422, beyond max days ahead (space or group, stricter)
  buffer_conflict,                // 409, too close to a neighbouring booking
  kind_not_allowed,               // 403, none of the user's groups may book this kind
  space_not_allowed,              // 403, the space is limited to other groups
  invalid_transition,             // 409, e.g. cancelling a completed booking
  email_taken,                    // 409
  seats_exceed_capacity,          // 422, more seats than the space has
  space_inactive,                 // 409, the space is deactivated
  check_in_not_open,              // 409, check-in outside start - grace .. end
  card_taken,                     // 409, the card identifier is enrolled already
  unknown_time_zone,              // 422
  in_the_past,                    // 422, the interval has already ended
  user_inactive,                  // 403
  name_taken,                     // 409, e.g. a second API token with the same name
  card_not_enrolled,              // 404, no credential holds the card looked up
  booking_not_editable,           // 409, the booking is no longer active (cancelled, ended...)
  booking_started,                // 409, a begun booking: only its end and title may change
};

const boost::system::error_category& domain_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
  return {static_cast<int>(e), domain_category()};
}

// Stable code string ("booking_conflict"); "unknown" for out-of-range values.
std::string_view to_string(errc e) noexcept;
// Suggested HTTP status for the api layer (500 for anything unknown).
int http_status(errc e) noexcept;
// Whether this error code belongs to the domain category (else it is, e.g., a store failure).
bool is_domain_error(const boost::system::error_code& ec) noexcept;

}  // namespace hubgate::domain

namespace boost::system {
template <>
struct is_error_code_enum<hubgate::domain::errc> : std::true_type {};
}  // namespace boost::system
