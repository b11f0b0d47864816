#include "booking/domain/capacity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace hubgate::domain {
namespace {

conflicting_booking as_conflict(const booking& b) {
  return {b.id, b.start, b.end, b.seats};
}

// Seat changes at booking boundaries within `window`, sorted; ends before starts at equal
// instants because intervals are half-open.
std::vector<std::pair<sys_seconds, int>> seat_events(std::span<const booking> bookings,
                                                     time_range window,
                                                     std::string_view skip_id = {}) {
  std::vector<std::pair<sys_seconds, int>> ev;
  for (const auto& b : bookings) {
    if (!b.active() || (!skip_id.empty() && b.id == skip_id)) continue;
    auto from = std::max(b.start, window.from);
    auto to = std::min(b.end, window.to);
    if (from >= to) continue;
    ev.emplace_back(from, b.seats);
    ev.emplace_back(to, -b.seats);
  }
  std::sort(ev.begin(), ev.end());  // (t, -n) sorts before (t, +n)
  return ev;
}

}  // namespace

time_range capacity_window(const space& s, time_range candidate) {
  if (s.mode == booking_mode::exclusive)
    return {candidate.from - s.rules.buffer, candidate.to + s.rules.buffer};
  return candidate;
}

int peak_seats(std::span<const booking> bookings, time_range window) {
  int cur = 0, peak = 0;
  for (const auto& [t, d] : seat_events(bookings, window)) {
    cur += d;
    peak = std::max(peak, cur);
  }
  return peak;
}

outcome<void> check_capacity(const space& s, std::span<const booking> existing,
                             const booking& candidate) {
  if (candidate.seats < 1) return field_failure("seats", "out_of_range", "book at least one seat");
  if (candidate.seats > s.capacity)
    return failure(errc::seats_exceed_capacity, fmt::format("this space has {} seats", s.capacity));
  auto iv = candidate.interval();
  if (s.mode == booking_mode::exclusive) {
    failure overlap(errc::booking_conflict, "the space is already booked for that time");
    failure buffer(errc::buffer_conflict, "too close to another booking of this space");
    auto widened = capacity_window(s, iv);
    for (const auto& b : existing) {
      if (!b.active() || b.id == candidate.id) continue;
      if (b.interval().overlaps(iv))
        overlap.conflicts.push_back(as_conflict(b));
      else if (b.interval().overlaps(widened))
        buffer.conflicts.push_back(as_conflict(b));
    }
    if (!overlap.conflicts.empty()) return overlap;
    if (!buffer.conflicts.empty()) return buffer;
    return {};
  }
  int limit = s.capacity - candidate.seats;
  int cur = 0;
  for (const auto& [t, d] : seat_events(existing, iv, candidate.id)) {
    cur += d;
    if (cur > limit) {
      failure f(errc::booking_conflict,
                fmt::format("only {} of {} seats are free for the whole time",
                            std::max(0, s.capacity - peak_seats(existing, iv)), s.capacity));
      for (const auto& b : existing)
        if (b.active() && b.id != candidate.id && b.interval().overlaps(iv))
          f.conflicts.push_back(as_conflict(b));
      return f;
    }
  }
  return {};
}

outcome<void> check_capacity_cut(const space& changed, std::span<const booking> bookings,
                                 sys_seconds now) {
  std::vector<booking> future;
  for (const auto& b : bookings)
    if (b.active() && b.end > now) future.push_back(b);
  failure f(errc::capacity_exceeded_by_bookings,
            fmt::format("future bookings need more than {} seats", changed.capacity));
  for (const auto& b : future) {
    bool over = false;
    if (b.seats > changed.capacity) {
      over = true;
    } else if (changed.mode == booking_mode::exclusive) {
      over = std::any_of(future.begin(), future.end(), [&](const booking& o) {
        return o.id != b.id && o.interval().overlaps(b.interval());
      });
    } else {
      over = peak_seats(future, b.interval()) > changed.capacity;
    }
    if (over) f.conflicts.push_back(as_conflict(b));
  }
  if (!f.conflicts.empty()) return f;
  return {};
}

}  // namespace hubgate::domain
