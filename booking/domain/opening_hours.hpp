// Weekly opening hours and closures in local wall time, shared by sites, spaces and group
// door grants. Converting them to UTC (and checking a booking) is in local_time.hpp.
#pragma once
#include <date/date.h>

#include <array>
#include <chrono>
#include <string>
#include <vector>

namespace hubgate::domain {

// [open, close) as minutes since local midnight; close may be 24h (the end of the day).
struct local_interval {
  std::chrono::minutes open{0};
  std::chrono::minutes close{0};
  friend bool operator==(const local_interval&, const local_interval&) = default;
};

// days[0] is Monday ... days[6] is Sunday (ISO weekday - 1). An empty day is closed.
struct weekly_hours {
  std::array<std::vector<local_interval>, 7> days;

  static weekly_hours always_open();  // 00:00-24:00 every day
  bool empty() const noexcept;
  friend bool operator==(const weekly_hours&, const weekly_hours&) = default;
};

// Closed on the local dates first..last, both inclusive (a holiday, works, an event).
struct closure {
  date::year_month_day first;
  date::year_month_day last;
  std::string reason;
  friend bool operator==(const closure&, const closure&) = default;
};

// ISO index (0 = Monday) of a weekday.
inline unsigned iso_index(date::weekday wd) noexcept {
  return wd.iso_encoding() - 1;
}

}  // namespace hubgate::domain
