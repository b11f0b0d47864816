// A half-open UTC interval [from, to), the unit of every booking and availability question.
// Instants are std::chrono::sys_seconds: UTC, whole seconds.
#pragma once
#include <algorithm>
#include <chrono>

namespace hubgate::domain {

using std::chrono::sys_seconds;

struct time_range {
  sys_seconds from;
  sys_seconds to;

  bool empty() const noexcept { return to <= from; }
  std::chrono::seconds length() const noexcept { return to - from; }
  bool overlaps(const time_range& o) const noexcept { return from < o.to && o.from < to; }
  bool contains(const time_range& o) const noexcept { return from <= o.from && o.to <= to; }
  bool contains(sys_seconds t) const noexcept { return from <= t && t < to; }
  friend bool operator==(const time_range&, const time_range&) = default;
};

// Length of the intersection (zero when disjoint).
inline std::chrono::seconds overlap_length(const time_range& a, const time_range& b) noexcept {
  auto lo = std::max(a.from, b.from);
  auto hi = std::min(a.to, b.to);
  return hi > lo ? hi - lo : std::chrono::seconds{0};
}

}  // namespace hubgate::domain
