// Instants and records for the domain tests, written the way people read them.
#pragma once
#include <date/date.h>

#include <chrono>
#include <string>

#include "booking/domain/booking.hpp"
#include "booking/domain/space.hpp"

namespace hubgate::domain::testing {

using namespace std::chrono_literals;

// UTC instant from calendar fields.
inline sys_seconds utc(int y, unsigned m, unsigned d, int h = 0, int mi = 0) {
  return sys_seconds{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} +
         std::chrono::hours{h} + std::chrono::minutes{mi};
}

inline date::local_seconds wall(int y, unsigned m, unsigned d, int h = 0, int mi = 0) {
  return date::local_seconds{date::local_days{date::year{y} / date::month{m} / date::day{d}}} +
         std::chrono::hours{h} + std::chrono::minutes{mi};
}

inline booking make_booking(std::string id, sys_seconds start, sys_seconds end, int seats = 1,
                            booking_status status = booking_status::confirmed,
                            std::string user = "u1") {
  booking b;
  b.id = std::move(id);
  b.space_id = "s1";
  b.user_id = std::move(user);
  b.start = start;
  b.end = end;
  b.seats = seats;
  b.status = status;
  return b;
}

inline space make_space(booking_mode mode, int capacity, std::chrono::seconds buffer = 0s) {
  space s;
  s.id = "s1";
  s.site_id = "site1";
  s.name = "Room";
  s.mode = mode;
  s.capacity = capacity;
  s.rules.buffer = buffer;
  return s;
}

}  // namespace hubgate::domain::testing
