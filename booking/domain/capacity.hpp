// The single definition of "capacity is not exceeded", used by the store inside the
// transaction that inserts a booking or cuts a capacity, and by availability.
#pragma once
#include <span>
#include <vector>

#include "booking/domain/booking.hpp"
#include "booking/domain/failure.hpp"
#include "booking/domain/space.hpp"

namespace hubgate::domain {

// The interval the store must read existing bookings for: the candidate widened by the
// space's buffer (exclusive spaces only).
time_range capacity_window(const space& s, time_range candidate);

// Whether `candidate` fits next to `existing` (bookings of the same space; inactive ones and
// one with the candidate's id are ignored, so it also re-checks a stored booking):
// exclusive: seats <= capacity (else seats_exceed_capacity), no active booking overlapping
// (booking_conflict) or within the buffer (buffer_conflict);
// shared: seats <= capacity, and at every instant of the candidate the seats of the
// overlapping active bookings plus its own are <= capacity (booking_conflict).
// failure::conflicts lists the blocking bookings' id/interval/seats (no personal data).
outcome<void> check_capacity(const space& s, std::span<const booking> existing,
                             const booking& candidate);

// Highest number of seats held at once by active bookings within `window`.
int peak_seats(std::span<const booking> bookings, time_range window);

// A capacity cut (or a mode change to exclusive) is refused with
// capacity_exceeded_by_bookings when future active bookings (end > now) would not fit;
// failure::conflicts lists every future active booking taking part in an over-capacity peak.
outcome<void> check_capacity_cut(const space& changed, std::span<const booking> bookings,
                                 sys_seconds now);

}  // namespace hubgate::domain
