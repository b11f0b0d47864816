#include "booking/domain/availability.hpp"

#include <algorithm>
#include <utility>

namespace hubgate::domain {

std::vector<free_segment> free_segments(const space& s, std::span<const booking> bookings,
                                        time_range window) {
  std::vector<free_segment> out;
  if (window.empty()) return out;
  bool exclusive = s.mode == booking_mode::exclusive;
  std::vector<std::pair<sys_seconds, int>> ev;
  for (const auto& b : bookings) {
    if (!b.active()) continue;
    // In an exclusive space a booking also blocks its buffer on both sides.
    auto from = exclusive ? b.start - s.rules.buffer : b.start;
    auto to = exclusive ? b.end + s.rules.buffer : b.end;
    from = std::max(from, window.from);
    to = std::min(to, window.to);
    if (from >= to) continue;
    int weight = exclusive ? 1 : b.seats;
    ev.emplace_back(from, weight);
    ev.emplace_back(to, -weight);
  }
  std::sort(ev.begin(), ev.end());
  auto free_for = [&](int taken) {
    if (exclusive) return taken > 0 ? 0 : s.capacity;
    return std::max(0, s.capacity - taken);
  };
  auto push = [&](sys_seconds from, sys_seconds to, int free) {
    if (from >= to) return;
    if (!out.empty() && out.back().free == free && out.back().to == from)
      out.back().to = to;
    else
      out.push_back({from, to, free});
  };
  int taken = 0;
  auto cursor = window.from;
  for (std::size_t i = 0; i < ev.size();) {
    auto t = ev[i].first;
    push(cursor, t, free_for(taken));
    for (; i < ev.size() && ev[i].first == t; ++i) taken += ev[i].second;
    cursor = t;
  }
  push(cursor, window.to, free_for(taken));
  return out;
}

int free_seats(const space& s, std::span<const booking> bookings, time_range window) {
  if (window.empty()) return 0;
  // The common cases without building the timeline: a search asks this of every candidate.
  const bool exclusive = s.mode == booking_mode::exclusive;
  const booking* only = nullptr;
  int overlapping = 0;
  for (const auto& b : bookings) {
    if (!b.active()) continue;
    const auto from = exclusive ? b.start - s.rules.buffer : b.start;
    const auto to = exclusive ? b.end + s.rules.buffer : b.end;
    if (std::max(from, window.from) >= std::min(to, window.to)) continue;
    if (exclusive) return 0;
    only = &b;
    ++overlapping;
  }
  if (overlapping == 0) return s.capacity;
  if (overlapping == 1) return std::max(0, s.capacity - only->seats);
  auto segs = free_segments(s, bookings, window);
  if (segs.empty()) return 0;
  int m = segs.front().free;
  for (const auto& seg : segs) m = std::min(m, seg.free);
  return m;
}

bool is_free(const space& s, std::span<const booking> bookings, time_range window, int seats) {
  return seats >= 1 && seats <= s.capacity && free_seats(s, bookings, window) >= seats;
}

std::vector<free_segment> mask_closed(std::vector<free_segment> segments,
                                      std::span<const time_range> open) {
  std::vector<free_segment> out;
  auto push = [&](sys_seconds from, sys_seconds to, int free) {
    if (from >= to) return;
    if (!out.empty() && out.back().free == free && out.back().to == from)
      out.back().to = to;
    else
      out.push_back({from, to, free});
  };
  for (const auto& seg : segments) {
    auto cursor = seg.from;
    for (const auto& o : open) {
      if (o.to <= cursor || o.from >= seg.to) continue;
      auto from = std::max(o.from, cursor);
      auto to = std::min(o.to, seg.to);
      push(cursor, from, 0);
      push(from, to, seg.free);
      cursor = to;
    }
    push(cursor, seg.to, 0);
  }
  return out;
}

}  // namespace hubgate::domain
