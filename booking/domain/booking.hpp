// A booking of seats in a space for a UTC interval, and its lifecycle status. Pending,
// confirmed and checked-in bookings are "active": they hold their seats.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "booking/domain/time_range.hpp"

namespace hubgate::domain {

enum class booking_status { pending, confirmed, checked_in, released, cancelled, completed };
std::string_view to_string(booking_status s) noexcept;
std::optional<booking_status> parse_booking_status(std::string_view s) noexcept;

constexpr bool is_active(booking_status s) noexcept {
  return s == booking_status::pending || s == booking_status::confirmed ||
         s == booking_status::checked_in;
}

struct booking {
  std::string id;  // assigned by the store when empty on insert
  std::string space_id;
  std::string user_id;
  sys_seconds start{};
  sys_seconds end{};
  int seats = 1;
  std::string title;
  booking_status status = booking_status::confirmed;
  sys_seconds created_at{};
  std::optional<sys_seconds> checked_in_at;
  std::optional<std::string> series_id;

  time_range interval() const noexcept { return {start, end}; }
  bool active() const noexcept { return is_active(status); }
  friend bool operator==(const booking&, const booking&) = default;
};

}  // namespace hubgate::domain
