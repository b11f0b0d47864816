// Free seats of a space over time, computed from its bookings: for timelines, floor plans and
// the "which rooms are free from 10 to 12" search.
#pragma once
#include <span>
#include <vector>

#include "booking/domain/booking.hpp"
#include "booking/domain/space.hpp"
#include "booking/domain/time_range.hpp"

namespace hubgate::domain {

struct free_segment {
  sys_seconds from;
  sys_seconds to;
  int free = 0;  // seats that can still be booked throughout [from, to)
  friend bool operator==(const free_segment&, const free_segment&) = default;
};

// [from, to) split where the free seats change; neighbours with equal values are merged.
// Exclusive spaces are 0 or capacity (a booking's buffer counts as taken).
std::vector<free_segment> free_segments(const space& s, std::span<const booking> bookings,
                                        time_range window);

// Seats free throughout the window (the minimum over it).
int free_seats(const space& s, std::span<const booking> bookings, time_range window);

// Whether `seats` can be booked for the whole window (capacity-wise only; rules apart).
bool is_free(const space& s, std::span<const booking> bookings, time_range window, int seats);

// Marks as 0 the parts of `segments` outside the given open periods (sorted, disjoint).
std::vector<free_segment> mask_closed(std::vector<free_segment> segments,
                                      std::span<const time_range> open);

}  // namespace hubgate::domain
